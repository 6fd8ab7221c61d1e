using System.Collections;
using System.Globalization;

namespace Scaling.Tests.Notebooks;

/// <summary>
/// What a Polyglot C# kernel gives every cell, and all the runner gives: <c>display(x)</c> and <c>HTML(s)</c>.
/// Public because Roslyn scripts bind to the globals type's members.
/// </summary>
public sealed class NotebookGlobals
{
    private readonly List<CellOutput> outputs = [];

    /// <summary>Shows <paramref name="value"/> below the cell: HTML as text/html, anything else as text/plain.</summary>
#pragma warning disable IDE1006, CA1822 // the kernel's names are lower-case
    public void display(object? value) =>
#pragma warning restore IDE1006, CA1822
        outputs.Add(value is HtmlContent html
            ? CellOutput.Display("text/html", html.Html)
            : CellOutput.Display("text/plain", Format(value)));

    /// <summary>Marks <paramref name="html"/> as HTML for <see cref="display"/>.</summary>
#pragma warning disable CA1822
    public HtmlContent HTML(string html) => new(html ?? string.Empty);
#pragma warning restore CA1822

    /// <summary>Console text, appended to the stream output being written or starting a new one.</summary>
    internal void WriteStandardOutput(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (outputs.Count > 0 && outputs[^1].Kind == CellOutput.Stream)
        {
            outputs[^1] = CellOutput.StandardOutput(outputs[^1].Text + text);
        }
        else
        {
            outputs.Add(CellOutput.StandardOutput(text));
        }
    }

    /// <summary>The outputs displayed since the last call, in order; clears them.</summary>
    internal IReadOnlyList<CellOutput> TakeOutputs()
    {
        var taken = outputs.ToArray();
        outputs.Clear();
        return taken;
    }

    /// <summary>
    /// The text/plain form of a value: strings as they are, sequences one element per line, everything else its
    /// <c>ToString()</c> in the invariant culture.
    /// </summary>
    internal static string Format(object? value) => value switch
    {
        null => "<null>",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence => string.Join("\n", sequence.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>HTML to display, as returned by <c>HTML(...)</c> (the kernel's <c>IHtmlContent</c>).</summary>
public sealed record HtmlContent(string Html)
{
    /// <inheritdoc/>
    public override string ToString() => Html;
}
