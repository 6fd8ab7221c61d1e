using System.CommandLine;
using Scaling.Hardware;

namespace Scaling.Cli.Shared;

/// <summary>
/// <c>--hardware FILE</c>: a catalog CSV in the format of <c>data/benchmarks/hardware.csv</c>, laid over the built-in
/// catalog (rows of the same name replace the built-in ones, new names are added).
/// </summary>
internal static class HardwareOption
{
    public const string Name = "--hardware";

    public static Option<InputFile?> Create() => CliOptions.File(
        Name,
        "FILE",
        "A catalog CSV with the columns of data/benchmarks/hardware.csv; its rows replace built-in rows of the same name and add new ones.",
        FileKind.Catalog);

    /// <summary>The built-in catalog, with the rows of <paramref name="file"/> laid over it when given.</summary>
    public static HardwareCatalog Catalog(InputFile? file) =>
        file is null ? HardwareCatalog.Default : HardwareCatalog.Default.Merge(HardwareCatalog.Parse(file.ReadText(), file.Path));
}
