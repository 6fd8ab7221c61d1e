namespace Scaling.Fitting.Optimization;

/// <summary>Compute-optimal points (C, N_opt, D_opt) as parallel arrays, the input of the power-law fits.</summary>
internal sealed class CompactOptima(double[] flops, double[] parameters, double[] tokens, int count)
{
    public int Count { get; } = count;

    public ReadOnlySpan<double> Flops => flops.AsSpan(0, Count);

    public ReadOnlySpan<double> Parameters => parameters.AsSpan(0, Count);

    public ReadOnlySpan<double> Tokens => tokens.AsSpan(0, Count);
}
