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

import networkx as nx

from layouts.genogram.bounds import extent
from layouts.genogram.captions import chars_in, fit
from layouts.genogram.persons import WALL_PAD_PX, folded_title_lines, folded_title_room, title_room
from layouts.genogram.ring import RingLayout
from layouts.organisation_names import case_name_ladders
from models.case import Case

FULL_COST = 0.7
"""The folded boxes sized for every name in full when the drawing keeps this share of its scale (the family's
names keep their px; its symbols get smaller) ..."""
LEAST_PPU = 16.0
"""... and never below this many px a unit: the family's symbols (a unit) stay as large as the names' type, the
ages in them legible (else the folded boxes keep their small size, names cut, the hover in full)."""
PART_COST = 0.85  # ... and for fewer names cut, when it keeps this share
CANDIDATES = 20  # arrangements tried sized: the largest unsized
ROUNDS = 5  # rounds towards the scale the sized drawing gets
SAFETY = 0.97  # the boxes are sized for a hair smaller scale than found: the labels' fit may shrink it a little


FOLD_ROOM_PX = 12
"""px between the title and the drawing on the wall with fold buttons when a box is on the drawing's top: its
button, raised over the box's corner (:func:`.persons._fold_button`, 22 px), stays clear of the title band."""
TITLE_CHARS = 18  # characters a line of a name on two lines (else three), as in the fit's FRAME_TITLE_CHARS
WALL_TITLE_PX = 240  # px: on the wall a folded box may be this wide for its name (a word of 20 letters), at any scale
TITLE_FONT = 14  # px: the organisations' names on the wall (the projector's least type; the fit's FRAME_ORG_FONT)


def title_cut(names: tuple[str, ...], box: tuple[float, float], font: int, ppu: float) -> bool:
    """Whether a folded box of ``box`` (width, height) units cuts every one of an organisation's ``names`` (its
    ladder, :mod:`layouts.organisation_names`) at ``font`` px (as drawn on the wall)."""
    lines = folded_title_lines(box[1], font, ppu, True, 3)
    chars = chars_in(folded_title_room(box[0], ppu, 3), font, ppu, True)
    return all("…" in fit(name, chars, lines) for name in names)


def names_cut_in(names: dict[str, tuple[str, ...]], ring: RingLayout, ppu: float) -> int:
    """How many of the folded boxes of ``ring`` drawn at ``ppu`` px a unit cut their organisation's name (``names``:
    organisation id -> its names, longest first) at the wall's type."""
    return sum(title_cut(names.get(item.organisation or "", ("",)), (item.width, item.height),
                         ring.title_font or TITLE_FONT, ppu) for item in ring.items if item.collapsed)


def sized_ring(fitter: Any, options: Sequence[tuple[Any, ...]], fits: Sequence[float], room: tuple[float, float],
               most: float, folded: int) -> tuple[float, float, RingLayout] | None:
    """The arrangement (of ``options``, whose unsized drawings get ``fits`` px a unit) with its folded boxes sized
    for their names in px: every name in full when the drawing keeps :data:`FULL_COST` of the largest unsized scale
    (the largest such); else the shortest names in full, as many as keep :data:`PART_COST` of it (the longer ones'
    boxes stay small, their names cut), never below :data:`LEAST_PPU`; (px a unit for the room's width alone, px a
    unit, the ring), or None (none of the ``folded`` names gains)."""
    room_w, room_h = room

    def scale_of(ring: RingLayout) -> tuple[float, float]:
        x0, x1, y0, y1 = extent(fitter.marks(ring)[0], ring, fitter.box)
        across = min(most, room_w / (x1 - x0))
        return across, min(across, room_h / (y1 - y0))

    def best_at(least: float, cap: float) -> tuple[int, tuple[float, float, RingLayout]] | None:
        """Of the arrangements largest unsized, the one sized (names up to ``cap`` px, 0: all) that cuts fewest
        names, then is largest, drawn at ``least`` px a unit or more: (names cut, its fit)."""
        ranked = sorted(((o, f) for o, f in zip(options, fits, strict=True) if f >= least), key=lambda t: -t[1])
        best: tuple[tuple[int, float], tuple[float, float, RingLayout]] | None = None
        for option, unsized in ranked[:CANDIDATES]:
            found = _fixed_point(lambda g, o=option: fitter.ring(g, *o, sized=True, title_font=TITLE_FONT,
                                                                 title_cap=cap), scale_of, unsized, least)
            if found is None:
                continue
            cut = names_cut_in(fitter.org_names, found[2], found[1] * SAFETY)
            if best is None or (cut, -found[1]) < best[0]:
                best = ((cut, -found[1]), found)
        return None if best is None else (best[0][0], best[1])

    full = best_at(max(max(fits) * FULL_COST, LEAST_PPU), 0.0)
    if full is not None and full[0] == 0:
        return full[1]
    # the shortest names in full: as many as the drawing has room for (a binary search on how many)
    needs = sorted({need for ladder in fitter.org_names.values() for need in map(name_px, ladder)})
    part, low, high = full if full is not None and full[0] < folded else None, 1, len(needs) - 1
    while low <= high:
        k = (low + high) // 2
        found = best_at(max(max(fits) * PART_COST, LEAST_PPU), needs[k - 1] + 0.5)
        if found is not None and found[0] < folded and (part is None or found[0] <= part[0]):
            part, low = found, k + 1
        else:
            high = k - 1
    return None if part is None else part[1]


