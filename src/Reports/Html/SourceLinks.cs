using System.Text.RegularExpressions;

namespace Scaling.Reports.Html;

/// <summary>
/// The web addresses of the sources the library cites: every arXiv identifier in a source's text, plus the few
/// primary sources that are not on arXiv (vendor data sheets, model cards), recognised by name.
/// </summary>
internal static partial class SourceLinks
{
    // Primary sources without an arXiv identifier in their text, by a phrase that names them.
    private static readonly (string Phrase, string Label, string Url)[] Named =
    [
        ("Hoffmann et al. 2022", "arXiv 2203.15556", "https://arxiv.org/abs/2203.15556"),
        ("Besiroglu et al. 2024", "arXiv 2404.10102", "https://arxiv.org/abs/2404.10102"),
        ("Meta Llama 3 model card", "Llama 3 model card", "https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md"),
        ("NVIDIA V100 data sheet", "NVIDIA V100", "https://www.nvidia.com/en-us/data-center/v100/"),
        ("NVIDIA A100 data sheet", "NVIDIA A100", "https://www.nvidia.com/en-us/data-center/a100/"),
        ("NVIDIA H100 data sheet", "NVIDIA H100", "https://www.nvidia.com/en-us/data-center/h100/"),
        ("NVIDIA H200 data sheet", "NVIDIA H200", "https://www.nvidia.com/en-us/data-center/h200/"),
        ("NVIDIA B200", "NVIDIA HGX B200", "https://www.nvidia.com/en-us/data-center/hgx/"),
        ("AMD Instinct MI300X data sheet", "AMD Instinct MI300X", "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html"),
        ("Google Cloud TPU v5p documentation", "Cloud TPU v5p", "https://cloud.google.com/tpu/docs/v5p"),
    ];

    /// <summary>The links found in <paramref name="source"/>, each once, in the order they appear.</summary>
    public static IReadOnlyList<(string Label, string Url)> In(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var found = new List<(int Position, string Label, string Url)>();
        foreach (Match match in ArxivIdentifier().Matches(source))
        {
            string id = match.Groups[1].Value;
            found.Add((match.Index, "arXiv " + id, "https://arxiv.org/abs/" + id));
        }

        foreach (Match match in DigitalObjectIdentifier().Matches(source))
        {
            string doi = match.Groups[1].Value;
            found.Add((match.Index, "doi " + doi, "https://doi.org/" + doi));
        }

        foreach (var (phrase, label, url) in Named)
        {
            int position = source.IndexOf(phrase, StringComparison.Ordinal);
            if (position >= 0)
            {
                found.Add((position, label, url));
            }
        }

        return found.OrderBy(f => f.Position).DistinctBy(f => f.Url).Select(f => (f.Label, f.Url)).ToList();
    }

    [GeneratedRegex(@"arXiv[ :]?(\d{4}\.\d{4,5})", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivIdentifier();

    [GeneratedRegex(@"doi (10\.\d{4,9}/[^\s;,)]+)", RegexOptions.CultureInvariant)]
    private static partial Regex DigitalObjectIdentifier();
}
