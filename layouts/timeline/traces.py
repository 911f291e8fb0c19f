"""The timeline's traces: one trace per style group, numpy arrays, every event's id once in customdata
(the first column of its row: the hover is built in the browser from the rows, see layouts.timeline.hover).

Marks that carry an event id: moments (markers), decisions (large markers with ✓/✗/?) and periods (bars,
or — above the WebGL threshold — the marker at a period's start). Everything else (whiskers, period
starts under bars, certainty glyphs, guides, ages, analysts' notes) carries no customdata and no hover. The
columns the traces read are in :mod:`layouts.timeline.marks`, the legend in :mod:`layouts.timeline.legend`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from layouts.style import DIM_OPACITY, INK, MUTED, NOTE_COLOUR, NOTE_GLYPH, PAPER
from layouts.texts import text
from layouts.timeline.legend import LegendRow, legend_lines, legend_traces
from layouts.timeline.marks import MarkArrays, Trace, concat_marks, mark_arrays, select_marks
from layouts.timeline.style import OPEN, PROVENANCE_COLOUR, PROVENANCE_ORDER, SYMBOL_NUMBER, Geometry

__all__ = [  # the legend and the mark columns moved out; figure.py still imports them from here
    "LegendRow", "MarkArrays", "Trace", "age_traces", "certainty_traces", "concat_marks", "legend_lines",
    "legend_traces", "mark_arrays", "mark_traces", "note_traces", "select_marks", "span_bar_traces",
    "span_decoration_traces", "whisker_traces",
]


def _scatter(gl: bool) -> str:
    return "scattergl" if gl else "scatter"


def _rgba(hex_colour: str, alpha: float) -> str:
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _opacity(marks: MarkArrays, mask: np.ndarray) -> float | np.ndarray:
    """The marks' opacity: one number while nothing is dimmed, else one per point."""
    return marks.alpha[mask] if marks.dimmed else 1.0


def _hover(marks: MarkArrays, mask: np.ndarray) -> Trace:
    """The hover of marks of one event type: their customdata rows and their type's template."""
    template = marks.template[mask]
    return {"customdata": marks.rows[mask], "hovertemplate": template[0] if len(template) else None}


