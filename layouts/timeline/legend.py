"""The timeline's legend: keys for what the figure uses (and only that), grouped in rows, laid out in lines
no wider than the figure (one plotly legend per line)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from layouts.style import INK, MUTED, NOTE_COLOUR, NOTE_FILL_KEY
from layouts.texts import has_text, text
from layouts.timeline.marks import MarkArrays, Trace
from layouts.timeline.style import (
    CERTAINTY_GLYPH,
    GUIDE_COLOUR,
    PROVENANCE_COLOUR,
    PROVENANCE_ORDER,
    SYMBOL_NUMBER,
    TYPE_SYMBOL,
)
from models.vocabulary import EventType, FamilyInvolved, label

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


def line_key(name: str, group: str, rank: int, **line: Any) -> Trace:
    """A legend entry drawn as a line (the data traces stay out of the legend)."""
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
            keys.append(line_key(text("timeline_legend_fuzzy", lang), "dates", 401, color=INK, width=2))
        for rank, certainty in enumerate(("suspected", "disputed")):
            if (marks.certainty == CERTAINTY_GLYPH[certainty]).any():
                keys.append(_key(text(f"timeline_legend_{certainty}", lang), "dates", 402 + rank,
                                 symbol=SYMBOL_NUMBER["circle"], color="rgba(0,0,0,0)"))
        if has_guides:
            keys.append(line_key(text("timeline_legend_guide", lang), "dates", 410, color=GUIDE_COLOUR, width=2,
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
