using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Scaling.Fitting.Runs;

namespace Scaling.Tests.Fitting.Runs;

public class RunsCsvTests
{
    [Fact]
    public void Parse_AliasesNAndD_ReadRuns()
    {
        var runs = RunsCsv.Parse("N,D,loss\n4e8,8e9,2.91\n1e9,2e10,2.6\n", "runs.csv");
        Assert.Equal(2, runs.Count);
        Assert.Equal(4e8, runs[0].Parameters);
        Assert.Equal(8e9, runs[0].Tokens);
        Assert.Equal(2.91, runs[0].Loss);
    }

    [Fact]
    public void Parse_FlopsWithoutTokens_DerivesTokensAsFlopsOverSixN()
    {
        var runs = RunsCsv.Parse("parameters,flops,loss\n1e9,6e19,2.5\n", "runs.csv");
        Assert.Equal(1e10, runs[0].Tokens, 1e10 * 1e-12);
    }

    [Fact]
    public void Parse_CommentsBlankLinesAndCrLf_AreSkipped()
    {
        var runs = RunsCsv.Parse("# my runs\r\n\r\nparameters,tokens,loss\r\n  # a note\r\n1e8,2e9,3.1\r\n\r\n", "runs.csv");
        Assert.Single(runs);
        Assert.Equal(3.1, runs[0].Loss);
    }

    [Fact]
    public void Parse_RunModelAndBudgetColumns_FillRunNameAndBudget()
    {
        var runs = RunsCsv.Parse("model,parameters,tokens,loss,budget,source\n\"tiny, v2\",1e8,2e9,3.1,1.2e18,paper\nsmall,2e8,1e9,3.0,,paper\n", "runs.csv");
        Assert.Equal("tiny, v2", runs[0].RunName);
        Assert.Equal(1.2e18, runs[0].BudgetFlops);
        Assert.Null(runs[1].BudgetFlops);
    }

