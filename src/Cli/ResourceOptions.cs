using System.CommandLine;
using System.CommandLine.Parsing;
using Scaling.Allocation;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Cli;

/// <summary>
/// The resource options of <c>scaling plan</c>: <c>--budget-eur</c> (a budget in euros instead of FLOPs) and
/// <c>--gpu NAME</c> with its assumptions. When <c>--gpu</c> is given the plan adds hardware, time, cost, energy, CO₂
/// and memory (<see cref="ResourceReport"/>).
/// </summary>
internal sealed class ResourceOptions
{
    private readonly Option<string> budgetEur = new("--budget-eur") { Description = "Plan for a budget in euros (needs --gpu); converted to FLOPs at the GPU's price, peak and MFU.", HelpName = "EUR" };
    private readonly Option<string> gpu = new("--gpu") { Description = "Accelerator to train on (see 'scaling hardware'); adds GPUs, days, cost, energy and CO2 to the plan.", HelpName = "NAME" };
    private readonly Option<string> hardware = HardwareOption.Create();
    private readonly Option<string> mfu = new("--mfu") { Description = $"Model FLOPs utilisation in (0, 1] (default {Humanize.Exponent(ComputeRate.DefaultMfu)}; PaLM reported 0.46, Llama 3 0.38-0.43).", HelpName = "U" };
    private readonly Option<string> precision = new("--precision") { Description = "Training precision whose dense peak sets the speed: fp32, tf32, bf16, fp16, fp8 (default bf16, fp16 on V100).", HelpName = "P" };
    private readonly Option<string> peakTflops = new("--peak-tflops") { Description = "Override the dense peak TFLOP/s at --precision.", HelpName = "T" };
    private readonly Option<string> memoryGb = new("--memory-gb") { Description = "Override the memory per GPU in GB.", HelpName = "GB" };
    private readonly Option<string> eurPerGpuHour = new("--eur-per-gpu-hour") { Description = "Override the price per GPU-hour in euros (the catalog's is a dated assumption).", HelpName = "EUR" };
    private readonly Option<string> gpus = new("--gpus") { Description = "Train on exactly this many GPUs (at least the number that holds the training state).", HelpName = "N" };
    private readonly Option<string> days = new("--days") { Description = "Deadline in days: use the fewest GPUs that finish in time (with --gpus: check the deadline).", HelpName = "T" };
    private readonly Option<string> maxGpus = new("--max-gpus") { Description = $"The most GPUs a deadline may ask for (default {ResourceAssumptions.DefaultMaxGpus.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)}, about the largest clusters reported).", HelpName = "N" };
    private readonly Option<string> usableMemory = new("--usable-memory") { Description = $"Fraction of GPU memory the training state may fill (default {Humanize.Exponent(ResourceAssumptions.DefaultUsableMemoryFraction)}).", HelpName = "F" };
    private readonly Option<string> bytesPerParameter = new("--bytes-per-parameter") { Description = "Training state per parameter: a number, or adamw16 (default), adamw18, adamw20, seed24, seed-table (20x the weight bytes).", HelpName = "B|RECIPE" };
    private readonly Option<string> wattsPerGpu = new("--watts-per-gpu") { Description = "Override the power per GPU in W.", HelpName = "W" };
    private readonly Option<string> overhead = new("--overhead") { Description = "Extra server power as a fraction of GPU power (default 0).", HelpName = "F" };
    private readonly Option<string> pue = new("--pue") { Description = $"Data-centre power usage effectiveness, at least 1 (default {Humanize.Exponent(EnergyModel.DefaultPue)}).", HelpName = "X" };
    private readonly Option<string> grid = new("--grid-gco2-per-kwh") { Description = $"Grid carbon intensity in gCO2/kWh (default {Humanize.Significant(CarbonIntensity.DefaultGramsCo2PerKilowattHour)}; 0 allowed).", HelpName = "G" };

    private IEnumerable<Option<string>> All =>
        [budgetEur, gpu, hardware, mfu, precision, peakTflops, memoryGb, eurPerGpuHour, gpus, days, maxGpus, usableMemory, bytesPerParameter, wattsPerGpu, overhead, pue, grid];

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
        string? gpuName = result.GetValue(gpu);
        if (gpuName is null)
        {
            var stray = All.FirstOrDefault(o => result.GetValue(o) is not null);
            if (stray is null)
            {
                return null;
            }

            throw new UsageException($"{stray.Name} needs --gpu NAME to plan hardware; for example --gpu H100-SXM (see 'scaling hardware').");
        }

        if (result.GetValue(budgetEur) is not null)
        {
            string? other = new[] { "--flops", "--target-loss", "--parameters" }.FirstOrDefault(name => Given(result, name));
            if (other is not null)
            {
                throw new UsageException($"--budget-eur: give either --budget-eur or {other}, not both.");
            }
        }

        var catalog = HardwareOption.Catalog(result.GetValue(hardware));
        var accelerator = catalog.Find(gpuName)
            ?? throw new UsageException($"--gpu: unknown accelerator '{gpuName}'; known: {string.Join(", ", catalog.Names)} (or add a row with --hardware FILE).");

