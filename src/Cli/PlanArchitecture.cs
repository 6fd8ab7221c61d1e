using System.Globalization;
using System.Text.Json.Nodes;
using Scaling.Allocation;
using Scaling.Architecture;

namespace Scaling.Cli;

/// <summary>
/// <c>scaling plan --architecture</c>: the proposed shape for the plan's N*, its FLOPs per token, memory, KV cache,
/// learning rate and batch; with <c>--flops-per-token exact</c> the budget buys C / (exact FLOPs per token) tokens
/// instead of C / 6N.
/// </summary>
internal sealed record PlanArchitecture(ArchitectureProfile Profile, double TokensBy6N, bool Exact)
{
    public const string Option = "--architecture";

    public static PlanArchitecture? From(ComputeOptimum optimum, bool architecture, string? flopsPerToken, string? context)
    {
        if (!architecture)
        {
            if (flopsPerToken is not null || context is not null)
            {
                throw new UsageException("--flops-per-token/--context: only apply with --architecture.");
            }

            return null;
        }

        bool exact = flopsPerToken?.Trim().ToLowerInvariant() switch
        {
            null or "6n" => false,
            "exact" => true,
            _ => throw new UsageException($"--flops-per-token '{flopsPerToken}' is not known; use 6n (default) or exact."),
        };
        int contextTokens = context is null ? 4096 : CliParse.PositiveInteger("--context", context, "4096");
        var shape = ShapeDesigner.Propose(optimum.Parameters, new ShapeRequest());
        double flopsPerTokenExact = TransformerFlops.PerToken(shape, contextTokens, FlopsCounting.Hoffmann2022);
        double tokens = exact ? optimum.Flops / flopsPerTokenExact : optimum.Tokens;
        return new PlanArchitecture(ArchitectureProfile.Create(shape, contextTokens, tokens), optimum.Tokens, exact);
    }

    public string Prose()
    {
        var p = Profile;
        string exact = Exact
            ? $"\n  With exact FLOPs per token ({Humanize.Scientific(p.FlopsPerToken)} = {(p.FlopsPerToken / (6.0 * p.Shape.Parameters)).ToString("0.00", CultureInfo.InvariantCulture)} × 6N), "
                + $"the budget trains the proposed model on {Humanize.Count(p.Tokens!.Value)} tokens instead of {Humanize.Count(TokensBy6N)}."
            : string.Empty;
        return "\nArchitecture for this plan:\n" + ArchitectureReport.Prose(p) + exact;
    }

    public void AddTo(JsonObject plan)
    {
        plan["architecture"] = ArchitectureReport.Json(Profile);
        plan["learningRate"] = Profile.Hyperparameters?.LearningRate;
        plan["batchTokens"] = Profile.Hyperparameters?.BatchTokens;
        plan["flopsPerTokenCounting"] = Exact ? "exact" : "6n";
        if (Exact)
        {
            plan["tokensBy6N"] = TokensBy6N;
            plan["tokens"] = Profile.Tokens;
            plan["parameters"] = Profile.Shape.Parameters;
            plan["tokensPerParameter"] = Profile.Tokens / Profile.Shape.Parameters;
        }
    }
}
