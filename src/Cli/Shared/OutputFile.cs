namespace Scaling.Cli.Shared;

/// <summary>
/// Writes an output file whole or not at all: a hidden temporary in the same directory (<c>.NAME.GUID.tmp</c>), then a
/// rename. Temporaries of the same name that a hard kill (SIGKILL, power loss) left behind are ours by name, and the
/// next write deletes them.
/// </summary>
internal static class OutputFile
{
    public static void Write(string option, string path, string content, bool force) =>
        Write(option, path, System.Text.Encoding.UTF8.GetBytes(content), force);

    public static void Write(string option, string path, byte[] content, bool force)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"{option}: the directory '{directory}' does not exist; create it or choose another path.");
        }

        if (Directory.Exists(full))
        {
            throw new UsageException($"{option}: '{path}' is a directory; give a file name, e.g. {Path.Combine(path, "out")}.");
        }

        if (File.Exists(full) && !force)
        {
            throw new UsageException($"{option}: '{path}' already exists; add --force to replace it.");
        }

        string name = Path.GetFileName(full);
        string temp = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");

        // SIGINT or SIGTERM while the temporary is written stops before the move, and the temporary is deleted below.
        var interruption = new Interruption($"'{path}'");
        try
        {
            DeleteStaleTemporaries(directory, name);
            using (interruption.Listen())
            {
                File.WriteAllBytes(temp, content);
                interruption.ThrowIfRequested();
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot write '{path}': {e.Message}");
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Deletes <c>.NAME.GUID.tmp</c> files in <paramref name="directory"/>: temporaries of an earlier write that was killed.</summary>
    public static void DeleteStaleTemporaries(string directory, string name)
    {
        foreach (string stale in Directory.EnumerateFiles(directory, $".{name}.*.tmp"))
        {
            string guid = Path.GetFileName(stale)[(name.Length + 2)..^4];
            if (Guid.TryParseExact(guid, "N", out _))
            {
                File.Delete(stale);
            }
        }
    }
}
