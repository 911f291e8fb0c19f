"""Leader lines that cross each other, uncrossed: two labels whose leader lines cross swap places when that
leaves them clear of everything else (pure, no plotly).

A crossing makes the reader follow the wrong line to the wrong mark; on the wall nobody can hover to check. The
placement (:mod:`layouts.timeline.labels`) takes labels one by one, most important first, so a later label may
have to reach over an earlier one's line. Afterwards, for each crossing pair (nearest first), each label is
tried in the other's place — aligned with it at its left, centre or right — and the swap is kept when both
labels stay in their own half, inside the plot, clear of marks, other labels and other leader lines, and when
it lowers the number of crossings.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from layouts.timeline.label_box import PAD, LabelBox, leader_end, near_enough

Box = tuple[float, float, float, float]  # left, top, right, bottom (px)
Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 (px)


def _segment(box: LabelBox) -> Segment:
    return (*box.mark_px, *leader_end(box))


def _edges(box: LabelBox) -> Box:
    return box.left, box.top, box.left + box.width, box.top + box.height


def _crosses(a: Segment, b: Segment) -> bool:
    """Whether two segments cross (touching ends do not count)."""
    def side(p: tuple[float, float], q: tuple[float, float], r: tuple[float, float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    p1, p2, q1, q2 = a[:2], a[2:], b[:2], b[2:]
    d1, d2, d3, d4 = side(q1, q2, p1), side(q1, q2, p2), side(p1, p2, q1), side(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def _through(segment: Segment, box: Box) -> bool:
    """Whether ``segment`` runs through the inside of ``box`` (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = segment
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return high - low > 1e-6


def _crosses_many(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`_crosses` of segments ``a`` and ``b`` (N × 4 each, or broadcast), elementwise."""
    def side(px: np.ndarray, py: np.ndarray, qx: np.ndarray, qy: np.ndarray, rx: np.ndarray, ry: np.ndarray
             ) -> np.ndarray:
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)
    a0, a1, a2, a3 = a[..., 0], a[..., 1], a[..., 2], a[..., 3]
    b0, b1, b2, b3 = b[..., 0], b[..., 1], b[..., 2], b[..., 3]
    d1, d2 = side(b0, b1, b2, b3, a0, a1), side(b0, b1, b2, b3, a2, a3)
    d3, d4 = side(a0, a1, a2, a3, b0, b1), side(a0, a1, a2, a3, b2, b3)
    return (d1 * d2 < 0) & (d3 * d4 < 0)


def _through_many(segments: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """:func:`_through` of ``segments`` and ``boxes`` (N × 4 each, or broadcast), elementwise."""
    x0, y0 = segments[..., 0], segments[..., 1]
    dx, dy = segments[..., 2] - x0, segments[..., 3] - y0
    low, high, outside = 0.0, 1.0, False
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, x0 - boxes[..., 0]), (dx, boxes[..., 2] - x0), (-dy, y0 - boxes[..., 1]),
                     (dy, boxes[..., 3] - y0)):
            t = q / p
            low = np.maximum(low, np.where(p < 0, t, -np.inf))
            high = np.minimum(high, np.where(p > 0, t, np.inf))
            outside = outside | ((p == 0) & (q <= 0))
    return ~outside & (low < high) & (high - low > 1e-6)


def _segments(boxes: Sequence[LabelBox]) -> np.ndarray:
    return np.array([_segment(box) for box in boxes], dtype=float).reshape(-1, 4)


def crossings(boxes: Sequence[LabelBox]) -> list[tuple[int, int]]:
    """Pairs of positions in ``boxes`` whose leader lines cross."""
    leaders = [i for i, box in enumerate(boxes) if box.leader]
    segments = _segments([boxes[i] for i in leaders])
    cross = np.triu(_crosses_many(segments[:, None, :], segments[None, :, :]), k=1)
    return [(leaders[a], leaders[b]) for a, b in zip(*np.nonzero(cross), strict=True)]


def _moved(box: LabelBox, slot: LabelBox) -> list[LabelBox]:
    """``box`` put where ``slot`` is: its top at the slot's (or its bottom, for a slot above the mark), its
    left, centre or right at the slot's."""
    top = slot.top if slot.top >= box.mark_px[1] else slot.top + slot.height - box.height
    lefts = (slot.left + (slot.width - box.width) / 2, slot.left, slot.left + slot.width - box.width)
    return [LabelBox(box.index, box.lines, left, top, box.width, box.height, box.mark_px, "leader") for left in lefts]


def uncross(boxes: list[LabelBox], obstacles: Sequence[Box], bands: Sequence[tuple[float, float]],
            width_px: float, leaders_under: bool = False, passes: int = 3, drift_px: float = 0.0) -> list[LabelBox]:
    """``boxes`` with crossing leader lines swapped apart where that is clear (see the module docstring).

    ``obstacles``: px boxes no label may touch besides the labels (the marks, fixed words, the axis line);
    ``bands``: per box, the px band (top, bottom) its label must stay in (its half of the timeline);
    ``leaders_under``: a leader line may pass under a label beside its mark (as in the placement);
    ``drift_px``: a label moves no further sideways from its mark than that (see ``label_box.near_enough``)."""
    boxes = list(boxes)
    fixed = np.asarray(obstacles, dtype=float).reshape(-1, 4)
    for _ in range(passes):
        pairs = crossings(boxes)
        if not pairs:
            break
        placed = _Placed(boxes)
        changed = False
        for a, b in pairs:
            if not _crosses(_segment(boxes[a]), _segment(boxes[b])):
                continue  # an earlier swap already uncrossed them
            swap = _best_swap(placed, a, b, fixed, bands, width_px, leaders_under, drift_px)
            if swap is not None:
                boxes[a], boxes[b] = swap
                placed.put(a, swap[0])
                placed.put(b, swap[1])
                changed = True
        if not changed:
            break
    return boxes


class _Placed:
    """The labels as they stand, with their padded boxes, edges and leader lines as arrays (one row each)."""

    def __init__(self, boxes: list[LabelBox]) -> None:
        self.boxes = boxes
        self.padded = np.array([_padded(box) for box in boxes], dtype=float).reshape(-1, 4)
        self.edges = np.array([_edges(box) for box in boxes], dtype=float).reshape(-1, 4)
        self.lines = _segments(boxes)
        self.leader = np.array([box.leader for box in boxes], dtype=bool)

    def put(self, i: int, box: LabelBox) -> None:
        """Label ``i`` moved to ``box``."""
        self.boxes[i] = box
        self.padded[i], self.edges[i], self.lines[i] = _padded(box), _edges(box), _segment(box)
        self.leader[i] = box.leader


def _best_swap(placed: _Placed, a: int, b: int, fixed: np.ndarray, bands: Sequence[tuple[float, float]],
               width_px: float, leaders_under: bool, drift_px: float = 0.0) -> tuple[LabelBox, LabelBox] | None:
    """The first pair of places (``a`` in ``b``'s, ``b`` in ``a``'s) that fits and lowers the crossings. Every
    test against the other labels is made for the six places at once."""
    boxes = placed.boxes
    rest = np.ones(len(boxes), dtype=bool)
    rest[[a, b]] = False
    others = placed.padded[rest]
    other_lines = placed.lines[rest & placed.leader]
    kept = placed.edges[rest & placed.leader] if leaders_under else placed.edges[rest]
    moved_a, moved_b = _moved(boxes[a], boxes[b]), _moved(boxes[b], boxes[a])
    places = [*moved_a, *moved_b, boxes[a], boxes[b]]
    lines = _segments(places)
    padded = np.array([_padded(box) for box in places], dtype=float)
    clear = ~(_overlaps(padded, fixed) | _overlaps(padded, others)
              | _through_many(other_lines[None, :, :], padded[:, None, :]).any(axis=1))
    clear_of_labels = ~_through_many(lines[:, None, :], kept[None, :, :]).any(axis=1)
    crossed = _crosses_many(lines[:, None, :], other_lines[None, :, :]).sum(axis=1)
    before = int(_crosses(lines[6], lines[7])) + int(crossed[6] + crossed[7])
    for i, new_a in enumerate(moved_a):
        if not (clear[i] and clear_of_labels[i] and _inside(new_a, bands[a], width_px)
                and near_enough(new_a, drift_px)):
            continue
        padded_a = _padded(new_a)
        for j, new_b in enumerate(moved_b, start=3):
            if (clear[j] and clear_of_labels[j] and _inside(new_b, bands[b], width_px) and near_enough(new_b, drift_px)
                    and not _boxes_overlap(padded_a, _padded(new_b))
                    and not _crosses(_segment(new_a), _segment(new_b))
                    and not _through(_segment(new_a), _edges(new_b)) and not _through(_segment(new_b), _edges(new_a))
                    and int(_crosses(lines[i], lines[j])) + int(crossed[i] + crossed[j]) < before):
                return new_a, new_b
    return None


def _boxes_overlap(first: Box, second: Box) -> bool:
    """Whether two boxes overlap, without numpy (tested thousands of times, one pair at a time)."""
    return first[0] < second[2] and second[0] < first[2] and first[1] < second[3] and second[1] < first[3]


def _padded(box: LabelBox) -> Box:
    return box.left - PAD, box.top - PAD, box.left + box.width + PAD, box.top + box.height + PAD


def _inside(box: LabelBox, band: tuple[float, float], width_px: float) -> bool:
    """Inside the plot and its band."""
    left, top, right, bottom = _edges(box)
    return not (left < 0 or right > width_px or top < band[0] or bottom > band[1])


def _overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Which of ``boxes`` (N × 4) overlap any of ``others`` (M × 4)."""
    if not len(others):
        return np.zeros(len(boxes), bool)
    return ((boxes[:, None, 0] < others[None, :, 2]) & (others[None, :, 0] < boxes[:, None, 2])
            & (boxes[:, None, 1] < others[None, :, 3]) & (others[None, :, 1] < boxes[:, None, 3])).any(axis=1)
