(function () {
  "use strict";
  var drift = document.getElementById("drift");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.control"));
  var apply = dockerbenchFilter(rows, function (row) {
    return !drift.checked || row.getAttribute("data-drift") === "yes";
  });
  drift.addEventListener("change", apply);
  document.getElementById("drift-only").addEventListener("click", function () {
    drift.checked = !drift.checked;
    apply();
    document.getElementById("q").scrollIntoView({ behavior: "smooth", block: "start" });
  });
  apply();
  document.documentElement.setAttribute("data-js", "ready");
})();
