using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scaling.Cli;

namespace Scaling.Tests.Cli;

/// <summary>
/// Every <c>scaling …</c> command a user can read — in the README, docs/, the package readmes, the notebooks, the help
/// and messages of the command line, and the report page — run as the user would run it, or, where it is a synopsis or a reference in prose, checked
/// against the real command: the command exists and every option it names is one of that command's options.
/// </summary>
/// <remarks>
/// A command runs as its own process (<c>dotnet Scaling.Cli.dll …</c>, the build the tests use) in a fresh folder
/// holding what the README's reader has at hand: <c>runs.csv</c> (the synthetic runs), <c>fit.json</c> (fitted from
/// them) and the repository's <c>data/</c>. A file the command writes with <c>--out</c> is not there beforehand. It
/// must exit with 0. A line is a synopsis when it shows choices or placeholders (<c>[--law NAME]</c>, <c>C</c>,
/// <c>A|B</c>, <c>...</c>); an inline mention is a reference when it names no value (<c>`scaling plan --law`</c>).
/// <c>scaling bench</c> measures for minutes: its mentions are checked, not run.
/// </remarks>
public sealed partial class PrintedCommandsTests : IClassFixture<PrintedCommandsTests.Prelude>
{
    private readonly Prelude prelude;

    public PrintedCommandsTests(Prelude prelude) => this.prelude = prelude;

