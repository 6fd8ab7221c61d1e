using Scaling.Hardware;
using Scaling.Resources;
using Scaling.Text;

namespace Scaling.Reports.Html;

/// <summary>What the budget buys on the chosen accelerator (GPUs, days, cost, energy, CO₂, water, embodied CO₂) and every assumption behind it.</summary>
internal static class BudgetSection
{
    /// <summary>Chowdhery et al. 2022 (PaLM): 46.2% model FLOPs utilisation (Table 3).</summary>
    public const string PalmSource = "Chowdhery et al. 2022, \"PaLM: Scaling Language Modeling with Pathways\", arXiv 2204.02311, Table 3 (46.2% MFU)";

    /// <summary>Llama Team 2024 (Llama 3): 38–43% MFU on 16K H100s (Table 4).</summary>
    public const string Llama3Source = "Llama Team 2024, \"The Llama 3 Herd of Models\", arXiv 2407.21783, Table 4 (38-43% MFU)";

    /// <summary>Llama Team 2024 (Llama 3): the 405B model's pre-training over 54 days (§3.3.4).</summary>
    public const string Llama3DaysSource = "Llama Team 2024, \"The Llama 3 Herd of Models\", arXiv 2407.21783, §3.3.4 (a 54-day period of 405B pre-training)";

    /// <summary>BigScience 2022 (BLOOM): 3.5 months on 48 nodes of 8 A100 GPUs (§3.5).</summary>
    public const string BloomSource = "BigScience Workshop 2022, \"BLOOM: A 176B-Parameter Open-Access Multilingual Language Model\", arXiv 2211.05100, §3.5 (48 nodes of 8 A100 GPUs, about 3.5 months)";

    public static void Write(HtmlWriter html, PlanFacts facts, Citations citations, IReadOnlyList<string> files)
    {
        html.Open("section", ("id", "budget"), ("aria-labelledby", "budget-title"));
        html.Element("h2", "What the budget buys", ("id", "budget-title"));
        if (facts.Budget?.Resources is not { } r)
        {
            html.Element("p", "No accelerator was given, so the plan stops at FLOPs; add --gpu NAME for GPUs, days, cost, energy and CO₂.");
            html.Close("section");
            return;
        }

        var a = r.Assumptions;
        string gpu = a.Accelerator.Name;
        html.Open("p").Text("Training takes ").Number("gpuHours", r.GpuHours, NumberText.Count(r.GpuHours)).Text($" GPU-hours of {gpu}: ")
            .Number("budget-days", r.Days, NumberText.Days(r.Days)).Text(" on ").Number("budget-gpus", r.Gpus, NumberText.Whole(r.Gpus))
            .Text($" {(r.Gpus == 1 ? "GPU" : "GPUs")} ({r.GpuCountExplanation}). It costs ").Number("budget-cost", r.CostEuros, NumberText.Euros(r.CostEuros)).Text(" at ")
            .Number("eurPerGpuHour", r.Rate.EurosPerGpuHour, NumberText.Price(r.Rate.EurosPerGpuHour)).Text(" per GPU-hour");
        if (r.KilowattHours is { } kwh && r.Co2Tonnes is { } co2)
        {
            html.Text(", draws ").Number("budget-energy", kwh, NumberText.KilowattHours(kwh)).Text(" from the grid and emits ")
                .Number("budget-co2", co2, NumberText.Tonnes(co2)).Text(" of CO₂.");
        }
        else
        {
            html.Text($". Energy and CO₂ are unknown: the catalog has no power figure for {gpu}.");
        }

        html.Close("p");
        Footprint(html, r);
        Assumptions(html, r, citations, ReportLayout.For(facts.Optimum.Parameters, r));
        html.Element("p", "Not included: activations (batch size, sequence length and checkpointing decide them), evaluation, data preparation, restarts after failures, storage and networking.", ("class", "note"));
        Options(html);
        if (files.Contains("plan.xlsx"))
        {
            html.Open("p", ("class", "beside")).Text("Change any assumption in the workbook's Inputs sheet: ").Link("plan.xlsx", "plan.xlsx").Text(".").Close("p");
        }

        html.Close("section");
    }

