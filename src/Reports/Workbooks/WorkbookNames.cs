namespace Scaling.Reports.Workbooks;

/// <summary>
/// The workbook-scoped names of input and result cells, which the formulas use instead of addresses.
/// None looks like a cell reference (such as <c>E1</c> or <c>R1C1</c>), which Excel would refuse.
/// </summary>
internal static class WorkbookNames
{
    public const string BudgetFlops = "Budget_flops";
    public const string FlopsPerParameterToken = "Flops_per_parameter_token";
    public const string LawE = "Law_E";
    public const string LawA = "Law_A";
    public const string LawB = "Law_B";
    public const string LawAlpha = "Law_alpha";
    public const string LawBeta = "Law_beta";

    public const string PlanFlops = "Plan_flops";
    public const string PlanG = "Plan_G";
    public const string PlanExponentA = "Plan_exponent_a";
    public const string PlanExponentB = "Plan_exponent_b";
    public const string PlanParameters = "Plan_parameters";
    public const string PlanTokens = "Plan_tokens";
    public const string PlanTokensPerParameter = "Plan_tokens_per_parameter";
    public const string PlanLoss = "Plan_loss";
}
