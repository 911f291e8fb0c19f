"""Leader lines that cross, swapped apart (layouts.timeline.uncross): a swap is made only when both labels stay
clear of everything, and on the bundled cases it leaves fewer crossings on the wall than the placement alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import layouts.timeline.labels as labels_module
from layouts.timeline.figure import timeline_figure
from layouts.timeline.label_box import LabelBox
from layouts.timeline.lanes import timeline_layout
from layouts.timeline.uncross import crossings, uncross
from layouts.view_state import ViewState
from models import load_case
from models.event_filter import EventFilter

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"


def _label(index: int, mark: tuple[float, float], left: float, top: float) -> LabelBox:
    return LabelBox(index, ("Besluit",), left, top, 60.0, 14.0, mark, "leader")


def test_two_crossing_leader_lines_swap_places() -> None:
    # mark 0 at the left points to a label on the right, mark 1 at the right to one on the left: an X
    boxes = [_label(0, (100.0, 200.0), 300.0, 100.0), _label(1, (400.0, 200.0), 0.0, 100.0)]
    assert crossings(boxes) == [(0, 1)]
    swapped = uncross(boxes, obstacles=[], bands=[(0.0, 300.0)] * 2, width_px=600.0)
    assert crossings(swapped) == []
    assert (swapped[0].left, swapped[0].top) == (0.0, 100.0)
    assert (swapped[1].left, swapped[1].top) == (300.0, 100.0)
    assert [box.lines for box in swapped] == [box.lines for box in boxes]


def test_no_swap_onto_a_mark_or_out_of_its_half() -> None:
    boxes = [_label(0, (100.0, 200.0), 300.0, 100.0), _label(1, (400.0, 200.0), 0.0, 100.0)]
    on_a_mark = uncross(boxes, obstacles=[(10.0, 105.0, 20.0, 110.0)], bands=[(0.0, 300.0)] * 2, width_px=600.0)
    assert on_a_mark == boxes
    other_half = uncross(boxes, obstacles=[], bands=[(0.0, 300.0), (150.0, 300.0)], width_px=600.0)
    assert other_half == boxes


@pytest.mark.parametrize(("name", "fewer"), [("calamiteit_sem", True), ("lisa_gesloten_jeugdzorg", True),
                                             ("noor_jeugd_ggz", False)])  # Noor's placement leaves 4, none to swap
def test_the_wall_has_fewer_crossing_leader_lines(name: str, fewer: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    case = load_case(SAMPLES / f"{name}.json")

    def wall_boxes() -> list[LabelBox]:
        layout = timeline_layout(case, EventFilter(), projector=True)
        timeline_figure(case, ViewState(projector=True, wall="timeline"), layout=layout)
        (words,) = layout.words_cache.values()
        return words.boxes

    swapped = wall_boxes()
    monkeypatch.setattr(labels_module, "uncross", lambda boxes, *args, **kwargs: boxes)
    placed = wall_boxes()
    assert len(swapped) == len(placed)
    after, before = len(crossings(swapped)), len(crossings(placed))
    assert after < before if fewer else after <= before
    for n, box in enumerate(swapped):
        assert not any(box.overlaps(other) for other in swapped[n + 1:])
