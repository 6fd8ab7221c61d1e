using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaling.Text;

namespace Scaling.Tests.Text;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData(7.2248702500e10, "72.2B")]
    [InlineData(1.3287435853e12, "1.33T")]
    [InlineData(667_000, "667K")]
    [InlineData(999_600, "1M")]
    [InlineData(404, "404")]
    [InlineData(4.04, "4.04")]
    [InlineData(2.5e15, "2.50E+15")]
    public void Count_ThreeSignificantFiguresWithASuffix(double value, string expected) =>
        Assert.Equal(expected, NumberText.Count(value));

    [Theory]
    [InlineData(1.974441108397412, "1.974")]
    [InlineData(2.0, "2.000")]
    [InlineData(0.016, "0.016")]
    [InlineData(0.0017, "0.0017")]
    [InlineData(0.000311, "0.000311")]
    public void Loss_ThreeDecimals_AndSmallDifferencesNeverZero(double value, string expected) =>
        Assert.Equal(expected, NumberText.Loss(value));

    [Theory]
    [InlineData(5.76e23, "5.76E+23")]
    [InlineData(1e24, "1.00E+24")]
    public void Flops_ScientificWithThreeSignificantFigures(double value, string expected) =>
        Assert.Equal(expected, NumberText.Flops(value));

    [Fact]
    public void Infinity_ReadsAsTheSymbolInEveryStyle()
    {
        // An interval 286 decades beyond the runs overflows; prose says "[0, ∞]", not "[0, Infinity]".
        Assert.Equal("∞", NumberText.Scientific(double.PositiveInfinity));
        Assert.Equal("∞", NumberText.Count(double.PositiveInfinity));
        Assert.Equal("∞", NumberText.Ratio(double.PositiveInfinity));
        Assert.Equal("−∞", NumberText.Significant(double.NegativeInfinity));
    }

    [Theory]
    [InlineData(5.76e23, "5.76·10²³")]
    [InlineData(1e24, "10²⁴")]
    [InlineData(5.8e20, "5.8·10²⁰")]
    [InlineData(9.996e20, "10²¹")]
    [InlineData(2e-3, "2·10⁻³")]
    public void Power_ThreeSignificantFiguresOnAPowerOfTen(double value, string expected) =>
        Assert.Equal(expected, NumberText.Power(value));

    [Theory]
    [InlineData(18.39, "18")]
    [InlineData(1875.2, "1,875")]
    [InlineData(1.71, "1.71")]
    [InlineData(0.5, "0.5")]
    [InlineData(2.5e6, "2.50E+06")]
    public void Ratio_WholeFromTenElseThreeSignificantFigures(double value, string expected) =>
        Assert.Equal(expected, NumberText.Ratio(value));

    [Theory]
    [InlineData(0.4, "40%")]
    [InlineData(0.163, "16.3%")]
    [InlineData(0.0043, "0.43%")]
    public void Percent_ThreeSignificantFigures(double fraction, string expected) =>
        Assert.Equal(expected, NumberText.Percent(fraction));

    [Theory]
    [InlineData(1.2134e6, "€1.21M")]
    [InlineData(20_000, "€20K")]
    [InlineData(350, "€350")]
    public void Euros_AsACount(double euros, string expected) => Assert.Equal(expected, NumberText.Euros(euros));

    [Theory]
    [InlineData(87.8, "87.8 days")]
    [InlineData(1, "1 day")]
    [InlineData(991.3, "991 days")]
    [InlineData(1323.4, "1,323 days")]
    [InlineData(0.7, "16.8 hours")]
    public void Days_SignificantWithTheUnit(double days, string expected) => Assert.Equal(expected, NumberText.Days(days));

    [Theory]
    [InlineData(513_000, "513 MWh")]
    [InlineData(640, "640 kWh")]
    [InlineData(1.2e6, "1.2 GWh")]
    public void KilowattHours_InTheUnitThatKeepsThreeFigures(double kwh, string expected) =>
        Assert.Equal(expected, NumberText.KilowattHours(kwh));

    [Theory]
    [InlineData(205.1, "205 t")]
    [InlineData(1234.5, "1,235 t")]
    [InlineData(0.12, "120 kg")]
    public void Tonnes_OrKilogramsUnderATonne(double tonnes, string expected) => Assert.Equal(expected, NumberText.Tonnes(tonnes));

    [Theory]
    [InlineData(1.44e11, "144 GB")]
    [InlineData(1.16e12, "1.16 TB")]
    [InlineData(5.24e8, "524 MB")]
    public void Bytes_DecimalUnits(double bytes, string expected) => Assert.Equal(expected, NumberText.Bytes(bytes));

    [Theory]
    [InlineData(1e-300, "1E-300")]
    [InlineData(double.PositiveInfinity, "more than 1.8E+308")]
    [InlineData(double.NaN, "an undefined number (NaN)")]
    public void Value_QuotesWhatTheUserGave(double value, string expected) => Assert.Equal(expected, NumberText.Value(value));

    [Fact]
    public void Gpus_NamesTheNoun()
    {
        Assert.Equal("1 GPU", NumberText.Gpus(1));
        Assert.Equal("1,024 GPUs", NumberText.Gpus(1024));
    }

    [Property]
    public Property EveryStyle_IsTheSameOnAGermanMachine()
    {
        // A decimal comma or a period as the group separator would make "1,024" and "1.974" mean other numbers.
        return Prop.ForAll(Generators.LogUniform(-3, 18).ToArbitrary(), value =>
        {
            string[] Render() =>
            [
                NumberText.Count(value), NumberText.Significant(value), NumberText.Scientific(value), NumberText.Loss(value),
                NumberText.Ratio(value), NumberText.Percent(value), NumberText.Euros(value), NumberText.Days(value),
                NumberText.Tonnes(value), NumberText.Bytes(value), NumberText.Power(value), NumberText.Exponent(value),
            ];
            return Render().SequenceEqual(CultureScope.Run("de-DE", Render));
        });
    }

    [Property]
    public Property Significant_KeepsThreeSignificantFigures()
    {
        // Read back, the text is the value to within half a unit in its third significant figure.
        return Prop.ForAll(Generators.LogUniform(-3, 18).ToArbitrary(), value =>
        {
            double shown = double.Parse(NumberText.Significant(value), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            return Math.Abs(shown - value) <= 0.005 * value * (1 + 1e-12);
        });
    }

    [Property]
    public Property Count_ReadsBackWithinItsPrecision()
    {
        var suffixes = new Dictionary<char, double> { ['K'] = 1e3, ['M'] = 1e6, ['B'] = 1e9, ['T'] = 1e12 };
        return Prop.ForAll(Generators.LogUniform(-3, 18).ToArbitrary(), value =>
        {
            string text = NumberText.Count(value);
            double scale = suffixes.TryGetValue(text[^1], out double s) ? s : 1;
            string digits = scale == 1 ? text : text[..^1];
            double shown = double.Parse(digits, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture) * scale;
            return Math.Abs(shown - value) <= 0.005 * value * (1 + 1e-12);
        });
    }
}
