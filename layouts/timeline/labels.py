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
from dataclasses import dataclass

import numpy as np

# Advance widths of DejaVu Sans, in em (read from DejaVuSans.ttf's hmtx table); others count as _WIDE_EM.
_EM = {" ": .318, "!": .401, '"': .46, "#": .838, "$": .636, "%": .95, "&": .78, "'": .275, "(": .39, ")": .39,
       "*": .5, "+": .838, ",": .318, "-": .361, ".": .318, "/": .337, ":": .337, ";": .337, "<": .838,
       "=": .838, ">": .838, "?": .531, "@": 1.0, "[": .39, "]": .39, "_": .5, "|": .337, "–": .5, "—": 1.0,
       "…": 1.0, "‘": .318, "’": .318, "“": .518, "”": .518, "I": .295, "J": .295, "M": .863, "W": .989,
       "D": .77, "G": .775, "H": .752, "N": .748, "O": .787, "Q": .787, "U": .732, "F": .575, "L": .557,
       "f": .352, "i": .278, "j": .278, "l": .278, "m": .974, "r": .411, "s": .521, "t": .392, "w": .818,
       "c": .55, "k": .579, "v": .592, "x": .592, "y": .592, "z": .525, "ï": .278, "í": .278, "ç": .55}
_EM.update(dict.fromkeys("0123456789", .636))
_UPPER_EM = 0.69   # other capitals
_LOWER_EM = 0.625  # other lower-case letters (a b d e g h n o p q u and their accented forms)
_WIDE_EM = 0.84    # symbols outside the table
ELLIPSIS = "…"


def text_width(text: str, font_px: float) -> float:
    """Estimated width in px of ``text`` in DejaVu Sans at ``font_px``.

    >>> round(text_width("Besluit", 10), 1)
    34.1
    """
    em = 0.0
    for char in text:
        width = _EM.get(char)
        if width is None:
            width = _UPPER_EM if char.isupper() else _LOWER_EM if char.isalpha() else _WIDE_EM
        em += width
    return em * font_px


def wrap_title(title: str, max_px: float, font_px: float, max_lines: int = 2) -> tuple[str, ...]:
    """``title`` in at most ``max_lines`` lines no wider than ``max_px``, broken at spaces; the last line ends
    in an ellipsis only when the rest does not fit (a single word wider than a line is cut too).

    >>> wrap_title("Uithuisplaatsing bij pleeggezin V.", 120, 12)
    ('Uithuisplaatsing bij', 'pleeggezin V.')
    >>> wrap_title("Uithuisplaatsing bij pleeggezin V. na melding", 120, 12)
    ('Uithuisplaatsing bij', 'pleeggezin V. na…')
    """
    words = title.split()
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, font_px) <= max_px:
            line = candidate
            continue
        if line:
            lines.append(line)
            if len(lines) == max_lines:
                return _with_ellipsis(lines, max_px, font_px)
        if text_width(word, font_px) > max_px:  # one word wider than a line: cut, and stop there
            return (*lines, _cut(word, max_px, font_px))
        line = word
    if line:
        lines.append(line)
    return tuple(lines)


def _cut(text: str, max_px: float, font_px: float) -> str:
    """``text`` cut so that it and an ellipsis fit ``max_px``."""
    while text and text_width(text + ELLIPSIS, font_px) > max_px:
        text = text[:-1]
    return text.rstrip(" ,;:-–") + ELLIPSIS


def _with_ellipsis(lines: list[str], max_px: float, font_px: float) -> tuple[str, ...]:
    last = lines[-1].removesuffix(ELLIPSIS)
    if text_width(last + ELLIPSIS, font_px) > max_px:
        return (*lines[:-1], _cut(last, max_px, font_px))
    return (*lines[:-1], last.rstrip(" ,;:-–") + ELLIPSIS)


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
    max_leader_px: float = 0.0  # farthest a label goes from its mark (default 24 em)
    limit: int = 400          # marks considered at most (the first by priority)
    avoid: tuple[tuple[float, float, float, float], ...] = ()  # px boxes (left, top, right, bottom) kept clear

    @property
    def line_height(self) -> float:
        return self.line_px or self.font_px * 1.2

    @property
    def line_width(self) -> float:
        return self.max_width_px or self.font_px * 13

    @property
    def reach(self) -> float:
        return self.max_leader_px or self.font_px * 24


