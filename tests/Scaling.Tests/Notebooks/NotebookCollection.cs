namespace Scaling.Tests.Notebooks;

/// <summary>
/// Notebook runs redirect <see cref="Console.Out"/> and set the culture, which are process-wide: they run alone, after
/// the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "Notebooks";
}
