"""Which px cells of the timeline's plot are taken by marks, labels and leader lines (pure, numpy): the
occupancy grids :func:`layouts.timeline.labels.place_labels` tests its candidate places against."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

CELL = 2.0  # px per cell of the occupancy grids


class Grid:
    """Which px cells of the plot are taken, with a summed-area table to test many boxes at once."""

    def __init__(self, width_px: float, height_px: float) -> None:
        self.cells = np.zeros((int(height_px / CELL) + 3, int(width_px / CELL) + 3), dtype=np.int32)
        self._table: np.ndarray | None = None

    def fill_box(self, box: Sequence[float]) -> None:
        """Take the cells of one box (px): the cells it touches, rounded outwards, inside the grid."""
        left, top, right, bottom = map(float, box)
        height, width = self.cells.shape
        y0, y1 = min(max(math.floor(top / CELL), 0), height), min(max(math.ceil(bottom / CELL), 0), height)
        x0, x1 = min(max(math.floor(left / CELL), 0), width), min(max(math.ceil(right / CELL), 0), width)
        if y1 > y0 and x1 > x0:
            block = self.cells[y0:y1, x0:x1]
            if self._table is not None:  # (the summed-area table is only kept once it is read)
                self._taken(y0, x0, block == 0)
            block[...] = 1

    def fill_segment(self, segment: Sequence[float]) -> None:
        ys, xs = self._samples(np.asarray([segment], dtype=float))
        rows, columns = ys[0], xs[0]
        if self._table is not None:
            y0, x0 = int(rows.min()), int(columns.min())
            new = np.zeros((int(rows.max()) + 1 - y0, int(columns.max()) + 1 - x0), dtype=bool)
            new[rows - y0, columns - x0] = self.cells[rows, columns] == 0
            self._taken(y0, x0, new)
        self.cells[rows, columns] = 1

    def _taken(self, y0: int, x0: int, new: np.ndarray) -> None:
        """Bring the summed-area table (if built) up to date for the cells ``new`` (True: taken now) of the block
        whose top-left cell is (``y0``, ``x0``): what they add to every sum below and right of them."""
        t = self._table
        if t is None:
            return
        added = np.cumsum(np.cumsum(new, axis=0, dtype=np.int32), axis=1, dtype=np.int32)
        height, width = added.shape
        y1, x1 = y0 + height + 1, x0 + width + 1
        t[y0 + 1:y1, x0 + 1:x1] += added
        t[y0 + 1:y1, x1:] += added[:, -1:]
        t[y1:, x0 + 1:x1] += added[-1:, :]
        t[y1:, x1:] += added[-1, -1]

    def _samples(self, segments: np.ndarray, t: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Cells (rows, columns: K × P) along each segment, a sample every cell (or at the fractions ``t``)."""
        if t is None:
            t = self._fractions(segments)
        xs = segments[:, 0:1] + (segments[:, 2:3] - segments[:, 0:1]) * t
        ys = segments[:, 1:2] + (segments[:, 3:4] - segments[:, 1:2]) * t
        rows = np.clip((ys / CELL).astype(int), 0, self.cells.shape[0] - 1)
        columns = np.clip((xs / CELL).astype(int), 0, self.cells.shape[1] - 1)
        return rows, columns

    @staticmethod
    def _fractions(segments: np.ndarray) -> np.ndarray:
        """Where along the segments they are sampled: as many places as the longest one has cells."""
        length = np.hypot(segments[:, 2] - segments[:, 0], segments[:, 3] - segments[:, 1]).max(initial=0.0)
        return np.linspace(0.0, 1.0, max(int(length / CELL) + 1, 2))

    def box_free(self, left: float, top: float, right: float, bottom: float) -> bool:
        """Whether one box (px) touches no taken cell (its cells, as :meth:`fill_box` finds them, read directly and
        counted, not ``any()`` with its Python-level wrapper: thousands of boxes are tested)."""
        height, width = self.cells.shape
        y0, y1 = min(max(math.floor(top / CELL), 0), height), min(max(math.ceil(bottom / CELL), 0), height)
        x0, x1 = min(max(math.floor(left / CELL), 0), width), min(max(math.ceil(right / CELL), 0), width)
        return not np.count_nonzero(self.cells[y0:y1, x0:x1])

    def span(self, lo: np.ndarray, hi: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
        """The cells (first, one past the last) the px from ``lo`` to ``hi`` cover along ``axis`` (0: rows); ``lo``
        and ``hi`` grow (then so do the cells, and only their ends need testing against the grid's edges)."""
        size = self.cells.shape[axis]
        first, last = np.floor(lo / CELL), np.ceil(hi / CELL)
        for cells in (first, last):  # inside the grid (np.clip, without its overhead: thousands of calls)
            if len(cells) and not 0 <= cells[0] <= cells[-1] <= size:
                np.maximum(cells, 0, out=cells)
                np.minimum(cells, size, out=cells)
        return first.astype(int), last.astype(int)

    def clear(self, y0: np.ndarray, y1: np.ndarray, x0: np.ndarray, x1: np.ndarray) -> np.ndarray:
        """Which blocks of cells (rows ``y0[i]`` to ``y1[i]``, columns ``x0[j]`` to ``x1[j]``, the ends excluded) hold
        no taken cell: a rows × columns matrix read from the summed-area table (the rows' differences first, then
        the columns': two gathers of the rows and two of the columns instead of four of the matrix)."""
        lo = int(x0.min(initial=0))
        t = self._summed()[:, lo:int(x1.max(initial=0)) + 1]  # the columns the blocks reach
        rows = t[y1] - t[y0]
        return (rows[:, x1 - lo] - rows[:, x0 - lo]) == 0

    def _summed(self) -> np.ndarray:
        """The summed-area table of the cells (built again after a change)."""
        if self._table is None:
            height, width = self.cells.shape
            self._table = np.zeros((height + 1, width + 1), dtype=np.int32)
            np.cumsum(self.cells, axis=0, dtype=np.int32, out=self._table[1:, 1:])
            np.cumsum(self._table[1:, 1:], axis=1, dtype=np.int32, out=self._table[1:, 1:])
        return self._table

    def touched(self, segments: np.ndarray) -> np.ndarray:
        """Which segments (K × 4) run over a taken cell. Every fourth sample is read first: a segment found
        there is touched, only the others are read in full."""
        t = self._fractions(segments)
        found = self._read(segments, t[::4])
        rest = np.flatnonzero(~found)
        if len(rest):
            found[rest] = self._read(segments[rest], t)
        return found

    def _read(self, segments: np.ndarray, t: np.ndarray) -> np.ndarray:
        rows, columns = self._samples(segments, t)
        return self.cells.ravel()[rows * self.cells.shape[1] + columns].any(axis=1)
