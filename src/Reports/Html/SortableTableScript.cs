namespace Scaling.Reports.Html;

/// <summary>
/// The page's only script. It marks a table box that is wider than the screen (class <c>overflowing</c>, which shows
/// its scroll hint), on load and on every resize. And a header button sorts a <c>table[data-sortable]</c> by that column, ascending then
/// descending, by each cell's <c>data-sort</c> value (numbers compare as numbers). Without script the table still
/// reads in its written order.
/// </summary>
internal static class SortableTableScript
{
    public const string Text = """
        "use strict";
        function markOverflowing() {
          document.querySelectorAll(".table-scroll").forEach(function (box) {
            box.classList.toggle("overflowing", box.scrollWidth > box.clientWidth + 1);
          });
        }
        window.addEventListener("resize", markOverflowing);
        markOverflowing();
        document.querySelectorAll("table[data-sortable]").forEach(function (table) {
          var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
          headers.forEach(function (header, column) {
            var button = header.querySelector("button");
            if (!button) { return; }
            button.addEventListener("click", function () {
              var ascending = header.getAttribute("aria-sort") !== "ascending";
              headers.forEach(function (other) { if (other.querySelector("button")) { other.setAttribute("aria-sort", "none"); } });
              header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].getAttribute("data-sort"), y = b.cells[column].getAttribute("data-sort");
                var order = (x !== "" && y !== "" && !isNaN(x) && !isNaN(y)) ? Number(x) - Number(y) : x.localeCompare(y);
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """;
}
