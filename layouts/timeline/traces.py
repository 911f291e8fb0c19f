"""The timeline's traces: one trace per style group, numpy arrays, every event's id once in customdata
(the first column of its row: the hover is built in the browser from the rows, see layouts.timeline.hover).

Marks that carry an event id: moments (markers), decisions (large markers with ✓/✗/?) and periods (bars,
or — above the WebGL threshold — the marker at a period's start). Everything else (whiskers, period
starts under bars, certainty glyphs, guides, ages, legend keys) carries no customdata and no hover.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from layouts.style import DIM_OPACITY, INK, MUTED, NOTE_COLOUR, NOTE_FILL_KEY, NOTE_GLYPH, PAPER
from layouts.texts import has_text, text
from layouts.timeline.hover import mark_rows
from layouts.timeline.lanes import PlacedEvent
from layouts.timeline.style import (
    CERTAINTY_GLYPH,
    GUIDE_COLOUR,
    INVOLVEMENT_GLYPH,
    OPEN,
    PROVENANCE_COLOUR,
    PROVENANCE_ORDER,
    SYMBOL_NUMBER,
    TYPE_SYMBOL,
    Geometry,
    involvement,
    is_decision,
    symbol_number,
)
from models.vocabulary import EventType, FamilyInvolved, label


@dataclass
class MarkArrays:
    """Column arrays for the drawn events (one row per event)."""

    ids: np.ndarray
    x: np.ndarray
    x_end: np.ndarray
    y: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    end_lo: np.ndarray
    end_hi: np.ndarray
    is_span: np.ndarray
    decision: np.ndarray
    approximate: np.ndarray
    provenance: np.ndarray    # index into PROVENANCE_ORDER
    symbol: np.ndarray
    involvement: np.ndarray   # glyph per event ("" when not a decision)
    certainty: np.ndarray     # glyph per event ("" when confirmed)
    alpha: np.ndarray
    dimmed: bool              # whether any mark is dimmed (else the traces get one opacity, not one per point)
    rows: np.ndarray          # customdata rows (N × 4, see layouts.timeline.hover)
    template: np.ndarray      # the hover template of each mark's event type (one string object per type)

    def __len__(self) -> int:
        return len(self.ids)


def mark_arrays(placed: Sequence[PlacedEvent], provenances: Sequence[str], hovers: Sequence[tuple[str, str, str]],
                highlighted: np.ndarray | None, templates: Mapping[EventType, str]) -> MarkArrays:
    """Columns for ``placed`` (with their provenance and hover fields, in the same order); ``templates``: the
    hover template per event type."""
    n = len(placed)
    columns = np.empty((8, n), dtype=float)
    for i, item in enumerate(placed):
        columns[:, i] = (item.x, item.x_end, item.y, item.lo, item.hi, item.end_lo, item.end_hi, item.is_span)
    events = [item.event for item in placed]
    decisions = [is_decision(event) for event in events]
    provenance_index = {name: i for i, name in enumerate(PROVENANCE_ORDER)}
    alpha = np.ones(n) if highlighted is None else np.where(highlighted, 1.0, DIM_OPACITY)
    return MarkArrays(
        ids=np.array([event.id for event in events], dtype=object),
        x=columns[0], x_end=columns[1], y=columns[2], lo=columns[3], hi=columns[4],
        end_lo=columns[5], end_hi=columns[6], is_span=columns[7].astype(bool),
        decision=np.array(decisions, dtype=bool),
        approximate=np.array([event.approximate for event in events], dtype=bool),
        provenance=np.array([provenance_index[p] for p in provenances], dtype=np.int8),
        symbol=np.array([symbol_number(event.type, event.approximate) for event in events], dtype=np.int16),
        involvement=np.array([INVOLVEMENT_GLYPH[involvement(event)] if decided else ""
                              for event, decided in zip(events, decisions, strict=True)], dtype=object),
        certainty=np.array([CERTAINTY_GLYPH.get(event.certainty.value, "") for event in events], dtype=object),
        alpha=alpha,
        dimmed=highlighted is not None and not bool(highlighted.all()),
        rows=mark_rows([event.id for event in events], list(hovers)),
        template=np.array([templates[event.type] for event in events], dtype=object),
    )


Trace = dict[str, Any]


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


# --- legend ------------------------------------------------------------------------------------------------

# One horizontal legend per group, each its own row under the timeline (plotly's legend, legend2, …).
LEGEND_GROUPS = ("types", "from", "decision", "notes", "dates")


@dataclass(frozen=True)
class LegendRow:
    """One horizontal legend: plotly's legend id, its title and the names of its entries (for fitting)."""

    legend: str
    group: str
    title: str
    names: tuple[str, ...]


