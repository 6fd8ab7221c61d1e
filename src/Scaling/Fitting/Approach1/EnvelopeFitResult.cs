using Scaling.Fitting.Bootstrap;
using Scaling.Laws;

namespace Scaling.Fitting.Approach1;

/// <summary>
/// The result of Approach 1 (lower envelope of training curves, Hoffmann et al. 2022, §3.1): the envelope, the power
/// laws N_opt = k_N·C^a and D_opt = k_D·C^b fitted to it, warnings, and bootstrap intervals.
/// </summary>
/// <param name="Envelope">The envelope at every grid compute some run reaches, in order of compute.</param>
/// <param name="Frontier">The power-law fits through the envelope points used.</param>
/// <param name="CurvesUsed">How many training runs (with two or more checkpoints) the envelope was built from.</param>
/// <param name="Warnings">Plain-language warnings (ignored rows, excluded envelope points, failed resamples); empty when none.</param>
/// <param name="Bootstrap">Bootstrap intervals (resampling whole runs), or null when no resamples were asked for (or too few could be refitted).</param>
public sealed record EnvelopeFitResult(
    IReadOnlyList<EnvelopePoint> Envelope,
    AllocationFit Frontier,
    int CurvesUsed,
    IReadOnlyList<string> Warnings,
    AllocationBootstrap? Bootstrap)
{
    /// <summary>The fitted allocation rule N_opt = k_N·C^a, D_opt = C/(6·N_opt).</summary>
    public PowerLawAllocationRule Rule => Frontier.Rule;

    /// <summary>How many envelope points entered the power-law fits.</summary>
    public int PointsUsed => Frontier.Parameters.Points;
}
