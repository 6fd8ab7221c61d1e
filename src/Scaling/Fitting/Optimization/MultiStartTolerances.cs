namespace Scaling.Fitting.Optimization;

/// <summary>
/// When each minimisation of <see cref="MultiStart"/> stops: the largest gradient component at most
/// <see cref="Gradient"/>, or <see cref="MaxIterations"/>; while it exceeds <see cref="Coarse"/> (0: never) the
/// iterations use the objective's coarse (single-precision) evaluation.
/// </summary>
internal readonly record struct MultiStartTolerances(double Gradient, int MaxIterations, double Coarse = 0);
