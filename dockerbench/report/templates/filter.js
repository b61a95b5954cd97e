// The control filter of both HTML pages (report and fleet): the search box #q, the status select
// #status ("notpass": fail, error or warn), the status tiles [data-filter], the count #shown and
// the #empty line. rows are the control rows (data-status, data-search); extra(row) is the
// page's own condition. Returns apply, to run again when that condition changes.
var dockerbenchFilter = function (rows, extra) {
  "use strict";
  var q = document.getElementById("q");
  var status = document.getElementById("status");
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");
  var notPassing = { fail: true, error: true, warn: true };
  function apply() {
    var text = q.value.trim().toLowerCase();
    var want = status.value;
    var n = 0;
    rows.forEach(function (row) {
      var s = row.getAttribute("data-status");
      var ok = (!want || s === want || (want === "notpass" && notPassing[s])) && extra(row) &&
        (!text || row.getAttribute("data-search").indexOf(text) !== -1);
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
    empty.hidden = n !== 0;
  }
  q.addEventListener("input", apply);
  status.addEventListener("change", apply);
  document.querySelectorAll("[data-filter]").forEach(function (tile) {
    tile.addEventListener("click", function () {
      status.value = status.value === tile.getAttribute("data-filter") ? "" : tile.getAttribute("data-filter");
      apply();
      q.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  });
  return apply;
};
