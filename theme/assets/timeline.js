// The timeline's filters and date jump, and the search page's loader. Our own few lines; no framework, nothing
// loaded from another host. Re-run on every instant page load. Text from the filter indexes goes into the page
// with textContent only, never as HTML.
(function () {
  var FACETS = { party: "parties", place: "places", kind: "kinds", outlet: "outlets" };
  var NAMES = Object.keys(FACETS);
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"];
  var BATCH = 200;  // results drawn at a time
  var DATE = /^\d{4}(-\d\d){0,2}$/;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function option(select, value, text) { var o = el("option", "", text); o.value = value; select.appendChild(o); }
  function humanDate(iso) {  // '2023-01-01' -> '1 January 2023', '2022-02' -> 'February 2022', '2014' -> '2014'
    var p = iso.split("-");
    if (p.length === 1) return p[0];
    return (p.length === 3 ? +p[2] + " " : "") + MONTHS[+p[1] - 1] + " " + p[0];
  }
  function withQuery(href, query) {  // a link that keeps the filters: the query goes before any #fragment
    var at = href.indexOf("#"), path = at < 0 ? href : href.slice(0, at), hash = at < 0 ? "" : href.slice(at);
    return path + (query ? "?" + query : "") + hash;
  }

  // A date in the address (#2022-03-08, or #2022-03): scroll to the first shown card on or after it.
  function scrollToDate() {
    var date = decodeURIComponent(location.hash.slice(1));
    if (!DATE.test(date)) return;
    var cards = document.querySelectorAll(".tl-results:not([hidden]) .tl-card, .tl-line:not([hidden]) .tl-card");
    for (var i = 0; i < cards.length; i++) {
      var time = cards[i].querySelector("time");
      if (time && time.getAttribute("datetime") >= date) { cards[i].scrollIntoView(); return; }
    }
  }

  // Filters: over every event of the year (the filter index), not the cards on the page; the address keeps them.
  function setUpFilters() {
    var form = document.querySelector("form.tl-filters"), box = form && form.closest("details");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var loading = null;
    function load() {  // the year's index is fetched once, when the reader opens the filters or the address has some
      if (loading) return;
      loading = Promise.all(form.dataset.index.split(" ").filter(Boolean).map(function (url) {
        return fetch(url).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          return response.json();
        });
      })).then(function (indexes) { startFilters(form, indexes); })
        .catch(function (error) { console.warn("timeline filters:", error); });  // the form stays hidden
    }
    var query = new URLSearchParams(location.search);
    box.hidden = false;
    box.addEventListener("toggle", function () { if (box.open) load(); });
    if (NAMES.concat(["disputed"]).some(function (name) { return query.get(name); })) { box.open = true; load(); }
  }

  function readIndexes(indexes) {
    var labels = { parties: {}, places: {}, kinds: {}, outlets: {} }, events = [];
    indexes.forEach(function (index) {
      var at = {};
      index.fields.forEach(function (field, i) { at[field] = i; });
      NAMES.forEach(function (name) {
        index[FACETS[name]].forEach(function (pair) { labels[FACETS[name]][pair[0]] = pair[1]; });
      });
      index.events.forEach(function (row) {
        var event = { id: row[at.id], date: row[at.date], title: row[at.title], disputed: row[at.disputed] === 1 };
        NAMES.forEach(function (name) {
          var table = index[FACETS[name]];
          event[name] = row[at[FACETS[name]]].map(function (n) { return table[n][0]; });
        });
        events.push(event);
      });
    });
    return { labels: labels, events: events };  // in time order: the indexes are, and come oldest first
  }

  function startFilters(form, indexes) {
    var data = readIndexes(indexes), controls = {}, query = new URLSearchParams(location.search);
    form.querySelectorAll("[data-filter]").forEach(function (c) { controls[c.dataset.filter] = c; });
    NAMES.forEach(function (name) {
      var labels = data.labels[FACETS[name]], wanted = query.get(name) || "";
      Object.keys(labels).sort(function (a, b) { return labels[a].localeCompare(labels[b]); })
        .forEach(function (value) { option(controls[name], value, labels[value]); });
      if (wanted && !(wanted in labels)) option(controls[name], wanted, wanted + " (none here)");
      controls[name].value = wanted;
    });
    controls.disputed.checked = query.get("disputed") === "1";
    var results = document.querySelector(".tl-results"), list = results.querySelector(".tl-result-list");
    var months = results.querySelector(".tl-result-months"), group = null, groupMonth = null;
    var more = results.querySelector(".tl-more"), line = document.querySelector(".tl-line");
    var output = form.querySelector(".tl-count"), matches = [], drawn = 0;

    function card(event) {
      var li = el("li", "tl-card"), time = el("time", "", humanDate(event.date)), link = el("a", "tl-title", event.title);
      time.setAttribute("datetime", event.date);
      link.href = form.dataset.root + "events/" + encodeURIComponent(event.id) + "/";
      var places = event.place.map(function (v) { return data.labels.places[v]; }).join(", ");
      li.append(time, link, el("span", "tl-card-meta", places));
      if (event.disputed) li.appendChild(el("span", "tl-badge", "⚠ disputed"));
      return li;
    }
    function monthOf(date) { return date.length < 7 ? "During " + date : MONTHS[+date.slice(5, 7) - 1] + " " + date.slice(0, 4); }
    function draw(until) {  // the next batch of matches, or all up to match number `until`; a heading per month
      var stop = Math.max(drawn + BATCH, until === undefined ? 0 : until + 1);
      matches.slice(drawn, stop).forEach(function (event) {
        if (event.date.slice(0, 7) !== groupMonth) {
          groupMonth = event.date.slice(0, 7);
          var section = el("section", "tl-month");
          section.id = "match-" + groupMonth;
          section.appendChild(el("h3", "tl-sticky tl-result-month", monthOf(groupMonth)));
          group = section.appendChild(el("ol", "tl-events"));
          list.appendChild(section);
        }
        group.appendChild(card(event));
      });
      drawn = Math.min(matches.length, stop);
      more.hidden = drawn >= matches.length;
    }
    function indexMonths() {  // the matches' months with their counts: a click draws up to that month
      var first = {}, counts = {};
      matches.forEach(function (event, i) {
        var month = event.date.slice(0, 7);
        if (!(month in first)) first[month] = i;
        counts[month] = (counts[month] || 0) + 1;
      });
      months.textContent = "";
      Object.keys(first).forEach(function (month) {
        var link = el("a", "", monthOf(month) + " (" + counts[month] + ")");
        link.href = "#match-" + month;
        link.addEventListener("click", function (click) {
          click.preventDefault();
          draw(first[month]);
          document.getElementById("match-" + month).scrollIntoView();
        });
        months.append(link, " ");
      });
    }
    function apply() {
      var chosen = new URLSearchParams();
      NAMES.forEach(function (name) { if (controls[name].value) chosen.set(name, controls[name].value); });
      if (controls.disputed.checked) chosen.set("disputed", "1");
      var active = chosen.toString() !== "";
      matches = data.events.filter(function (event) {
        return NAMES.every(function (name) { var v = chosen.get(name); return !v || event[name].indexOf(v) !== -1; })
          && (!controls.disputed.checked || event.disputed);
      });
      list.textContent = "";
      drawn = 0;
      groupMonth = null;
      if (active) { draw(); indexMonths(); }
      results.hidden = !active;
      if (line) line.hidden = active;
      var count = data.events.length, total = count.toLocaleString("en") + (count === 1 ? " event " : " events ") + form.dataset.scope;
      output.textContent = active ? matches.length.toLocaleString("en") + " of " + total + " match" : total;
      var search = chosen.toString();
      history.replaceState(history.state, "", withQuery(location.pathname, search) + location.hash);
      document.querySelectorAll(".tl-years a, .tl-month-index a, .tl-month-list a, .tl-pager a").forEach(function (a) {
        if (!a.dataset.href) a.dataset.href = a.getAttribute("href");
        a.setAttribute("href", withQuery(a.dataset.href, search));
      });
    }
    if ("newestFirst" in form.dataset) data.events.reverse();
    Object.keys(controls).forEach(function (name) { controls[name].addEventListener("change", apply); });
    more.addEventListener("click", draw);
    form.hidden = false;
    apply();
    scrollToDate();
  }

  // Date jump: year, month and day to the page that holds that date, from the map of periods the form carries.
  function covers(token, date) {  // "2019", "2022-04", "2022-03/07" (the 1st to the 7th), "2022-03-08/14"
    var parts = token.split("/"), key = parts[0];
    if (!parts[1]) return date.slice(0, key.length) === key;
    if (date.slice(0, 7) !== key.slice(0, 7) || date.length < 7) return false;
    if (date.length === 7) return key.length === 7;
    var day = +date.slice(8), first = key.length === 10 ? +key.slice(8) : 1;
    return day >= first && day <= +parts[1];
  }
  function pageFor(form, date) {
    if (form.dataset.background && date.slice(0, 4) < form.dataset.background) return "years/background/";
    var tokens = form.dataset.periods.split(" ").filter(Boolean), keys = tokens.map(function (t) { return t.split("/")[0]; });
    var chosen = date.length === 4 && keys.some(function (k) { return k.slice(0, 4) === date; }) ? date : null;
    tokens.forEach(function (token, i) { if (!chosen && covers(token, date)) chosen = keys[i]; });
    keys.forEach(function (key) { if (!chosen && key > date) chosen = key; });  // no page for it: the next one
    chosen = chosen || keys[keys.length - 1];
    return "years/" + chosen.replace(/-/g, "/") + "/";
  }
  function setUpJump() {
    var form = document.querySelector("form.tl-jump");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var year = form.querySelector("[data-jump=year]"), month = form.querySelector("[data-jump=month]");
    var day = form.querySelector("[data-jump=day]");
    form.dataset.years.split(" ").filter(Boolean).forEach(function (y) { option(year, y, y); });
    option(month, "", "any");
    MONTHS.forEach(function (name, i) { option(month, (i < 9 ? "0" : "") + (i + 1), name); });
    option(day, "", "any");
    for (var d = 1; d <= 31; d++) option(day, (d < 10 ? "0" : "") + d, String(d));
    var current = form.dataset.current;
    if (DATE.test(current)) { year.value = current.slice(0, 4); month.value = current.slice(5, 7); }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var date = year.value + (month.value ? "-" + month.value + (day.value ? "-" + day.value : "") : "");
      location.href = form.dataset.root + pageFor(form, date) + location.search + "#" + date;
    });
    form.hidden = false;
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

  function setUpAll() {
    // Material's search dialog has no accessible name of its own
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
    setUpJump();
    setUpFilters();
    setUpSearch();
    scrollToDate();
  }
  window.addEventListener("hashchange", scrollToDate);
  if (typeof document$ !== "undefined") { document$.subscribe(setUpAll); } else { document.addEventListener("DOMContentLoaded", setUpAll); }
})();
