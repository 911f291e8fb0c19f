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
              for t in trace.text]
    assert counts and all(t.split(" ")[0].isdigit() for t in counts)  # the boxes say how many
    opened = genosociogram_figure(case, state, frame=frame, collapse_organisations=False)
    assert marks(opened) & professionals
    # folded, the drawing is drawn larger: the family gets the room
    assert folded.layout.meta["px_per_unit"] > opened.layout.meta["px_per_unit"]


def test_a_few_professionals_stay_open_on_the_wall() -> None:
    case = load_case(SAMPLES / "lisa_gesloten_jeugdzorg.json")
    state = ViewState(as_of=dt.date(2025, 2, 14), projector=True)
    shown = marks(genosociogram_figure(case, state, frame=(800, 530)))
    assert {"huisarts"} <= shown
