using Scaling.Text;

namespace Scaling.Tests.Text;

public class CsvLineTests
{
    private static Exception Fail(int column, string problem) => new FormatException($"{column}: {problem}");

    [Theory]
    [InlineData("1e9,2e10,2.5", new[] { "1e9", "2e10", "2.5" })]
    [InlineData(" a , b ,", new[] { "a", "b", "" })]
    [InlineData("\"Chinchilla, 70B\",1e9", new[] { "Chinchilla, 70B", "1e9" })]
    [InlineData("\"say \"\"hi\"\"\",x", new[] { "say \"hi\"", "x" })]
    [InlineData("  \"quoted after spaces\" ,y", new[] { "quoted after spaces", "y" })]
    [InlineData("in\"side,z", new[] { "in\"side", "z" })]
    public void Split_QuotedAndPlainFields_FollowRfc4180AndTrim(string line, string[] expected)
    {
        Assert.Equal(expected, CsvLine.Split(line, Fail));
    }

    [Fact]
    public void Split_UnclosedQuote_ReportsTheColumnOfTheOpeningQuote()
    {
        var e = Assert.Throws<FormatException>(() => CsvLine.Split("a,b,\"open, still", Fail));
        Assert.StartsWith("5: a quoted field is not closed", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e9,2e10,2.5", 0, 1)]
    [InlineData("1e9,2e10,2.5", 2, 10)]
    [InlineData("\"a,b\",c,d", 1, 7)]
    [InlineData("\"a,b\",c,d", 2, 9)]
    public void ColumnOf_CountsOnlyCommasOutsideQuotes(string line, int field, int column)
    {
        Assert.Equal(column, CsvLine.ColumnOf(line, field));
    }

    [Theory]
    [InlineData("parameters;tokens;loss", 11, "';'")]
    [InlineData("parameters\ttokens\tloss", 11, "tabs")]
    [InlineData("a\tb;c", 4, "';'")]
    public void ForeignSeparator_OneFieldHeaderWithSemicolonOrTab_NamesItAndItsColumn(string header, int column, string name)
    {
        Assert.Equal((column, name), CsvLine.ForeignSeparator(CsvLine.Split(header, Fail)));
    }

    [Theory]
    [InlineData("parameters,tokens,loss")]
    [InlineData("parameters")]
    [InlineData("\"a;b\",c")]
    public void ForeignSeparator_CommaSeparatedOrPlainHeader_IsNull(string header)
    {
        Assert.Null(CsvLine.ForeignSeparator(CsvLine.Split(header, Fail)));
    }
}
