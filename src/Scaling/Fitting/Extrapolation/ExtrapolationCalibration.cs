using Scaling.Fitting.Backtest;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// What the back-tests of published IsoFLOP studies teach the extrapolation: the drift estimator's prior
/// (<see cref="Prior"/>) and, per calibrated method, the quantile q that makes N̂·e^(±q·s) cover the observed optimum of
/// held-out studies at the stated <see cref="Level"/>.
/// </summary>
/// <remarks>
/// <para><see cref="Compute"/> (the same code that produced <see cref="Embedded"/>, which a test recomputes):</para>
/// <list type="number">
/// <item>Prior: each study's interior IsoFLOP vertices over its whole range are fitted with a line (slope a) and a
/// parabola (curvature c₂, residual scatter) in ln C; the means and standard deviations across studies, each group of
/// studies sharing runs weighted equally, give μ_a, τ_a, μ_k, τ_k and σ₀ (empirical Bayes).</item>
/// <item>Curvature scale κ: the drift estimator's prior standard deviation on c₂ is κ·τ_k, κ chosen from
/// {1, ½, ¼, ⅛, 1/16} to minimise the root-mean-square ln error of leave-one-group-out back-test predictions at least
/// one decade out (the study's curvature over its whole range overstates how far it carries).</item>
/// <item>Quantile: normalised split-conformal (Lei et al. 2018, JASA 113:1094, §5.2, locally weighted), with the
/// scores taken out of sample as in the jackknife+ (Barber et al. 2021, Ann. Statist. 49:486): every rolling-origin
/// prediction of every study is made with the prior computed without its group, scored s = |ln(N_obs/N̂)| / scale, and
/// q is the level-quantile of the scores with each group weighted equally.</item>
/// </list>
/// <example><code>
/// var calibration = ExtrapolationCalibration.Compute(IsoFlopCorpus.Calibration);   // equals Embedded
/// </code></example>
/// </remarks>
public sealed record ExtrapolationCalibration
{
    /// <summary>The curvature scales κ tried by <see cref="Compute"/>.</summary>
    public static IReadOnlyList<double> CurvatureScales { get; } = [1, 0.5, 0.25, 0.125, 0.0625];

    // Floors on the across-study spreads, so a corpus of near-identical studies cannot make the prior certain.
    private const double SlopeSdFloor = 0.01;
    private const double CurvatureSdFloor = 1e-3;

    /// <summary>
    /// Computed by <see cref="Compute"/> on <see cref="IsoFlopCorpus.Calibration"/> (11 studies with final losses in 10
    /// groups: Chinchilla's runs in two digitisations, Hoffmann et al. 2022 via Besiroglu et al. 2024 and apple/ml-scalefit;
    /// Li, Kudugunta &amp; Zettlemoyer 2025; Brandfonbrener et al. 2024, six data sets; Porian et al. 2024, two cosine
    /// settings). A test recomputes it.
    /// </summary>
    public static ExtrapolationCalibration Embedded { get; } = new()
    {
        Prior = new DriftPrior(
            SlopeMean: 0.5066462413932946,
            SlopeSd: 0.02881115396290481,
            CurvatureMean: -0.004422367736611044,
            CurvatureSd: 0.0036191015256086564,
            VertexNoise: 0.051927475466618314),
        CurvatureScale = 0.25,
        DriftQuantile = 2.4487381286127223,
        Approach2Quantile = 3.852550117812521,
        Level = 0.95,
        ReachDecades = 2.709269960975831,
        Studies = 11,
        Groups = 10,
    };

    /// <summary>The drift estimator's prior (its curvature standard deviation already scaled by <see cref="CurvatureScale"/>).</summary>
    public required DriftPrior Prior { get; init; }

    /// <summary>κ, the scale applied to the across-study spread of the curvature.</summary>
    public required double CurvatureScale { get; init; }

    /// <summary>q of the drift estimator.</summary>
    public required double DriftQuantile { get; init; }

    /// <summary>q of Approach 2.</summary>
    public required double Approach2Quantile { get; init; }

    /// <summary>The coverage the quantiles were calibrated for (0.95).</summary>
    public required double Level { get; init; }

