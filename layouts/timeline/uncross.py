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
from dataclasses import replace

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


def _overlap(box: Box, others: np.ndarray) -> bool:
    if not len(others):
        return False
    return bool(np.any((box[0] < others[:, 2]) & (others[:, 0] < box[2])
                       & (box[1] < others[:, 3]) & (others[:, 1] < box[3])))


def crossings(boxes: Sequence[LabelBox]) -> list[tuple[int, int]]:
    """Pairs of positions in ``boxes`` whose leader lines cross."""
    leaders = [i for i, box in enumerate(boxes) if box.leader]
    segments = {i: _segment(boxes[i]) for i in leaders}
    return [(a, b) for n, a in enumerate(leaders) for b in leaders[n + 1:] if _crosses(segments[a], segments[b])]


def _moved(box: LabelBox, slot: LabelBox) -> list[LabelBox]:
    """``box`` put where ``slot`` is: its top at the slot's (or its bottom, for a slot above the mark), its
    left, centre or right at the slot's."""
    top = slot.top if slot.top >= box.mark_px[1] else slot.top + slot.height - box.height
    lefts = (slot.left + (slot.width - box.width) / 2, slot.left, slot.left + slot.width - box.width)
    return [replace(box, left=left, top=top, side="leader") for left in lefts]


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
        changed = False
        for a, b in pairs:
            if not _crosses(_segment(boxes[a]), _segment(boxes[b])):
                continue  # an earlier swap already uncrossed them
            swap = _best_swap(boxes, a, b, fixed, bands, width_px, leaders_under, drift_px)
            if swap is not None:
                boxes[a], boxes[b] = swap
                changed = True
        if not changed:
            break
    return boxes


def _best_swap(boxes: list[LabelBox], a: int, b: int, fixed: np.ndarray, bands: Sequence[tuple[float, float]],
               width_px: float, leaders_under: bool, drift_px: float = 0.0) -> tuple[LabelBox, LabelBox] | None:
    before = _crossing_count(boxes, (a, b), (boxes[a], boxes[b]))
    rest = [i for i in range(len(boxes)) if i not in (a, b)]
    others = np.array([_padded(boxes[i]) for i in rest], dtype=float).reshape(-1, 4)
    other_lines = [_segment(boxes[i]) for i in rest if boxes[i].leader]
    for new_a in _moved(boxes[a], boxes[b]):
        if not near_enough(new_a, drift_px) or not _fits(new_a, bands[a], width_px, fixed, others, other_lines):
            continue
        for new_b in _moved(boxes[b], boxes[a]):
            if (near_enough(new_b, drift_px) and _fits(new_b, bands[b], width_px, fixed, others, other_lines)
                    and not _overlap(_padded(new_a), np.array([_padded(new_b)]))
                    and not _crosses(_segment(new_a), _segment(new_b))
                    and not _through(_segment(new_a), _edges(new_b)) and not _through(_segment(new_b), _edges(new_a))
                    and _clear_of_labels((new_a, new_b), boxes, rest, leaders_under)
                    and _crossing_count(boxes, (a, b), (new_a, new_b)) < before):
                return new_a, new_b
    return None


def _padded(box: LabelBox) -> Box:
    return box.left - PAD, box.top - PAD, box.left + box.width + PAD, box.top + box.height + PAD


def _fits(box: LabelBox, band: tuple[float, float], width_px: float, fixed: np.ndarray, others: np.ndarray,
          other_lines: list[Segment]) -> bool:
    """Inside the plot and its band, clear of the fixed boxes, the other labels and their leader lines."""
    left, top, right, bottom = _edges(box)
    if left < 0 or right > width_px or top < band[0] or bottom > band[1]:
        return False
    padded = _padded(box)
    return (not _overlap(padded, fixed) and not _overlap(padded, others)
            and not any(_through(line, padded) for line in other_lines))


def _clear_of_labels(moved: tuple[LabelBox, LabelBox], boxes: list[LabelBox], rest: list[int],
                     leaders_under: bool) -> bool:
    """Whether the moved labels' leader lines run through no other label (with ``leaders_under``: no other
    label with a leader line)."""
    kept = [i for i in rest if boxes[i].leader or not leaders_under]
    return not any(_through(_segment(box), _edges(boxes[i])) for box in moved for i in kept)


def _crossing_count(boxes: list[LabelBox], at: tuple[int, int], moved: tuple[LabelBox, LabelBox]) -> int:
    """How many leader lines cross the lines of the two labels at ``at``, drawn as ``moved``."""
    lines = [_segment(box) for box in moved]
    count = int(_crosses(*lines))
    for i, box in enumerate(boxes):
        if i not in at and box.leader:
            other = _segment(box)
            count += sum(_crosses(line, other) for line in lines)
    return count
