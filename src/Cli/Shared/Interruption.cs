using System.Runtime.InteropServices;

namespace Scaling.Cli.Shared;

/// <summary>
/// SIGINT or SIGTERM turned into a request that a long command honours between steps, so that its cleanup runs and it
/// ends with exit 130 instead of being killed half-way (see <see cref="Commands.Report.ReportDirectory"/>).
/// </summary>
/// <param name="unfinished">What the message says was not complete ("the report").</param>
/// <param name="stop">A stop requested by the host of the command line (<see cref="CliConsole.Stop"/>), honoured as a signal.</param>
internal sealed class Interruption(string unfinished = "the report", CancellationToken stop = default)
{
    private readonly CancellationTokenSource cancellation = CancellationTokenSource.CreateLinkedTokenSource(stop);

    /// <summary>Cancelled when a signal arrives, for work that takes a token (the fit of <c>report --fit-runs</c>).</summary>
    public CancellationToken Token => cancellation.Token;

    /// <summary>Catches SIGINT and SIGTERM until the result is disposed.</summary>
    public IDisposable Listen()
    {
        PosixSignalRegistration[] registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Request),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Request),
        ];
        return new Registrations(registrations);
    }

    /// <exception cref="OperationCanceledException">A signal arrived.</exception>
    public void ThrowIfRequested()
    {
        if (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException($"interrupted before {unfinished} was complete; nothing was changed in the output directory.");
        }
    }

    private void Request(PosixSignalContext context)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }

    private sealed class Registrations(PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