    /// <summary>
    /// A plan that runs over a year is one no one would start: a red warning that says so in words, with the cluster
    /// that would finish on the default schedule at the same cost.
    /// </summary>
    public static void LongPlanWarning(HtmlWriter html, ResourcePlan r)
    {
        if (!r.IsLongerThanAYear)
        {
            return;
        }

        double schedule = r.Assumptions.ScheduleDays ?? ResourceAssumptions.DefaultScheduleDays;
        double needed = GpuCount.ToWholeNodes(GpuCount.ToFinishWithin(r.GpuHours, schedule), r.Assumptions.GpusPerNode);
        html.Open("p", ("class", "warning"), ("id", "long-plan"), ("role", "alert")).Element("strong", "Warning: ")
            .Text("this plan runs for ").Number("long-plan-years", r.Days / ResourcePlan.LongPlanDays, NumberText.Significant(r.Days / ResourcePlan.LongPlanDays))
            .Text(" years, longer than anyone waits for one training run. Finishing in ").Number("long-plan-schedule", schedule, NumberText.Days(schedule))
            .Text(" takes ").Number("long-plan-gpus", needed, NumberText.Whole(needed)).Text(" GPUs at the same cost in GPU-hours.").Close("p");
    }

    private static void Assumptions(HtmlWriter html, ResourcePlan r, Citations citations, ReportLayout? layout)
    {
        var a = r.Assumptions;
        string precision = Precisions.Name(a.TrainingPrecision).ToUpperInvariant();
        html.ScrollBox().Open("table", ("id", "assumptions"), ("class", "reflow"));
        html.Element("caption", "The assumptions behind these numbers");
        html.Open("thead").Open("tr").Element("th", "Assumption", ("scope", "col")).Element("th", "Value", ("scope", "col"))
            .Element("th", "Why this value", ("scope", "col")).Close("tr").Close("thead");
        html.Open("tbody");
        Row(html, "Accelerator", a.Accelerator.Name, () =>
        {
            html.Text("the GPU the plan is priced and timed on ");
            PlanSection.CiteOrName(html, citations, a.Accelerator.Source);
        });
        Row(html, "Dense peak", () => html.Number("peakTeraflops", r.Rate.PeakFlopsPerSecond / 1e12, NumberText.Significant(r.Rate.PeakFlopsPerSecond / 1e12)).Text($" TFLOP/s in {precision}"),
            () => html.Text("the vendor's data sheet, without sparsity"));
        Row(html, "Model FLOPs utilisation", () => html.Number("mfu", r.Rate.Mfu, NumberText.Percent(r.Rate.Mfu)), () =>
        {
            html.Text("the share of peak large runs sustain: PaLM reported 46% ");
            citations.Cite(html, PalmSource);
            html.Text(", Llama 3 38–43% ");
            citations.Cite(html, Llama3Source);
        });
        Row(html, "Price", () => html.Number("price", r.Rate.EurosPerGpuHour, NumberText.Price(r.Rate.EurosPerGpuHour)).Text(" per GPU-hour"), () =>
            html.Text(a.EurosPerGpuHour is null
                ? $"a dated assumption ({a.Accelerator.PriceDate}): {a.Accelerator.PriceNote}"
                : "the price given"));
        Row(html, "Schedule", () => Schedule(html, a), () =>
        {
            if (a.DeadlineDays is not null)
            {
                html.Text("the deadline given");
                return;
            }

            html.Text("one pre-training run as teams carry it out: Llama 3 405B ran 54 days ");
            citations.Cite(html, Llama3DaysSource);
            html.Text(", BLOOM about 3.5 months on 48 nodes of 8 GPUs ");
            citations.Cite(html, BloomSource);
        });
        Row(html, "GPUs", () => html.Number("gpus-assumed", r.Gpus, NumberText.Whole(r.Gpus)), () => html.Text(r.GpuCountExplanation));
        Row(html, "Training state", () => html.Number("trainingBytesPerParameter", r.Memory.TrainingBytesPerParameter, NumberText.Significant(r.Memory.TrainingBytesPerParameter)).Text(" bytes/parameter = ")
            .Number("trainingMemoryBytes", r.Memory.TrainingStateBytes, NumberText.Bytes(r.Memory.TrainingStateBytes)), () =>
            html.Text($"{a.Recipe.Description}; {NumberText.Percent(a.UsableMemoryFraction)} of {NumberText.Significant(a.Accelerator.MemoryGigabytes)} GB usable per GPU"));
        Row(html, "Parallel layout", () =>
        {
            if (layout is { Choice: { } choice })
            {
                html.Text($"{choice.Layout} for {layout.Shape.Layers} layers × d_model {layout.Shape.DModel} at {NumberText.Whole(layout.ContextTokens)} tokens: ")
                    .Number("layoutMemoryPerGpuBytes", choice.Memory.TotalBytes, NumberText.Bytes(choice.Memory.TotalBytes)).Text(" per GPU");
            }
            else
            {
                html.Text(layout is null ? "no shape is proposed for a model of this size" : "no tensor, pipeline and data layout fits within the maximum GPUs");
            }
        }, () => html.Text("how tensor, pipeline and data parallelism with ZeRO spread the states and activations over these GPUs: ZeRO (Rajbhandari et al. 2020), activations (Korthikanti et al. 2022, Table 2), tensor before pipeline (Narayanan et al. 2021); memory only, not a measured speed"));
        if (r.Energy is { } energy)
        {
            Row(html, "Power", () => html.Number("wattsPerGpu", energy.WattsPerGpu, NumberText.Significant(energy.WattsPerGpu)).Text(" W per GPU, overhead ")
                .Number("overhead", energy.Overhead, NumberText.Percent(energy.Overhead)).Text(", PUE ").Number("pue", energy.Pue, NumberText.Exponent(energy.Pue)),
                () => html.Text("the board power from the data sheet, the servers around it, and the data centre's cooling: kWh = GPU-hours × W/1000 × (1 + overhead) × PUE"));
        }

        Row(html, "Grid", () => html.Number("gridGramsCo2PerKilowattHour", r.Carbon.GramsCo2PerKilowattHour, NumberText.Significant(r.Carbon.GramsCo2PerKilowattHour)).Text(" gCO₂/kWh"),
            () => html.Text("grams of CO₂ per kWh drawn, a mixed grid"));
        Row(html, "Water", () => html.Number("wueLitresPerKilowattHour", a.WueLitresPerKilowattHour, NumberText.Significant(a.WueLitresPerKilowattHour)).Text(" L/kWh on site, ")
                .Number("waterIntensityLitresPerKilowattHour", a.WaterIntensityLitresPerKilowattHour, NumberText.Significant(a.WaterIntensityLitresPerKilowattHour)).Text(" L/kWh off site"),
            () =>
            {
                html.Text($"water evaporated by the cooling on site and by the power plants off site; U.S. averages of {WaterModel.DefaultsDate} ");
                citations.Cite(html, WaterSource);
                html.Text("; litres = kWh / PUE × WUE + kWh × water intensity");
            });
        Row(html, "Embodied CO₂", () => html.Number("embodiedKilogramsPerGpu", a.EmbodiedKilogramsPerGpu, NumberText.Significant(a.EmbodiedKilogramsPerGpu)).Text(" kg per GPU + ")
                .Number("embodiedKilogramsPerServer", a.EmbodiedKilogramsPerServer, NumberText.Significant(a.EmbodiedKilogramsPerServer)).Text($" kg per server of {a.GpusPerNode}, over ")
                .Number("hardwareLifetimeYears", a.HardwareLifetimeYears, NumberText.Significant(a.HardwareLifetimeYears)).Text(" years at ")
                .Number("hardwareUtilisation", a.HardwareUtilisation, NumberText.Percent(a.HardwareUtilisation)).Text(" use"),
            () =>
            {
                html.Text("the GPUs' and servers' manufacture, shared over their working life: BLOOM's A100 servers ");
                citations.Cite(html, EmbodiedSource);
            });
        Row(html, "Compute", "C = 6·N·D", () => html.Text("GPU-hours = C / (3600 × peak × MFU); no failed runs"));
        html.Close("tbody").Close("table").Close("div");
    }

