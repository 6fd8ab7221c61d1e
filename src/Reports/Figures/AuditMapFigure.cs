using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Audit;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// Published models on log parameters × log tokens, against the compute-optimal frontier of a law and the
/// 20-tokens-per-parameter rule, coloured by verdict and labelled by name. The verdict band — the points whose N lies
/// within the auditor's tolerance t of N* at their own compute (N*/t ≤ N ≤ t·N*) — is shaded, so every dot's colour
/// can be read off its position. Dotted lines of equal compute, labelled with C, show which models spent the same
/// budget differently. With bootstrap refits, the frontier carries its 95% interval.
/// </summary>
/// <remarks>
/// At compute C the band's edges are the points (t·N*(C), C/(k·t·N*(C))) and (N*(C)/t, C·t/(k·N*(C))): moving along
/// a line of equal compute away from the frontier, a model leaves the band where N/N* reaches t or 1/t.
/// </remarks>
public static class AuditMapFigure
{
    private const int FrontierPoints = 100;

    // Grey on the white plot, no box; a label is about a third of a decade wide and a tenth of a decade high here.
    private static readonly IsoFlopLabelStyle IsoFlopLabels = new(11, OxyColor.FromRgb(110, 110, 110), OxyColors.Transparent, RoomLeft: 2, RoomBelow: 1.5);

    // Hoffmann et al. 2022's rule of thumb: about 20 tokens per parameter is compute-optimal (Table 3).
    private const double RuleOfThumbTokensPerParameter = 20;

    /// <summary>The map of <paramref name="models"/> audited by <paramref name="auditor"/> (at least one model).</summary>
    /// <param name="auditor">The auditor whose law and tolerance give the frontier, band and verdicts.</param>
    /// <param name="models">The models to place.</param>
    /// <param name="resamples">Bootstrap refits of the auditor's law: adds the frontier's 95% interval.</param>
    public static PlotModel Create(ModelAuditor auditor, IReadOnlyList<PublishedModel> models, IReadOnlyList<Scaling.Laws.LossLaw>? resamples = null)
    {
        ArgumentNullException.ThrowIfNull(auditor);
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("models: give at least one model to map.", nameof(models));
        }

        var audits = models.Select(m => (Model: m, Audit: auditor.Audit(m))).ToList();
        var (nMin, nMax) = FigureStyle.Decades(audits.Min(a => Math.Min(a.Model.Parameters, a.Audit.OptimalParameters)) / 3, audits.Max(a => Math.Max(a.Model.Parameters, a.Audit.OptimalParameters)) * 3);
        var (dMin, dMax) = FigureStyle.Decades(audits.Min(a => Math.Min(a.Model.Tokens, a.Audit.OptimalTokens)) / 3, audits.Max(a => Math.Max(a.Model.Tokens, a.Audit.OptimalTokens)) * 3);
        var model = FigureStyle.NewModel(
            "Published models against the compute-optimal frontier",
            Invariant($"law {auditor.Law.Name}; green band: N within {NumberText.Ratio(auditor.ParameterRatioTolerance)}× of the optimal N* for the model's compute (near-optimal); right of it undertrained, left of it overtrained"));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Model size N", "parameters", nMin, nMax));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Left, "Training tokens D", "tokens", dMin, dMax));

        AddIsoFlopLines(model, auditor.FlopsPerParameterToken, new PlotBox(nMin, nMax, dMin, dMax));
        var band = Band(auditor, nMin, nMax, dMin, dMax);
        model.Annotations.Add(band);
        model.Series.Add(LegendEntry(Invariant($"Near-optimal band: N*/{NumberText.Ratio(auditor.ParameterRatioTolerance)} ≤ N ≤ {NumberText.Ratio(auditor.ParameterRatioTolerance)}·N*"), band.Fill, band.Stroke));
        if (resamples is { Count: >= 2 } && auditor.Frontier is { } frontier)
        {
            var interval = FrontierInterval(frontier, resamples, nMin, nMax, dMin, dMax);
            model.Annotations.Add(interval);
            model.Series.Add(LegendEntry("95% interval of the frontier (bootstrap refits)", interval.Fill, OxyColors.Transparent));
        }

        model.Series.Add(Frontier(auditor, nMin, nMax, dMin, dMax));
        model.Series.Add(RuleOfThumb(nMin, nMax));
        foreach (var verdict in Enum.GetValues<AuditVerdict>())
        {
            model.Series.Add(Points(audits.Where(a => a.Audit.Verdict == verdict).Select(a => a.Model), verdict));
        }

        var layout = new LabelLayout(nMin, nMax, dMin, dMax);
        foreach (var (published, audit) in audits)
        {
            layout.AddPoint(published.Parameters, published.Tokens);
        }

