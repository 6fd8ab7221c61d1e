namespace Scaling.Reports;

/// <summary>One file of a report, rendered in memory so that nothing reaches the disk until everything rendered.</summary>
/// <param name="FileName">A plain file name such as <c>isoflop.png</c>.</param>
/// <param name="Description">What the file shows, for the listing printed after writing.</param>
/// <param name="Bytes">The file's content.</param>
public sealed record ReportFile(string FileName, string Description, byte[] Bytes);
