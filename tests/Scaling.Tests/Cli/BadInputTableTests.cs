using System.Globalization;
using System.Text.RegularExpressions;

namespace Scaling.Tests.Cli;

/// <summary>
/// The bad inputs of issues 14 and 24, one row each across the commands: every one ends in exit 2 with exactly one stderr line
/// that names the option or file the user gave — or, where the input is legal, exit 0 with finite, readable output.
/// Never exit 1 (a bug) and never a stack trace. Files the rows need (a semicolon CSV, a law JSON with a duplicate key,
/// …) are written to a temporary folder; <c>{name}</c> in a row stands for that file's path.
/// </summary>
public sealed partial class BadInputTableTests : IClassFixture<BadInputTableTests.Files>
{
    private const string Fit = "fit";
    private const string Camp = "campaign";
    private static readonly string[] Shape = ["architecture", "--layers", "32", "--d-model", "4096", "--heads", "32"];
    private static readonly string[] Design = [Camp, "--target-flops", "1e24", "--campaign-flops", "4.1e22"];

    private readonly Files files;

    public BadInputTableTests(Files files) => this.files = files;

    /// <summary>Rows: what the stderr line must name (an option or a file placeholder; null for exit 0), then the arguments.</summary>
    public static TheoryData<string?, string[]> Rows => new()
    {
        // Budgets: negative, NaN, ∞, tiny, huge, decimal comma, euros that overflow.
        { "--flops", ["plan", "--flops", "-1e24"] },
        { "--flops", ["plan", "--flops", "NaN"] },
        { "--flops", ["plan", "--flops", "Infinity"] },
        { "--flops", ["plan", "--flops", "∞"] },
        { "--flops", ["plan", "--flops", "1e-300"] },
        { null, ["plan", "--flops", "1e300"] },
        { "--flops", ["plan", "--flops", "1,5e24"] },
        { "--budget-eur", ["plan", "--budget-eur", "1e300", "--gpu", "H100-SXM"] },
        { "--budget-eur", ["plan", "--budget-eur", "-5", "--gpu", "H100-SXM"] },
        { "--target-loss", ["plan", "--target-loss", "1.0"] },
        { "--parameters", ["plan", "--parameters", "1e308"] },
        { "--max-parameters", ["plan", "--flops", "1e24", "--max-parameters", "0.5"] },
        { "--inference-tokens", ["plan", "--flops", "1e24", "--inference-tokens", "1e300"] },
        { null, ["plan", "--flops", "1e24", "--inference-tokens", "0"] },

        // Hardware: unknown GPU, nonsense assumptions, a semicolon catalog.
        { "--gpu", ["plan", "--flops", "1e24", "--gpu", "NoSuchGpu"] },
        { "--mfu", ["plan", "--flops", "1e24", "--gpu", "H100-SXM", "--mfu", "1.5"] },
        { "--gpus", ["plan", "--flops", "1e24", "--gpu", "H100-SXM", "--gpus", "0"] },
        { "--precision", ["plan", "--flops", "1e24", "--gpu", "H100-SXM", "--precision", "fp7"] },
        { "--bytes-per-parameter", ["plan", "--flops", "1e24", "--gpu", "H100-SXM", "--bytes-per-parameter", "-3"] },
        { "--hardware", ["plan", "--flops", "1e24", "--gpu", "H100-SXM", "--hardware", "{semicolon.csv}"] },
        { "--context", ["plan", "--flops", "1e24", "--architecture", "--context", "0"] },
        { "--flops-per-token", ["plan", "--flops", "1e24", "--architecture", "--flops-per-token", "7n"] },

        // Laws: unknown, degenerate, duplicate key, law and rule together, missing file.
        { "--law", ["plan", "--law", "nosuchlaw"] },
        { "--law", ["plan", "--flops", "1e24", "--law", "E=1.69,A=406.4,B=410.7,alpha=1e-300,beta=0.28"] },
        { "{duplicate.json}", ["plan", "--law", "{duplicate.json}"] },
        { "{law-and-rule.json}", ["plan", "--law", "{law-and-rule.json}"] },
        { "--law", ["plan", "--law", "/no/such/law.json"] },

        // Fits: semicolon CSV, too few runs, huge counts, an --out that exists.
        { "{semicolon.csv}", [Fit, "{semicolon.csv}"] },
        { "{few-runs.csv}", [Fit, "{few-runs.csv}", "--bootstrap", "0"] },
        { "/no/such/runs.csv", [Fit, "/no/such/runs.csv"] },
        { "--bootstrap", [Fit, "{runs.csv}", "--bootstrap", "1e9"] },
        { "--bootstrap", [Fit, "{runs.csv}", "--bootstrap", "1000000000"] },
        { "--starts", [Fit, "{runs.csv}", "--starts", "2147483647"] },
        { "--approach", [Fit, "{runs.csv}", "--approach", "4"] },
        { "--delta", [Fit, "{runs.csv}", "--delta", "NaN"] },
        { "--out", [Fit, "{runs.csv}", "--bootstrap", "0", "--starts", "10", "--out", "{existing.txt}"] },

        // Report: --out naming a file, unknown formats.
        { "--out", ["report", "--out", "{existing.txt}"] },
        { "--formats", ["report", "--formats", "gif"] },

        // Architecture nonsense.
        { "--layers", ["architecture", "--layers", "0", "--d-model", "4096", "--heads", "32"] },
        { "--heads", ["architecture", "--layers", "32", "--d-model", "4096", "--heads", "33"] },
        { "--kv-heads", [.. Shape, "--kv-heads", "5"] },
        { "--d-model", ["architecture", "--layers", "32", "--d-model", "-4096", "--heads", "32"] },
        { "--context", [.. Shape, "--context", "2147483647"] },
        { "--parameters", ["architecture", "--parameters", "1e300"] },
        { "--conventions", ["architecture", "--parameters", "7e9", "--conventions", "t5"] },
        { "--precision", ["architecture", "--parameters", "7e9", "--precision", "fp7"] },
        { "--config", ["architecture", "--config", "/no/such/config.json"] },
        { "--experts", ["architecture", "--parameters", "7e9", "--experts", "8", "--active-experts", "2"] },
        { "--experts", ["architecture", "--layers", "4", "--d-model", "256", "--heads", "4", "--experts", "8"] },
        { "--active-experts", ["architecture", "--layers", "4", "--d-model", "256", "--heads", "4", "--experts", "2", "--active-experts", "3"] },
        { "--dense-layers", ["architecture", "--layers", "4", "--d-model", "256", "--heads", "4", "--experts", "2", "--active-experts", "1", "--dense-layers", "5"] },

        // Plan: mixtures of experts and layouts.
        { "--experts", ["plan", "--experts", "32", "--flops", "1e23"] },
        { "--experts", ["plan", "--experts", "64", "--parameters", "1e9"] },
        { "--experts", ["plan", "--experts", "64"] },
        { "--layout", ["plan", "--flops", "1e23", "--layout", "auto"] },
        { "--layout", ["plan", "--flops", "1e23", "--layout", "manual"] },
        { "--gpus", ["plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--gpus", "16", "--layout", "auto"] },
        { "--context", ["plan", "--flops", "5.76e23", "--gpu", "H100-SXM", "--layout", "auto", "--context", "4000000"] },

        // MFU.
        { "--tokens-per-second", ["mfu", "--parameters", "7e9", "--gpus", "8", "--gpu", "H100-SXM"] },
        { "--tokens-per-second", ["mfu", "--parameters", "7e9", "--tokens-per-second", "-1", "--gpus", "8", "--gpu", "H100-SXM"] },
        { "--gpus", ["mfu", "--parameters", "7e9", "--tokens-per-second", "1e4", "--gpu", "H100-SXM"] },
        { "--gpu", ["mfu", "--parameters", "7e9", "--tokens-per-second", "1e4", "--gpus", "8", "--gpu", "Z80"] },
        { "--precision", ["mfu", "--parameters", "7e9", "--tokens-per-second", "1e4", "--gpus", "8", "--gpu", "TPUv4", "--precision", "fp8"] },

        // Campaign nonsense.
        { null, [Camp, "--target-flops", "1e24", "--campaign-flops", "1e10"] },
        { "--campaign-flops", [Camp, "--target-flops", "1e24", "--campaign-flops", "1e3"] },
        { "--campaign-flops", [Camp, "--target-flops", "1e24", "--campaign-flops", "4e-323"] },
        { "--budgets", [.. Design, "--budgets", "0"] },
        { "--sizes-per-budget", [.. Design, "--sizes-per-budget", "2147483647"] },
        { "--span-decades", [.. Design, "--span-decades", "5"] },
        { "--spacing", [.. Design, "--spacing", "odd"] },
        { "--trials", [.. Design, "--simulate", "--trials", "2147483647"] },
        { "--noise", [.. Design, "--simulate", "--noise", "2"] },
        { "--resamples", [.. Design, "--simulate", "--resamples", "1"] },
        { "--seed", [.. Design, "--simulate", "--seed", "1.5"] },
        { "--next", [Camp, "--target-flops", "1e24", "--runs", "{runs.csv}", "--next", "0"] },

        // Issue 24: data problems that surfaced as bugs, option and file names, bounded reads, silent fallbacks.
        { "--flops", ["plan", "1e24"] },
        { "--law", ["plan", "--flops", "1e24", "--law", ""] },
        { "--out", [Fit, "{runs.csv}", "--bootstrap", "0", "--starts", "10", "--out", ""] },
        { "--runs", ["synth", "--runs", "3"] },
        { "{down.csv}", [Fit, "{down.csv}", "--approach", "2", "--bootstrap", "0"] },
        { "{header-only.csv}", [Fit, "{header-only.csv}", "--bootstrap", "0"] },
        { "num_key_value_heads", ["architecture", "--config", "{kv5.json}"] },
        { "{huge.json}", ["architecture", "--config", "{huge.json}"] },
        { "--layers", ["architecture", "--layers", "10000", "--d-model", "1048576", "--heads", "65536", "--head-size", "1048576"] },
        { "--config", ["architecture", "--config", "{folder}"] },
        { "--config", ["architecture", "--config", "/dev/zero"] },
        { "--law", ["plan", "--flops", "1e24", "--law", "/dev/zero"] },
        { "--hardware", ["hardware", "--hardware", "/dev/zero"] },
        { "--models", ["audit", "--models", "/dev/zero"] },
        { "--runs", [Camp, "--target-flops", "1e24", "--runs", "/dev/zero"] },
        { "/dev/zero", [Fit, "/dev/zero"] },
        { "--runs", [Camp, "--target-flops", "1e24", "--runs", "/no/such/runs.csv"] },
        { "--fit-runs", ["report", "--fit-runs", "/no/such/runs.csv", "--out", "{report}"] },
        { "--budget-eur", ["report", "--budget-eur", "1e6", "--out", "{report}"] },
        { "--law", ["plan", "--flops", "1e24", "--robust", "--law", "hoffmann2022"] },
        { "--gpu", ["plan", "--flops", "1e24", "--robust", "--gpu", "H100-SXM"] },
        { "{edited.json}", ["plan", "--flops", "1e24", "--law", "{edited.json}"] },
        { "--out", [Camp, "--target-flops", "1e24", "--runs", "{runs.csv}", "--next", "2", "--out", "{next.csv}"] },
        { "--law", [Camp, "--target-flops", "1e24", "--runs", "{runs.csv}", "--next", "2", "--law", "hoffmann2022"] },
        { "--simulate", [Camp, "--target-flops", "1e24", "--runs", "{runs.csv}", "--next", "2", "--simulate"] },
        { "--target-flops", [Camp, "--target-flops", "1", "--campaign-flops", "4.1e22"] },
        { "--hardware", ["hardware", "--hardware", "{bad-name.csv}"] },
        { "--memory-gb", ["plan", "--flops", "1e22", "--gpu", "H100-SXM", "--memory-gb", "1e-300"] },
        { "--usable-memory", ["plan", "--flops", "1e22", "--gpu", "H100-SXM", "--usable-memory", "1e-300"] },
        { "--hardware-utilisation", ["plan", "--flops", "1e22", "--gpu", "H100-SXM", "--hardware-utilisation", "1e-300"] },
        { "--max-tokens", ["plan", "--flops", "1e24", "--max-tokens", "1"] },
        { "--max-parameters", ["plan", "--flops", "1e24", "--max-parameters", "1"] },
        { "--max-tokens", ["plan", "--flops", "1e24", "--law", "hoffmann2022-approach1", "--max-tokens", "1e10"] },
        { "--layout", ["plan", "--flops", "1e9", "--gpu", "H100-SXM", "--layout", "auto"] },
        { "--flops", ["plan", "--flops", "1e22", "--flops", "1e23"] },
        { null, ["plan", "--flops", "1e25", "--max-parameters", "8e9"] },

        // Audit.
        { "--models", ["audit", "--models", "{semicolon.csv}"] },
        { "--tokens", ["audit", "--parameters", "1e9"] },
        { "--tolerance", ["audit", "--tolerance", "0.5"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void BadInput_ExitsTwoWithOneLineNamingIt_OrZeroWithFiniteOutput(string? named, string[] args)
    {
        string[] call = args.Select(files.Resolve).ToArray();
        var (code, output, error) = CliRunner.Run(call);
        string shown = string.Join(' ', call);
        if (named is null)
        {
            Assert.True(code == 0, $"{shown}: exit {code}, {error}");
            Assert.DoesNotMatch(Unreadable(), output);
            return;
        }

        Assert.True(code == 2, $"{shown}: exit {code} (expected 2), {error}");
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n', '\r').Split('\n'));
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(files.Resolve(named), error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADirectory_IsCalledADirectory_NotMissing()
    {
        string folder = files.Resolve("{folder}");
        var (code, _, error) = CliRunner.Run("architecture", "--config", folder);
        Assert.Equal(2, code);
        Assert.Contains($"'{folder}' is a directory", error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RunsFileErrors_NameTheFile_NeitherRunsNorAnOptionNobodyGave()
    {
        string path = files.Resolve("{header-only.csv}");
        var (code, _, error) = CliRunner.Run(Fit, path, "--bootstrap", "0");
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {path}: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("runs:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--exclude-top-loss", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_AreAtLeastFortyAcrossEveryValueCommand()
    {
        var commands = Rows.Select(row => ((string[])row[1])[0]).ToHashSet(StringComparer.Ordinal);
        Assert.True(Rows.Count >= 40, $"{Rows.Count} rows");
        Assert.Superset(new HashSet<string> { "plan", "fit", "report", "architecture", "campaign", "audit" }, commands);
    }

    // NaN, infinities, runs of 10 or more digits (a number printed in full instead of in scientific notation) and
    // a ratio rounded to nothing.
    [GeneratedRegex(@"NaN|Infinity|∞|\d{10}|\b0\.0 ")]
    private static partial Regex Unreadable();

    /// <summary>The input files of the rows, in a temporary folder removed after the tests.</summary>
    public sealed class Files : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("scaling-bad-input-").FullName;

        public Files()
        {
            Write("semicolon.csv", "parameters;tokens;loss\n1e8;2e9;3.1\n2e8;4e9;2.9\n");
            Write("few-runs.csv", "parameters,tokens,loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n");
            Write("duplicate.json", """{"law": {"E": 1.69, "E": 1.7, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}}""");
            Write("law-and-rule.json", """{"law": {"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}, "rule": {"parametersCoefficient": 0.1, "exponentA": 0.5}}""");
            Write("existing.txt", "a file in the way\n");
            File.Copy(RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv"), Path.Combine(folder, "runs.csv"));
            Write("header-only.csv", "parameters,tokens,loss\n");
            Write("bad-name.csv", "name,memory_gb,eur_per_gpu_hour,bf16_tflops\nmy chip!,80,2,989\n");

            // IsoFLOP groups whose optimal size falls with compute: N* = 1e9·(C/1e18)^-0.3, a parabola in ln N around it.
            Write("down.csv", "parameters,tokens,loss\n" + string.Concat(
                from flops in new[] { 1e18, 1e19, 1e20, 1e21 }
                from k in Enumerable.Range(-4, 9)
                let optimum = 1e9 * Math.Pow(flops / 1e18, -0.3)
                let n = optimum * Math.Pow(10, k * 0.2)
                select string.Create(CultureInfo.InvariantCulture, $"{n:R},{flops / (6 * n):R},{3 + (0.05 * Math.Pow(Math.Log(n / optimum), 2)):R}\n")));
            const string Llama = "\"model_type\": \"llama\", \"hidden_size\": 4096, \"intermediate_size\": 11008, \"num_hidden_layers\": 32, \"num_attention_heads\": 32, \"vocab_size\": 32000";
            Write("kv5.json", "{" + Llama + ", \"num_key_value_heads\": 5}");
            Write("huge.json", """{"model_type": "llama", "hidden_size": 1048576, "intermediate_size": 4194304, "num_hidden_layers": 10000, "num_attention_heads": 65536, "num_key_value_heads": 65536, "head_dim": 1048576, "vocab_size": 100000000}""");

            // A fit whose law was edited by hand while its refits stayed: E and alpha far outside them.
            Write("edited.json", """{"law": {"E": 1.0, "A": 406.4, "B": 410.7, "alpha": 0.6, "beta": 0.28}, "resampledLaws": [[1.69, 400, 410, 0.34, 0.28], [1.7, 420, 400, 0.35, 0.29], [1.68, 390, 420, 0.33, 0.27]]}""");
        }

        /// <summary><paramref name="argument"/> with a <c>{name}</c> placeholder replaced by the file's path.</summary>
        public string Resolve(string argument) =>
            argument == "{folder}" ? folder
            : argument.StartsWith('{') && argument.EndsWith('}') ? Path.Combine(folder, argument[1..^1])
            : argument;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private void Write(string name, string content) => File.WriteAllText(Path.Combine(folder, name), content);
    }
}
