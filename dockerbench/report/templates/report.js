(function () {
  "use strict";
  var q = document.getElementById("q");
  var status = document.getElementById("status");
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody.control"));
  var notPassing = { fail: true, error: true, warn: true };
  function apply() {
    var text = q.value.trim().toLowerCase();
    var want = status.value;
    var n = 0;
    rows.forEach(function (row) {
      var s = row.getAttribute("data-status");
      var ok = (!want || s === want || (want === "notpass" && notPassing[s])) &&
        (!text || row.getAttribute("data-search").indexOf(text) !== -1);
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
    empty.hidden = n !== 0;
  }
  function setOpen(open) {
    rows.forEach(function (row) {
      if (!row.hidden) {
        row.querySelectorAll("details").forEach(function (d) { d.open = open; });
      }
    });
  }
  q.addEventListener("input", apply);
  status.addEventListener("change", apply);
  document.getElementById("expand").addEventListener("click", function () { setOpen(true); });
  document.getElementById("collapse").addEventListener("click", function () { setOpen(false); });
  document.querySelectorAll("[data-filter]").forEach(function (tile) {
    tile.addEventListener("click", function () {
      status.value = status.value === tile.getAttribute("data-filter") ? "" : tile.getAttribute("data-filter");
      apply();
      document.getElementById("q").scrollIntoView({ behavior: "smooth", block: "start" });
    });
  });
  var hash = decodeURIComponent(window.location.hash.slice(1));
  if (hash) {
    var target = document.getElementById(hash);
    if (target) { target.querySelectorAll("details").forEach(function (d) { d.open = true; }); }
  }
  apply();
  document.documentElement.setAttribute("data-js", "ready");
})();
