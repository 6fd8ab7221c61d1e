using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// Plans with a calibrated forecast of N* (<see cref="CalibratedExtrapolation"/>) at any budget: N̂ = exp(m(C)) with m
/// the forecast's polynomial in ln C, D̂ = C/(k·N̂), the local exponents a = d ln N̂/d ln C and b = 1 − a, and, with a
/// loss law, the loss it predicts at (N̂, D̂). Anything that plans through an <see cref="IComputeAllocator"/> (budget
/// sweeps, sensitivity, law spread) then gives the same N* as <c>scaling plan --law fit.json</c>.
/// </summary>
/// <example><code>
/// var allocator = ForecastAllocator.Create(Extrapolator.Fit(runs), fit.Law);
/// var plan = allocator.Optimum(1e24);   // a LossOptimum: N̂, D̂, the law's loss there
/// </code></example>
public sealed record ForecastAllocator : IComputeAllocator
{
    private ForecastAllocator(CalibratedExtrapolation extrapolation, LossLaw? lossLaw, double flopsPerParameterToken)
    {
        Extrapolation = extrapolation;
        LossLaw = lossLaw;
        FlopsPerParameterToken = flopsPerParameterToken;
    }

    /// <summary>The forecast planned with.</summary>
    public CalibratedExtrapolation Extrapolation { get; }

    /// <summary>The loss law that predicts the loss at the forecast's allocation, or null (an allocation rule's fit).</summary>
    public LossLaw? LossLaw { get; }

    /// <inheritdoc />
    public double FlopsPerParameterToken { get; }

    /// <summary>The allocator of <paramref name="extrapolation"/>, with <paramref name="lossLaw"/> for the loss when given.</summary>
    public static ForecastAllocator Create(
        CalibratedExtrapolation extrapolation, LossLaw? lossLaw = null, double flopsPerParameterToken = Allocation.FlopsPerParameterToken.Training)
    {
        ArgumentNullException.ThrowIfNull(extrapolation);
        return new ForecastAllocator(extrapolation, lossLaw, Require.PositiveFinite(flopsPerParameterToken, nameof(flopsPerParameterToken)));
    }

    /// <summary>N̂, D̂ = C/(k·N̂) and the local exponents at <paramref name="flops"/>; a <see cref="LossOptimum"/> with a loss law.</summary>
    /// <exception cref="InfeasiblePlanException">N̂ or D̂ overflows or underflows.</exception>
    public ComputeOptimum Optimum(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        var forecast = Extrapolation.Forecast;
        double parameters = Math.Exp(forecast.LogParameters(flops));
        double tokens = flops / (FlopsPerParameterToken * parameters);
        double a = forecast.ExponentAt(flops);
        return LossLaw is { } law
            ? LossOptimum.Checked(flops, parameters, tokens, law.Loss, a, 1 - a)
            : ComputeOptimum.Checked(flops, parameters, tokens, a, 1 - a);
    }

    /// <summary>
    /// The budget at which the forecast puts N* at <paramref name="parameters"/>: the root of m(C) = ln N on the branch
    /// where N̂ grows with C (a forecast whose exponent drifts down turns over far beyond any run; that side is no plan).
    /// </summary>
    /// <exception cref="InfeasiblePlanException">No budget a double holds gives that size.</exception>
    public ComputeOptimum OptimumForParameters(double parameters)
    {
        Require.PositiveFinite(parameters, nameof(parameters));
        var forecast = Extrapolation.Forecast;
        double target = Math.Log(parameters);
        double origin = forecast.OriginLogFlops;
        var c = forecast.Coefficients;

        // The growing branch of ln N̂ = c0 + c1·u + c2·u²: u below the turning point −c1/(2c2) when c2 < 0, above it when c2 > 0.
        double turn = forecast.Degree == 2 && c[2] != 0 ? -c[1] / (2 * c[2]) : double.NaN;
        double lowest = Math.Log(SmallestFlops) - origin;
        double highest = Math.Log(LargestFlops) - origin;
        double lo = double.IsFinite(turn) && c[2] > 0 ? Math.Max(turn, lowest) : lowest;
        double hi = double.IsFinite(turn) && c[2] < 0 ? Math.Min(turn, highest) : highest;
        double F(double u) => forecast.LogParameters(Math.Exp(origin + u)) - target;
        if (!(ExponentAtU(forecast, (lo + hi) / 2) > 0) || F(lo) > 0 || F(hi) < 0)
        {
            throw InfeasiblePlanException.ForSize(parameters, F(lo) > 0 ? SmallestFlops : LargestFlops);
        }

        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, Math.Abs(lo)); i++)
        {
            double mid = (lo + hi) / 2;
            if (F(mid) < 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Optimum(Math.Exp(origin + ((lo + hi) / 2)));
    }

    // The budgets searched for a size: one FLOP to far beyond any computer.
    private const double SmallestFlops = 1;
    private const double LargestFlops = 1e300;

    private static double ExponentAtU(OptimumForecast forecast, double u) =>
        forecast.Coefficients[1] + (forecast.Degree == 2 ? 2 * forecast.Coefficients[2] * u : 0);
}
