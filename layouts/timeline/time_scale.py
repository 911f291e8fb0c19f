"""A focus + context time axis: dense stretches of a case get more room than quiet ones, as on a flip chart.

:class:`TimeScale` maps real time (ms since 1970) onto axis units (ms-like, increasing) through knots, linear
between them and with slope 1 outside them; :func:`focus_scale` builds one from the events' dates so that the
axis keeps the same overall length (the events' first and last day map onto themselves). Time stays in order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

MS_PER_DAY = 86_400_000
BIN_DAYS = 30          # density is counted per month
WINDOW_BINS = 1        # ... over the month and the one before and after it
MIN_WEIGHT = 0.35      # a quiet month keeps about a third of its room
MAX_WEIGHT = 6.0       # ... a busy one gets at most six times it
ROOM_PER_EVENT = 4.0    # room added by the square root of the (smoothed) events per month
POWER = 0.5            # room grows with the events per month to this power (0.5: twice the events, 1.4× room)
GAP_WEIGHT = 0.5       # a stretch without information keeps room for its band's label


@dataclass(frozen=True)
class TimeScale:
    """Knots ``real`` (ms, increasing) and their ``axis`` positions (increasing); slope 1 outside the knots."""

    real: tuple[float, ...] = ()
    axis: tuple[float, ...] = ()

    @property
    def linear(self) -> bool:
        return len(self.real) < 2 or self.real == self.axis

    def to_axis(self, ms: float) -> float:
        """The axis position of the moment ``ms``."""
        return _interp(ms, self.real, self.axis)

    def to_time(self, x: float) -> float:
        """The moment (ms) at axis position ``x``."""
        return _interp(x, self.axis, self.real)

    def to_axis_all(self, values: Sequence[float]) -> np.ndarray:
        """:meth:`to_axis` of many values at once."""
        return _interp_all(np.asarray(values, dtype=float), self.real, self.axis)

    def numbers_to_axis(self, numbers: list) -> list:
        """Date numbers ((lo, x, hi ms, …) tuples, or None) with their three ms in axis units (one numpy pass)."""
        present = [item for item in numbers if item is not None]
        if not present:
            return numbers
        moved = iter(self.to_axis_all([ms for item in present for ms in item[:3]]).reshape(-1, 3).tolist())
        return [None if item is None else (*next(moved), *item[3:]) for item in numbers]

    def knots(self) -> list[list[float]]:
        """``[real, axis]`` for the browser (the figure's ``layout.meta.time_knots``); empty when linear."""
        return [] if self.linear else [list(self.real), list(self.axis)]


LINEAR = TimeScale()


def _interp(value: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    if len(xs) < 2:
        return value
    if value <= xs[0]:
        return ys[0] + (value - xs[0])
    if value >= xs[-1]:
        return ys[-1] + (value - xs[-1])
    return float(np.interp(value, xs, ys))


def _interp_all(values: np.ndarray, xs: tuple[float, ...], ys: tuple[float, ...]) -> np.ndarray:
    if len(xs) < 2:
        return values
    inside = np.interp(values, xs, ys)
    return np.where(values < xs[0], ys[0] + values - xs[0], np.where(values > xs[-1], ys[-1] + values - xs[-1],
                                                                       inside))


def density_weights(counts: Sequence[int]) -> list[float]:
    """Room per month from the events in it and its neighbours (smoothed, square-root: twice the events do not
    take twice the room), between :data:`MIN_WEIGHT` and :data:`MAX_WEIGHT`."""
    weights = []
    for i in range(len(counts)):
        window = counts[max(0, i - WINDOW_BINS):i + WINDOW_BINS + 1]
        mean = sum(window) / len(window)
        weights.append(min(max(MIN_WEIGHT + ROOM_PER_EVENT * mean ** POWER, MIN_WEIGHT), MAX_WEIGHT))
    return weights


def focus_scale(moments: Iterable[float], lo: float, hi: float,
                fixed: Sequence[tuple[float, float]] = (), gaps: Sequence[tuple[float, float]] = ()) -> TimeScale:
    """A scale that gives each month of ``lo``..``hi`` (ms) room by how many of ``moments`` (ms) fall in and
    near it; ``lo`` and ``hi`` stay where they are. The ``fixed`` stretches keep their length (the axis's breaks
    with the stubs that carry their gap's label: the breaks shorten those already); the ``gaps`` (stretches without
    information, shaded and labelled) keep at least :data:`GAP_WEIGHT` of their room. :data:`LINEAR` for less than
    three months or evenly spread moments."""
    bin_ms = BIN_DAYS * MS_PER_DAY
    n = int((hi - lo) // bin_ms) + 1
    if n < 3:
        return LINEAR
    counts = [0] * n
    for ms in moments:
        if lo <= ms <= hi:
            counts[min(int((ms - lo) // bin_ms), n - 1)] += 1
    weights = density_weights(counts)
    cuts = sorted({lo, hi, *(lo + i * bin_ms for i in range(1, n) if lo + i * bin_ms < hi),
                   *(x for b in (*fixed, *gaps) for x in b if lo < x < hi)})
    segments = []  # (length, weight; None: fixed)
    for a, b in itertools.pairwise(cuts):
        mid = (a + b) / 2
        hidden = any(b0 <= mid <= b1 for b0, b1 in fixed)
        weight = weights[min(int((mid - lo) // bin_ms), n - 1)]
        if any(g0 <= mid <= g1 for g0, g1 in gaps):
            weight = max(weight, GAP_WEIGHT)
        segments.append((b - a, None if hidden else weight))
    shown = sum(length for length, weight in segments if weight is not None)
    weighted = sum(length * weight for length, weight in segments if weight is not None)
    if shown <= 0 or weighted <= 0:
        return LINEAR
    factor = shown / weighted
    if all(weight is None or abs(weight * factor - 1) < 1e-9 for _, weight in segments):
        return LINEAR
    axis = [lo]
    for length, weight in segments:
        axis.append(axis[-1] + length * (1.0 if weight is None else weight * factor))
    axis[-1] = hi  # rounding
    return TimeScale(tuple(float(x) for x in cuts), tuple(float(x) for x in axis))
