using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ClosedXML.Excel;
using Scaling.Allocation;
using Scaling.Laws;
using Scaling.Tests.Cli;
using Scaling.Tests.Notebooks;
using Scaling.Tests.Reports.Workbooks;

namespace Scaling.Tests.Packaging;

/// <summary>
/// Packs the library and the tool as a user would get them, installs the tool from a local folder into a fresh tool
/// path (a nuget.config with &lt;clear/&gt;, so nothing is fetched from the internet) and runs the installed command.
/// </summary>
/// <remarks>
/// The sources are copied to a temporary folder first so that packing (which restores for a runtime identifier and
/// compiles Native AOT) never touches the build the tests run from. <c>dotnet pack src/Cli</c>, as the README says,
/// packs the pointer package plus this machine's RID-specific package, which is what <c>dotnet tool install</c>
/// resolves here. The installed binary is compared with the in-process command line (the JIT build of the same code):
/// the one Native AOT compilation in the suite is paid once, by this class's fixture.
/// </remarks>
public sealed class PackageInstallTests : IClassFixture<PackageInstallTests.Packed>
{
    private readonly Packed packed;

    public PackageInstallTests(Packed packed) => this.packed = packed;

    [Fact]
    public void ToolPackage_InstallsIntoAFreshToolPath_AndPlans()
    {
        string output = packed.RunTool("plan", "--flops", "5.76e23", "--json");
        using var json = JsonDocument.Parse(output);
        var expected = LawPresets.Default.Frontier().Optimum(5.76e23);
        Assert.Equal(expected.Parameters, json.RootElement.GetProperty("parameters").GetDouble(), expected.Parameters * 1e-12);
        Assert.Equal(expected.Tokens, json.RootElement.GetProperty("tokens").GetDouble(), expected.Tokens * 1e-12);
    }

    [Fact]
    public void InstalledTool_HelpNamesTheCommandScaling()
    {
        string help = packed.RunTool("--help");
        string usage = help.Split('\n').SkipWhile(l => !l.StartsWith("Usage:", StringComparison.Ordinal)).Skip(1).First().Trim();
        Assert.StartsWith("scaling ", usage, StringComparison.Ordinal);
        Assert.DoesNotContain("Scaling.Cli", help, StringComparison.Ordinal);
    }

