using Scaling.Audit;
using Scaling.Reports.Figures;

namespace Scaling.Reports.Html;

/// <summary>
/// The page's one stylesheet, inline: readable on a phone (no horizontal scrolling at 390 px: tables scroll in their
/// own box, long words break), on a desktop, and on paper (A4 or Letter: figures and table rows never split).
/// </summary>
internal static class HtmlPageStyle
{
    /// <summary>
    /// The fonts: the figures are drawn for DejaVu Sans (FigureStyle.Font); Verdana shares its Bitstream Vera metrics,
    /// so text keeps its width where DejaVu is not installed. No web font is fetched.
    /// </summary>
    public const string FontStack = "\"DejaVu Sans\", Verdana, \"Bitstream Vera Sans\", \"Segoe UI\", Roboto, Arial, sans-serif";

    public const string Css = """
        :root { color-scheme: light; --ink: #1d1d1f; --muted: #5a5a60; --rule: #d8d8de; --paper: #ffffff; --tint: #f4f6fa;
          --accent: #0072b2; --warning: #b00020;
          --under: UNDER; --near: NEAR; --over: OVER; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--paper); color: var(--ink); font-family: FONTS; font-size: 16px; line-height: 1.55; }
        main { max-width: 62rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
        h1, h2, h3 { line-height: 1.25; margin: 1.6em 0 0.5em; }
        h1 { font-size: 1.75rem; margin-top: 0.4em; }
        h2 { font-size: 1.35rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; }
        h3 { font-size: 1.1rem; }
        p, li, dd, figcaption, caption { overflow-wrap: anywhere; }
        td, th { overflow-wrap: break-word; }
        a { color: var(--accent); }
        .kicker { color: var(--muted); font-size: 0.9rem; margin: 0; text-transform: uppercase; letter-spacing: 0.04em; }
        .lead { font-size: 1.15rem; }
        .beside { font-size: 0.9rem; color: var(--muted); margin: -0.3em 0 1em; }
        .note { font-size: 0.9rem; color: var(--muted); }
        nav.contents ol { margin: 0.3em 0; padding-left: 1.4em; columns: 2 14rem; }
        dl.key-numbers { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.6rem; margin: 1rem 0; }
        dl.key-numbers div { background: var(--tint); border-radius: 6px; padding: 0.5rem 0.7rem; }
        dl.key-numbers dt { font-size: 0.8rem; color: var(--muted); }
        dl.key-numbers dd { margin: 0; font-size: 1.3rem; font-weight: 700; }
        data { font-variant-numeric: tabular-nums; }
        .table-scroll { max-width: 100%; overflow-x: auto; margin: 0.8rem 0 1.2rem; border: 1px solid var(--rule); border-radius: 6px; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
        table.wide { min-width: 40rem; }
        caption { text-align: left; padding: 0.5rem 0.6rem; color: var(--muted); font-size: 0.88rem; caption-side: top; }
        th, td { padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; border-top: 1px solid var(--rule); }
        thead th { background: var(--tint); border-top: none; vertical-align: bottom; }
        table.wide tbody th[scope=row] { white-space: nowrap; }
        td.number, th.number { text-align: right; }
        td.number { white-space: nowrap; }
        th button { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
        th .print-label { display: none; }
        th button::after { content: " \2195"; color: var(--muted); font-weight: 400; }
        th[aria-sort="ascending"] button::after { content: " \2191"; color: var(--ink); }
        th[aria-sort="descending"] button::after { content: " \2193"; color: var(--ink); }
        tr.chosen td { background: #fff7e0; }
        .verdict { font-weight: 700; white-space: nowrap; }
        .verdict-undertrained { color: var(--under); }
        .verdict-near-optimal { color: var(--near); }
        .verdict-overtrained { color: var(--over); }
        .warning { color: var(--warning); border-left: 4px solid var(--warning); padding: 0.4rem 0.7rem; background: #fdecee; }
        .footnote { font-size: 0.82rem; }
        .footnote code { white-space: nowrap; font-size: 0.95em; }
        .scroll-hint { display: none; position: sticky; left: 0; margin: 0; padding: 0.2rem 0.6rem; font-size: 0.8rem; color: var(--muted); background: var(--tint); }
        .table-scroll.overflowing .scroll-hint { display: block; }
        figure svg.phone { display: none; }
        figure { margin: 1.4rem 0 2rem; }
        figure svg { display: block; width: 100%; max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; }
        figure svg text { font-family: FONTS; }
        figcaption { margin-top: 0.5rem; font-size: 0.95rem; }
        figcaption .figure-title { display: block; font-weight: 700; }
        .files a { margin-right: 0.6em; }
        ol.sources li { margin-bottom: 0.35em; }
        ol.sources li:target { background: #fff7e0; }
        a.cite { text-decoration: none; font-size: 0.85em; }
        .formula { font-family: "DejaVu Serif", Georgia, serif; white-space: normal; }
        footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; }
        @media (max-width: 30rem) {
          main { padding: 0.8rem 0.75rem 2rem; }
          h1 { font-size: 1.4rem; }
          .lead { font-size: 1.05rem; }
          dl.key-numbers dd { font-size: 1.1rem; }
          table.reflow thead { display: none; }
          table.reflow tr { display: block; border-top: 1px solid var(--rule); padding: 0.3rem 0; }
          table.reflow th, table.reflow td { display: block; border: none; padding: 0.1rem 0.6rem; }
          table.reflow td:last-child { color: var(--muted); font-size: 0.85rem; }
          figure svg.wide { display: none; }
          figure svg.phone { display: block; }
        }
        @page { margin: 14mm 12mm; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav.contents, th button { display: none; }
          th .print-label { display: inline; }
          figure svg.wide { display: block; }
          figure svg.phone { display: none; }
          h2, h3 { break-after: avoid; }
          figure, dl.key-numbers div, tr, .table-scroll caption { break-inside: avoid; }
          .table-scroll { overflow: visible; border: none; }
          .scroll-hint, .table-scroll.overflowing .scroll-hint { display: none; }
          table { font-size: 8.5pt; }
          a { color: inherit; }
          ol.sources a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
        }
        """;

    /// <summary>The stylesheet with the font stack and the verdict colours (the audit map's, one palette everywhere) filled in.</summary>
    public static string Text => Css.Replace("FONTS", FontStack, StringComparison.Ordinal)
        .Replace("UNDER", Hex(AuditVerdict.Undertrained), StringComparison.Ordinal)
        .Replace("NEAR", Hex(AuditVerdict.NearOptimal), StringComparison.Ordinal)
        .Replace("OVER", Hex(AuditVerdict.Overtrained), StringComparison.Ordinal);

    private static string Hex(AuditVerdict verdict)
    {
        var c = AuditMapFigure.VerdictColor(verdict);
        return $"#{c.R:x2}{c.G:x2}{c.B:x2}";
    }
}
