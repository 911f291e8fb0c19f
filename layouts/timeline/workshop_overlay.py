"""What participants add during a live workshop, drawn over the timeline: one trace per perspective and layer.

The timeline's own figure is drawn from the case without these events, so a participant's add never rebuilds it:
the wall sends these traces (a few kilobytes) and the browser puts them in place of the previous ones at the end
of the figure's data (``app/assets/workshop.js``). Formal events sit just above the axis line, lived experience just
below it, each a dot in its perspective's colour with its title beside it.

Pure: (events, colours, projector flag) → list of plotly trace dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from layouts.timeline.text import esc, shorten
from models.dates import day_ms
from models.partial_date import PartialDate

OVERLAY_NAME = "workshop-overlay"
"""The ``name`` of every overlay trace (the browser finds them by it)."""
FORMAL_Y = 0.95
"""Formal events: rows above the axis line (on y2, the formal half), between the child's ages and the lowest lane."""
LIVED_Y = -1.25
"""Lived experience: rows below the axis line (on y, the lived half), between the years and the highest lane."""
TITLE_CHARS = 28
WORD_CHARS = 18


@dataclass(frozen=True)
class OverlayEvent:
    """An event a participant added, as the overlay draws it."""

    id: str
    date: str
    layer: str
    title: str
    name: str
    perspective: str


def _x(event: OverlayEvent) -> float | None:
    try:
        return day_ms(PartialDate.parse(event.date).midpoint())
    except (ValueError, TypeError):
        return None


def _trace(events: list[tuple[OverlayEvent, float]], colour: str, formal: bool, projector: bool,
           perspective: str) -> dict[str, Any]:
    size = 20 if projector else 13
    return {
        "type": "scatter", "name": OVERLAY_NAME, "mode": "markers+text", "showlegend": False, "cliponaxis": False,
        "x": [x for _, x in events], "y": [FORMAL_Y if formal else LIVED_Y] * len(events),
        "xaxis": "x2" if formal else "x", "yaxis": "y2" if formal else "y",
        "customdata": [e.id for e, _ in events], "meta": {"perspective": perspective,
                                                         "ids": [e.id for e, _ in events]},
        "text": [esc(shorten(e.title, TITLE_CHARS)) for e, _ in events],
        "textposition": "middle right",
        "textfont": {"size": 18 if projector else 12, "color": colour},
        "hovertext": [f"{esc(e.title)}<br>{esc(e.date)} · {esc(e.name)} ({esc(e.perspective)})" for e, _ in events],
        "hoverinfo": "text",
        "marker": {"symbol": "circle", "size": size, "color": colour, "line": {"width": 2, "color": colour}},
    }


def overlay_traces(events: Sequence[OverlayEvent], colours: dict[str, str], projector: bool,
                   fallback: str = "#5F6368") -> list[dict[str, Any]]:
    """One trace per (perspective, layer) that has events, in the order perspectives first appear; an event
    whose date cannot be placed is left out.
    Titles and names are escaped: plotly shows them as written."""
    groups: dict[tuple[str, bool], list[tuple[OverlayEvent, float]]] = {}
    for event in events:
        x = _x(event)
        if x is not None:
            groups.setdefault((event.perspective, event.layer == "formal"), []).append((event, x))
    return [_trace(items, colours.get(perspective, fallback), formal, projector, perspective)
            for (perspective, formal), items in groups.items()]


LINK_NAME = "workshop-link"
"""The ``name`` of every arrow a participant drew (and ``workshop-link-word`` of the word on it)."""


@dataclass(frozen=True)
class OverlayLink:
    """An arrow a participant drew from one event to another (either may be one added in the workshop)."""

    id: str
    source: str
    target: str
    label: str
    name: str
    perspective: str


def overlay_links(links: Sequence[OverlayLink], titles: dict[str, str], colours: dict[str, str],
                  fallback: str = "#5F6368") -> list[dict[str, Any]]:
    """The arrows for the browser to draw between the marks of their events (it knows where they are drawn):
    their ends, word, colour and hover (escaped: plotly shows them as written)."""
    return [{"id": link.id, "source": link.source, "target": link.target,
             "word": esc(shorten(link.label, WORD_CHARS)), "colour": colours.get(link.perspective, fallback),
             "hover": (f"{esc(shorten(titles.get(link.source, link.source), 40))} → <i>{esc(link.label)}</i> → "
                       f"{esc(shorten(titles.get(link.target, link.target), 40))}<br>"
                       f"{esc(link.name)} ({esc(link.perspective)})")}
            for link in links]
