using System.CommandLine;
using System.Globalization;
using Scaling.Audit;
using Scaling.Cli.Shared;
using Scaling.Distillation;
using Scaling.Laws;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Cli.Commands.Plan;

/// <summary>
/// <c>scaling plan … --distill-from TEACHER</c>: for the plan's budget and its N* as the student, distil from the
/// teacher or train the student directly (Busbridge et al. 2025, arXiv 2502.08606) — the teacher's cost counted when
/// it exists (its forward passes) and when it must be trained first (its training too).
/// </summary>
internal sealed class DistillationMode
{
    /// <summary>The option's name.</summary>
    public const string Option = "--distill-from";

    private readonly Option<string> teacher = new(Option)
    {
        Description = "Distil the plan's N* from a teacher: a model of 'scaling audit' (e.g. \"Llama 3 70B\"), PARAMETERS:TOKENS (e.g. 70e9:15e12; loss from --law), or a teacher loss (e.g. 1.9).",
        HelpName = "TEACHER",
    };

    private readonly Option<double?> teacherParameters = CliOptions.Number(
        "--teacher-parameters", "N", "With --distill-from LOSS: the teacher's size, which prices its forward passes.", "70e9", NumberRange.AtLeastOne);

    private readonly Option<InputFile?> law = CliOptions.File(
        "--distillation-law", "FILE", "With --distill-from: Busbridge et al. 2025 Eq. 8 coefficients as JSON {c0, c1, d1, f1, A, B, alpha, beta, gamma}; without it the distilled loss is unknown.", FileKind.DistillationLaw);

    /// <summary>The options, to add to the command.</summary>
    public IEnumerable<Option> All => [teacher, teacherParameters, law];

    /// <summary>Whether any distillation option was given.</summary>
    public bool Given(ParseResult result) => All.Any(o => result.GetResult(o) is { Implicit: false });

    /// <summary>The distillation plan for the student <paramref name="optimum"/>, or null without <c>--distill-from</c>.</summary>
    public DistillationPlan? Plan(ParseResult result, ScalingLaw planLaw, Scaling.Allocation.ComputeOptimum optimum)
    {
        if (result.GetValue(teacher) is not { } spec)
        {
            var stray = All.FirstOrDefault(o => result.GetResult(o) is { Implicit: false });
            return stray is null ? null : throw new UsageException($"{stray.Name}: only applies with {Option} TEACHER.");
        }

        var lossLaw = LawOption.RequireLoss(planLaw, Option, "the teacher's and the student's losses").LossLaw;
        var parsed = Teacher(spec.Trim(), lossLaw, result.GetValue(teacherParameters));
        var coefficients = result.GetValue(law) is { } file ? DistillationLaw.Parse(file.ReadText(), file.Path) : null;
        return DistillationPlan.Create(lossLaw, optimum.Flops, optimum.Parameters, parsed, coefficients);
    }

    /// <summary>The JSON part of <paramref name="plan"/>, with euros when the plan has a rate.</summary>
    public static DistillationPart? Output(DistillationPlan? plan, ComputeRate? rate) => plan is null ? null : new(DistillationOutput.From(plan, rate));

    /// <summary>The plan in prose, starting with a blank line; empty without a plan.</summary>
    public static string Prose(DistillationPlan? plan, ComputeRate? rate)
    {
        if (plan is null)
        {
            return string.Empty;
        }

        var t = plan.Teacher;
        string size = t.Parameters is { } n
            ? t.Tokens is { } d ? $"{NumberText.Count(n)} parameters on {NumberText.Count(d)} tokens, " : $"{NumberText.Count(n)} parameters, "
            : string.Empty;
        var lines = new List<string>
        {
            $"\n\nDistillation (Busbridge et al. 2025, arXiv 2502.08606): the {NumberText.Count(plan.StudentParameters)}-parameter student from {t.Name} ({size}loss {NumberText.Loss(t.Loss)}).",
            $"  Trained directly on the whole budget: {NumberText.Count(plan.SupervisedTokens)} tokens, loss {NumberText.Loss(plan.SupervisedLoss)}.",
        };
        foreach (var scenario in plan.Scenarios)
        {
            lines.Add("  " + Describe(plan, scenario, rate));
        }

        lines.Add(plan.Law is { } law
            ? $"  Distilled losses from Eq. 8 with the coefficients {law.Source}."
            : "  Distilled loss: unknown. Eq. 8 needs fitted coefficients, and the paper's are not built in (they were out of reach);");
        if (plan.Law is null)
        {
            lines.Add("            give --distillation-law FILE with {c0, c1, d1, f1, A, B, alpha, beta, gamma} for the verdict.");
        }

        return string.Join('\n', lines);
    }

    /// <summary>The name of a scenario in output: exists, must-be-trained, amortised, pretraining.</summary>
    public static string Name(TeacherAccounting accounting) => accounting switch
    {
        TeacherAccounting.Inference => "exists",
        TeacherAccounting.PretrainingAndInference => "must-be-trained",
        TeacherAccounting.Amortised => "amortised",
        _ => "pretraining",
    };

    /// <summary>The name of a verdict in output.</summary>
    public static string Name(DistillationVerdict verdict) => verdict switch
    {
        DistillationVerdict.Distil => "distil",
        DistillationVerdict.TrainDirectly => "train-directly",
        DistillationVerdict.TeacherExceedsBudget => "teacher-exceeds-budget",
        DistillationVerdict.TeacherCostUnknown => "teacher-cost-unknown",
        _ => "unknown",
    };

