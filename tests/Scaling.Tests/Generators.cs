using FsCheck;
using FsCheck.Fluent;
using Scaling.Laws;

namespace Scaling.Tests;

/// <summary>A FLOP budget drawn log-uniformly from 1e15 to 1e30.</summary>
public readonly record struct Budget(double Flops)
{
    public override string ToString() => Flops.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A factor drawn log-uniformly from 1e-3 to 1e3.</summary>
public readonly record struct Factor(double Value)
{
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>FsCheck generators over the domains of the math: valid laws and budgets, drawn in log space.</summary>
public static class Generators
{
    /// <summary>10^u with u uniform on [lo, hi], at a resolution of 10^-6 decades.</summary>
    public static Gen<double> LogUniform(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => Math.Pow(10, lo + ((hi - lo) * i / 1_000_000.0)));

    /// <summary>Uniform on [lo, hi].</summary>
    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => lo + ((hi - lo) * i / 1_000_000.0));

    /// <summary>
    /// Laws in and around the published range: E 0.5..3, A and B 10..10^4, α and β 0.1..0.8
    /// (Hoffmann 2022 and Besiroglu 2024 sit well inside).
    /// </summary>
    public static Arbitrary<LossLaw> Laws() =>
        (from e in Uniform(0.5, 3)
         from a in LogUniform(1, 4)
         from b in LogUniform(1, 4)
         from alpha in Uniform(0.1, 0.8)
         from beta in Uniform(0.1, 0.8)
         select LossLaw.Create(e, a, b, alpha, beta)).ToArbitrary();

    public static Arbitrary<Budget> Budgets() => LogUniform(15, 30).Select(c => new Budget(c)).ToArbitrary();

    public static Arbitrary<Factor> Factors() => LogUniform(-3, 3).Select(f => new Factor(f)).ToArbitrary();
}

/// <summary>Use the generators above for every property in a class.</summary>
public sealed class MathPropertyAttribute : FsCheck.Xunit.PropertyAttribute
{
    public MathPropertyAttribute()
    {
        Arbitrary = [typeof(Generators)];
        MaxTest = 300;
    }
}
