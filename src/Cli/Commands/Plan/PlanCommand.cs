using System.CommandLine;
using Scaling.Allocation;
using Scaling.Cli.Shared;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan</c>: the compute-optimal model for a FLOP budget (<c>--flops</c>), the smallest budget that reaches a
/// loss (<c>--target-loss</c>), or the compute-optimal tokens for a given size (<c>--parameters</c>).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var flops = CliOptions.Flops("Training compute budget in FLOPs, e.g. 5.76e23.");
        var targetLoss = CliOptions.Number("--target-loss", "L", "Plan the smallest budget whose optimal model reaches this loss (nats/token).", "2.0", NumberRange.Positive);
        var parameters = CliOptions.Number("--parameters", "N", "Plan the compute-optimal tokens for a model of this many parameters.", "7e9", NumberRange.AtLeastOne);
        var maxParameters = CliOptions.Number("--max-parameters", "N", "Cap the model size (the best allocation within the cap).", "70e9", NumberRange.AtLeastOne);
        var maxTokens = CliOptions.Number("--max-tokens", "D", "Cap the training tokens (the best allocation within the cap).", "1.4e12", NumberRange.AtLeastOne);
        var law = LawOption.Create();
        var uniqueTokens = CliOptions.Number(DataConstrainedMode.Option, "U", "Unique tokens available; beyond them data can only be repeated (Muennighoff et al. 2023; default law muennighoff2023).", "500e9", NumberRange.AtLeastOne);
        var inferenceTokens = CliOptions.Number(InferenceMode.Option, "T", "Tokens the model will serve over its life; minimise training plus inference cost (Sardana et al. 2024).", "2e12", NumberRange.NonNegative);
        var inferenceCostWeight = CliOptions.Number("--inference-cost-weight", "W", "Cost of an inference FLOP relative to a training FLOP (default 1), e.g. lower utilisation at serving time.", "0.5", NumberRange.Positive);
        var inferenceMfu = CliOptions.Number("--inference-mfu", "F", "With --gpu: the utilisation reached when serving (default: the training --mfu).", "0.3", NumberRange.Fraction);
        var inferencePrice = CliOptions.Number("--inference-eur-per-gpu-hour", "X", "With --gpu: the price of a serving GPU-hour (default: the training price).", "2.5", NumberRange.Positive);
        var json = CliOptions.Json();
        var architecture = new Option<bool>(PlanArchitecture.Option) { Description = "Propose a shape for N* with its FLOPs per token, memory, KV cache, learning rate and batch." };
        var flopsPerToken = CliOptions.Choice<FlopsPerTokenRule?>(
            "--flops-per-token",
            "With --architecture: 6n (default) or exact (Hoffmann 2022 App. F count of the proposed shape).",
            ("6n", FlopsPerTokenRule.SixN),
            ("exact", FlopsPerTokenRule.Exact));
        var context = CliOptions.Count("--context", "T", "With --architecture or --layout: the context length in tokens (default 4096).", "4096", 1, PlanArchitecture.MaxContext);
        var robust = new Option<bool>("--robust") { Description = "With --flops: the size minimising the expected loss over a fit's bootstrap refits (--law fit.json), or the consensus of the published laws." };
        var quantile = CliOptions.Number("--quantile", "Q", "With --robust: minimise this quantile of the loss over the refits instead of its mean, e.g. 0.9.", "0.9", NumberRange.Fraction);
        var experts = CliOptions.Count(
            PlanMoe.Option, "E", "Plan a mixture of experts of this expansion rate (total over active FFN parameters; Krajewski et al. 2024 fitted 16 and 64): granularity, active and total size, tokens, and the dense comparison.", "64", 1, 1 << 16);
        var layout = CliOptions.Choice<string?>(
            PlanLayout.Option, "With --gpu: 'auto' proposes a tensor, pipeline, data and expert layout with ZeRO and recomputation that fits each GPU; the GPU count follows from it.", ("auto", "auto"));
        var resources = new ResourceOptions();
        var distillation = new DistillationMode();

        var command = new Command("plan", "The compute-optimal model size and token count for a budget.")
        {
            flops, targetLoss, parameters, maxParameters, maxTokens, uniqueTokens, inferenceTokens, inferenceCostWeight, inferenceMfu, inferencePrice, law, json,
            architecture, flopsPerToken, context, robust, quantile, experts, layout,
        };
        resources.AddTo(command);
        foreach (var option in distillation.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            if (distillation.Given(result) && (result.GetValue(robust) || result.GetValue(uniqueTokens) is not null || result.GetValue(inferenceTokens) is not null || result.GetValue(experts) is not null))
            {
                throw new UsageException($"{DistillationMode.Option}: distils the plain plan's N*; drop --robust, {DataConstrainedMode.Option}, {InferenceMode.Option} and {PlanMoe.Option}.");
            }

            if (result.GetValue(robust))
            {
                // A robust plan is N* at --flops over a fit's refits (or the published laws): nothing else applies.
                CliOptions.RefuseOthers(result, "--robust", "a robust plan is the size at --flops over a fit's refits or the published laws", flops, law, quantile, json, robust);
                string? lawText = result.GetValue(law);
                var refitted = lawText is null ? null : LawOption.ResolveFitted(lawText);
                console.Out.WriteLine(RobustPlanMode.Run(refitted, result.GetValue(flops), result.GetValue(quantile), result.GetValue(json)));
                return ExitCodes.Success;
            }

            if (result.GetValue(quantile) is not null)
            {
                throw new UsageException("--quantile: only applies with --robust.");
            }

            if (result.GetValue(experts) is { } expansionRate)
            {
                var other = new Option[] { targetLoss, parameters, maxParameters, maxTokens, law, uniqueTokens, inferenceTokens, architecture, flopsPerToken }
                    .FirstOrDefault(o => result.GetResult(o) is { Implicit: false });
                if (other is not null)
                {
                    throw new UsageException($"{PlanMoe.Option}: a mixture-of-experts plan takes --flops (or --budget-eur with --gpu); drop {other.Name}.");
                }

                var moe = PlanMoe.Run(expansionRate, result.GetValue(flops), resources.Read(result), result.GetValue(layout) is not null, result.GetValue(context));
                console.Out.WriteLine(result.GetValue(json) ? CliJson.Write(moe.Output(), CliJsonContext.Default.PlanMoeOutput) : moe.Prose());
                return ExitCodes.Success;
            }

            double? unique = result.GetValue(uniqueTokens);
            double? inference = result.GetValue(inferenceTokens);
            if (unique is not null || inference is not null)
            {
                var beyond = new BeyondChinchillaRequest(
                    result.GetValue(law), result.GetValue(flops), unique, inference, result.GetValue(inferenceCostWeight),
                    OtherModeGiven: result.GetValue(targetLoss) is not null || result.GetValue(parameters) is not null
                        || result.GetValue(maxParameters) is not null || result.GetValue(maxTokens) is not null)
                {
                    Resources = resources.Read(result),
                    InferenceMfu = result.GetValue(inferenceMfu),
                    InferencePrice = result.GetValue(inferencePrice),
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
            var limits = AllocationLimits.Create(result.GetValue(maxParameters), result.GetValue(maxTokens));
            var request = resources.Read(result);
            double? budgetFlops = request is null ? result.GetValue(flops) : request.Flops(result.GetValue(flops));
            var optimum = Solve(namedLaw, budgetFlops, result.GetValue(targetLoss), result.GetValue(parameters), limits);

            // With a budget the fit's plan is decided once (FittedPlan): a fit that carries a calibrated forecast of N* plans
            // with it (unless capped), with its interval and how far the budget lies beyond the fit's runs; otherwise the law.
            var fittedPlan = budgetFlops is not null ? FittedPlan.At(fitted, optimum.Flops, limits) : null;
            optimum = fittedPlan?.Optimum ?? optimum;
            var budget = request?.Plan(optimum);
            bool laidOut = result.GetValue(layout) is not null;
            var shape = PlanArchitecture.From(optimum, result.GetValue(architecture), result.GetValue(flopsPerToken), result.GetValue(context), laidOut);
            PlanLayout? layoutPlan = null;
            if (laidOut)
            {
                if (budget is null)
                {
                    throw new UsageException($"{PlanLayout.Option}: needs --gpu NAME to lay the model out; for example --gpu H100-SXM.");
                }

                var layoutShape = shape?.Profile.Shape ?? PlanLayout.ProposeShape(optimum.Parameters);
                layoutPlan = PlanLayout.Find(layoutShape, result.GetValue(context) ?? 4096, budget);
                budget = layoutPlan.Budget;
            }

            var distilled = distillation.Plan(result, namedLaw, optimum);
            var rate = budget?.Resources.Rate;
            var output = new PlanOutput(shape?.Adjust(PlanFields.From(namedLaw, optimum)) ?? PlanFields.From(namedLaw, optimum))
            {
                Intervals = PlanIntervalsPart.From(fittedPlan),
                Basis = fittedPlan is ForecastPlan || fittedPlan is LawPlan { NoForecast: not null } ? new PlanBasisPart(PlanBasisOutput.From(fittedPlan)) : null,
                Extrapolation = fittedPlan is ForecastPlan forecast ? PlanExtrapolation.From(forecast) : null,
                LawOptimum = fittedPlan is ForecastPlan own ? new LawOptimumPart(LawOptimumOutput.From(own.LawOptimum, OptimumIntervalsOutput.From(own.LawIntervals))) : null,
                Architecture = shape?.Output(budget, layoutPlan),
                Resources = ResourcesOutput.From(budget),
                Layout = layoutPlan?.Part(),
                Distillation = DistillationMode.Output(distilled, rate),
            };
            console.Out.WriteLine(result.GetValue(json)
                ? CliJson.Write(output, CliJsonContext.Default.PlanOutput)
                : PlanMemo.Describe(namedLaw, optimum) + PlanExtrapolation.Prose(fitted, fittedPlan)
                    + shape?.Prose() + shape?.Hardware(budget, layoutPlan) + ResourceMemo.Prose(budget, request?.GpuAssumed ?? false) + layoutPlan?.Prose()
                    + DistillationMode.Prose(distilled, rate));
            return ExitCodes.Success;
        });
        return command;
    }

    private static ComputeOptimum Solve(ScalingLaw law, double? flops, double? loss, double? parameters, AllocationLimits limits)
    {
        int given = new[] { flops, loss, parameters }.Count(t => t is not null);
        if (given != 1)
        {
            throw new UsageException("--flops: give exactly one of --flops C, --target-loss L or --parameters N; for example --flops 5.76e23.");
        }

        bool capped = limits.MaxParameters is not null || limits.MaxTokens is not null;
        if (capped && (law is not ParametricLaw || flops is null))
        {
            throw new UsageException("--max-parameters/--max-tokens: caps need --flops and a law that predicts loss (not an allocation rule).");
        }

        if (flops is { } budget)
        {
            return law is ParametricLaw capable && capped ? Capped(capable, budget, limits) : law.Plan(budget);
        }

        if (parameters is { } size)
        {
            return law.PlanForParameters(size);
        }

        var parametric = LawOption.RequireLoss(law, "--target-loss", "a target loss");
        double target = loss ?? double.NaN;
        if (target <= parametric.LossLaw.E)
        {
            throw new UsageException($"--target-loss {NumberText.Exponent(target)} is at or below the irreducible loss E = {NumberText.Exponent(parametric.LossLaw.E)} of '{law.Name}'; no budget reaches it.");
        }

        return parametric.PlanForLoss(target);
    }

    // A cap so tight that the law's frontier would reach the capped plan's loss with under a thousandth of the budget is
    // no plan (--max-tokens 1 at 1e24 FLOPs: 1.67E+23 parameters on one token, loss 2087): it is refused, naming the cap
    // that binds. Overtrained models that were really built stay far above the bound: under Besiroglu et al. 2024,
    // Llama 3 8B on 15T tokens spends 18% of what its loss would need on the frontier, SmolLM2-135M on 2T tokens 4%.
    private const double MinCappedEfficiency = 1e-3;

    private static ComputeOptimum Capped(ParametricLaw law, double flops, AllocationLimits limits)
    {
        var plan = law.Plan(flops, limits);
        double efficiency = law.Frontier().ComputeEfficiency(plan.Parameters, plan.Tokens);
        if (efficiency >= MinCappedEfficiency)
        {
            return plan;
        }

        // A plan this far off the frontier is held by a cap, and it is the token cap when the plan's D sits on it.
        string option = limits.MaxTokens is { } maxTokens && plan.Tokens >= maxTokens * (1 - 1e-9) ? "--max-tokens" : "--max-parameters";
        throw new UsageException(
            $"{option}: the cap leaves {NumberText.Count(plan.Parameters)} parameters on {NumberText.Count(plan.Tokens)} tokens for {NumberText.Scientific(flops)} FLOPs, "
            + $"a loss that '{law.Name}' reaches uncapped with {NumberText.Value(efficiency)} of that compute; raise the cap or lower the budget.");
    }
}
