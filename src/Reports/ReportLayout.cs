using Scaling.Architecture;
using Scaling.Parallelism;
using Scaling.Resources;

namespace Scaling.Reports;

/// <summary>
/// The parallel layout the page and the workbook show for a plan with an accelerator: the shape proposed for N*
/// (as the Architecture sheet proposes it) at a 4,096-token context, laid out by <see cref="LayoutSearch"/> on the
/// fewest GPUs from the plan's count up — what <c>scaling plan --gpu NAME --layout auto</c> prints.
/// </summary>
public sealed record ReportLayout(TransformerShape Shape, int ContextTokens, LayoutChoice? Choice, int PlanGpus)
{
    /// <summary>The context the report lays the model out at.</summary>
    public const int Context = 4096;

    /// <summary>
    /// The layout for <paramref name="parameters"/> on <paramref name="resources"/> (a null choice when none fits within
    /// the maximum GPUs), or null when no shape can be proposed for that size.
    /// </summary>
    public static ReportLayout? For(double parameters, ResourcePlan resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if (parameters < ShapeDesigner.MinParameters || parameters > ShapeDesigner.MaxParameters)
        {
            return null;
        }

        var shape = ShapeDesigner.Propose(parameters, new ShapeRequest());
        var a = resources.Assumptions;
        double usable = a.Accelerator.MemoryBytes * a.UsableMemoryFraction;
        LayoutChoice? choice;
        try
        {
            choice = LayoutSearch.Fewest(shape, Context, usable, resources.Gpus, a.MaxGpus, a.Recipe, a.TrainingPrecision);
        }
        catch (InfeasiblePlanException)
        {
            choice = null;
        }

        return new ReportLayout(shape, Context, choice, resources.Gpus);
    }
}
