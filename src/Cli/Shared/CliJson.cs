using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Scaling.Cli.Shared;

/// <summary>
/// Writes a command's typed output record as JSON through the source-generated <see cref="CliJsonContext"/> (no
/// reflection, so the Native AOT tool writes the same bytes): one line on stdout, or indented for a file.
/// </summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions IndentedOptions = new(CliJsonContext.Default.Options) { WriteIndented = true };

    /// <summary>One line, as <c>--json</c> prints it.</summary>
    public static string Write<T>(T value, JsonTypeInfo<T> info) => JsonSerializer.Serialize(value, info);

    /// <summary>Indented, as <c>scaling fit --out fit.json</c> writes it.</summary>
    public static string WriteIndented<T>(T value, JsonTypeInfo<T> info) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo<T>)IndentedOptions.GetTypeInfo(info.Type));
}
