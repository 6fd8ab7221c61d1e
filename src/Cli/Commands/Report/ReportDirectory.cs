using Scaling.Cli.Shared;
using Scaling.Reports;

namespace Scaling.Cli.Commands.Report;

/// <summary>
/// Writes a report's files into a directory without ever leaving a half-written file: every file goes to a
/// temporary name first and is moved into place only when all of them were written. A manifest
/// (<c>.scaling-report</c>) remembers which files the tool wrote, so it may replace those but refuses to overwrite
/// anything else unless forced.
/// </summary>
/// <remarks>
/// Interruptions: SIGINT or SIGTERM while the temporaries are written deletes them and stops with nothing changed
/// (exit 130). Once they are all written the manifest is moved into place first — it names the old and the new
/// files — and then each file, so a kill at any moment leaves a manifest that covers every file of ours in the
/// directory, and the next run may replace them. Temporaries left by a hard kill (SIGKILL, power loss) are ours by
/// name (<c>.NAME.GUID.tmp</c>) and the next run deletes them.
/// </remarks>
internal sealed record ReportDirectory(string Path, bool Force)
{
    public const string ManifestName = ".scaling-report";

    /// <summary>Writes <paramref name="files"/>, or nothing when <paramref name="interruption"/> is requested before the moves.</summary>
    /// <exception cref="OperationCanceledException">SIGINT or SIGTERM arrived before the files were complete; nothing changed.</exception>
    /// <exception cref="UsageException">The directory cannot be written (read-only, no permission, a full disk): exit 2, nothing changed.</exception>
    public IReadOnlyList<string> Write(IReadOnlyList<ReportFile> files, Interruption interruption)
    {
        Check();
        try
        {
            return WriteFiles(files, interruption);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write into '{Path}': {e.Message}");
        }
    }

    private IReadOnlyList<string> WriteFiles(IReadOnlyList<ReportFile> files, Interruption interruption)
    {
        Directory.CreateDirectory(Path);
        string manifest = System.IO.Path.Combine(Path, ManifestName);

        var owned = ReadManifest(manifest);
        CheckTargets(files, owned);
        DeleteStaleTemporaries(owned.Concat(files.Select(f => f.FileName)).Append(ManifestName));

        var temporaries = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var file in files)
            {
                interruption.ThrowIfRequested();
                string target = System.IO.Path.Combine(Path, file.FileName);
                string temporary = TemporaryFor(target);
                temporaries.Add((temporary, target));
                File.WriteAllBytes(temporary, file.Bytes);
            }

            owned.UnionWith(files.Select(f => f.FileName));
            string manifestTemporary = TemporaryFor(manifest);
            temporaries.Insert(0, (manifestTemporary, manifest));
            File.WriteAllLines(manifestTemporary, owned.Order(StringComparer.Ordinal));
            interruption.ThrowIfRequested();

            // From here on the moves run to the end (they take microseconds); the manifest goes first.
            foreach (var (temporary, target) in temporaries)
            {
                File.Move(temporary, target, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temporary, _) in temporaries)
            {
                File.Delete(temporary);
            }
        }

        return files.Select(f => System.IO.Path.Combine(Path, f.FileName)).ToList();
    }

    /// <summary>Refuses an <c>--out</c> that names a file, or whose manifest is a directory, before any work is done.</summary>
    /// <exception cref="UsageException">The path cannot hold a report.</exception>
    public void Check()
    {
        if (File.Exists(Path))
        {
            throw new UsageException($"--out: '{Path}' is a file; give a directory (it is created when missing).");
        }

        string manifest = System.IO.Path.Combine(Path, ManifestName);
        if (Directory.Exists(manifest))
        {
            throw new UsageException($"--out: '{manifest}' is a directory, where 'scaling report' keeps its list of files; remove it or choose another --out.");
        }
    }

    private void CheckTargets(IReadOnlyList<ReportFile> files, HashSet<string> owned)
    {
        foreach (var file in files)
        {
            string target = System.IO.Path.Combine(Path, file.FileName);
            if (Directory.Exists(target))
            {
                throw new UsageException($"--out: '{target}' is a directory; remove it or choose another --out.");
            }

            if (File.Exists(target) && !owned.Contains(file.FileName) && !Force)
            {
                throw new UsageException($"--out: '{target}' exists and was not written by 'scaling report'; add --force to overwrite it or choose another --out.");
            }
        }
    }

    private void DeleteStaleTemporaries(IEnumerable<string> names)
    {
        foreach (string name in names.Distinct(StringComparer.Ordinal))
        {
            OutputFile.DeleteStaleTemporaries(Path, name);
        }
    }

    private static HashSet<string> ReadManifest(string manifest) =>
        File.Exists(manifest)
            ? File.ReadAllLines(manifest).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    private static string TemporaryFor(string target) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target) ?? ".", $".{System.IO.Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
}
