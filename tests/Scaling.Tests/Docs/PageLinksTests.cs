using System.Text.RegularExpressions;

namespace Scaling.Tests.Docs;

/// <summary>
/// The pages a user reads (README, docs/, the package readmes) point to each other: every relative link names a file
/// of the repository and, with <c>#anchor</c>, a heading of that page (GitHub's anchors: the heading in lower case,
/// punctuation dropped, spaces as hyphens). The README moved its reference material to docs/; a link left behind fails.
/// </summary>
public sealed partial class PageLinksTests
{
    public static TheoryData<string, string> Links()
    {
        var data = new TheoryData<string, string>();
        var seen = new HashSet<(string, string)>();
        foreach (string page in RepositoryFiles.Pages())
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(RepositoryFiles.Path(page))))
            {
                string target = link.Groups[1].Value;
                // A page that links to the same target twice is one case (xUnit would skip the duplicate with a warning).
                if (!target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal) && seen.Add((page, target)))
                {
                    data.Add(page, target);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Links))]
    public void Link_NamesAFileAndHeadingThatExist(string page, string target)
    {
        string[] parts = target.Split('#', 2);
        string file = parts[0].Length == 0
            ? RepositoryFiles.Path(page)
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryFiles.Path(page))!, parts[0]));
        Assert.True(File.Exists(file) || Directory.Exists(file), $"{page}: the link '{target}' names no file");
        if (parts.Length == 2)
        {
            var anchors = Heading().Matches(File.ReadAllText(file)).Select(h => Anchor(h.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
            Assert.True(anchors.Contains(parts[1]), $"{page}: the link '{target}' names no heading of {parts[0]}");
        }
    }

    [Fact]
    public void Links_AreFound()
    {
        // The README links every page of docs/; a collector that found none would pass every link vacuously.
        var readme = Links().Where(row => (string)row[0] == "README.md").Select(row => (string)row[1]).ToList();
        Assert.Contains("docs/cli.md", readme);
        Assert.Contains("docs/performance.md", readme);
    }

    private static string Anchor(string heading) =>
        Regex.Replace(Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{N}\s_-]", string.Empty), @"\s", "-");

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
