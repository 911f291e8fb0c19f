"""What participants add during a live workshop, drawn over the timeline: one trace per perspective and layer.

The timeline's own figure is drawn from the case without these events, so a participant's add never rebuilds it:
the wall sends these traces (a few kilobytes) and the browser puts them in place of the previous ones at the end
of the figure's data (``app/assets/workshop.js``). While a workshop runs the timeline keeps a row free beside its
axis in each half ("Inbreng", :data:`layouts.timeline.style.WORKSHOP_ROWS`): formal events sit in the row above
the axis, lived experience in the row below it, clear of the ages and the years, each a dot in its perspective's
colour; their titles are placed clear of each other and of the labels the timeline drew
(:mod:`layouts.timeline.workshop_labels`).

Pure: (events, colours, projector flag, what the timeline drew) → list of plotly trace dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from layouts.timeline.text import esc, shorten
from layouts.timeline.time_scale import LINEAR, TimeScale
from layouts.timeline.workshop_labels import DrawnWords, TitlePlace, default_frame, place_titles
from models.dates import day_ms
from models.partial_date import PartialDate

OVERLAY_NAME = "workshop-overlay"
"""The ``name`` of every overlay trace of marks (the browser finds the overlay's traces by this prefix)."""
TITLE_NAME = "workshop-overlay-title"
LEADER_NAME = "workshop-overlay-leader"
FORMAL_Y = 0.95
"""Formal events on a timeline without a workshop's row: rows above the axis line (on y2, the formal half)."""
LIVED_Y = -1.25
"""Lived experience on a timeline without a workshop's row: rows below the axis line (on y, the lived half)."""
TEXT_POSITION = {"left": "middle right", "right": "middle left", "center": "middle center"}
"""plotly's ``textposition`` for a title anchored at its left edge (it runs right of the point), its right edge, or
its centre (:class:`layouts.timeline.workshop_labels.TitlePlace`)."""
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


def _x(event: OverlayEvent, time: TimeScale = LINEAR) -> float | None:
    try:
        return time.to_axis(day_ms(PartialDate.parse(event.date).midpoint()))
    except (ValueError, TypeError):
        return None


def _trace(events: list[tuple[OverlayEvent, float]], colour: str, formal: bool, projector: bool,
           perspective: str, rows: tuple[float, float] = (FORMAL_Y, LIVED_Y)) -> dict[str, Any]:
    size = 20 if projector else 13
    return {
        "type": "scatter", "name": OVERLAY_NAME, "mode": "markers", "showlegend": False, "cliponaxis": False,
        "x": [x for _, x in events], "y": [rows[0] if formal else rows[1]] * len(events),
        **_axes(formal), "customdata": [e.id for e, _ in events],
        "meta": {"perspective": perspective, "ids": [e.id for e, _ in events]},
        "hovertext": [_hover(e) for e, _ in events], "hoverinfo": "text",
        "marker": {"symbol": "circle", "size": size, "color": colour, "line": {"width": 2, "color": colour}},
    }


def _axes(formal: bool) -> dict[str, str]:
    return {"xaxis": "x2" if formal else "x", "yaxis": "y2" if formal else "y"}


def _hover(event: OverlayEvent) -> str:
    return f"{esc(event.title)}<br>{esc(event.date)} · {esc(event.name)} ({esc(event.perspective)})"


def _title_traces(events: list[tuple[OverlayEvent, float]], places: dict[str, TitlePlace], colour: str,
                  formal: bool, font_px: float) -> list[dict[str, Any]]:
    """The titles of a group's events at their places, and the leader lines of those away from their marks."""
    shown = [(e, places[e.id]) for e, _ in events if e.id in places]
    if not shown:
        return []
    traces: list[dict[str, Any]] = [{
        "type": "scatter", "name": TITLE_NAME, "mode": "text", "showlegend": False, "cliponaxis": False,
        "x": [p.anchor_x for _, p in shown], "y": [p.y for _, p in shown], **_axes(formal),
        "text": ["<br>".join(esc(line) for line in p.lines) for _, p in shown],
        "textposition": [TEXT_POSITION[p.anchor] for _, p in shown],
        "textfont": {"size": font_px, "color": colour}, "hovertext": [_hover(e) for e, _ in shown],
        "hoverinfo": "text", "meta": {"ids": [e.id for e, _ in shown]}}]
    leaders = [p.leader for _, p in shown if p.leader is not None]
    if leaders:
        xs = [v for x0, _, x1, _ in leaders for v in (x0, x1, None)]
        ys = [v for _, y0, _, y1 in leaders for v in (y0, y1, None)]
        traces.append({"type": "scatter", "name": LEADER_NAME, "mode": "lines", "showlegend": False,
                       "x": xs, "y": ys, **_axes(formal), "hoverinfo": "skip",
                       "line": {"width": 1, "color": colour}})
    return traces


def overlay_traces(events: Sequence[OverlayEvent], colours: dict[str, str], projector: bool,
                   fallback: str = "#5F6368", drawn: DrawnWords | None = None) -> list[dict[str, Any]]:
    """One trace of marks per (perspective, layer) that has events, in the order perspectives first appear, then
    their titles placed clear of each other and of what the timeline drew (``drawn``: its labels' frame and
    boxes; without it the titles are fitted among themselves); an event whose date cannot be placed is left out.
    Titles and names are escaped: plotly shows them as written."""
    groups: dict[tuple[str, bool], list[tuple[OverlayEvent, float]]] = {}
    for event in events:
        x = _x(event, drawn.time if drawn is not None else LINEAR)
        if x is not None:
            groups.setdefault((event.perspective, event.layer == "formal"), []).append((event, x))
    items = [(e, x, formal) for (_, formal), group in groups.items() for e, x in group]
    if drawn is None:
        drawn = DrawnWords(default_frame([x for _, x, _ in items], projector))
    size = 20 if projector else 13
    rows = drawn.rows or (FORMAL_Y, LIVED_Y)
    places = {items[p.index][0].id: p for p in place_titles(
        [(x, rows[0] if formal else rows[1], shorten(e.title, TITLE_CHARS)) for e, x, formal in items], drawn,
        size + 4)}
    marks = [_trace(group, colours.get(perspective, fallback), formal, projector, perspective, rows)
             for (perspective, formal), group in groups.items()]
    titles = [trace for (perspective, formal), group in groups.items()
              for trace in _title_traces(group, places, colours.get(perspective, fallback), formal,
                                         drawn.frame.font_px)]
    return marks + titles


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
