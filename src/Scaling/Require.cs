namespace Scaling;

/// <summary>Argument checks at the door of the numeric core, so later code can trust its inputs.</summary>
internal static class Require
{
    public static double PositiveFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and greater than 0.");
        }

        return value;
    }

    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite.");
        }

        return value;
    }

    public static double NonNegativeFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and at least 0.");
        }

        return value;
    }

    public static double Fraction(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in (0, 1].");
        }

        return value;
    }
}
