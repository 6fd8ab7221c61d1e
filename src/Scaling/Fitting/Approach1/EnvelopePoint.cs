namespace Scaling.Fitting.Approach1;

/// <summary>
/// One point of the lower envelope of Approach 1 (Hoffmann et al. 2022, §3.1): at compute <see cref="Flops"/>, the
/// training run with the lowest (interpolated) loss, and the N and D it spends that compute on.
/// </summary>
/// <param name="Flops">The compute C in FLOPs (a grid value).</param>
/// <param name="Parameters">N of the winning run.</param>
/// <param name="Tokens">D = C/(6·N): the tokens the winning run has seen at this compute.</param>
/// <param name="Loss">The winning run's loss at this compute, interpolated linearly in ln C between its checkpoints.</param>
/// <param name="RunName">The winning run.</param>
/// <param name="IsBracketed">
/// True when runs both smaller and larger than the winner reach this compute, so the minimum over sizes is bracketed.
/// </param>
public sealed record EnvelopePoint(double Flops, double Parameters, double Tokens, double Loss, string RunName, bool IsBracketed);
