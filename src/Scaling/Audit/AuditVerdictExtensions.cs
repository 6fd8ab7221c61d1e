namespace Scaling.Audit;

/// <summary>The stable text form of an <see cref="AuditVerdict"/>, as JSON and tables print it.</summary>
public static class AuditVerdictExtensions
{
    /// <summary><c>undertrained</c>, <c>near-optimal</c> or <c>overtrained</c>.</summary>
    public static string ToText(this AuditVerdict verdict) => verdict switch
    {
        AuditVerdict.Undertrained => "undertrained",
        AuditVerdict.NearOptimal => "near-optimal",
        AuditVerdict.Overtrained => "overtrained",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "verdict must be a defined AuditVerdict."),
    };
}
