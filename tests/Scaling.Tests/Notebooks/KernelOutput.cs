using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// The kernel's notebook with the two things in it that depend on the machine rather than on the notebook: the frames
/// of the package-restore progress display ("Installing Packages", one per tick, so their number depends on how long
/// the restore takes; the final "Installed Packages" list stays), and the NuGet cache folder in the kernel's "Loading
/// extensions from" line (written as ~/.nuget/packages). Everything else — text, numbers, inline SVG figures to the
/// byte — is compared as the kernel wrote it: figures use the font embedded in Scaling.Reports, so their coordinates do
/// not depend on the machine.
/// </summary>
internal static partial class KernelOutput
{
    public static NotebookDocument Normalise(NotebookDocument notebook)
    {
        foreach (var cell in notebook.Cells)
        {
            if (cell["outputs"] is not JsonArray outputs)
            {
                continue;
            }

            foreach (var progress in outputs.Where(IsRestoreProgress).ToList())
            {
                outputs.Remove(progress);
            }

            foreach (var text in outputs.Select(output => output?["data"]?["text/plain"]).OfType<JsonArray>())
            {
                for (int i = 0; i < text.Count; i++)
                {
                    text[i] = ExtensionFolder().Replace(text[i]!.GetValue<string>(), "Loading extensions from `~/.nuget/packages/");
                }
            }
        }

        return notebook;
    }

    private static bool IsRestoreProgress(JsonNode? output) =>
        output?["data"]?["text/html"] is JsonNode html && Text(html).Contains("<strong>Installing Packages</strong>", StringComparison.Ordinal);

    // nbformat's multi-line string: one string, or an array of lines.
    private static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(line => line?.GetValue<string>())) : node.GetValue<string>();

    // ".../packages/skiasharp/2.88.9/interactive-extensions/...": the folder before the package id is the NuGet cache.
    [GeneratedRegex(@"Loading extensions from `[^`]*?/(?=[^/`]+/[^/`]+/interactive-extensions/)")]
    private static partial Regex ExtensionFolder();
}
