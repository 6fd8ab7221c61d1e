namespace Scaling.Tests.Notebooks;

/// <summary>Where the repository is, found from the test binaries by walking up to Scaling.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string NotebooksDirectory => Path.Combine(Root, "notebooks");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scaling.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Scaling.sln not found above {AppContext.BaseDirectory}.");
    }
}
