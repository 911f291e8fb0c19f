"""Projector mode: what the wall shows (both figures, one of them, or the pattern panel), fitted to the screen.

Everything here happens in the browser or is plain text: choosing a view sets CSS classes and sizes, it
never redraws a figure. ``#root`` gets ``projector``; ``#case-body`` gets ``wall-<view>``; WALL_FIT_JS
scales the timeline and sizes the geno-sociogram to the height left under the header.
"""

from __future__ import annotations

from pathlib import Path

import dash
from dash import Input, Output

from app.i18n import normal_lang
from app.page import WALL_VIEWS, wall_options

ROOT_CLASS_JS = """function (projector) { return projector ? "app-root projector" : "app-root"; }"""

# Sizes are CSS variables on the figures' wrappers (no component props: nothing goes back to the server).
WALL_FIT_JS = """function (wall, projector, story, timelineStyle, networkStyle) {
    var views = %s;
    var chosen = views.indexOf(wall) >= 0 ? wall : views[0];
    // A figure drawn for a frame (meta.ranges): plotly may have widened its ranges to keep the aspect while
    // the graph had another size (before the fit); its own ranges back once it has its size.
    var restoreRanges = function (gd) {
        var meta = gd && gd.layout && gd.layout.meta;
        if (!meta || !meta.ranges || !gd._fullLayout || gd._fullLayout.width !== meta.frame[0]) { return; }
        var update = {}, changed = false;
        Object.keys(meta.ranges).forEach(function (name) {
            var now = (gd.layout[name] || {}).range || [], want = meta.ranges[name];
            if (Math.abs((now[0] || 0) - want[0]) > 1e-6 || Math.abs((now[1] || 0) - want[1]) > 1e-6) {
                changed = true;
            }
            update[name + ".range"] = want.slice();
        });
        if (changed) { window.Plotly.relayout(gd, update); }
    };
    var fit = function () {
        var root = document.getElementById("root");
        var tlWrap = document.getElementById("timeline-wrap"), tlGraph = document.getElementById("timeline-graph");
        var netWrap = document.getElementById("genosociogram-wrap");
        var patterns = document.getElementById("patterns-card"), body = document.getElementById("case-body");
        if (!root || !tlWrap || !tlGraph || !netWrap || !body) { return; }
        var on = root.classList.contains("projector");
        var screen = window.innerHeight, scrolled = window.scrollY;
        var scale = 1, natural = parseFloat(tlGraph.style.height) || tlGraph.offsetHeight;
        if (on && tlWrap.offsetParent !== null && natural > 0) {
            var asOf = tlWrap.parentNode.querySelector(".as-of");
            var below = (asOf ? asOf.offsetHeight : 0) + 22;
            var room = screen - (tlWrap.getBoundingClientRect().top + scrolled) - below;
            scale = Math.max(0.45, Math.min(1, room / natural));
        }
        tlWrap.style.setProperty("--tl-scale", String(scale));
        tlWrap.style.setProperty("--tl-height", on ? Math.floor(natural * scale) + "px" : "auto");
        // the geno-sociogram keeps its own proportions and type (drawn for its natural size, see
        // layouts/genosociogram): scaled as a whole so that its drawing fits; its legend may run below
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
            var across = body.classList.contains("wall-both") ? 0.5 * body.clientWidth - 40 : netWrap.clientWidth;
            if (framed && !body.classList.contains("wall-both")) {  // its own width follows the scale: the column's
                across = netWrap.parentNode.clientWidth - 24;
            }
            // a figure drawn for the wall's frame (meta.frame) only needs fine-tuning, the whole of it (its legend
            // is part of the frame); never scaled up (a wider wrap centres the graph before the transform)
            if (framed) { drawing = size[1] + 4; }
            netScale = Math.max(0.3, Math.min(1, netRoom / drawing, across / size[0]));
            netWrap.style.setProperty("--net-w", size[0] + "px");
            netWrap.style.setProperty("--net-h", size[1] + "px");
            body.style.setProperty("--net-col", Math.ceil(size[0] * netScale + 32) + "px");
        }
        netWrap.style.setProperty("--net-scale", String(netScale));
        var sized = on && size.length === 2;
        netWrap.style.setProperty("--net-height", sized ? Math.ceil(size[1] * netScale) + "px" : "auto");
        netWrap.style.setProperty("--net-width", sized ? Math.ceil(size[0] * netScale) + "px" : "auto");
        if (on && patterns && patterns.offsetParent !== null) {
            var patRoom = screen - (patterns.getBoundingClientRect().top + scrolled) - 16;
            patterns.style.setProperty("--pat-height", Math.max(240, Math.floor(patRoom)) + "px");
        }
        [tlWrap, netWrap].forEach(function (wrap) {
            var gd = wrap.querySelector(".js-plotly-plot");
            if (gd && wrap.offsetParent !== null && window.Plotly && gd._fullLayout) {
                window.Plotly.Plots.resize(gd);
                restoreRanges(gd);
            }
        });
    };
    if (!window.casusbeeldWallFit) {  // once per tab: refit when the window, header or story bar change size
        window.casusbeeldWallFit = fit;
        window.addEventListener("resize", function () { window.casusbeeldWallFit(); });
        if (window.ResizeObserver) {
            var observer = new ResizeObserver(function () { window.casusbeeldWallFit(); });
            var watch = function () {
                var header = document.querySelector(".app-header"), bar = document.getElementById("story-bar");
                if (!header || !bar) { setTimeout(watch, 200); return; }
                observer.observe(header);
                observer.observe(bar);
            };
            watch();
        }
    }
    window.casusbeeldWallFit = fit;
    setTimeout(fit, 0);
    setTimeout(fit, 300);
    return "workspace wall-" + chosen + (story ? " wall-story" : "");
}""" % ("[" + ", ".join(f'"{view}"' for view in WALL_VIEWS) + "]")


def register(app: dash.Dash, cases: Path | None = None) -> None:
    """Attach the projector callbacks to ``app``."""
    app.clientside_callback(ROOT_CLASS_JS, Output("root", "className"), Input("projector", "value"))
    app.clientside_callback(
        WALL_FIT_JS, Output("case-body", "className"),
        Input("wall", "value"), Input("projector", "value"), Input("story-toggle", "value"),
        Input("timeline-graph", "style"), Input("genosociogram-graph", "style"),
    )

    @app.callback(Output("wall", "options"), Input("lang", "value"), prevent_initial_call=True)
    def _wall_options(lang: str) -> list[dict[str, str]]:
        return wall_options(normal_lang(lang))
