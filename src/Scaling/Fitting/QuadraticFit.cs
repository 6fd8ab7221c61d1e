namespace Scaling.Fitting;

/// <summary>
/// A least-squares parabola <c>y = c₀ + c₁·(x − x̄) + c₂·(x − x̄)²</c>, written about the mean <see cref="Center"/>
/// x̄ of the sampled x so that the fit stays well conditioned when x is a log model size (ln N ≈ 20).
/// </summary>
/// <remarks>
/// Approach 2 of Hoffmann et al. 2022 (§3.2) fits one such parabola of loss against ln N per IsoFLOP group and
/// reads the compute-optimal size off its vertex: <c>x* = x̄ − c₁/(2c₂)</c>, a minimum only when c₂ &gt; 0.
/// <example><code>
/// var fit = QuadraticFit.Fit([0, 1, 2, 3], [5, 2, 1, 2]); // (x − 2)² + 1: Vertex 2, MinimumValue 1
/// </code></example>
/// </remarks>
public sealed record QuadraticFit
{
    private QuadraticFit(double center, double constant, double linear, double quadratic, int points)
    {
        Center = center;
        Constant = constant;
        Linear = linear;
        Quadratic = quadratic;
        Points = points;
    }

    /// <summary>x̄, the mean of the sampled x.</summary>
    public double Center { get; }

    /// <summary>c₀, the fitted y at x̄.</summary>
    public double Constant { get; }

    /// <summary>c₁, the slope at x̄.</summary>
    public double Linear { get; }

    /// <summary>c₂, half the curvature; positive when the parabola opens upward.</summary>
    public double Quadratic { get; }

    /// <summary>How many (x, y) points the fit rests on.</summary>
    public int Points { get; }

    /// <summary>True when c₂ &gt; 0, so the vertex is a minimum.</summary>
    public bool OpensUpward => Quadratic > 0;

    /// <summary>The vertex x* = x̄ − c₁/(2c₂) (a minimum when <see cref="OpensUpward"/>; infinite when c₂ = 0).</summary>
    public double Vertex => Center - (Linear / (2 * Quadratic));

    /// <summary>y at the vertex: c₀ − c₁²/(4c₂).</summary>
    public double MinimumValue => Constant - (Linear * Linear / (4 * Quadratic));

    /// <summary>The fitted y at <paramref name="x"/>.</summary>
    public double Evaluate(double x)
    {
        double u = x - Center;
        return Constant + (u * (Linear + (u * Quadratic)));
    }

    /// <summary>
    /// The least-squares parabola through (<paramref name="x"/>[i], <paramref name="y"/>[i]); needs at least three
    /// distinct finite x and finite y.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ, a value is not finite, or fewer than three x are distinct.</exception>
    public static QuadraticFit Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x and y must have the same length; got {x.Length} and {y.Length}.", nameof(y));
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException($"x and y must be finite; point {i} is ({x[i]}, {y[i]}).", nameof(x));
            }
        }

        if (CountDistinct(x) < 3)
        {
            throw new ArgumentException("x: a parabola needs at least three distinct x values.", nameof(x));
        }

        return FitUnchecked(x, y);
    }

    /// <summary>The fit without argument checks; the caller guarantees three distinct finite x and finite y.</summary>
    // The normal equations in centred x, not MathNet's Fit.Polynomial (QR): the same vertex, but the Approach 2 bootstrap
    // fits one parabola per group and resample (the campaign simulation hundreds of thousands), and this is much
    // faster (docs/performance.md, "The parabola").
    internal static QuadraticFit FitUnchecked(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        double center = 0;
        for (int i = 0; i < n; i++)
        {
            center += x[i];
        }

        center /= n;

        // Normal equations in u = x − x̄, where Σu = 0 removes one coupling:
        // [n    0    S2] [c0]   [T0]
        // [0    S2   S3] [c1] = [T1]
        // [S2   S3   S4] [c2]   [T2]
        double s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        for (int i = 0; i < n; i++)
        {
            double u = x[i] - center;
            double u2 = u * u;
            s2 += u2;
            s3 += u2 * u;
            s4 += u2 * u2;
            t0 += y[i];
            t1 += u * y[i];
            t2 += u2 * y[i];
        }

        // Eliminate c0 = (T0 − S2·c2)/n and c1 = (T1 − S3·c2)/S2, then solve for c2.
        double quadraticDenominator = s4 - (s2 * s2 / n) - (s3 * s3 / s2);
        double quadratic = (t2 - (s2 * t0 / n) - (s3 * t1 / s2)) / quadraticDenominator;
        double linear = (t1 - (s3 * quadratic)) / s2;
        double constant = (t0 - (s2 * quadratic)) / n;
        return new QuadraticFit(center, constant, linear, quadratic, n);
    }

    internal static int CountDistinct(ReadOnlySpan<double> values)
    {
        Span<double> sorted = values.Length <= 256 ? stackalloc double[values.Length] : new double[values.Length];
        values.CopyTo(sorted);
        sorted.Sort();
        int distinct = sorted.Length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }
}
