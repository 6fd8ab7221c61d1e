using System.Text.Json.Nodes;

namespace Scaling.Tests.Notebooks;

/// <summary>What the kernel made of one notebook: its exit code, its console output and the notebook it wrote.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="ExitCode">dotnet-repl's exit code: 0 when every cell ran.</param>
/// <param name="Log">What dotnet-repl printed (the tool's own errors, e.g. when it is not restored).</param>
/// <param name="Notebook">The notebook with the kernel's outputs, normalised (<see cref="KernelOutput"/>); null when none was written.</param>
internal sealed record KernelRun(string Name, int ExitCode, string Log, NotebookDocument? Notebook)
{
    /// <summary>One line per failed cell: the notebook, the cell (1-based, markdown cells included) and the kernel's message.</summary>
    public IReadOnlyList<string> Failures()
    {
        if (Notebook is null)
        {
            return [$"{Name}: the kernel wrote no notebook (exit code {ExitCode}); is dotnet-repl restored (dotnet tool restore)? {Tail(Log)}"];
        }

        var failures = Notebook.Cells
            .SelectMany((cell, i) => (cell["outputs"] as JsonArray ?? [])
                .Where(output => output?["output_type"]?.GetValue<string>() == "error")
                .Select(output => $"{Name}, cell {i + 1}: {output!["ename"]}: {output["evalue"]}"))
            .ToList();
        if (failures.Count == 0 && ExitCode != 0)
        {
            failures.Add($"{Name}: the kernel exited with code {ExitCode}: {Tail(Log)}");
        }

        return failures;
    }

    private static string Tail(string log) => log.Length <= 2000 ? log : log[^2000..];
}
