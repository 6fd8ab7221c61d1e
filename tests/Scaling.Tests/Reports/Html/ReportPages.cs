using Scaling.Tests.Cli;

namespace Scaling.Tests.Reports.Html;

/// <summary>
/// The reports the browser tests open, written once by the real command line: the newcomer's default
/// <c>scaling report</c>, and one with <c>--fit-runs</c> (page only).
/// </summary>
public sealed class ReportPages : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"scaling-html-{Guid.NewGuid():N}");

    public ReportPages()
    {
        DefaultDirectory = Path.Combine(root, "default");
        var (code, output, error) = CliRunner.Run("report", "--out", DefaultDirectory);
        Assert.True(code == 0, error);
        DefaultOutput = output;

        FitDirectory = Path.Combine(root, "fit");
        var fit = CliRunner.Run("report", "--out", FitDirectory, "--formats", "html", "--fit-runs", RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv"));
        Assert.True(fit.ExitCode == 0, fit.Error);
    }

    /// <summary>The folder of the default report (every format).</summary>
    public string DefaultDirectory { get; }

    /// <summary>What the default <c>scaling report</c> printed.</summary>
    public string DefaultOutput { get; }

    /// <summary>The folder of the report with a fit (the page only).</summary>
    public string FitDirectory { get; }

    public string DefaultPage => Path.Combine(DefaultDirectory, "index.html");

    public string FitPage => Path.Combine(FitDirectory, "index.html");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
