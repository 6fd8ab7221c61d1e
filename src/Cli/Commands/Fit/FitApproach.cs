using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scaling.Cli.Commands.Fit;

/// <summary><c>scaling fit --approach</c>: which of Hoffmann et al. 2022's three approaches to run, or all of them.</summary>
/// <remarks>In JSON an approach is its number (<c>"approach": 3</c>), and all of them <c>"approach": "all"</c>.</remarks>
[JsonConverter(typeof(FitApproachJsonConverter))]
internal enum FitApproach
{
    /// <summary>Approach 1: the envelope of training curves.</summary>
    One = 1,

    /// <summary>Approach 2: IsoFLOP profiles.</summary>
    Two = 2,

    /// <summary>Approach 3: the parametric loss fit (the default).</summary>
    Three = 3,

    /// <summary>All three on the same runs.</summary>
    All = 0,
}

/// <summary>Writes <see cref="FitApproach"/> as its number, or <c>"all"</c>.</summary>
internal sealed class FitApproachJsonConverter : JsonConverter<FitApproach>
{
    public override FitApproach Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? (FitApproach)reader.GetInt32() : FitApproach.All;

    public override void Write(Utf8JsonWriter writer, FitApproach value, JsonSerializerOptions options)
    {
        if (value == FitApproach.All)
        {
            writer.WriteStringValue("all");
        }
        else
        {
            writer.WriteNumberValue((int)value);
        }
    }
}