def _key(name: str, group: str, rank: int, **marker: Any) -> Trace:
    return {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": name, "legendgroup": group,
            "legendrank": rank, "marker": {"size": 12, "color": MUTED, **marker}, "hoverinfo": "skip"}


def _line_key(name: str, group: str, rank: int, **line: Any) -> Trace:
    return {"type": "scatter", "x": [None], "y": [None], "mode": "lines", "name": name, "legendgroup": group,
            "legendrank": rank, "line": line, "hoverinfo": "skip"}


def legend_traces(marks: MarkArrays, types: Sequence[EventType], involvements: set[FamilyInvolved],
                  has_guides: bool, has_gaps: bool, lang: str, projector: bool, font_px: int,
                  has_notes: bool = False) -> tuple[list[Trace], list[LegendRow]]:
    """Legend entries for what the figure uses, and only that (the data traces stay out of the legend), and
    the horizontal legends (rows) they go in. With ``projector``, fewer words: no row for dates and certainty.
    """
    keys: list[Trace] = []
    size = 16 if projector else 12
    for rank, event_type in enumerate(types):
        symbol = TYPE_SYMBOL[event_type]
        name = label(event_type.value, lang)
        short = f"timeline_legend_short_{event_type.value}"
        if projector and has_text(short):
            name = text(short, lang)
        keys.append(_key(name, "types", 100 + rank, symbol=SYMBOL_NUMBER[symbol],
                         size=size + 2 if event_type == EventType.DECISION else size, color=INK))
    used = set(marks.provenance.tolist())
    for rank, name in enumerate(PROVENANCE_ORDER):
        if rank in used:
            keys.append(_key(text(f"timeline_legend_from_{name}", lang), "from", 200 + rank,
                             symbol=SYMBOL_NUMBER["circle"], size=size, color=PROVENANCE_COLOUR[name]))
    for rank, value in enumerate((FamilyInvolved.YES, FamilyInvolved.NO, FamilyInvolved.UNKNOWN)):
        if value in involvements:
            keys.append(_key(text(f"timeline_legend_involved_{value.value}", lang), "decision", 300 + rank,
                             symbol=SYMBOL_NUMBER["diamond"], size=size + 2, color=INK))
    if has_notes:
        keys.append(_key(text("timeline_legend_note_short" if projector else "timeline_legend_note", lang), "notes",
                         350, symbol=SYMBOL_NUMBER["square"], size=size + 2, color=NOTE_FILL_KEY,
                         line={"width": 1, "color": NOTE_COLOUR}))
    if not projector:
        if marks.approximate.any():
            keys.append(_key(text("timeline_legend_approximate", lang), "dates", 400,
                             symbol=SYMBOL_NUMBER["circle-open"], color=INK, line={"width": 2, "color": INK}))
        if ((marks.hi - marks.lo) > 1).any() or (marks.is_span & ((marks.end_hi - marks.end_lo) > 1)).any():
            keys.append(_line_key(text("timeline_legend_fuzzy", lang), "dates", 401, color=INK, width=2))
        for rank, certainty in enumerate(("suspected", "disputed")):
            if (marks.certainty == CERTAINTY_GLYPH[certainty]).any():
                keys.append(_key(text(f"timeline_legend_{certainty}", lang), "dates", 402 + rank,
                                 symbol=SYMBOL_NUMBER["circle"], color="rgba(0,0,0,0)"))
        if has_guides:
            keys.append(_line_key(text("timeline_legend_guide", lang), "dates", 410, color=GUIDE_COLOUR, width=2,
                                  dash="dot"))
        if has_gaps:
            keys.append(_key(text("no_information", lang), "dates", 411, symbol=SYMBOL_NUMBER["square"],
                             size=16, color="rgba(120, 120, 120, 0.25)"))
    titles = {"types": text("timeline_legend_types", lang), "from": text("timeline_legend_from", lang),
              "decision": text("timeline_legend_decision", lang), "notes": text("f_annotations", lang),
              "dates": text("timeline_legend_dates", lang)}
    rows = [LegendRow("", group, titles[group], tuple(key["name"] for key in keys if key["legendgroup"] == group))
            for group in LEGEND_GROUPS if any(key["legendgroup"] == group for key in keys)]
    return keys, rows


