"""On the wall: the folded organisations' boxes sized for their names, in px, at a type the room can still read.

A folded box's name is drawn in the box's px width (cut with "…" where it does not fit, :mod:`.persons`). Sized in
units at a guessed scale, a box shrinks in px with the drawing it widens: the drawing sized for the names is drawn
smaller than guessed, and the names are cut again. Here each arrangement's boxes are sized at the scale the drawing
then gets (a few rounds to that fixed point), at the organisations' type (:data:`SIZED_FONTS`, 14 px, else 12 px),
and the arrangement that cuts fewest names, then the largest, is taken when the drawing keeps enough of its scale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from layouts.genogram.bounds import extent
from layouts.genogram.captions import chars_in, fit
from layouts.genogram.persons import folded_title_lines
from layouts.genogram.ring import RingLayout

SIZED_FONTS = (14, 12)
"""px of the organisations' names in boxes sized for them: the frame's 14 px, else 12 px (still read at the back
of the room, bold) before a name is cut."""
FULL_COST = 0.75
"""The folded boxes sized for every name in full when the drawing keeps this share of its scale (the family's
names keep their px; its symbols get smaller) ..."""
PART_COST = 0.85  # ... and for fewer names cut, when it keeps this share
CANDIDATES = 6  # arrangements tried sized: the largest unsized
ROUNDS = 5  # rounds towards the scale the sized drawing gets
SAFETY = 0.97  # the boxes are sized for a hair smaller scale than found: the labels' fit may shrink it a little


def title_cut(name: str, box: tuple[float, float], font: int, ppu: float) -> bool:
    """Whether a folded box of ``box`` (width, height) units cuts ``name`` at ``font`` px (as drawn on the wall)."""
    lines = folded_title_lines(box[1], font, ppu, True)
    return "…" in fit(name, chars_in(box[0] - 0.7, font, ppu, True), lines)


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
    best: tuple[tuple[int, int, float], tuple[float, float, RingLayout]] | None = None
    for font in SIZED_FONTS:
        for option, unsized in ranked:
            found = _fixed_point(lambda g, o=option, f=font: fitter.ring(g, *o, sized=True, title_font=f),
                                 scale_of, unsized, least)
            if found is None:
                continue
            _, ppu, ring = found
            names = fitter.org_names
            cut = sum(title_cut(names.get(item.organisation, ""), (item.width, item.height), font, ppu * SAFETY)
                      for item in ring.items if item.collapsed)
            key = (cut, -font, -ppu)
            if best is None or key < best[0]:
                best = (key, found)
        if best is not None and best[0][0] == 0:
            break  # every name in full at the larger type
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
