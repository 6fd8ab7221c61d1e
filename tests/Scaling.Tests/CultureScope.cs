using System.Globalization;

namespace Scaling.Tests;

/// <summary>Runs code as on a machine set to another culture (formatting and UI), then restores the thread's own.</summary>
internal static class CultureScope
{
    /// <summary>The cultures whose number formats differ from the invariant one: decimal comma, and Turkish casing (i/İ).</summary>
    public static TheoryData<string> Foreign => new() { "de-DE", "tr-TR" };

    public static T Run<T>(string culture, Func<T> action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var target = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (target, target);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
