using System.CommandLine;
using Scaling.Cli.Commands.Fit;
using Scaling.Cli.Shared;
using Scaling.Fitting.Approach3;
using Scaling.Fitting.Bootstrap;
using Scaling.Fitting.Extrapolation;
using Scaling.Fitting.Runs;
using Scaling.Laws;
using Scaling.Reports;
using Scaling.Reports.Html;
using Scaling.Text;

namespace Scaling.Cli.Commands.Report;

/// <summary>
/// <c>scaling report</c>: the main job. Renders the figures and the workbook for a budget and writes them to a
/// directory (<c>./out</c> by default), all or nothing.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The budget of the embedded default report: Gopher's, 5.76e23 FLOPs (Hoffmann et al. 2022, Table 3).</summary>
    public const double DefaultFlops = 5.76e23;

    /// <summary>The accelerator of the default report; the most common training GPU of 2024–2026.</summary>
    public const string DefaultGpu = Scaling.Hardware.HardwareCatalog.DefaultAcceleratorName;

    // Stops between refits when SIGINT or SIGTERM arrives (a fit of a million runs takes minutes). Runs that form IsoFLOP
    // budgets also get the calibrated forecast of N* with their own back-test; others get the fit alone.
    private static (ParametricFitResult Fit, BootstrapResult Bootstrap, FitForecast Forecast) Fit(InputFile file, double budgetFlops, Interruption interruption)
    {
        var runs = file.Read(RunsCsv.Read);
        try
        {
            var fit = ParametricFit.Fit(runs, cancellationToken: interruption.Token);
            var bootstrap = ParametricBootstrap.Run(fit, new BootstrapOptions { Resamples = 1000, Flops = budgetFlops }, cancellationToken: interruption.Token);
            var forecast = TryExtrapolate(runs, interruption.Token);
            interruption.ThrowIfRequested();
            return (fit, bootstrap, forecast);
        }
        catch (OperationCanceledException)
        {
            interruption.ThrowIfRequested();
            throw;
        }
    }

    // The forecast's back-test fits a loss law per origin: about a minute on a million runs, so it stops on a signal too.
    private static FitForecast TryExtrapolate(IReadOnlyList<TrainingRun> runs, CancellationToken cancellationToken)
    {
        try
        {
            return new FitForecast(Extrapolator.Fit(runs, cancellationToken: cancellationToken), null);
        }
        catch (UnusableRunsException e)
        {
            // Runs without IsoFLOP budgets: the report has the fit but no calibrated forecast or back-test, and says why.
            return new FitForecast(null, e.Message);
        }
    }

    // The --law option's law (a loss law) with the bootstrap refits and the calibrated forecast a fit.json carries.
    private static (ParametricLaw Law, IReadOnlyList<LossLaw> Resamples, FitForecast Forecast) FromLawOption(string? text)
    {
        var fitted = LawOption.ResolveFitted(text);
        return (LawOption.RequireLoss(fitted.Law, LawOption.Name, "a report"), fitted.Resamples, new FitForecast(fitted.Extrapolation, fitted.NoForecast));
    }

    public static Command Create(CliConsole console)
    {
        var output = CliOptions.Out("Directory to write into (default ./out).", "DIR");
        var flops = CliOptions.Flops($"Training budget in FLOPs (default {NumberText.Scientific(DefaultFlops)}).");
        var formats = CliOptions.Formats("Comma-separated: html, png, svg, pdf, xlsx (default all).");
        var force = CliOptions.Force("Overwrite files in DIR that 'scaling report' did not write.");
        var fitRuns = CliOptions.File("--fit-runs", "runs.csv", "Fit the law to these runs (Approach 3, 1,000 bootstrap resamples) and, when they form IsoFLOP budgets, forecast N* beyond them with a calibrated interval: adds the fit and back-test figures and sheets; without --law the plan uses the fit (N* from the forecast).", FileKind.Runs);
        var law = LawOption.Create();
        var resources = new ResourceOptions { DefaultGpu = DefaultGpu };
        var command = new Command("report", "Write the report for a budget into DIR: index.html (open it in a browser: the plan, what it takes in GPUs, days and euros, the figures, the audit, the sources), the figures as PNG, SVG and PDF, and the planning workbook plan.xlsx.")
        {
            output, flops, law, formats, force, fitRuns,
        };
        resources.AddTo(command);
        command.SetAction(result =>
        {
            // From the first step: a signal while the figures render (seconds) stops before anything is written.
            var interruption = new Interruption(stop: console.Stop);
            using var listening = interruption.Listen();
            var directory = new ReportDirectory(result.GetValue(output) ?? "out", result.GetValue(force));
            directory.Check();
            var hardware = resources.ReadWithDefaultGpu(result);
            double budget = hardware.Flops(result.GetValue(flops)) ?? DefaultFlops;
            interruption.ThrowIfRequested();
            var (fit, bootstrap, fitted) = result.GetValue(fitRuns) is { } runsFile ? Fit(runsFile, budget, interruption) : (null, null, null);
            var (namedLaw, resamples, carried) = result.GetValue(law) is null && fit is not null
                ? (ScalingLaw.Parametric($"fit of {Path.GetFileName(result.GetValue(fitRuns)?.Path)}", fit.Law, $"Approach 3 fit to {fit.RunsUsed} runs", "fitted by scaling report --fit-runs"), [], new FitForecast(null, null))
                : FromLawOption(result.GetValue(law));
            var request = ReportRequest.Create(namedLaw, budget) with
            {
                Resamples = resamples,
                Fit = fit,
                FitBootstrap = bootstrap,
                Extrapolation = fitted?.Extrapolation ?? carried.Extrapolation,
                NoForecast = fitted?.Skipped ?? carried.Skipped,
                Formats = result.GetValue(formats) ?? ReportFormats.All,
                Resources = hardware.Assumptions,
                BudgetEuros = hardware.BudgetEuros,
            };

            // Resolve the resources before rendering anything, so an impossible request (too few --gpus, an unmeetable
            // --days) fails with its one-line message and writes nothing.
            // The plan is decided as 'scaling plan --law' decides it (FittedPlan): the page, workbook and figures follow it.
            var plan = request.Plan();
            var budgetPlan = hardware.Plan(plan.Optimum);
            var files = ReportBuilder.Build(request);
            interruption.ThrowIfRequested();
            var paths = directory.Write(files, interruption);
            Print(console, PlanMemo.Describe(request.Law, plan.Optimum) + Commands.Plan.PlanExtrapolation.Prose(request.Fitted, plan) + ResourceMemo.Prose(budgetPlan, hardware.GpuAssumed), directory, files, paths);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliConsole console, string plan, ReportDirectory directory, IReadOnlyList<ReportFile> files, IReadOnlyList<string> paths)
    {
        console.Out.WriteLine(plan);
        console.Out.WriteLine();
        console.Out.WriteLine($"Wrote {paths.Count} files to {directory.Path}:");
        for (int i = 0; i < paths.Count; i++)
        {
            console.Out.WriteLine($"  {paths[i]}  ({files[i].Description})");
        }

        // The page ties the files together; its path is the last line, the one a newcomer copies into a browser.
        if (files.Count > 0 && files[0].FileName == HtmlReport.FileName)
        {
            console.Out.WriteLine();
            console.Out.WriteLine($"Open the report in a browser: {Path.GetFullPath(paths[0])}");
        }
    }
}
