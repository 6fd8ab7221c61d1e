using System.CommandLine;
using System.CommandLine.Parsing;
using Scaling.Allocation;
using Scaling.Hardware;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Cli.Shared;

/// <summary>
/// The resource options of <c>scaling plan</c> and <c>scaling report</c>: <c>--gpu NAME</c> with its assumptions, and
/// <c>--budget-eur</c> (a budget in euros instead of FLOPs, at that GPU's price). Every one of them needs <c>--gpu</c>
/// in both commands; with it the plan adds hardware, time, cost, energy, CO₂ and memory (<see cref="ResourceMemo"/>),
/// and the report, which always has a hardware section, assumes <see cref="DefaultGpu"/> without it.
/// </summary>
internal sealed class ResourceOptions
{
    // The options that size a plan other than by euros: --budget-eur excludes them.
    private static readonly string[] BudgetOptions = ["--flops", "--target-loss", "--parameters"];

    private readonly Option<double?> budgetEur = CliOptions.Number("--budget-eur", "EUR", "Plan for a budget in euros (needs --gpu); converted to FLOPs at the GPU's price, peak and MFU.", "2e6", NumberRange.Positive);
    private readonly Option<string> gpu = new("--gpu") { Description = "Accelerator to train on (see 'scaling hardware'); adds GPUs, days, cost, energy and CO2 to the plan.", HelpName = "NAME" };
    private readonly Option<InputFile?> hardware = HardwareOption.Create();
    private readonly Option<double?> mfu = CliOptions.Number("--mfu", "U", $"Model FLOPs utilisation in (0, 1] (default {NumberText.Exponent(ComputeRate.DefaultMfu)}; PaLM reported 0.46, Llama 3 0.38-0.43).", "0.4", NumberRange.Fraction);
    private readonly Option<Precision?> precision = CliOptions.TrainingPrecision("Training precision whose dense peak sets the speed: fp32, tf32, bf16, fp16, fp8 (default bf16, fp16 on V100).");
    private readonly Option<double?> peakTflops = CliOptions.Number("--peak-tflops", "T", "Override the dense peak TFLOP/s at --precision (at most 1e9, a million times a 2026 GPU).", "989", NumberRange.Positive, max: 1e9);
    // At least 1 GB: no accelerator that trains a language model has less (the V100 of 2017 has 16), and 1e-300 GB
    // would blame --max-gpus for a count of GPUs that only the memory made absurd.
    private readonly Option<double?> memoryGb = CliOptions.Number("--memory-gb", "GB", "Override the memory per GPU in GB (1 to 1e6).", "80", NumberRange.AtLeastOne, max: 1e6);
    private readonly Option<double?> eurPerGpuHour = CliOptions.Number("--eur-per-gpu-hour", "EUR", "Override the price per GPU-hour in euros (the catalog's is a dated assumption; at most 1e6).", "2.5", NumberRange.Positive, max: 1e6);
    private readonly Option<int?> gpus = CliOptions.Count("--gpus", "N", $"Train on exactly this many GPUs (at least the number that holds the training state); default: the fewest whole nodes that finish within {NumberText.Significant(ResourceAssumptions.DefaultScheduleDays)} days.", "1024", 1, int.MaxValue);
    private readonly Option<double?> days = CliOptions.Number("--days", "T", $"Deadline in days: use the fewest whole nodes that finish in time (default schedule {NumberText.Significant(ResourceAssumptions.DefaultScheduleDays)} days; with --gpus: check the deadline).", "90", NumberRange.Positive);
    private readonly Option<int?> maxGpus = CliOptions.Count("--max-gpus", "N", $"The most GPUs a deadline may ask for (default {NumberText.Whole(ResourceAssumptions.DefaultMaxGpus)}, about the largest clusters reported).", "100000", 1, int.MaxValue);
    // Fractions from 1%, the workbook's bounds on the same inputs: below that a count or an amortised footprint runs away
    // (1e-300 of the memory asked for 1.8E+300 GPUs and blamed --max-gpus; of the hardware's life, 6E+298 t CO2, exit 0).
    private const double MinFraction = 0.01;
    private readonly Option<double?> usableMemory = CliOptions.Number("--usable-memory", "F", $"Fraction of GPU memory the training state may fill, from 0.01 to 1 (default {NumberText.Exponent(ResourceAssumptions.DefaultUsableMemoryFraction)}).", "0.9", NumberRange.Fraction, min: MinFraction);
    private readonly Option<TrainingStateRecipe?> bytesPerParameter = CliOptions.Recipe("Training state per parameter: a number, or adamw16 (default), adamw12, adamw18, adamw20, seed24, seed-table (20x the weight bytes).");
    private readonly Option<double?> wattsPerGpu = CliOptions.Number("--watts-per-gpu", "W", "Override the power per GPU in W (at most 1e6).", "700", NumberRange.Positive, max: 1e6);
    private readonly Option<double?> overhead = CliOptions.Number("--overhead", "F", "Extra server power as a fraction of GPU power (default 0).", "0.1", NumberRange.NonNegative);
    private readonly Option<double?> pue = CliOptions.Number("--pue", "X", $"Data-centre power usage effectiveness, at least 1 (default {NumberText.Exponent(EnergyModel.DefaultPue)}).", "1.1", NumberRange.AtLeastOne);
    private readonly Option<double?> grid = CliOptions.Number("--grid-gco2-per-kwh", "G", $"Grid carbon intensity in gCO2/kWh (default {NumberText.Significant(CarbonIntensity.DefaultGramsCo2PerKilowattHour)}; 0 allowed).", "400", NumberRange.NonNegative);
    private readonly Option<double?> wue = CliOptions.Number("--wue", "L", $"On-site water usage effectiveness in litres per kWh of server energy (default {NumberText.Significant(WaterModel.DefaultWueLitresPerKilowattHour)}: {WaterModel.DefaultsSource}, {WaterModel.DefaultsDate}; 0 for dry cooling; at most 100).", "0.3", NumberRange.NonNegative, max: 100);
    private readonly Option<double?> waterIntensity = CliOptions.Number("--water-intensity", "L", $"Off-site water the grid consumes per kWh drawn, in litres (default {NumberText.Significant(WaterModel.DefaultWaterIntensityLitresPerKilowattHour)}: {WaterModel.DefaultsSource}, {WaterModel.DefaultsDate}; at most 1000).", "1.8", NumberRange.NonNegative, max: 1000);
    private readonly Option<double?> embodiedPerGpu = CliOptions.Number("--embodied-kg-per-gpu", "KG", $"Manufacturing emissions of one GPU in kg CO2eq (default {NumberText.Significant(EmbodiedCarbon.DefaultKilogramsPerGpu)}, an A100: Luccioni et al. 2023, BLOOM; at most 1e6).", "150", NumberRange.NonNegative, max: 1e6);
    private readonly Option<double?> embodiedPerServer = CliOptions.Number("--embodied-kg-per-server", "KG", $"Manufacturing emissions of one server without its GPUs in kg CO2eq (default {NumberText.Significant(EmbodiedCarbon.DefaultKilogramsPerServer)}: Luccioni et al. 2023, BLOOM; at most 1e7).", "2500", NumberRange.NonNegative, max: 1e7);
    private readonly Option<int?> gpusPerNode = CliOptions.Count("--gpus-per-node", "N", $"GPUs per node (server): a count the plan derives comes in whole nodes, below one node a power of two (1 for no rounding); they share its embodied emissions (default {ResourceAssumptions.DefaultGpusPerNode}).", "8", 1, 4096);
    private readonly Option<double?> lifetimeYears = CliOptions.Number("--hardware-lifetime-years", "Y", $"Years the hardware serves before it is replaced; its embodied CO2 is spread over them (default {NumberText.Significant(EmbodiedCarbon.DefaultLifetimeYears)}: Luccioni et al. 2023; at most 100).", "4", NumberRange.Positive, max: 100);
    private readonly Option<double?> hardwareUtilisation = CliOptions.Number("--hardware-utilisation", "F", $"Share of its life the hardware runs jobs, from 0.01 to 1 (default {NumberText.Significant(EmbodiedCarbon.DefaultUtilisation)}: Luccioni et al. 2023).", "0.7", NumberRange.Fraction, min: MinFraction);

