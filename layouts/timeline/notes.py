"""The analysts' notes on the timeline: a ✎ above each annotated event and at the top of each annotated
stretch of time (shaded lightly), the notes in their hover."""

from __future__ import annotations

import datetime as dt

from layouts.style import NOTE_COLOUR, NOTE_FILL_KEY
from layouts.timeline.lanes import PlacedEvent, TimelineLayout
from layouts.timeline.text import note_hover
from layouts.timeline.traces import note_traces
from models.case import Annotation, Case
from models.vocabulary import Layer


def annotation_marks(case: Case, layout: TimelineLayout, drawn: list[PlacedEvent], lang: str, font_px: int,
                     top: float, until: dt.date | None = None) -> tuple[list[dict], list[dict]]:
    """✎ marks for the case's annotations: above each annotated event that is drawn, and at the top of each
    annotated stretch of time (which is shaded lightly) that starts by ``until`` (story mode's day, up to which
    it is shaded; None: all).
    Returns (traces, shapes)."""
    if not case.annotations:
        return [], []
    drawn_by_id = {item.event.id: item for item in drawn}
    per_event: dict[str, list[Annotation]] = {}
    ranges: list[tuple[float, float, Annotation]] = []
    for note in case.annotations:
        for event_id in dict.fromkeys(note.target.events):
            if event_id in drawn_by_id:
                per_event.setdefault(event_id, []).append(note)
        if note.target.date_range is not None and (until is None or note.target.date_range.start.earliest() <= until):
            span = note.target.date_range
            x0 = layout.x_of(span.start.earliest())
            x1 = layout.x_of((span.end or span.start).latest() + dt.timedelta(days=1))
            if until is not None:  # story mode: the stretch so far, its end not known yet
                x1 = min(x1, layout.x_of(until + dt.timedelta(days=1)))
            ranges.append((x0, max(x1, x0 + 86_400_000), note))
    traces: list[dict] = []
    for layer, axes in ((Layer.LIVED, ("x", "y")), (Layer.FORMAL, ("x2", "y2"))):
        items = [drawn_by_id[event_id] for event_id in per_event if drawn_by_id[event_id].event.layer == layer]
        traces += note_traces([item.x for item in items], [item.y + 0.48 for item in items],
                              [note_hover(per_event[item.event.id], lang) for item in items], font_px, axes)
    # A light band along the top edge with a thin rule at each end: it marks the stretch without tinting
    # the whole plot (a full-height wash read as a selection, and hid the "no information" bands).
    shapes = [{"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0.965, "y1": 1,
               "fillcolor": NOTE_FILL_KEY, "line": {"width": 0}, "layer": "below"}
              for x0, x1, _ in ranges]
    shapes += [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0.94, "y1": 1,
                "line": {"width": 1, "color": NOTE_COLOUR}, "layer": "below"}
               for x0, x1, _ in ranges for x in (x0, x1)]
    traces += note_traces([x0 for x0, _, _ in ranges], [top - 0.45] * len(ranges),
                          [note_hover([note], lang) for _, _, note in ranges], font_px, ("x2", "y2"))
    return traces, shapes
