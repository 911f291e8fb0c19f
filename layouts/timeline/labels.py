"""Words on the marks: a short title beside each drawn event, placed without overlap (pure, no plotly).

:func:`place_labels` takes the marks (x in days, y in lane rows, title, priority), the plot's size in px,
its x and y ranges and the font size, and returns one :class:`LabelBox` per labelled mark, in px from the
plot's top-left corner. Marks are taken in order of priority (lower first); each label goes right of its
mark if it fits there, else left, above or below it, else a little further away with a leader line to
the mark. A label never covers another label, another mark or a leader line, never crosses into the other
half of the timeline and never leaves the plot. Titles wrap at word boundaries; an ellipsis only when the
title does not fit in its lines at all. Widths are estimated from DejaVu Sans' advance widths (the font
plotly's SVG text falls back to on Linux and in exports).

>>> frame = LabelFrame(width_px=400, height_px=100, x_range=(0, 100), y_range=(-2, 2), font_px=12)
>>> [box.lines for box in place_labels([LabelMark(x=10, y=1, title="Besluit OTS")], frame)]
[('Besluit OTS',)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from layouts.timeline.label_box import PAD, SLANT, LabelBox, leader_end
from layouts.timeline.label_grid import CELL, Grid
from layouts.timeline.text_widths import ELLIPSIS, dangling, text_width, wrap_title
from layouts.timeline.uncross import crossings, uncross

__all__ = ["ELLIPSIS", "LabelBox", "LabelFrame", "LabelMark", "PlotScale", "leader_end", "place_labels", "text_width",
           "wrap_title"]

@dataclass(frozen=True, slots=True)
class LabelMark:
    """A drawn mark to label: x (days; a period's start) and y (lane rows, formal above 0, lived below)."""

    x: float
    y: float
    title: str
    priority: int = 9        # lower keeps its label first when space runs out
    x_end: float | None = None  # a period's end (days): its bar is kept clear too
    size_px: float = 12.0    # the mark's size


@dataclass(frozen=True, slots=True)
class LabelFrame:
    """The plot the labels go in: its size, what its axes show, the font, and where labels may go.

    ``regions``: y ranges (rows) a label must stay within, the one holding its mark (the two halves);
    ``keep_out``: y ranges (rows) no label may touch (the axis line with its ages and years);
    ``breaks``: stretches (days) the time axis leaves out."""

    width_px: float
    height_px: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    font_px: float
    breaks: tuple[tuple[float, float], ...] = ()
    regions: tuple[tuple[float, float], ...] = ()
    keep_out: tuple[tuple[float, float], ...] = ()
    line_px: float = 0.0      # line height (default 1.2 × font)
    max_width_px: float = 0.0  # widest line (default 13 em)
    max_lines: int = 2
    max_leader_px: float = 0.0  # farthest a label goes from its mark (default 36 em)
    limit: int = 400          # marks considered at most (the first by priority)
    avoid: tuple[tuple[float, float, float, float], ...] = ()  # px boxes (left, top, right, bottom) kept clear
    leaders_under: bool = False  # a leader line may pass under a label beside its mark (drawn over it, opaque)
    max_drift_px: float = 0.0  # farthest a label sits sideways from its mark, px (0: any; see label_box.near_enough)
    leaders: bool = True      # False: labels beside their marks only, no leader lines (thousands of events in view)
    refits: tuple[tuple[float, float], ...] = ()  # other fits tried: (line height px, far rows a line over this apart)

    @property
    def line_height(self) -> float:
        return self.line_px or self.font_px * 1.2

    @property
    def line_width(self) -> float:
        return self.max_width_px or self.font_px * 13

    @property
    def reach(self) -> float:
        return self.max_leader_px or self.font_px * 36


class PlotScale:
    """Days and rows → px in the plot, the axis breaks left out."""

    def __init__(self, frame: LabelFrame) -> None:
        self.frame = frame
        lo, hi = frame.x_range
        self.breaks = sorted((max(b0, lo), min(b1, hi)) for b0, b1 in frame.breaks if b1 > lo and b0 < hi)
        visible = (hi - lo) - sum(b1 - b0 for b0, b1 in self.breaks)
        self.px_per_day = frame.width_px / max(visible, 1e-9)
        bottom, top = frame.y_range
        self.px_per_row = frame.height_px / max(top - bottom, 1e-9)

    def x(self, days: float) -> float:
        lo = self.frame.x_range[0]
        return (days - lo - sum(max(0.0, min(b1, days) - b0) for b0, b1 in self.breaks if b0 < days)) * self.px_per_day

    def y(self, rows: float) -> float:
        return (self.frame.y_range[1] - rows) * self.px_per_row

    def days(self, px: float) -> float:
        """The day at ``px`` from the plot's left (the inverse of :meth:`x`)."""
        days = self.frame.x_range[0] + px / self.px_per_day
        for b0, b1 in self.breaks:
            if b0 < days:
                days += b1 - b0
        return days

    def rows(self, px: float) -> float:
        """The row at ``px`` from the plot's top (the inverse of :meth:`y`)."""
        return self.frame.y_range[1] - px / self.px_per_row


FORM_COST = 3  # how many places nearer a shorter form of a title must sit to be taken instead


def _mark_boxes(marks: Sequence[LabelMark], scale: PlotScale) -> list[tuple[float, float, float, float]]:
    boxes = []
    for mark in marks:
        x, y, r = scale.x(mark.x), scale.y(mark.y), mark.size_px / 2 + 0.5
        x1 = scale.x(mark.x_end) if mark.x_end is not None else x
        boxes.append((x - r, y - r, max(x1, x + r), y + r))
    return boxes


def place_labels(marks: Sequence[LabelMark], frame: LabelFrame) -> list[LabelBox]:
    """Labels for as many of ``marks`` as fit, most important first (see the module docstring).

    The important marks (priority ≤ 2) are labelled first: beside their marks where there is room, then with
    leader lines; then the rest the same way. With ``frame.refits`` other fits are made (another line height, a finer
    grid of places for leader lines) and the one that labels the most important marks, then the most marks, then
    with the fewest crossing leader lines, is kept."""
    scale = PlotScale(frame)
    obstacles = _obstacles(marks, frame, scale)
    order = sorted(range(len(marks)), key=lambda i: (marks[i].priority, marks[i].x))[: frame.limit]
    bands = {i: _region(marks[i], frame, scale) for i in order}  # each mark's band, worked out once for its three tries
    best: tuple[tuple[int, int, int], list[LabelBox]] | None = None
    for line_px, row_step in ((frame.line_height, 2.0), *(frame.refits if frame.leaders else ())):
        boxes = _placed(marks, replace(frame, line_px=line_px), scale, obstacles, order, bands, row_step)
        score = (sum(marks[box.index].priority <= 2 for box in boxes), len(boxes), -len(crossings(boxes)))
        if best is None or score > best[0]:
            best = (score, boxes)
    assert best is not None
    return best[1]


def _placed(marks: Sequence[LabelMark], frame: LabelFrame, scale: PlotScale,
            obstacles: list[tuple[float, float, float, float]], order: list[int],
            bands: dict[int, tuple[float, float]], row_step: float) -> list[LabelBox]:
    """One fit of :func:`place_labels` whose far places' rows are a line over ``row_step`` apart."""
    state = _State(*(Grid(frame.width_px, frame.height_px) for _ in range(4)), frame.leaders_under)
    for box in obstacles:
        state.blocked.fill_box(box)
    placed: dict[int, LabelBox] = {}
    for tier in ([i for i in order if marks[i].priority <= 2], [i for i in order if marks[i].priority > 2]):
        for far in (0, 1, 2) if frame.leaders else (0,):  # beside the mark, then with a leader line, a long one
            for i in tier:
                if i in placed:
                    continue
                box = _place_one(i, marks[i], frame, scale, state, far, bands[i], row_step)
                if box is not None:
                    placed[i] = box
                    state.take(box)
    boxes = [placed[i] for i in sorted(placed)]
    return uncross(boxes, obstacles, [bands[box.index] for box in boxes], frame.width_px,
                   frame.leaders_under, drift_px=frame.max_drift_px)


def _obstacles(marks: Sequence[LabelMark], frame: LabelFrame, scale: PlotScale
               ) -> list[tuple[float, float, float, float]]:
    """The px boxes no label may touch: the marks, the frame's fixed boxes and its keep-out bands."""
    bands = [sorted((scale.y(y0), scale.y(y1))) for y0, y1 in frame.keep_out]
    return [*_mark_boxes(marks, scale), *frame.avoid, *((0.0, top, frame.width_px, bottom) for top, bottom in bands)]


@dataclass(slots=True)
class _State:
    """Where labels may not go (marks, fixed boxes, labels and leader lines placed), the labels alone (no
    leader line may run through them) and the leader lines alone (crossing one is avoided where possible);
    with ``leaders_under``, the labels no leader line may run through are those with leader lines themselves
    (labels beside their marks are drawn over the lines, opaque)."""

    blocked: Grid
    labels: Grid
    leaders: Grid
    far_labels: Grid
    leaders_under: bool = False

    def take(self, box: LabelBox) -> None:
        padded = (box.left - PAD, box.top - PAD, box.left + box.width + PAD, box.top + box.height + PAD)
        self.blocked.fill_box(padded)
        self.labels.fill_box(padded)
        if box.leader:
            self.far_labels.fill_box(padded)
            segment = (*box.mark_px, *leader_end(box))
            self.blocked.fill_segment(segment)
            self.leaders.fill_segment(segment)


def _region(mark: LabelMark, frame: LabelFrame, scale: PlotScale) -> tuple[float, float]:
    """The px band (top, bottom) the mark's label must stay in: the region holding the mark, else the nearest
    (a mark between the axis and its half's first lane keeps its label in its own half)."""
    if not frame.regions:
        return 0.0, frame.height_px
    y0, y1 = min(frame.regions, key=lambda r: max(min(r) - mark.y, mark.y - max(r), 0.0))
    top, bottom = sorted((scale.y(y0), scale.y(y1)))
    return top, bottom


def _variants(title: str, frame: LabelFrame) -> list[tuple[tuple[str, ...], float, float]]:
    """Ways to write a title: (lines, width, height) — in its lines, then on one wider line."""
    return _ways(title, frame.line_width, frame.max_lines, frame.font_px, frame.line_height)


@lru_cache(maxsize=16_384)
def _ways(title: str, line_width: float, max_lines: int, font: float, line_height: float
          ) -> list[tuple[tuple[str, ...], float, float]]:
    """The title in its lines; on one wider line; then, when room is short, its first words on one line
    (at least two whole words, twelve characters: a label cut inside its first words says nothing)."""
    out = []
    forms = ((line_width, max_lines), (line_width * 1.5, 1), (line_width, 1), (line_width * 0.6, 1))
    one_line = max_lines == 1  # (the wall) the longest line first; every cut form keeps whole words
    if one_line:
        forms = (*forms[1:3], (_shortest_head_px(title, font, whole=True), 1), (_shortest_head_px(title, font), 1))
    for i, (max_px, lines) in enumerate(forms):
        wrapped = wrap_title(title, max_px, font, lines)
        if not wrapped or any(wrapped == way[0] for way in out):
            continue
        if (i >= 2 or one_line) and " ".join(wrapped) != title and not _whole_words(wrapped[-1], title):
            continue
        width = max(text_width(line, font) for line in wrapped) + 2
        out.append((wrapped, width, len(wrapped) * line_height))
    return out


def _shortest_head_px(title: str, font: float, whole: bool = False) -> float:
    """px of the shortest cut of ``title`` that still says something: its first whole words (two or more,
    twelve characters or more) and an ellipsis; ``whole``: not ending on a word that leaves it hanging
    ("Plaatsing in pleeggezin…" rather than "Plaatsing in…", which is kept for when nothing longer fits)."""
    words = title.split()
    for n in range(2, len(words)):
        head = " ".join(words[:n])
        if len(head) >= 12 and not (whole and dangling(words[n - 1])):
            return text_width(head + ELLIPSIS, font) + 0.5
    return text_width(title, font) + 0.5


def _whole_words(line: str, title: str) -> bool:
    """Whether a cut line keeps at least two of the title's words whole, twelve characters or more."""
    head = line.removesuffix(ELLIPSIS).split()
    words = title.split()
    return len(head) >= 2 and len(" ".join(head)) >= 12 and words[: len(head)] == head


def _near_place(mx: float, my: float, r: float, w: float, h: float, width: float, region: tuple[float, float],
                blocked: Grid) -> tuple[int, float, float, str] | None:
    """The first free place for a w × h label beside a mark at (mx, my) of radius r — right, left, above or below
    it, nearest first — inside the plot and the mark's band: (its rank, left, top, side)."""
    gap = r + PAD + CELL + 1  # clear of the mark's cells, with the label's padding
    near = ((mx + gap, my - h / 2, "right"), (mx - gap - w, my - h / 2, "left"),
            (mx - w / 2, my - gap - h, "above"), (mx - w / 2, my + gap, "below"),
            (mx + r, my - gap - h, "above"), (mx + r, my + gap, "below"))
    for k, (left, top, side) in enumerate(near):
        right, bottom = left + w, top + h
        if left >= 0 and right <= width and top >= region[0] and bottom <= region[1] \
                and blocked.box_free(left - PAD, top - PAD, right + PAD, bottom + PAD):
            return k, left, top, side
    return None


def _far_place(mx: float, my: float, r: float, w: float, h: float, frame: LabelFrame, state: _State, far: int,
               region: tuple[float, float], row_step: float = 2.0) -> tuple[int, float, float] | None:
    """The place for a w × h label further from its mark, with a leader line: the nearest free one of a grid of
    places within the pass's reach whose line runs through no label (crossing another line only when none of
    the nearest avoids that); its rank among all the grid's places (nearest first), its left and top. Its rows are
    a line over ``row_step`` apart."""
    reach, step, drift = frame.reach * far, frame.line_height, frame.max_drift_px
    dx = np.arange(-w - reach, reach + 1, max(step, 12.0))
    dy = np.arange(max(-reach, region[0] - my + h / 2), min(reach, region[1] - my - h / 2) + 1, step / row_step)
    lefts, tops = mx + dx, my + dy - h / 2  # the columns and rows of the grid
    # the columns inside the plot: one run of them (lefts and rights grow); the places keep their order
    rights = lefts + w
    first, last = int(lefts.searchsorted(0.0)), int(rights.searchsorted(frame.width_px, "right"))
    if first >= last:
        return None
    lefts, rights, bottoms = lefts[first:last], rights[first:last], tops + h
    # open: in the mark's band, and (with the label's padding) on no taken cell — for the whole grid at once, from
    # the cell edges of its rows and columns
    x0, x1 = state.blocked.span(lefts - PAD, rights + PAD, 1)
    y0, y1 = state.blocked.span(tops - PAD, bottoms + PAD, 0)
    banded = (tops >= region[0]) & (bottoms <= region[1])
    open_ = state.blocked.clear(y0, y1, x0, x1) & banded[:, None]
    if not np.count_nonzero(open_):  # (counted: any() has a Python-level wrapper, and most grids are full)
        return None
    sideways = np.abs(np.minimum(np.maximum(mx, lefts), rights) - mx)[None, :]
    upright = np.abs(np.minimum(np.maximum(my, tops), bottoms) - my)[:, None]
    distance = np.hypot(sideways, upright).ravel()
    near = sideways <= drift + SLANT * upright if drift else True  # see label_box.near_enough
    keep = ((distance.reshape(open_.shape) > 2 * r + 4) & (distance.reshape(open_.shape) <= reach) & near).ravel()
    free = np.flatnonzero(keep & open_.ravel())  # places of the grid, row by row
    if not len(free):
        return None
    free = free[np.argsort(distance[free], kind="stable")][:512]  # the nearest free places
    rows, columns = np.divmod(free, len(lefts))
    left, top = lefts[columns], tops[rows]
    ends = np.stack([np.clip(mx, left, rights[columns]), np.clip(my, top, bottoms[rows])], axis=1)
    segments = np.column_stack([np.full(len(free), mx), np.full(len(free), my), ends])
    clear = np.flatnonzero(~(state.far_labels if state.leaders_under else state.labels).touched(segments))
    if not len(clear):
        return None
    k = clear[np.argsort(state.leaders.touched(segments[clear]), kind="stable")][0]
    at, kept = free[k], distance[keep]
    rank = int(np.count_nonzero(kept < distance[at]) + np.count_nonzero(distance[:at][keep[:at]] == distance[at]))
    return rank, float(left[k]), float(top[k])


def _place_one(index: int, mark: LabelMark, frame: LabelFrame, scale: PlotScale, state: _State, far: int,
               band: tuple[float, float], row_step: float = 2.0) -> LabelBox | None:
    """The label of ``mark`` beside it (``far`` 0) or with a leader line of the pass's reach, in its ``band``."""
    mx, my, r = scale.x(mark.x), scale.y(mark.y), mark.size_px / 2
    top_px, bottom_px = band
    best: tuple[float, LabelBox] | None = None
    for rank, (lines, w, h) in enumerate(_variants(mark.title, frame)):
        if best is not None and rank * FORM_COST >= best[0]:
            break  # a shorter form further down the list costs more than the place found
        if far:
            found = _far_place(mx, my, r, w, h, frame, state, far, (top_px, bottom_px), row_step)
            if found is None:
                continue
            k, left, top, side = *found, "leader"
        else:
            beside = _near_place(mx, my, r, w, h, frame.width_px, (top_px, bottom_px), state.blocked)
            if beside is None:
                continue
            k, left, top, side = beside
        cost = k + rank * FORM_COST  # the full title is preferred unless a shorter form sits much nearer
        if best is None or cost < best[0]:
            best = (cost, LabelBox(index, lines, left, top, w, h, (mx, my), side))
    return None if best is None else best[1]

