using Scaling.Fitting.Runs;
namespace Scaling.Fitting.Optimization;

/// <summary>
/// The Approach 3 objective written plainly, one run at a time in double precision with the runtime's exp and log: the
/// reference that <see cref="HuberLogLossObjective"/>'s SIMD kernels are tested against.
/// </summary>
/// <remarks>
/// Hoffmann et al. 2022, Eq. 9 and App. D.2: with θ = (a, b, e, α, β), A = e^a, B = e^b, E = e^e,
/// <c>L̂_i = e^(a − α·x_i) + e^(b − β·y_i) + e^e = exp(LSE(a − α·x_i, b − β·y_i, e))</c> and
/// <c>f(θ) = Σ_i w_i·Huber_δ(ln L̂_i − ln L_i)</c>, where Huber_δ(r) = r²/2 for |r| ≤ δ and δ·(|r| − δ/2) beyond
/// (δ = 1e-3 in the paper). Here x_i = ln N_i − m_N and y_i = ln D_i − m_D: with the centres m_N = m_D = 0 this is the
/// paper's formula; the fit uses the mean log sizes, the same function in coordinates where a and α decorrelate.
/// A term with r_i &gt; 0 (over-prediction) counts <c>overPredictionWeight</c> times (1 for the paper's symmetric loss).
/// The gradient follows from dHuber_δ/dr = clamp(r, −δ, δ) and ∂ ln L̂/∂a = e^(a − α·x)/L̂, ∂ ln L̂/∂α = −x·e^(a − α·x)/L̂
/// (likewise for b, β), ∂ ln L̂/∂e = e^e/L̂.
/// </remarks>
internal sealed class ReferenceObjective : IObjective
{
    private readonly IReadOnlyList<TrainingRun> runs;
    private readonly IReadOnlyList<double> weights;
    private readonly double delta;
    private readonly double overPredictionWeight;
    private readonly double logParametersCenter;
    private readonly double logTokensCenter;

    public ReferenceObjective(
        IReadOnlyList<TrainingRun> runs,
        IReadOnlyList<double> weights,
        double delta,
        double overPredictionWeight = 1,
        double logParametersCenter = 0,
        double logTokensCenter = 0)
    {
        this.runs = runs;
        this.weights = weights;
        this.delta = delta;
        this.overPredictionWeight = overPredictionWeight;
        this.logParametersCenter = logParametersCenter;
        this.logTokensCenter = logTokensCenter;
    }

    public int Dimension => 5;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        double a = theta[0], b = theta[1], e = theta[2], alpha = theta[3], beta = theta[4];
        double value = 0;
        gradient[..Dimension].Clear();
        for (int i = 0; i < runs.Count; i++)
        {
            double x = Math.Log(runs[i].Parameters) - logParametersCenter;
            double y = Math.Log(runs[i].Tokens) - logTokensCenter;
            double parameterTerm = Math.Exp(a - (alpha * x));
            double dataTerm = Math.Exp(b - (beta * y));
            double irreducible = Math.Exp(e);
            double predicted = parameterTerm + dataTerm + irreducible;
            double residual = Math.Log(predicted) - Math.Log(runs[i].Loss);
            double weight = weights[i] * (residual > 0 ? overPredictionWeight : 1);

            value += weight * Huber(residual);
            double slope = weight * Math.Clamp(residual, -delta, delta) / predicted;
            gradient[0] += slope * parameterTerm;
            gradient[1] += slope * dataTerm;
            gradient[2] += slope * irreducible;
            gradient[3] -= slope * parameterTerm * x;
            gradient[4] -= slope * dataTerm * y;
        }

        return double.IsFinite(value) ? value : double.PositiveInfinity;
    }

    private double Huber(double r) => Math.Abs(r) <= delta ? 0.5 * r * r : delta * (Math.Abs(r) - (0.5 * delta));
}
