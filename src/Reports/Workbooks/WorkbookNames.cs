namespace Scaling.Reports.Workbooks;

/// <summary>
/// The workbook-scoped names of input and result cells, which the formulas use instead of addresses.
/// None looks like a cell reference (such as <c>E1</c> or <c>R1C1</c>), which Excel would refuse.
/// </summary>
internal static class WorkbookNames
{
    public const string BudgetFlops = "Budget_flops";
    public const string FlopsPerParameterToken = "Flops_per_parameter_token";
    public const string LawE = "Law_E";
    public const string LawA = "Law_A";
    public const string LawB = "Law_B";
    public const string LawAlpha = "Law_alpha";
    public const string LawBeta = "Law_beta";

    public const string BudgetEuros = "Budget_euros";
    public const string GpuName = "Gpu_name";
    public const string GpuPrecision = "Gpu_precision";
    public const string GpuPeakFlopsPerSecond = "Gpu_peak_flops_per_second";
    public const string Mfu = "Mfu";
    public const string EurosPerGpuHour = "Euros_per_gpu_hour";
    public const string EurosPerGpuHourGiven = "Euros_per_gpu_hour_given";
    public const string GpuMemoryGigabytes = "Gpu_memory_gigabytes";
    public const string UsableMemoryFraction = "Usable_memory_fraction";
    public const string TrainingBytesPerParameter = "Training_bytes_per_parameter";
    public const string GpusGiven = "Gpus_given";
    public const string DeadlineDays = "Deadline_days";
    public const string ScheduleDays = "Schedule_days";
    public const string GpusPerNode = "Gpus_per_node";
    public const string MaxGpus = "Max_gpus";
    public const string WattsPerGpu = "Watts_per_gpu";
    public const string WattsPerGpuGiven = "Watts_per_gpu_given";
    public const string PowerOverhead = "Power_overhead";
    public const string Pue = "Pue";
    public const string GridGramsPerKilowattHour = "Grid_gco2_per_kwh";
    public const string WueLitresPerKilowattHour = "Wue_litres_per_kwh";
    public const string WaterIntensityLitresPerKilowattHour = "Water_intensity_litres_per_kwh";
    public const string EmbodiedKilogramsPerGpu = "Embodied_kg_per_gpu";
    public const string EmbodiedKilogramsPerServer = "Embodied_kg_per_server";
    public const string HardwareLifetimeYears = "Hardware_lifetime_years";
    public const string HardwareUtilisation = "Hardware_utilisation";

    // The calibrated forecast of N* (fitted to the user's runs): ln N* = c0 + c1·u + c2·u², u = ln C − ln C0, and the
    // variance of ln N̂ as a polynomial in u (v0 … v4), with the calibrated quantile q.
    public const string ForecastOrigin = "Forecast_origin_ln_flops";
    public const string ForecastQuantile = "Forecast_quantile";
    public const string ForecastLargestBudgetFlops = "Forecast_largest_budget_flops";

    /// <summary>c_k of ln N* = c0 + c1·u + c2·u².</summary>
    public static string ForecastCoefficient(int k) => $"Forecast_c{k}";

    /// <summary>v_k of Var ln N̂ = v0 + v1·u + … + v4·u⁴.</summary>
    public static string ForecastVariance(int k) => $"Forecast_v{k}";

    public const string PlanFlops = "Plan_flops";
    public const string PlanForecastU = "Plan_forecast_u";
    public const string PlanForecastScale = "Plan_forecast_scale";
    public const string PlanParametersLower = "Plan_parameters_lower";
    public const string PlanParametersUpper = "Plan_parameters_upper";

    // The law's own optimum at the budget: the same cells as the plan's without a forecast, rows of their own with one.
    public const string LawExponentA = "Law_exponent_a";
    public const string LawParameters = "Law_parameters";
    public const string LawTokens = "Law_tokens";
    public const string LawLoss = "Law_loss";

    public const string PlanG = "Plan_G";
    public const string PlanExponentA = "Plan_exponent_a";
    public const string PlanExponentB = "Plan_exponent_b";
    public const string PlanParameters = "Plan_parameters";
    public const string PlanTokens = "Plan_tokens";
    public const string PlanTokensPerParameter = "Plan_tokens_per_parameter";
    public const string PlanLoss = "Plan_loss";
    public const string PlanGpuHours = "Plan_gpu_hours";
    public const string PlanCostEuros = "Plan_cost_euros";
    public const string PlanTrainingMemoryBytes = "Plan_training_memory_bytes";
    public const string PlanMinimumGpus = "Plan_minimum_gpus";
    public const string PlanGpus = "Plan_gpus";
    public const string PlanDays = "Plan_days";
    public const string PlanKilowattHours = "Plan_kilowatt_hours";
    public const string PlanCo2Tonnes = "Plan_co2_tonnes";
    public const string PlanWaterOnSiteLitres = "Plan_water_on_site_litres";
    public const string PlanWaterOffSiteLitres = "Plan_water_off_site_litres";
    public const string PlanWaterLitres = "Plan_water_litres";
    public const string PlanEmbodiedCo2Tonnes = "Plan_embodied_co2_tonnes";

    public const string NearParameterTerm = "Near_parameter_term";
    public const string NearDataTerm = "Near_data_term";

    /// <summary>The smallest N whose loss at the budget is within <paramref name="tolerance"/> (0.005, 0.01) of the optimum.</summary>
    public static string NearParametersLow(double tolerance) => $"Near_parameters_low_{Percent(tolerance)}";

    /// <summary>The largest N whose loss at the budget is within <paramref name="tolerance"/> of the optimum.</summary>
    public static string NearParametersHigh(double tolerance) => $"Near_parameters_high_{Percent(tolerance)}";

    /// <summary>The N* column of the <c>Law spread</c> sheet, one row per preset law.</summary>
    public const string SpreadParameters = "Spread_parameters";

    /// <summary>The law names of the <c>Law spread</c> sheet.</summary>
    public const string SpreadLaws = "Spread_laws";

    // 0.005 → "0_5pct", 0.01 → "1pct".
    private static string Percent(double tolerance) =>
        (tolerance * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture).Replace('.', '_') + "pct";
}
