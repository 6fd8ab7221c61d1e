namespace Scaling.Fitting.Extrapolation;

/// <summary>Small dense linear algebra for the regressions here (2 × 2 or 3 × 3, row-major).</summary>
internal static class SmallMatrix
{
    /// <summary>The inverse of the p × p matrix <paramref name="m"/> by Gauss–Jordan elimination with partial pivoting.</summary>
    /// <exception cref="ArgumentException">The matrix is singular.</exception>
    public static double[] Inverse(ReadOnlySpan<double> m, int p) =>
        TryInverse(m, p, out var inverse) ? inverse : throw new ArgumentException("the matrix is singular.", nameof(m));

    /// <summary>
    /// The inverse of <paramref name="m"/>, or false when it is singular (a zero or non-finite pivot): the variable
    /// projection tries many active sets and skips the singular ones, which is not an error.
    /// </summary>
    public static bool TryInverse(ReadOnlySpan<double> m, int p, out double[] inverse)
    {
        var a = m.ToArray();
        inverse = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            inverse[(i * p) + i] = 1;
        }

        for (int column = 0; column < p; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < p; row++)
            {
                if (Math.Abs(a[(row * p) + column]) > Math.Abs(a[(pivot * p) + column]))
                {
                    pivot = row;
                }
            }

            if (a[(pivot * p) + column] == 0 || !double.IsFinite(a[(pivot * p) + column]))
            {
                return false;
            }

            Swap(a, inverse, p, column, pivot);
            double scale = 1 / a[(column * p) + column];
            for (int k = 0; k < p; k++)
            {
                a[(column * p) + k] *= scale;
                inverse[(column * p) + k] *= scale;
            }

            for (int row = 0; row < p; row++)
            {
                if (row == column)
                {
                    continue;
                }

                double factor = a[(row * p) + column];
                for (int k = 0; k < p; k++)
                {
                    a[(row * p) + k] -= factor * a[(column * p) + k];
                    inverse[(row * p) + k] -= factor * inverse[(column * p) + k];
                }
            }
        }

        return true;
    }

    /// <summary>Solves m·x = b for p ≤ 3 (through the inverse; these systems are tiny), or false when m is singular.</summary>
    public static bool TrySolve(ReadOnlySpan<double> m, ReadOnlySpan<double> b, int p, out double[] x)
    {
        x = new double[p];
        if (!TryInverse(m, p, out var inverse))
        {
            return false;
        }

        for (int a = 0; a < p; a++)
        {
            for (int k = 0; k < p; k++)
            {
                x[a] += inverse[(a * p) + k] * b[k];
            }
        }

        return true;
    }

    private static void Swap(double[] a, double[] inverse, int p, int i, int j)
    {
        if (i == j)
        {
            return;
        }

        for (int k = 0; k < p; k++)
        {
            (a[(i * p) + k], a[(j * p) + k]) = (a[(j * p) + k], a[(i * p) + k]);
            (inverse[(i * p) + k], inverse[(j * p) + k]) = (inverse[(j * p) + k], inverse[(i * p) + k]);
        }
    }
}
