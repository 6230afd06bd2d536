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
  // Search: Pagefind's UI and index pieces, all served by this site, loaded only on the search page.
  function setUpSearch() {
    var box = document.getElementById("tl-search");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var bundle = box.dataset.bundle;
    function start() {
      box.textContent = "";
      // the site may live under a sub-path (GitHub Pages: /REPO/): results link relative to where the bundle is
      var base = new URL("..", new URL(bundle, location.href)).pathname;
      new PagefindUI({ element: "#tl-search", bundlePath: bundle, baseUrl: base, showSubResults: true, showImages: false,
                       ranking: JSON.parse(box.dataset.ranking || "{}"),
                       resetStyles: false, autofocus: true });
      var labelled = setInterval(function () {  // Pagefind's input has a title but no label
        var field = box.querySelector("input");
        if (!field) return;
        clearInterval(labelled);
        field.setAttribute("aria-label", "Search events and articles");
        var query = new URLSearchParams(location.search).get("q");  // search/?q=words opens with results
        if (query) { field.value = query; field.dispatchEvent(new Event("input")); }
      }, 50);
    }
    if (typeof PagefindUI !== "undefined") { start(); return; }
    var css = document.createElement("link");
    css.rel = "stylesheet"; css.href = bundle + "pagefind-ui.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = bundle + "pagefind-ui.js"; script.onload = start;
    document.head.appendChild(script);
  }
  function setUpAll() { setUp(); setUpSearch(); }
  if (typeof document$ !== "undefined") { document$.subscribe(setUpAll); } else { document.addEventListener("DOMContentLoaded", setUpAll); }
})();
