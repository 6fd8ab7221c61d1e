using System.Text.RegularExpressions;

namespace Scaling.Tests.Docs;

/// <summary>
/// The pages a user reads name package registries by name (NuGet), never by host: a host in prose dates the page and
/// says nothing a reader needs (the tools find the registry themselves).
/// </summary>
public sealed partial class RegistryNamesTests
{
    public static TheoryData<string> Pages() => new(RepositoryFiles.Pages());

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_NamesNoRegistryHost(string page)
    {
        var hosts = RegistryHost().Matches(File.ReadAllText(RepositoryFiles.Path(page))).Select(m => m.Value);
        Assert.Empty(hosts);
    }

    [GeneratedRegex(@"\b(?:api\.)?nuget\.org\b|\bpypi\.org\b|\bnpmjs\.(?:com|org)\b|\bcrates\.io\b", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryHost();
}
