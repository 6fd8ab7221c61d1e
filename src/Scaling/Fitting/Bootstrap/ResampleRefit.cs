using Scaling.Fitting.Optimization;

namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// Refits one resample drawn with <paramref name="random"/>, the stream of resample i under the seed (xoshiro256**,
/// <see cref="SeededRandom"/>), so results depend on neither thread scheduling nor the runtime's <see cref="Random"/>.
/// </summary>
internal delegate CompactOptima? ResampleRefit(ref SeededRandom random);