    /// <summary>Li et al. 2023: on-site WUE and off-site water intensity (Table 1, U.S. averages).</summary>
    public const string WaterSource = "Li, Yang, Islam and Ren 2023, \"Making AI Less 'Thirsty'\", arXiv 2304.03271, Table 1 (U.S. averages: WUE 0.55 L/kWh, EWIF 3.142 L/kWh)";

    /// <summary>Luccioni et al. 2023: BLOOM's embodied emissions (150 kg per GPU, 2,500 kg per server, 6 years, 85%).</summary>
    public const string EmbodiedSource = "Luccioni, Viguier and Ligozat 2023, \"Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model\", JMLR 24:253, arXiv 2211.02001 (embodied emissions)";

    private static void Footprint(HtmlWriter html, ResourcePlan r)
    {
        html.Open("p");
        if (r.Water is { } water)
        {
            html.Text("It consumes ").Number("waterLitres", water.Total, NumberText.Litres(water.Total)).Text(" of water: ")
                .Number("waterOnSiteLitres", water.OnSite, NumberText.Litres(water.OnSite)).Text(" evaporated by the cooling on site and ")
                .Number("waterOffSiteLitres", water.OffSite, NumberText.Litres(water.OffSite)).Text(" by the power plants off site. ");
        }

        html.Text("The hardware's manufacture adds ").Number("embodiedCo2Tonnes", r.EmbodiedCo2Tonnes, NumberText.Tonnes(r.EmbodiedCo2Tonnes))
            .Text(" of CO₂, its share of the GPUs' and servers' embodied emissions over their lifetime.");
        html.Close("p");
    }

