using ClosedXML.Excel;
using Scaling.Architecture;
using Scaling.Hardware;
using Scaling.Laws;
using Scaling.Reports.Workbooks;

namespace Scaling.Tests.Reports.Workbooks;

public class ArchitectureSheetTests
{
    private static readonly PlanWorkbookContent Content = PlanWorkbookContent.Create(LawPresets.Default, 5.76e23);

    private static double Named(XLWorkbook workbook, string name)
    {
        var cell = workbook.Range(name).FirstCell();
        Assert.True(cell.HasFormula, $"{name} should be a live formula");
        return cell.GetDouble();
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void ArchitectureFormulas_EqualTheLibraryForTheProposedShape()
    {
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(Content)));
        var shape = ShapeDesigner.Propose(Content.Optimum.Parameters, new ShapeRequest()); // as the sheet proposes it
        var profile = ArchitectureProfile.Create(shape, 4096, Content.Optimum.Tokens);
        AssertClose(shape.Parameters, Named(workbook, "Arch_parameters"));
        AssertClose(shape.NonEmbeddingParameters, Named(workbook, "Arch_nonEmbeddingParameters"));
        AssertClose(profile.FlopsPerToken, Named(workbook, "Arch_flopsPerToken"));
        AssertClose(shape.KvCacheBytesPerToken(Precision.Bf16), Named(workbook, "Arch_kvCachePerToken"));
        AssertClose(shape.WeightsBytes(Precision.Int4), Named(workbook, "Arch_weightsInt4"));
        AssertClose(profile.TrainingStateBytes, Named(workbook, "Arch_trainingState"));
        AssertClose(profile.ActivationBytes(Recomputation.None), Named(workbook, "Arch_activationsNone"));
        AssertClose(profile.ActivationBytes(Recomputation.Full), Named(workbook, "Arch_activationsFull"));
        AssertClose(profile.Hyperparameters!.LearningRate, Named(workbook, "Arch_learningRate"));
        AssertClose(profile.Hyperparameters.BatchTokens, Named(workbook, "Arch_batchTokens"));
        AssertClose(profile.AlternativeHyperparameters!.LearningRate, Named(workbook, "Arch_learningRateStepLaw"));
        AssertClose(PrecisionLaw.Kumar2024.PtqGrowth(Content.Optimum.Tokens / shape.Parameters), Named(workbook, "Arch_ptqGrowth"));
        AssertClose(profile.CriticalBatchTokens!.Value, Named(workbook, "Arch_criticalBatchTokens"));
        AssertClose(profile.Ptq!.Int4LossPenalty, Named(workbook, "Arch_ptqInt4"));
        AssertClose(profile.Ptq.Int8LossPenalty, Named(workbook, "Arch_ptqInt8"));
        AssertClose(profile.Ptq.Int4CriticalTokens, Named(workbook, "Arch_ptqCriticalTokensInt4"));
    }

    [Fact]
    public void ArchitectureFormulas_FollowAChangedShape()
    {
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(Content)));
        // Llama-2-7B typed into the shaded cells: 6,738,415,616 parameters and 524,288 KV bytes per token.
        foreach (var (name, value) in new[] { ("Arch_layers", 32), ("Arch_dModel", 4096), ("Arch_heads", 32), ("Arch_kvHeads", 32), ("Arch_headSize", 128), ("Arch_ffnSize", 11008), ("Arch_vocabulary", 32000) })
        {
            workbook.Range(name).FirstCell().Value = value;
        }

        workbook.RecalculateAllFormulas();
        Assert.Equal(6_738_415_616, Named(workbook, "Arch_parameters"));
        Assert.Equal(524_288, Named(workbook, "Arch_kvCachePerToken"));
    }

    private static readonly PlanWorkbookContent WithGpu = Content with
    {
        Resources = new Scaling.Resources.ResourceAssumptions(HardwareCatalog.Default.Get("H100-SXM")),
    };

    [Fact]
    public void LayoutFormulas_EqualTheLibraryForTheProposedLayout()
    {
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(WithGpu)));
        var plan = Scaling.Resources.ResourcePlan.Create(WithGpu.Optimum.Flops, WithGpu.Optimum.Parameters, WithGpu.Resources!);
        var layout = Scaling.Reports.ReportLayout.For(WithGpu.Optimum.Parameters, plan);
        var choice = layout!.Choice!;
        AssertClose(choice.Layout.Gpus, Named(workbook, "Arch_layoutGpus"));
        AssertClose(choice.Memory.ModelStateBytes, Named(workbook, "Arch_modelStatesPerGpu"));
        AssertClose(choice.Memory.ActivationBytes, Named(workbook, "Arch_activationsPerGpu"));
        AssertClose(choice.Memory.TotalBytes, Named(workbook, "Arch_memoryPerGpu"));
        Assert.True(Named(workbook, "Arch_layoutHeadroom") >= 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void LayoutFormulas_FollowAChangedZeroStage(int stage)
    {
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(WithGpu)));
        workbook.Range("Arch_zeroStage").FirstCell().Value = stage;
        workbook.RecalculateAllFormulas();
        var shape = ShapeDesigner.Propose(WithGpu.Optimum.Parameters, new ShapeRequest());
        var sheetLayout = Scaling.Parallelism.ParallelLayout.Create(
            (int)Named(workbook, "Arch_layoutGpus") / (int)workbook.Range("Arch_data").FirstCell().GetDouble() / (int)workbook.Range("Arch_pipeline").FirstCell().GetDouble(),
            (int)workbook.Range("Arch_pipeline").FirstCell().GetDouble(), (int)workbook.Range("Arch_data").FirstCell().GetDouble(),
            zero: (Scaling.Parallelism.ZeroStage)stage, recompute: (Recomputation)(int)workbook.Range("Arch_recompute").FirstCell().GetDouble());
        var memory = Scaling.Parallelism.LayoutMemory.For(shape, 4096, sheetLayout, Scaling.Resources.TrainingStateRecipe.MixedPrecisionAdamW);
        AssertClose(memory.ModelStateBytes, Named(workbook, "Arch_modelStatesPerGpu"));
    }

    [Fact]
    public void LayoutRows_WithoutAnAccelerator_AreLeftOut()
    {
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(Content)));
        Assert.False(workbook.NamedRanges.Contains("Arch_zeroStage"));
    }

    [Theory]
    [InlineData("Arch_weightsBf16")]
    [InlineData("Arch_trainingState")]
    [InlineData("Arch_activationsNone")]
    public void Bytes_ReadInGigabytesOrTerabytes(string name)
    {
        // On main: "1.44e+11 bytes".
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(Content)));
        string format = workbook.Range(name).FirstCell().Style.NumberFormat.Format;
        Assert.Contains("\" GB\"", format, StringComparison.Ordinal);
        Assert.Contains("\" TB\"", format, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Arch_flopsPerToken")]
    [InlineData("Arch_batchTokens")]
    [InlineData("Arch_criticalBatchTokens")]
    public void FlopsAndTokens_ReadAsCountsLikeThePlanSheet(string name)
    {
        // On main: "4.66e+11 FLOPs"; the Plan sheet writes N* as "72.2 B".
        using var workbook = new XLWorkbook(new MemoryStream(PlanWorkbook.ToBytes(Content)));
        Assert.Equal(workbook.Range("Plan_parameters").FirstCell().Style.NumberFormat.Format, workbook.Range(name).FirstCell().Style.NumberFormat.Format);
    }
}