    [Fact]
    public void InstalledTool_IsNativeCode_WithoutManagedAssembliesOrSymbols()
    {
        // Native AOT: the command is the compiled program itself; no IL to JIT, no runtimeconfig, no debug symbols shipped.
        var files = Directory.EnumerateFiles(packed.ToolPath, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".nupkg", StringComparison.Ordinal) && !f.EndsWith(".sha512", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToList();
        Assert.Contains(Packed.CommandFile == "scaling.exe" ? "Scaling.Cli.exe" : "Scaling.Cli", files);
        Assert.DoesNotContain(files, f => f!.EndsWith(".dll", StringComparison.Ordinal) && !f.Contains("Skia", StringComparison.Ordinal) && !f.Contains("HarfBuzz", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f!.EndsWith(".runtimeconfig.json", StringComparison.Ordinal) || f.EndsWith(".pdb", StringComparison.Ordinal) || f.EndsWith(".dbg", StringComparison.Ordinal));
    }

    [Fact]
    public void InstalledTool_Report_WritesTheFiguresAndPageOfTheInProcessReport()
    {
        var (installed, inProcess) = packed.Reports.Value;
        var names = Directory.GetFiles(inProcess).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(installed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("plan.xlsx", names);
        Assert.Contains(names, n => n!.EndsWith(".svg", StringComparison.Ordinal));
        foreach (string name in names.Where(n => n != "plan.xlsx" && !n!.StartsWith('.'))!)
        {
            // PNG, SVG, PDF and the page: byte for byte what the JIT-compiled command line writes.
            Assert.True(File.ReadAllBytes(Path.Combine(inProcess, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(installed, name))), $"{name} differs between the installed tool and the in-process report");
        }
    }

    [Fact]
    public void InstalledTool_Report_WorkbookReadsInClosedXmlWithTheInProcessValues()
    {
        var (installed, inProcess) = packed.Reports.Value;
        using var expected = new XLWorkbook(Path.Combine(inProcess, "plan.xlsx"));
        using var actual = new XLWorkbook(Path.Combine(installed, "plan.xlsx"));
        Assert.Equal(expected.Worksheets.Select(w => w.Name), actual.Worksheets.Select(w => w.Name));
        int cells = 0;
        foreach (var sheet in expected.Worksheets)
        {
            var other = actual.Worksheet(sheet.Name);
            foreach (var cell in sheet.CellsUsed())
            {
                var twin = other.Cell(cell.Address.ToString());
                Assert.Equal(cell.FormulaA1, twin.FormulaA1);
                Assert.True(Equals(cell.Value, twin.Value), $"{sheet.Name}!{cell.Address}: {cell.Value} in process, {twin.Value} installed");
                cells++;
            }

            Assert.Equal(sheet.CellsUsed().Count(), other.CellsUsed().Count());
        }

        Assert.True(cells > 500, $"only {cells} cells compared");
    }

    [Fact]
    public void InstalledTool_Report_WorkbookRecalculatesInLibreOffice()
    {
        byte[] ours = File.ReadAllBytes(Path.Combine(packed.Reports.Value.Installed, "plan.xlsx"));
        byte[] theirs = LibreOfficeRecalculation.Recalculate([LibreOfficeRecalculation.WithoutCachedValues(ours)])[0];
        var expected = LibreOfficeRecalculation.FormulaValues(ours);
        var actual = LibreOfficeRecalculation.FormulaValues(theirs);
        Assert.True(expected.Count > 100, $"only {expected.Count} formula cells");
        foreach (var (cell, value) in expected)
        {
            string? other = actual.GetValueOrDefault(cell);
            bool same = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
                && double.TryParse(other, NumberStyles.Float, CultureInfo.InvariantCulture, out double b)
                ? Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a))
                : value == other;
            Assert.True(same, $"{cell.Sheet}!{cell.Cell}: installed tool {value}, LibreOffice {other}");
        }
    }

    [Fact]
    public void InstalledTool_Fit_FindsTheLawTheInProcessFitFinds()
    {
        // The fit's vector code is compiled ahead of time for one instruction set: its answer must be the JIT's.
        string csv = Path.Combine(packed.Root, "fit-runs.csv");
        packed.RunTool("synth", "--out", csv, "--runs", "120", "--seed", "7");
        string[] fit = ["fit", csv, "--bootstrap", "0", "--starts", "300", "--json"];
        using var installed = JsonDocument.Parse(packed.RunTool(fit));
        var (code, output, error) = CliRunner.Run(fit);
        Assert.True(code == 0, error);
        using var inProcess = JsonDocument.Parse(output);
        foreach (string name in new[] { "E", "A", "B", "alpha", "beta" })
        {
            double expected = inProcess.RootElement.GetProperty("law").GetProperty(name).GetDouble();
            double actual = installed.RootElement.GetProperty("law").GetProperty(name).GetDouble();
            Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"{name}: installed {actual:R}, in process {expected:R}");
        }
    }

    [Fact]
    public void InstalledTool_CarriesOnlyThisPlatformsNatives()
    {
        // The RID-specific package holds SkiaSharp and HarfBuzz for one platform, not for every platform.
        var natives = Directory.EnumerateFiles(packed.ToolPath, "libSkiaSharp*", SearchOption.AllDirectories).ToList();
        Assert.Single(natives);
        Assert.DoesNotContain(Directory.EnumerateDirectories(packed.ToolPath, "runtimes", SearchOption.AllDirectories), _ => true);
    }

