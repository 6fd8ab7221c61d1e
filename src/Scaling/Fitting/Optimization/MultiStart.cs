namespace Scaling.Fitting.Optimization;

/// <summary>
/// The one driver behind the Approach 3 fit and its bootstrap: many L-BFGS minimisations of the Huber objective, in
/// parallel, each on its worker thread's <see cref="FitWorkspace"/>, every end point kept.
/// </summary>
/// <remarks>
/// What differs between callers is only what start i is: the fit's grid point i on all runs, a polish of a subsample's
/// optimum, or the bootstrap's resample i from the full-data optimum. <c>prepare(i, workspace)</c> loads the data of
/// start i when it differs from the workspace's (a resample) and writes the start, in natural coordinates
/// (ln A, ln B, ln E, α, β), to <see cref="FitWorkspace.Natural"/>. Start i's result lands in slot i whatever the
/// thread, so results do not depend on the number of threads.
/// </remarks>
internal static class MultiStart
{
    public static MultiStartResult Run(
        int starts,
        Func<FitWorkspace> createWorkspace,
        Action<int, FitWorkspace> prepare,
        MultiStartTolerances tolerances,
        ParallelOptions parallel,
        ProgressCounter? counter = null)
    {
        var result = new MultiStartResult(starts);
        Parallel.For(
            0,
            starts,
            parallel,
            createWorkspace,
            (index, _, workspace) =>
            {
                prepare(index, workspace);
                workspace.Objective.ToCentered(workspace.Natural, workspace.Centered);
                var outcome = workspace.Optimizer.Minimize(
                    workspace.Objective, workspace.Centered, tolerances.Gradient, tolerances.MaxIterations, tolerances.Coarse);
                workspace.Objective.ToNatural(workspace.Centered, result.Point(index));
                result.Record(index, outcome);
                counter?.Increment();
                return workspace;
            },
            _ => { });
        return result;
    }
}
