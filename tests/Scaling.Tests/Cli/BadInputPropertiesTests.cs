using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace Scaling.Tests.Cli;

/// <summary>
/// The CLI driven in-process with generated arguments (plan, audit, architecture, mfu and campaign): numbers from 5e-324 to
/// 1e308 of either sign, NaN, infinities, decimal commas and text. Every run must end in exit 0 with finite, readable output, or exit 2 with one line on
/// stderr — never exit 1 (a bug) and never a stack trace.
/// </summary>
public partial class BadInputPropertiesTests
{
    private static readonly string[] Words = ["abc", "", " ", "1,5e24", "1e", "--", "0x10", "1e24e3", "NaN", "Infinity", "-Infinity", "-0", "2147483647", "1e400", "∞"];

    /// <summary>A number as a user might type it: any magnitude 5e-324..1e308, either sign, or a special value or text.</summary>
    private static Gen<string> Number() =>
        Gen.Frequency(
            (6, from exponent in Gen.Choose(-324, 308)
                from mantissa in Gen.Choose(1, 99)
                from negative in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
                select Text(negative, mantissa, exponent)),
            (2, from exponent in Gen.Choose(-3, 30) select string.Create(CultureInfo.InvariantCulture, $"1e{exponent}")),
            (2, Gen.Elements(Words)));

    private static string Text(bool negative, int mantissa, int exponent)
    {
        double value = mantissa / 10.0 * Math.Pow(10, exponent);
        value = value == 0 ? double.Epsilon : Math.Min(value, double.MaxValue);
        return (negative ? -value : value).ToString("R", CultureInfo.InvariantCulture);
    }

    private static Gen<string[]> PlanArguments() =>
        from x in Number()
        from y in Number()
        from shape in Gen.Choose(0, 18)
        select shape switch
        {
            0 => new[] { "plan", "--flops", x },
            1 => ["plan", "--parameters", x],
            2 => ["plan", "--target-loss", x],
            3 => ["plan", "--flops", x, "--max-parameters", y],
            4 => ["plan", "--flops", x, "--inference-tokens", y],
            5 => ["plan", "--flops", x, "--unique-tokens", y],
            6 => ["plan", "--budget-eur", x, "--gpu", "H100-SXM"],
            7 => ["plan", "--flops", x, "--gpu", "H100-SXM", "--days", y],
            8 => ["plan", "--flops", "1e24", "--law", $"E=1.69,A=406.4,B=410.7,alpha={x},beta={y}"],
            9 => ["plan", "--flops", x, "--law", "tokens20", "--json"],
            10 => ["audit", "--parameters", x, "--tokens", y],
            12 => ["architecture", "--layers", x, "--d-model", y, "--heads", "8"],
            13 => ["architecture", "--parameters", x, "--tokens", y, "--json"],
            14 => ["campaign", "--target-flops", x, "--campaign-flops", y],
            15 => ["campaign", "--target-flops", "1e24", "--campaign-flops", x, "--span-decades", y, "--json"],
            16 => ["plan", "--experts", "64", "--flops", x, "--json"],
            17 => ["mfu", "--parameters", x, "--tokens-per-second", y, "--gpus", "8", "--gpu", "H100-SXM", "--json"],
            18 => ["plan", "--flops", x, "--gpu", "H100-SXM", "--layout", "auto", "--context", "2048", "--json"],
            _ => ["plan", "--flops", x, "--gpu", "H100-SXM", "--mfu", y, "--pue", x],
        };

    [FsCheck.Xunit.Property(MaxTest = 400)]
    public Property AnyNumbers_ExitZeroWithFiniteOutputOrTwoWithOneLine() =>
        Prop.ForAll(PlanArguments().ToArbitrary(), args =>
        {
            var (code, output, error) = CliRunner.Run(args);
            string call = string.Join(' ', args);
            return code switch
            {
                0 => (error.Length == 0 && Readable(args, output)).Label($"exit 0 with finite, readable output: {call} -> {output}"),
                2 => (output.Length == 0 && error.StartsWith("error: ", StringComparison.Ordinal) && error.TrimEnd('\n', '\r').Split('\n').Length == 1
                        && error.Contains("--", StringComparison.Ordinal))
                    .Label($"exit 2 with one line naming an option: {call} -> {error}"),
                _ => false.Label($"exit {code}: {call} -> {error}"),
            };
        });

