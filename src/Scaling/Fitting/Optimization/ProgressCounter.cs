namespace Scaling.Fitting.Optimization;

/// <summary>Counts finished work items across threads and reports the count about 200 times in all.</summary>
internal sealed class ProgressCounter(IProgress<int>? progress, int total)
{
    private readonly int every = Math.Max(1, total / 200);
    private int done;

    public void Increment()
    {
        int now = Interlocked.Increment(ref done);
        if (progress is not null && (now % every == 0 || now == total))
        {
            progress.Report(now);
        }
    }
}
