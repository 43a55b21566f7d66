(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var view = document.getElementById("view");
  var labels = [["subject", "subject"], ["value", "value"], ["unit", "unit"], ["kind", "kind"],
    ["qualifier", "qualifier"], ["refYear", "ref_year"], ["status", "status"], ["check", "check"], ["detail", "formula"]];
  function figOf(e) { return e.target && e.target.closest ? e.target.closest(".fig[id]") : null; }
  function show(m) {
    tip.textContent = "";
    labels.forEach(function (l) {
      var v = m.dataset[l[0]];
      if (!v) { return; }
      var line = document.createElement("div");
      var b = document.createElement("b");
      b.textContent = l[1];
      line.appendChild(b);
      var s = document.createElement("span");
      s.textContent = v;
      if (l[0] === "check") { s.className = v; }
      line.appendChild(s);
      tip.appendChild(line);
    });
    var r = m.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.max(4, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  // A chart's point: its <title> (value, the figure as stated, its sentence) on tap or focus; a mouse
  // gets the browser's own tooltip.
  function pointOf(e) { return e.target && e.target.closest ? e.target.closest("svg.chart circle") : null; }
  function showPoint(p) {
    var t = p.querySelector("title");
    if (!t) { return; }
    tip.textContent = t.textContent;
    var r = p.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.max(4, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  document.addEventListener("mouseover", function (e) { var m = figOf(e); if (m) { show(m); } });
  document.addEventListener("mouseout", function (e) { if (figOf(e)) { tip.hidden = true; } });
  document.addEventListener("focusin", function (e) {
    var m = figOf(e);
    if (m) { show(m); return; }
    var p = pointOf(e);
    if (p) { showPoint(p); }
  });
  document.addEventListener("click", function (e) {
    var m = figOf(e);
    var p = m ? null : pointOf(e);
    if (m) { show(m); } else if (p) { showPoint(p); } else { tip.hidden = true; }
  });
  function filter(rep) {
    var sels = rep.querySelectorAll("select.flt");
    var n = 0;
    var group = null;
    var groupShown = false;
    function closeGroup() { if (group) { group.hidden = !groupShown; } }
    rep.querySelectorAll("table.inds tbody tr").forEach(function (tr) {
      if (tr.classList.contains("grp")) {
        closeGroup();
        group = tr;
        groupShown = false;
        return;
      }
      var ok = true;
      sels.forEach(function (s) { if (s.value !== "*" && tr.dataset[s.dataset.col] !== s.value) { ok = false; } });
      tr.hidden = !ok;
      if (ok) { n += 1; groupShown = true; }
    });
    closeGroup();
    var shown = rep.querySelector(".shown");
    if (shown) { shown.textContent = n + " shown"; }
  }
  document.addEventListener("change", function (e) {
    if (e.target.classList && e.target.classList.contains("flt")) { filter(e.target.closest(".report")); }
  });
  function count() {
    var root = view || document;
    document.body.setAttribute("data-figs", root.querySelectorAll(".fig[id]").length);
    document.body.setAttribute("data-bad", root.querySelectorAll(".badge.inconsistent[title]").length);
    root.querySelectorAll(".report").forEach(filter);
  }
  var series = document.getElementById("series");
  function mount() {
    if (!view) { return; }
    var h = decodeURIComponent(location.hash.slice(1));
    var m = /^(r[0-9]+)(-f[0-9]+)?$/.exec(h);
    if (series) { series.hidden = !!m; }
    if (!m) {
      // The series page (or the index): no report open.
      if (series && view.dataset.cur) { view.textContent = ""; view.dataset.cur = ""; window.scrollTo(0, 0); count(); }
      return;
    }
    if (view.dataset.cur !== m[1]) {
      var t = document.getElementById("t-" + m[1]);
      if (!t) { return; }
      view.textContent = "";
      view.appendChild(t.content.cloneNode(true));
      view.dataset.cur = m[1];
      // The index folds away, so the report opens at the top of the page, its check summary in sight.
      var idx = document.getElementById("index");
      if (idx) { idx.open = false; }
    }
    var el = m[2] ? document.getElementById(h) : null;
    if (el) { el.scrollIntoView({ block: "center" }); } else { window.scrollTo(0, 0); }
    count();
  }
  window.addEventListener("hashchange", mount);
  mount();
  count();
})();