        foreach (var group in GroupCoincident(audits, layout))
        {
            // Models that share a point share a label, one per line, each with its year.
            var first = group[0];
            string text = string.Join("\n", group.Select(g => Name(g.Model)));
            var offset = layout.Place(first.Model.Parameters, first.Model.Tokens, text);
            var at = layout.DataAt(first.Model.Parameters, first.Model.Tokens, offset);
            if (offset.Y != 0)
            {
                // A label moved above or below its point is tied to it by a leader line.
                model.Annotations.Add(Leader(first.Model, at, offset, first.Audit.Verdict));
            }

            model.Annotations.Add(Label(at, text, offset, first.Audit.Verdict));
        }

        return model;
    }

    /// <summary>The colour of a verdict: vermillion for undertrained, green for near-optimal, blue for overtrained.</summary>
    public static OxyColor VerdictColor(AuditVerdict verdict) => verdict switch
    {
        AuditVerdict.Undertrained => FigureStyle.Palette[5],
        AuditVerdict.NearOptimal => FigureStyle.Palette[2],
        _ => FigureStyle.Palette[0],
    };

    private static void AddIsoFlopLines(PlotModel model, double k, PlotBox box)
    {
        double first = Math.Ceiling(Math.Log10(k * box.NMin * box.DMin));
        double last = Math.Floor(Math.Log10(k * box.NMax * box.DMax));
        for (double exponent = first; exponent <= last; exponent++)
        {
            double flops = Math.Pow(10, exponent);
            var line = new LineSeries
            {
                Color = OxyColor.FromArgb(45, 0, 0, 0),
                LineStyle = LineStyle.Solid,
                StrokeThickness = 1,
                Title = exponent == first ? "Equal compute C = 6·N·D (each decade)" : null,
            };
            line.Points.AddRange(IsoFlopLine.Ends(flops, k, box));
            model.Series.Add(line);
            if (IsoFlopLine.Label(flops, k, box, IsoFlopLabels, tag: flops) is { } label)
            {
                model.Annotations.Add(label);
            }
        }
    }

    // An area with no points: shows a shaded annotation's swatch in the legend.
    private static AreaSeries LegendEntry(string title, OxyColor fill, OxyColor stroke) =>
        new() { Title = title, Fill = fill, Color = stroke, StrokeThickness = 1 };

    private static PolygonAnnotation Band(ModelAuditor auditor, double nMin, double nMax, double dMin, double dMax)
    {
        double t = auditor.ParameterRatioTolerance;
        var (above, below) = Edges(c => auditor.Allocator.Optimum(c).Parameters, 1 / t, t, auditor.FlopsPerParameterToken, nMin, nMax, dMin, dMax);
        var band = new PolygonAnnotation
        {
            Fill = OxyColor.FromAColor(40, VerdictColor(AuditVerdict.NearOptimal)),
            Stroke = OxyColor.FromAColor(140, VerdictColor(AuditVerdict.NearOptimal)),
            StrokeThickness = 1,
            LineStyle = LineStyle.Dash,
            Layer = AnnotationLayer.BelowSeries,
            Tag = t,
        };
        band.Points.AddRange(above.Concat(below.AsEnumerable().Reverse()));
        return band;
    }

    private static PolygonAnnotation FrontierInterval(Scaling.Allocation.ComputeOptimalFrontier frontier, IReadOnlyList<Scaling.Laws.LossLaw> resamples, double nMin, double nMax, double dMin, double dMax)
    {
        double k = frontier.FlopsPerParameterToken;
        var intervals = new Dictionary<double, Scaling.Fitting.Interval>();
        Scaling.Fitting.Interval At(double c) => intervals.TryGetValue(c, out var i) ? i : intervals[c] = Scaling.Fitting.Bootstrap.OptimumIntervals.At(frontier.Law, resamples, c, 0.95, k).Parameters;
        var (above, below) = Edges(c => frontier.Optimum(c).Parameters, 1, 1, k, nMin, nMax, dMin, dMax, c => At(c).Lower, c => At(c).Upper);
        var band = new PolygonAnnotation
        {
            Fill = OxyColor.FromArgb(60, 0, 0, 0),
            StrokeThickness = 0,
            Layer = AnnotationLayer.BelowSeries,
            Tag = "interval",
        };
        band.Points.AddRange(above.Concat(below.AsEnumerable().Reverse()));
        return band;
    }

    // Two curves over compute: sizes lowFactor·N*(C) (fewer parameters, more tokens: above the frontier) and
    // highFactor·N*(C), each point with D = C/(k·N), clipped to the plot.
    private static (List<DataPoint> Above, List<DataPoint> Below) Edges(
        Func<double, double> optimalParameters, double lowFactor, double highFactor, double k, double nMin, double nMax, double dMin, double dMax,
        Func<double, double>? low = null, Func<double, double>? high = null)
    {
        low ??= c => lowFactor * optimalParameters(c);
        high ??= c => highFactor * optimalParameters(c);
        double lo = Math.Log(k * nMin * dMin / 100);
        double hi = Math.Log(k * nMax * dMax * 100);
        var above = new List<DataPoint>();
        var below = new List<DataPoint>();
        for (int i = 0; i < FrontierPoints * 2; i++)
        {
            double c = Math.Exp(lo + ((hi - lo) * i / ((FrontierPoints * 2) - 1)));
            double n1 = low(c);
            double n2 = high(c);
            above.Add(Clip(new DataPoint(n1, c / (k * n1)), nMin, nMax, dMin, dMax));
            below.Add(Clip(new DataPoint(n2, c / (k * n2)), nMin, nMax, dMin, dMax));
        }

        return (above, below);
    }

    private static DataPoint Clip(DataPoint p, double nMin, double nMax, double dMin, double dMax) =>
        new(Math.Clamp(p.X, nMin, nMax), Math.Clamp(p.Y, dMin, dMax));

    private static LineSeries Frontier(ModelAuditor auditor, double nMin, double nMax, double dMin, double dMax)
    {
        var series = new LineSeries { Title = "Compute-optimal frontier (N*, D*)", Color = OxyColors.Black, StrokeThickness = 3 };
        double k = auditor.FlopsPerParameterToken;
        double lo = Math.Log(k * nMin * dMin);
        double hi = Math.Log(k * nMax * dMax);
        for (int i = 0; i < FrontierPoints; i++)
        {
            var optimum = auditor.Allocator.Optimum(Math.Exp(lo + ((hi - lo) * i / (FrontierPoints - 1))));
            if (optimum.Parameters >= nMin && optimum.Parameters <= nMax)
            {
                series.Points.Add(new DataPoint(optimum.Parameters, optimum.Tokens));
            }
        }

        return series;
    }

    private static LineSeries RuleOfThumb(double nMin, double nMax)
    {
        var series = new LineSeries
        {
            Title = "20 tokens per parameter",
            Color = OxyColor.FromRgb(120, 120, 120),
            LineStyle = LineStyle.Dash,
            StrokeThickness = 2,
        };
        series.Points.Add(new DataPoint(nMin, RuleOfThumbTokensPerParameter * nMin));
        series.Points.Add(new DataPoint(nMax, RuleOfThumbTokensPerParameter * nMax));
        return series;
    }

    private static ScatterSeries Points(IEnumerable<PublishedModel> models, AuditVerdict verdict)
    {
        var series = new ScatterSeries
        {
            Title = verdict.ToText(),
            MarkerType = MarkerType.Circle,
            MarkerSize = 8,
            MarkerFill = VerdictColor(verdict),
            MarkerStroke = OxyColors.White,
            MarkerStrokeThickness = 1.5,
        };
        series.Points.AddRange(models.Select(m => new ScatterPoint(m.Parameters, m.Tokens)));
        return series;
    }

    private static string Name(PublishedModel model) =>
        model.Year is { } year ? string.Create(CultureInfo.InvariantCulture, $"{model.Name} ({year})") : model.Name;

    // Models at (almost) the same point share one label, e.g. GPT-3 and Jurassic-1 (175B and 178B on 300B tokens).
    private static List<List<(PublishedModel Model, ModelAudit Audit)>> GroupCoincident(
        IEnumerable<(PublishedModel Model, ModelAudit Audit)> audits, LabelLayout layout)
    {
        var groups = new List<List<(PublishedModel Model, ModelAudit Audit)>>();
        foreach (var item in audits)
        {
            var home = groups.FirstOrDefault(g => layout.Coincide(g[0].Model.Parameters, g[0].Model.Tokens, item.Model.Parameters, item.Model.Tokens));
            if (home is null)
            {
                groups.Add([item]);
            }
            else
            {
                home.Add(item);
            }
        }

        return groups;
    }

    private static TextAnnotation Label(DataPoint at, string text, ScreenVector offset, AuditVerdict verdict) => new()
    {
        Text = text,
        TextPosition = at,
        TextHorizontalAlignment = offset.X >= 0 ? HorizontalAlignment.Left : HorizontalAlignment.Right,
        TextVerticalAlignment = VerticalAlignment.Middle,
        FontSize = 12,
        TextColor = VerdictColor(verdict).ChangeIntensity(0.8),
        Background = OxyColor.FromArgb(200, 255, 255, 255),
        Padding = new OxyThickness(1),
        StrokeThickness = 0,
        Tag = PhoneLayout.WideOnly,
    };

    // From the marker's edge to the label's near side, in the verdict's colour.
    private static PolylineAnnotation Leader(PublishedModel model, DataPoint label, ScreenVector offset, AuditVerdict verdict)
    {
        var leader = new PolylineAnnotation
        {
            Color = VerdictColor(verdict).ChangeIntensity(0.8),
            StrokeThickness = 1,
            LineStyle = LineStyle.Solid,
            Layer = AnnotationLayer.BelowSeries,
            Tag = PhoneLayout.WideOnly,
        };
        leader.Points.Add(new DataPoint(model.Parameters, model.Tokens));
        leader.Points.Add(new DataPoint(label.X / Math.Pow(label.X / model.Parameters, 0.4), label.Y));
        leader.Points.Add(label);
        return leader;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
