using System.Collections;

namespace Scaling.Fitting.Bootstrap;

/// <summary>
/// The bootstrap intervals of an Approach 3 fit, one per quantity: the law's coefficients E, A, B, α, β, the allocation
/// exponents a = β/(α+β) and b = α/(α+β), and, when the bootstrap was given a budget, the plan at it (<see cref="Plan"/>).
/// </summary>
/// <remarks>
/// Enumerates as (name, interval) pairs for tables, in a stable order: <c>E</c>, <c>A</c>, <c>B</c>, <c>alpha</c>,
/// <c>beta</c>, <c>exponentA</c>, <c>exponentB</c>, then with a plan <c>parameters</c>, <c>tokens</c>,
/// <c>tokensPerParameter</c>.
/// <example><code>
/// var boot = ParametricBootstrap.Run(fit, new BootstrapOptions { Flops = 5.76e23 });
/// boot.Intervals.ExponentA.Lower;            // the 2.5th percentile of a over the refits
/// boot.Intervals.Plan?.Parameters.Upper;     // N* at Gopher's budget, upper bound
/// </code></example>
/// </remarks>
public sealed record BootstrapIntervals(
    Interval E,
    Interval A,
    Interval B,
    Interval Alpha,
    Interval Beta,
    Interval ExponentA,
    Interval ExponentB,
    OptimumIntervals? Plan) : IEnumerable<KeyValuePair<string, Interval>>
{
    /// <summary>The coverage of the percentile intervals, e.g. 0.95.</summary>
    public double Level => E.Level;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Interval>> GetEnumerator()
    {
        yield return new("E", E);
        yield return new("A", A);
        yield return new("B", B);
        yield return new("alpha", Alpha);
        yield return new("beta", Beta);
        yield return new("exponentA", ExponentA);
        yield return new("exponentB", ExponentB);
        if (Plan is { } plan)
        {
            yield return new("parameters", plan.Parameters);
            yield return new("tokens", plan.Tokens);
            yield return new("tokensPerParameter", plan.TokensPerParameter);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