    private static string Describe(DistillationPlan plan, DistillationScenario s, ComputeRate? rate)
    {
        string when = s.Accounting == TeacherAccounting.Inference ? "If the teacher exists" : "If it must be trained first";
        string euros(double flops) => rate is null ? string.Empty : $", {NumberText.Euros(rate.EurosForFlops(flops))}";
        return s.Verdict switch
        {
            DistillationVerdict.TeacherCostUnknown =>
                $"{when}: its cost is unknown (give {(s.Accounting == TeacherAccounting.Inference ? "--teacher-parameters N" : "the teacher as PARAMETERS:TOKENS")}).",
            DistillationVerdict.TeacherExceedsBudget when s.TeacherFlops is { } teacherFlops =>
                $"{when}: the teacher alone takes {NumberText.Scientific(teacherFlops)} FLOPs{euros(teacherFlops)}, {NumberText.Ratio(teacherFlops / plan.BudgetFlops)}× the budget — train the student directly.",
            _ when s.StudentTokens is { } tokens && s.TeacherFlops is { } flops =>
                $"{when}: {(s.Accounting == TeacherAccounting.Inference ? "its forward passes over the distillation tokens take" : "its training and forward passes take")} {NumberText.Scientific(flops)} FLOPs{euros(flops)} ({NumberText.Percent(flops / plan.BudgetFlops)} of the budget), leaving "
                + $"{NumberText.Count(tokens)} tokens to distil on (trained directly on them: loss {NumberText.Loss(s.SupervisedLossOnStudentTokens ?? double.NaN)})"
                + (s.DistilledLoss is { } distilled ? $"; distilled loss {NumberText.Loss(distilled)}: {(s.Verdict == DistillationVerdict.Distil ? "distil" : "train directly")}." : "."),
            _ => $"{when}: no answer.",
        };
    }

    private static Teacher Teacher(string spec, LossLaw law, double? parameters)
    {
        if (spec.Contains(':', StringComparison.Ordinal))
        {
            string[] parts = spec.Split(':');
            if (parts.Length == 2 && Positive(parts[0]) is { } n && Positive(parts[1]) is { } d && n >= 1 && d >= 1)
            {
                if (parameters is not null)
                {
                    throw new UsageException("--teacher-parameters: the teacher's size is already in --distill-from PARAMETERS:TOKENS; drop one.");
                }

                return Scaling.Distillation.Teacher.FromSize(
                    string.Create(CultureInfo.InvariantCulture, $"a {NumberText.Count(n)}-parameter teacher"), n, d, law);
            }

            throw new UsageException($"{Option}: '{spec}' is not PARAMETERS:TOKENS; give two numbers of at least 1, for example 70e9:15e12.");
        }

        if (Positive(spec) is { } loss)
        {
            return loss > law.E
                ? Scaling.Distillation.Teacher.FromLoss(loss, parameters)
                : throw new UsageException($"{Option}: a teacher loss of {NumberText.Loss(loss)} is at or below the law's irreducible loss E = {NumberText.Exponent(law.E)}; no model reaches it.");
        }

        var model = ModelRegistry.Published.FirstOrDefault(m => string.Equals(m.Name, spec, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"{Option}: unknown model '{spec}'; give a model of 'scaling audit' (e.g. \"Llama 3 70B\"), PARAMETERS:TOKENS such as 70e9:15e12, or a teacher loss such as 1.9.");
        if (parameters is not null)
        {
            throw new UsageException($"--teacher-parameters: {model.Name}'s size comes from the registry; drop --teacher-parameters.");
        }

        return Scaling.Distillation.Teacher.FromSize(model.Name, model.Parameters, model.Tokens, law);
    }

    private static double? Positive(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value > 0 ? value : null;
}

/// <summary>The distillation section of <c>scaling plan --json</c>.</summary>
internal sealed record DistillationPart(DistillationOutput Distillation);

/// <summary>The teacher, the direct-training alternative and one entry per way of paying for the teacher.</summary>
internal sealed record DistillationOutput(
    TeacherOutput Teacher,
    double StudentParameters,
    double BudgetFlops,
    double SupervisedTokens,
    double SupervisedLoss,
    string? DistillationLawSource,
    IReadOnlyList<DistillationScenarioOutput> Scenarios)
{
    public static DistillationOutput From(DistillationPlan plan, ComputeRate? rate) => new(
        new TeacherOutput(plan.Teacher.Name, plan.Teacher.Loss, plan.Teacher.Parameters, plan.Teacher.Tokens, plan.Teacher.PretrainingFlops),
        plan.StudentParameters,
        plan.BudgetFlops,
        plan.SupervisedTokens,
        plan.SupervisedLoss,
        plan.Law?.Source,
        plan.Scenarios.Select(s => new DistillationScenarioOutput(
            DistillationMode.Name(s.Accounting),
            s.TeacherFlops,
            s.TeacherFlops is { } flops && rate is not null ? rate.EurosForFlops(flops) : null,
            s.StudentTokens,
            s.SupervisedLossOnStudentTokens,
            s.DistilledLoss,
            DistillationMode.Name(s.Verdict))).ToArray());
}

/// <summary>The teacher: its loss and, where known, its size, tokens and training FLOPs.</summary>
internal sealed record TeacherOutput(string Name, double Loss, double? Parameters, double? Tokens, double? PretrainingFlops);

/// <summary>One way of paying for the teacher: exists (its forward passes) or must-be-trained (its training too).</summary>
internal sealed record DistillationScenarioOutput(
    string Teacher, double? TeacherFlops, double? TeacherEuros, double? StudentTokens, double? SupervisedLossOnStudentTokens, double? DistilledLoss, string Verdict);
