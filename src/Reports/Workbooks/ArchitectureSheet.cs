using System.Globalization;
using ClosedXML.Excel;
using Scaling.Architecture;
using Scaling.Text;

namespace Scaling.Reports.Workbooks;

/// <summary>
/// The <c>Architecture</c> sheet: a shape proposed for the plan's N* (Llama conventions: SwiGLU, RMSNorm, untied
/// embeddings) as shaded inputs, and live formulas for its exact parameters, training FLOPs per token (Hoffmann et al.
/// 2022, App. F), weights per precision, training state, activations (Korthikanti et al. 2022, Table 2), KV cache,
/// the learning rate and batch of DeepSeek LLM (Eq. 1) and Step Law and Kaplan et al. 2020's critical batch for the plan's
/// tokens, and the post-training-quantisation penalty of Kumar et al. 2024 (Eq. 2) at INT4 and INT8.
/// </summary>
internal static class ArchitectureSheet
{
    public const string SheetName = "Architecture";

    private const string Layers = "Arch_layers", DModel = "Arch_dModel", Heads = "Arch_heads", KvHeads = "Arch_kvHeads",
        HeadSize = "Arch_headSize", Ffn = "Arch_ffnSize", Vocabulary = "Arch_vocabulary", Context = "Arch_context",
        PerLayer = "Arch_parametersPerLayer", NonEmbedding = "Arch_nonEmbeddingParameters", Parameters = "Arch_parameters",
        Flops = "Arch_flopsPerToken", DeepSeekM = "Arch_deepSeekFlopsPerToken", KaplanLoss = "Arch_kaplanLoss",
        Tensor = "Arch_tensor", Pipeline = "Arch_pipeline", Data = "Arch_data", Zero = "Arch_zeroStage", Recompute = "Arch_recompute",
        MicroBatch = "Arch_microBatch", LayoutStates = "Arch_modelStatesPerGpu", LayoutActivations = "Arch_activationsPerGpu", LayoutMemory = "Arch_memoryPerGpu";

    /// <summary>The proposed shape for the workbook's plan.</summary>
    public static TransformerShape Shape(PlanWorkbookContent content) =>
        ShapeDesigner.Propose(content.Optimum.Parameters, new ShapeRequest());

