using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Audit;

namespace Scaling.Reports.Figures;

/// <summary>
/// Published models on log parameters × log tokens, against the compute-optimal frontier of a law and the
/// 20-tokens-per-parameter rule, coloured by verdict and labelled by name. Dotted lines of equal compute show
/// which models spent the same budget differently.
/// </summary>
public static class AuditMapFigure
{
    private const int FrontierPoints = 100;

    // Hoffmann et al. 2022's rule of thumb: about 20 tokens per parameter is compute-optimal (Table 3).
    private const double RuleOfThumbTokensPerParameter = 20;

    /// <summary>The map of <paramref name="models"/> audited by <paramref name="auditor"/> (at least one model).</summary>
    public static PlotModel Create(ModelAuditor auditor, IReadOnlyList<PublishedModel> models)
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
            $"law {auditor.Law.Name}; above the frontier: more tokens than optimal (overtrained), below: fewer (undertrained)");
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Model size N", "parameters", nMin, nMax));
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Left, "Training tokens D", "tokens", dMin, dMax));

        AddIsoFlopLines(model, auditor.FlopsPerParameterToken, nMin, nMax, dMin, dMax);
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
            var first = group[0];
            string text = string.Join(", ", group.Select(g => Name(g.Model)));
            var offset = layout.Place(first.Model.Parameters, first.Model.Tokens, text);
            model.Annotations.Add(Label(first.Model, text, offset, first.Audit.Verdict));
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

    private static void AddIsoFlopLines(PlotModel model, double k, double nMin, double nMax, double dMin, double dMax)
    {
        double first = Math.Ceiling(Math.Log10(k * nMin * dMin));
        double last = Math.Floor(Math.Log10(k * nMax * dMax));
        for (double exponent = first; exponent <= last; exponent++)
        {
            double flops = Math.Pow(10, exponent);
            var line = new LineSeries
            {
                Color = OxyColor.FromArgb(70, 0, 0, 0),
                LineStyle = LineStyle.Dot,
                StrokeThickness = 1,
                Title = exponent == first ? "Equal compute C = 6·N·D (each decade)" : null,
            };
            line.Points.Add(new DataPoint(nMin, flops / (k * nMin)));
            line.Points.Add(new DataPoint(nMax, flops / (k * nMax)));
            model.Series.Add(line);
        }
    }

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

    private static TextAnnotation Label(PublishedModel model, string text, ScreenVector offset, AuditVerdict verdict) => new()
    {
        Text = text,
        TextPosition = new DataPoint(model.Parameters, model.Tokens),
        Offset = offset,
        TextHorizontalAlignment = offset.X >= 0 ? HorizontalAlignment.Left : HorizontalAlignment.Right,
        TextVerticalAlignment = VerticalAlignment.Middle,
        FontSize = 12,
        TextColor = OxyColor.FromAColor(230, VerdictColor(verdict)),
        StrokeThickness = 0,
    };
}
