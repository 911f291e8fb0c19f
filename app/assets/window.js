/* The timeline's window slider ("In beeld" above the figure): the period the timeline shows, on the whole case.

   plotly's own range slider drew every lived-half mark a second time and doubled plotly's drawing of the
   timeline; this slider is a dcc.RangeSlider in days since 1970. The figure says its whole axis in
   layout.meta.window (ms); the slider follows what plotly shows after every drawing (a zoom, a double click, a
   story step, a new figure), and moving it sets the timeline's x range with Plotly.relayout — which the zoom
   callback hears like any zoom (the labels are fitted again). On the wall the time axis gives dense stretches more
   room (layouts/timeline/time_scale.py): x is in axis units, and layout.meta.time_knots ([real ms[], axis ms[]])
   turns them into real time and back, so that the slider and the address always hold real days. Only public APIs: gd.layout, gd.on,
   Plotly.relayout, dash_clientside.set_props. */
(function () {
  "use strict";

  var DAY = 86400000;
  var STEPS = [1, 2, 5, 10, 20, 25, 50, 100];
  var MAX_MARKS = 9;
  var FIT_WAIT_MS = 2500;
  var PENDING_MS = 60000;

  /* A day (days since 1970) as plotly's date: "2015-03-01". */
  /* An axis position (days, fractional on the focus axis) as a plotly date to the millisecond. */
  function axisDate(days) {
    return new Date(Math.round(days * DAY)).toISOString().replace("T", " ").replace("Z", "");
  }

  /* Whether a range (ms or plotly dates) is, in days, where ``days`` [from, to] is (to a 500th of its length). */
  function sameDays(range, days) {
    var lo = toMs(range[0]) / DAY, hi = toMs(range[1]) / DAY, slack = Math.max(1, (hi - lo) * 0.002);
    return Math.abs(lo - days[0]) <= slack && Math.abs(hi - days[1]) <= slack;
  }

  /* Piecewise linear through the knots xs → ys (increasing), slope 1 outside them (time_scale.py's _interp). */
  function interp(value, xs, ys) {
    var n = xs.length;
    if (n < 2) { return value; }
    if (value <= xs[0]) { return ys[0] + (value - xs[0]); }
    if (value >= xs[n - 1]) { return ys[n - 1] + (value - xs[n - 1]); }
    var lo = 0, hi = n - 1;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (xs[mid] <= value) { lo = mid; } else { hi = mid; }
    }
    var f = (value - xs[lo]) / ((xs[hi] - xs[lo]) || 1);
    return ys[lo] + f * (ys[hi] - ys[lo]);
  }

  function knots(gd) {
    var found = gd && gd.layout && gd.layout.meta && gd.layout.meta.time_knots;
    return found && found.length === 2 && found[0].length >= 2 ? found : null;
  }

  /* Axis days (x / DAY) → real days, and back; the identity on a linear axis. */
  function realDays(gd, days) {
    var k = knots(gd);
    return k ? days.map(function (d) { return interp(d * DAY, k[1], k[0]) / DAY; }) : days;
  }

  function axisDays(gd, days) {
    var k = knots(gd);
    return k ? days.map(function (d) { return interp(d * DAY, k[0], k[1]) / DAY; }) : days;
  }

  function graphDiv() {
    return document.querySelector("#timeline-graph .js-plotly-plot");
  }

  /* ms since 1970 of a plotly date ("2015-03-01", "2015-03-01 12:00:00.5") or a number; null if neither. */
  function toMs(value) {
    if (typeof value === "number") { return isFinite(value) ? value : null; }
    if (typeof value !== "string") { return null; }
    var text = value.trim().replace(" ", "T");
    if (/^\d{4}-\d\d$/.test(text)) { text += "-01"; }
    if (/^\d{4}$/.test(text)) { text += "-01-01"; }
    if (!/[zZ]$|[+-]\d\d:?\d\d$/.test(text)) { text += text.length <= 10 ? "T00:00:00Z" : "Z"; }
    var ms = Date.parse(text);
    return isNaN(ms) ? null : ms;
  }

  /* Years as the slider's marks, every 1, 2, 5, 10… years so that at most MAX_MARKS show. */
  function yearMarks(lo, hi) {
    var first = new Date(lo * DAY).getUTCFullYear(), last = new Date(hi * DAY).getUTCFullYear();
    var step = STEPS.find(function (s) { return (last - first) / s < MAX_MARKS; }) || 200;
    var marks = {};
    for (var year = Math.ceil(first / step) * step; year <= last; year += step) {
      var day = Math.round(Date.UTC(year, 0, 1) / DAY);
      if (day >= lo && day <= hi) { marks[String(day)] = String(year); }
    }
    return marks;
  }

  /* The x range plotly shows, in days: [from, to], or null. */
  function shownDays(gd) {
    var axis = gd && gd.layout && gd.layout.xaxis;
    var range = axis && axis.range;
    if (!range || range.length !== 2) { return null; }
    var lo = toMs(range[0]), hi = toMs(range[1]);
    return lo === null || hi === null ? null : [lo / DAY, hi / DAY];
  }

  /* The slider starts where the plot does: its name as wide as the lane names' margin. */
  function alignUnderPlot(gd) {
    var name = document.querySelector("#timeline-window-wrap .timeline-window-label");
    var margin = gd.layout && gd.layout.margin;
    if (name && margin && typeof margin.l === "number") { name.style.width = Math.max(0, margin.l - 16) + "px"; }
  }

  /* The "timeline-range" store, for the address (app/callbacks/address.py): the days shown after a zoom or a move
     of the slider, null where the figure opens (meta.opened); not in story mode (each step shows its own moment). */
  function keepForAddress(gd, shown) {
    var opened = (gd.layout.meta || {}).opened, clientside = window.dash_clientside;
    if (!opened || document.querySelector("#story-bar:not([hidden])")) { return; }
    var zoomed = !sameDays(opened, shown), real = realDays(gd, shown);
    var data = {"case": gd.layout.meta.case || null, days: zoomed ? [Math.round(real[0]), Math.round(real[1])] : null};
    var key = JSON.stringify(data);
    if (keptRange === key) { return; }
    keptRange = key;
    clientside.set_props("timeline-range", {data: data});
  }

  var keptRange = null, pendingRange = null;

  /* A zoom from the address (a reload, a link, back/forward: the store set by the app, not by keepForAddress):
     shown once that case's timeline is drawn (its file name in meta.case). True when it was shown now. */
  function showPending(gd) {
    var data = pendingRange, meta = gd && gd.layout && gd.layout.meta;
    if (!data || !meta || !meta.window || !window.Plotly || data["case"] !== (meta.case || null)) { return false; }
    pendingRange = null;
    var days = data.days ? axisDays(gd, data.days) : null;
    var range = days ? [axisDate(days[0]), axisDate(days[1])] : meta.opened;
    if (!range) { return false; }
    window.Plotly.relayout(gd, {"xaxis.range": range});
    return true;
  }

  /* Put the slider on what the timeline shows (only when that changed: every drawing calls this). */
  function follow(gd) {
    var clientside = window.dash_clientside;
    var meta = gd.layout && gd.layout.meta;
    var whole = meta && meta.window, shown = shownDays(gd);
    if (!whole || !shown || !clientside || !clientside.set_props) { return; }
    var ends = realDays(gd, [toMs(whole[0]) / DAY, toMs(whole[1]) / DAY]), real = realDays(gd, shown);
    if (showPending(gd)) { return; }  // follows the drawing it asked for
    if (pendingRange && Date.now() - pendingRange.since > PENDING_MS) { pendingRange = null; }  // its case never came
    if (!pendingRange) { keepForAddress(gd, shown); }
    var lo = Math.floor(ends[0]), hi = Math.ceil(ends[1]);
    if (!(lo < hi)) { return; }
    var value = [Math.max(lo, Math.round(real[0])), Math.min(hi, Math.round(real[1]))];
    var key = [lo, hi, value[0], value[1]].join(",");
    alignUnderPlot(gd);
    if (gd.casusbeeldWindow === key) { return; }
    gd.casusbeeldWindow = key;
    // what the slider shows because the timeline did (not a move by the user): a few, as they arrive late
    gd.casusbeeldWindowSet = [value.join(",")].concat((gd.casusbeeldWindowSet || []).slice(0, 3));
    clientside.set_props("timeline-window", {min: lo, max: hi, value: value, marks: yearMarks(lo, hi)});
    var wrap = document.getElementById("timeline-window-wrap");  // shown from its first real range (not "0–1")
    if (wrap) { wrap.classList.add("window-ready"); }
  }

  /* The words of a zoomed timeline are fitted on the server for the range shown (app/timeline_zoom.py), and the
     figure says for which (layout.meta.fitted_range). A zoom made while another fit was on its way could be
     answered by that older fit; once the timeline has shown another range than its words' for a while, ask
     again for the range shown (through the zoom store, as a zoom would). */
  function askAgainIfStale(gd) {
    var meta = (gd.layout && gd.layout.meta) || {}, fitted = meta.fitted_range, shown = shownDays(gd);
    if (!fitted || !shown || !window.dash_clientside || !window.dash_clientside.set_props) { return false; }
    // not on the wall during a workshop: its added titles are placed against the words the wall shows, and a fit
    // asked for again after them would move those words under the titles
    if (document.querySelector(".projector .workspace") && hasWorkshopTitles(gd)) { return false; }
    return !sameDays(fitted, shown);
  }

  function hasWorkshopTitles(gd) {
    return (gd.data || []).some(function (trace) { return trace && /^workshop/.test(trace.name || ""); });
  }

  function checkFit(gd) {
    clearTimeout(gd.casusbeeldFitCheck);
    if (!askAgainIfStale(gd)) { return; }
    gd.casusbeeldFitCheck = setTimeout(function () {  // a zoom's own fit comes within this time on a quiet machine
      if (!askAgainIfStale(gd)) { return; }
      var shown = shownDays(gd), drag = gd.querySelector(".draglayer .xy .nsewdrag");
      window.dash_clientside.set_props("timeline-zoom", {data: {
        relayout: {"xaxis.range": [axisDate(shown[0]), axisDate(shown[1])]},
        width: drag ? parseFloat(drag.getAttribute("width")) : null, rev: gd.layout.uirevision, at: Date.now()}});
    }, FIT_WAIT_MS);
  }

  /* Listen to the timeline's drawings once its graph div is there (plotly.js may still be loading). */
  function watch(tries) {
    var gd = graphDiv();
    if (!gd || typeof gd.on !== "function") {
      if (tries > 0) { setTimeout(function () { watch(tries - 1); }, 200); }
      return;
    }
    if (!gd.casusbeeldWatched) {
      gd.casusbeeldWatched = true;
      gd.on("plotly_afterplot", function () { follow(gd); checkFit(gd); });
      gd.on("plotly_relayout", function () { follow(gd); checkFit(gd); });
    }
    follow(gd);
  }

  var dc = window.dash_clientside = window.dash_clientside || {};
  dc.casusbeeld = Object.assign(dc.casusbeeld || {}, {
    /* A new figure: make sure the window slider follows the timeline (no output). */
    timelineWindowWatch: function () { watch(150); },

    /* The address's zoom (the "timeline-range" store set by the app on a reload or back/forward; no output). */
    timelineRangeShow: function (data) {
      if (!data || JSON.stringify(data) === keptRange) { return; }  // one keepForAddress wrote
      keptRange = JSON.stringify(data);
      pendingRange = Object.assign({since: Date.now()}, data);
      showPending(graphDiv());
    },

    /* The window slider moved (released, or a key pressed): show that period (no output). */
    timelineWindowMove: function (value) {
      var gd = graphDiv(), axis = shownDays(gd);
      if (!value || value.length !== 2 || !axis || !(value[0] < value[1]) || !window.Plotly) { return; }
      var shown = realDays(gd, axis);
      if (Math.abs(shown[0] - value[0]) <= 1 && Math.abs(shown[1] - value[1]) <= 1) { return; }  // it follows
      if ((gd.casusbeeldWindowSet || []).indexOf(value.join(",")) >= 0) { return; }  // follow()'s, arriving late
      var days = axisDays(gd, value);
      window.Plotly.relayout(gd, {"xaxis.range": [axisDate(days[0]), axisDate(days[1])]});
    }
  });
})();
