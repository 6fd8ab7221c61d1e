using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Scaling.Allocation;
using Scaling.Audit;
using Scaling.Hardware;
using Scaling.Laws;
using Scaling.Resources;

namespace Scaling.Tests.Packaging;

/// <summary>
/// Every C# block a user can read (the README, docs/, the package readmes) as a user runs it: pasted into a new console
/// project that references the packed <c>Scaling</c> package from a local folder (not the source tree), built and run.
/// Each block becomes one method of its own (its <c>using</c> lines above it), so the blocks cannot lean on each other.
/// On an earlier main the README's example did not compile (<c>Frontier()</c> needs <c>using Scaling.Allocation;</c>).
/// The library is packed once for the class (no Native AOT: a library pack and one small build), under a version no
/// one else uses, whose cached copy is removed afterwards.
/// </summary>
public sealed partial class ReadmeLibraryExampleTests : IClassFixture<ReadmeLibraryExampleTests.Example>
{
    private readonly Example example;

    public ReadmeLibraryExampleTests(Example example) => this.example = example;

    [Fact]
    public void Example_BuildsAgainstThePackage_AndPrintsTheLibrarysNumbers()
    {
        Assert.True(example.ExitCode == 0, example.Output);
        var plan = LawPresets.Besiroglu2024.Frontier().Optimum(5.76e23);
        Assert.Contains(Invariant($"N* {plan.Parameters:G3}, D* {plan.Tokens:G3}, loss {plan.Loss:F2}"), example.Output, StringComparison.Ordinal);
        var budget = BudgetPlan.ForEuros(LawPresets.Besiroglu2024.Frontier(), 2e6, new ResourceAssumptions(HardwareCatalog.Default.Get("H100-SXM")));
        Assert.Contains(Invariant($"€2M: {budget.Optimum.Parameters:G3} parameters on {budget.Resources.Gpus} GPUs for {budget.Resources.Days:F1} days"), example.Output, StringComparison.Ordinal);
        Assert.Contains($"GPT-3: {ModelAuditor.Create(LawPresets.Default).Audit(175e9, 300e9).Verdict}", example.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_EuroPlan_IsOneAManagerWouldRun()
    {
        // On main the README's euro plan came out at 21 GPUs for 1,323 days.
        var days = double.Parse(EuroDays().Match(example.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(days, 1, ResourceAssumptions.DefaultScheduleDays);
    }

    [Fact]
    public void Examples_AreEveryCSharpBlockOfThePages()
    {
        // The README, the library's package readme and docs/fitting.md each show one; a notebook's #r lines are not C#.
        var pages = Example.Snippets().Select(s => s.Where.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string> { "README.md", "src/Scaling/README.md", "docs/fitting.md" }, pages);
        Assert.All(Example.Snippets(), s => Assert.Contains($"[{s.Where}] ran", example.Output, StringComparison.Ordinal));
    }

    [Fact]
    public void Package_CarriesTheLibrarysOwnReadme()
    {
        // Not the repository's front door: the package page on NuGet shows the library's readme, with its example.
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(example.Feed, $"Scaling.{example.Version}.nupkg"));
        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(RepositoryFiles.Path("src/Scaling/README.md")), readme.ReadToEnd());
    }

    [Fact]
    public void Example_RunsOnThePackedLibrary()
    {
        // The Scaling.dll the example ran with is the package's, stamped with the version packed for this test.
        string dll = Path.Combine(example.Directory, "bin", "Release", "net10.0", "Scaling.dll");
        string? version = System.Diagnostics.FileVersionInfo.GetVersionInfo(dll).ProductVersion;
        Assert.StartsWith(example.Version, version, StringComparison.Ordinal);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"GPUs for ([\d.]+) days")]
    private static partial Regex EuroDays();

    /// <summary>The library packed, the README's program built against it and run, once.</summary>
    public sealed class Example : IDisposable
    {
        private readonly string root = System.IO.Directory.CreateTempSubdirectory("scaling-readme-").FullName;
        private readonly string cache;

        public Example()
        {
            Version = $"{XDocument.Load(RepositoryFiles.Path("Directory.Build.props")).Descendants("Version").Single().Value}-readme.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
                ? packages
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string source = Path.Combine(root, "src-copy");
            PackageInstallTests.Packed.CopySources(RepositoryFiles.Path(string.Empty), source);
            string feed = Path.Combine(root, "feed");
            Feed = feed;
            PackageInstallTests.Packed.Dotnet(source, "pack", "src/Scaling", "-c", "Release", "-o", feed, $"-p:Version={Version}");

            string project = System.IO.Directory.CreateDirectory(Path.Combine(root, "example")).FullName;
            Directory = project;
            File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            string csproj = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Scaling" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """;
            File.WriteAllText(Path.Combine(project, "example.csproj"), csproj);
            var snippets = Snippets();
            for (int i = 0; i < snippets.Count; i++)
            {
                File.WriteAllText(Path.Combine(project, $"Snippet{i}.cs"), AsMethod(snippets[i].Code, $"Snippet{i}"));
            }

            File.WriteAllText(Path.Combine(project, "Program.cs"), string.Concat(snippets.Select((s, i) =>
                $"Snippet{i}.Run();\nConsole.WriteLine(\"[{s.Where}] ran\");\n")));
            File.Copy(RepositoryFiles.Path("data/benchmarks/synthetic-runs.csv"), Path.Combine(project, "runs.csv"));
            var (code, output, error) = ExternalTool.Run("dotnet", ["run", "-c", "Release"], environment: new Dictionary<string, string>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
            }, workingDirectory: project, timeout: TimeSpan.FromMinutes(10));
            ExitCode = code;
            Output = System.Text.Encoding.UTF8.GetString(output) + error;
        }

        public string Version { get; }

        /// <summary>The folder the library was packed into.</summary>
        public string Feed { get; }

        /// <summary>The console project's folder.</summary>
        public string Directory { get; }

        public int ExitCode { get; }

        public string Output { get; }

        /// <summary>Every <c>```csharp</c> block of the pages a user reads, as written, with its page and line.</summary>
        public static IReadOnlyList<(string Where, string Code)> Snippets()
        {
            var snippets = new List<(string Where, string Code)>();
            foreach (string page in RepositoryFiles.Pages())
            {
                string[] lines = File.ReadAllLines(RepositoryFiles.Path(page));
                for (int i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Trim() != "```csharp")
                    {
                        continue;
                    }

                    int end = Array.FindIndex(lines, i + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
                    string code = string.Join('\n', lines[(i + 1)..end]);
                    // A notebook's package directives (#i, #r) are the kernel's, checked by PackageInstallTests.
                    if (!code.TrimStart().StartsWith('#'))
                    {
                        snippets.Add(($"{page}:{i + 1}", code + "\n"));
                    }

                    i = end;
                }
            }

            return snippets;
        }

        // A block written as top-level statements, as a static method: its using directives stay at the top of the file.
        private static string AsMethod(string code, string name)
        {
            var lines = code.Split('\n');
            var usings = lines.TakeWhile(l => l.Length == 0 || (l.StartsWith("using ", StringComparison.Ordinal) && !l.Contains('=', StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal))).ToList();
            string body = string.Join('\n', lines.Skip(usings.Count));
            return $"{string.Join('\n', usings)}\ninternal static class {name}\n{{\n    public static void Run()\n    {{\n{body}\n    }}\n}}\n";
        }

        public void Dispose()
        {
            string cached = Path.Combine(cache, "scaling", Version.ToLowerInvariant());
            foreach (string folder in new[] { cached, root })
            {
                try
                {
                    if (System.IO.Directory.Exists(folder))
                    {
                        System.IO.Directory.Delete(folder, recursive: true);
                    }
                }
                catch (IOException)
                {
                    // A temporary folder left behind is harmless.
                }
            }
        }
    }
}
