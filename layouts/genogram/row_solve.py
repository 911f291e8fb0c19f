"""The exact row solve of the family layout: positions nearest their targets under minimum gaps (weighted isotonic
regression), and how far a sibship moves for its bar to reach under its parents."""

from __future__ import annotations


def into_span(anchor: float, xs: list[float], inset: float = 0.5) -> float:
    """How far children at ``xs`` move for their bar to reach under ``anchor`` (``inset`` inside its ends)."""
    lo, hi = min(xs) + inset, max(xs) - inset
    if lo > hi:
        return anchor - (lo + hi) / 2
    return anchor - lo if anchor < lo else anchor - hi if anchor > hi else 0.0


def solve_row(targets: list[float], weights: list[float], gaps: list[float]) -> list[float]:
    """Minimise sum w_i (x_i - t_i)^2 subject to x_{i+1} - x_i >= gap_i (exact; pool adjacent violators)."""
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    # With y_i = x_i - offset_i the constraints become y non-decreasing: isotonic regression.
    blocks: list[list[float]] = []  # [weighted sum, weight, count]
    for t, w, off in zip(targets, weights, offsets, strict=True):
        blocks.append([w * (t - off), w, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, ww, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += ww
            blocks[-1][2] += c
    ys: list[float] = []
    for s, w, c in blocks:
        ys.extend([s / w] * int(c))
    return [y + off for y, off in zip(ys, offsets, strict=True)]
