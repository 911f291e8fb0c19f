"""On the wall, a frame too small for the whole case: the family first (issue 16).

Beside the timeline ("Beide") the geno-sociogram gets about half a projector's width. A large family (the generated
70-person calamity: 31 family members, names on up to three lines at the projector's least type of 14 px) takes
about 570 px across and 420 px down there by itself, so that its informal network and the organisations' boxes have
no place left in a frame of about 610 × 590 px: fitted whole, every family name is cut ("Ov… mo…"). Then the frame
shows the family alone, when that names everyone in full, and its title says so (the geno-sociogram's own wall
shows everything). (The family with its network, or with the organisations, needs a frame about 800 px wide for
that case: tried in between, they cost the wall a second or more per frame for nothing.) A frame that names
everyone in full, a page (poster, report) and the screen keep the whole case. :func:`family_frame_px` is the frame
width the family alone needs: the wall widens the geno-sociogram's half for it, up to a little more than half the
screen (``casusbeeld.js``), and draws its first figure that wide (``app.navigation.first_frame``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from layouts.genogram.bounds import family_box
from layouts.genogram.captions import fit
from layouts.genogram.context import Mark
from layouts.genogram.family_cache import cached_family_layout
from layouts.genogram.spacing import min_spacing_ppu, name_room
from models.case import Case
from models.vocabulary import PersonKind

Shown = tuple[bool, bool]
"""(the informal network shown, the professionals shown)."""
LESS = ((False, False),)
"""What a frame too small for the whole case shows instead, in turn: the family alone."""


def fit_what_fits(fit_shown: Callable[[Shown], Any], marks_of: Callable[[Any], dict[str, Mark]], case: Case
                  ) -> tuple[Any, tuple[str, ...]]:
    """The fit of the whole case (``fit_shown((True, True))``), or, when it cuts a family or network name, the first of
    :data:`LESS` that cuts none; and what it leaves out (``"network"``, ``"professionals"``; none: the whole case,
    also when every smaller one cuts names too)."""
    whole = fit_shown((True, True))
    if not names_cut(case, marks_of(whole)):
        return whole, ()
    for network, professionals in LESS:
        smaller = fit_shown((network, professionals))
        if not names_cut(case, marks_of(smaller)):
            return smaller, tuple(k for k, on in (("network", network), ("professionals", professionals)) if not on)
    return whole, ()


def names_cut(case: Case, marks: dict[str, Mark]) -> int:
    """How many family and network persons' names are cut with "…" in their label's room."""
    persons = case.person_map()
    return sum(1 for k, m in marks.items() if k in persons and persons[k].kind != PersonKind.PROFESSIONAL
               and m.label_chars and "…" in fit(persons[k].label, m.label_chars, m.label_lines))


def family_frame_px(case: Case, font: int, stagger_pad: float, side_px: int) -> int:
    """px across a wall frame needs for the family alone (its whole history) with its names in full at ``font`` px
    on up to three lines, staggered (``stagger_pad`` units under a name of two lines), at the least scale its rows
    are spaced for, and ``side_px`` either side: as :func:`.fit._fit_in_frame` lays it out."""
    ppu = min_spacing_ppu(font)
    room, tall, line = name_room(case, font, ppu), name_room(case, font, ppu, 3), font * 1.3 / ppu
    fam = cached_family_layout(case, room, 2 * line + stagger_pad, tall, line)
    x0, x1, _, _ = family_box(fam.positions, {p: tall[p] if p in fam.name_lines else r for p, r in room.items()})
    return math.ceil((x1 - x0) * ppu + 2 * side_px)
