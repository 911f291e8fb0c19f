"""Labels on the wall sit near their marks (layouts.timeline.label_box.near_enough): a word half a wall away from
its mark, on a long leader line across the others, is not read as that mark's word. Measured on the bundled cases
as the wall fits them, at the smallest wall and at 1920 px; on a wider wall a label's line grows with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from layouts.style import type_scale
from layouts.timeline.event_labels import YEAR_TICK_PX, Words
from layouts.timeline.figure import timeline_figure
from layouts.timeline.label_box import LabelBox, leader_end, near_enough
from layouts.timeline.labels import PlotScale
from layouts.timeline.lanes import timeline_layout
from layouts.timeline.wall import WALL_DRIFT_PX, WALL_LINE_PX, WALL_PLOT_PX, wall_growth
from layouts.view_state import ViewState
from models import load_case
from models.event_filter import EventFilter

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"


def _leader(mark: tuple[float, float], left: float, top: float) -> LabelBox:
    return LabelBox(0, ("Besluit OTS",), left, top, 80.0, 16.0, mark, "leader")


def test_a_flat_leader_line_reaches_less_far_than_a_steep_one() -> None:
    assert near_enough(_leader((100.0, 200.0), 180.0, 192.0), 100.0)  # 80 px to the right, level with the mark
    assert not near_enough(_leader((100.0, 200.0), 260.0, 192.0), 100.0)  # 160 px to the right, level
    assert near_enough(_leader((100.0, 200.0), 260.0, 50.0), 100.0)  # as far right, but 134 px above: steep
    assert near_enough(_leader((100.0, 200.0), 900.0, 192.0), 0.0)  # no limit


def test_a_label_line_grows_with_the_wall() -> None:
    assert WALL_LINE_PX * wall_growth(WALL_PLOT_PX) == WALL_LINE_PX
    assert WALL_LINE_PX * wall_growth(WALL_PLOT_PX / 2) == WALL_LINE_PX
    assert WALL_LINE_PX * wall_growth(WALL_PLOT_PX * 1.6) == pytest.approx(WALL_LINE_PX * 1.6)


def _wall_words(name: str, label_px: float | None) -> Words:
    case = load_case(SAMPLES / f"{name}.json")
    layout = timeline_layout(case, EventFilter(), projector=True)
    timeline_figure(case, ViewState(projector=True, wall="timeline"), layout=layout, label_px=label_px)
    (words,) = layout.words_cache.values()
    return words


def _wall_boxes(name: str, label_px: float | None) -> list[LabelBox]:
    return _wall_words(name, label_px).boxes


@pytest.mark.parametrize("label_px", [None, 1880], ids=["1280", "1920"])
@pytest.mark.parametrize("name", ["calamiteit_sem", "lisa_gesloten_jeugdzorg", "noor_jeugd_ggz"])
def test_every_wall_label_sits_near_its_mark(name: str, label_px: float | None) -> None:
    words = _wall_words(name, label_px)
    boxes, drift = words.boxes, WALL_DRIFT_PX * wall_growth(words.frame.width_px)
    assert len(boxes) >= (40 if label_px else 30)
    assert drift >= (1.5 * WALL_DRIFT_PX if label_px else WALL_DRIFT_PX)  # as far, for the room, on a wider wall
    far = [(box.lines, box.mark_px, leader_end(box)) for box in boxes if not near_enough(box, drift)]
    assert not far


@pytest.mark.parametrize("projector", [False, True], ids=["screen", "wall"])
def test_no_label_covers_the_years_under_the_axis(projector: bool) -> None:
    case = load_case(SAMPLES / "calamiteit_sem.json")
    layout = timeline_layout(case, EventFilter(), projector=projector)
    timeline_figure(case, ViewState(projector=projector, wall="timeline"), layout=layout)
    (words,) = layout.words_cache.values()
    scale = PlotScale(words.frame)
    years_bottom = scale.y(0.0) + YEAR_TICK_PX + type_scale(projector).base * 1.2
    lived = [box for box in words.boxes if box.mark_px[1] > scale.y(0.0)]
    assert lived
    assert all(box.top >= years_bottom - 0.01 for box in lived), [box.lines for box in lived
                                                                  if box.top < years_bottom - 0.01]


def test_a_wider_wall_reads_more_titles_in_full() -> None:
    narrow, wide = _wall_boxes("calamiteit_sem", None), _wall_boxes("calamiteit_sem", 1880)
    def whole(boxes: list[LabelBox]) -> int:
        return sum(not box.lines[-1].endswith("…") for box in boxes)
    assert len(wide) > len(narrow)
    assert whole(wide) > whole(narrow)