    /// <summary>The rows, inputs first; tests evaluate every formula against the library.</summary>
    public static IReadOnlyList<WorkbookRow> Rows(PlanWorkbookContent content)
    {
        var s = Shape(content);
        string tokens = WorkbookNames.PlanTokens;
        string q = $"({Heads}*{HeadSize})", kv = $"({KvHeads}*{HeadSize})";
        string ptqScale = $"0.0598*POWER({tokens},0.5068)/POWER({Parameters},0.3439)";
        return
        [
            Input("Layers", Layers, s.Layers, "Transformer blocks; proposed for N* at d_model/layers ≈ 100 (Kaplan et al. 2020 §3.1; Hoffmann et al. 2022 Table A9)."),
            Input("d_model", DModel, s.DModel, "Residual width."),
            Input("Heads", Heads, s.Heads, "Query heads."),
            Input("Key/value heads", KvHeads, s.KvHeads, "Fewer than the heads for grouped-query attention."),
            Input("Head size", HeadSize, s.HeadSize, "64 up to d_model 1024, 128 above (Hoffmann et al. 2022, Table A9)."),
            Input("Feed-forward size", Ffn, s.FfnSize, "SwiGLU: 8/3·d_model rounded up to a multiple of 256 (Llama), moved in steps of 256 where the proposal needs it to land within 1% of N*."),
            Input("Vocabulary", Vocabulary, s.Vocabulary, "As Chinchilla and Llama 2."),
            Input("Context", Context, ReportLayout.Context, "Sequence length in tokens."),
            Computed("Parameters per layer", PerLayer, $"{DModel}*{q}+2*{DModel}*{kv}+{q}*{DModel}+3*{DModel}*{Ffn}+2*{DModel}", "parameters", WorkbookFormats.Whole,
                "Q, K, V, O + three SwiGLU matrices + two RMSNorm gains."),
            Computed("Non-embedding parameters", NonEmbedding, $"{Layers}*{PerLayer}+{DModel}", "parameters", WorkbookFormats.Whole, "Layers × per layer + final norm (Kaplan et al. 2020's N)."),
            Computed("Parameters", Parameters, $"{NonEmbedding}+2*{Vocabulary}*{DModel}", "parameters", WorkbookFormats.Whole, "Plus untied input and output embeddings."),
            Computed("Training FLOPs per token", Flops,
                $"3*({Layers}*(2*{DModel}*({q}+2*{kv})+2*{q}*{DModel}+4*{Context}*{q}+3*{Heads}*{Context}+6*{DModel}*{Ffn})+4*{Vocabulary}*{DModel})",
                "FLOPs", WorkbookFormats.Count, "Hoffmann et al. 2022, App. F: every product, softmax, embeddings and logits; backward = 2 × forward."),
            Computed("… relative to 6·N", "Arch_flopsOverSixN", $"{Flops}/(6*{Parameters})", "-", WorkbookFormats.Exponent, "Attention over the context is what 6·N leaves out."),
            Computed("Weights in BF16", "Arch_weightsBf16", $"2*{Parameters}", "", WorkbookFormats.Bytes, "2 bytes per parameter (FP32 4, FP8/INT8 1)."),
            Computed("Weights in INT4", "Arch_weightsInt4", $"0.5*{Parameters}", "", WorkbookFormats.Bytes, "Half a byte per parameter, before quantisation scales."),
            Computed("Training state (AdamW, mixed precision)", "Arch_trainingState", $"16*{Parameters}", "", WorkbookFormats.Bytes, "16 bytes per parameter; activations come on top."),
            Computed("Activations per sequence, none recomputed", "Arch_activationsNone", $"{Layers}*{Context}*{DModel}*(34+5*{Heads}*{Context}/{DModel})", "", WorkbookFormats.Bytes,
                "Korthikanti et al. 2022, Table 2: s·b·h·(34 + 5·a·s/h) per layer, micro-batch 1."),
            Computed("Activations per sequence, full recomputation", "Arch_activationsFull", $"{Layers}*2*{Context}*{DModel}", "", WorkbookFormats.Bytes, "2·s·b·h per layer (each layer's input)."),
            Computed("KV cache per token (BF16)", "Arch_kvCachePerToken", $"2*{Layers}*{kv}*2", "bytes", WorkbookFormats.Whole, "2 (K and V) · layers · KV heads · head size · 2 bytes."),
            Computed("DeepSeek FLOPs per token M", DeepSeekM, $"72*{Layers}*{DModel}^2+12*{Layers}*{DModel}*{Context}", "FLOPs", WorkbookFormats.Count, "DeepSeek LLM (arXiv 2401.02954), Eq. 2."),
            Computed("Learning rate (DeepSeek)", "Arch_learningRate", $"0.3118*POWER({DeepSeekM}*{tokens},-0.125)", "-", WorkbookFormats.Scientific, "DeepSeek LLM, Eq. 1: 0.3118·C^−0.125 with C = M·D* (Plan sheet)."),
            Computed("Batch (DeepSeek)", "Arch_batchTokens", $"0.292*POWER({DeepSeekM}*{tokens},0.3271)", "tokens", WorkbookFormats.Count, "DeepSeek LLM, Eq. 1: 0.2920·C^0.3271."),
            Computed("Learning rate (Step Law)", "Arch_learningRateStepLaw", $"1.79*POWER({NonEmbedding},-0.713)*POWER({tokens},0.307)", "-", WorkbookFormats.Scientific, "Li et al. 2025 (arXiv 2503.04715): 1.79·N^−0.713·D^0.307."),
            Computed("Batch (Step Law)", "Arch_batchTokensStepLaw", $"0.58*POWER({tokens},0.571)", "tokens", WorkbookFormats.Count, "Li et al. 2025: 0.58·D^0.571."),
            Computed("Loss by Kaplan's L(N, D)", KaplanLoss, $"POWER(POWER(6.4E+13/{NonEmbedding},0.076/0.103)+1.8E+13/{tokens},0.103)", "nats/token", WorkbookFormats.Loss,
                "Kaplan et al. 2020, Eq. 1.5 (§4 fit): α_N 0.076, α_D 0.103, N_c 6.4e13, D_c 1.8e13; WebText2 loss, used only for the critical batch."),
            Computed("Critical batch (Kaplan)", "Arch_criticalBatchTokens", $"2E+8/POWER({KaplanLoss},1/0.21)", "tokens", WorkbookFormats.Count,
                "Kaplan et al. 2020, Eq. 1.4: B_crit = B*/L^(1/α_B), B* 2e8 tokens, α_B 0.21; beyond it more batch buys little per step."),
            Computed("PTQ degradation vs 20 tokens/parameter", "Arch_ptqGrowth", $"POWER({tokens}/{Parameters}/20,0.5068)", "×", WorkbookFormats.Ratio,
                "Kumar et al. 2024 (arXiv 2411.04330): δ_PTQ ∝ D^0.5068/N^0.3439 (Table 2); above 2× quantise with calibration or train quantisation-aware."),
            Computed("PTQ loss penalty at INT4", "Arch_ptqInt4", $"{ptqScale}*EXP(-4/0.5907)", "nats/token", WorkbookFormats.Scientific,
                "Kumar et al. 2024, Eq. 2: C_T·D^γ_D/N^γ_N·e^(−P/γ_post), C_T 0.0598, γ_D 0.5068, γ_N 0.3439, γ_post 0.5907 (Table 2); on its Dolma runs."),
            Computed("PTQ loss penalty at INT8", "Arch_ptqInt8", $"{ptqScale}*EXP(-8/0.5907)", "nats/token", WorkbookFormats.Scientific, "The same at 8 bits."),
            Computed("INT4 critical data size", "Arch_ptqCriticalTokensInt4",
                $"POWER(0.4965*18060*POWER({Parameters},0.3439)*EXP(4/0.5907)/(0.5068*0.0598),1/(0.4965+0.5068))", "tokens", WorkbookFormats.Count,
                "Kumar et al. 2024, §3.1: past these tokens more training raises the INT4 model's loss (B·D^−β + δ_PTQ least; B 1.806e4, β 0.4965)."),
        ];
    }

