using System.Diagnostics;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// Runs a notebook in the real Polyglot kernel: dotnet-repl 0.3.259 (the kernel build of Microsoft.dotnet-interactive
/// 1.0.712001), pinned in the repository's tool manifest dotnet-tools.json and restored by ./test.sh. The notebook
/// runs from its own folder, as a user's does, so its relative <c>#r "../src/..."</c> lines resolve.
/// </summary>
internal static class NotebookKernel
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    /// <summary>Runs every cell of the notebook at <paramref name="path"/> and reads what the kernel wrote.</summary>
    public static async Task<KernelRun> RunAsync(string path)
    {
        string name = Path.GetFileName(path);
        string folder = Directory.CreateTempSubdirectory("scaling-notebook-").FullName;
        try
        {
            string output = Path.Combine(folder, name);
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(path),
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in new[] { "tool", "run", "dotnet-repl", "--", "--run", name, "--output-path", output, "--exit-after-run" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            process.StandardInput.Close();
            var log = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            using var cancel = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{name}: the kernel did not finish within {Timeout.TotalMinutes} minutes.");
            }

            string text = string.Concat(await log);
            var notebook = File.Exists(output) ? NotebookDocument.Parse(name, await File.ReadAllTextAsync(output)) : null;
            return new KernelRun(name, process.ExitCode, text, notebook);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
