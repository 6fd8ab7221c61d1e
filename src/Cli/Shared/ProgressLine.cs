using System.Globalization;

namespace Scaling.Cli.Shared;

/// <summary>
/// A one-line progress bar on stderr with an estimate of the time left, redrawn with a carriage return; it appears only
/// once the work has run for a second (quick fits print nothing) and never when stderr is not a terminal, so
/// redirected output and <c>--json</c> stay clean.
/// </summary>
internal sealed class ProgressLine : IProgress<int>, IDisposable
{
    private const int Width = 30;
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
    private readonly TextWriter? writer;
    private readonly string label;
    private readonly int total;
    private readonly Lock gate = new();
    private int shownPercent = -1;

    private ProgressLine(TextWriter? writer, string label, int total)
    {
        this.writer = writer;
        this.label = label;
        this.total = Math.Max(1, total);
    }

    /// <summary>A bar that draws only when <paramref name="enabled"/> and the console's error writer is the process's stderr and that is a terminal.</summary>
    public static ProgressLine Start(CliConsole console, bool enabled, string label, int total)
    {
        bool terminal = enabled && ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;
        return new ProgressLine(terminal ? console.Error : null, label, total);
    }

    public void Report(int value)
    {
        if (writer is null)
        {
            return;
        }

        int done = Math.Clamp(value, 0, total);
        int percent = (int)(100L * done / total);
        var elapsed = watch.Elapsed;
        if (elapsed < Quiet)
        {
            return;
        }

        lock (gate)
        {
            if (percent == shownPercent)
            {
                return;
            }

            shownPercent = percent;
            int filled = percent * Width / 100;
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {TimeLeft(elapsed, done),-12}"));
            writer.Flush();
        }
    }

    // The time left at the average pace so far.
    private string TimeLeft(TimeSpan elapsed, int done)
    {
        if (done == 0)
        {
            return string.Empty;
        }

        double seconds = elapsed.TotalSeconds * (total - done) / done;
        return seconds >= 90
            ? string.Create(CultureInfo.InvariantCulture, $"~{seconds / 60:0} min left")
            : string.Create(CultureInfo.InvariantCulture, $"~{Math.Ceiling(seconds):0} s left");
    }

    public void Dispose()
    {
        if (writer is not null && shownPercent >= 0)
        {
            lock (gate)
            {
                writer.Write("\r" + new string(' ', label.Length + Width + 21) + "\r");
                writer.Flush();
            }
        }
    }
}
