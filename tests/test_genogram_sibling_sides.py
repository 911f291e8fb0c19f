"""Siblings in standard genogram notation (issue 16): each sibship side by side under its parents, the couple that
joins two families in the middle, each partner's siblings on their own side, so that no two sibships' lines cross."""

from __future__ import annotations

import itertools

import pytest

from layouts.genogram.layout import FamilyLayout, anchor_x, family_layout
from models import Case
from tests.calamity_builder import calamity_case
from tests.test_generations import five_generation_case, kinship_foster_case
from tests.test_genosociogram import CASES, IDS

MORE = [("calamity-70", calamity_case()), ("kinship-foster", kinship_foster_case()),
        ("five-generations", five_generation_case())]


def _lines(fam: FamilyLayout) -> list[tuple[float, list[float], float]]:
    """Each sibship's anchor x, its children's x (those placed under it) and their row's y."""
    pos = fam.positions
    return [(anchor_x([pos[p][0] for p in sib.parents]), [pos[c][0] for c in sib.primary],
             pos[next(iter(sib.primary))][1]) for sib in fam.sibships if sib.primary]


def crossing_sibships(fam: FamilyLayout) -> int:
    """Pairs of sibships of one row with a line of one (the drop from the parents or to a child) under the other's
    bar."""
    def inside(x: float, xs: list[float]) -> bool:
        return min(xs) + 1e-6 < x < max(xs) - 1e-6

    return sum(any(inside(x, [a2, *k2]) for x in [a1, *k1]) or any(inside(x, [a1, *k1]) for x in [a2, *k2])
               for (a1, k1, y1), (a2, k2, y2) in itertools.combinations(_lines(fam), 2) if abs(y1 - y2) < 1e-6)


def strays(fam: FamilyLayout) -> list[str]:
    """Children of another sibship between two siblings, and siblings on their married-in sibling's partner's side
    of the couple."""
    pos = fam.positions
    unit = {c: sib for sib in fam.sibships for c in sib.primary}
    found = []
    for sib in (s for s in fam.sibships if s.primary):
        xs, y = [pos[c][0] for c in sib.primary], pos[next(iter(sib.primary))][1]
        found += [p for p, (x, py) in pos.items() if py == y and min(xs) < x < max(xs) and unit.get(p, sib) != sib]
    for couple in fam.couples:
        a, b = couple.left, couple.right
        if a in unit and b in unit and unit[a] != unit[b] and pos[a][1] == pos[b][1]:
            mid = (pos[a][0] + pos[b][0]) / 2
            found += [s for s in unit[a].primary if pos[s][1] == pos[a][1] and pos[s][0] > mid]
            found += [s for s in unit[b].primary if pos[s][1] == pos[b][1] and pos[s][0] < mid]
    return found


def test_the_70_person_case_in_standard_notation() -> None:
    fam = family_layout(calamity_case())
    parents = ["oom-v", "tante-v", "partner-vader", "vader", "moeder", "stiefvader", "tante-m", "aangetrouwd", "oom-m"]
    assert fam.rows[-1] == parents  # the father's family left, the mother's right, spouses on the outer side
    assert fam.rows[0] == ["zus", "index", "broer", "halfbroer", "halfzus", "neef-1", "nicht-1"]  # cousins under theirs
    assert fam.rows[-2][:2] == ["opa-v", "oma-v"] and fam.rows[-3] == ["ovm", "ogm"]  # husbands on the left
    assert crossing_sibships(fam) == 0 and not strays(fam)


ALL = CASES + MORE
ALL_IDS = IDS + [n for n, _ in MORE]
PACKED = "a wide packed row: a sibship's bar reaches past the next couple's drop (placement, not order)"


@pytest.mark.parametrize(("name", "case"), ALL, ids=ALL_IDS)
def test_sibships_side_by_side_on_their_own_side(name: str, case: Case) -> None:
    assert not strays(family_layout(case)), name


@pytest.mark.parametrize(("name", "case"), [
    pytest.param(n, c, marks=pytest.mark.xfail(strict=True, reason=PACKED)) if n == "generated-1" else (n, c)
    for n, c in ALL], ids=ALL_IDS)
def test_no_two_sibships_lines_cross(name: str, case: Case) -> None:
    assert crossing_sibships(family_layout(case)) == 0, name
