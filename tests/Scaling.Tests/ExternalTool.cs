using System.Diagnostics;

namespace Scaling.Tests;

/// <summary>
/// A program the tests use as a real client (rsvg-convert, unshare), found on PATH. A missing one fails the test with
/// the package that provides it; ./test.sh installs them.
/// </summary>
internal static class ExternalTool
{
    public static string Find(string command, string package) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{command} is not installed (Debian/Ubuntu package {package}); run ./test.sh, which installs it.");

    /// <summary>Runs a program with <paramref name="stdin"/> as its input; its exit code and standard output as bytes.</summary>
    public static (int ExitCode, byte[] Output, string Error) Run(string program, IEnumerable<string> arguments, byte[]? stdin = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time.");
        }

        copy.Wait();
        return (process.ExitCode, output.ToArray(), error.Result);
    }
}
