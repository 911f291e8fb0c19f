"""Ties between organisations: drawn around the boxes they pass, never across a box's name."""

from __future__ import annotations

import itertools
import re

from layouts.genogram.legend import ORG_BOX_FILL, ORG_FILL
from layouts.genogram.org_ties import tie_path
from layouts.genogram.ring import RingItem


def _box(key: str, x: float, width: float = 6.0, height: float = 4.0) -> RingItem:
    return RingItem(key=key, side="bottom", order=0, members=[], organisation=key, width=width, height=height,
                    x=x, y=0.0)


def _inside(item: RingItem, point: tuple[float, float]) -> bool:
    x0, x1, y0, y1 = item.box
    return x0 <= point[0] <= x1 and y0 <= point[1] <= y1


def _along(path: list[tuple[float, float]], steps: int = 50) -> list[tuple[float, float]]:
    """Points every 1/``steps`` of each segment of ``path``."""
    return [(a[0] + (b[0] - a[0]) * k / steps, a[1] + (b[1] - a[1]) * k / steps)
            for a, b in itertools.pairwise(path) for k in range(steps + 1)]


def test_a_tie_bows_around_the_tall_box_between_its_two() -> None:
    """On the wall three boxes of one row are tall (names on two lines, a count): the municipality's contract with
    the third box must not run through the second one's name."""
    first, middle, last = _box("gemeente", 0.0), _box("horizon", 6.8), _box("jb", 13.6)
    path = tie_path(first, last, [middle])
    assert not any(_inside(middle, p) for p in _along(path)), "through the middle box"
    assert not any(_inside(first, p) or _inside(last, p) for p in path[1:-1])


def test_neighbouring_boxes_are_tied_straight() -> None:
    path = tie_path(_box("gemeente", 0.0), _box("horizon", 6.8), [_box("jb", 13.6)])
    assert len(path) == 2


def test_organisation_boxes_are_opaque() -> None:
    """A line that passes behind a box is hidden by it, not drawn through its name (the tints are solid colours)."""
    for colour in (ORG_FILL, ORG_BOX_FILL):
        assert re.fullmatch(r"rgb\(\d+, \d+, \d+\)", colour), colour
