namespace Scaling.Cli.Shared;

/// <summary>
/// What a file the user names should hold — said in the error when it cannot be read — and the most the tool reads of
/// it, so that <c>/dev/zero</c> or a multi-gigabyte file is refused with exit 2 instead of filling memory.
/// </summary>
/// <param name="Expected">What to give instead, e.g. "a CSV with the header parameters,tokens,loss".</param>
/// <param name="MaxBytes">The most bytes read before the file is refused as too large.</param>
internal sealed record FileKind(string Expected, long MaxBytes)
{
    /// <summary>The longest line a CSV may have: 64 Ki characters, some thousand times a row of any of ours.</summary>
    public const int MaxLineLength = 1 << 16;

    /// <summary>
    /// Training runs: 256 MiB, about four million rows of <c>parameters,tokens,loss</c> — four times
    /// <see cref="CliOptions.MaxRuns"/>, with room for comments and extra columns.
    /// </summary>
    public static FileKind Runs { get; } = new("a CSV with the header parameters,tokens,loss (try 'scaling synth --out runs.csv')", 256L << 20);

    /// <summary>
    /// A law written by <c>scaling fit --out</c>: 64 MiB, four times the largest fit file (100,000 bootstrap refits of
    /// five numbers, indented, are about 15 MB).
    /// </summary>
    public static FileKind Law { get; } = new("a preset name (see 'scaling laws'), E=..,A=..,B=..,alpha=..,beta=.. or the path of a fit JSON written by 'scaling fit'", 64L << 20);

    /// <summary>An accelerator catalog: 16 MiB, some hundred thousand rows.</summary>
    public static FileKind Catalog { get; } = new("a CSV with the columns of data/benchmarks/hardware.csv", 16L << 20);

    /// <summary>A model registry: 16 MiB, some hundred thousand rows.</summary>
    public static FileKind Registry { get; } = new("a CSV with the columns of data/benchmarks/models.csv", 16L << 20);

    /// <summary>A Hugging Face config.json: 16 MiB, thousands of times the size of a real one (a few KB).</summary>
    public static FileKind Config { get; } = new("the path of a Hugging Face config.json", 16L << 20);

    /// <summary>A distillation law's coefficients: 1 MiB, thousands of times the size of the nine numbers it holds.</summary>
    public static FileKind DistillationLaw { get; } = new("a JSON object {\"c0\", \"c1\", \"d1\", \"f1\", \"A\", \"B\", \"alpha\", \"beta\", \"gamma\"} (Busbridge et al. 2025, Eq. 8)", 1L << 20);
}
