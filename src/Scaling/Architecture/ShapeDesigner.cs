using Scaling.Text;
namespace Scaling.Architecture;

/// <summary>
/// Proposes a <see cref="TransformerShape"/> for a parameter count: among layer counts 1–256 and widths in steps of
/// the head size, the shape closest to the requested aspect ratio whose exact count lies within the tolerance of the
/// target, preferring head and key/value head counts that shard 8 ways and, from 8 layers up, a layer count divisible by
/// 4 so the layers split evenly into 2 or 4 pipeline stages (or, if none lies within the tolerance, the nearest count). Heads = d_model / head size; key/value heads =
/// heads / group size; the feed-forward size follows <see cref="TransformerShape.DefaultFfn"/>.
/// </summary>
/// <example><code>
/// var shape = ShapeDesigner.Propose(70e9, new ShapeRequest());
/// shape.Parameters; // within 1% of 70e9, d_model/layers near 100
/// </code></example>
public static class ShapeDesigner
{
    private const int MaxLayers = 256;

    /// <summary>The smallest size a shape is proposed for.</summary>
    public const double MinParameters = 1e6;

    /// <summary>The largest size a shape is proposed for.</summary>
    public const double MaxParameters = 1e14;

    /// <summary>The proposed shape for <paramref name="parameters"/>.</summary>
    /// <exception cref="InvalidShapeException">The target is below the smallest expressible model, the group size is
    /// not positive, or the request cannot be met.</exception>
    public static TransformerShape Propose(double parameters, ShapeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!double.IsFinite(parameters) || parameters < MinParameters || parameters > MaxParameters)
        {
            throw new InvalidShapeException("parameters", parameters, $"must lie between 1e6 and 1e14 to propose a shape, got {NumberText.Value(parameters)}.");
        }

        if (request.GroupSize <= 0 || request.HeadSize <= 0 || request.AspectRatio <= 0 || !double.IsFinite(request.AspectRatio))
        {
            throw new InvalidShapeException("groupSize", request.GroupSize, "the group size, head size and aspect ratio must be greater than 0.");
        }

        TransformerShape? best = null;
        double bestScore = double.MaxValue;
        for (int layers = 1; layers <= MaxLayers; layers++)
        {
            foreach (var shape in WidthsFor(layers, parameters, request))
            {
                double countError = Math.Abs(Math.Log(shape.Parameters / parameters));
                double aspectError = Math.Abs(Math.Log(shape.AspectRatio / request.AspectRatio));
                // Within tolerance the aspect ratio matters, and head counts that split over 8-way tensor parallelism
                // (as every published large model's do) are preferred; outside it, the count dominates.
                // Likewise layer counts that split into pipeline stages: 32, 40, 80 (Llama 2), not 33.
                double awkwardHeads = SplitsEightWays(shape) ? 0 : 1;
                double awkwardLayers = SplitsIntoStages(layers) ? 0 : 1;
                double ffnChange = Math.Abs(Math.Log((double)shape.FfnSize / TransformerShape.DefaultFfn(shape.DModel, shape.Conventions.GatedFfn)));
                double score = countError <= Math.Log(1 + request.Tolerance) ? aspectError + awkwardHeads + awkwardLayers + ffnChange : 1e3 + countError;
                if (score < bestScore)
                {
                    bestScore = score;
                    best = shape;
                }
            }
        }

        return best ?? throw new InvalidShapeException("parameters", parameters, "no shape fits this request; relax the group size or head size.");
    }

    // Heads and key/value heads that shard over 8-way tensor parallelism (64 heads with 8 KV heads, as Llama 2 70B).
    private static bool SplitsEightWays(TransformerShape shape) =>
        (shape.Heads < 8 || shape.Heads % 8 == 0) && (shape.KvHeads % 8 == 0 || 8 % shape.KvHeads == 0);

    // Layers that split evenly into 2 or 4 pipeline stages; below 8 layers nobody pipelines.
    private static bool SplitsIntoStages(int layers) => layers < 8 || layers % 4 == 0;

    // The two widths (multiples of the head size and group) whose counts bracket the target at this depth, each also
    // with the feed-forward size moved (in steps of 256, within −20%..+25% of the default, as Llama 3 8B's 3.5·d_model
    // departs from 8/3·d_model) to the count nearest the target: the wide steps between widths that shard 8 ways
    // otherwise leave no even layer count within 1%.
    private static IEnumerable<TransformerShape> WidthsFor(int layers, double parameters, ShapeRequest request)
    {
        TransformerShape? below = null;
        for (int step = 1; ; step++)
        {
            int headSize = request.HeadSize ?? (step * 64 <= 1024 ? 64 : 128);
            int heads = step * 64 / headSize;
            int dModel = heads * headSize;
            if (dModel != step * 64 || heads % request.GroupSize != 0)
            {
                continue;
            }

            var shape = TransformerShape.Create(layers, dModel, heads, heads / request.GroupSize, headSize, null, request.Vocabulary, request.Conventions);
            if (shape.Parameters >= parameters || dModel >= 1 << 17)
            {
                if (below is not null)
                {
                    yield return below;
                    yield return WithFfnNearest(below, parameters);
                }

                yield return shape;
                yield return WithFfnNearest(shape, parameters);
                yield break;
            }

            below = shape;
        }
    }

    private static TransformerShape WithFfnNearest(TransformerShape shape, double parameters)
    {
        const int FfnStep = 256;
        int ffn = shape.FfnSize;
        var wider = With(shape, ffn + FfnStep);
        double perStep = wider.Parameters - shape.Parameters;
        double wanted = ffn + (FfnStep * (parameters - shape.Parameters) / perStep);
        int low = (int)Math.Ceiling(0.8 * ffn / FfnStep) * FfnStep, high = (int)Math.Floor(1.25 * ffn / FfnStep) * FfnStep;
        int chosen = Math.Clamp((int)Math.Round(wanted / FfnStep) * FfnStep, Math.Min(low, ffn), Math.Max(high, ffn));
        return chosen == ffn || chosen <= 0 ? shape : With(shape, chosen);
    }

    private static TransformerShape With(TransformerShape shape, int ffn) =>
        TransformerShape.Create(shape.Layers, shape.DModel, shape.Heads, shape.KvHeads, shape.HeadSize, ffn, shape.Vocabulary, shape.Conventions);
}
