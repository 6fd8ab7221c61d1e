using System.IO.Compression;
using System.Text.RegularExpressions;
using Scaling.Laws;
using Scaling.Reports.Workbooks;

namespace Scaling.Tests.Reports.Workbooks;

/// <summary>The workbook is the same file whatever the culture of the machine that writes it.</summary>
public partial class WorkbookCultureTests
{
    public static TheoryData<string> Cultures => CultureScope.Foreign;

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Workbook_HasTheSameSheetsUnderAForeignCulture(string culture)
    {
        var invariant = CultureScope.Run("", Parts);
        var foreign = CultureScope.Run(culture, Parts);
        Assert.Equal(invariant.Keys.Order(StringComparer.Ordinal), foreign.Keys.Order(StringComparer.Ordinal));
        Assert.All(invariant, part => Assert.True(part.Value == foreign[part.Key], $"{part.Key} differs under {culture}."));
    }

    // Every part of the workbook proper (xl/: sheets, shared strings, styles, defined names, charts) as text; the
    // package's document properties carry the time of writing and a random part name. The Open XML SDK names the parts
    // it adds (the chart's drawing) with random relationship ids ("Ra38c0d83689a4718"), which are blanked.
    private static Dictionary<string, string> Parts()
    {
        var content = PlanWorkbookContent.Create(LawPresets.Default, 5.76e23) with { AuditModels = Scaling.Audit.ModelRegistry.Published };
        using var archive = new ZipArchive(new MemoryStream(PlanWorkbook.ToBytes(content)), ZipArchiveMode.Read);
        return archive.Entries
            .Where(entry => entry.FullName.StartsWith("xl/", StringComparison.Ordinal))
            .ToDictionary(entry => entry.FullName, entry =>
            {
                using var reader = new StreamReader(entry.Open());
                return RandomRelationshipId().Replace(reader.ReadToEnd(), "R*");
            });
    }

    [GeneratedRegex("\\bR[0-9a-f]{16}\\b")]
    private static partial Regex RandomRelationshipId();
}
