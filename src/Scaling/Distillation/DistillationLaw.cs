using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaling.Distillation;

/// <summary>
/// Busbridge et al. 2025's distillation scaling law ("Distillation Scaling Laws", arXiv 2502.08606, Eq. 8): the
/// student's cross-entropy from the teacher's <c>L_T</c>, the student's size <c>N_S</c> and distillation tokens
/// <c>D_S</c>, through the loss the student would reach trained directly on those tokens, <c>L̃_S = L(N_S, D_S)</c>:
/// </summary>
/// <remarks>
/// <c>L_S = L_T + L_T^(−c0) · (1 + (L_T / (d1 · L̃_S))^(1/f1))^(−c1·f1) · (A/N_S^α' + B/D_S^β')^γ'</c>.
/// The student never beats the teacher (<c>L_S ≥ L_T</c>); the broken power law in <c>L_T / L̃_S</c> is the capacity
/// gap: a teacher much stronger than the student could become helps less. The paper's fitted coefficients are not
/// part of this library (its full text was out of reach when this was built); give a fit with <see cref="Create"/> or
/// <see cref="Parse"/>.
/// </remarks>
public sealed record DistillationLaw
{
    private const string Expected = "a JSON object {\"c0\", \"c1\", \"d1\", \"f1\", \"A\", \"B\", \"alpha\", \"beta\", \"gamma\"} (Busbridge et al. 2025, Eq. 8)";

    private DistillationLaw(double c0, double c1, double d1, double f1, double a, double b, double alpha, double beta, double gamma, string source)
    {
        C0 = c0;
        C1 = c1;
        D1 = d1;
        F1 = f1;
        A = a;
        B = b;
        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        Source = source;
    }

    /// <summary>The exponent of the teacher's loss in the scale, c0.</summary>
    public double C0 { get; }

    /// <summary>The exponent of the capacity-gap term beyond the break, c1.</summary>
    public double C1 { get; }

    /// <summary>Where the capacity gap breaks, d1 (in L_T / L̃_S).</summary>
    public double D1 { get; }

    /// <summary>The sharpness of the break, f1.</summary>
    public double F1 { get; }

    /// <summary>The student-size scale A.</summary>
    public double A { get; }

    /// <summary>The distillation-data scale B.</summary>
    public double B { get; }

    /// <summary>The student-size exponent α'.</summary>
    public double Alpha { get; }

    /// <summary>The distillation-data exponent β'.</summary>
    public double Beta { get; }

    /// <summary>The outer exponent γ'.</summary>
    public double Gamma { get; }

    /// <summary>Where the coefficients come from.</summary>
    public string Source { get; }

    /// <summary>A law with the given coefficients, each finite and &gt; 0 (c0 ≥ 0).</summary>
    public static DistillationLaw Create(double c0, double c1, double d1, double f1, double a, double b, double alpha, double beta, double gamma, string source = "given by the user")
    {
        Require.NonNegativeFinite(c0, nameof(c0));
        Require.PositiveFinite(c1, nameof(c1));
        Require.PositiveFinite(d1, nameof(d1));
        Require.PositiveFinite(f1, nameof(f1));
        Require.PositiveFinite(a, nameof(a));
        Require.PositiveFinite(b, nameof(b));
        Require.PositiveFinite(alpha, nameof(alpha));
        Require.PositiveFinite(beta, nameof(beta));
        Require.PositiveFinite(gamma, nameof(gamma));
        ArgumentNullException.ThrowIfNull(source);
        return new DistillationLaw(c0, c1, d1, f1, a, b, alpha, beta, gamma, source);
    }

    /// <summary>Reads the coefficients from JSON text; <paramref name="origin"/> names it in messages.</summary>
    /// <exception cref="UnreadableFileException">Not JSON, a key missing, or a coefficient out of range.</exception>
    public static DistillationLaw Parse(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new UnreadableFileException(origin, 0, 0, Expected, "the top level must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new UnreadableFileException(origin, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, Expected, "is not JSON: " + e.Message, e);
        }

        double Get(string key)
        {
            return root[key] is JsonValue value && value.TryGetValue(out double number) && double.IsFinite(number)
                ? number
                : throw new UnreadableFileException(origin, 0, 0, Expected, $"\"{key}\" must be a number; give every coefficient of Busbridge et al. 2025, Eq. 8.");
        }

        try
        {
            return Create(Get("c0"), Get("c1"), Get("d1"), Get("f1"), Get("A"), Get("B"), Get("alpha"), Get("beta"), Get("gamma"), "read from " + origin);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UnreadableFileException(origin, 0, 0, Expected, $"\"{e.ParamName}\" is {e.ActualValue}; it must be finite and greater than 0.", e);
        }
    }

    /// <summary>
    /// The student's loss: <c>L_T + L_T^(−c0)·(1 + (L_T/(d1·L̃_S))^(1/f1))^(−c1·f1)·(A/N_S^α' + B/D_S^β')^γ'</c>.
    /// </summary>
    /// <param name="studentParameters">N_S.</param>
    /// <param name="studentTokens">D_S, the distillation tokens.</param>
    /// <param name="teacherLoss">L_T.</param>
    /// <param name="supervisedStudentLoss">L̃_S = L(N_S, D_S), the student's loss trained directly on D_S tokens.</param>
    public double StudentLoss(double studentParameters, double studentTokens, double teacherLoss, double supervisedStudentLoss)
    {
        Require.PositiveFinite(studentParameters, nameof(studentParameters));
        Require.PositiveFinite(studentTokens, nameof(studentTokens));
        Require.PositiveFinite(teacherLoss, nameof(teacherLoss));
        Require.PositiveFinite(supervisedStudentLoss, nameof(supervisedStudentLoss));
        double gap = Math.Pow(1 + Math.Pow(teacherLoss / (D1 * supervisedStudentLoss), 1 / F1), -C1 * F1);
        double capacity = Math.Pow((A * Math.Pow(studentParameters, -Alpha)) + (B * Math.Pow(studentTokens, -Beta)), Gamma);
        return teacherLoss + (Math.Pow(teacherLoss, -C0) * gap * capacity);
    }
}