    [Theory]
    [InlineData("plan", "--parameters", "1e308")]
    [InlineData("audit", "--parameters", "1e308", "--tokens", "1e308")]
    [InlineData("plan", "--flops", "1e24", "--inference-tokens", "1e300")]
    [InlineData("plan", "--budget-eur", "1e300", "--gpu", "H100-SXM")]
    [InlineData("plan", "--flops", "1e-300")]
    public void FormerEscapes_AreRefusedWithCode2(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    // The keys a config.json of each supported family is read by (HuggingFaceConfig), the values a generated config gives
    // them: absent, a whole number from 0 to 2^40 (within and far beyond ShapeLimits), negative, fractional, text, null
    // or a boolean.
    private static readonly string[] ConfigKeys =
    [
        "num_hidden_layers", "hidden_size", "num_attention_heads", "num_key_value_heads", "head_dim", "intermediate_size", "vocab_size",
        "max_position_embeddings", "tie_word_embeddings", "n_layer", "n_embd", "n_head", "n_inner", "n_positions", "attention_bias",
    ];

    private static Gen<string?> ConfigValue() =>
        Gen.Frequency(
            (3, Gen.Constant<string?>(null)),
            (6, from exponent in Gen.Choose(0, 40) from mantissa in Gen.Choose(1, 9) select (string?)((long)Math.Min(mantissa * Math.Pow(2, exponent - 3), 1L << 40)).ToString(CultureInfo.InvariantCulture)),
            (3, Gen.Elements<string?>("1", "2", "8", "32", "64", "128", "4096", "11008", "32000", "65536", "1048576", "10000", "2147483647")),
            (1, Gen.Elements<string?>("-1", "0", "4096.5", "1e3", "\"4096\"", "null", "true", "false", "[]", "{}")));

    private static Gen<string> Config() =>
        from type in Gen.Elements("llama", "mistral", "qwen2", "gpt2", "gpt_neox", "t5")
        from values in Gen.ArrayOf(ConfigValue(), ConfigKeys.Length)
        select "{\"model_type\": \"" + type + "\""
            + string.Concat(ConfigKeys.Zip(values).Where(kv => kv.Second is not null).Select(kv => $", \"{kv.First}\": {kv.Second}"))
            + "}";

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AnyConfig_ExitZeroWithExactCountsOrTwoNamingTheFileAndKey() =>
        Prop.ForAll(Config().ToArbitrary(), json =>
        {
            // issue 24: a config within the options' bounds used to print a wrapped, wrong parameter count with exit 0.
            string path = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, json);
            try
            {
                var (code, output, error) = CliRunner.Run("architecture", "--config", path, "--json");
                return code switch
                {
                    0 => ExactCounts(output).Label($"exit 0 with exact counts: {json} -> {output}"),
                    2 => (output.Length == 0 && error.TrimEnd('\n').Split('\n').Length == 1 && error.Contains(path, StringComparison.Ordinal)
                            && ConfigKey().Match(error) is { Success: true } key && (ConfigKeys.Contains(key.Groups[1].Value) || key.Groups[1].Value == "model_type"))
                        .Label($"exit 2 naming the file and a key: {json} -> {error}"),
                    _ => false.Label($"exit {code}: {json} -> {error}"),
                };
            }
            finally
            {
                File.Delete(path);
            }
        });

    // Parameter counts printed as whole numbers (a long, exact to the parameter) that add up; every other number finite.
    private static bool ExactCounts(string output)
    {
        var root = System.Text.Json.JsonDocument.Parse(output).RootElement;
        return root.GetProperty("parameters").TryGetInt64(out long parameters) && parameters > 0
            && root.GetProperty("nonEmbeddingParameters").TryGetInt64(out long nonEmbedding) && nonEmbedding > 0 && nonEmbedding < parameters
            && !NonFinite().IsMatch(output);
    }

    [GeneratedRegex(@"key '([a-z_]+)'")]
    private static partial Regex ConfigKey();

    // Prose: no NaN, infinity or a number printed in 20 digits. JSON: one document with finite numbers (a round-trip
    // double such as 0.00015438054805094558 is exact there, not unreadable).
    private static bool Readable(string[] args, string output)
    {
        if (!args.Contains("--json"))
        {
            return !Unreadable().IsMatch(output);
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(output) is not null && !NonFinite().IsMatch(output);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    // NaN, infinities and runs of 20 or more digits (a number printed in full instead of in scientific notation).
    [GeneratedRegex(@"NaN|Infinity|∞|\d{20}")]
    private static partial Regex Unreadable();

    [GeneratedRegex(@"NaN|Infinity|∞")]
    private static partial Regex NonFinite();
}
