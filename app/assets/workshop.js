/* The workshop on the wall: the events participants added, and the arrows they drew, over the timeline without
 * redrawing it.
 *
 * The server sends the overlay's traces and arrows (layouts/timeline/workshop_overlay.py) in the workshop-overlay
 * store; this puts the traces at the end of the timeline figure's data in place of the previous ones, and the
 * arrows among its annotations in place of the previous ones, as a Patch (the figure's own traces keep their
 * places, so the selection's patches still find them). An arrow's ends are found where the figure draws its
 * events (a mark's first customdata column is its event id). After a new timeline figure (the timeline-shown
 * store changes) they are put back.
 */
(function () {
  "use strict";
  var NAME = "workshop-overlay";
  var LINK = "workshop-link";
  var ARRAYS = {f8: Float64Array, f4: Float32Array, i4: Int32Array, i2: Int16Array, i1: Int8Array,
                u4: Uint32Array, u2: Uint16Array, u1: Uint8Array};
  var dc = (window.dash_clientside = window.dash_clientside || {});

  // plain arrays, typed arrays, or plotly's base64 spec ({dtype, bdata})
  function values(v) {
    if (!v) { return []; }
    if (Array.isArray(v) || ArrayBuffer.isView(v)) { return v; }
    if (v.bdata && ARRAYS[v.dtype]) {
      var raw = atob(v.bdata);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
      return new ARRAYS[v.dtype](bytes.buffer);
    }
    return [];
  }

  // event id -> {x, y, axis} where the figure draws its mark
  function positions(traces) {
    var found = {};
    traces.forEach(function (trace) {
      if (!trace || !trace.customdata || (trace.name && trace.name.indexOf("workshop-ring") === 0)) { return; }
      var ids = values(trace.customdata);
      var base = trace.type === "bar" ? values(trace.base) : [];
      var xs = base.length ? base : values(trace.x), ys = values(trace.y);
      var axis = trace.yaxis === "y2" ? "y2" : "y";
      for (var i = 0; i < ids.length; i++) {
        var id = Array.isArray(ids[i]) ? ids[i][0] : ids[i];
        if (id != null && !(id in found) && xs[i] != null && ys[i] != null) {
          found[id] = {x: +xs[i], y: +ys[i], axis: axis};
        }
      }
    });
    return found;
  }

  // where a value of y axis `axis` sits on the page (0 bottom, 1 top), or null without a known range
  function paper(layout, axis, y) {
    var ax = layout[axis === "y2" ? "yaxis2" : "yaxis"] || {};
    var range = ax.range, domain = ax.domain || [0, 1];
    if (!range || range[1] === range[0]) { return null; }
    return domain[0] + (y - range[0]) / (range[1] - range[0]) * (domain[1] - domain[0]);
  }

  function arrows(links, where, layout) {
    var out = [];
    (links || []).forEach(function (link) {
      var a = where[link.source], b = where[link.target];
      if (!a || !b) { return; }
      out.push({x: b.x, y: b.y, ax: a.x, ay: a.y, xref: "x", yref: b.axis, axref: "x", ayref: b.axis, text: "",
                showarrow: true, arrowhead: 2, arrowsize: 1.1, arrowwidth: 2.6, arrowcolor: link.colour,
                standoff: 8, startstandoff: 8, hovertext: link.hover, name: LINK, meta: {id: link.id}});
      var pa = paper(layout, a.axis, a.y), pb = paper(layout, b.axis, b.y);
      if (pa !== null && pb !== null && link.word) {
        out.push({x: (a.x + b.x) / 2, y: (pa + pb) / 2, xref: "x", yref: "paper", text: "<i>" + link.word + "</i>",
                  showarrow: false, font: {size: 12, color: link.colour}, bgcolor: "rgba(255, 255, 255, 0.85)",
                  borderpad: 1, hovertext: link.hover, name: LINK + "-word", meta: {id: link.id}});
      }
    });
    return out;
  }

  // replace the items of `list` (at `path`) whose name starts with `prefix` by `want`
  function swap(patch, path, list, prefix, want) {
    var at = [];
    (list || []).forEach(function (item, index) {
      if (item && typeof item.name === "string" && item.name.indexOf(prefix) === 0) { at.push(index); }
    });
    if (!at.length && !want.length) { return false; }
    if (!list) { patch.assign(path, want); return true; }
    var kept = Math.min(at.length, want.length);
    for (var i = 0; i < kept; i++) { patch.assign(path.concat([at[i]]), want[i]); }
    for (var j = at.length - 1; j >= kept; j--) { patch.delete(path.concat([at[j]])); }
    if (want.length > kept) { patch.extend(path, want.slice(kept)); }
    return true;
  }

  dc.casusbeeld = Object.assign(dc.casusbeeld || {}, {
    workshopOverlay: function (overlay, shown, figure) {
      if (!figure) { return dc.no_update; }
      var data = figure.data || [], layout = figure.layout || {};
      var want = (overlay && overlay.traces) || [];
      var own = data.filter(function (trace) { return !trace || trace.name !== NAME; });
      var links = arrows(overlay && overlay.links, positions(own.concat(want)), layout);
      var patch = new dc.Patch();
      var traced = swap(patch, ["data"], data, NAME, want);
      var linked = swap(patch, ["layout", "annotations"], layout.annotations, LINK, links);
      return traced || linked ? patch.build() : dc.no_update;
    }
  });
})();