    /// <summary>The farthest extrapolation any back-test of the corpus made, in decades.</summary>
    public required double ReachDecades { get; init; }

    /// <summary>How many studies the calibration rests on.</summary>
    public required int Studies { get; init; }

    /// <summary>How many groups of independent runs those studies form.</summary>
    public required int Groups { get; init; }

    /// <summary>
    /// q for <paramref name="method"/>, or null when the method is not calibrated (variable projection and Approach 3,
    /// whose block bootstrap would have to be run over the whole corpus).
    /// </summary>
    public double? QuantileFor(ExtrapolationMethod method) => method switch
    {
        ExtrapolationMethod.Drift => DriftQuantile,
        ExtrapolationMethod.Approach2 => Approach2Quantile,
        _ => null,
    };

    /// <summary>The estimator of <paramref name="method"/> with this calibration's prior and vertex noise.</summary>
    public IOptimumEstimator Estimator(ExtrapolationMethod method, Seed seed = default, int resamples = 100) => method switch
    {
        ExtrapolationMethod.Drift => new DriftEstimator(Prior),
        ExtrapolationMethod.Approach2 => new Approach2Estimator(Prior.VertexNoise),
        ExtrapolationMethod.VariableProjection => new VariableProjectionEstimator(Prior.VertexNoise) { Seed = seed, Resamples = resamples },
        ExtrapolationMethod.Approach3 => new Approach3Estimator(Prior.VertexNoise) { Seed = seed, Resamples = resamples },
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method."),
    };

    /// <summary>Computes the calibration from <paramref name="corpus"/> (see the remarks); needs at least two groups.</summary>
    public static ExtrapolationCalibration Compute(IReadOnlyList<IsoFlopStudy> corpus, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        Require.Fraction(level, nameof(level));
        var groups = corpus.Select(s => s.Group).Distinct(StringComparer.Ordinal).ToArray();
        if (groups.Length < 2)
        {
            throw new ArgumentException($"corpus: the calibration holds groups out, so it needs at least two groups of studies; got {groups.Length}.", nameof(corpus));
        }

        var spreads = groups.ToDictionary(g => g, g => Spread(corpus.Where(s => s.Group == g)), StringComparer.Ordinal);
        DriftPrior PriorWithout(string? heldOut, double scale) => Pool(spreads.Where(kv => kv.Key != heldOut).Select(kv => kv.Value).ToArray(), scale);

        double bestRms = double.PositiveInfinity, bestScale = CurvatureScales[0];
        foreach (double scale in CurvatureScales)
        {
            var rows = HeldOut(corpus, groups, g => new DriftEstimator(PriorWithout(g, scale)));
            double rms = Math.Sqrt(WeightedMean(rows.Where(r => r.Row.Decades >= 1), r => r.Row.LogError * r.Row.LogError));
            if (rms < bestRms)
            {
                (bestRms, bestScale) = (rms, scale);
            }
        }

        var drift = HeldOut(corpus, groups, g => new DriftEstimator(PriorWithout(g, bestScale)));
        var approach2 = HeldOut(corpus, groups, g => new Approach2Estimator(PriorWithout(g, bestScale).VertexNoise));
        return new ExtrapolationCalibration
        {
            Prior = PriorWithout(null, bestScale),
            CurvatureScale = bestScale,
            DriftQuantile = WeightedQuantile(drift, level),
            Approach2Quantile = WeightedQuantile(approach2, level),
            Level = level,
            ReachDecades = drift.Count == 0 ? 0 : drift.Max(r => r.Row.Decades),
            Studies = corpus.Count,
            Groups = groups.Length,
        };
    }

    // Each study's whole-range fits of its vertices: (slope, curvature, residual variance) averaged within the group.
    private sealed record GroupSpread(double Slope, double Curvature, double ResidualVariance);

