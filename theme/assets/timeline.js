// Timeline filters: hide the cards that do not match the chosen party, place and kind of figure.
// Our own few lines; no framework, nothing loaded from another host. Re-run on every instant page load.
(function () {
  function setUp() {
    // Material's search dialog has no accessible name of its own
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
    var form = document.querySelector(".tl-filters");
    if (!form) return;
    var selects = form.querySelectorAll("select[data-filter]");
    var output = form.querySelector(".tl-count");
    function apply() {
      var chosen = {};
      selects.forEach(function (s) { chosen[s.dataset.filter] = s.value; });
      var shown = 0;
      document.querySelectorAll(".tl-card").forEach(function (card) {
        var ok = Object.keys(chosen).every(function (key) {
          if (!chosen[key]) return true;
          return (card.dataset[key] || "").split(" ").indexOf(chosen[key]) !== -1;
        });
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      document.querySelectorAll(".tl-month, .tl-year").forEach(function (section) {
        section.hidden = !section.querySelector(".tl-card:not([hidden])");
      });
      if (output) output.textContent = shown + " event" + (shown === 1 ? "" : "s") + " shown";
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    apply();
  }
  if (typeof document$ !== "undefined") { document$.subscribe(setUp); } else { document.addEventListener("DOMContentLoaded", setUp); }
})();
