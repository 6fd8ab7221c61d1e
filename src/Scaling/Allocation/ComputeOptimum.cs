namespace Scaling.Allocation;

/// <summary>
/// A point on (or, under caps, near) the compute-optimal frontier: how to spend <see cref="Flops"/> on
/// <see cref="Parameters"/> and <see cref="Tokens"/>.
/// </summary>
/// <param name="Flops">The training compute C in FLOPs, with C = k·N·D.</param>
/// <param name="Parameters">The model size N in parameters.</param>
/// <param name="Tokens">The training tokens D.</param>
/// <param name="ExponentA">The local allocation exponent a = d ln N* / d ln C.</param>
/// <param name="ExponentB">The local allocation exponent b = d ln D* / d ln C; a + b = 1.</param>
/// <remarks>
/// An allocation rule's optimum is this type; a loss law's is a <see cref="LossOptimum"/>, which adds the predicted
/// loss, so code that needs the loss asks for that type and never for a loss that may be missing.
/// </remarks>
public record ComputeOptimum(
    double Flops,
    double Parameters,
    double Tokens,
    double ExponentA,
    double ExponentB)
{
    /// <summary>Training tokens per parameter, D / N (≈ 20 for the Besiroglu refit).</summary>
    public double TokensPerParameter => Tokens / Parameters;

    /// <summary>The smallest model or token count a plan may have: one parameter, one token.</summary>
    public const double SmallestCount = 1;

    /// <summary>
    /// This optimum, when a model can be trained to it: at least one parameter and one token
    /// (<see cref="SmallestCount"/>). The solvers answer any positive budget (the math holds for 10 parameters as
    /// for 10^12); a plan for people is refused below that.
    /// </summary>
    /// <exception cref="InfeasiblePlanException">The model has under one parameter or the data under one token.</exception>
    public virtual ComputeOptimum Plannable()
    {
        CheckPlannable();
        return this;
    }

    /// <summary>Throws <see cref="InfeasiblePlanException"/> unless the model has at least one parameter and one token.</summary>
    protected void CheckPlannable()
    {
        const string Count = "of at least 1";
        if (Parameters < SmallestCount)
        {
            throw InfeasiblePlanException.Result("parameters", Parameters, Count, Flops);
        }

        if (Tokens < SmallestCount)
        {
            throw InfeasiblePlanException.Result("tokens", Tokens, Count, Flops);
        }
    }

    /// <summary>An optimum whose numbers are finite and positive; otherwise (overflow, underflow) <see cref="InfeasiblePlanException"/>.</summary>
    internal static ComputeOptimum Checked(double flops, double parameters, double tokens, double exponentA, double exponentB)
    {
        CheckUsable(flops, parameters, tokens);
        return new ComputeOptimum(flops, parameters, tokens, exponentA, exponentB);
    }

    /// <summary>Throws <see cref="InfeasiblePlanException"/> unless C, N and D are finite and positive.</summary>
    internal static void CheckUsable(double flops, double parameters, double tokens)
    {
        const string Positive = "finite and greater than 0";
        Usable("flops", flops, flops, Positive);
        Usable("parameters", parameters, flops, Positive);
        Usable("tokens", tokens, flops, Positive);
    }

    private static void Usable(string quantity, double value, double flops, string limit)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw InfeasiblePlanException.Result(quantity, value, limit, flops);
        }
    }
}