@dataclass(frozen=True, slots=True)
class LabelBox:
    """A placed label: the mark's index, its lines, its box in px (left, top, width, height from the plot's
    top-left) and the mark's centre in px; ``side`` is "right", "left", "above", "below" or "leader"."""

    index: int
    lines: tuple[str, ...]
    left: float
    top: float
    width: float
    height: float
    mark_px: tuple[float, float]
    side: str

    @property
    def leader(self) -> bool:
        return self.side == "leader"

    @property
    def centre(self) -> tuple[float, float]:
        return self.left + self.width / 2, self.top + self.height / 2

    def overlaps(self, other: LabelBox) -> bool:
        return (self.left < other.left + other.width and other.left < self.left + self.width
                and self.top < other.top + other.height and other.top < self.top + self.height)


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


PAD = 2.0  # px kept free around every label


class _Boxes:
    """Rectangles (left, top, right, bottom) that labels must not touch, growing as labels are placed."""

    def __init__(self, boxes: list[tuple[float, float, float, float]]) -> None:
        self._rows = list(boxes)
        self._array = np.array(self._rows, dtype=float).reshape(-1, 4)

    def add(self, box: tuple[float, float, float, float]) -> None:
        self._rows.append(box)
        self._array = np.vstack([self._array, np.array(box, dtype=float)])

    def free(self, candidates: np.ndarray) -> np.ndarray:
        """Which candidate boxes (C × 4) touch none of the rectangles."""
        near = self._array
        if not len(near):
            return np.ones(len(candidates), dtype=bool)
        lo, hi = candidates[:, 0].min(), candidates[:, 2].max()
        near = near[(near[:, 2] > lo) & (near[:, 0] < hi)]
        if not len(near):
            return np.ones(len(candidates), dtype=bool)
        c = candidates[:, None, :]
        hit = ((c[..., 0] < near[None, :, 2]) & (near[None, :, 0] < c[..., 2])
               & (c[..., 1] < near[None, :, 3]) & (near[None, :, 1] < c[..., 3]))
        return ~hit.any(axis=1)


def _mark_boxes(marks: Sequence[LabelMark], scale: PlotScale) -> list[tuple[float, float, float, float]]:
    boxes = []
    for mark in marks:
        x, y, r = scale.x(mark.x), scale.y(mark.y), mark.size_px / 2 + 1
        x1 = scale.x(mark.x_end) if mark.x_end is not None else x
        boxes.append((x - r, y - r, max(x1, x + r), y + r))
    return boxes


def place_labels(marks: Sequence[LabelMark], frame: LabelFrame) -> list[LabelBox]:
    """Labels for as many of ``marks`` as fit, most important first (see the module docstring)."""
    scale = PlotScale(frame)
    obstacles = _Boxes(_mark_boxes(marks, scale))
    for y0, y1 in frame.keep_out:
        top, bottom = sorted((scale.y(y0), scale.y(y1)))
        obstacles.add((-1e6, top, 1e6, bottom))
    for box in frame.avoid:
        obstacles.add(box)
    taken = _Boxes([])  # labels and leader lines placed so far
    order = sorted(range(len(marks)), key=lambda i: (marks[i].priority, marks[i].x))[: frame.limit]
    placed: list[LabelBox] = []
    for i in order:
        box = _place_one(i, marks[i], frame, scale, obstacles, taken)
        if box is None:
            continue
        placed.append(box)
        taken.add((box.left - PAD, box.top - PAD, box.left + box.width + PAD, box.top + box.height + PAD))
        if box.leader:
            for point in _leader_points(box):
                taken.add((point[0] - 1, point[1] - 1, point[0] + 1, point[1] + 1))
    return sorted(placed, key=lambda box: box.index)


def _region(mark: LabelMark, frame: LabelFrame, scale: PlotScale) -> tuple[float, float]:
    """The px band (top, bottom) the mark's label must stay in."""
    for y0, y1 in frame.regions:
        if min(y0, y1) <= mark.y <= max(y0, y1):
            top, bottom = sorted((scale.y(y0), scale.y(y1)))
            return top, bottom
    return 0.0, frame.height_px