def _segments(x0: np.ndarray, x1: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Line segments (x0, y)–(x1, y) as one polyline broken by NaN."""
    n = len(x0)
    xs = np.full(3 * n, np.nan)
    ys = np.full(3 * n, np.nan)
    xs[0::3], xs[1::3] = x0, x1
    ys[0::3], ys[1::3] = y, y
    return xs, ys


def _style_groups(marks: MarkArrays, mask: np.ndarray) -> list[tuple[int, int, np.ndarray]]:
    """(provenance, symbol, mask) for every style group among ``mask``."""
    groups = []
    keys = marks.provenance.astype(np.int32) * 10_000 + marks.symbol
    for key in np.unique(keys[mask]):
        groups.append((int(key // 10_000), int(key % 10_000), mask & (keys == key)))
    return groups


# --- marks that carry event ids ---------------------------------------------------------------------------


def mark_traces(marks: MarkArrays, geo: Geometry, glyph_px: int, gl: bool) -> list[Trace]:
    """Markers carrying event ids, one trace per provenance × symbol (type, open when approximate).

    Moments always; period starts too with WebGL (where periods have no bars). Decisions carry ✓/✗/?.
    """
    traces: list[Trace] = []
    carried = ~marks.is_span if not gl else np.ones(len(marks), dtype=bool)
    for decisions in (False, True):
        for p_index, symbol, mask in _style_groups(marks, carried & (marks.decision == decisions)):
            colour = PROVENANCE_COLOUR[PROVENANCE_ORDER[p_index]]
            approximate = symbol >= OPEN
            trace: Trace = {
                "type": _scatter(gl), "x": marks.x[mask], "y": marks.y[mask], **_hover(marks, mask),
                "showlegend": False, "mode": "markers",
                "marker": {"symbol": symbol, "size": geo.decision_px if decisions else geo.marker_px,
                           "color": colour, "opacity": _opacity(marks, mask),
                           "line": {"color": colour if approximate else PAPER,
                                    "width": (2.5 if decisions else 2.0) if approximate else 1.0}},
            }
            if decisions:
                trace.update(mode="markers+text", text=marks.involvement[mask], textposition="middle center",
                             textfont={"size": glyph_px, "color": colour if approximate else PAPER})
            traces.append(trace)
    return traces


def span_bar_traces(marks: MarkArrays, geo: Geometry) -> list[Trace]:
    """Periods as horizontal bars carrying event ids (SVG only): one trace per provenance, fuzziness and event
    type (the type's word is in the trace's hover template)."""
    traces: list[Trace] = []
    for p_index, name in enumerate(PROVENANCE_ORDER):
        colour = PROVENANCE_COLOUR[name]
        for approximate in (False, True):
            group = marks.is_span & (marks.provenance == p_index) & (marks.approximate == approximate)
            for template in dict.fromkeys(marks.template[group]):
                mask = group & (marks.template == template)
                fill = _rgba(colour, 0.22) if approximate else _rgba(colour, 0.78)
                traces.append({
                    "type": "bar", "orientation": "h", "x": marks.x_end[mask] - marks.x[mask],
                    "base": marks.x[mask], "y": marks.y[mask], "width": geo.bar_width, **_hover(marks, mask),
                    "showlegend": False,
                    "marker": {"color": fill, "opacity": _opacity(marks, mask),
                               "line": {"color": colour, "width": 1.5 if approximate else 0}},
                })
    return traces


# --- decoration without ids --------------------------------------------------------------------------------


def span_decoration_traces(marks: MarkArrays, geo: Geometry, gl: bool) -> list[Trace]:
    """Under bars: a period's type symbol at its start (SVG). With WebGL: the period as a thick line."""
    traces: list[Trace] = []
    if gl:
        for p_index, name in enumerate(PROVENANCE_ORDER):
            for dim in (False, True):
                part = marks.is_span & (marks.provenance == p_index) & ((marks.alpha < 1) == dim)
                if not part.any():
                    continue
                xs, ys = _segments(marks.x[part], marks.x_end[part], marks.y[part])
                traces.append({"type": "scattergl", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
                               "showlegend": False, "opacity": DIM_OPACITY if dim else 0.75,
                               "line": {"color": PROVENANCE_COLOUR[name],
                                        "width": geo.row_px * geo.bar_width * 0.8}})
        return traces
    for p_index, symbol, mask in _style_groups(marks, marks.is_span):
        colour = PROVENANCE_COLOUR[PROVENANCE_ORDER[p_index]]
        traces.append({
            "type": "scatter", "x": marks.x[mask], "y": marks.y[mask], "mode": "markers", "hoverinfo": "skip",
            "showlegend": False, "ids": marks.ids[mask],  # whose start each symbol marks (for highlight patches)
            "marker": {"symbol": symbol, "size": geo.marker_px, "color": colour, "opacity": _opacity(marks, mask),
                       "line": {"color": colour if symbol >= OPEN else PAPER, "width": 1.5}},
        })
    return traces


def whisker_traces(marks: MarkArrays, geo: Geometry, gl: bool) -> list[Trace]:
    """Thin lines over the uncertain range of fuzzy dates (a year, a month, 'around')."""
    starts = (marks.hi - marks.lo) > 1.0
    ends = marks.is_span & ((marks.end_hi - marks.end_lo) > 1.0)
    traces: list[Trace] = []
    for dim in (False, True):
        keep = (marks.alpha < 1) == dim
        x0 = np.concatenate([marks.lo[starts & keep], marks.end_lo[ends & keep]])
        if not len(x0):
            continue
        x1 = np.concatenate([marks.hi[starts & keep], marks.end_hi[ends & keep]])
        y = np.concatenate([marks.y[starts & keep], marks.y[ends & keep]])
        xs, ys = _segments(x0, x1, y)
        traces.append({"type": _scatter(gl), "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
                       "showlegend": False, "opacity": DIM_OPACITY if dim else 0.85,
                       "line": {"color": INK, "width": max(1.0, geo.marker_px / 8)}})
    return traces


def certainty_traces(marks: MarkArrays, geo: Geometry, font_px: int, gl: bool) -> list[Trace]:
    """'?' (suspected) and '≠' (disputed) beside the mark: right of a moment, left of a period's start."""
    traces: list[Trace] = []
    flagged = marks.certainty != ""
    for spans in (False, True):
        for dim in (False, True):
            mask = flagged & (marks.is_span == spans) & ((marks.alpha < 1) == dim)
            if not mask.any():
                continue
            traces.append({
                "type": _scatter(gl), "x": marks.x[mask], "y": marks.y[mask], "mode": "markers+text",
                "text": marks.certainty[mask], "textposition": "middle left" if spans else "middle right",
                "textfont": {"size": font_px, "color": _rgba(INK, DIM_OPACITY) if dim else INK},
                "marker": {"size": np.where(marks.decision[mask], geo.decision_px, geo.marker_px).astype(float),
                           "opacity": 0, "color": PAPER},
                "hoverinfo": "skip", "showlegend": False,
            })
    return traces


def age_traces(days_ms: Sequence[float], ages: Sequence[int], lang: str, y: float, font_px: int) -> list[Trace]:
    """The index child's age at each birthday, just above the axis, with a small tick on the axis."""
    if not days_ms:
        return []
    x = np.asarray(days_ms, dtype=float)
    words = np.array([text("timeline_age_one" if age == 1 else "timeline_age", lang, age=age) for age in ages],
                     dtype=object)
    return [
        {"type": "scatter", "x": x, "y": np.full(len(x), y), "mode": "text", "text": words,
         "textposition": "middle center", "textfont": {"size": font_px, "color": MUTED}, "hoverinfo": "skip",
         "showlegend": False},
        {"type": "scatter", "x": x, "y": np.zeros(len(x)), "mode": "markers", "hoverinfo": "skip",
         "showlegend": False, "marker": {"symbol": SYMBOL_NUMBER["line-ns-open"], "size": font_px * 0.9,
                                         "color": MUTED, "line": {"width": 1.5, "color": MUTED}}},
    ]


# --- analysts' notes (annotations) --------------------------------------------------------------------------

def note_traces(x: Sequence[float], y: Sequence[float], hovers: Sequence[str], font_px: int, axes: tuple[str, str]
                ) -> list[Trace]:
    """A ✎ just above each annotated mark (or at the top of an annotated stretch), the notes in its hover.

    No customdata: clicking a note selects nothing, and the marks' ids stay one per event.
    """
    if not len(x):
        return []
    return [{"type": "scatter", "x": np.asarray(x, dtype=float), "y": np.asarray(y, dtype=float),
             "xaxis": axes[0], "yaxis": axes[1], "mode": "markers+text",
             "text": np.full(len(x), NOTE_GLYPH, dtype=object), "textposition": "middle center",
             "textfont": {"size": font_px, "color": NOTE_COLOUR},
             "marker": {"size": font_px + 4, "color": "rgba(255, 255, 255, 0.75)", "symbol": SYMBOL_NUMBER["circle"],
                        "line": {"width": 0}},
             "hovertext": np.asarray(hovers, dtype=object), "hoverinfo": "text", "showlegend": False,
             "hoverlabel": {"bordercolor": NOTE_COLOUR}}]
