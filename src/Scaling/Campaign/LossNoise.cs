using System.Globalization;
using Scaling.Fitting;

namespace Scaling.Campaign;

/// <summary>
/// How a simulated run's loss departs from the true law: a multiplicative factor on L(N, D), either log-normal
/// (<see cref="LogNormal"/>) or one-sided (<see cref="OneSidedExponential"/>, losses only above the law, as a run that
/// is never better than the law but sometimes worse).
/// </summary>
public abstract record LossNoise
{
    private protected LossNoise(double scale)
    {
        Scale = Require.NonNegativeFinite(scale, nameof(scale));
    }

    /// <summary>σ of the log-normal noise, or the mean of the exponential excess in log-loss.</summary>
    public double Scale { get; }

    /// <summary>loss = L·exp(σ·z), z standard normal (Gaussian in log-loss).</summary>
    public static LossNoise Gaussian(double sigma) => new LogNormal(sigma);

    /// <summary>loss = L·exp(m·x), x standard exponential (mean m, never below the law; the kind of noise kyo-takano/chinchilla's simulator adds).</summary>
    public static LossNoise Exponential(double mean) => new OneSidedExponential(mean);

    /// <summary>The factor exp(noise in log-loss) for one run.</summary>
    internal abstract double Factor(ref SeededRandom random);

    /// <summary>Gaussian noise in log-loss.</summary>
    public sealed record LogNormal : LossNoise
    {
        internal LogNormal(double sigma)
            : base(sigma)
        {
        }

        internal override double Factor(ref SeededRandom random) => Math.Exp(Scale * random.NextGaussian());

        /// <inheritdoc/>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"gaussian(sigma {Scale:G3})");
    }

    /// <summary>One-sided exponential noise in log-loss.</summary>
    public sealed record OneSidedExponential : LossNoise
    {
        internal OneSidedExponential(double mean)
            : base(mean)
        {
        }

        internal override double Factor(ref SeededRandom random) => Math.Exp(-Scale * Math.Log(1.0 - random.NextDouble()));

        /// <inheritdoc/>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"exponential(mean {Scale:G3})");
    }
}
