namespace Scaling.Reports.Workbooks;

/// <summary>
/// One labelled row of the <c>Inputs</c> or <c>Plan</c> sheet: a named cell holding a value or a live formula.
/// </summary>
/// <param name="Label">What a reader sees in column A, e.g. "Optimal parameters N*".</param>
/// <param name="Name">The workbook-scoped defined name of the value cell, e.g. <c>Plan_parameters</c>.</param>
/// <param name="Value">The input value (inputs), or null for a formula row.</param>
/// <param name="Formula">An Excel formula without the leading '=', or null for an input row.</param>
/// <param name="Unit">The unit shown in column C.</param>
/// <param name="NumberFormat">An Excel number format such as <c>0.00E+00</c>.</param>
/// <param name="Note">The meaning, formula in words, or source, shown in column D.</param>
internal sealed record WorkbookRow(string Label, string Name, object? Value, string? Formula, string Unit, string NumberFormat, string Note)
{
    /// <summary>An input row: a value the reader may change.</summary>
    public static WorkbookRow Input(string label, string name, object value, string unit, string format, string note) =>
        new(label, name, value, null, unit, format, note);

    /// <summary>A computed row: a live formula over named cells.</summary>
    public static WorkbookRow Computed(string label, string name, string formula, string unit, string format, string note) =>
        new(label, name, null, formula, unit, format, note);

    /// <summary>Bounds for the input's data validation, or null when any value of its type is allowed.</summary>
    public (double Minimum, double Maximum)? Bounds { get; init; }

    /// <summary>
    /// A formula (without '=') for the note instead of <see cref="Note"/>'s fixed text, where the note depends on an input
    /// (the price basis of the GPU chosen on <c>Inputs</c>); <see cref="Note"/> is then its value at the report's inputs.
    /// </summary>
    public string? NoteFormula { get; init; }

    /// <summary>A range such as <c>Catalog!$A$2:$A$10</c> whose values are the only ones the input accepts, or null.</summary>
    public string? ListRange { get; init; }
}
