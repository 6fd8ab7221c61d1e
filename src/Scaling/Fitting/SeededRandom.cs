namespace Scaling.Fitting;

/// <summary>
/// A small seeded generator (xoshiro256**, Blackman &amp; Vigna 2018, seeded through SplitMix64) whose stream is fixed by
/// this code alone, so generated data and bootstrap resamples are the same on every runtime and machine.
/// </summary>
/// <remarks>
/// Not MathNet's Xoshiro256StarStar, though it is the same generator: MathNet seeds it from a 32-bit int only, so the
/// independent streams (seed, resample) of a 64-bit seed cannot be set, and changing the streams would change every
/// seeded result already published (bootstrap intervals, synthetic runs, notebook outputs). Speed is not the reason
/// (docs/performance.md, "The random source").
/// </remarks>
internal struct SeededRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>A generator for stream <paramref name="stream"/> of <paramref name="seed"/> (e.g. one per bootstrap resample).</summary>
    public SeededRandom(long seed, long stream = 0)
    {
        ulong state = unchecked((ulong)seed ^ ((ulong)stream * 0xD1B54A32D192ED03UL));
        s0 = SplitMix(ref state);
        s1 = SplitMix(ref state);
        s2 = SplitMix(ref state);
        s3 = SplitMix(ref state);
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on {0, …, count − 1} without modulo bias (Lemire 2019).</summary>
    public int NextInt(int count)
    {
        ulong range = (ulong)count;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0 - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }

        return (int)(product >> 64);
    }

    /// <summary>Standard normal by the Box–Muller transform (one draw per call).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
