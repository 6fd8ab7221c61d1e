using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scaling.Text;

namespace Scaling.Laws;

/// <summary>
/// The JSON form of a law, as <c>scaling fit --out fit.json</c> writes it and <c>scaling plan --law fit.json</c>
/// reads it: an object with a <c>law</c> member <c>{"E": …, "A": …, "B": …, "alpha": …, "beta": …}</c> (other
/// members beside it are ignored), or that law object on its own; or an allocation rule
/// <c>{"rule": {"parametersCoefficient": …, "exponentA": …}}</c>. Beside <c>law</c>, an optional
/// <c>resampledLaws</c> array carries the bootstrap refits, from which plans draw intervals, and an optional
/// <c>extrapolation</c> object the calibrated forecast of N* (<see cref="Fitting.Extrapolation.ExtrapolationJson"/>).
/// </summary>
/// <remarks>
/// A file that is not JSON, repeats a key, holds both <c>law</c> and <c>rule</c>, has a coefficient missing or out of
/// range, or whose <c>resampledLaws</c> do not belong to its <c>law</c> (a coefficient far outside its refits: the law
/// was edited by hand) is refused with an <see cref="UnreadableFileException"/> naming the file (and the line and
/// column when the fault has one place).
/// </remarks>
public static class LawJson
{
    /// <summary>
    /// The member beside <c>law</c> that holds the bootstrap refits, <c>[[E, A, B, alpha, beta], …]</c>;
    /// <see cref="ParseFitted"/> returns them beside the law (<see cref="FittedLaw.Resamples"/>), so a plan from the file
    /// carries intervals.
    /// </summary>
    public const string ResamplesMember = "resampledLaws";

    private const string Expected = "a JSON object with a \"law\" member {\"E\", \"A\", \"B\", \"alpha\", \"beta\"} or a \"rule\" member {\"parametersCoefficient\", \"exponentA\"}";

    /// <summary>Reads a law from JSON text; <paramref name="origin"/> names it in messages and becomes its name.</summary>
    /// <exception cref="UnreadableFileException">The text is not a law (see the remarks on <see cref="LawJson"/>).</exception>
    public static ScalingLaw Parse(string json, string origin) => ParseFitted(json, origin).Law;

    /// <summary>Reads a law and, when the file carries them, its bootstrap refits (<see cref="ResamplesMember"/>).</summary>
    /// <exception cref="UnreadableFileException">The text is not a law (see the remarks on <see cref="LawJson"/>).</exception>
    public static FittedLaw ParseFitted(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        JsonObject root = ParseObject(json, origin);
        bool hasRule = Member(root, "rule") is not null;
        if (hasRule && Member(root, "law") is not null)
        {
            throw Unreadable(origin, "holds both \"law\" and \"rule\"; keep the one to plan with.");
        }

        if (hasRule)
        {
            return WithExtrapolation(FittedLaw.Without(ParseRule(Member(root, "rule"), origin)), root, origin);
        }

        JsonObject law = Member(root, "law") switch
        {
            null => root,
            JsonObject inner => inner,
            _ => throw Unreadable(origin, "\"law\" must be an object {\"E\", \"A\", \"B\", \"alpha\", \"beta\"}."),
        };
        var loss = LossLaw.Create(
            Coefficient(law, "E", origin),
            Coefficient(law, "A", origin),
            Coefficient(law, "B", origin),
            Coefficient(law, "alpha", origin),
            Coefficient(law, "beta", origin));
        var named = ScalingLaw.Parametric(origin, loss, origin, "Coefficients read from " + origin + ".");
        FittedLaw fitted;
        if (Member(root, ResamplesMember) is not JsonNode resamples)
        {
            fitted = FittedLaw.Without(named);
        }
        else
        {
            var refits = ParseResamples(resamples, origin);
            CheckRefitsMatch(loss, refits, origin);
            fitted = FittedLaw.Create(named, refits);
        }

        return WithExtrapolation(fitted, root, origin);
    }

    // The refits of a bootstrap scatter around the law they were drawn for; a law edited by hand (or pasted beside
    // another fit's refits) lies outside them, and its intervals would no longer contain its own plan. Each coefficient
    // must lie within the refits' range widened by that range (or by a tenth of the coefficient, for a few close refits).
    private static void CheckRefitsMatch(LossLaw law, IReadOnlyList<LossLaw> refits, string origin)
    {
        if (refits.Count < 2)
        {
            return;
        }

        foreach (var (name, value, of) in new (string, double, Func<LossLaw, double>)[]
        {
            ("E", law.E, l => l.E), ("A", law.A, l => l.A), ("B", law.B, l => l.B), ("alpha", law.Alpha, l => l.Alpha), ("beta", law.Beta, l => l.Beta),
        })
        {
            double lower = refits.Min(of), upper = refits.Max(of);
            double slack = Math.Max(upper - lower, 0.1 * Math.Abs(value));
            if (value < lower - slack || value > upper + slack)
            {
                throw Unreadable(
                    origin,
                    $"the law's {name} = {NumberText.Value(value)} lies far outside its {refits.Count} refits in \"{ResamplesMember}\" ({NumberText.Value(lower)} to {NumberText.Value(upper)}): "
                    + "the refits belong to another law (was the law edited?); write the fit again with 'scaling fit … --out', or delete \"resampledLaws\" to plan without intervals.");
            }
        }
    }

