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
}