    [Fact]
    public void Packages_CarryRealMetadata_WithOneVersion()
    {
        string version = XDocument.Load(RepositoryFiles.Path("Directory.Build.props")).Descendants("Version").Single().Value;
        foreach (string id in new[] { "Scaling", "Scaling.Planner", $"Scaling.Planner.{RuntimeInformation.RuntimeIdentifier}" })
        {
            string package = Path.Combine(packed.Feed, $"{id}.{version}.nupkg");
            Assert.True(File.Exists(package), $"{package} was not packed");
            using var zip = ZipFile.OpenRead(package);
            var nuspec = LoadNuspec(zip);
            string Meta(string name) => nuspec.Descendants().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal(id, Meta("id"));
            Assert.Equal(version, Meta("version"));
            Assert.NotEqual("Package Description", Meta("description"));
            Assert.Contains("Chinchilla", Meta("description"), StringComparison.Ordinal);
            Assert.DoesNotContain(Meta("authors"), new[] { id, "Scaling.Cli" }); // the SDK's default is the assembly or package name
            Assert.Equal("MIT", Meta("license"));
            Assert.Contains("scaling-laws", Meta("tags"), StringComparison.Ordinal);
            Assert.Equal("README.md", Meta("readme"));
            Assert.NotNull(zip.GetEntry("README.md"));
            var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
            Assert.Equal(40, repository.Attribute("commit")?.Value.Length ?? 0);
        }
    }

