namespace Scaling.Fitting.Optimization;

/// <summary>The outcome of one minimisation.</summary>
/// <remarks><see cref="Evaluations"/> counts every evaluation; <see cref="SingleEvaluations"/> those of them made in single precision.</remarks>
internal readonly record struct LbfgsOutcome(double Value, double GradientNorm, int Iterations, int Evaluations, LbfgsStop Stop, int SingleEvaluations = 0);
