"""The group's layer on the timeline: arrows between linked events, and a ring in the perspective's colour
around the marks of each perspective the group chose (:mod:`models.group`).

Kept apart from the marks and their hover so the assembler only adds what this returns:
:func:`group_layer` gives ring traces, arrow and word annotations, and legend keys and rows.

Arrows cross from the lived half (x, y) to the formal half (x2, y2). The two lane axes share one linear scale
on the page (``y`` shows [bottom, 0] and ``y2`` [0, top] on domains that meet), so an arrow is drawn in the
axis of the event it points at, its tail given in that axis' coordinates even when it lies in the other half:
plotly draws an annotation whose head is in range and extends the axis' scale to its tail. (A tail in paper
coordinates, ``ayref="paper"``, is drawn by plotly.js but refused by plotly.py, so such a figure could not be
exported.) The words on the arrows sit in paper coordinates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from layouts.style import INK, type_scale
from layouts.texts import text
from layouts.timeline.axis import axis_px, gap_decor
from layouts.timeline.figure_layout import gap_label_room
from layouts.timeline.lanes import PlacedEvent, TimelineLayout
from layouts.timeline.legend import LegendRow
from layouts.timeline.style import (
    AXIS_DOWN,
    AXIS_UP,
    LABEL_FIGURE_PX,
    LINK_WORD_NAME,
    SYMBOL_NUMBER,
    geometry,
    plot_height_px,
    text_px,
)
from layouts.timeline.text import esc, shorten
from models.case import Case
from models.dates import Gap
from models.group import perspective_by_person, voice_perspective
from models.vocabulary import Layer

ARROW_COLOUR = "rgba(26, 26, 26, 0.62)"
LINK_NAME = "timeline-link"
"""The ``name`` of every arrow annotation (and :data:`~layouts.timeline.style.LINK_WORD_NAME` of every word on
one)."""
RING_NAME = "timeline-perspective"
"""The ``name`` prefix of the ring traces, one per perspective: ``timeline-perspective:<key>``."""
MAX_WORDS = 14
"""With more links than this, the words stay off the arrows (they are in the details); a word that would cover a
mark or another word, or is longer than its arrow, stays off too."""
WORD_CHARS = 18


@dataclass
class GroupLayer:
    """What the group's layer adds to the timeline figure."""

    traces: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)
    rows: list[LegendRow] = field(default_factory=list)


def group_layer(case: Case, layout: TimelineLayout, drawn: list[PlacedEvent], lang: str,
                projector: bool, gaps: Sequence[Gap] = ()) -> GroupLayer:
    """Rings, arrows and legend keys for the drawn events (none when the case has no perspectives or links); the
    arrows' words keep out of the ``gaps``' bands (their "geen informatie")."""
    out = GroupLayer()
    if not (case.perspectives or case.links):
        return out
    by_id = {item.event.id: item for item in drawn}
    _rings(case, drawn, projector, lang, out)
    _arrows(case, layout, by_id, projector, lang, gaps, out)
    return out


def _rings(case: Case, drawn: list[PlacedEvent], projector: bool, lang: str, out: GroupLayer) -> None:
    by_person = perspective_by_person(case.perspectives)
    if not by_person:
        return
    geo = geometry(projector)
    size = geo.marker_px + 9
    groups: dict[tuple[str, Layer], list[PlacedEvent]] = {}
    for item in drawn:
        found = voice_perspective(item.event.perspective, item.event.informant, by_person)
        if found is not None:
            groups.setdefault((found.key, item.event.layer), []).append(item)
    size_key = 16 if projector else 12
    for rank, perspective in enumerate(case.perspectives):
        used = False
        for layer in (Layer.LIVED, Layer.FORMAL):
            items = groups.get((perspective.key, layer), [])
            if not items:
                continue
            used = True
            axes = {"xaxis": "x2", "yaxis": "y2"} if layer == Layer.FORMAL else {}
            out.traces.append({
                "type": "scatter", "mode": "markers", "name": f"{RING_NAME}:{perspective.key}",
                "x": np.array([item.x for item in items]), "y": np.array([item.y for item in items]),
                "marker": {"symbol": SYMBOL_NUMBER["circle-open"], "size": size, "color": perspective.colour,
                           "line": {"width": 3 if projector else 2.4, "color": perspective.colour}},
                "hoverinfo": "skip", "showlegend": False, **axes})
        if used:
            out.keys.append({"type": "scatter", "x": [None], "y": [None], "mode": "markers",
                             "name": esc(perspective.label), "legendgroup": "perspectives", "legendrank": 500 + rank,
                             "marker": {"symbol": SYMBOL_NUMBER["circle-open"], "size": size_key + 2,
                                        "color": perspective.colour,
                                        "line": {"width": 2.4, "color": perspective.colour}},
                             "hoverinfo": "skip"})
    if out.keys:
        out.rows.append(LegendRow("", "perspectives", text("timeline_legend_perspectives", lang),
                                  tuple(key["name"] for key in out.keys)))


