using System.Globalization;
using System.Text.Json.Nodes;

namespace Scaling.Fitting.Extrapolation;

/// <summary>
/// Reads the <c>extrapolation</c> member that <c>scaling fit --out fit.json</c> writes beside the law, so that
/// <c>scaling plan --law fit.json</c> gives the calibrated N* interval at any budget:
/// <c>{"method", "calibrated", "level", "corpusQuantile", "ownQuantile", "ownReachDecades", "ownPredictions",
/// "calibrationReachDecades", "forecast": {"originLogFlops", "largestBudgetFlops", "coefficients", "covariance",
/// "noiseVariance"}}</c> (other members, such as the plan at the fit's budget, are ignored).
/// </summary>
public static class ExtrapolationJson
{
    /// <summary>The member of a fit file that holds the extrapolation.</summary>
    public const string Member = "extrapolation";

    private const string Expected = "an \"extrapolation\" object as 'scaling fit --out' writes it";

    /// <summary>Reads the member <paramref name="node"/> of the file <paramref name="origin"/>.</summary>
    /// <exception cref="UnreadableFileException">A member is missing or out of range.</exception>
    public static CalibratedExtrapolation Parse(JsonNode node, string origin)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is not JsonObject obj)
        {
            throw Unreadable(origin, "\"extrapolation\" must be an object.");
        }

        string name = obj["method"] is JsonValue v && v.TryGetValue(out string? text) ? text : string.Empty;
        var method = ExtrapolationMethodNames.Parse(name)
            ?? throw Unreadable(origin, $"extrapolation method \"{name}\" is not one of {string.Join(", ", ExtrapolationMethodNames.All.Select(m => m.Name))}.");
        if (obj["forecast"] is not JsonObject forecast)
        {
            throw Unreadable(origin, "extrapolation has no \"forecast\" object.");
        }

        OptimumForecast parsed;
        try
        {
            parsed = OptimumForecast.Create(
                method,
                Number(forecast, "originLogFlops", origin),
                Number(forecast, "largestBudgetFlops", origin),
                Numbers(forecast, "coefficients", origin),
                Numbers(forecast, "covariance", origin),
                Number(forecast, "noiseVariance", origin));
        }
        catch (ArgumentException e)
        {
            throw Unreadable(origin, "extrapolation forecast: " + e.Message);
        }

        bool calibrated = obj["calibrated"] is JsonValue c && c.TryGetValue(out bool flag) ? flag : throw Unreadable(origin, "extrapolation has no \"calibrated\" true/false.");
        double level = Number(obj, "level", origin);
        double corpus = Number(obj, "corpusQuantile", origin);
        double own = Number(obj, "ownQuantile", origin);
        double reach = Number(obj, "ownReachDecades", origin);
        double predictions = Number(obj, "ownPredictions", origin);
        double calibrationReach = Number(obj, "calibrationReachDecades", origin);
        if (!(level > 0 && level < 1) || !(corpus > 0) || !(own >= 0) || !(predictions >= 0) || predictions != Math.Floor(predictions))
        {
            throw Unreadable(origin, "extrapolation: level must lie in (0, 1), corpusQuantile be positive, ownQuantile and ownPredictions (a count) not negative.");
        }

        return new CalibratedExtrapolation(parsed, corpus, calibrated, level, own, reach, (int)predictions, calibrationReach);
    }

    private static double Number(JsonObject obj, string name, string origin) =>
        obj[name] is JsonValue value && value.TryGetValue(out double number) && double.IsFinite(number)
            ? number
            : throw Unreadable(origin, $"extrapolation has no finite number \"{name}\".");

    private static double[] Numbers(JsonObject obj, string name, string origin)
    {
        var array = obj[name] as JsonArray;
        var numbers = array?.Select(item => item is JsonValue value && value.TryGetValue(out double number) ? number : (double?)null).OfType<double>().ToArray();
        return array is not null && numbers is not null && numbers.Length == array.Count
            ? numbers
            : throw Unreadable(origin, $"extrapolation has no array of numbers \"{name}\".");
    }

    private static UnreadableFileException Unreadable(string origin, string problem) =>
        new(origin, 0, 0, Expected, problem.ToString(CultureInfo.InvariantCulture));
}
