using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scaling.Cli.Shared;

/// <summary>
/// An output whose JSON object is the members of several typed parts, one part after another: <c>scaling plan --gpu</c>
/// prints the plan's fields and then the resources' at the same level, and an absent part (no <c>--gpu</c>) adds
/// nothing. Each part is a record serialised by <see cref="CliJsonContext"/>, so every member name is declared once,
/// on a property.
/// </summary>
internal abstract record FlatOutput
{
    /// <summary>The parts in the order their members are written; null parts are left out.</summary>
    public abstract IEnumerable<object?> Parts();
}

/// <summary>Writes a <see cref="FlatOutput"/> as one object made of its parts' members (writing only).</summary>
internal sealed class FlatOutputConverter<T> : JsonConverter<T>
    where T : FlatOutput
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is written, never read.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (object? part in value.Parts())
        {
            if (part is null)
            {
                continue;
            }

            using var document = JsonSerializer.SerializeToDocument(part, options.GetTypeInfo(part.GetType()));
            foreach (var member in document.RootElement.EnumerateObject())
            {
                member.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
