using System.CommandLine;
using Scaling.Architecture;
using Scaling.Cli.Shared;
using Scaling.Hardware;
using Scaling.Resources;

namespace Scaling.Cli.Commands.Architecture;

/// <summary>
/// <c>scaling architecture</c>: a transformer's exact parameters, FLOPs per token, memory, KV cache and training
/// hyperparameters — from a parameter count (a proposed shape), a Hugging Face config.json, or an explicit shape.
/// </summary>
internal static class ArchitectureCommand
{
    // About 7,000 times Llama 3's 15T tokens (Meta 2024): past it the hyperparameter laws extrapolate beyond meaning.
    private const double MaxTokens = 1e17;

    public static Command Create(CliConsole console)
    {
        var shapeOptions = new ShapeOptions();
        var precision = CliOptions.TrainingPrecision("Training and serving precision for state and KV cache (default bf16).");
        var tokens = CliOptions.Number(
            "--tokens", "D", "Training tokens: adds learning rate and batch (DeepSeek LLM Eq. 1; Step Law) and a quantisation warning; at most 1e17.", "1.4e12", NumberRange.AtLeastOne, MaxTokens);
        var json = CliOptions.Json();
        var command = new Command("architecture", "A model's shape, exact (total and active) parameters, FLOPs per token, memory, KV cache and hyperparameters.")
        {
            precision, tokens, json,
        };
        shapeOptions.AddTo(command);
        command.SetAction(result =>
        {
            var choice = shapeOptions.Read(result);
            var profile = ArchitectureProfile.Create(
                choice.Shape, choice.ContextTokens, result.GetValue(tokens), TrainingStateRecipe.MixedPrecisionAdamW, result.GetValue(precision) ?? Precision.Bf16);
            console.Out.WriteLine(result.GetValue(json) ? CliJson.Write(ArchitectureOutput.From(profile, choice), CliJsonContext.Default.ArchitectureOutput) : ArchitectureMemo.Prose(profile, choice));
            return ExitCodes.Success;
        });
        return command;
    }
}
