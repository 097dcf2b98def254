// netwarden console: local times, the custom range in the browser's zone, uPlot charts with drag-to-zoom.
(function () {
  "use strict";

  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (t) {
      var d = new Date(t.getAttribute("datetime"));
      if (!isNaN(d)) { t.textContent = d.toLocaleString(); t.title = t.getAttribute("datetime"); }
    });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function localInput(d) {
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  // The server writes custom-range inputs in UTC; show them in local time and send epoch seconds back.
  function customRanges() {
    document.querySelectorAll("input[type=datetime-local][data-utc]").forEach(function (i) {
      if (i.value) i.value = localInput(new Date(i.value + "Z"));
    });
    document.querySelectorAll("form.custom-range").forEach(function (f) {
      f.addEventListener("submit", function () {
        f.querySelectorAll("input[type=datetime-local]").forEach(function (i) {
          if (!i.value) { i.disabled = true; return; }
          var h = document.createElement("input");
          h.type = "hidden"; h.name = i.name; h.value = Math.floor(new Date(i.value).getTime() / 1000);
          i.disabled = true; f.appendChild(h);
        });
      });
    });
  }

  function zoomTo(min, max) {
    var u = new URL(window.location.href);
    u.searchParams.delete("range");
    u.searchParams.set("from", Math.floor(min));
    u.searchParams.set("to", Math.ceil(max));
    window.location.href = u.toString();
  }

  function si(v) {
    if (v == null) return "--";
    var a = Math.abs(v);
    if (a >= 1e9) return (v / 1e9).toFixed(1) + " G";
    if (a >= 1e6) return (v / 1e6).toFixed(1) + " M";
    if (a >= 1e3) return (v / 1e3).toFixed(1) + " k";
    return Math.round(v * 10) / 10 + "";
  }

  function charts() {
    if (!window.uPlot) return;
    document.querySelectorAll(".plot[data-chart]").forEach(function (el) {
      var c = JSON.parse(el.getAttribute("data-chart"));
      if (!c.x.length) return;
      var data = [c.x, c.y];
      var series = [{}, { label: c.unit, stroke: "#2563eb", width: 1.5, fill: "rgba(37,99,235,0.08)", value: function (u, v) { return si(v); } }];
      if (c.px) {
        // the previous period, shifted onto this one's axis: aligned by index onto the x values
        var prev = c.x.map(function (x) {
          var j = c.px.indexOf(x);
          return j < 0 ? null : c.py[j];
        });
        data.push(prev);
        series.push({ label: "previous", stroke: "#9ca3af", dash: [4, 4], width: 1, value: function (u, v) { return si(v); } });
      }
      var opts = {
        width: Math.max(280, el.clientWidth), height: 180, series: series,
        axes: [{}, { size: 56, values: function (u, vals) { return vals.map(si); } }],
        cursor: { drag: { x: true, y: false, setScale: false } },
        legend: { show: true },
        hooks: {
          setSelect: [function (u) {
            if (u.select.width < 4) return;
            zoomTo(u.posToVal(u.select.left, "x"), u.posToVal(u.select.left + u.select.width, "x"));
          }],
          drawClear: [function (u) {
            if (!c.mark) return;
            var l = u.valToPos(c.mark[0], "x", true), r = u.valToPos(c.mark[1], "x", true), ctx = u.ctx;
            ctx.save(); ctx.fillStyle = "rgba(220,38,38,0.12)";
            ctx.fillRect(l, u.bbox.top, Math.max(1, r - l), u.bbox.height); ctx.restore();
          }]
        }
      };
      new window.uPlot(opts, data, el);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localTimes(document);
    customRanges();
    charts();
  });
  document.addEventListener("htmx:afterSwap", function (e) { localTimes(e.target); });
})();