def _arrows(case: Case, layout: TimelineLayout, by_id: dict[str, PlacedEvent], projector: bool, lang: str,
            gaps: Sequence[Gap], out: GroupLayer) -> None:
    bottom, top = layout.y_range
    if top <= bottom:
        return

    scale, geo = type_scale(projector), geometry(projector)
    drawn = [(link, by_id[link.source], by_id[link.target]) for link in case.links
             if link.source in by_id and link.target in by_id and link.source != link.target]
    if not drawn:
        return
    standoff = geo.decision_px / 2 + 3
    titles = {item.event.id: item.event.title for _, a, b in drawn for item in (a, b)}
    place = _WordPlaces(layout, list(by_id.values()), projector, gaps)
    font_px = scale.small - (2 if not projector else 4)
    for link, start, end in drawn:
        hover = f"{esc(shorten(titles[link.source], 40))} → <i>{esc(link.label)}</i> → " \
                f"{esc(shorten(titles[link.target], 40))}"
        axis = "y2" if end.y > 0 else "y"  # the formal half above the line, the lived half below
        out.annotations.append({
            "x": end.x, "y": end.y, "ax": start.x, "ay": start.y,
            "xref": "x", "yref": axis, "axref": "x", "ayref": axis, "text": "", "showarrow": True,
            "arrowhead": 2, "arrowsize": 1.1 if projector else 1, "arrowwidth": scale.line_width + 0.2,
            "arrowcolor": ARROW_COLOUR, "standoff": standoff, "startstandoff": standoff, "hovertext": hover,
            "name": LINK_NAME})
        word = shorten(link.label, WORD_CHARS)
        at = place.fits(start, end, word, font_px, 2 * standoff) if len(drawn) <= MAX_WORDS else None
        if at is not None:
            y = start.y + at * (end.y - start.y)  # in a half (never in the axis's band): on that half's axes
            out.annotations.append({
                "x": start.x + at * (end.x - start.x), "y": y, "xref": "x", "yref": "y2" if y > 0 else "y",
                "text": f"<i>{esc(word)}</i>", "showarrow": False, "font": {"size": font_px, "color": INK},
                "bgcolor": "rgba(255, 255, 255, 0.85)", "borderpad": 1, "hovertext": hover,
                "name": LINK_WORD_NAME})
    out.keys.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines",
                     "name": text("timeline_legend_link", lang), "legendgroup": "links", "legendrank": 600,
                     "line": {"color": ARROW_COLOUR, "width": 2}, "hoverinfo": "skip"})
    out.rows.append(LegendRow("", "links", text("timeline_legend_links", lang),
                              (text("timeline_legend_link", lang),)))



class _WordPlaces:
    """Where the words on the arrows may go: along the arrow, its middle first, clear of every mark, of the words
    already placed, of the axis's band (the child's ages above the line, the years under it) and of the gaps' bands
    (their "geen informatie"), on an arrow long enough to show its word (estimated on the figure's nominal width)."""

    ALONG = (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75)  # where along the arrow a word is tried, in turn

    def __init__(self, layout: TimelineLayout, drawn: list[PlacedEvent], projector: bool,
                 gaps: Sequence[Gap] = ()) -> None:
        bottom, top = layout.y_range
        self._px = axis_px(layout, LABEL_FIGURE_PX[projector] - 240)[1]
        self._row_px = plot_height_px(top - bottom, projector) / (top - bottom)
        self._top = top
        self._marks = [(self._px(item.x), self._y(item.y)) for item in drawn]
        self._mark_px = geometry(projector).marker_px / 2 + 2
        self._kept: list[tuple[float, float, float, float]] = []
        self._band = (self._y(AXIS_UP * 0.9), self._y(-AXIS_DOWN * 0.9))  # px from the top: ages … years
        self._gaps = self._gap_words(layout, gaps, projector, plot_height_px(top - bottom, projector))

    def _y(self, y: float) -> float:
        return (self._top - y) * self._row_px

    def _gap_words(self, layout: TimelineLayout, gaps: Sequence[Gap], projector: bool,
                   plot_px: float) -> list[tuple[float, float, float, float]]:
        """The boxes of the gaps' "geen informatie" (as :func:`gap_decor` writes them: across or upright, hanging
        from the plot's top or from under the years), in px."""
        font = type_scale(projector).small
        high_px, in_lived = gap_label_room(layout, plot_px)
        boxes = []
        for note in gap_decor(list(gaps), layout, "nl", projector, font, high_px, in_lived)[1]:
            if note.get("name") != "timeline-gap":
                continue
            lines = str(note["text"]).split("<br>")
            long, tall = max(len(line) for line in lines) * font * 0.55 + 4, len(lines) * font * 1.3
            width, height = (long, tall) if note["textangle"] == 0 else (tall, long)
            x, top = self._px(note["x"]), 0.0 if note["yref"] == "paper" else self._y(note["y"])
            boxes.append((x - width / 2, top, x + width / 2, top + height))
        return boxes

    def fits(self, start: PlacedEvent, end: PlacedEvent, word: str, font_px: float, margin: float) -> float | None:
        """Where along the arrow (0: at ``start``, 1: at ``end``) its word goes, or None when it fits nowhere."""
        x0, y0, x1, y1 = self._px(start.x), self._y(start.y), self._px(end.x), self._y(end.y)
        width, height = text_px(len(word), font_px) + 4, font_px * 1.3
        if math.hypot(x1 - x0, y1 - y0) < max(width, height) + margin:
            return None
        for at in self.ALONG:
            cx, cy = x0 + at * (x1 - x0), y0 + at * (y1 - y0)
            box = (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
            if self._free(box):
                self._kept.append(box)
                return at
        return None

    def _free(self, box: tuple[float, float, float, float]) -> bool:
        pad = self._mark_px
        if box[1] < self._band[1] and self._band[0] < box[3]:
            return False
        if any(box[0] < k[2] and k[0] < box[2] and box[1] < k[3] and k[1] < box[3] for k in self._gaps):
            return False
        if any(box[0] - pad < mx < box[2] + pad and box[1] - pad < my < box[3] + pad for mx, my in self._marks):
            return False
        return not any(box[0] < k[2] and k[0] < box[2] and box[1] < k[3] and k[1] < box[3] for k in self._kept)
