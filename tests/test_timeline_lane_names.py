"""Lane names on two lines where a name does not fit one and the lanes around it leave room."""

from __future__ import annotations

import itertools

import pytest

from layouts.style import PROJECTOR, SCREEN
from layouts.timeline.lane_names import LINE_EM, lanes_with_two_lines
from layouts.timeline.lanes import Lane
from layouts.timeline.style import geometry
from models import load_case
from models.vocabulary import Layer
from tests.test_timeline import SAMPLES_BY_NAME, draw, lane_labels


def test_a_branch_keeps_its_whole_name_on_two_lines_on_the_wall() -> None:
    fig = draw(load_case(SAMPLES_BY_NAME["calamiteit_sem"]), projector=True)
    texts = [note.text for note in lane_labels(fig, "y2")]
    assert "Jeugdbescherming<br>West" in texts and "Jeugdbescherming<br>Oost" in texts
    assert not any("…" in text for text in texts)


def test_a_qualifier_is_left_out_rather_than_wrapped() -> None:
    fig = draw(load_case(SAMPLES_BY_NAME["lisa_gesloten_jeugdzorg"]))
    texts = [note.text for note in lane_labels(fig, "y2")]
    assert "Jeugdhulp De Linde" in texts  # "(open groep)" stays in the tooltip, not on a second line


@pytest.mark.parametrize("projector", [False, True])
@pytest.mark.parametrize("name", sorted(SAMPLES_BY_NAME))
def test_lane_names_never_reach_into_each_other(name: str, projector: bool) -> None:
    fig = draw(load_case(SAMPLES_BY_NAME[name]), projector=projector)
    font = PROJECTOR.small if projector else SCREEN.base
    line_rows = LINE_EM * font / geometry(projector).row_px
    for yref in ("y", "y2"):
        spans = sorted((note.y - note.text.count("<br>") * line_rows / 2 - line_rows / 2,
                        note.y + note.text.count("<br>") * line_rows / 2 + line_rows / 2)
                       for note in lane_labels(fig, yref) if note.text)
        for (_, top), (bottom, _) in itertools.pairwise(spans):
            assert top <= bottom + 1e-9, (name, yref, spans)


def test_neighbours_do_not_both_take_two_lines_where_one_fits() -> None:
    lanes = [Lane(f"l{i}", "organisation", f"o{i}", Layer.FORMAL, 1, 10 - 1.45 * i, 11 - 1.45 * i) for i in range(3)]
    chosen = lanes_with_two_lines(lanes, {"l0", "l1", "l2"}, font_rows=18 / 25)
    assert chosen == {"l0", "l2"}
