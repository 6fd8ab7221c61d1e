using Scaling.Text;

namespace Scaling.Resources;

/// <summary>
/// What training <see cref="Flops"/> on a model of <see cref="Parameters"/> takes on real hardware: accelerator-hours,
/// accelerators, days, euros, energy and CO₂, and the memory of the model.
/// </summary>
/// <remarks>
/// <c>GPU-hours = C / (3600 × peak × MFU)</c>; <c>cost = GPU-hours × price</c>;
/// <c>GPUs</c> = the count given, or the fewest that meet the deadline given, or else the fewest that finish within
/// the schedule (90 days by default), never fewer than hold the training state
/// (<c>⌈state / (memory × usable fraction)⌉</c>), a derived count rounded up to whole 8-GPU nodes;
/// <c>days = GPU-hours / GPUs / 24</c>; <c>kWh = GPU-hours × W/1000 × (1 + overhead) × PUE</c>;
/// <c>tCO₂ = kWh × g/kWh / 10⁶</c>; water on site <c>kWh / PUE × WUE</c> and off site <c>kWh × L/kWh</c> (Li et al.
/// 2023); embodied <c>tCO₂ = GPU-hours × kg per GPU-slot / (lifetime hours × utilisation) / 1000</c> (Luccioni et al.
/// 2023). Activations are not included in the memory; communication and restarts are
/// folded into the MFU.
/// <example><code>
/// var assumptions = new ResourceAssumptions(HardwareCatalog.Default.Get("A100-80GB")) { Pue = 1, Gpus = 2048 };
/// var plan = ResourcePlan.Create(flops: 6 * 70e9 * 2e12, parameters: 70e9, assumptions);
/// // plan.GpuHours ≈ 1.87M at MFU 0.40 (Meta published 1.72M for Llama 2 70B)
/// </code></example>
/// </remarks>
public sealed record ResourcePlan
{
    private ResourcePlan(double flops, double parameters, ResourceAssumptions assumptions, bool fitsLayout = false)
    {
        Flops = flops;
        Parameters = parameters;
        Assumptions = assumptions;
        Rate = assumptions.Rate;
        Energy = assumptions.Energy;
        Carbon = assumptions.Carbon;
        Memory = MemoryFootprint.Create(parameters, assumptions.Recipe, assumptions.TrainingPrecision);
        GpuHours = Rate.GpuHoursForFlops(flops);
        Finite("GPU-hours", GpuHours);
        MinimumGpus = MinimumCount();
        (Gpus, GpuCountReason) = ChooseCount();
        if (fitsLayout)
        {
            GpuCountReason = GpuCountReason.FitsLayout;
        }

        Days = GpuHours / Gpus / 24;
        CostEuros = Rate.EurosForGpuHours(GpuHours);
        Finite("the cost in euros", CostEuros);
        if (Energy is not null)
        {
            Finite("the energy in kWh", Energy.ClusterKilowatts(1) * GpuHours);
        }

        KilowattHours = Energy?.KilowattHours(GpuHours);
        Co2Tonnes = KilowattHours is { } kwh ? Carbon.Co2Tonnes(kwh) : null;
        Water = KilowattHours is { } drawn ? assumptions.Water.Litres(drawn, assumptions.Pue) : null;
        EmbodiedCo2Tonnes = assumptions.Embodied.Co2Tonnes(GpuHours);
        Finite("the embodied CO₂", EmbodiedCo2Tonnes);
    }

    /// <summary>The training compute C in FLOPs.</summary>
    public double Flops { get; }

    /// <summary>The model size N.</summary>
    public double Parameters { get; }

    /// <summary>The assumptions behind every number.</summary>
    public ResourceAssumptions Assumptions { get; }

    /// <summary>The euros ↔ FLOPs rate used.</summary>
    public ComputeRate Rate { get; }

    /// <summary>The energy model used, or null when no power figure is known (then energy and CO₂ are null).</summary>
    public EnergyModel? Energy { get; }

    /// <summary>The grid used.</summary>
    public CarbonIntensity Carbon { get; }

    /// <summary>Weights, inference and training-state memory (activations not included).</summary>
    public MemoryFootprint Memory { get; }

    /// <summary>Accelerator-hours: C / (3600 × peak × MFU).</summary>
    public double GpuHours { get; }

    /// <summary>The fewest accelerators whose usable memory holds the training state.</summary>
    public int MinimumGpus { get; }

    /// <summary>The accelerators the plan uses.</summary>
    public int Gpus { get; }

    /// <summary>Why <see cref="Gpus"/> is what it is.</summary>
    public GpuCountReason GpuCountReason { get; }

    /// <summary>Wall-clock days: GPU-hours / GPUs / 24.</summary>
    public double Days { get; }

    /// <summary>Cost in euros: GPU-hours × price.</summary>
    public double CostEuros { get; }

    /// <summary>Energy drawn from the grid in kWh, or null without a power figure.</summary>
    public double? KilowattHours { get; }

