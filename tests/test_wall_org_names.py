"""The folded organisations' names on the wall (issue 16): Sem's network wall at 1280×720 and 1920×1080 names every
organisation in full, at the wall's 14 px (no smaller), the family drawn no smaller than 16 px a unit; a page (poster,
report) keeps its own sizing of the folded boxes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from layouts.genogram.fit import sociogram_layout
from layouts.genogram.sized_boxes import LEAST_PPU, names_cut_in
from models import load_case

SEM = Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json"
ON = dt.date(2022, 6, 11)


@pytest.mark.parametrize("frame", [(1224, 519), (1224, 524), (1864, 882)])  # the wall's frame at 1280×720, 1920×1080
def test_sems_wall_names_every_folded_organisation_in_full(frame: tuple[int, int]) -> None:
    case = load_case(SEM)
    fitted = sociogram_layout(case, ON, frame, projector=True)
    folded = [item for item in fitted.ring.items if item.collapsed]
    assert len(folded) == 9
    names = {o.id: (o.name,) for o in case.organisations}  # the full names: no short name needed
    assert names_cut_in(names, fitted.ring, fitted.ppu) == 0
    assert fitted.org_font >= 14
    assert fitted.ppu >= LEAST_PPU


def test_a_page_keeps_its_sizing_of_folded_boxes() -> None:
    fitted = sociogram_layout(load_case(SEM), ON, (1224, 519), projector=True, page=True)
    assert fitted.title_lines == 2 and not fitted.ring.title_font and not fitted.fold_room
