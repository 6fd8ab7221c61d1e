using System.Globalization;
using Scaling.Text;

namespace Scaling.Laws;

/// <summary>
/// A law written inline as <c>E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28</c> (names case-insensitive,
/// invariant-culture numbers), so users can plan with their own coefficients without a file.
/// </summary>
public static class LawCoefficientsText
{
    private static readonly string[] Names = ["E", "A", "B", "alpha", "beta"];

    /// <summary>True when <paramref name="text"/> looks like inline coefficients rather than a name or a path.</summary>
    public static bool LooksInline(string text) => text.Contains('=', StringComparison.Ordinal);

    /// <summary>Parses inline coefficients.</summary>
    /// <exception cref="InvalidLawException">A coefficient is missing, repeated, unknown, not a number, or not positive.</exception>
    public static ParametricLaw Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            string? name = Names.FirstOrDefault(n => string.Equals(n, pair[0], StringComparison.OrdinalIgnoreCase));
            if (pair.Length != 2 || name is null)
            {
                throw Invalid(pair[0], double.NaN, $"'{part}' is not one of E=, A=, B=, alpha=, beta=.");
            }

            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw Invalid(name, double.NaN, $"{name} '{pair[1]}' is not a number; write it like {name}=0.34 (a dot for decimals).");
            }

            if (!values.TryAdd(name, value))
            {
                throw Invalid(name, value, $"{name} is given twice; give each coefficient once.");
            }
        }

        string? missing = Names.FirstOrDefault(n => !values.ContainsKey(n));
        if (missing is not null)
        {
            throw Invalid(missing, double.NaN, $"{missing} is missing; give E, A, B, alpha and beta.");
        }

        string? bad = Names.FirstOrDefault(n => !double.IsFinite(values[n]) || values[n] <= 0);
        if (bad is not null)
        {
            throw Invalid(bad, values[bad], $"{bad} must be finite and greater than 0, got {NumberText.Value(values[bad])}.");
        }

        var law = LossLaw.Create(values["E"], values["A"], values["B"], values["alpha"], values["beta"]);
        return ScalingLaw.Parametric("custom", law, "coefficients given by the user", "Coefficients given on the command line.");
    }

    private static InvalidLawException Invalid(string quantity, double value, string message) =>
        new(quantity, value, "finite and > 0", message);
}
