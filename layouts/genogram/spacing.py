"""Label-aware spacing of the family rows (the rounds of :mod:`.fit`): the rows are laid out with room for every
name at a scale, the drawing fitted at the scale that allows, and the rows laid out again for that scale until the
scale holds (the names need more units at a smaller scale). A row too wide for its names side by side gets them
staggered (every other name one name lower, :func:`.layout.row_plans`) when that lets the drawing be larger."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from layouts.genogram.captions import fit
from layouts.genogram.context import Mark
from layouts.genogram.labels import label_need
from layouts.genogram.structure import ROW
from models.case import Case
from models.vocabulary import PersonKind

SPACING_ROUNDS = 5  # label-aware spacing: rounds of (spacing for a scale, fit the scale)
SPACING_STEP = 2.0  # px a unit: the scale the spacing is made for is rounded down to this (cache hits)
NAME_ROOM_IN_ROW = ROW - 2.0  # units of a row's height a name of two lines may take (the rest: symbol, bars)
CRAMPED = 0.75  # a fit drawn below this share of the least spacing scale is cramped: rows' names meet
STAGGER_GAIN = 1.08  # staggered names are chosen when the drawing is this much larger for them
SCREEN_SMALL = 12  # px: the screen's names drawn small (its rows are spaced for no smaller scale than they need)

Attempt = Callable[[int, float, bool, int], tuple[Any, float, dict[str, Mark]]]
"""(family font px (0: the scale's), px a unit the rows are spaced for, names staggered, lines a family name may
take) -> (what was fitted, the scale it is drawn at, its marks)."""
Tried = list[tuple[tuple[bool, bool, int], float, int, Any]]


def spaced_fit(case: Case, fonts: Sequence[int], start: float, attempt: Attempt, most_lines: int = 2) -> Any:
    """The fit whose rows are spaced for the scale they are drawn at, with the largest type of ``fonts`` that has
    one (plain rows, or staggered names when the drawing is larger that way); else, of those with about the fewest
    names cut, the one drawn largest. ``most_lines`` 3: when every such fit cuts names, the family's names that
    do not fit on two lines may take a third (at the smallest type of ``fonts``), before any is cut."""
    tried: Tried = []
    for lines in range(2, most_lines + 1):
        for font in fonts if lines == 2 else fonts[-1:]:
            held = _held_fits(case, font, lines, start, attempt, tried)
            if held is None:
                return tried.pop()[3]  # drawn at the largest scale: nothing to gain
            if not held:
                continue
            plain, staggered = held.get(False, (0.0, None, {})), held.get(True, (0.0, None, {}))
            ppu, found, marks = staggered if staggered[0] > plain[0] * STAGGER_GAIN or not plain[1] else plain
            if lines == most_lines or not names_cut(case, marks):
                return found
            tried.append((cut_rank(case, marks, False), -ppu, len(tried), found))
    return min(tried, key=lambda t: t[:3])[3]


def _held_fits(case: Case, font: int, lines: int, start: float, attempt: Attempt, tried: Tried
               ) -> dict[bool, tuple[float, Any, dict[str, Mark]]] | None:
    """The fits at ``font`` px and ``lines`` lines whose rows are spaced for the scale they are drawn at, plain and
    staggered (the others go to ``tried``, ranked); None when the plain one is drawn at the largest scale (it is
    last in ``tried``)."""
    held: dict[bool, tuple[float, Any, dict[str, Mark]]] = {}
    for stagger in (False, True) if lines == 2 else (True,):  # three lines in staggered rows only
        guess, least = start, min_spacing_ppu(font or SCREEN_SMALL)
        for _ in range(SPACING_ROUNDS):
            found, ppu, marks = attempt(font, guess, stagger, lines)
            # held: drawn at about the scale spaced for (names of three lines, the last resort: none cut by it)
            if ppu >= guess * 0.98 and (lines == 2 or ppu >= guess or not names_cut(case, marks)):
                held[stagger] = (ppu, found, marks)  # the rows are spaced for the scale they are drawn at
                break
            tried.append((cut_rank(case, marks, ppu < least * CRAMPED), -ppu, len(tried), found))
            if guess <= least:
                break
            guess = max(least, SPACING_STEP * int(ppu * 0.97 / SPACING_STEP))
        if not stagger and False in held and held[False][0] >= start * 0.98:
            tried.append(((False, False, 0), -held[False][0], len(tried), held[False][1]))
            return None
    return held


def min_spacing_ppu(font: int) -> float:
    """px a unit below which the rows (:data:`.structure.ROW` units apart) have no room for names of two lines at
    ``font`` px: the spacing is made for no smaller scale."""
    return 2 * font * 1.3 / NAME_ROOM_IN_ROW


def cut_rank(case: Case, marks: dict[str, Mark], cramped: bool) -> tuple[bool, bool, int]:
    """How bad a fit with names cut is: any cut at all, ``cramped`` (drawn so small that a row's names reach the
    next row), then by quarters of the names drawn (of two fits with about as many cut, the larger reads better)."""
    cut = names_cut(case, marks)
    drawn = sum(1 for m in marks.values() if m.label_chars)
    return cut > 0, cramped, cut * 4 // max(1, drawn)


def names_cut(case: Case, marks: dict[str, Mark]) -> int:
    """How many persons' names are cut with "…" in their label's room."""
    persons = case.person_map()
    return sum(1 for k, m in marks.items() if k in persons and m.label_chars
               and "…" in fit(persons[k].label, m.label_chars, m.label_lines))


def name_room(case: Case, font: int, ppu: float, lines: int = 2) -> dict[str, float]:
    """Half the width (units at ``ppu``) each family person's name needs at ``font`` px, on ``lines`` lines as
    narrow as they go (the label-aware spacing of the family rows)."""
    return {p.id: label_need(p.label, font, ppu, lines)[1] for p in case.persons if p.kind != PersonKind.PROFESSIONAL}
