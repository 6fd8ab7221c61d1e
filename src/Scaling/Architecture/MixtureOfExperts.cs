using System.Globalization;

namespace Scaling.Architecture;

/// <summary>
/// The feed-forward of a mixture-of-experts transformer: <see cref="Experts"/> routed experts of inner size
/// <see cref="ExpertFfnSize"/>, of which a router picks <see cref="ActiveExperts"/> per token, plus
/// <see cref="SharedExperts"/> always-on experts, in every layer but the first <see cref="DenseLayers"/> (which keep
/// the dense feed-forward of the shape's FFN size).
/// </summary>
/// <remarks>
/// Per MoE layer: routed <c>E·m·d·F</c> (m = 3 gated, 2 otherwise), shared <c>s·m·d·F_s</c>, router <c>E·d</c>
/// (+ E for a routing bias, + d for a shared-expert gate). Active per token: <c>k·m·d·F + s·m·d·F_s</c> + router.
/// <list type="bullet">
/// <item>Mixtral-8x7B (Jiang et al. 2024, arXiv 2401.04088): 8 experts of 14,336, 2 active, no shared expert.</item>
/// <item>DeepSeek-V3 (arXiv 2412.19437 §2.1.2, §4.2): 256 routed experts of 2,048, 8 active, 1 shared, the first 3
/// layers dense, a per-expert bias in the router.</item>
/// <item>Qwen1.5-MoE-A2.7B: 60 experts of 1,408, 4 active, one shared expert of 5,632 with a sigmoid gate of d.</item>
/// </list>
/// <example><code>
/// var mixtral = MixtureOfExperts.Create(experts: 8, activeExperts: 2, expertFfnSize: 14336);
/// </code></example>
/// </remarks>
public sealed record MixtureOfExperts
{
    private MixtureOfExperts(int experts, int activeExperts, int expertFfnSize, int sharedExperts, int sharedExpertFfnSize, int denseLayers, bool routerBias, bool sharedExpertGate)
    {
        Experts = experts;
        ActiveExperts = activeExperts;
        ExpertFfnSize = expertFfnSize;
        SharedExperts = sharedExperts;
        SharedExpertFfnSize = sharedExpertFfnSize;
        DenseLayers = denseLayers;
        RouterBias = routerBias;
        SharedExpertGate = sharedExpertGate;
    }

    /// <summary>Routed experts per MoE layer (E).</summary>
    public int Experts { get; }

    /// <summary>Routed experts each token uses (k, top-k).</summary>
    public int ActiveExperts { get; }

    /// <summary>The inner size of one routed expert.</summary>
    public int ExpertFfnSize { get; }

    /// <summary>Shared experts every token uses (DeepSeekMoE, Qwen-MoE); 0 for Mixtral.</summary>
    public int SharedExperts { get; }

    /// <summary>The inner size of one shared expert.</summary>
    public int SharedExpertFfnSize { get; }

    /// <summary>Leading layers that keep a dense feed-forward (DeepSeek's <c>first_k_dense_replace</c>).</summary>
    public int DenseLayers { get; }

    /// <summary>The router carries one bias per expert (DeepSeek-V3's auxiliary-loss-free balancing, §2.1.2).</summary>
    public bool RouterBias { get; }

    /// <summary>The shared expert's output passes a d_model → 1 sigmoid gate (Qwen-MoE).</summary>
    public bool SharedExpertGate { get; }

    /// <summary>Builds the layout; every count is checked.</summary>
    /// <exception cref="InvalidShapeException">A count is not positive (or negative for the optional ones), or more experts are active than exist.</exception>
    public static MixtureOfExperts Create(
        int experts, int activeExperts, int expertFfnSize, int sharedExperts = 0, int? sharedExpertFfnSize = null, int denseLayers = 0, bool routerBias = false, bool sharedExpertGate = false)
    {
        AtLeast(experts, 1, "experts");
        AtLeast(activeExperts, 1, "activeExperts");
        AtLeast(expertFfnSize, 1, "expertFfnSize");
        AtLeast(sharedExperts, 0, "sharedExperts");
        AtLeast(denseLayers, 0, "denseLayers");
        if (activeExperts > experts)
        {
            throw new InvalidShapeException("activeExperts", activeExperts, $"{activeExperts} active experts exceed the {experts} experts; give at most {experts}.");
        }

        int shared = sharedExpertFfnSize ?? expertFfnSize;
        AtLeast(shared, 1, "sharedExpertFfnSize");
        return new MixtureOfExperts(experts, activeExperts, expertFfnSize, sharedExperts, shared, denseLayers, routerBias, sharedExpertGate);
    }

    /// <summary>Router parameters of one MoE layer: E·d, + E with a routing bias, + d with a shared-expert gate.</summary>
    public long RouterParameters(int dModel) =>
        ((long)Experts * dModel) + (RouterBias ? Experts : 0) + (SharedExpertGate ? dModel : 0);

    /// <summary>One line, e.g. <c>8 experts of 14336, 2 active</c>.</summary>
    public override string ToString()
    {
        var i = CultureInfo.InvariantCulture;
        string shared = SharedExperts == 0 ? string.Empty : string.Format(i, " + {0} shared of {1}", SharedExperts, SharedExpertFfnSize);
        string dense = DenseLayers == 0 ? string.Empty : string.Format(i, ", first {0} layers dense", DenseLayers);
        return string.Format(i, "{0} experts of {1}, {2} active{3}{4}", Experts, ExpertFfnSize, ActiveExperts, shared, dense);
    }

    private static void AtLeast(int value, int least, string name)
    {
        if (value < least)
        {
            throw new InvalidShapeException(name, value, $"must be a whole number of at least {least.ToString(CultureInfo.InvariantCulture)}, got {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
