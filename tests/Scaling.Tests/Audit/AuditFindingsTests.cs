using Scaling.Audit;
using Scaling.Laws;

namespace Scaling.Tests.Audit;

public class AuditFindingsTests
{
    private static IReadOnlyList<AuditedModel> Audited(ScalingLaw law) =>
        ModelRegistry.Published.Select(m => new AuditedModel(m, ModelAuditor.Create(law).Audit(m))).ToList();

    [Fact]
    public void Headline_IsTheEarliestUndertrainedModel()
    {
        var findings = AuditFindings.Of(Audited(LawPresets.Default), predictsLoss: true);
        int earliest = findings.Undertrained.Min(r => r.Model.Year ?? int.MaxValue);
        Assert.NotNull(findings.Headline);
        Assert.Equal(AuditVerdict.Undertrained, findings.Headline.Audit.Verdict);
        Assert.Equal(earliest, findings.Headline.Model.Year);
    }

    [Fact]
    public void LargestWaste_IsTheUndertrainedModelWastingMost_UnlessItIsTheHeadline()
    {
        var findings = AuditFindings.Of(Audited(LawPresets.Default), predictsLoss: true);
        var worst = findings.Undertrained.MaxBy(r => r.Audit.WastedComputeFraction ?? 0);
        Assert.Equal(ReferenceEquals(worst, findings.Headline) ? null : worst, findings.LargestWaste);
    }

    [Fact]
    public void Counts_PartitionTheModelsByVerdict()
    {
        var rows = Audited(LawPresets.Default);
        var findings = AuditFindings.Of(rows, predictsLoss: true);
        Assert.Equal(rows.Count, findings.Undertrained.Count + findings.NearOptimal.Count + findings.Overtrained.Count);
        Assert.All(findings.Overtrained, r => Assert.Equal(AuditVerdict.Overtrained, r.Audit.Verdict));
    }

    [Fact]
    public void AllocationRule_HasNoLargestWaste()
    {
        var findings = AuditFindings.Of(Audited(LawPresets.Tokens20), predictsLoss: false);
        Assert.True(findings.Undertrained.Count > 1);
        Assert.Null(findings.LargestWaste);
    }

    [Fact]
    public void OneModel_IsItsOwnHeadline()
    {
        var one = Audited(LawPresets.Default).Where(r => r.Audit.Verdict == AuditVerdict.Overtrained).Take(1).ToList();
        Assert.Same(one[0], AuditFindings.Of(one, predictsLoss: true).Headline);
    }
}
