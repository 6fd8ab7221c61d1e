using Scaling.Allocation;

namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// Bootstrap uncertainty of an <see cref="AllocationFit"/>: standard errors and percentile intervals of a, b, k_N and
/// k_D, and of N* and D* at any budget (<see cref="At"/>).
/// </summary>
/// <remarks>
/// Each resample draws the data again with replacement (how depends on the approach: runs within each IsoFLOP group
/// for Approach 2, whole training runs for Approach 1) and repeats the whole fit. Resample i uses its own
/// stream of <see cref="SeededRandom"/> (xoshiro256**, seeded from (seed, i)), so results depend on neither thread scheduling
/// nor the runtime, and the same seed gives the same intervals. A resample that cannot be refitted (e.g. too few usable groups) is counted in
/// <see cref="FailedResamples"/> and left out.
/// </remarks>
public sealed class AllocationBootstrap
{
    private readonly AllocationFit estimate;
    private readonly double[] parametersCoefficients;
    private readonly double[] exponentsA;

    private AllocationBootstrap(AllocationFit estimate, double[] parametersCoefficients, double[] exponentsA, double[] tokensCoefficients, double[] exponentsB, double level)
    {
        this.estimate = estimate;
        this.parametersCoefficients = parametersCoefficients;
        this.exponentsA = exponentsA;
        Level = level;
        Resamples = exponentsA.Length;
        FailedResamples = exponentsA.Count(a => !double.IsFinite(a));
        ExponentA = Interval.FromSamples(estimate.ExponentA, exponentsA, level);
        ExponentB = Interval.FromSamples(estimate.ExponentB, exponentsB, level);
        ParametersCoefficient = Interval.FromSamples(estimate.Parameters.Coefficient, parametersCoefficients, level);
        TokensCoefficient = Interval.FromSamples(estimate.Tokens.Coefficient, tokensCoefficients, level);
    }

    /// <summary>How many resamples were drawn.</summary>
    public int Resamples { get; }

    /// <summary>How many of them could not be refitted and were left out of the intervals.</summary>
    public int FailedResamples { get; }

    /// <summary>Coverage level of the percentile intervals, e.g. 0.95.</summary>
    public double Level { get; }

    /// <summary>a in N_opt = k_N·C^a.</summary>
    public Interval ExponentA { get; }

    /// <summary>b in D_opt = k_D·C^b.</summary>
    public Interval ExponentB { get; }

    /// <summary>k_N in N_opt = k_N·C^a.</summary>
    public Interval ParametersCoefficient { get; }

    /// <summary>k_D in D_opt = k_D·C^b.</summary>
    public Interval TokensCoefficient { get; }

    /// <summary>
    /// Intervals of N* = k_N·C^a, D* = C/(6·N*) and D*/N* at <paramref name="flops"/>, each resample's (k_N, a)
    /// evaluated at the same budget.
    /// </summary>
    public AllocationIntervals At(double flops)
    {
        Require.PositiveFinite(flops, nameof(flops));
        var optimum = estimate.Optimum(flops);
        double k = FlopsPerParameterToken.Training;
        var parameters = new double[Resamples];
        var tokens = new double[Resamples];
        var ratio = new double[Resamples];
        for (int i = 0; i < Resamples; i++)
        {
            parameters[i] = parametersCoefficients[i] * Math.Pow(flops, exponentsA[i]);
            tokens[i] = flops / (k * parameters[i]);
            ratio[i] = tokens[i] / parameters[i];
        }

        return new AllocationIntervals(
            flops,
            Interval.FromSamples(optimum.Parameters, parameters, Level),
            Interval.FromSamples(optimum.Tokens, tokens, Level),
            Interval.FromSamples(optimum.TokensPerParameter, ratio, Level));
    }

    /// <summary>
    /// Runs the resamples of <paramref name="options"/> in parallel; <paramref name="refit"/> draws one resample with the
    /// random source it is given and returns its compute-optimal points, or null when they cannot be fitted.
    /// Returns null when fewer than two resamples could be refitted.
    /// </summary>
    internal static AllocationBootstrap? Run(
        AllocationFit estimate,
        ResamplingOptions options,
        ResampleRefit refit,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        int resamples = options.Resamples;
        var seed = options.Seed;
        double level = options.Level;
        var kN = new double[resamples];
        var a = new double[resamples];
        var kD = new double[resamples];
        var b = new double[resamples];
        int done = 0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, resamples, parallel, i =>
        {
            var random = seed.Random(i);
            var optima = refit(ref random);
            if (optima is { } points && points.Count >= 2 && QuadraticFit.CountDistinct(points.Flops) >= 2)
            {
                var parametersFit = PowerLawFit.FitUnchecked(points.Flops, points.Parameters);
                var tokensFit = PowerLawFit.FitUnchecked(points.Flops, points.Tokens);
                (kN[i], a[i], kD[i], b[i]) = (parametersFit.Coefficient, parametersFit.Exponent, tokensFit.Coefficient, tokensFit.Exponent);
            }
            else
            {
                (kN[i], a[i], kD[i], b[i]) = (double.NaN, double.NaN, double.NaN, double.NaN);
            }

            int completed = Interlocked.Increment(ref done);
            progress?.Report(completed);
        });

        int succeeded = a.Count(double.IsFinite);
        return succeeded >= 2 ? new AllocationBootstrap(estimate, kN, a, kD, b, level) : null;
    }
}
