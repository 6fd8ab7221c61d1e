namespace Scaling.Parallelism;

/// <summary>
/// Model-state bytes per device under ZeRO (Rajbhandari et al. 2020, arXiv 1910.02054, §5.1, Figure 1): with Ψ
/// parameters, 2Ψ of 16-bit weights, 2Ψ of 16-bit gradients and KΨ of optimiser state (K = 12 for mixed-precision Adam:
/// fp32 master weights, momentum and variance) over N_d data-parallel devices —
/// stage 0 <c>(2 + 2 + K)·Ψ</c>; stage 1 <c>(2 + 2)·Ψ + K·Ψ/N_d</c>; stage 2 <c>2·Ψ + (2 + K)·Ψ/N_d</c>;
/// stage 3 <c>(2 + 2 + K)·Ψ/N_d</c>.
/// </summary>
/// <example><code>
/// ZeroMemory.ModelStateBytesPerDevice(7.5e9, 12, 64, ZeroStage.OptimizerStates); // 31.4 GB (Figure 1)
/// </code></example>
public static class ZeroMemory
{
    /// <summary>Bytes of one 16-bit weight or gradient.</summary>
    public const double HalfPrecisionBytes = 2;

    /// <summary>Model-state bytes on one device: weights, gradients and optimiser state, sharded as the stage says.</summary>
    public static double ModelStateBytesPerDevice(double parameters, double optimizerBytesPerParameter, int dataParallel, ZeroStage stage)
    {
        Require.NonNegativeFinite(parameters, nameof(parameters));
        Require.NonNegativeFinite(optimizerBytesPerParameter, nameof(optimizerBytesPerParameter));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dataParallel);
        double n = dataParallel, k = optimizerBytesPerParameter, w = HalfPrecisionBytes, g = HalfPrecisionBytes;
        return stage switch
        {
            ZeroStage.None => (w + g + k) * parameters,
            ZeroStage.OptimizerStates => ((w + g) * parameters) + (k * parameters / n),
            ZeroStage.Gradients => (w * parameters) + ((g + k) * parameters / n),
            ZeroStage.Parameters => (w + g + k) * parameters / n,
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown ZeRO stage."),
        };
    }
}
