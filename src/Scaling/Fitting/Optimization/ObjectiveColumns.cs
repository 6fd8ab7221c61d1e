using System.Numerics;

namespace Scaling.Fitting.Optimization;

/// <summary>
/// The objective's data in one precision: centred ln N and ln D, ln L and weights, padded to a whole number of SIMD
/// vectors with rows of weight 0 (which add exactly 0), plus the buffer for one evaluation's exponentials.
/// </summary>
internal sealed class ObjectiveColumns<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public ObjectiveColumns(int capacity)
    {
        int padded = Padded(capacity);
        LogParameters = new T[padded];
        LogTokens = new T[padded];
        LogLoss = new T[padded];
        Weights = new T[padded];
        Terms = new T[2 * padded];
    }

    public T[] LogParameters { get; }

    public T[] LogTokens { get; }

    public T[] LogLoss { get; }

    public T[] Weights { get; }

    /// <summary>e^(a − α·x_i) in the first <see cref="PaddedCount"/> entries, e^(b − β·y_i) in the next.</summary>
    public T[] Terms { get; }

    /// <summary>Rows loaded, rounded up to whole vectors.</summary>
    public int PaddedCount { get; private set; }

    /// <summary>Loads the columns (ln N and ln D already centred), rounding to <typeparamref name="T"/>.</summary>
    public void Load(ReadOnlySpan<double> logN, ReadOnlySpan<double> logD, ReadOnlySpan<double> logL, ReadOnlySpan<double> weight)
    {
        PaddedCount = Padded(logN.Length);
        Fill(LogParameters, logN);
        Fill(LogTokens, logD);
        Fill(LogLoss, logL);
        Fill(Weights, weight);
    }

    private static int Padded(int rows) => (rows + Vector<T>.Count - 1) / Vector<T>.Count * Vector<T>.Count;

    private void Fill(T[] column, ReadOnlySpan<double> values)
    {
        for (int i = 0; i < PaddedCount; i++)
        {
            column[i] = i < values.Length ? T.CreateTruncating(values[i]) : T.Zero;
        }
    }
}
