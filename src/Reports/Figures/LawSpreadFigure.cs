using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Scaling.Allocation;
using Scaling.Text;

namespace Scaling.Reports.Figures;

/// <summary>
/// How much the choice of law moves the answer: the compute-optimal model size N* of each law against the budget
/// (top panel, log), and each law's N* relative to the report's law (bottom panel), with the user's budget marked and
/// the spread there printed. At Gopher's 5.76e23 FLOPs the presets give N* from about 32B to 72B: the largest
/// uncertainty in a plan, larger than a fit's bootstrap interval.
/// </summary>
public static class LawSpreadFigure
{
    private const int Points = 41;

    /// <summary>The figure over two decades either side of <paramref name="userFlops"/>.</summary>
    /// <param name="laws">The laws by name, the report's own first (drawn bold and used as the reference).</param>
    /// <param name="userFlops">The user's budget.</param>
    public static PlotModel Create(IReadOnlyList<(string Name, IComputeAllocator Allocator)> laws, double userFlops)
    {
        ArgumentNullException.ThrowIfNull(laws);
        if (laws.Count < 2)
        {
            throw new ArgumentException("laws: give at least two laws to compare.", nameof(laws));
        }

        if (!(double.IsFinite(userFlops) && userFlops > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(userFlops), userFlops, "userFlops must be finite and greater than 0.");
        }

        var (low, high) = (userFlops / 100, userFlops * 100);
        var budgets = Enumerable.Range(0, Points).Select(i => low * Math.Pow(high / low, (double)i / (Points - 1))).ToArray();
        var reference = laws[0].Allocator;
        var atUser = laws.Select(l => (l.Name, Parameters: l.Allocator.Optimum(userFlops).Parameters)).ToArray();
        var smallest = atUser.MinBy(l => l.Parameters);
        var largest = atUser.MaxBy(l => l.Parameters);
        var model = FigureStyle.NewModel(
            "How much the choice of law moves the model size",
            $"at your budget N* ranges from {NumberText.Count(smallest.Parameters)} ({smallest.Name}) to {NumberText.Count(largest.Parameters)} ({largest.Name}): {NumberText.Ratio(largest.Parameters / smallest.Parameters)}×");
        model.Axes.Add(FigureStyle.LogAxis(AxisPosition.Bottom, "Training compute C", "FLOPs", low, high));
        var all = laws.SelectMany(l => budgets.Select(c => l.Allocator.Optimum(c).Parameters)).ToArray();
        var (nMin, nMax) = FigureStyle.Decades(all.Min(), all.Max());
        var size = FigureStyle.LogAxis(AxisPosition.Left, "N*", "parameters", nMin, nMax);
        size.Key = "size";
        size.StartPosition = 0.42;
        size.EndPosition = 1;
        model.Axes.Add(size);
        var ratios = laws.SelectMany(l => budgets.Select(c => l.Allocator.Optimum(c).Parameters / reference.Optimum(c).Parameters)).ToArray();
        var ratio = FigureStyle.LinearAxis(AxisPosition.Left, "N* ÷ N* of " + laws[0].Name, "ratio");
        ratio.Key = "ratio";
        ratio.StartPosition = 0;
        ratio.EndPosition = 0.36;
        ratio.Minimum = Math.Min(0.9, ratios.Min() * 0.95);
        ratio.Maximum = Math.Max(1.1, ratios.Max() * 1.05);
        model.Axes.Add(ratio);

        for (int i = 0; i < laws.Count; i++)
        {
            var (name, allocator) = laws[i];
            var colour = i == 0 ? OxyColors.Black : FigureStyle.Color(i - 1);
            double thickness = i == 0 ? 4 : 2.5;
            var absolute = new LineSeries
            {
                Title = $"{name}: {NumberText.Count(atUser[i].Parameters)} at your budget",
                Color = colour,
                StrokeThickness = thickness,
                YAxisKey = "size",
            };
            absolute.Points.AddRange(budgets.Select(c => new DataPoint(c, allocator.Optimum(c).Parameters)));
            model.Series.Add(absolute);
            var relative = new LineSeries { Color = colour, StrokeThickness = thickness, YAxisKey = "ratio" };
            relative.Points.AddRange(budgets.Select(c => new DataPoint(c, allocator.Optimum(c).Parameters / reference.Optimum(c).Parameters)));
            model.Series.Add(relative);
        }

        foreach (string key in new[] { "size", "ratio" })
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical,
                X = userFlops,
                YAxisKey = key,
                Color = OxyColor.FromArgb(150, 0, 0, 0),
                LineStyle = LineStyle.Dash,
                StrokeThickness = 1.5,
                Tag = "your budget",
            });
        }

        model.Annotations.Add(FigureStyle.BudgetLabel("your budget: " + NumberText.Power(userFlops) + " FLOPs", new DataPoint(userFlops, nMax), "size"));
        return model;
    }
}