def legend_lines(keys: list[Trace], groups: list[LegendRow], width_px: float, font_px: int) -> list[LegendRow]:
    """Lay the legend groups out in lines no wider than ``width_px``, one plotly legend per line (the group's
    title on its first line only), and point each key at its legend.

    plotly gives every entry of a wrapping horizontal legend the width of the widest one, which leaves
    wide holes; so the lines are made here, from generous estimates of the entries' widths.
    """
    lines: list[LegendRow] = []
    for group in groups:
        members = [key for key in keys if key.get("legendgroup") == group.group]
        used, line, first = legend_text_px(group.title, font_px), [], True
        chunks: list[list[Trace]] = []
        for key in members:
            entry = legend_entry_px(key["name"], font_px)
            if line and used + entry > width_px:
                chunks.append(line)
                used, line = 0.0, []
            line.append(key)
            used += entry
        if line:
            chunks.append(line)
        for chunk in chunks:
            legend = "legend" if not lines else f"legend{len(lines) + 1}"
            lines.append(LegendRow(legend, group.group, group.title if first else "",
                                   tuple(key["name"] for key in chunk)))
            first = False
            for key in chunk:
                key["legend"] = legend
    for key in keys:  # a legend group would stack its entries in a column: each line is a legend of its own
        key.pop("legendgroup", None)
    return lines


def legend_text_px(title: str, font_px: int) -> float:
    """A generous estimate of a bold legend title's width, with its gap."""
    return len(title) * font_px * 0.6 + 28 if title else 0.0


def legend_entry_px(name: str, font_px: int) -> float:
    """A generous estimate of one legend entry's width: symbol, gaps and text (DejaVu Sans, the fallback
    font on Linux, averages ~0.6 em per character; an underestimate makes plotly wrap a line onto the next)."""
    return len(name) * font_px * 0.62 + 42


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


def select_marks(marks: MarkArrays, keep: np.ndarray | None, highlighted: np.ndarray | None) -> MarkArrays:
    """The rows ``keep`` of ``marks`` (all when None), dimmed where ``highlighted`` (for the kept rows) is False."""
    fields = {name: getattr(marks, name) if keep is None else getattr(marks, name)[keep]
              for name in MarkArrays.__dataclass_fields__ if name not in ("alpha", "dimmed")}
    n = len(fields["ids"])
    alpha = np.ones(n) if highlighted is None else np.where(highlighted, 1.0, DIM_OPACITY)
    return MarkArrays(**fields, alpha=alpha, dimmed=highlighted is not None and not bool(highlighted.all()))


def concat_marks(first: MarkArrays, second: MarkArrays) -> MarkArrays:
    """Both sets of columns, one after the other."""
    return MarkArrays(**{name: first.dimmed or second.dimmed if name == "dimmed"
                         else np.concatenate([getattr(first, name), getattr(second, name)])
                         for name in MarkArrays.__dataclass_fields__})
