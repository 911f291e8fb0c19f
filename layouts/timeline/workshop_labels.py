"""Where the titles of the events participants added go over the timeline: placed by the timeline's own label
placement (:func:`layouts.timeline.labels.place_labels`), clear of each other, of the timeline's marks and of the
labels it drew, in the frame those labels were fitted in (pure).

A title is placed beside its mark where there is room, else further away with a leader line; its place is given
on the axes (the box's centre, in ms and rows), so the browser draws it as text there, as the wall draws its own
labels with leader lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from layouts.timeline.event_labels import label_frame
from layouts.timeline.label_box import LabelBox, leader_end
from layouts.timeline.labels import LabelFrame, LabelMark, PlotScale, place_labels
from layouts.timeline.lanes import TimelineLayout
from layouts.timeline.style import AXIS_DOWN, AXIS_UP, GL_THRESHOLD, LABEL_FIGURE_PX, LABEL_FONT_PX, geometry
from layouts.timeline.time_scale import LINEAR, TimeScale

DAY_MS = 86_400_000
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class TitlePlace:
    """Where one added event's title goes: its centre (ms, rows) and, for a label away from its mark, the leader
    line from the mark to the label (ms, rows, ms, rows). ``anchor``: the edge of the title nearest its mark
    ("left": the title starts at ``anchor_x``, right of its mark; "right": it ends there, left of it; "center":
    above or below it), so that on a plot wider or narrower than the one it was placed in the title stays beside
    its mark instead of its centre drifting away."""

    index: int
    x: float
    y: float
    lines: tuple[str, ...]
    leader: tuple[float, float, float, float] | None
    box: LabelBox
    anchor: str = "center"
    anchor_x: float = 0.0


@dataclass(frozen=True)
class DrawnWords:
    """What the timeline drew that the titles keep clear of: the frame its labels were fitted in, and px boxes
    (left, top, right, bottom) of its labels and marks in that frame."""

    frame: LabelFrame
    boxes: tuple[Box, ...] = ()
    rows: tuple[float, float] | None = None
    """The y (rows) of the row the timeline keeps free for added events (formal, lived); None: it keeps none."""
    time: TimeScale = LINEAR
    """The timeline's time axis (a date's x is ``time.to_axis(ms)``)."""


def default_frame(xs_ms: Sequence[float], projector: bool, rows: tuple[float, float] = (-4.0, 4.0)) -> LabelFrame:
    """A frame for the titles alone (the timeline's own is not known): the added events' time span at the mode's
    nominal width."""
    lo, hi = (min(xs_ms), max(xs_ms)) if xs_ms else (0.0, 1.0)
    pad = max((hi - lo) * 0.1, 30 * DAY_MS)
    font = LABEL_FONT_PX[projector]
    return LabelFrame(width_px=LABEL_FIGURE_PX[projector] - 200, height_px=(rows[1] - rows[0]) * 40,
                      x_range=((lo - pad) / DAY_MS, (hi + pad) / DAY_MS), y_range=rows, font_px=font,
                      regions=((AXIS_UP - 0.35, rows[1]), (rows[0], -AXIS_DOWN + 0.35)), line_px=font * 1.3)


def place_titles(marks: Sequence[tuple[float, float, str]], drawn: DrawnWords, marker_px: float
                 ) -> list[TitlePlace]:
    """Places for the titles of ``marks`` ((x ms, y rows, title) each), one line each, clear of one another and
    of ``drawn``; a title for which there is no room is left out (its mark and hover stay)."""
    frame = replace(drawn.frame, avoid=(*drawn.frame.avoid, *drawn.boxes), max_lines=1, limit=len(marks) + 1,
                    regions=_overlay_regions(drawn.frame, drawn.rows))
    scale = PlotScale(frame)
    placed = place_labels([LabelMark(x=x / DAY_MS, y=y, title=title, priority=0, size_px=marker_px)
                           for x, y, title in marks], frame)
    out = []
    for box in placed:
        cx, cy = box.centre
        leader = None
        if box.leader:
            ex, ey = leader_end(box)
            mx, my = box.mark_px
            leader = (scale.days(mx) * DAY_MS, scale.rows(my), scale.days(ex) * DAY_MS, scale.rows(ey))
        mark_x = box.mark_px[0]
        anchor, edge = ("left", box.left) if box.left >= mark_x else (
            ("right", box.left + box.width) if box.left + box.width <= mark_x else ("center", cx))
        out.append(TitlePlace(box.index, scale.days(cx) * DAY_MS, scale.rows(cy), box.lines, leader, box, anchor,
                              scale.days(edge) * DAY_MS))
    return out


def _overlay_regions(frame: LabelFrame, rows: tuple[float, float] | None = None
                     ) -> tuple[tuple[float, float], ...]:
    """The frame's halves, reaching to the added events' rows beside the axis (``rows``: the timeline's row for
    them in each half; without one the lived half reaches up to the gap above its first lane), where their marks
    sit and their titles beside them."""
    if len(frame.regions) != 2:
        return frame.regions
    (low, high), (bottom, top) = frame.regions
    if rows is None:
        return (low, high), (bottom, max(top, -AXIS_DOWN + 0.35))
    return (min(low, rows[0] - 0.5), high), (bottom, max(top, rows[1] + 0.5))


def label_boxes(boxes: Sequence[LabelBox]) -> tuple[Box, ...]:
    """px boxes (left, top, right, bottom) of placed labels."""
    return tuple((b.left, b.top, b.left + b.width, b.top + b.height) for b in boxes)


def drawn_words(layout: TimelineLayout, projector: bool, margin_px: float = 200.0) -> DrawnWords:
    """What the timeline of ``layout`` drew: the labels it fitted last for this mode (its layout keeps them), the
    key moments' words and every mark; without fitted labels (another worker drew it), a frame of the layout at
    the mode's nominal width and its marks."""
    fitted = [words for key, words in layout.words_cache.items() if key[1] == projector]
    geo = geometry(projector)
    rows = (layout.added_y(True), layout.added_y(False)) if layout.added_rows else None
    if not fitted:
        frame = label_frame(layout, projector, margin_px)
        return DrawnWords(frame, _mark_boxes(layout, PlotScale(frame), geo.marker_px), rows, layout.scale)
    words = fitted[-1]
    boxes = (*label_boxes(words.boxes), *(tuple(box) for _, box in words.words),
             *_mark_boxes(layout, PlotScale(words.frame), geo.marker_px))
    return DrawnWords(replace(words.frame, avoid=()), (*words.frame.avoid, *boxes), rows, layout.scale)


def _mark_boxes(layout: TimelineLayout, scale: PlotScale, marker_px: float) -> tuple[Box, ...]:
    """px boxes of the timeline's marks; none above the WebGL threshold, where the timeline is full of marks and
    labels none (the titles are then placed among themselves), and each box once."""
    if len(layout.placed) > GL_THRESHOLD:
        return ()
    r = marker_px / 2 + 1
    return tuple(dict.fromkeys((scale.x(item.x / DAY_MS) - r, scale.y(item.y) - r,
                  (scale.x(item.x_end / DAY_MS) if item.is_span else scale.x(item.x / DAY_MS)) + r, scale.y(item.y) + r)
                 for item in layout.placed))
