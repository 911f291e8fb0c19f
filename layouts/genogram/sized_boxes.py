"""On the wall: the folded organisations' boxes sized for their names, in px, at a type the room can still read.

A folded box's name is drawn in the box's px width (cut with "…" where it does not fit, :mod:`.persons`). Sized in
units at a guessed scale, a box shrinks in px with the drawing it widens: the drawing sized for the names is drawn
smaller than guessed, and the names are cut again. Here each arrangement's boxes are sized at the scale the drawing
then gets (a few rounds to that fixed point), at the organisations' type on the wall (:data:`.fit.FRAME_ORG_FONT`,
14 px: the projector's least type, no smaller), and the arrangement that cuts fewest names, then the largest, is
taken when the drawing keeps enough of its scale. (Pages keep their own sizing: :meth:`.fit._Fitter.arrange`.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from layouts.genogram.bounds import extent
from layouts.genogram.captions import chars_in, fit
from layouts.genogram.persons import folded_title_lines
from layouts.genogram.ring import RingLayout

FULL_COST = 0.75
"""The folded boxes sized for every name in full when the drawing keeps this share of its scale (the family's
names keep their px; its symbols get smaller) ..."""
PART_COST = 0.85  # ... and for fewer names cut, when it keeps this share
CANDIDATES = 6  # arrangements tried sized: the largest unsized
ROUNDS = 5  # rounds towards the scale the sized drawing gets
SAFETY = 0.97  # the boxes are sized for a hair smaller scale than found: the labels' fit may shrink it a little


TITLE_FONT = 14  # px: the organisations' names on the wall (the projector's least type; the fit's FRAME_ORG_FONT)


def title_cut(name: str, box: tuple[float, float], font: int, ppu: float) -> bool:
    """Whether a folded box of ``box`` (width, height) units cuts ``name`` at ``font`` px (as drawn on the wall)."""
    lines = folded_title_lines(box[1], font, ppu, True, 3)
    return "…" in fit(name, chars_in(box[0] - 0.7, font, ppu, True), lines)


def names_cut_in(names: dict[str, str], ring: RingLayout, ppu: float) -> int:
    """How many of the folded boxes of ``ring`` drawn at ``ppu`` px a unit cut their organisation's name (``names``:
    organisation id -> name) at the wall's type."""
    return sum(title_cut(names.get(item.organisation or "", ""), (item.width, item.height),
                         ring.title_font or TITLE_FONT, ppu) for item in ring.items if item.collapsed)


def sized_ring(fitter: Any, options: Sequence[tuple[Any, ...]], fits: Sequence[float], room: tuple[float, float],
               most: float, folded: int) -> tuple[float, float, RingLayout] | None:
    """The arrangement (of ``options``, whose unsized drawings get ``fits`` px a unit) with its folded boxes sized
    for their names in px that cuts fewest names, then is largest: with every name in full when the drawing keeps
    :data:`FULL_COST` of the largest unsized scale, with fewer of the ``folded`` names cut when it keeps
    :data:`PART_COST`; (px a unit for the room's width alone, px a unit, the ring), or None."""
    room_w, room_h = room
    least = max(fits) * FULL_COST

    def scale_of(ring: RingLayout) -> tuple[float, float]:
        x0, x1, y0, y1 = extent(fitter.marks(ring)[0], ring, fitter.box)
        across = min(most, room_w / (x1 - x0))
        return across, min(across, room_h / (y1 - y0))

    # the arrangements largest unsized (sized boxes only make a drawing smaller)
    ranked = sorted(((o, f) for o, f in zip(options, fits, strict=True) if f >= least), key=lambda t: -t[1])
    ranked = ranked[:CANDIDATES]
    best: tuple[tuple[int, float], tuple[float, float, RingLayout]] | None = None
    for option, unsized in ranked:
        found = _fixed_point(lambda g, o=option: fitter.ring(g, *o, sized=True, title_font=TITLE_FONT),
                             scale_of, unsized, least)
        if found is None:
            continue
        _, ppu, ring = found
        cut = sum(title_cut(fitter.org_names.get(item.organisation, ""), (item.width, item.height), TITLE_FONT,
                            ppu * SAFETY) for item in ring.items if item.collapsed)
        if best is None or (cut, -ppu) < best[0]:
            best = ((cut, -ppu), found)
    if best is None or best[0][0] >= folded or (best[0][0] and best[1][1] < max(fits) * PART_COST):
        return None
    return best[1]


def _fixed_point(ring_at: Callable[[float], RingLayout], scale_of: Callable[[RingLayout], tuple[float, float]],
                 start: float, least: float) -> tuple[float, float, RingLayout] | None:
    """The ring sized at the scale it is then drawn at (from ``start`` down; None below ``least``)."""
    guess = start
    for _ in range(ROUNDS):
        ring = ring_at(guess * SAFETY)
        across, ppu = scale_of(ring)
        if ppu < least:
            return None
        if ppu >= guess * 0.99:
            break
        guess = ppu
    return across, ppu, ring
