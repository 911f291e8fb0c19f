/* The workshop on the wall: the events participants added, drawn over the timeline without redrawing it.
 *
 * The server sends the overlay's traces (layouts/timeline/workshop_overlay.py) in the workshop-overlay store; this
 * puts them at the end of the timeline figure's data in place of the previous ones, as a Patch (the figure's own
 * traces keep their places, so the selection's patches still find them). After a new timeline figure (the
 * timeline-shown store changes) they are put back.
 */
(function () {
  "use strict";
  var NAME = "workshop-overlay";
  var dc = (window.dash_clientside = window.dash_clientside || {});

  dc.casusbeeld = Object.assign(dc.casusbeeld || {}, {
    workshopOverlay: function (overlay, shown, figure) {
      var data = (figure && figure.data) || [];
      var want = (overlay && overlay.traces) || [];
      var at = [];
      data.forEach(function (trace, index) {
        if (trace && trace.name === NAME) { at.push(index); }
      });
      if (!figure || (!at.length && !want.length)) { return dc.no_update; }
      var patch = new dc.Patch();
      var kept = Math.min(at.length, want.length);
      for (var i = 0; i < kept; i++) { patch.assign(["data", at[i]], want[i]); }
      for (var j = at.length - 1; j >= kept; j--) { patch.delete(["data", at[j]]); }
      if (want.length > kept) { patch.extend(["data"], want.slice(kept)); }
      return patch.build();
    }
  });
})();
