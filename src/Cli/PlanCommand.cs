using System.CommandLine;
using System.Text.Json.Nodes;
using Scaling.Allocation;
using Scaling.Laws;

namespace Scaling.Cli;

/// <summary>
/// <c>scaling plan</c>: the compute-optimal model for a FLOP budget (<c>--flops</c>), the smallest budget that reaches a
/// loss (<c>--target-loss</c>), or the compute-optimal tokens for a given size (<c>--parameters</c>).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var flops = new Option<string>("--flops") { Description = "Training compute budget in FLOPs, e.g. 5.76e23.", HelpName = "C" };
        var targetLoss = new Option<string>("--target-loss") { Description = "Plan the smallest budget whose optimal model reaches this loss (nats/token).", HelpName = "L" };
        var parameters = new Option<string>("--parameters") { Description = "Plan the compute-optimal tokens for a model of this many parameters.", HelpName = "N" };
        var maxParameters = new Option<string>("--max-parameters") { Description = "Cap the model size (the best allocation within the cap).", HelpName = "N" };
        var maxTokens = new Option<string>("--max-tokens") { Description = "Cap the training tokens (the best allocation within the cap).", HelpName = "D" };
        var law = LawOption.Create();
        var uniqueTokens = new Option<string>(DataConstrainedMode.Option) { Description = "Unique tokens available; beyond them data can only be repeated (Muennighoff et al. 2023; default law muennighoff2023).", HelpName = "U" };
        var inferenceTokens = new Option<string>(InferenceMode.Option) { Description = "Tokens the model will serve over its life; minimise training plus inference cost (Sardana et al. 2024).", HelpName = "T" };
        var inferenceCostWeight = new Option<string>("--inference-cost-weight") { Description = "Cost of an inference FLOP relative to a training FLOP (default 1), e.g. lower utilisation at serving time.", HelpName = "W" };
        var inferenceMfu = new Option<string>("--inference-mfu") { Description = "With --gpu: the utilisation reached when serving (default: the training --mfu).", HelpName = "F" };
        var inferencePrice = new Option<string>("--inference-eur-per-gpu-hour") { Description = "With --gpu: the price of a serving GPU-hour (default: the training price).", HelpName = "X" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of prose." };
        var architecture = new Option<bool>(PlanArchitecture.Option) { Description = "Propose a shape for N* with its FLOPs per token, memory, KV cache, learning rate and batch." };
        var flopsPerToken = new Option<string>("--flops-per-token") { Description = "With --architecture: 6n (default) or exact (Hoffmann 2022 App. F count of the proposed shape).", HelpName = "COUNT" };
        var context = new Option<string>("--context") { Description = "With --architecture: the context length in tokens (default 4096).", HelpName = "T" };
        var resources = new ResourceOptions();

        var command = new Command("plan", "The compute-optimal model size and token count for a budget.")
        {
            flops, targetLoss, parameters, maxParameters, maxTokens, uniqueTokens, inferenceTokens, inferenceCostWeight, inferenceMfu, inferencePrice, law, json,
            architecture, flopsPerToken, context,
        };
        resources.AddTo(command);
        command.SetAction(result =>
        {
            string? uniqueText = result.GetValue(uniqueTokens);
            string? inferenceText = result.GetValue(inferenceTokens);
            if (uniqueText is not null || inferenceText is not null)
            {
                var beyond = new BeyondChinchillaRequest(
                    result.GetValue(law), result.GetValue(flops), uniqueText, inferenceText, result.GetValue(inferenceCostWeight),
                    OtherModeGiven: result.GetValue(targetLoss) is not null || result.GetValue(parameters) is not null
                        || result.GetValue(maxParameters) is not null || result.GetValue(maxTokens) is not null)
                {
                    Resources = resources.Read(result),
                    InferenceMfuText = result.GetValue(inferenceMfu),
                    InferencePriceText = result.GetValue(inferencePrice),
                };
                console.Out.WriteLine(beyond.Run(result.GetValue(json)));
                return ExitCodes.Success;
            }

            foreach (var option in new[] { inferenceCostWeight, inferenceMfu, inferencePrice })
            {
                if (result.GetValue(option) is not null)
                {
                    throw new UsageException($"{option.Name}: only applies with {InferenceMode.Option} T.");
                }
            }

            var fitted = LawOption.ResolveFitted(result.GetValue(law));
            var namedLaw = fitted.Law;
            var limits = AllocationLimits.Create(
                Optional(result.GetValue(maxParameters), "--max-parameters", "70e9"),
                Optional(result.GetValue(maxTokens), "--max-tokens", "1.4e12"));
            var request = resources.Read(result);
            string? flopsText = request is null ? result.GetValue(flops) : request.FlopsText(result.GetValue(flops));
            var optimum = Solve(namedLaw, flopsText, result.GetValue(targetLoss), result.GetValue(parameters), limits);
            var budget = request?.Plan(optimum);
            var shape = PlanArchitecture.From(optimum, result.GetValue(architecture), result.GetValue(flopsPerToken), result.GetValue(context));

            // A fitted law that carries its bootstrap refits gives the plan an interval (not under caps, where each
            // refit would need the capped solver too).
            var intervals = flopsText is not null && limits.MaxParameters is null && limits.MaxTokens is null
                ? Scaling.Fitting.OptimumIntervals.At(fitted, optimum.Flops)
                : null;
            var planJson = WithIntervals(ToJson(namedLaw, optimum), intervals);
            shape?.AddTo(planJson);
            shape?.AddHardware(planJson, budget);
            console.Out.WriteLine(result.GetValue(json)
                ? ResourceReport.Json(planJson, budget).ToJsonString()
                : Describe(namedLaw, optimum) + DescribeIntervals(fitted, intervals) + shape?.Prose() + shape?.Hardware(budget) + ResourceReport.Prose(budget));
            return ExitCodes.Success;
        });
        return command;
    }

    private static ComputeOptimum Solve(ScalingLaw law, string? flopsText, string? lossText, string? parametersText, AllocationLimits limits)
    {
        int given = new[] { flopsText, lossText, parametersText }.Count(t => t is not null);
        if (given != 1)
        {
            throw new UsageException("--flops: give exactly one of --flops C, --target-loss L or --parameters N; for example --flops 5.76e23.");
        }

        bool capped = limits.MaxParameters is not null || limits.MaxTokens is not null;
        if (capped && (law is not ParametricLaw || flopsText is null))
        {
            throw new UsageException("--max-parameters/--max-tokens: caps need --flops and a law that predicts loss (not an allocation rule).");
        }

        if (flopsText is not null)
        {
            double budget = CliParse.Positive("--flops", flopsText, "5.76e23");
            return law is ParametricLaw capable && capped ? capable.Plan(budget, limits) : law.Plan(budget);
        }

        if (parametersText is not null)
        {
            return law.PlanForParameters(CliParse.Positive("--parameters", parametersText, "7e9"));
        }

        var parametric = LawOption.RequireLoss(law, "--target-loss", "a target loss");
        double target = CliParse.Positive("--target-loss", lossText ?? string.Empty, "2.0");
        if (target <= parametric.LossLaw.E)
        {
            throw new UsageException($"--target-loss {Humanize.Exponent(target)} is at or below the irreducible loss E = {Humanize.Exponent(parametric.LossLaw.E)} of '{law.Name}'; no budget reaches it.");
        }

        return parametric.PlanForLoss(target);
    }

    private static double? Optional(string? text, string option, string example) =>
        text is null ? null : CliParse.Positive(option, text, example);

    internal static string Describe(ScalingLaw law, ComputeOptimum optimum)
    {
        string loss = optimum.Loss is { } l ? $", predicted loss {Humanize.Loss(l)}" : string.Empty;
        return $"{Humanize.Count(optimum.Parameters)} parameters on {Humanize.Count(optimum.Tokens)} tokens, "
            + $"{Humanize.Ratio(optimum.TokensPerParameter)} tokens/parameter{loss}.\n"
            + $"  Budget {Humanize.Scientific(optimum.Flops)} FLOPs (C = 6·N·D) under the law '{law.Name}' ({law.Source}).\n"
            + $"  Allocation exponents: N* grows as C^{Humanize.Exponent(optimum.ExponentA)}, D* as C^{Humanize.Exponent(optimum.ExponentB)}."
            + (optimum.Loss is null ? "\n  This law is an allocation rule: it predicts no loss." : string.Empty);
    }

    private static string DescribeIntervals(FittedLaw law, Scaling.Fitting.OptimumIntervals? intervals)
    {
        if (intervals is null)
        {
            return string.Empty;
        }

        string level = (intervals.Parameters.Level * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return $"\n  {level}% bootstrap intervals from the {law.Resamples.Count} refits in '{law.Law.Name}': "
            + $"N* [{Humanize.Count(intervals.Parameters.Lower)}, {Humanize.Count(intervals.Parameters.Upper)}], "
            + $"D* [{Humanize.Count(intervals.Tokens.Lower)}, {Humanize.Count(intervals.Tokens.Upper)}], "
            + $"tokens/parameter [{Humanize.Ratio(intervals.TokensPerParameter.Lower)}, {Humanize.Ratio(intervals.TokensPerParameter.Upper)}], "
            + $"loss [{Humanize.Loss(intervals.Loss.Lower)}, {Humanize.Loss(intervals.Loss.Upper)}].";
    }

    private static JsonObject WithIntervals(JsonObject plan, Scaling.Fitting.OptimumIntervals? intervals)
    {
        if (intervals is not null)
        {
            plan["intervals"] = new JsonObject
            {
                ["parameters"] = AllocationFitReport.Json(intervals.Parameters),
                ["tokens"] = AllocationFitReport.Json(intervals.Tokens),
                ["tokensPerParameter"] = AllocationFitReport.Json(intervals.TokensPerParameter),
                ["loss"] = AllocationFitReport.Json(intervals.Loss),
            };
        }

        return plan;
    }

    internal static JsonObject ToJson(ScalingLaw law, ComputeOptimum optimum) => new()
    {
        ["law"] = law.Name,
        ["flops"] = optimum.Flops,
        ["parameters"] = optimum.Parameters,
        ["tokens"] = optimum.Tokens,
        ["tokensPerParameter"] = optimum.TokensPerParameter,
        ["loss"] = optimum.Loss,
        ["exponentA"] = optimum.ExponentA,
        ["exponentB"] = optimum.ExponentB,
    };
}
