/* casusbeeld's clientside callbacks: registered from Python with ClientsideFunction("casusbeeld", "<name>")
   (app/callbacks/*.py). Data comes in as callback inputs and states, never spliced into the code. Nothing is
   stored anywhere but in the page (no storage API, no network).

   plotGeometry is the one reader of plotly.js internals (gd._fullLayout): plotly's public API has the figure as
   given (gd.layout), not as drawn (its size in px, where each axis sits). Checked on plotly.js 4.1 (the one
   plotly.py 7.1 ships): tests/browser/test_assets.py fails on another major version or when what it reads is gone. */
(function () {
  "use strict";

  /* What plotly drew for graph div ``gd``: {width, height} in px and, for each y axis drawn, its {offset,
     length} in px from the top of the figure; null while nothing is drawn. */
  function plotGeometry(gd) {
    var full = gd && gd._fullLayout;
    if (!full || typeof full.width !== "number") { return null; }
    var geometry = {width: full.width, height: full.height, axes: {}};
    Object.keys(full).forEach(function (name) {
      var axis = full[name];
      if (/^yaxis\d*$/.test(name) && axis && typeof axis._offset === "number") {
        geometry.axes[name] = {offset: axis._offset, length: axis._length};
      }
    });
    return geometry;
  }

  // --- the wall (projector mode) ------------------------------------------------------------------------------

  /* A figure drawn for a frame (meta.ranges): plotly may have widened its ranges to keep the aspect while the
     graph had another size (before the fit); its own ranges back once it has its size. */
  function restoreRanges(gd) {
    var meta = gd && gd.layout && gd.layout.meta, drawn = plotGeometry(gd);
    if (!meta || !meta.ranges || !drawn || drawn.width !== meta.frame[0]) { return; }
    var update = {}, changed = false;
    Object.keys(meta.ranges).forEach(function (name) {
      var now = (gd.layout[name] || {}).range || [], want = meta.ranges[name];
      if (Math.abs((now[0] || 0) - want[0]) > 1e-6 || Math.abs((now[1] || 0) - want[1]) > 1e-6) {
        changed = true;
      }
      update[name + ".range"] = want.slice();
    });
    if (changed) { window.Plotly.relayout(gd, update); }
  }

  /* The timeline on the wall gets the whole width and the height left under the header: plotly lays its lanes
     out for that height (type stays projector size). It is never squeezed below its own height (its legend rows
     would run into each other): when the room is smaller it is scaled down as a whole (CSS variables on its
     wrapper), the last resort. */
  var MIN_SQUEEZE = 1;

  function fitTimeline(on, tlWrap, tlGraph, screen, scrolled) {
    var scale = 1, natural = parseFloat(tlGraph.style.height) || tlGraph.offsetHeight, height = natural;
    var gd = tlWrap.querySelector(".js-plotly-plot");
    var shown = on && tlWrap.offsetParent !== null && natural > 0;
    if (shown) {
      var asOf = tlWrap.parentNode.querySelector(".as-of");
      var below = (asOf ? asOf.offsetHeight : 0) + 22;
      var room = Math.floor(screen - (tlWrap.getBoundingClientRect().top + scrolled) - below);
      height = Math.max(room, Math.ceil(natural * MIN_SQUEEZE), 200);
      // the labels are fitted for a width (layout.meta.min_width): narrower, the figure is scaled down whole
      var minWidth = (gd && gd.layout && gd.layout.meta && gd.layout.meta.min_width) || 0;
      scale = Math.max(0.45, Math.min(1, room / height, minWidth ? tlWrap.clientWidth / minWidth : 1));
    }
    tlWrap.style.setProperty("--tl-scale", String(scale));
    tlWrap.style.setProperty("--tl-height", shown ? Math.floor(height * scale) + "px" : "auto");
    tlWrap.style.setProperty("--tl-h", shown ? height + "px" : "auto");
    if (!gd) { return; }
    // plotly stops following its container once given a height: the width is given too (the wrapper's)
    gd.casusbeeldSize = shown ? [Math.floor(tlWrap.clientWidth / scale), height] : null;
    if (!gd.casusbeeldHeightHook && gd.on) {  // a new figure (or a partial update) keeps the wall's height
      gd.casusbeeldHeightHook = true;
      gd.on("plotly_afterplot", function () { keepHeight(gd); });
    }
    keepHeight(gd);
  }

  /* The timeline's plot width on this wall ("timeline" alone, or "both" beside the network), and its figure's
     width on the screen ("screen"), kept in the "timeline-widths" store: the next figure for this view has its
     labels fitted for it at once (not fitted for a nominal width and then again once measured). */
  var wallWidths = {};

  /* Whether the timeline drawn for a wall (its meta.wall) shows on that wall already: a figure drawn before the
     page took the wall's layout is measured in the layout before, and labels fitted for that width would come
     back after (and over) those fitted once the layout is there. Not on the wall: always. */
  function onItsWall(meta) {
    var work = document.querySelector(".projector .workspace");
    if (!meta || !meta.wall || !work) { return true; }
    return (/\bwall-timeline\b/.test(work.className) ? "timeline" : "both") === meta.wall;
  }

  function rememberWallWidth(width, drawnFor, gd) {
    var work = document.querySelector(".projector .workspace");
    if (!width || !window.dash_clientside || !window.dash_clientside.set_props) { return; }
    var wall = !work ? "screen" : /\bwall-timeline\b/.test(work.className) ? "timeline" : "both";
    if ((drawnFor || "screen") !== wall) { return; }  // the figure of another view: its width is not this one's
    if (wall === "screen") {  // the whole figure's width: the next case's lane names may take another margin
      var margin = (gd && gd.layout && gd.layout.margin) || {};
      if (typeof margin.l !== "number" || typeof margin.r !== "number") { return; }
      width += margin.l + margin.r;
    }
    if (wallWidths[wall] && Math.abs(wallWidths[wall] - width) < 8) { return; }
    wallWidths = Object.assign({}, wallWidths);
    wallWidths[wall] = Math.round(width);
    window.dash_clientside.set_props("timeline-widths", {data: wallWidths});
  }

  /* A new figure of the same case and view (a language, a filter): plotly keeps a zoom made by hand in the plot
     (its uirevision), not one set by Plotly.relayout (the window slider, a replay): set that zoom again, so the
     period the facilitator chose stays. Not in story mode (each step shows its own moment). */
  function replayZoom(gd, kept) {
    var ranged = kept && Object.keys(kept).some(function (key) { return /^xaxis2?\.range/.test(key); });
    if (!ranged || !window.Plotly || document.querySelector("#story-bar:not([hidden])")) { return false; }
    window.Plotly.relayout(gd, kept);
    return true;
  }

  function keepHeight(gd) {
    var want = gd.casusbeeldSize, drawn = plotGeometry(gd);
    if (want && drawn && want[0] > 0 && window.Plotly &&
        (Math.abs(drawn.width - want[0]) > 1 || Math.abs(drawn.height - want[1]) > 1)) {
      window.Plotly.relayout(gd, {width: want[0], height: want[1]});
    }
  }

  /* The frame the wall leaves for the geno-sociogram, {width, height, wall} px, sent to the "wall-frame" store
     (debounced, only when it changed): the server draws the figure for it (app/navigation.py wall_frame). On the
     screen the card's width ({width, height: 0, wall: "screen"}, app/navigation.py card_width). */
  var sentFrame = null, frameTimer = null;

  function measureFrame(on, netWrap, body, screen, scrolled) {
    if (netWrap.offsetParent === null) { return; }
    var frame;
    if (on) {
      var match = /\bwall-(both|network|timeline|patterns)\b/.exec(body.className);
      frame = {width: Math.floor(netWrap.parentNode.clientWidth - 28), wall: match ? match[1] : "both",
               height: Math.floor(screen - (netWrap.getBoundingClientRect().top + scrolled) - 18)};
    } else {  // the screen's card: the figure is drawn for its width (a shrunk figure would keep its type)
      frame = {width: Math.floor(netWrap.clientWidth), height: 0, wall: "screen"};
    }
    var width = frame.width, height = frame.height;
    if (sentFrame && sentFrame.wall === frame.wall && Math.abs(sentFrame.width - width) < 8 &&
        Math.abs(sentFrame.height - height) < 8) { return; }
    clearTimeout(frameTimer);
    frameTimer = setTimeout(function () {
      if (!window.dash_clientside || !window.dash_clientside.set_props) { return; }
      sentFrame = frame;
      window.dash_clientside.set_props("wall-frame", {data: frame});
    }, 250);
  }

  /* The geno-sociogram keeps its own proportions and type (drawn for its natural size, see layouts/genogram):
     scaled as a whole so that its drawing fits; its legend may run below. */
  function fitNetwork(on, netWrap, body, screen, scrolled) {
    var netGraph = document.getElementById("genosociogram-graph");
    var hooked = netWrap.querySelector(".js-plotly-plot");
    if (hooked && hooked.on && !hooked.casusbeeldRanges) {  // a new figure drawn after the fit: its ranges
      hooked.casusbeeldRanges = true;
      hooked.on("plotly_afterplot", function () { restoreRanges(hooked); });
    }
    var size = (netGraph.style.aspectRatio || "").split("/").map(parseFloat);
    var netScale = 1;
    if (on && netWrap.offsetParent !== null && size.length === 2 && size[0] > 0 && size[1] > 0) {
      var netGd = netWrap.querySelector(".js-plotly-plot");
      var lay = (netGd && netGd.layout) || {};
      var margin = lay.margin || {}, t = margin.t || 0, b = margin.b || 0;
      var lo = (lay.yaxis && lay.yaxis.domain) ? lay.yaxis.domain[0] : 0;
      var drawing = t + (size[1] - t - b) * (1 - lo) + 12;
      var netRoom = screen - (netWrap.getBoundingClientRect().top + scrolled) - 12;
      var framed = lay.meta && lay.meta.frame;
      var across = netWrap.parentNode.clientWidth - 24;  // the column's (its own width follows the scale)
      // a figure drawn for the wall's frame (meta.frame) only needs fine-tuning, the whole of it (its legend
      // is part of the frame); never scaled up (a wider wrap centres the graph before the transform)
      if (framed) { drawing = size[1] + 4; }
      netScale = Math.max(0.3, Math.min(1, netRoom / drawing, across / size[0]));
      netWrap.style.setProperty("--net-w", size[0] + "px");
      netWrap.style.setProperty("--net-h", size[1] + "px");
    }
    netWrap.style.setProperty("--net-scale", String(netScale));
    var sized = on && size.length === 2;
    netWrap.style.setProperty("--net-height", sized ? Math.ceil(size[1] * netScale) + "px" : "auto");
    netWrap.style.setProperty("--net-width", sized ? Math.ceil(size[0] * netScale) + "px" : "auto");
  }

  /* Beside the timeline the geno-sociogram's half is at least as wide as its family needs for its names in full
     (meta.family_px, layouts/genogram/wall_room.py; the screen's figure has it too, so that the first frame the wall
     measures is widened), up to FAMILY_SHARE of the width: the frame's 28 px, its border and 16 px to spare. */
  var FAMILY_SHARE = 0.55;
  function widenForFamily(on, netWrap, body) {
    var column = netWrap.closest(".main-column");
    if (!column) { return; }
    var gd = netWrap.querySelector(".js-plotly-plot"), meta = gd && gd.layout && gd.layout.meta;
    var need = on && /\bwall-both\b/.test(body.className) && meta && meta.family_px;  // the screen's figure's too
    var value = need ? Math.min(need + 48, Math.floor(FAMILY_SHARE * column.clientWidth)) + "px" : "";
    if (column.style.getPropertyValue("--net-least") !== value) {
      if (value) { column.style.setProperty("--net-least", value); } else { column.style.removeProperty("--net-least"); }
    }
  }

  /* px a wall view's page still ran over the screen after its fit (paddings and gaps below the figures), per
     wall view: taken off the room of its next fits, so that the wall is one screen without a scroll bar. */
  var overrun = {};

  /* Sizes are CSS variables on the figures' wrappers (no component props: nothing goes back to the server). */
  function fitWall(again) {
    var root = document.getElementById("root");
    var tlWrap = document.getElementById("timeline-wrap"), tlGraph = document.getElementById("timeline-graph");
    var netWrap = document.getElementById("genosociogram-wrap");
    var patterns = document.getElementById("patterns-card"), body = document.getElementById("case-body");
    if (!root || !tlWrap || !tlGraph || !netWrap || !body) { return; }
    var on = root.classList.contains("projector"), view = /\bwall-\w+/.exec(body.className);
    var key = view ? view[0] : "";
    var screen = window.innerHeight - (on ? overrun[key] || 0 : 0), scrolled = window.scrollY;
    widenForFamily(on, netWrap, body);
    fitTimeline(on, tlWrap, tlGraph, screen, scrolled);
    fitNetwork(on, netWrap, body, screen, scrolled);
    measureFrame(on, netWrap, body, screen, scrolled);
    if (on && patterns && patterns.offsetParent !== null) {
      var patRoom = screen - (patterns.getBoundingClientRect().top + scrolled) - 16;
      patterns.style.setProperty("--pat-height", Math.max(240, Math.floor(patRoom)) + "px");
    }
    var over = on ? document.documentElement.scrollHeight - window.innerHeight : 0;
    if (over > 0 && (overrun[key] || 0) + over <= 60 && again !== true) {  // not a card shown below the views
      overrun[key] = (overrun[key] || 0) + over;
      fitWall(true);
      return;
    }
    [tlWrap, netWrap].forEach(function (wrap) {
      var gd = wrap.querySelector(".js-plotly-plot");
      if (gd && wrap.offsetParent !== null && window.Plotly && plotGeometry(gd)) {
        window.Plotly.Plots.resize(gd);
        restoreRanges(gd);
      }
    });
  }

  /* The screen's timeline got another width (the side column shown or hidden as editing starts or stops, the
     window resized): plotly is resized to it, then its words are fitted anew (timelineZoom). plotly reports each
     resize as the same {autosize: true}, which Dash passes on once only. The wall fits its own (fitWall). */
  var screenWidth = null, screenTimer = null;
  function screenResized() {
    var root = document.getElementById("root"), wrap = document.getElementById("timeline-wrap");
    var gd = wrap && wrap.querySelector(".js-plotly-plot");
    if (!root || root.classList.contains("projector") || !gd || !gd.layout || !window.Plotly ||
        !window.dash_clientside || !window.dash_clientside.set_props) { screenWidth = null; return; }
    var width = wrap.clientWidth, before = screenWidth;
    screenWidth = width;
    if (before === null || Math.abs(before - width) < 8) { return; }
    clearTimeout(screenTimer);
    screenTimer = setTimeout(function () {
      window.Plotly.Plots.resize(gd).then(function () {
        window.dash_clientside.set_props("timeline-resized", {data: {width: wrap.clientWidth, at: Date.now()}});
      });
    }, 150);
  }

  var watching = false;

  /* Once per tab: refit when the window, the header or the story bar change size. */
  function watchWall() {
    if (watching) { return; }
    watching = true;
    window.addEventListener("resize", fitWall);
    if (!window.ResizeObserver) { return; }
    var observer = new window.ResizeObserver(fitWall);
    var lastWidth = null;  // the main column's: it narrows when the details or notes column shows
    var columns = new window.ResizeObserver(function (entries) {
      var width = Math.round(entries[entries.length - 1].contentRect.width);
      if (width !== lastWidth) { lastWidth = width; fitWall(); }
    });
    var watch = function () {
      var header = document.querySelector(".app-header"), bar = document.getElementById("story-bar");
      var body = document.getElementById("case-body"), main = body && body.querySelector(".main-column");
      if (!header || !bar || !main) { setTimeout(watch, 200); return; }
      observer.observe(header);
      observer.observe(bar);
      columns.observe(main);
      new window.ResizeObserver(screenResized).observe(document.getElementById("timeline-wrap"));
      // the wall's choice is a class on #case-body: refit once the browser has applied it
      new window.MutationObserver(function () { setTimeout(fitWall, 30); })
        .observe(body, {attributes: true, attributeFilter: ["class"]});
    };
    watch();
  }

  // --- story mode ---------------------------------------------------------------------------------------------

  /* Bring the current story event's half of the timeline into sight, under the sticky story bar. */
  function scrollToStory(meta) {
    var tries = 0;
    var scroll = function () {
      var bar = document.getElementById("story-bar");
      var wrap = document.getElementById("timeline-wrap");
      if (!bar || !wrap) { return; }
      if (bar.hidden) {  // story mode just switched on: its bar is shown by another callback
        if (++tries < 30) { setTimeout(scroll, 100); }
        return;
      }
      var gd = wrap.querySelector(".js-plotly-plot");
      var drawn = plotGeometry(gd), axes = drawn ? drawn.axes : {};
      var top = bar.getBoundingClientRect().height + 8, bottom = window.innerHeight;
      var rect = wrap.getBoundingClientRect(), lo = rect.top, hi = rect.bottom;
      if (axes.yaxis && axes.yaxis2) {  // formal events above the axis (y2), lived ones below it (y)
        var base = gd.getBoundingClientRect().top, formal = axes.yaxis2, lived = axes.yaxis;
        var plotLo = base + formal.offset - 30, axis = base + formal.offset + formal.length;
        var plotHi = base + lived.offset + lived.length + 10;
        if (plotHi - plotLo <= bottom - top) { lo = plotLo; hi = plotHi; }
        else if (meta.lived) { lo = axis - 40; hi = plotHi; }
        else { lo = plotLo; hi = axis + 40; }
      }
      var dy = 0;
      if (lo < top) { dy = lo - top; }
      else if (hi > bottom) { dy = Math.min(hi - bottom, lo - top); }
      if (Math.abs(dy) > 2) { window.scrollBy({top: dy, behavior: "smooth"}); }
    };
    setTimeout(scroll, 80);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {casusbeeld: {
    plotGeometry: plotGeometry,

    /* #root's classes: "projector" in projector mode. */
    rootClass: function (projector) { return projector ? "app-root projector" : "app-root"; },

    /* #case-body's classes for the wall's choice (one of the wall switch's options), and a fit of the figures to
       the screen, now and once the figures have their new size. */
    wallFit: function (wall, projector, story, timelineStyle, networkStyle, selection, notes, wallOptions) {
      var views = (wallOptions || []).map(function (option) { return option.value; });
      var chosen = views.indexOf(wall) >= 0 || !views.length ? wall : views[0];
      watchWall();
      setTimeout(fitWall, 0);
      setTimeout(fitWall, 300);
      return "workspace wall-" + chosen + (story ? " wall-story" : "") + (selection ? " wall-selected" : "") +
        (notes ? " wall-notes" : "");
    },

    /* The story step from the prev / next click counts. Steps are worked out from the counts, not by adding one
       per event: quick key presses are merged by the renderer and would otherwise be lost. */
    storyStep: function (prev, next, on, keysOn, story, meta) {
      var fired = window.dash_clientside.callback_context.triggered.map(function (t) { return t.prop_id; });
      var n = (meta && meta.n) || 0;
      var state = story || {};
      prev = prev || 0;
      next = next || 0;
      if (fired.indexOf("story-toggle.value") >= 0) {
        if (!on) { return window.dash_clientside.no_update; }
        var start = (meta && meta.index) || 0;
        return {step: start, base: start, next0: next, prev0: prev, at: Date.now()};
      }
      if (fired.indexOf("story-keys.value") >= 0) {  // counted anew from the next click
        return on ? {step: state.step || 0, at: Date.now()} : window.dash_clientside.no_update;
      }
      var wentNext = fired.indexOf("story-next.n_clicks") >= 0;
      var wentPrev = fired.indexOf("story-prev.n_clicks") >= 0;
      if (!wentNext && !wentPrev) { return window.dash_clientside.no_update; }
      var keys = (meta && meta.keys) || [];
      if (keysOn && keys.length) {  // key moments only: the next (previous) key moment after (before) this step
        var here = state.step || 0, found = -1;
        for (var i = 0; i < keys.length; i++) {
          if (wentNext && keys[i] > here) { found = keys[i]; break; }
          if (wentPrev && keys[i] < here) { found = keys[i]; }
        }
        if (found < 0) { return window.dash_clientside.no_update; }
        return {step: found, at: Date.now()};
      }
      var base = state.base, next0 = state.next0, prev0 = state.prev0;
      if (base === undefined || next0 === undefined || next0 === null) {  // re-anchored by a click elsewhere
        base = state.step || 0;
        next0 = next - (wentNext ? 1 : 0);
        prev0 = prev - (wentPrev ? 1 : 0);
      }
      var wanted = base + (next - next0) - (prev - prev0);
      var step = Math.max(0, Math.min(n - 1, wanted));
      if (step !== wanted) { base = step; next0 = next; prev0 = prev; }
      return {step: step, base: base, next0: next0, prev0: prev0, at: Date.now()};
    },

    /* The timeline's zoom for the server to fit the labels to: plotly's relayoutData about the time axis and the
       plot's measured width (px). After a new figure or a resize: a refit at the measured width, for the zoom
       the figure kept (same uirevision) or the range it opens on. */
    timelineZoom: function (relayout, shown, resized, last) {
      var fired = window.dash_clientside.callback_context.triggered.map(function (t) { return t.prop_id; });
      var gd = document.querySelector("#timeline-graph .js-plotly-plot");
      var drag = gd && gd.querySelector(".draglayer .xy .nsewdrag");
      var width = drag ? parseFloat(drag.getAttribute("width")) : null;
      var rev = gd && gd.layout ? gd.layout.uirevision : null;
      var kept = last && last.rev === rev ? last.relayout : null;
      var meta = (gd && gd.layout && gd.layout.meta) || {};
      rememberWallWidth(width, meta.wall, gd);
      var fitted = meta.fitted_plot_px || null;
      if (fired.indexOf("timeline-graph.relayoutData") >= 0) {
        var about = relayout && Object.keys(relayout).some(function (key) { return /^xaxis2?\.(range|autorange)/.test(key); });
        if (about) { return {relayout: relayout, width: width, rev: rev, at: Date.now()}; }
        if (!onItsWall(meta)) { return window.dash_clientside.no_update; }
        var resized = relayout && (relayout.autosize || relayout.width);  // the wall's fit sets the width
        if (!resized || !width || (last && last.width === width)) {
          return window.dash_clientside.no_update;
        }
      } else if (fired.indexOf("timeline-resized.data") >= 0) {
        if (!shown || !width || (last && last.width && Math.abs(last.width - width) < 8)) {
          return window.dash_clientside.no_update;  // nothing drawn, or fitted for this width already
        }
      } else if (!shown || !onItsWall(meta) || (!kept && fitted && width && Math.abs(fitted - width) < 8)) {
        return window.dash_clientside.no_update;  // nothing drawn, or drawn for this width already
      }
      replayZoom(gd, kept);
      return {relayout: kept, refit: true, width: width, fitted: fitted, rev: rev, at: Date.now()};
    },

    /* Scroll the timeline to the story's current event (no output). */
    storyScroll: function (meta, on) {
      if (on && meta) { scrollToStory(meta); }
    },

    /* The header cuts a long title short in projector mode: its full text as a tooltip. */
    caseTitle: function (title) { return typeof title === "string" ? title : ""; },

    /* The filter panel opens and closes with its toggle: [hidden, aria-expanded]. */
    filtersToggle: function (clicks) {
      var open = Boolean(clicks && clicks % 2 === 1);
      return [!open, open ? "true" : "false"];
    },

    /* Remember whether the case has unsaved changes, for the warning before the tab closes (below). */
    markUnsaved: function (store, workshopUnsaved) {
      window.casusbeeldUnsaved = Boolean(store && (store.dirty || workshopUnsaved));
      return window.dash_clientside.no_update;
    }
  }});

  /* On a screen too narrow for the side column the pattern panel comes below the views: choosing a finding brings
     the timeline into sight, where its events light up (its details open in the drawer). */
  window.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("#patterns-card .finding-button") : null;
    var column = document.querySelector(".main-column");
    if (!button || button.getAttribute("aria-pressed") === "true" || !column ||
        window.getComputedStyle(column).display !== "contents") { return; }
    setTimeout(function () {
      var wrap = document.getElementById("timeline-wrap");
      if (wrap) { wrap.scrollIntoView({behavior: "smooth", block: "start"}); }
    }, 100);
  });

  /* Warn before the tab closes with unsaved changes (see markUnsaved). */
  window.addEventListener("beforeunload", function (event) {
    if (window.casusbeeldUnsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
