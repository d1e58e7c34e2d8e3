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
    window.Plotly.newPlot(box, spec.data, spec.layout, window.PT_CONFIG || {}).then(function () {
      requestAnimationFrame(function () {
        if (window.__firstChart === undefined) window.__firstChart = performance.now();
      });
    });
  }
  window.PT = { draw: draw };

  function drawCharts() {  /* any chart not drawn where it stands (its inline call came before this script) */
    document.querySelectorAll(".chart[data-spec]").forEach(function (box) { draw(box.id); });
  }

  function keepQuery() {
    document.querySelectorAll("a[data-keep-query]").forEach(function (a) {
      if (location.search) a.href = a.href.split("?")[0] + location.search;
    });
  }

  var SORTS = {
    name: function (r) { return r.dataset.name; },
    status: function (r) { return +r.dataset.statusRank; },
    target: function (r) { return r.dataset.target; },
    year: function (r) { return +r.dataset.year; },
    basis: function (r) { return r.dataset.basisWord; },
    group: function (r) { return +r.dataset.groupRank; },
    id: function (r) { return r.dataset.id; },
    figures: function (r) { var p = r.dataset.figures.split("/"); return +p[0] * 1e6 + +p[1]; },
    reason: function (r) { return r.cells[8].textContent; }
  };

  function goalTable() {
    var table = document.getElementById("goals"), form = document.getElementById("filters");
    if (!table || !form) return;
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var count = document.getElementById("count"), empty = document.getElementById("empty");
    var lang = document.documentElement.lang;
    var collator = new Intl.Collator(lang, { numeric: true });
    var params = new URLSearchParams(location.search);
    var sort = { key: params.get("sort") || "", dir: params.get("dir") === "desc" ? "desc" : "asc" };
    form.hidden = false;
    ["group", "status", "basis", "q"].forEach(function (name) {
      var value = params.get(name);
      if (value !== null && form.elements[name]) form.elements[name].value = value;
    });

    function apply(push) {
      var f = { group: form.elements.group.value, status: form.elements.status.value,
                basis: form.elements.basis.value, q: form.elements.q.value.trim().toLowerCase() };
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (!f.group || r.dataset.group === f.group) && (!f.status || r.dataset.status === f.status) &&
                 (!f.basis || r.dataset.basis === f.basis) && (!f.q || r.dataset.search.indexOf(f.q) >= 0);
        r.hidden = !ok;
        if (ok) shown++;
      });
      var ordered = rows.slice();
      if (sort.key && SORTS[sort.key]) {
        var key = SORTS[sort.key], sign = sort.dir === "desc" ? -1 : 1;
        ordered.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = typeof x === "number" ? x - y : collator.compare(x, y);
          return sign * c || (+a.dataset.order - +b.dataset.order);
        });
      }
      ordered.forEach(function (r) { body.appendChild(r); });
      table.querySelectorAll("thead th").forEach(function (th) {
        if (th.dataset.col === sort.key) th.setAttribute("aria-sort", sort.dir === "desc" ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
      count.textContent = count.dataset.template.replace("{n}", shown).replace("{total}", rows.length);
      empty.hidden = shown > 0;
      if (push) {
        var q = new URLSearchParams();
        ["group", "status", "basis"].forEach(function (k) { if (f[k]) q.set(k, f[k]); });
        if (form.elements.q.value.trim()) q.set("q", form.elements.q.value.trim());
        if (sort.key) { q.set("sort", sort.key); if (sort.dir === "desc") q.set("dir", "desc"); }
        var s = q.toString();
        history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
        keepQuery();
      }
    }

    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { sort.key = ""; apply(true); }, 0); });
    table.querySelectorAll("thead button[data-sort]").forEach(function (b) {
      b.addEventListener("click", function () {
        var k = b.dataset.sort;
        sort.dir = sort.key === k && sort.dir === "asc" ? "desc" : "asc";
        sort.key = k;
        apply(true);
      });
    });
    apply(false);
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

  function start() { landing(); drawCharts(); goalTable(); keepQuery(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