    /// <summary>CO₂(e) in tonnes, or null without a power figure.</summary>
    public double? Co2Tonnes { get; }

    /// <summary>Water in litres, on site (kWh / PUE × WUE) and off site (kWh × the grid's water intensity), or null without a power figure.</summary>
    public WaterLitres? Water { get; }

    /// <summary>
    /// The hardware's manufacturing CO₂eq in tonnes charged to these GPU-hours over its lifetime and utilisation
    /// (<see cref="EmbodiedCarbon"/>); known without a power figure.
    /// </summary>
    public double EmbodiedCo2Tonnes { get; }

    /// <summary>The cluster's power from the grid in kW, or null without a power figure.</summary>
    public double? ClusterKilowatts => Energy?.ClusterKilowatts(Gpus);

    /// <summary>Plans <paramref name="flops"/> of training for a model of <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The request is impossible; <see cref="ArgumentException.ParamName"/> names the assumption to change:
    /// <c>Gpus</c> (too few to hold the training state), <c>DeadlineDays</c> (not reachable with the GPUs given or
    /// within <c>MaxGpus</c>), <c>MaxGpus</c> (the training state alone needs more), <c>precision</c> (no peak at
    /// that precision).
    /// </exception>
    /// <exception cref="InfeasiblePlanException">
    /// The assumptions make a number of the plan overflow (e.g. an MFU of 1e-300): quantity
    /// <see cref="ResourceQuantities.Assumptions"/>; or the GPU count or deadline cannot be met.
    /// </exception>
    public static ResourcePlan Create(double flops, double parameters, ResourceAssumptions assumptions)
    {
        Require.PositiveFinite(flops, nameof(flops));
        Require.PositiveFinite(parameters, nameof(parameters));
        ArgumentNullException.ThrowIfNull(assumptions);
        return new ResourcePlan(flops, parameters, assumptions);
    }