def _fixed_point(ring_at: Callable[[float], RingLayout], scale_of: Callable[[RingLayout], tuple[float, float]],
                 start: float, least: float) -> tuple[float, float, RingLayout] | None:
    """The ring sized for a scale it is then drawn at or above (with :data:`SAFETY` to spare for the labels' fit),
    from ``start`` down; None below ``least``. Each round sizes the boxes a little under the scale the last round's
    drawing got (the drawing's scale barely moves with its boxes' size, so this settles in a round or two)."""
    guess = start
    for _ in range(ROUNDS):
        size = guess * SAFETY * SAFETY
        ring = ring_at(size)
        across, ppu = scale_of(ring)
        if ppu < least:
            return None
        if ppu * SAFETY >= size:
            return across, ppu, ring
        guess = ppu
    return across, ppu, ring


def fewer_cut_below(names: dict[str, tuple[str, ...]], right: tuple[float, RingLayout], below: tuple[float, RingLayout],
                    chosen: bool) -> bool:
    """Whether the legend goes below: the place (``right``, ``below``: px a unit, the ring) whose folded boxes cut
    fewer of the organisations' ``names``, when it keeps :data:`FULL_COST` of the other's scale; else ``chosen``."""
    cut_right, cut_below = names_cut_in(names, right[1], right[0]), names_cut_in(names, below[1], below[0])
    if cut_below < cut_right and below[0] >= right[0] * FULL_COST:
        return True
    if cut_right < cut_below and right[0] >= below[0] * FULL_COST:
        return False
    return chosen


def button_on_top(fitter: Any, ring: RingLayout) -> bool:
    """Whether on the wall with fold buttons (``fitter.fold_room``) an organisation's box is on the drawing's top
    (its button would reach into the title band without :data:`FOLD_ROOM_PX` above the drawing)."""
    if not fitter.fold_room:
        return False
    top = extent(fitter.marks(ring)[0], ring, fitter.box)[3]
    return any(item.organisation and item.box[3] + 1.0 >= top for item in ring.items)


def shown_org_names(case: Case, graph: nx.Graph) -> dict[str, tuple[str, ...]]:
    """Each organisation with a professional in ``graph``: its names, longest first
    (:mod:`layouts.organisation_names`)."""
    ladders = case_name_ladders(case)
    shown = {d.get("organisation") for _, d in graph.nodes(data=True) if d.get("kind") == "professional"}
    return {o: ladders[o] for o in shown if o in ladders}


def name_px(name: str) -> float:
    """px ``name`` needs across in a folded box on the wall (three lines at most, clear of the box's edges)."""
    return title_room(name, TITLE_FONT, 1.0, TITLE_CHARS, 3)[0] + 2 * WALL_PAD_PX


def wall_titles(names: dict[str, tuple[str, ...]], font: int, guess: float, sized: bool, cap: float, widest: float
                ) -> dict[str, tuple[float, float]]:
    """(width, height) in units at ``guess`` each organisation's name needs on the wall at ``font`` px: on two lines,
    else three, at most ``widest`` units or :data:`WALL_TITLE_PX`; ``sized``: in folded boxes sized for their names
    (clear of the edges by :data:`.persons.WALL_PAD_PX`); ``names``: each organisation's names, longest first;
    ``cap``: each gets room for its longest name no wider than this many px (none: its box small, the name cut; 0:
    room for its full name)."""
    pad = 2 * WALL_PAD_PX / guess if sized else 0.0
    widest = max(widest, WALL_TITLE_PX / guess)
    titles: dict[str, tuple[float, float]] = {}
    for oid, ladder in names.items():
        name = next((n for n in ladder if name_px(n) <= cap), None) if cap else ladder[0]
        if name is None:
            titles[oid] = (0.0, 0.0)
            continue
        w, h = title_room(name, font, guess, TITLE_CHARS, 3)
        titles[oid] = (min(w + pad, widest), h + 0.75 * pad)
    return titles