    private static void Schedule(HtmlWriter html, ResourceAssumptions a)
    {
        if (a.Gpus is not null)
        {
            html.Text("none: the GPU count is given");
            return;
        }

        double days = a.DeadlineDays ?? a.ScheduleDays ?? 0;
        if (days > 0)
        {
            html.Number("schedule-days", days, NumberText.Days(days)).Text(a.DeadlineDays is null ? " (default)" : " (deadline)");
        }
        else
        {
            html.Text("none: the fewest GPUs that hold the model");
        }

        if (a.GpusPerNode > 1)
        {
            html.Text(", whole nodes of ").Number("gpus-per-node", a.GpusPerNode, NumberText.Whole(a.GpusPerNode)).Text(" GPUs");
        }
    }

    // The command-line options behind the table, as a footnote: the table speaks in words to a reader deciding.
    private static void Options(HtmlWriter html)
    {
        (string What, string[] Options)[] options =
        [
            ("accelerator", ["--gpu NAME"]), ("dense peak", ["--precision", "--peak-tflops"]), ("utilisation", ["--mfu"]),
            ("price", ["--eur-per-gpu-hour"]), ("schedule", ["--days T", "--gpus N", "--gpus-per-node N"]),
            ("training state", ["--bytes-per-parameter", "--usable-memory"]), ("power", ["--watts-per-gpu", "--overhead", "--pue"]),
            ("grid", ["--grid-gco2-per-kwh"]), ("water", ["--wue", "--water-intensity"]),
            ("embodied CO₂", ["--embodied-kg-per-gpu", "--embodied-kg-per-server", "--hardware-lifetime-years", "--hardware-utilisation"]),
        ];
        html.Open("p", ("class", "note footnote"), ("id", "assumption-options"))
            .Text("To change an assumption, give its option to scaling report or scaling plan (a deadline with --days, the cluster you have with --gpus): ");
        for (int i = 0; i < options.Length; i++)
        {
            html.Text((i == 0 ? string.Empty : "; ") + options[i].What + " ");
            for (int j = 0; j < options[i].Options.Length; j++)
            {
                html.Text(j == 0 ? string.Empty : ", ").Element("code", options[i].Options[j]);
            }
        }

        html.Text(".").Close("p");
    }

    private static void Row(HtmlWriter html, string name, string value, Action basis) => Row(html, name, () => html.Text(value), basis);

    private static void Row(HtmlWriter html, string name, Action value, Action basis)
    {
        html.Open("tr").Element("th", name, ("scope", "row")).Open("td");
        value();
        html.Close("td").Open("td");
        basis();
        html.Close("td").Close("tr");
    }
}
