using Scaling.Reports;

namespace Scaling.Cli;

/// <summary>
/// Writes a report's files into a directory without ever leaving a half-written file: every file goes to a
/// temporary name first and is moved into place only when all of them were written. A manifest
/// (<c>.scaling-report</c>) remembers which files the tool wrote, so it may replace those but refuses to overwrite
/// anything else unless forced.
/// </summary>
internal sealed record ReportDirectory(string Path, bool Force)
{
    public const string ManifestName = ".scaling-report";

    public IReadOnlyList<string> Write(IReadOnlyList<ReportFile> files)
    {
        Directory.CreateDirectory(Path);
        var owned = ReadManifest();
        CheckTargets(files, owned);
        var temporaries = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var file in files)
            {
                string target = System.IO.Path.Combine(Path, file.FileName);
                string temporary = TemporaryFor(target);
                temporaries.Add((temporary, target));
                File.WriteAllBytes(temporary, file.Bytes);
            }

            owned.UnionWith(files.Select(f => f.FileName));
            string manifest = System.IO.Path.Combine(Path, ManifestName);
            string manifestTemporary = TemporaryFor(manifest);
            temporaries.Add((manifestTemporary, manifest));
            File.WriteAllLines(manifestTemporary, owned.Order(StringComparer.Ordinal));
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

    private HashSet<string> ReadManifest()
    {
        string manifest = System.IO.Path.Combine(Path, ManifestName);
        return File.Exists(manifest)
            ? File.ReadAllLines(manifest).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    private static string TemporaryFor(string target) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, $".{System.IO.Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
}
