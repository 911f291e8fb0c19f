"""A wall frame too small for the whole case shows the family first (issue 16, :mod:`layouts.genogram.wall_room`):
the generated 70-person calamity beside the timeline at 1280×720 (the wall widens the network's half to a frame of
about 611 × 580-600 px for it) draws the family alone with every name in full at 14 px or more, and says so in its
title; Sem there, and the 70-person case on the network wall, a page or a frame wide enough, keep everything."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from layouts.genogram.figure import genosociogram_figure
from layouts.genogram.fit import sociogram_layout
from layouts.genogram.wall_room import family_frame_px, names_cut
from layouts.view_state import ViewState
from models import load_case
from tests.calamity_builder import calamity_case

SEM = Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json"
ON = dt.date(2020, 3, 2)  # the 70-person case's last day


@pytest.mark.parametrize("frame", [(611, 586), (611, 591), (621, 579), (606, 604)])
def test_beside_the_timeline_the_big_family_alone_is_named_in_full(frame: tuple[int, int]) -> None:
    case = calamity_case()
    fitted = sociogram_layout(case, ON, frame, projector=True)
    assert fitted.left_out == ("network", "professionals")
    family = {p.id for p in case.persons if p.kind.value == "family"}
    assert family <= set(fitted.marks) and not fitted.ring.items
    assert names_cut(case, fitted.marks) == 0
    title = genosociogram_figure(case, ViewState(as_of=ON, projector=True), frame=frame).layout.title.text
    assert "Alleen de familie" in title


@pytest.mark.parametrize(("which", "frame", "page"), [("big", (1224, 519), False), ("big", (955, 964), False),
                                                     ("big", (621, 604), True), ("sem", (621, 604), False)])
def test_a_frame_with_room_or_a_page_keeps_everything(which: str, frame: tuple[int, int], page: bool) -> None:
    case = calamity_case() if which == "big" else load_case(SEM)
    fitted = sociogram_layout(case, None if which == "big" else dt.date(2022, 6, 11), frame, projector=True,
                              page=page)
    assert fitted.left_out == ()
    assert any(item.organisation for item in fitted.ring.items)
    assert any(item.organisation is None for item in fitted.ring.items)  # the informal network


def test_the_frame_the_family_needs() -> None:
    """The width the wall gives the network's half beside the timeline (casusbeeld.js: at least ``family_px``): the
    70-person family needs more than the 548 px of a 1280×720 wall's usual split, Sem's family less."""
    big, sem = calamity_case(), load_case(SEM)
    assert 560 < family_frame_px(big, 14, 0.35, 16) <= 620
    assert family_frame_px(sem, 14, 0.35, 16) < 548
    fitted = sociogram_layout(big, ON, (611, 591), projector=True)
    assert fitted.family_px == family_frame_px(big, 14, 0.35, 16)
    assert genosociogram_figure(big, ViewState(as_of=ON)).layout.meta["family_px"] == fitted.family_px  # the screen
    assert sociogram_layout(big, ON, (611, 591), projector=True, page=True).family_px == 0
