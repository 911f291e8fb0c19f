"""On the wall a case with many professionals shows them folded into their organisation's box with a count
(issue 16: the family gets the room); a few professionals stay open, and the caller can unfold them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from layouts.genogram.figure import genosociogram_figure
from layouts.style import PROFESSIONAL_COLOUR
from layouts.timeline.hover import point_ids
from layouts.view_state import ViewState
from models import load_case

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
WALL_FRAMES = [(800, 530), (590, 540)]


def marks(fig) -> set[str]:
    return {v for trace in fig.data if trace.customdata is not None for v in point_ids(trace.customdata)}


@pytest.mark.parametrize("frame", WALL_FRAMES)
def test_many_professionals_are_folded_on_the_wall(frame: tuple[int, int]) -> None:
    case = load_case(SAMPLES / "calamiteit_sem.json")
    state = ViewState(as_of=dt.date(2022, 6, 11), projector=True)
    professionals = {p.id for p in case.persons if p.kind.value == "professional"}
    folded = genosociogram_figure(case, state, frame=frame)
    assert not marks(folded) & professionals  # every professional is counted in a box
    assert {k for k in marks(folded) if k.startswith("org:")}
    counts = [t for trace in folded.data if trace.mode == "text" and trace.textfont.color == PROFESSIONAL_COLOUR
              for t in trace.text if t != "<b>+</b>"]
    assert counts and all(t.split(" ")[0].isdigit() for t in counts)  # the boxes say how many
    # a box drawn large enough has a button that unfolds it
    boxes = {k[4:] for k in marks(folded) if k.startswith("org:")}
    assert {k[7:] for k in marks(folded) if k.startswith("unfold:")} <= boxes
    opened = genosociogram_figure(case, state, frame=frame, collapse_organisations=False)
    assert marks(opened) & professionals
    # folded, the drawing is drawn larger: the family gets the room
    assert folded.layout.meta["px_per_unit"] > opened.layout.meta["px_per_unit"]


def test_a_few_professionals_stay_open_on_the_wall() -> None:
    case = load_case(SAMPLES / "lisa_gesloten_jeugdzorg.json")
    state = ViewState(as_of=dt.date(2025, 2, 14), projector=True)
    shown = marks(genosociogram_figure(case, state, frame=(800, 530)))
    assert {"huisarts"} <= shown


def test_one_organisation_unfolds_on_the_wall() -> None:
    """Unfolded per organisation: its professionals are drawn in its box (a "−" folds it back), the rest stay folded."""
    case = load_case(SAMPLES / "calamiteit_sem.json")
    state = ViewState(as_of=dt.date(2022, 6, 11), projector=True)
    folded = marks(genosociogram_figure(case, state, frame=(940, 900)))
    org = sorted(k[7:] for k in folded if k.startswith("unfold:"))[0]
    members = {p.id for p in case.persons if p.organisation == org and p.kind.value == "professional"}
    opened = marks(genosociogram_figure(case, state, frame=(940, 900), unfolded=[org]))
    assert members & opened and not members & folded
    assert f"fold:{org}" in opened and f"unfold:{org}" not in opened
    others = {k for k in folded if k.startswith("unfold:")} - {f"unfold:{org}"}
    assert others <= opened  # the other organisations stay folded


def test_a_printed_page_folds_the_boxes_but_prints_no_fold_buttons() -> None:
    """The "+" that unfolds a box is for the wall's hand: on a poster or in the report it is ink with no use."""
    case = load_case(SAMPLES / "calamiteit_sem.json")
    state = ViewState(as_of=dt.date(2022, 6, 11), projector=True)
    page = genosociogram_figure(case, state, frame=(1600, 1000), page=True)
    assert {k for k in marks(page) if k.startswith("org:")}  # folded into boxes ...
    assert not {k for k in marks(page) if k.startswith(("unfold:", "fold:"))}  # ... without buttons
    texts = [t for trace in page.data if trace.mode == "text" for t in trace.text]
    assert "<b>+</b>" not in texts
    wall = genosociogram_figure(case, state, frame=(1600, 1000))
    assert {k for k in marks(wall) if k.startswith("unfold:")}