    /// <summary>The accelerator to assume when <c>--gpu</c> is not given (null: no resource block unless asked for).</summary>
    public string? DefaultGpu { get; init; }

    private IEnumerable<Option> All =>
        [budgetEur, gpu, hardware, mfu, precision, peakTflops, memoryGb, eurPerGpuHour, gpus, days, maxGpus, usableMemory, bytesPerParameter, wattsPerGpu, overhead, pue, grid,
         wue, waterIntensity, embodiedPerGpu, embodiedPerServer, gpusPerNode, lifetimeYears, hardwareUtilisation];

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The resource request on the command line, or null when neither <c>--gpu</c> nor <c>--budget-eur</c> was given.
    /// Every value is checked here, so errors name the option.
    /// </summary>
    public ResourceRequest? Read(ParseResult result)
    {
        // One rule in every command: an assumption about the hardware (and a budget in euros, converted at a GPU's
        // price) applies to the GPU the user named, never silently to a default one.
        string? gpuName = result.GetValue(gpu);
        bool assumed = gpuName is null;
        if (gpuName is null)
        {
            if (All.FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is { } stray)
            {
                throw new UsageException($"{stray.Name} needs --gpu NAME, the accelerator it applies to; for example --gpu H100-SXM (see 'scaling hardware').");
            }

            if (DefaultGpu is null)
            {
                return null;
            }

            gpuName = DefaultGpu;
        }

        if (result.GetValue(budgetEur) is not null)
        {
            string? other = BudgetOptions.FirstOrDefault(name => Given(result, name));
            if (other is not null)
            {
                throw new UsageException($"--budget-eur: give either --budget-eur or {other}, not both.");
            }
        }

        var catalog = HardwareOption.Catalog(result.GetValue(hardware));
        var accelerator = catalog.Find(gpuName)
            ?? throw new UsageException($"--gpu: unknown accelerator '{gpuName}'; known: {string.Join(", ", catalog.Names)} (or add a row with --hardware FILE).");

        Precision? chosen = result.GetValue(precision);
        Precision trainingPrecision = chosen ?? accelerator.DefaultTrainingPrecision;
        accelerator = Override(result, accelerator, trainingPrecision);
        if (!accelerator.Supports(trainingPrecision))
        {
            throw new UsageException(
                $"--precision: {accelerator.Name} has no dense {Precisions.Name(trainingPrecision)} peak in the catalog; use one of "
                + $"{string.Join(", ", accelerator.SupportedPrecisions.Select(Precisions.Name))}, or give it with --peak-tflops.");
        }

        var assumptions = new ResourceAssumptions(accelerator)
        {
            Precision = chosen,
            Mfu = result.GetValue(mfu) ?? ComputeRate.DefaultMfu,
            UsableMemoryFraction = result.GetValue(usableMemory) ?? ResourceAssumptions.DefaultUsableMemoryFraction,
            Recipe = result.GetValue(bytesPerParameter) ?? TrainingStateRecipe.MixedPrecisionAdamW,
            Overhead = result.GetValue(overhead) ?? EnergyModel.DefaultOverhead,
            Pue = result.GetValue(pue) ?? EnergyModel.DefaultPue,
            GridGramsCo2PerKilowattHour = result.GetValue(grid) ?? CarbonIntensity.DefaultGramsCo2PerKilowattHour,
            WueLitresPerKilowattHour = result.GetValue(wue) ?? WaterModel.DefaultWueLitresPerKilowattHour,
            WaterIntensityLitresPerKilowattHour = result.GetValue(waterIntensity) ?? WaterModel.DefaultWaterIntensityLitresPerKilowattHour,
            EmbodiedKilogramsPerGpu = result.GetValue(embodiedPerGpu) ?? EmbodiedCarbon.DefaultKilogramsPerGpu,
            EmbodiedKilogramsPerServer = result.GetValue(embodiedPerServer) ?? EmbodiedCarbon.DefaultKilogramsPerServer,
            HardwareLifetimeYears = result.GetValue(lifetimeYears) ?? EmbodiedCarbon.DefaultLifetimeYears,
            HardwareUtilisation = result.GetValue(hardwareUtilisation) ?? EmbodiedCarbon.DefaultUtilisation,
            Gpus = result.GetValue(gpus),
            DeadlineDays = result.GetValue(days),
            GpusPerNode = result.GetValue(gpusPerNode) ?? ResourceAssumptions.DefaultGpusPerNode,
            MaxGpus = result.GetValue(maxGpus) ?? ResourceAssumptions.DefaultMaxGpus,
        };

        return new ResourceRequest(assumptions, result.GetValue(budgetEur), GpuAssumed: assumed);
    }