    /// <summary>
    /// The same plan on the <paramref name="gpus"/> accelerators a parallel layout needs (at least this plan's count;
    /// <see cref="Scaling.Parallelism.LayoutSearch"/>): the count follows from the layout, not from memory alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gpus"/> is below this plan's count.</exception>
    public ResourcePlan ForLayout(int gpus)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gpus, Gpus);
        return new ResourcePlan(Flops, Parameters, Assumptions with { Gpus = gpus, DeadlineDays = null }, fitsLayout: true);
    }

    /// <summary>
    /// Days in a year: a plan that runs longer is one no one would start, and every surface (CLI, page, workbook)
    /// warns in words.
    /// </summary>
    public const double LongPlanDays = 365;

    /// <summary>Whether the plan runs for more than a year (<see cref="LongPlanDays"/>).</summary>
    public bool IsLongerThanAYear => Days > LongPlanDays;

    /// <summary>
    /// Why <see cref="Gpus"/> is what it is, in words a manager reads (no command-line options), e.g. "the fewest
    /// whole 8-GPU nodes that finish within the default 90-day schedule".
    /// </summary>
    public string GpuCountExplanation
    {
        get
        {
            var a = Assumptions;
            string units = Gpus >= a.GpusPerNode && a.GpusPerNode > 1 ? $"whole {a.GpusPerNode}-GPU nodes" : "GPUs";
            string? target = a.DeadlineDays is { } deadline ? $"{NumberText.Significant(deadline)}-day deadline"
                : a.ScheduleDays is { } schedule ? $"default {NumberText.Significant(schedule)}-day schedule"
                : null;
            return GpuCountReason switch
            {
                GpuCountReason.Given => $"the count given (at least {NumberText.Whole(MinimumGpus)} hold the training state)",
                GpuCountReason.FitsLayout => $"the fewest on which a parallel layout fits the states and activations (the training state alone needs {NumberText.Whole(MinimumGpus)})",
                GpuCountReason.MeetsDeadline or GpuCountReason.MeetsSchedule => $"the fewest {units} that finish within the {target}",
                GpuCountReason.AtMaxGpus => $"the most the plan may use ({NumberText.Whole(a.MaxGpus)}); the {target} would need "
                    + NumberText.Whole(GpuCount.ToFinishWithin(GpuHours, a.ScheduleDays ?? Days)),
                _ => $"the fewest {units} whose memory holds the training state" + (target is null ? string.Empty : $"; they finish within the {target}"),
            };
        }
    }

    /// <summary>Wall-clock days on <paramref name="gpus"/> accelerators.</summary>
    public double DaysOn(int gpus) => GpuHours / gpus / 24;

    private int MinimumCount()
    {
        var a = Assumptions;
        double needed = GpuCount.ToHold(Memory.TrainingStateBytes, a.Accelerator.MemoryBytes, a.UsableMemoryFraction);
        if (a.Gpus is null && needed > a.MaxGpus)
        {
            throw new InfeasiblePlanException(
                ResourceQuantities.MaxGpus,
                needed,
                $"at most {a.MaxGpus}",
                $"the training state alone ({NumberText.Bytes(Memory.TrainingStateBytes)}) needs {NumberText.Whole(needed)} × {a.Accelerator.Name}, "
                + $"more than the maximum {NumberText.Whole(a.MaxGpus)} GPUs; raise the maximum or plan a smaller model.");
        }

        return needed > int.MaxValue ? int.MaxValue : (int)needed;
    }

    private (int Gpus, GpuCountReason Reason) ChooseCount()
    {
        var a = Assumptions;
        if (a.Gpus is { } given && given < MinimumGpus)
        {
            double usable = a.Accelerator.MemoryBytes * a.UsableMemoryFraction;
            throw new InfeasiblePlanException(
                ResourceQuantities.Gpus,
                given,
                $"at least {MinimumGpus}",
                $"{given} × {a.Accelerator.Name} hold {NumberText.Bytes(given * usable)} at {NumberText.Percent(a.UsableMemoryFraction)} usable, "
                + $"but the training state needs {NumberText.Bytes(Memory.TrainingStateBytes)} ({NumberText.Significant(Memory.TrainingBytesPerParameter)} bytes/parameter, "
                + $"activations not included); give at least {MinimumGpus}.");
        }

        if (a.DeadlineDays is { } deadline)
        {
            return ForDeadline(deadline);
        }

        if (a.Gpus is { } count)
        {
            return (count, GpuCountReason.Given);
        }

        if (a.ScheduleDays is not { } schedule)
        {
            return (WholeNodes(MinimumGpus), GpuCountReason.HoldsTrainingState);
        }

        // The default schedule is an aim, not a demand: past the largest cluster allowed the plan takes the largest
        // (in whole nodes) and runs longer, which the year warning then shows.
        double forSchedule = GpuCount.ToFinishWithin(GpuHours, schedule);
        if (forSchedule <= MinimumGpus)
        {
            return (WholeNodes(MinimumGpus), GpuCountReason.HoldsTrainingState);
        }

        if (forSchedule > a.MaxGpus)
        {
            double largest = Math.Floor((double)a.MaxGpus / a.GpusPerNode) * a.GpusPerNode;
            return ((int)Math.Max(MinimumGpus, largest), GpuCountReason.AtMaxGpus);
        }

        return (WholeNodes(forSchedule), GpuCountReason.MeetsSchedule);
    }

    private (int Gpus, GpuCountReason Reason) ForDeadline(double deadline)
    {
        var a = Assumptions;
        double forDeadline = GpuCount.ToFinishWithin(GpuHours, deadline);
        if (a.Gpus is { } fixedCount)
        {
            if (DaysOn(fixedCount) > deadline * (1 + 1e-9))
            {
                throw new InfeasiblePlanException(
                    ResourceQuantities.DeadlineDays,
                    deadline,
                    $"at least {NumberText.Significant(DaysOn(fixedCount))} days on {NumberText.Whole(fixedCount)} GPUs",
                    $"{NumberText.Whole(GpuHours)} GPU-hours on the {fixedCount} GPUs given take {NumberText.Significant(DaysOn(fixedCount))} days, "
                    + $"longer than the {NumberText.Significant(deadline)}-day deadline; give at least {NumberText.Whole(forDeadline)} GPUs or a later deadline.");
            }

            return (fixedCount, GpuCountReason.Given);
        }

        if (forDeadline > a.MaxGpus)
        {
            throw new InfeasiblePlanException(
                ResourceQuantities.DeadlineDays,
                deadline,
                $"at least {NumberText.Significant(DaysOn(a.MaxGpus))} days on at most {NumberText.Whole(a.MaxGpus)} GPUs",
                $"{NumberText.Significant(deadline)} days need {NumberText.Whole(forDeadline)} × {a.Accelerator.Name}, more than the maximum {NumberText.Whole(a.MaxGpus)}; "
                + $"the shortest possible is {NumberText.Significant(DaysOn(a.MaxGpus))} days (raise the maximum GPU count or the deadline).");
        }

        return forDeadline <= MinimumGpus
            ? (WholeNodes(MinimumGpus), GpuCountReason.HoldsTrainingState)
            : (WholeNodes(forDeadline), GpuCountReason.MeetsDeadline);
    }

    // Rounded up to whole nodes, but never past the largest cluster allowed (the count itself is within it).
    private int WholeNodes(double gpus) =>
        (int)Math.Max(gpus, Math.Min(GpuCount.ToWholeNodes(gpus, Assumptions.GpusPerNode), Assumptions.MaxGpus));

    private void Finite(string what, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new InfeasiblePlanException(
                ResourceQuantities.Assumptions,
                value,
                "finite",
                $"{NumberText.Scientific(Flops)} FLOPs at MFU {NumberText.Value(Rate.Mfu)} on {Assumptions.Accelerator.Name} give {what} beyond what a double holds; use assumptions in a realistic range (MFU 0.2 to 0.6, PUE 1 to 2).");
        }
    }
}
