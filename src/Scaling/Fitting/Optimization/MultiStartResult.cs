namespace Scaling.Fitting.Optimization;

/// <summary>The end point (natural coordinates), objective and outcome of every start of a <see cref="MultiStart"/> run.</summary>
internal sealed class MultiStartResult
{
    public const int Dimension = HuberLogLossObjective.Dimension;

    private readonly double[] points;

    public MultiStartResult(int starts)
    {
        points = new double[starts * Dimension];
        Values = new double[starts];
        Outcomes = new LbfgsOutcome[starts];
    }

    public int Count => Values.Length;

    /// <summary>The objective at each end point; +∞ where it was not finite.</summary>
    public double[] Values { get; }

    public LbfgsOutcome[] Outcomes { get; }

    /// <summary>Every end point, start after start (<see cref="Dimension"/> numbers each).</summary>
    public double[] Points => points;

    /// <summary>The end point of start <paramref name="index"/>: (ln A, ln B, ln E, α, β).</summary>
    public Span<double> Point(int index) => points.AsSpan(index * Dimension, Dimension);

    /// <summary>The index of the lowest objective (ties: the lowest index).</summary>
    public int Best()
    {
        int best = 0;
        for (int i = 1; i < Values.Length; i++)
        {
            if (Values[i] < Values[best])
            {
                best = i;
            }
        }

        return best;
    }

    public int Converged() => Outcomes.Count(o => o.Stop == LbfgsStop.GradientTolerance);

    /// <summary>How many starts end within <paramref name="relativeTolerance"/> of <paramref name="value"/>.</summary>
    public int Reaching(double value, double relativeTolerance) => Values.Count(v => v - value <= relativeTolerance * Math.Abs(value));

    internal void Record(int index, LbfgsOutcome outcome)
    {
        Outcomes[index] = outcome;
        Values[index] = double.IsFinite(outcome.Value) ? outcome.Value : double.PositiveInfinity;
    }
}