    /// <summary>The resource request of a command with a <see cref="DefaultGpu"/>, which always has one.</summary>
    public ResourceRequest ReadWithDefaultGpu(ParseResult result) =>
        DefaultGpu is not null && Read(result) is { } request
            ? request
            : throw new InvalidOperationException("ReadWithDefaultGpu needs a DefaultGpu.");

    private Accelerator Override(ParseResult result, Accelerator accelerator, Precision trainingPrecision)
    {
        if (result.GetValue(peakTflops) is { } teraflops)
        {
            accelerator = accelerator.WithPeakTeraflops(trainingPrecision, teraflops);
        }

        if (result.GetValue(memoryGb) is { } gigabytes)
        {
            accelerator = accelerator.WithMemoryGigabytes(gigabytes);
        }

        if (result.GetValue(wattsPerGpu) is { } watts)
        {
            accelerator = accelerator.WithWatts(watts);
        }

        if (result.GetValue(eurPerGpuHour) is { } euros)
        {
            accelerator = accelerator.WithEurosPerGpuHour(euros);
        }

        return accelerator;
    }

    private static bool Given(ParseResult result, string name) =>
        result.CommandResult.Children.OfType<OptionResult>().Any(o => o.Option.Name == name && !o.Implicit);
}

/// <summary>What the resource options asked for: the assumptions and, with <c>--budget-eur</c>, the euro budget.</summary>
internal sealed record ResourceRequest(ResourceAssumptions Assumptions, double? BudgetEuros, bool GpuAssumed = false)
{
    /// <summary>The budget to plan with: the euro budget converted to FLOPs, or <paramref name="flops"/>.</summary>
    /// <exception cref="UsageException">The euros buy more FLOPs than a double holds.</exception>
    public double? Flops(double? flops)
    {
        if (BudgetEuros is not { } euros)
        {
            return flops;
        }

        double converted = Assumptions.Rate.FlopsForEuros(euros);
        return double.IsFinite(converted) && converted > 0
            ? converted
            : throw new UsageException($"--budget-eur {NumberText.Scientific(euros)} buys {(double.IsFinite(converted) ? NumberText.Scientific(converted) : "more than 1.8E+308")} FLOPs on {Assumptions.Accelerator.Name}, beyond any plan; give a budget in a realistic range, e.g. --budget-eur 2e6.");
    }

    /// <summary>The resources of <paramref name="optimum"/>; an impossible request throws <see cref="InfeasiblePlanException"/>.</summary>
    public BudgetPlan Plan(ComputeOptimum optimum) => BudgetPlan.For(optimum, Assumptions, BudgetEuros);
}