    private static GroupSpread Spread(IEnumerable<IsoFlopStudy> studies)
    {
        var fits = new List<(double Slope, double Curvature, double Residual)>();
        foreach (var study in studies)
        {
            var (x, y) = VertexRegression.Vertices(study.Budgets);
            if (x.Length < 4)
            {
                continue;
            }

            var line = VertexRegression.Fit(x, y, 1, 0, double.PositiveInfinity, 0, double.PositiveInfinity, 1, 0);
            var parabola = VertexRegression.Fit(x, y, 2, 0, double.PositiveInfinity, 0, double.PositiveInfinity, 1, 0);
            fits.Add((line.Mean[1], parabola.Mean[2], QuadraticResidualVariance(x, y, parabola.Origin, parabola.Mean)));
        }

        return fits.Count == 0
            ? new GroupSpread(double.NaN, double.NaN, double.NaN)
            : new GroupSpread(fits.Average(f => f.Slope), fits.Average(f => f.Curvature), fits.Average(f => f.Residual));
    }

    private static double QuadraticResidualVariance(double[] x, double[] y, double origin, double[] c)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double u = x[i] - origin;
            double r = y[i] - c[0] - (c[1] * u) - (c[2] * u * u);
            sum += r * r;
        }

        return sum / (x.Length - 3);
    }

    private static DriftPrior Pool(GroupSpread[] spreads, double curvatureScale)
    {
        var usable = spreads.Where(s => double.IsFinite(s.Slope)).ToArray();
        if (usable.Length < 2)
        {
            // The message names Compute's parameter; this helper has no parameter of that name to give as paramName.
            throw new ArgumentException("corpus: fewer than two groups have a study with four IsoFLOP vertices; the prior needs their spread.");
        }

        double slope = usable.Average(s => s.Slope), curvature = usable.Average(s => s.Curvature);
        double slopeSd = Math.Sqrt(usable.Average(s => (s.Slope - slope) * (s.Slope - slope)));
        double curvatureSd = Math.Sqrt(usable.Average(s => (s.Curvature - curvature) * (s.Curvature - curvature)));
        return new DriftPrior(
            slope,
            Math.Max(slopeSd, SlopeSdFloor),
            curvature,
            Math.Max(curvatureSd, CurvatureSdFloor) * curvatureScale,
            Math.Sqrt(usable.Average(s => s.ResidualVariance)));
    }

    private sealed record HeldOutRow(string Group, BacktestRow Row);

    // Every rolling-origin prediction of every study, made by the estimator built without the study's group.
    private static List<HeldOutRow> HeldOut(IReadOnlyList<IsoFlopStudy> corpus, string[] groups, Func<string, IOptimumEstimator> estimatorWithout)
    {
        var rows = new List<HeldOutRow>();
        foreach (string group in groups)
        {
            var estimator = estimatorWithout(group);
            foreach (var study in corpus.Where(s => s.Group == group))
            {
                rows.AddRange(Backtester.Run(study.Budgets, estimator, lossMape: false).Rows.Select(r => new HeldOutRow(group, r)));
            }
        }

        return rows;
    }

    private static double WeightedMean(IEnumerable<HeldOutRow> rows, Func<HeldOutRow, double> value)
    {
        double sum = 0, weights = 0;
        foreach (var group in rows.GroupBy(r => r.Group, StringComparer.Ordinal))
        {
            double weight = 1.0 / group.Count();
            foreach (var row in group)
            {
                sum += weight * value(row);
                weights += weight;
            }
        }

        return weights == 0 ? double.NaN : sum / weights;
    }

    // The smallest score whose cumulative weight (each group 1, shared by its rows) reaches level × groups.
    private static double WeightedQuantile(List<HeldOutRow> rows, double level)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("corpus: no study could be back-tested (each needs budgets that observe an optimum beyond two with IsoFLOP vertices).");
        }

        var weights = rows.GroupBy(r => r.Group, StringComparer.Ordinal).ToDictionary(g => g.Key, g => 1.0 / g.Count(), StringComparer.Ordinal);
        double target = level * weights.Count, cumulative = 0;
        foreach (var row in rows.OrderBy(r => r.Row.Score))
        {
            cumulative += weights[row.Group];
            if (cumulative >= target - 1e-12)
            {
                return row.Row.Score;
            }
        }

        return rows.Max(r => r.Row.Score);
    }
}