    /// <summary>
    /// The parallel-layout rows, with an accelerator only: the layout <c>scaling plan --layout auto</c> proposes as
    /// shaded inputs (tensor, pipeline and data degrees, ZeRO stage, recomputation, micro-batch) and live formulas for
    /// the per-GPU model states (Rajbhandari et al. 2020, §5.1), activations (Korthikanti et al. 2022, Table 2, sequence
    /// parallel with the tensor parallelism) and their sum against the usable memory of the Inputs sheet.
    /// </summary>
    public static IReadOnlyList<WorkbookRow> LayoutRows(PlanWorkbookContent content)
    {
        if (content.Resources is not { } resources)
        {
            return [];
        }

        var plan = Scaling.Resources.ResourcePlan.Create(content.Optimum.Flops, content.Optimum.Parameters, resources);
        if (ReportLayout.For(content.Optimum.Parameters, plan) is not { } layout)
        {
            return [];
        }

        var l = layout.Choice?.Layout ?? Scaling.Parallelism.ParallelLayout.Create(8, 1, Math.Max(1, plan.Gpus / 8));
        string psi = $"({Parameters}/({Tensor}*{Pipeline}))", k = $"({WorkbookNames.TrainingBytesPerParameter}-4)";
        string sbh = $"{Context}*{MicroBatch}*{DModel}";
        string found = layout.Choice is null
            ? "No layout fits within the maximum GPUs; these degrees are a starting point."
            : $"Proposed by 'scaling plan --layout auto': the fewest GPUs ({NumberText.Whole(l.Gpus)}) from the plan's {NumberText.Whole(layout.PlanGpus)} on which a layout fits.";
        return
        [
            Input("Tensor parallel", Tensor, l.Tensor, "Degrees divide the heads; at most 8, a server's NVLink domain (Narayanan et al. 2021, §3.4). " + found),
            Input("Pipeline parallel", Pipeline, l.Pipeline, "Stages of consecutive layers; divides the layers."),
            Input("Data parallel", Data, l.Data, "Replicas; GPUs = tensor × pipeline × data."),
            Input("ZeRO stage", Zero, (int)l.Zero, "0 none, 1 optimiser states, 2 + gradients, 3 + parameters (Rajbhandari et al. 2020, Figure 1).") with { Bounds = (0, 3) },
            Input("Recomputation", Recompute, (int)l.Recompute, "0 none, 1 selective, 2 full (Korthikanti et al. 2022).") with { Bounds = (0, 2) },
            Input("Micro-batch", MicroBatch, l.MicroBatch, "Sequences per micro-batch."),
            Computed("GPUs of the layout", "Arch_layoutGpus", $"{Tensor}*{Pipeline}*{Data}", "GPUs", WorkbookFormats.Whole, "Tensor × pipeline × data."),
            Computed("Parameters per GPU", "Arch_parametersPerGpu", psi, "parameters", WorkbookFormats.Scientific, "Ψ = parameters / (tensor × pipeline), before ZeRO."),
            Computed("Model states per GPU", LayoutStates,
                $"IF({Zero}=0,(4+{k})*{psi},IF({Zero}=1,4*{psi}+{k}*{psi}/{Data},IF({Zero}=2,2*{psi}+(2+{k})*{psi}/{Data},(4+{k})*{psi}/{Data})))", "bytes", WorkbookFormats.Scientific,
                "Rajbhandari et al. 2020, §5.1: 2Ψ weights + 2Ψ gradients + KΨ optimiser (K = bytes per parameter − 4), ZeRO sharding over the data-parallel replicas."),
            Computed("Activations per GPU", LayoutActivations,
                $"{Layers}*{sbh}*IF({Recompute}=0,(34+5*{Heads}*{Context}/{DModel})/{Tensor},IF({Recompute}=1,34/{Tensor},2))", "bytes", WorkbookFormats.Scientific,
                "Korthikanti et al. 2022, Table 2 with sequence parallelism: s·b·h·(34 + 5·a·s/h)/t, 34·s·b·h/t selective, 2·s·b·h full; 1F1B keeps L layers' worth on the first stage."),
            Computed("Memory per GPU", LayoutMemory, $"{LayoutStates}+{LayoutActivations}", "bytes", WorkbookFormats.Scientific, "Model states + activations; buffers and fragmentation left out."),
            Computed("Headroom per GPU", "Arch_layoutHeadroom", $"{WorkbookNames.GpuMemoryGigabytes}*1E9*{WorkbookNames.UsableMemoryFraction}-{LayoutMemory}", "bytes", WorkbookFormats.Scientific,
                "Usable memory (Inputs sheet) − memory per GPU: negative means the layout does not fit."),
        ];
    }

    public static void Write(XLWorkbook workbook, PlanWorkbookContent content)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        SheetLayout.Header(sheet, "Quantity", "Value", "Unit", "Formula and source");
        int end = SheetLayout.Rows(sheet, 2, [.. Rows(content), .. LayoutRows(content)]);
        sheet.Cell(end + 1, 1).Value = string.Create(CultureInfo.InvariantCulture,
            $"Shape proposed for N* = {NumberText.Count(content.Optimum.Parameters)} by 'scaling architecture'; change the shaded cells to try another. Left out: buffers, fragmentation, logits, pipeline micro-batches.");
        sheet.Cell(end + 1, 1).Style.Font.Italic = true;
        SheetLayout.Widths(sheet, 36, 16, 12, SheetLayout.NoteColumnWidth);
        SheetLayout.Wrap(sheet, 4, 2, end - 1);
    }

    private static WorkbookRow Input(string label, string name, int value, string note) =>
        WorkbookRow.Input(label, name, value, "-", WorkbookFormats.Whole, note) with { Bounds = (1, 1e7) };

    private static WorkbookRow Computed(string label, string name, string formula, string unit, string format, string note) =>
        WorkbookRow.Computed(label, name, formula, unit, format, note);
}
