(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody.control"));
  var apply = dockerbenchFilter(rows, function () { return true; });
  function setOpen(open) {
    rows.forEach(function (row) {
      if (!row.hidden) {
        row.querySelectorAll("details").forEach(function (d) { d.open = open; });
      }
    });
  }
  document.getElementById("expand").addEventListener("click", function () { setOpen(true); });
  document.getElementById("collapse").addEventListener("click", function () { setOpen(false); });
  var hash = decodeURIComponent(window.location.hash.slice(1));
  if (hash) {
    var target = document.getElementById(hash);
    if (target) { target.querySelectorAll("details").forEach(function (d) { d.open = true; }); }
  }
  apply();
  document.documentElement.setAttribute("data-js", "ready");
})();
