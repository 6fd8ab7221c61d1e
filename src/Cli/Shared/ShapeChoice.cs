using System.Globalization;
using Scaling.Architecture;
using Scaling.Text;

namespace Scaling.Cli.Shared;

/// <summary>A shape read from the shape options, the training context and where they came from.</summary>
/// <param name="Shape">The shape.</param>
/// <param name="ContextTokens">The training context.</param>
/// <param name="ContextGiven">Whether <c>--context</c> was given (else <see cref="ShapeOptions.DefaultContext"/>).</param>
/// <param name="Config">The config it was read from, if any.</param>
internal sealed record ShapeChoice(TransformerShape Shape, int ContextTokens, bool ContextGiven, HuggingFaceConfig? Config)
{
    /// <summary>One line on the context, e.g. <c>context 4,096 tokens (default; the config accepts up to 131,072: give --context)</c>.</summary>
    public string ContextNote
    {
        get
        {
            var i = CultureInfo.InvariantCulture;
            string source = ContextGiven ? "--context" : $"default; give --context for the training context";
            string max = Config?.MaxContext is { } m ? ", the config accepts up to " + NumberText.Whole(m) : string.Empty;
            return $"context {NumberText.Whole(ContextTokens)} tokens ({source}{max})";
        }
    }
}