    /// <summary>Each printed command: where it is printed, the command, and whether it is to be run.</summary>
    public static TheoryData<string, string, bool> Printed()
    {
        var data = new TheoryData<string, string, bool>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (where, command, block) in Everywhere())
        {
            string normal = Regex.Replace(command, @"\s+", " ").Trim();
            if (seen.Add(normal))
            {
                data.Add(where, normal, Runnable(normal, block));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Printed))]
    public void PrintedCommand_RunsOrNamesRealOptions(string where, string command, bool run)
    {
        string[] words = Words(command);
        Assert.True(words.Length >= 2 && words[0] == "scaling", $"{where}: '{command}' is not a scaling command");
        Assert.True(prelude.Options.ContainsKey(words[1]), $"{where}: '{command}': there is no command '{words[1]}' (known: {string.Join(", ", prelude.Options.Keys)})");
        var unknown = words.Skip(2).SelectMany(w => OptionName().Matches(w).Select(m => m.Value)).Where(o => !prelude.Options[words[1]].Contains(o)).ToList();
        Assert.True(unknown.Count == 0, $"{where}: '{command}': {words[1]} has no option {string.Join(", ", unknown)}");
        if (run)
        {
            var (code, output, error) = prelude.Run(words[1..]);
            Assert.True(code == 0, $"{where}: '{command}' exited with {code}: {error}{output[..Math.Min(output.Length, 400)]}");
        }
    }

    [Fact]
    public void Printed_CoversEveryPage()
    {
        // Each reference page shows commands; one the collector missed (a new page, a renamed one) would go unchecked.
        var wheres = Everywhere().Select(p => p.Where.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        string[] pages = ["README.md", "docs/cli.md", "docs/report-and-workbook.md", "docs/fitting.md", "docs/campaign.md", "docs/architecture.md", "src/Cli/README.md"];
        Assert.All(pages, page => Assert.Contains(page, wheres));
    }

    [Fact]
    public void ReadmeFirstExample_PrintsWhatTheReadmeShows()
    {
        // The README's "$ scaling plan --flops 5.76e23" shows the first line of what the command prints.
        string readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        var shown = Regex.Match(readme, @"\$ dotnet run --project src/Cli -- (?<command>[^\n]+)\n(?<first>[^\n]+)\n");
        Assert.True(shown.Success, "the README shows no example output");
        var (code, output, _) = prelude.Run(Words(shown.Groups["command"].Value));
        Assert.Equal(0, code);
        Assert.Equal(shown.Groups["first"].Value, output.Split('\n')[0]);
    }

    [Fact]
    public void ReportPage_NamesOnlyRealCommandsAndOptions()
    {
        // The page mentions scaling report and scaling plan, and lists their options in the assumptions' footnote.
        string page = File.ReadAllText(Path.Combine(prelude.Report, "index.html"));
        string text = System.Net.WebUtility.HtmlDecode(Regex.Replace(page, "<(script|style)[^>]*>.*?</\\1>|<[^>]+>", " ", RegexOptions.Singleline));
        var commands = Regex.Matches(text, @"\bscaling ([a-z]+)\b").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("report", commands);
        Assert.All(commands, c => Assert.True(prelude.Options.ContainsKey(c), $"the page names 'scaling {c}', which is no command"));
        var options = Regex.Matches(page, "<code>(--[a-z0-9-]+)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(options.Count >= 10, $"only {options.Count} options on the page");
        Assert.All(options, o => Assert.True(prelude.Options["report"].Contains(o) && prelude.Options["plan"].Contains(o), $"the page names {o}, not an option of both report and plan"));
    }

    private static IEnumerable<(string Where, string Command, bool Block)> Everywhere() =>
        RepositoryFiles.Pages().SelectMany(Page).Concat(Notebooks()).Concat(Sources());

    // A line of a code block, or an inline mention: a synopsis or reference is checked, everything else run.
    private static bool Runnable(string command, bool block)
    {
        string[] words = Words(command);
        if (words.Length < 2 || words[1] == "bench" || Regex.IsMatch(command, @"[\[\]|…]|\.\.\.|\.\.") || words.Skip(2).Any(w => Placeholder().IsMatch(w)))
        {
            return false;
        }

        // Inline, "scaling plan --law" names an option to talk about it; a command to copy gives values and the input
        // the command needs (plan a budget, fit a runs file).
        return block || (words.Skip(2).Any(w => !w.StartsWith('-')) && Complete(words));
    }

    private static bool Complete(string[] words) => words[1] switch
    {
        "plan" => words.Any(w => w is "--flops" or "--target-loss" or "--parameters" or "--budget-eur" or "--help"),
        "fit" => words.Length > 2 && (!words[2].StartsWith('-') || words[2] == "--help"),
        _ => true,
    };

    // Split as a shell does for these commands: at spaces, except inside double quotes ("Llama 3 8B"), quotes removed.
    private static string[] Words(string command) =>
        ShellWord().Matches(command).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).ToArray();

    private static IEnumerable<(string Where, string Command, bool Block)> Page(string relative)
    {
        string[] lines = File.ReadAllLines(RepositoryFiles.Path(relative));
        bool inBlock = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            string where = $"{relative}:{i + 1}";
            if (inBlock)
            {
                string code = Regex.Replace(line.Trim(), @"^\$ ", string.Empty);
                code = Regex.Replace(code, @"^dotnet run --project src/Cli -- ", "scaling ");
                if (code.StartsWith("scaling ", StringComparison.Ordinal))
                {
                    yield return (where, Regex.Replace(code, @"\s+#.*$", string.Empty), true);
                }

                continue;
            }

            foreach (Match match in InlineCommand().Matches(line))
            {
                yield return (where, match.Groups[1].Value, false);
            }
        }
    }

    private static IEnumerable<(string Where, string Command, bool Block)> Notebooks()
    {
        foreach (string path in Directory.GetFiles(RepositoryFiles.Path("notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            using var notebook = JsonDocument.Parse(File.ReadAllText(path));
            int index = 0;
            foreach (var cell in notebook.RootElement.GetProperty("cells").EnumerateArray())
            {
                index++;
                string source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString()));
                foreach (Match match in InlineCommand().Matches(source))
                {
                    yield return ($"notebooks/{Path.GetFileName(path)} cell {index}", match.Groups[1].Value, false);
                }
            }
        }
    }

    // The command line's help and messages: 'scaling …' in quotes in the sources' code (interpolated ones left out).
    private static IEnumerable<(string Where, string Command, bool Block)> Sources()
    {
        foreach (string path in Directory.GetFiles(RepositoryFiles.Path("src"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                // Comments are for maintainers; a user reads what the strings print.
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match match in QuotedCommand().Matches(lines[i]))
                {
                    yield return ($"{Path.GetRelativePath(RepositoryFiles.Path(string.Empty), path)}:{i + 1}", match.Groups[1].Value, false);
                }
            }
        }
    }

    [GeneratedRegex(@"""([^""]*)""|[^\s""]+")]
    private static partial Regex ShellWord();

    [GeneratedRegex(@"`(scaling [a-z][^`]*)`")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"'(scaling [a-z][^'{}]*)'")]
    private static partial Regex QuotedCommand();

    [GeneratedRegex(@"^--[a-z0-9-]+")]
    private static partial Regex OptionName();

    // C, N, FILE, NAME, DIR, FILE.csv, PATH.json: words that stand for a value the reader chooses.
    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*(\.[a-z]+)?$")]
    private static partial Regex Placeholder();

    /// <summary>Every command's options (from its help), the files a reader has at hand, and the default report.</summary>
    public sealed class Prelude : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("scaling-printed-").FullName;

        public Prelude()
        {
            var (_, help, _) = CliRunner.Run("--help");
            var commands = Regex.Matches(help.Split("Commands:")[1], @"^\s{2}([a-z]+)\b", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
            Options = commands.ToDictionary(
                c => c,
                c => (IReadOnlySet<string>)Regex.Matches(CliRunner.Run(c, "--help").Out, @"^\s+(?:-[a-z?], )*(--[a-z0-9-]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal));

            Files = Path.Combine(root, "files");
            CopyTree(RepositoryFiles.Path("data"), Path.Combine(Files, "data"));
            File.Copy(RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv"), Path.Combine(Files, "runs.csv"));
            var fit = Run(["fit", "runs.csv", "--bootstrap", "100", "--out", "fit.json"], Files);
            Assert.True(fit.ExitCode == 0, fit.Error);
            Report = Path.Combine(root, "report");
            var report = Run(["report", "--out", Report, "--formats", "html"], root);
            Assert.True(report.ExitCode == 0, report.Error);
        }

        /// <summary>Each command's option names, from its help.</summary>
        public IReadOnlyDictionary<string, IReadOnlySet<string>> Options { get; }

        /// <summary>The folder of the default report's page.</summary>
        public string Report { get; }

        private string Files { get; }

        /// <summary>Runs <c>scaling</c> with <paramref name="args"/> in a fresh copy of the reader's files.</summary>
        public (int ExitCode, string Output, string Error) Run(string[] args)
        {
            string folder = Path.Combine(root, "run-" + Guid.NewGuid().ToString("N"));
            CopyTree(Files, folder);
            int output = Array.IndexOf(args, "--out");
            if (output >= 0 && output + 1 < args.Length && Path.Combine(folder, args[output + 1]) is var written && File.Exists(written))
            {
                File.Delete(written);
            }

            return Run(args, folder);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }

        private static (int ExitCode, string Output, string Error) Run(string[] args, string folder)
        {
            string cli = typeof(ScalingApp).Assembly.Location;
            var (code, output, error) = ExternalTool.Run("dotnet", [cli, .. args], environment: new Dictionary<string, string>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            }, timeout: TimeSpan.FromMinutes(5), workingDirectory: folder);
            return (code, Encoding.UTF8.GetString(output), error);
        }

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (string directory in Directory.GetDirectories(from))
            {
                CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }
    }
}
