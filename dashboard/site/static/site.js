/* The site's one script: draws the charts, filters and sorts the goal table (the filter kept in the address),
   and carries the address's filter across the language switch. Every word comes in the page itself. */
(function () {
  "use strict";

  function draw(id) {
    var box = document.getElementById(id);
    if (!box || box.dataset.drawn || !window.Plotly) return;
    box.dataset.drawn = "1";
    var spec = JSON.parse(document.getElementById(box.dataset.spec).textContent);
    if (spec.shared_template && window.PT_TEMPLATE) spec.layout.template = window.PT_TEMPLATE;
    /* The box keeps the chart's own height: plotly's responsive mode sizes the box by the viewport's height, so a
       shorter window (address bar, keyboard, turning the phone) shrank the box under a chart that kept its size,
       and the chart covered its caption and what follows. Width still follows the screen. */
    if (spec.layout.height) box.style.height = spec.layout.height + "px";
    window.Plotly.newPlot(box, spec.data, spec.layout, window.PT_CONFIG || {}).then(function () {
      requestAnimationFrame(function () {
        if (window.__firstChart === undefined) window.__firstChart = performance.now();
      });
    });
  }
  window.PT = { draw: draw };

  /* Printing: each chart drawn again at the A4 sheet's text width (182 mm), then back at the screen's. */
  var PRINT_WIDTH = 680;
  function forPrint(printing) {
    if (!window.Plotly) return;
    document.querySelectorAll(".chart[data-drawn]").forEach(function (box) {
      window.Plotly.relayout(box, printing ? { width: PRINT_WIDTH, autosize: false } : { width: null, autosize: true });
    });
  }
  window.addEventListener("beforeprint", function () { forPrint(true); });
  window.addEventListener("afterprint", function () { forPrint(false); });
  window.PT.forPrint = forPrint;

  function drawCharts() {  /* any chart not drawn where it stands (its inline call came before this script) */
    document.querySelectorAll(".chart[data-spec]").forEach(function (box) { draw(box.id); });
  }

  function keepQuery() {
    document.querySelectorAll("a[data-keep-query]").forEach(function (a) {
      a.href = a.href.split("?")[0] + location.search;
    });
  }

  /* The app's orders (?sort=…): by concern (the default), group, name, target year; ties keep the plan's order. */
  var SORTS = {
    concern: function (a, b) { return a.dataset.concern - b.dataset.concern; },
    group: function (a, b) { return a.dataset.groupRank - b.dataset.groupRank; },
    name: function (a, b, collator) { return collator.compare(a.dataset.name, b.dataset.name); },
    year: function (a, b) { return (a.dataset.year - b.dataset.year) || (a.dataset.concern - b.dataset.concern); }
  };
  var LISTS = ["group", "status", "basis"];

  function goalTable() {
    var table = document.getElementById("goals"), form = document.getElementById("filters");
    if (!table || !form) return;
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var count = document.getElementById("count"), empty = document.getElementById("empty");
    var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
    var params = new URLSearchParams(location.search);
    form.hidden = false;
    LISTS.forEach(function (name) {
      var chosen = (params.get(name) || "").split(",");
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
        box.checked = chosen.indexOf(box.value) >= 0;
      });
    });
    form.elements.q.value = params.get("q") || "";
    form.elements.sort.value = SORTS[params.get("sort")] ? params.get("sort") : "concern";

    function chosen(name) {
      return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked'))
        .map(function (box) { return box.value; });
    }

    function apply(write) {
      var f = {}, q = form.elements.q.value.trim().toLowerCase();
      LISTS.forEach(function (name) { f[name] = chosen(name); });
      var shown = 0;
      rows.forEach(function (r) {
        var ok = LISTS.every(function (name) { return !f[name].length || f[name].indexOf(r.dataset[name]) >= 0; })
                 && (!q || r.dataset.search.indexOf(q) >= 0);
        r.hidden = !ok;
        if (ok) shown++;
      });
      var sort = form.elements.sort.value, by = SORTS[sort];
      /* Rows are moved only when their order changes: moving them under a pointer (the search box's change event
         fires on the click that leaves it) swallowed that first click. */
      var sorted = rows.slice().sort(function (a, b) { return by(a, b, collator) || (a.dataset.order - b.dataset.order); });
      if (sorted.some(function (r, i) { return body.rows[i] !== r; })) sorted.forEach(function (r) { body.appendChild(r); });
      form.querySelectorAll("details.filter").forEach(function (d) {
        var labels = Array.prototype.slice.call(d.querySelectorAll("input:checked"))
          .map(function (box) { return box.parentNode.textContent.trim(); });
        var out = d.querySelector(".chosen");
        out.textContent = labels.length ? labels.join(", ") : out.dataset.all;
      });
      count.textContent = count.dataset.template.replace("{n}", shown).replace("{total}", rows.length);
      empty.hidden = shown > 0;
      if (write) {
        var out = new URLSearchParams();
        LISTS.forEach(function (name) { if (f[name].length) out.set(name, f[name].join(",")); });
        if (form.elements.q.value.trim()) out.set("q", form.elements.q.value.trim());
        if (sort !== "concern") out.set("sort", sort);
        var text = out.toString();
        history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
        keepQuery();
      }
    }

    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function (e) { if (e.target !== form.elements.q) apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    apply(false);
  }

  /* A citation names the day it was read: today's date in place of the day the page was made. */
  function citeToday() {
    document.querySelectorAll(".cite[data-cite-date]").forEach(function (p) {
      var d = new Date(), today = d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" +
        String(d.getDate()).padStart(2, "0");
      var text = p.textContent, at = text.lastIndexOf(p.dataset.citeDate);
      if (at >= 0) p.textContent = text.slice(0, at) + today + text.slice(at + p.dataset.citeDate.length);
    });
  }

  function landing() {
    if (!document.body.hasAttribute("data-landing")) return;
    var prefs = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < prefs.length; i++) {
      var p = (prefs[i] || "").toLowerCase();
      if (p.indexOf("zh") === 0) { location.replace("zh/index.html"); return; }
      if (p.indexOf("en") === 0) { location.replace("en/index.html"); return; }
    }
  }

  function start() { landing(); drawCharts(); goalTable(); citeToday(); keepQuery(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
