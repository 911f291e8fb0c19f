"""The timeline's x axis read and set in real dates: its focus axis gives busy months more room (positions in
axis units, ``layout.meta.time_knots`` = [real ms, axis ms], as app/assets/window.js reads them)."""

from __future__ import annotations

from typing import Any

_PRELUDE = """const gd = document.querySelector('#timeline-graph .js-plotly-plot');
const knots = () => { const k = gd && gd.layout && gd.layout.meta && gd.layout.meta.time_knots;
    return k && k.length === 2 && k[0].length >= 2 ? k : null; };
const interp = (v, xs, ys) => { const n = xs.length;  // linear between the knots, slope 1 outside them
    if (v <= xs[0]) return ys[0] + (v - xs[0]);
    if (v >= xs[n - 1]) return ys[n - 1] + (v - xs[n - 1]);
    let i = 1; while (xs[i] < v) i++;
    return ys[i - 1] + (v - xs[i - 1]) / (xs[i] - xs[i - 1]) * (ys[i] - ys[i - 1]); };
const toMs = v => typeof v === 'number' ? v : Date.parse(String(v).trim().replace(' ', 'T')
    + (String(v).trim().length <= 10 ? 'T00:00:00Z' : 'Z'));
const realDay = v => { const k = knots(), ms = k ? interp(toMs(v), k[1], k[0]) : toMs(v);
    return new Date(Math.round(ms / 864e5) * 864e5).toISOString().slice(0, 10); };
const axisMs = day => { const k = knots(); return k ? interp(toMs(day), k[0], k[1]) : toMs(day); };
"""


def timeline_js(body: str) -> str:
    """A page function ``(arg) => …`` with ``gd`` (the timeline's plot), ``realDay(x)`` (an axis value → its
    real "YYYY-MM-DD") and ``axisMs(day)`` (a real day → its axis value) in scope."""
    return "(arg) => {" + _PRELUDE + body + "}"


SHOWN_JS = timeline_js("""if (!gd || !gd.layout || !gd.layout.xaxis || !gd.layout.xaxis.range) return null;
    const meta = gd.layout.meta || {};
    return {shown: gd.layout.xaxis.range.map(realDay), fitted: (meta.fitted_range || []).map(realDay),
            opened: (meta.opened || []).map(realDay)};""")
"""{shown, fitted, opened}: the range shown, the one its words are fitted for and the one it opens on, as real
"YYYY-MM-DD" days (or null before the timeline is drawn)."""


def zoom_timeline(page: Any, span: list[str]) -> None:
    """Show the real days ``span`` ("YYYY-MM-DD", two) as a drag or the window slider would (Plotly.relayout)."""
    page.evaluate(timeline_js("window.Plotly.relayout(gd, {'xaxis.range': arg.map(axisMs)});"), span)


def shown_range(page: Any) -> dict[str, list[str]] | None:
    """:data:`SHOWN_JS` read in ``page``."""
    return page.evaluate(SHOWN_JS)
