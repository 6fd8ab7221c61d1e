namespace Scaling.Tests.Notebooks;

/// <summary>
/// Runs every notebook in notebooks/ once per test run in the real kernel (<see cref="NotebookKernel"/>), several at a
/// time, and shares the results between the tests that look at them. With <c>SCALING_UPDATE_NOTEBOOKS=1</c>
/// (notebooks/run.sh) it writes the kernel's outputs into the committed notebooks.
/// </summary>
public sealed class NotebookRuns
{
    public const string UpdateVariable = "SCALING_UPDATE_NOTEBOOKS";

    private readonly Lazy<Task<IReadOnlyDictionary<string, KernelRun>>> all = new(RunAllAsync);

    /// <summary>True when the run should write its outputs back into the notebooks.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Every notebook in notebooks/, by file name, for [MemberData].</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (string name in FileNames())
        {
            names.Add(name);
        }

        return names;
    }

    public static string PathOf(string name) => Path.Combine(Repository.NotebooksDirectory, name);

    internal async Task<KernelRun> RunAsync(string name) => (await all.Value)[name];

    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(Repository.NotebooksDirectory, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static async Task<IReadOnlyDictionary<string, KernelRun>> RunAllAsync()
    {
        RequireBuiltLibrary();
        // Each kernel spends much of its time restoring packages and compiling; two per core overlap that waiting.
        using var slots = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount * 2));
        var runs = await Task.WhenAll(FileNames().Select(async name =>
        {
            await slots.WaitAsync();
            try
            {
                var run = await NotebookKernel.RunAsync(PathOf(name));
                return run with { Notebook = run.Notebook is null ? null : KernelOutput.Normalise(run.Notebook) };
            }
            finally
            {
                slots.Release();
            }
        }));

        if (Updating)
        {
            foreach (var run in runs)
            {
                if (run.Notebook is { } ran)
                {
                    var committed = NotebookDocument.Load(PathOf(run.Name));
                    committed.TakeOutputs(ran);
                    committed.Save(PathOf(run.Name));
                }
            }
        }

        return runs.ToDictionary(run => run.Name);
    }

    // The notebooks reference the Debug build by relative path, as a Polyglot user's do after `dotnet build`.
    private static void RequireBuiltLibrary()
    {
        foreach (string project in new[] { "Scaling/bin/Debug/net10.0/Scaling.dll", "Reports/bin/Debug/net10.0/Scaling.Reports.dll" })
        {
            string path = Path.Combine(Repository.Root, "src", project);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} is missing: the notebooks reference the Debug build; run dotnet build Scaling.sln first.");
            }
        }
    }
}
