using Scaling.Hardware;

namespace Scaling.Resources;

/// <summary>Published worked examples of training resources, with their authors' assumptions.</summary>
public static class ResourceScenarios
{
    /// <summary>
    /// The seed article's GPT-3.5 example (article "KI-Effizienztechniken"): 175B parameters × 24 bytes = 4.2 TB;
    /// 30 GB usable per V100-32GB → 140 GPUs, "with practical efficiency" 164; 3,700 PF/s-days with
    /// "1 PF/s-day = 8 V100 for 24 h" (so 125 TFLOP/s per V100, the FP16 tensor peak, at full utilisation) →
    /// 29,600 GPU-days → ≈ 180.5 days on 164 GPUs; €3.3926 per V100-hour (Azure West Europe) → ≈ €2.40M;
    /// 500 W per GPU including overhead → ≈ 355 MWh.
    /// </summary>
    public static ResourceScenario SeedGpt35 { get; } = new(
        "seed-gpt35",
        "Seed article 'KI-Effizienztechniken', GPT-3.5 worked example",
        Flops: 3700 * 1e15 * 86_400,
        Parameters: 175e9,
        new ResourceAssumptions(HardwareCatalog.Default.Get("V100-32GB").WithPeakTeraflops(Precision.Fp16, 125))
        {
            Precision = Precision.Fp16,
            Mfu = 1.0,
            EurosPerGpuHour = 3.3926,
            UsableMemoryFraction = 30.0 / 32,
            Recipe = TrainingStateRecipe.Seed24,
            Gpus = 164,
            WattsPerGpu = 500,
            Overhead = 0,
            Pue = 1.0,
        });
}
