(function () {
  "use strict";
  var q = document.getElementById("q");
  var status = document.getElementById("status");
  var drift = document.getElementById("drift");
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.control"));
  var notPassing = { fail: true, error: true, warn: true };
  function apply() {
    var text = q.value.trim().toLowerCase();
    var want = status.value;
    var n = 0;
    rows.forEach(function (row) {
      var s = row.getAttribute("data-status");
      var ok = (!want || s === want || (want === "notpass" && notPassing[s])) &&
        (!drift.checked || row.getAttribute("data-drift") === "yes") &&
        (!text || row.getAttribute("data-search").indexOf(text) !== -1);
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
    empty.hidden = n !== 0;
  }
  q.addEventListener("input", apply);
  status.addEventListener("change", apply);
  drift.addEventListener("change", apply);
  document.getElementById("drift-only").addEventListener("click", function () {
    drift.checked = !drift.checked;
    apply();
    q.scrollIntoView({ behavior: "smooth", block: "start" });
  });
  document.querySelectorAll("[data-filter]").forEach(function (tile) {
    tile.addEventListener("click", function () {
      status.value = status.value === tile.getAttribute("data-filter") ? "" : tile.getAttribute("data-filter");
      apply();
      q.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  });
  apply();
  document.documentElement.setAttribute("data-js", "ready");
})();
