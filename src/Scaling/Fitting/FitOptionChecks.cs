namespace Scaling.Fitting;

/// <summary>Checks shared by the options of the fits and bootstraps, made when an option is set.</summary>
internal static class FitOptionChecks
{
    public static int Resamples(int value, string name) =>
        value == 0 || value >= 2
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0 (no bootstrap) or at least 2; 1,000 is usual.");

    public static int Parallelism(int value, string name) =>
        value is -1 or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be -1 (all cores) or at least 1.");
}