    [Fact]
    public void LibraryPackage_HoldsTheLibraryAndItsDocs_ButNoCli()
    {
        string version = XDocument.Load(RepositoryFiles.Path("Directory.Build.props")).Descendants("Version").Single().Value;
        using var zip = ZipFile.OpenRead(Path.Combine(packed.Feed, $"Scaling.{version}.nupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net10.0/Scaling.dll", entries);
        Assert.Contains("lib/net10.0/Scaling.xml", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Cli", StringComparison.Ordinal) || e.Contains("Reports", StringComparison.Ordinal));
        var dependencies = LoadNuspec(zip).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
        Assert.Contains("MathNet.Numerics", dependencies);
    }

    [Fact]
    public async Task LibraryPackage_FromALocalFeed_PlansInTheRealKernel()
    {
        // A version no one else uses, so the kernel cannot pick up a stale Scaling 1.0.0 from the NuGet cache, and the
        // copy it caches is removed afterwards.
        string version = $"{XDocument.Load(RepositoryFiles.Path("Directory.Build.props")).Descendants("Version").Single().Value}-kernel.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        string feed = Path.Combine(packed.Root, "kernel-feed");
        Packed.Dotnet(packed.Source, "pack", "src/Scaling", "-c", "Release", "-o", feed, $"-p:Version={version}");
        string folder = Directory.CreateDirectory(Path.Combine(packed.Root, "kernel")).FullName;
        File.Copy(RepositoryFiles.Path("dotnet-tools.json"), Path.Combine(folder, "dotnet-tools.json"));
        string notebook = Path.Combine(folder, "library-package.ipynb");
        File.WriteAllText(notebook, Notebook(
            $"#i \"nuget: {feed}\"\n#r \"nuget: Scaling, {version}\"",
            "using Scaling.Allocation;\nusing Scaling.Laws;\nvar optimum = LawPresets.Default.Frontier().Optimum(5.76e23);\noptimum.Parameters.ToString(\"R\", System.Globalization.CultureInfo.InvariantCulture)",
            "typeof(LawPresets).Assembly.Location"));
        try
        {
            var run = await NotebookKernel.RunAsync(notebook);
            Assert.Empty(run.Failures());
            var cells = run.Notebook!.Cells;
            double parameters = double.Parse(PlainText(cells[1]), CultureInfo.InvariantCulture);
            var expected = LawPresets.Default.Frontier().Optimum(5.76e23);
            Assert.Equal(expected.Parameters, parameters, expected.Parameters * 1e-12);
            string location = PlainText(cells[2]).Replace('\\', '/');
            Assert.Contains($"/scaling/{version}/lib/", location, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
                ? packages
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string cached = Path.Combine(cache, "scaling", version.ToLowerInvariant());
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
    }

    [Fact]
    public void Uninstall_RemovesTheCommand()
    {
        string toolPath = Path.Combine(packed.Root, "uninstall-tools");
        Packed.Dotnet(packed.Root, "tool", "install", "Scaling.Planner", "--tool-path", toolPath, "--configfile", packed.NugetConfig);
        Assert.True(File.Exists(Path.Combine(toolPath, Packed.CommandFile)));
        Packed.Dotnet(packed.Root, "tool", "uninstall", "Scaling.Planner", "--tool-path", toolPath);
        Assert.False(File.Exists(Path.Combine(toolPath, Packed.CommandFile)));
    }

    // An nbformat 4 notebook of C# cells for the Polyglot kernel, with no outputs yet.
    private static string Notebook(params string[] sources)
    {
        var cells = new JsonArray(sources.Select(source => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        }).ToArray());
        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        return root.ToJsonString();
    }

    // The text the kernel displayed for a cell's value (its last text/plain output).
    private static string PlainText(JsonObject cell)
    {
        var text = (cell["outputs"] as JsonArray ?? []).Select(o => o?["data"]?["text/plain"]).Last(t => t is not null)!;
        return text is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : text.GetValue<string>();
    }

    private static XDocument LoadNuspec(ZipArchive zip)
    {
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    /// <summary>Packs once for the class: copies the sources, packs both packages and installs the tool.</summary>
    public sealed class Packed : IDisposable
    {
        public static readonly string CommandFile = OperatingSystem.IsWindows() ? "scaling.exe" : "scaling";

        public Packed()
        {
            Root = Directory.CreateTempSubdirectory("scaling-pack-").FullName;
            string source = Path.Combine(Root, "src-copy");
            Source = source;
            CopySources(RepositoryFiles.Path(string.Empty), source);
            Feed = Path.Combine(Root, "feed");
            Dotnet(source, "pack", "src/Scaling", "-c", "Release", "-o", Feed);
            Dotnet(source, "pack", "src/Cli", "-c", "Release", "-o", Feed);
            NugetConfig = Path.Combine(Root, "nuget.config");
            File.WriteAllText(NugetConfig, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);
            ToolPath = Path.Combine(Root, "tools");
            Dotnet(Root, "tool", "install", "Scaling.Planner", "--tool-path", ToolPath, "--configfile", NugetConfig);
            Reports = new Lazy<(string, string)>(WriteReports);
        }

        /// <summary>The default report written by the installed tool and by the in-process command line, once.</summary>
        public Lazy<(string Installed, string InProcess)> Reports { get; }

        public string Root { get; }

        /// <summary>The copy of the repository's sources that was packed.</summary>
        public string Source { get; }

        public string Feed { get; }

        public string NugetConfig { get; }

        public string ToolPath { get; }

        /// <summary>Runs the installed <c>scaling</c> and returns its stdout; fails on a non-zero exit.</summary>
        public string RunTool(params string[] args) => Run(Path.Combine(ToolPath, CommandFile), Root, args);

        public static string Dotnet(string directory, params string[] args) => Run("dotnet", directory, args);

        private (string Installed, string InProcess) WriteReports()
        {
            string installed = Path.Combine(Root, "report-installed");
            string inProcess = Path.Combine(Root, "report-in-process");
            RunTool("report", "--out", installed);
            var (code, _, error) = CliRunner.Run("report", "--out", inProcess);
            Assert.True(code == 0, error);
            return (installed, inProcess);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }

        private static string Run(string file, string directory, string[] args)
        {
            var start = new ProcessStartInfo(file, args)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}\n{error.Result}");
            return output;
        }

        // What packing reads: the build props, the conventions the build checks (.editorconfig), the sources (with each
        // package's readme) and the embedded data.
        internal static void CopySources(string repository, string target)
        {
            foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig" })
            {
                Directory.CreateDirectory(target);
                File.Copy(Path.Combine(repository, file), Path.Combine(target, file));
            }

            CopyTree(Path.Combine(repository, "src"), Path.Combine(target, "src"));
            CopyTree(Path.Combine(repository, "data"), Path.Combine(target, "data"));

            // The copy points at the repository's git folder, so Source Link records the commit as it would in place.
            string git = Path.Combine(repository, ".git");
            string gitDirectory = File.Exists(git) ? File.ReadAllText(git).Trim()["gitdir:".Length..].Trim() : git;
            File.WriteAllText(Path.Combine(target, ".git"), $"gitdir: {Path.GetFullPath(gitDirectory, repository)}\n");
        }

        private static void CopyTree(string from, string to)
        {
            if (!Directory.Exists(from))
            {
                return;
            }

            foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(from, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                string destination = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
        }
    }
}
