namespace Scaling.Architecture;

/// <summary>A peak learning rate and a global batch in tokens, with the law that proposed them.</summary>
/// <param name="LearningRate">The peak learning rate (AdamW).</param>
/// <param name="BatchTokens">The global batch in tokens.</param>
/// <param name="Law">The law's name, e.g. <c>deepseek2024</c>.</param>
/// <param name="Source">Paper and equation.</param>
public sealed record Hyperparameters(double LearningRate, double BatchTokens, string Law, string Source)
{
    /// <summary>The batch in sequences of <paramref name="sequenceTokens"/> (rounded to the nearest whole sequence, at least 1).</summary>
    public int BatchSequences(int sequenceTokens) => (int)Math.Max(1, Math.Round(BatchTokens / sequenceTokens));
}