    // The forecast of N*, or why the fit has none ("extrapolationSkipped", as 'scaling fit' writes it).
    private static FittedLaw WithExtrapolation(FittedLaw fitted, JsonObject root, string origin) => Member(root, Fitting.Extrapolation.ExtrapolationJson.Member) switch
    {
        JsonObject extrapolation => fitted with { Extrapolation = Fitting.Extrapolation.ExtrapolationJson.Parse(extrapolation, origin) },
        _ when Member(root, SkippedMember) is JsonValue skipped && skipped.TryGetValue(out string? reason) => fitted with { NoForecast = reason },
        _ => fitted,
    };

    /// <summary>The member beside <c>law</c> that says why a fit carries no forecast of N* (<see cref="FittedLaw.NoForecast"/>).</summary>
    public const string SkippedMember = "extrapolationSkipped";

    /// <summary>The refits as <c>[[E, A, B, alpha, beta], …]</c>, to be written as <see cref="ResamplesMember"/>.</summary>
    public static JsonArray ToJson(IEnumerable<LossLaw> resamples)
    {
        ArgumentNullException.ThrowIfNull(resamples);
        return new JsonArray(resamples.Select(l => (JsonNode)new JsonArray(l.E, l.A, l.B, l.Alpha, l.Beta)).ToArray());
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

    private static List<LossLaw> ParseResamples(JsonNode node, string origin)
    {
        if (node is not JsonArray rows)
        {
            throw Unreadable(origin, $"\"{ResamplesMember}\" must be an array of [E, A, B, alpha, beta] arrays.");
        }

        var laws = new List<LossLaw>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            double[]? c = rows[i] is JsonArray row && row.Count == 5
                ? row.Select(v => v is JsonValue value && value.TryGetValue(out double d) ? d : double.NaN).ToArray()
                : null;
            if (c is null || !c.All(x => double.IsFinite(x) && x > 0))
            {
                throw Unreadable(origin, $"\"{ResamplesMember}\"[{i}] must be five positive numbers [E, A, B, alpha, beta].");
            }

            laws.Add(LossLaw.Create(c[0], c[1], c[2], c[3], c[4]));
        }

        return laws;
    }

    private static AllocationRuleLaw ParseRule(JsonNode? node, string origin)
    {
        if (node is not JsonObject rule)
        {
            throw Unreadable(origin, "\"rule\" must be an object {\"parametersCoefficient\", \"exponentA\"}.");
        }

        double coefficient = Number(rule, "parametersCoefficient", origin);
        double exponent = Number(rule, "exponentA", origin);
        if (!double.IsFinite(coefficient) || coefficient <= 0)
        {
            throw Unreadable(origin, $"rule parametersCoefficient must be finite and greater than 0, got {NumberText.Value(coefficient)}.");
        }

        if (!double.IsFinite(exponent) || exponent <= 0 || exponent >= 1)
        {
            throw Unreadable(origin, $"rule exponentA must lie in (0, 1), got {NumberText.Value(exponent)}.");
        }

        var parsed = PowerLawAllocationRule.Create(coefficient, exponent);
        return ScalingLaw.Allocation(origin, parsed, origin, "Allocation rule read from " + origin + ".");
    }

    private static JsonObject ParseObject(string json, string origin)
    {
        JsonNode? node;
        try
        {
            // Duplicate keys are refused: which of two "E"s a reader keeps is arbitrary, so neither is trusted.
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? -1) + 1;
            int column = (int)(e.BytePositionInLine ?? -1) + 1;
            throw new UnreadableFileException(origin, line, column, Expected, $"not valid JSON: {FirstSentence(e.Message)}", e);
        }

        return node as JsonObject ?? throw Unreadable(origin, $"expected {Expected}.");
    }

    private static JsonNode? Member(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static double Coefficient(JsonObject law, string name, string origin)
    {
        double value = Number(law, name, origin);
        return double.IsFinite(value) && value > 0
            ? value
            : throw Unreadable(origin, $"coefficient {name} must be finite and greater than 0, got {NumberText.Value(value)}.");
    }

    private static double Number(JsonObject obj, string name, string origin)
    {
        var matches = obj.Where(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0 || matches[0].Value is null)
        {
            throw Unreadable(origin, $"the law has no \"{name}\"; give E, A, B, alpha and beta (or a rule's parametersCoefficient and exponentA).");
        }

        if (matches.Count > 1)
        {
            throw Unreadable(origin, $"\"{name}\" appears {matches.Count} times (keys are case-insensitive); keep one.");
        }

        JsonNode? match = matches[0].Value;
        if (match is JsonValue value && value.TryGetValue(out double number))
        {
            return number;
        }

        if (match is JsonValue text && text.TryGetValue(out string? s)
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
        {
            return parsed;
        }

        throw Unreadable(origin, $"\"{name}\" is not a number.");
    }

    private static UnreadableFileException Unreadable(string origin, string problem) => new(origin, 0, 0, Expected, problem);


    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
