using Scaling.Fitting.Runs;
namespace Scaling.Fitting.Optimization;

/// <summary>The runs as log columns, ready for the objective; the centres are the mean log N and log D.</summary>
internal sealed class FitData
{
    public FitData(IReadOnlyList<TrainingRun> runs)
    {
        Count = runs.Count;
        LogN = runs.Select(r => Math.Log(r.Parameters)).ToArray();
        LogD = runs.Select(r => Math.Log(r.Tokens)).ToArray();
        LogL = runs.Select(r => Math.Log(r.Loss)).ToArray();
        Ones = Enumerable.Repeat(1.0, Count).ToArray();
        LogParametersCenter = LogN.Average();
        LogTokensCenter = LogD.Average();
    }

    public int Count { get; }

    public double[] LogN { get; }

    public double[] LogD { get; }

    public double[] LogL { get; }

    public double[] Ones { get; }

    public double LogParametersCenter { get; }

    public double LogTokensCenter { get; }
}
