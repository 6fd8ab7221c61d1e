using System.CommandLine;
using Scaling.Cli.Shared;
using Scaling.Laws;
using Scaling.Text;

namespace Scaling.Cli.Commands.Laws;

/// <summary><c>scaling laws</c>: the presets, their coefficients and their sources.</summary>
internal static class LawsCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of prose." };
        var command = new Command("laws", "List the law presets with their sources.") { json };
        command.SetAction(result =>
        {
            console.Out.WriteLine(result.GetValue(json) ? CliJson.Write(LawPresets.All.Select(LawsOutput.From).ToArray(), CliJsonContext.Default.LawsOutputArray) : Describe());
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe()
    {
        var lines = new List<string>();
        foreach (var law in LawPresets.All)
        {
            string marker = ReferenceEquals(law, LawPresets.Default) ? " (default)" : string.Empty;
            lines.Add($"{law.Name}{marker}");
            lines.Add("  " + Coefficients(law));
            lines.Add("  " + law.Summary);
            lines.Add("  Source: " + law.Source);
        }

        lines.Add(string.Empty);
        lines.Add($"The default is {LawPresets.Default.Name}: it fits Chinchilla's own data best (Besiroglu et al. 2024 refit the");
        lines.Add("paper's runs with the Huber loss summed, not averaged, and found the printed, rounded fit shifts the frontier).");
        return string.Join('\n', lines);
    }

    private static string Coefficients(ScalingLaw law) => law switch
    {
        ParametricLaw { LossLaw: var l } =>
            $"L = {NumberText.Exponent(l.E)} + {NumberText.Exponent(l.A)}/N^{NumberText.Exponent(l.Alpha)} + {NumberText.Exponent(l.B)}/D^{NumberText.Exponent(l.Beta)}",
        AllocationRuleLaw { Rule: var r } =>
            $"N* = {NumberText.Exponent(r.ParametersCoefficient)}·C^{NumberText.Exponent(r.ExponentA)}, D* = C/(6·N*)",
        _ => throw new System.Diagnostics.UnreachableException(),
    };
}
