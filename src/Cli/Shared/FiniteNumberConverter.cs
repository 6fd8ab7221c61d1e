using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scaling.Cli.Shared;

/// <summary>
/// Writes a double as a JSON number, or as <c>null</c> when it is ±∞ or NaN, which JSON cannot hold: the last guard of
/// every command's <c>--json</c> (a value that can be undefined is declared nullable where it is made, with the reason
/// beside it in the output, e.g. a bootstrap standard error that overflows).
/// </summary>
internal sealed class FiniteNumberConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public override bool HandleNull => true;
}
