namespace Scaling.Tests;

/// <summary>Files of the repository the tests read (committed data, notebooks), found from the test binaries upwards.</summary>
internal static class RepositoryFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Scaling.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("Scaling.sln not found above the test binaries.");
    }

    /// <summary>
    /// The Markdown pages a user reads, relative to the repository: the README, docs/, each package's readme (shown on
    /// NuGet) and the readmes of the notebooks and the data.
    /// </summary>
    public static IReadOnlyList<string> Pages()
    {
        string root = Path(string.Empty);
        var pages = new List<string> { "README.md" };
        foreach (string folder in new[] { "docs", "src", "notebooks", "data" })
        {
            var search = folder == "docs" ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
            pages.AddRange(Directory.GetFiles(Path(folder), "*.md", search)
                .Where(f => folder == "docs" || System.IO.Path.GetFileName(f) == "README.md")
                .Where(f => !f.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .Select(f => System.IO.Path.GetRelativePath(root, f).Replace(System.IO.Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal));
        }

        return pages;
    }
}
