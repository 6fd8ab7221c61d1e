using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Tests.Packaging;

/// <summary>
/// Packs the library and the tool as a user would get them, installs the tool from a local folder into a fresh tool
/// path (a nuget.config with &lt;clear/&gt;, so nothing is fetched from the internet) and runs the installed command.
/// </summary>
/// <remarks>
/// The sources are copied to a temporary folder first so that packing (which restores for other runtime identifiers)
/// never touches the build the tests run from. Only this machine's runtime identifier is packed: the pointer package
/// plus its one RID-specific package, which is what <c>dotnet tool install</c> resolves on this machine.
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
    public void Uninstall_RemovesTheCommand()
    {
        string toolPath = Path.Combine(packed.Root, "uninstall-tools");
        Packed.Dotnet(packed.Root, "tool", "install", "Scaling.Planner", "--tool-path", toolPath, "--configfile", packed.NugetConfig);
        Assert.True(File.Exists(Path.Combine(toolPath, Packed.CommandFile)));
        Packed.Dotnet(packed.Root, "tool", "uninstall", "Scaling.Planner", "--tool-path", toolPath);
        Assert.False(File.Exists(Path.Combine(toolPath, Packed.CommandFile)));
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
            CopySources(RepositoryFiles.Path(string.Empty), source);
            Feed = Path.Combine(Root, "feed");
            string rid = RuntimeInformation.RuntimeIdentifier;
            Dotnet(source, "pack", "src/Scaling", "-c", "Release", "-o", Feed);
            Dotnet(source, "pack", "src/Cli", "-c", "Release", "-o", Feed, $"-p:ToolPackageRuntimeIdentifiers={rid}");
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
        }

        public string Root { get; }

        public string Feed { get; }

        public string NugetConfig { get; }

        public string ToolPath { get; }

        /// <summary>Runs the installed <c>scaling</c> and returns its stdout; fails on a non-zero exit.</summary>
        public string RunTool(params string[] args) => Run(Path.Combine(ToolPath, CommandFile), Root, args);

        public static string Dotnet(string directory, params string[] args) => Run("dotnet", directory, args);

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

        // What packing reads: the build props, the README (the package readme), the sources and the embedded data.
        private static void CopySources(string repository, string target)
        {
            foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "README.md" })
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