        Precision? chosen = null;
        if (result.GetValue(precision) is { } precisionText)
        {
            try
            {
                chosen = Precisions.Parse(precisionText);
            }
            catch (FormatException e)
            {
                throw new UsageException($"--precision: {e.Message}");
            }
        }

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
            Mfu = Value(result, mfu, "0.4", CliParse.Fraction) ?? ComputeRate.DefaultMfu,
            UsableMemoryFraction = Value(result, usableMemory, "0.9", CliParse.Fraction) ?? ResourceAssumptions.DefaultUsableMemoryFraction,
            Recipe = Recipe(result.GetValue(bytesPerParameter)),
            Overhead = Value(result, overhead, "0.1", CliParse.NonNegative) ?? EnergyModel.DefaultOverhead,
            Pue = Pue(result.GetValue(pue)),
            GridGramsCo2PerKilowattHour = Value(result, grid, "400", CliParse.NonNegative) ?? CarbonIntensity.DefaultGramsCo2PerKilowattHour,
            Gpus = Count(result, gpus, "1024"),
            DeadlineDays = Value(result, days, "90", CliParse.Positive),
            MaxGpus = Count(result, maxGpus, "100000") ?? ResourceAssumptions.DefaultMaxGpus,
        };

        return new ResourceRequest(assumptions, Value(result, budgetEur, "2e6", CliParse.Positive));
    }

    private Accelerator Override(ParseResult result, Accelerator accelerator, Precision trainingPrecision)
    {
        if (Value(result, peakTflops, "989", CliParse.Positive) is { } teraflops)
        {
            accelerator = accelerator.WithPeakTeraflops(trainingPrecision, teraflops);
        }

        if (Value(result, memoryGb, "80", CliParse.Positive) is { } gigabytes)
        {
            accelerator = accelerator.WithMemoryGigabytes(gigabytes);
        }

        if (Value(result, wattsPerGpu, "700", CliParse.Positive) is { } watts)
        {
            accelerator = accelerator.WithWatts(watts);
        }

        if (Value(result, eurPerGpuHour, "2.5", CliParse.Positive) is { } euros)
        {
            accelerator = accelerator.WithEurosPerGpuHour(euros);
        }

        return accelerator;
    }

    private static bool Given(ParseResult result, string name) =>
        result.CommandResult.Children.OfType<OptionResult>().Any(o => o.Option.Name == name && !o.Implicit);

    private static double? Value(ParseResult result, Option<string> option, string example, Func<string, string, string, double> parse) =>
        result.GetValue(option) is { } text ? parse(option.Name, text, example) : null;

    private static int? Count(ParseResult result, Option<string> option, string example) =>
        result.GetValue(option) is { } text ? CliParse.PositiveInteger(option.Name, text, example) : null;

    private static double Pue(string? text)
    {
        if (text is null)
        {
            return EnergyModel.DefaultPue;
        }

        double value = CliParse.Positive("--pue", text, "1.1");
        return value >= 1
            ? value
            : throw new UsageException($"--pue must be at least 1 (1.0 = no cooling overhead; typical 1.1-1.6), got '{text}'.");
    }

    private static TrainingStateRecipe Recipe(string? text)
    {
        if (text is null)
        {
            return TrainingStateRecipe.MixedPrecisionAdamW;
        }

        return TrainingStateRecipe.Find(text) ?? (char.IsAsciiDigit(text.Trim().FirstOrDefault()) || text.Trim().StartsWith('-') || text.Trim().StartsWith('.')
            ? TrainingStateRecipe.Fixed(CliParse.Positive("--bytes-per-parameter", text, "16"))
            : throw new UsageException(
                $"--bytes-per-parameter: unknown recipe '{text}'; give a number such as 16 or one of {string.Join(", ", TrainingStateRecipe.All.Select(r => r.Name))}."));
    }
}

/// <summary>What the resource options asked for: the assumptions and, with <c>--budget-eur</c>, the euro budget.</summary>
internal sealed record ResourceRequest(ResourceAssumptions Assumptions, double? BudgetEuros)
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        [nameof(ResourceAssumptions.Gpus)] = "--gpus",
        [nameof(ResourceAssumptions.DeadlineDays)] = "--days",
        [nameof(ResourceAssumptions.MaxGpus)] = "--max-gpus",
        ["precision"] = "--precision",
    };

    /// <summary>The --flops text to plan with: the euro budget converted to FLOPs, or <paramref name="flopsText"/>.</summary>
    public string? FlopsText(string? flopsText) =>
        BudgetEuros is { } euros
            ? Assumptions.Rate.FlopsForEuros(euros).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : flopsText;

    /// <summary>The resources of <paramref name="optimum"/>; an impossible request becomes one line naming the option.</summary>
    public BudgetPlan Plan(ComputeOptimum optimum)
    {
        try
        {
            return BudgetPlan.For(optimum, Assumptions, BudgetEuros);
        }
        catch (ArgumentException e) when (e.ParamName is { } name && OptionOf.TryGetValue(name, out string? option))
        {
            string message = e.Message.Split(" (Parameter", 2)[0].Split('\n')[0];
            message = message.StartsWith(name + ":", StringComparison.Ordinal) ? message[(name.Length + 1)..].TrimStart() : message;
            foreach (var (field, flag) in OptionOf)
            {
                message = System.Text.RegularExpressions.Regex.Replace(message, $@"\b{field}\b", flag);
            }

            throw new UsageException($"{option}: {message}");
        }
    }}
