namespace Scaling.Audit;

/// <summary>
/// What an audit of several models says in sum: how many are undertrained, near-optimal and overtrained, the model to
/// lead with and the largest waste. The wording is the caller's; the choices are made here.
/// </summary>
/// <example><code>
/// var findings = AuditFindings.Of(rows, predictsLoss: true);
/// // findings.Headline: GPT-3 (2020), the earliest undertrained model, the generation Chinchilla corrected
/// </code></example>
public sealed record AuditFindings
{
    private AuditFindings(IReadOnlyList<AuditedModel> rows, bool predictsLoss)
    {
        Models = rows;
        PredictsLoss = predictsLoss;
        Undertrained = rows.Where(r => r.Audit.Verdict == AuditVerdict.Undertrained).ToList();
        NearOptimal = rows.Where(r => r.Audit.Verdict == AuditVerdict.NearOptimal).ToList();
        Overtrained = rows.Where(r => r.Audit.Verdict == AuditVerdict.Overtrained).ToList();

        // The earliest undertrained model (the generation Chinchilla corrected), the largest compute among equals.
        Headline = Undertrained.OrderBy(r => r.Model.Year ?? int.MaxValue).ThenByDescending(r => r.Audit.Flops).FirstOrDefault()
            ?? (rows.Count == 1 ? rows[0] : null);
        var worst = predictsLoss && Undertrained.Count > 1 ? Undertrained.MaxBy(r => r.Audit.WastedComputeFraction ?? 0) : null;
        LargestWaste = ReferenceEquals(worst, Headline) ? null : worst;
    }

    /// <summary>Every model audited, in the caller's order.</summary>
    public IReadOnlyList<AuditedModel> Models { get; }

    /// <summary>Whether the law predicts loss (a loss law), so that loss gaps and wasted compute exist.</summary>
    public bool PredictsLoss { get; }

    /// <summary>The undertrained models (N/N* above the tolerance), in the caller's order.</summary>
    public IReadOnlyList<AuditedModel> Undertrained { get; }

    /// <summary>The near-optimal models.</summary>
    public IReadOnlyList<AuditedModel> NearOptimal { get; }

    /// <summary>The overtrained models (usually on purpose, for cheaper inference).</summary>
    public IReadOnlyList<AuditedModel> Overtrained { get; }

    /// <summary>The model to lead with: the earliest undertrained one, else the only model audited, else none.</summary>
    public AuditedModel? Headline { get; }

    /// <summary>
    /// The undertrained model that wastes the largest share of its compute, when the law predicts loss, more than one
    /// model is undertrained and it is not already <see cref="Headline"/>.
    /// </summary>
    public AuditedModel? LargestWaste { get; }

    /// <summary>The findings of <paramref name="rows"/>, audited under a law that does (or does not) predict loss.</summary>
    public static AuditFindings Of(IReadOnlyList<AuditedModel> rows, bool predictsLoss)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new AuditFindings(rows, predictsLoss);
    }
}
