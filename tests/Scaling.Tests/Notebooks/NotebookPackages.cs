using System.Reflection;
using System.Xml.Linq;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// What the <c>#r</c> lines a Polyglot user writes stand for in the tests: each NuGet package a notebook may name,
/// mapped to the assemblies this test project already loads, and each built project assembly
/// (<c>#r "../src/Scaling/bin/Debug/net10.0/Scaling.dll"</c>) mapped to the loaded copy — loading the file again
/// would give a second, incompatible copy of every type.
/// </summary>
public sealed class NotebookPackages
{
    private static readonly IReadOnlyDictionary<string, Assembly[]> PackageAssemblies =
        new Dictionary<string, Assembly[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["MathNet.Numerics"] = [typeof(MathNet.Numerics.Statistics.Statistics).Assembly],
            ["OxyPlot.Core"] = [typeof(OxyPlot.PlotModel).Assembly],
            ["OxyPlot.SkiaSharp"] = [typeof(OxyPlot.SkiaSharp.SvgExporter).Assembly],
            ["ClosedXML"] = [typeof(ClosedXML.Excel.XLWorkbook).Assembly],
            ["DocumentFormat.OpenXml"] = [typeof(DocumentFormat.OpenXml.OpenXmlElement).Assembly],
            // Native libraries only: nothing to reference, but a notebook on Linux needs them to draw.
            ["SkiaSharp.NativeAssets.Linux.NoDependencies"] = [],
            ["HarfBuzzSharp.NativeAssets.Linux"] = [],
        };

    private static readonly IReadOnlyDictionary<string, Assembly> ProjectAssemblies =
        new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase)
        {
            ["Scaling.dll"] = typeof(Scaling.Laws.LossLaw).Assembly,
            ["Scaling.Reports.dll"] = typeof(Scaling.Reports.Figures.FigureExporter).Assembly,
        };

    private readonly IReadOnlyDictionary<string, string> versions;

    private NotebookPackages(IReadOnlyDictionary<string, string> versions) => this.versions = versions;

    /// <summary>The packages at the versions pinned in the repository's Directory.Packages.props.</summary>
    public static NotebookPackages FromRepository() => FromPackagesProps(Path.Combine(Repository.Root, "Directory.Packages.props"));

    public static NotebookPackages FromPackagesProps(string path)
    {
        var versions = XDocument.Load(path).Descendants("PackageVersion")
            .ToDictionary(
                element => (string)element.Attribute("Include")!,
                element => (string)element.Attribute("Version")!,
                StringComparer.OrdinalIgnoreCase);
        return new NotebookPackages(versions);
    }

    /// <summary>
    /// The assemblies for <c>#r "nuget: name, version"</c>. The version, when given, must be the one the project
    /// pins: a notebook must not promise a version the tests never ran.
    /// </summary>
    /// <exception cref="ArgumentException">The package is unknown, or its version is not the pinned one.</exception>
    public IReadOnlyList<Assembly> ForPackage(string name, string? version)
    {
        if (!PackageAssemblies.TryGetValue(name, out var assemblies))
        {
            throw new ArgumentException(
                $"#r \"nuget: {name}\": the tests do not provide the package '{name}'; use one of {string.Join(", ", PackageAssemblies.Keys)}, or add it to {nameof(NotebookPackages)}.");
        }

        if (version is not null && versions.TryGetValue(name, out var pinned) && pinned != version)
        {
            throw new ArgumentException(
                $"#r \"nuget: {name}, {version}\": the project pins {name} {pinned} (Directory.Packages.props); write \"nuget: {name}, {pinned}\".");
        }

        return assemblies;
    }

    /// <summary>The loaded project assembly a <c>#r "path/Scaling.dll"</c> line stands for, or null for other files.</summary>
    public static Assembly? ForProjectFile(string path) =>
        ProjectAssemblies.TryGetValue(Path.GetFileName(path.Replace('\\', '/')), out var assembly) ? assembly : null;
}