    [Fact]
    public void Parse_UnderACommaDecimalCulture_ReadsDots()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(2.91, RunsCsv.Parse("N,D,loss\n4e8,8e9,2.91\n", "runs.csv")[0].Loss);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Parse_NotANumber_NamesFileLineAndColumn()
    {
        var e = Assert.Throws<UnreadableFileException>(() => RunsCsv.Parse("# c\nparameters,tokens,loss\n1e8,2e9,3.1\nabc\n".Replace("abc", "1e8,2e9,abc"), "runs.csv"));
        Assert.StartsWith("runs.csv:4:9: loss 'abc' is not a number", e.Message);
        Assert.Equal((4, 9), (e.Line, e.Column));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1e8")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    public void Parse_NonPositiveOrNonFinite_IsAnErrorNotDropped(string value)
    {
        var e = Assert.Throws<UnreadableFileException>(() => RunsCsv.Parse($"N,D,loss\n1e8,2e9,3\n{value},2e9,3\n", "runs.csv"));
        Assert.StartsWith($"runs.csv:3:1: N '{value}' must be a finite number greater than 0", e.Message);
    }

    [Theory]
    [InlineData("parameters,tokens\n1,2\n", "runs.csv:1: the header has no 'loss'")]
    [InlineData("tokens,loss\n1,2\n", "runs.csv:1: the header has no 'parameters'")]
    [InlineData("parameters,loss\n1,2\n", "runs.csv:1: the header has neither 'tokens'")]
    [InlineData("N,parameters,D,loss\n1,1,2,3\n", "runs.csv:1:3: column 'parameters' appears twice")]
    [InlineData("N,D,loss\n1,2\n", "runs.csv:2: expected 3 fields")]
    [InlineData("N,D,loss\n1,,3\n", "runs.csv:2:3: D is empty")]
    [InlineData("# only a comment\n", "runs.csv: no header line")]
    [InlineData("run,N,D,loss\n\"open,1,2,3\n", "runs.csv:2:1: a quoted field is not closed")]
    public void Parse_MalformedText_SaysWhereAndWhat(string text, string expected)
    {
        var e = Assert.Throws<UnreadableFileException>(() => RunsCsv.Parse(text, "runs.csv"));
        Assert.StartsWith(expected, e.Message);
    }

    // Text that looks enough like a runs file to reach every branch of the parser: header words, numbers in many
    // spellings, separators, quotes, comments and line ends, in any order.
    private static readonly string[] Pieces =
    [
        "parameters", "tokens", "loss", "N", "D", "flops", "run", "model", "budget", ",", ",", ",", "\n", "\n", "\r\n",
        "\"", "#", " ", "1e9", "2.5", "-3", "0", "NaN", "Infinity", "1,5", "abc", "4e8", "8e9", "2.91", "1e400", "", "\"a,b\"",
    ];

    [MathProperty]
    public Property Parse_AnyText_ReadsRunsOrSaysWhereInOneLine() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Pieces)).Select(pieces => string.Concat(pieces)).ToArbitrary(), text =>
        {
            try
            {
                var runs = RunsCsv.Parse(text, "runs.csv");
                return runs.All(r => r.Parameters > 0 && r.Tokens > 0 && r.Loss > 0 && double.IsFinite(r.Parameters * r.Tokens * r.Loss))
                    .Label("every parsed run is finite and positive");
            }
            catch (UnreadableFileException e)
            {
                return (e.Message.StartsWith("runs.csv", StringComparison.Ordinal) && !e.Message.Contains('\n', StringComparison.Ordinal))
                    .Label($"one line that names the file: {e.Message}");
            }
        });

    [Fact]
    public void Format_ThenParse_GivesTheSameRuns()
    {
        var runs = new[]
        {
            TrainingRun.Create(123456789, 9.87654321e10, 2.718281828, "a,\"b\"", 7.3e19),
            TrainingRun.Create(1e9, 2e10, 2.5),
        };
        var back = RunsCsv.Parse(RunsCsv.Format(runs, ["a comment"]), "x.csv");
        Assert.Equal(runs, back);
    }

    [Fact]
    public void Read_StreamsLineByLine_KeepingOnlyTheRuns()
    {
        // The reader hands out one line at a time and refuses to give the whole text: Read must stream. 100,000 rows,
        // each with a long ignored column, and as many comment lines, come back as 100,000 runs.
        using var reader = new GeneratedLines(100_000);
        var runs = RunsCsv.Read(reader, "big.csv");
        Assert.Equal(100_000, runs.Count);
        Assert.Equal(1e9 + 99_999, runs[^1].Parameters);
        Assert.Equal(runs.Count, reader.CommentsRead);
    }

    [Fact]
    public void Read_ReportsTheLineNumberOfABadRow()
    {
        using var reader = new StringReader("# c\r\nN,D,loss\r\n1e9,2e10,2.5\r\n1e9,x,2.5\r\n");
        var e = Assert.Throws<Scaling.UnreadableFileException>(() => RunsCsv.Read(reader, "r.csv"));
        Assert.StartsWith("r.csv:4:5: D 'x'", e.Message, StringComparison.Ordinal);
    }

    private sealed class GeneratedLines(int rows) : TextReader
    {
        private static readonly string Padding = new('x', 200);
        private int line = -1;

        public int CommentsRead { get; private set; }

        public override string? ReadLine()
        {
            line++;
            if (line == 0)
            {
                return "parameters,tokens,loss,note";
            }

            int row = (line - 1) / 2;
            if (row >= rows)
            {
                return null;
            }

            if (line % 2 == 1)
            {
                CommentsRead++;
                return "# a comment " + Padding;
            }

            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{1e9 + row},{2e10 + row},2.5,{Padding}");
        }

        public override int Read() => throw new InvalidOperationException("read line by line");

        public override int Read(char[] buffer, int index, int count) => throw new InvalidOperationException("read line by line");

        public override string ReadToEnd() => throw new InvalidOperationException("read line by line");
    }
}
