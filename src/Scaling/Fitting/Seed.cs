using System.Globalization;

namespace Scaling.Fitting;

/// <summary>
/// The seed of every random draw Scaling makes (bootstrap resamples, synthetic runs, simulated campaigns): a 64-bit whole
/// number. Draw k of a computation uses the stream (seed, k) of a xoshiro256** generator whose sequence is fixed by this
/// library's code, so the same seed gives the same numbers on every machine, runtime and thread count.
/// </summary>
/// <remarks>
/// A <see cref="long"/> converts implicitly, so options read naturally:
/// <example><code>
/// var boot = ParametricBootstrap.Run(fit, new BootstrapOptions { Resamples = 4000, Seed = 7 });
/// Seed.TryParse("42", out var seed);   // the CLI's --seed
/// </code></example>
/// </remarks>
/// <param name="Value">The seed itself; any value, 0 included.</param>
public readonly record struct Seed(long Value) : IFormattable
{
    /// <summary>A seed from a whole number.</summary>
    public static implicit operator Seed(long value) => new(value);

    /// <summary>
    /// Reads a seed written as a whole number in the invariant culture (<c>42</c>, <c>-7</c>); false for anything else
    /// (<c>1e3</c>, <c>4.5</c>, empty, beyond ±9.2E+18).
    /// </summary>
    public static bool TryParse(string? text, out Seed seed)
    {
        bool parsed = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value);
        seed = new Seed(value);
        return parsed;
    }

    /// <summary>The seed as a whole number in the invariant culture, e.g. <c>2022</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc cref="ToString()"/>
    public string ToString(IFormatProvider? provider) => Value.ToString(provider ?? CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture);

    /// <summary>The random source of stream <paramref name="stream"/> under this seed (e.g. one per bootstrap resample).</summary>
    internal SeededRandom Random(long stream = 0) => new(Value, stream);
}