def _variants(title: str, frame: LabelFrame) -> list[tuple[tuple[str, ...], float, float]]:
    """Ways to write a title: (lines, width, height) — in its lines, then on one wider line."""
    font = frame.font_px
    out = []
    for max_px, lines in ((frame.line_width, frame.max_lines), (frame.line_width * 1.5, 1)):
        wrapped = wrap_title(title, max_px, font, lines)
        if not wrapped:
            continue
        width = max(text_width(line, font) for line in wrapped) + 2
        out.append((wrapped, width, len(wrapped) * frame.line_height))
    if len(out) == 2 and out[1][0] == out[0][0]:
        out.pop()
    return out


def _candidates(mx: float, my: float, r: float, w: float, h: float, reach: float, step: float
                ) -> tuple[np.ndarray, list[str]]:
    """Candidate boxes (left, top, right, bottom) for a w × h label of a mark at (mx, my) of radius r, nearest
    first: right, left, above, below, then further away (with a leader line)."""
    gap = r + 3
    near = [(mx + gap, my - h / 2, "right"), (mx - gap - w, my - h / 2, "left"),
            (mx - w / 2, my - r - 1 - h, "above"), (mx - w / 2, my + r + 1, "below"),
            (mx + gap * 0.6, my - r - h, "above"), (mx + gap * 0.6, my + r, "below")]
    far = []
    for dy in np.arange(-reach, reach + 1, step):
        for dx in (-w - gap - reach / 4, -w / 2, gap, gap + reach / 4, -w - gap - reach / 2, gap + reach / 2):
            left, top = mx + dx, my + dy - h / 2
            cx = min(max(mx, left), left + w)
            cy = min(max(my, top), top + h)
            distance = float(np.hypot(cx - mx, cy - my))
            if 2 * r < distance <= reach:
                far.append((distance, left, top))
    far.sort()
    rows = [(left, top, left + w, top + h) for left, top, _ in near] + [(lx, ty, lx + w, ty + h) for _, lx, ty in far]
    sides = [side for _, _, side in near] + ["leader"] * len(far)
    return np.array(rows, dtype=float), sides


def _place_one(index: int, mark: LabelMark, frame: LabelFrame, scale: PlotScale, obstacles: _Boxes, taken: _Boxes
               ) -> LabelBox | None:
    mx, my, r = scale.x(mark.x), scale.y(mark.y), mark.size_px / 2
    top_px, bottom_px = _region(mark, frame, scale)
    best: tuple[float, LabelBox] | None = None
    for rank, (lines, w, h) in enumerate(_variants(mark.title, frame)):
        boxes, sides = _candidates(mx, my, r, w, h, frame.reach, frame.line_height)
        inside = ((boxes[:, 0] >= 0) & (boxes[:, 2] <= frame.width_px)
                  & (boxes[:, 1] >= top_px) & (boxes[:, 3] <= bottom_px))
        ok = np.flatnonzero(inside)
        if not len(ok):
            continue
        padded = boxes[ok] + np.array([-PAD, -PAD, PAD, PAD])
        ok = ok[obstacles.free(padded) & taken.free(padded)]
        for k in ok:
            box = LabelBox(index, lines, boxes[k, 0], boxes[k, 1], w, h, (mx, my), sides[k])
            if box.leader and not taken.free(np.array([[p[0], p[1], p[0], p[1]]
                                                           for p in _leader_points(box)[1:-1]])).all():
                continue  # the leader line would cross a label
            cost = k + rank * 3  # the wrapped form is preferred unless the one-line form sits much nearer
            if best is None or cost < best[0]:
                best = (cost, box)
            break
    return None if best is None else best[1]


def leader_end(box: LabelBox) -> tuple[float, float]:
    """The point of the label's box nearest its mark (where a leader line meets the label)."""
    mx, my = box.mark_px
    return min(max(mx, box.left), box.left + box.width), min(max(my, box.top), box.top + box.height)


def _leader_points(box: LabelBox, n: int = 8) -> list[tuple[float, float]]:
    (mx, my), (ex, ey) = box.mark_px, leader_end(box)
    return [(mx + (ex - mx) * t, my + (ey - my) * t) for t in np.linspace(0, 1, n)]
