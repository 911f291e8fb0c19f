"""A family name too wide for two lines on the wall takes a third (issue 16): in a wall frame where every fit on two
lines cuts names (the 70-person case beside the timeline on a 1600×900 wall), the rows too wide for their names on
two lines, even staggered, take three lines, before any name is cut; type stays at 14 px or more, nothing overlaps.
Where two lines suffice nothing changes."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from calamity_builder import calamity_case
from test_wall_names import names, overlapping, symbols_hit, text_boxes

from layouts.genogram.captions import fit
from layouts.genogram.figure import genosociogram_figure
from layouts.genogram.layout import row_plans
from layouts.view_state import ViewState
from models import load_case

SEM = Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json"
BESIDE_1600 = (696, 784)  # the geno-sociogram's frame beside the timeline on a 1600×900 wall (Chromium)


def _plain(label: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", label)).split()


def test_the_seventy_person_family_beside_the_timeline_at_1600_reads_in_full_on_three_lines() -> None:
    case = calamity_case()
    fig = genosociogram_figure(case, ViewState(projector=True), frame=BESIDE_1600)
    boxes = text_boxes(fig)
    shown = names(boxes)
    assert len(shown) == 30
    assert not [b[0] for b in shown if "…" in b[0]]  # (on two lines 9 were cut)
    assert min(b[2] for b in shown) >= 14
    assert not overlapping(boxes)
    assert not symbols_hit(fig, case)
    three = [b[0] for b in shown if b[0].count("<br>") == 2]
    assert three  # the parents' generation, on three lines
    labels = {p.label for p in case.persons}
    for label in three:  # a name on three lines is a name of three words or more, drawn whole
        full = " ".join(_plain(label))
        assert full in labels and len(full.split()) >= 3


@pytest.mark.parametrize("frame", [(1880, 900), (845, 964), (1224, 532), (940, 900), (1240, 600)])
@pytest.mark.parametrize("which", ["big", "sem"])
def test_where_two_lines_suffice_no_name_takes_three(which: str, frame: tuple[int, int]) -> None:
    case = calamity_case() if which == "big" else load_case(SEM)
    as_of = None if which == "big" else dt.date(2022, 6, 11)
    shown = names(text_boxes(genosociogram_figure(case, ViewState(as_of=as_of, projector=True), frame=frame)))
    assert not [b[0] for b in shown if "…" in b[0]]
    assert not [b[0] for b in shown if b[0].count("<br>") >= 2]


def test_a_row_takes_three_lines_only_when_two_do_not_fit_even_staggered() -> None:
    room = {"a": 5.0, "b": 5.0, "c": 5.0, "d": 1.0, "e": 1.0, "f": 1.0, "g": 1.0}  # half widths on two lines
    tall = {"a": 3.0, "b": 3.0, "c": 3.0, "d": 1.0, "e": 1.0, "f": 1.0, "g": 1.0}  # ... on three
    rows = {0: ["a", "b", "c"], 1: ["d", "e", "f", "g"]}
    # (staggered, three lines): as before, the long names staggered on two lines (the widest row at its narrowest)
    assert row_plans(rows, room) == {0: (True, False), 1: (False, False)}
    # with three lines allowed they are narrower staggered on three lines; the short names keep theirs
    assert row_plans(rows, room, tall) == {0: (True, True), 1: (False, False)}
    short = {0: ["d", "e"], 1: ["f", "g"]}
    assert row_plans(short, room, tall) == {0: (False, False), 1: (False, False)}


def test_three_lines_break_at_word_boundaries() -> None:
    assert fit("Tante moederszijde (Ingrid)", 12, 3) == "Tante<br>moederszijde<br>(Ingrid)"
    assert "…" in fit("Tante moederszijde (Ingrid)", 12, 2)
