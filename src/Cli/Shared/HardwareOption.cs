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

    public static Option<string> Create() => new(Name)
    {
        Description = "A catalog CSV with the columns of data/benchmarks/hardware.csv; its rows replace built-in rows of the same name and add new ones.",
        HelpName = "FILE",
    };

    public static HardwareCatalog Catalog(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return HardwareCatalog.Default;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"{Name}: file '{path}' does not exist; give a CSV with the columns of data/benchmarks/hardware.csv.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{Name}: cannot read '{path}': {e.Message}");
        }

        try
        {
            return HardwareCatalog.Default.Merge(HardwareCatalog.Parse(text, path));
        }
        catch (UnreadableFileException e)
        {
            throw new UsageException($"{Name}: {e.Message}");
        }
    }
}
