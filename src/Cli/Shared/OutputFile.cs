namespace Scaling.Cli.Shared;

/// <summary>Writes an output file whole or not at all: a temp file in the same directory, then a rename.</summary>
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

        if (File.Exists(full) && !force)
        {
            throw new UsageException($"{option}: '{path}' already exists; add --force to replace it.");
        }

        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");

        // SIGINT or SIGTERM while the temporary is written stops before the move, and the temporary is deleted below.
        var interruption = new Interruption($"'{path}'");
        try
        {
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
}
