using Scaling.Fitting.Approach3;
namespace Scaling.Fitting.Optimization;

/// <summary>One thread's objective, optimiser and buffers, so the hot loop allocates nothing.</summary>
internal sealed class FitWorkspace
{
    public FitWorkspace(FitData data, double delta, int maxRows, double overPredictionWeight = 1)
    {
        Data = data;
        Objective = new HuberLogLossObjective(maxRows, delta, data.LogParametersCenter, data.LogTokensCenter, overPredictionWeight);
        Optimizer = new Lbfgs(HuberLogLossObjective.Dimension);
        Counts = new int[data.Count];
        LogN = new double[data.Count];
        LogD = new double[data.Count];
        LogL = new double[data.Count];
        Weights = new double[data.Count];
    }

    /// <summary>A workspace with all of <paramref name="data"/> loaded, for the fit's starts.</summary>
    public static FitWorkspace OnAllRuns(FitData data, ParametricFitOptions options)
    {
        var workspace = new FitWorkspace(data, options.HuberDelta, data.Count, options.OverPredictionWeight);
        workspace.LoadAll();
        return workspace;
    }

    public FitData Data { get; }

    public HuberLogLossObjective Objective { get; }

    public Lbfgs Optimizer { get; }

    public double[] Natural { get; } = new double[HuberLogLossObjective.Dimension];

    public double[] Centered { get; } = new double[HuberLogLossObjective.Dimension];

    public double[] Gradient { get; } = new double[HuberLogLossObjective.Dimension];

    public int[] Counts { get; }

    public double[] LogN { get; }

    public double[] LogD { get; }

    public double[] LogL { get; }

    public double[] Weights { get; }

    public void LoadAll() => Objective.Load(Data.LogN, Data.LogD, Data.LogL, Data.Ones);

    /// <summary>Loads a bootstrap resample as distinct rows weighted by how often each was drawn.</summary>
    public void LoadResample(Seed seed, int resample)
    {
        int n = Data.Count;
        Array.Clear(Counts);
        var random = seed.Random(resample + 1L);
        for (int k = 0; k < n; k++)
        {
            Counts[random.NextInt(n)]++;
        }

        LoadCounts();
    }

    /// <summary>Loads the runs weighted by <see cref="Counts"/> (a run drawn k times weighs k; undrawn runs are left out).</summary>
    public void LoadCounts()
    {
        int rows = 0;
        for (int i = 0; i < Data.Count; i++)
        {
            if (Counts[i] > 0)
            {
                LogN[rows] = Data.LogN[i];
                LogD[rows] = Data.LogD[i];
                LogL[rows] = Data.LogL[i];
                Weights[rows] = Counts[i];
                rows++;
            }
        }

        Objective.Load(LogN.AsSpan(0, rows), LogD.AsSpan(0, rows), LogL.AsSpan(0, rows), Weights.AsSpan(0, rows));
    }
}
