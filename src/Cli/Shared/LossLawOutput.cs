using System.Text.Json.Serialization;
using Scaling.Laws;

namespace Scaling.Cli.Shared;

/// <summary>
/// A loss law L = E + A/N^α + B/D^β as <c>scaling fit</c> writes it under <c>law</c> and <see cref="LawJson"/> reads it
/// back (<c>scaling plan --law fit.json</c>): the coefficients keep the paper's capitals.
/// </summary>
internal sealed record LossLawOutput(
    [property: JsonPropertyName("E")] double E,
    [property: JsonPropertyName("A")] double A,
    [property: JsonPropertyName("B")] double B,
    double Alpha,
    double Beta)
{
    public static LossLawOutput From(LossLaw law) => new(law.E, law.A, law.B, law.Alpha, law.Beta);

    /// <summary>The law again.</summary>
    public LossLaw ToLaw() => LossLaw.Create(E, A, B, Alpha, Beta);

    /// <summary>The bootstrap refits as <c>[[E, A, B, alpha, beta], …]</c>, the form <see cref="LawJson.ResamplesMember"/> takes.</summary>
    public static double[][] Rows(IEnumerable<LossLaw> laws) => laws.Select(l => new[] { l.E, l.A, l.B, l.Alpha, l.Beta }).ToArray();
}
