using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaling.Laws;

/// <summary>
/// The JSON form of a law, as <c>scaling fit --out fit.json</c> writes it and <c>scaling plan --law fit.json</c>
/// reads it: an object with a <c>law</c> member <c>{"E": …, "A": …, "B": …, "alpha": …, "beta": …}</c> (other
/// members beside it are ignored), or that law object on its own; or an allocation rule
/// <c>{"rule": {"parametersCoefficient": …, "exponentA": …}}</c>. Beside <c>law</c>, an optional
/// <c>resampledLaws</c> array carries the bootstrap refits, from which plans draw intervals.
/// </summary>
public static class LawJson
{
    /// <summary>Reads a law from JSON text; <paramref name="origin"/> names it in messages and becomes its name.</summary>
    /// <exception cref="FormatException">The text is not JSON, or a coefficient is missing, not a number or out of range.</exception>
    public static NamedLaw Parse(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root = ParseObject(json, origin);
        if (root["rule"] is JsonObject rule)
        {
            return ParseRule(rule, origin);
        }

        JsonObject law = root["law"] as JsonObject ?? root;
        try
        {
            var loss = LossLaw.Create(
                Number(law, "E", origin),
                Number(law, "A", origin),
                Number(law, "B", origin),
                Number(law, "alpha", origin),
                Number(law, "beta", origin));
            var named = NamedLaw.Parametric(origin, loss, origin, "Coefficients read from " + origin + ".");
            return root[ResamplesMember] is JsonNode resamples ? named.WithResamples(ParseResamples(resamples, origin)) : named;
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"{origin}: coefficient {JsonName(e.ParamName)} must be finite and greater than 0.", e);
        }
    }

    /// <summary>
    /// The member beside <c>law</c> that holds the bootstrap refits, <c>[[E, A, B, alpha, beta], …]</c>; <see cref="Parse"/>
    /// attaches them to the law (<see cref="NamedLaw.Resamples"/>), so a plan from the file carries intervals.
    /// </summary>
    public const string ResamplesMember = "resampledLaws";

    /// <summary>The refits as <c>[[E, A, B, alpha, beta], …]</c>, to be written as <see cref="ResamplesMember"/>.</summary>
    public static JsonArray ToJson(IEnumerable<LossLaw> resamples)
    {
        ArgumentNullException.ThrowIfNull(resamples);
        return new JsonArray(resamples.Select(l => (JsonNode)new JsonArray(l.E, l.A, l.B, l.Alpha, l.Beta)).ToArray());
    }

    private static List<LossLaw> ParseResamples(JsonNode node, string origin)
    {
        if (node is not JsonArray rows)
        {
            throw new FormatException($"{origin}: \"{ResamplesMember}\" must be an array of [E, A, B, alpha, beta] arrays.");
        }

        var laws = new List<LossLaw>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            double[]? c = rows[i] is JsonArray row && row.Count == 5
                ? row.Select(v => v is JsonValue value && value.TryGetValue(out double d) ? d : double.NaN).ToArray()
                : null;
            if (c is null || !c.All(x => double.IsFinite(x) && x > 0))
            {
                throw new FormatException($"{origin}: \"{ResamplesMember}\"[{i}] must be five positive numbers [E, A, B, alpha, beta].");
            }

            laws.Add(LossLaw.Create(c[0], c[1], c[2], c[3], c[4]));
        }

        return laws;
    }

    /// <summary>The law object <c>{"E", "A", "B", "alpha", "beta"}</c> for writing beside other fit results.</summary>
    public static JsonObject ToJson(LossLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return new JsonObject
        {
            ["E"] = law.E,
            ["A"] = law.A,
            ["B"] = law.B,
            ["alpha"] = law.Alpha,
            ["beta"] = law.Beta,
        };
    }

    /// <summary>
    /// The rule object <c>{"parametersCoefficient": k_N, "exponentA": a}</c>; written as the member <c>rule</c>, it is
    /// read back by <see cref="Parse"/> (e.g. a rule fitted by Approach 1 or 2).
    /// </summary>
    public static JsonObject ToJson(PowerLawAllocationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new JsonObject
        {
            ["parametersCoefficient"] = rule.ParametersCoefficient,
            ["exponentA"] = rule.ExponentA,
        };
    }

    private static NamedLaw ParseRule(JsonObject rule, string origin)
    {
        try
        {
            var parsed = PowerLawAllocationRule.Create(
                Number(rule, "parametersCoefficient", origin),
                Number(rule, "exponentA", origin));
            return NamedLaw.Allocation(origin, parsed, origin, "Allocation rule read from " + origin + ".");
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"{origin}: rule {e.ParamName} is out of range ({e.Message.Split('(')[0].Trim()}).", e);
        }
    }

    private static JsonObject ParseObject(string json, string origin)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new FormatException($"{origin}: expected a JSON object with a \"law\" member.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{origin}: not valid JSON (line {e.LineNumber + 1}): {FirstSentence(e.Message)}", e);
        }
    }

    private static double Number(JsonObject obj, string name, string origin)
    {
        var match = obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (match.Value is null)
        {
            throw new FormatException($"{origin}: the law has no \"{name}\"; give E, A, B, alpha and beta.");
        }

        if (match.Value is JsonValue value && value.TryGetValue(out double number))
        {
            return number;
        }

        if (match.Value is JsonValue text && text.TryGetValue(out string? s)
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
        {
            return parsed;
        }

        throw new FormatException($"{origin}: \"{name}\" is not a number.");
    }

    private static string JsonName(string? parameter) => parameter switch
    {
        "e" => "E",
        "a" => "A",
        "b" => "B",
        _ => parameter ?? "?",
    };

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
