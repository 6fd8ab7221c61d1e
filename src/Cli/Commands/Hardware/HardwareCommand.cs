using System.CommandLine;
using Scaling.Cli.Shared;
using Scaling.Hardware;
using Scaling.Text;

namespace Scaling.Cli.Commands.Hardware;

/// <summary><c>scaling hardware</c>: the accelerator catalog with dense peaks, memory, power and dated prices.</summary>
internal static class HardwareCommand
{
    public static Command Create(CliConsole console)
    {
        var hardware = HardwareOption.Create();
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of prose." };
        var command = new Command("hardware", "List the accelerator catalog: dense peak TFLOP/s, memory, power and assumed prices.") { hardware, json };
        command.SetAction(result =>
        {
            var catalog = HardwareOption.Catalog(result.GetValue(hardware));
            console.Out.WriteLine(result.GetValue(json) ? CliJson.Write(catalog.All.Select(HardwareOutput.From).ToArray(), CliJsonContext.Default.HardwareOutputArray) : Describe(catalog));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(HardwareCatalog catalog)
    {
        var rows = catalog.All.Select(a => new[]
        {
            a.Name,
            a.Vendor,
            string.Join(" · ", a.SupportedPrecisions.Select(p => $"{Precisions.Name(p)} {NumberText.Significant(a.PeakTeraflops(p))}")),
            $"{NumberText.Significant(a.MemoryGigabytes)} GB",
            a.Watts is { } w ? $"{NumberText.Significant(w)} W" : "– W",
            $"{NumberText.Price(a.EurosPerGpuHour)}{(a.PriceDate.Length > 0 ? $" ({a.PriceDate})" : string.Empty)}",
        }).ToList();
        rows.Insert(0, ["name", "vendor", "dense peak TFLOP/s", "memory", "power", "€/GPU-hour (assumed)"]);
        int[] widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var lines = rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).ToList();
        lines.Add(string.Empty);
        lines.Add("Peaks are dense (no 2:4 sparsity), from the vendor data sheets; memory in decimal GB. Prices are dated");
        lines.Add("assumptions, not quotes: override them with 'scaling plan --eur-per-gpu-hour X'. Add or replace rows with");
        lines.Add("--hardware FILE (same columns as data/benchmarks/hardware.csv). Sources: 'scaling hardware --json'.");
        return string.Join('\n', lines);
    }
}
