"""The titles of the events participants add, over the wall's timeline: placed by the timeline's own label
placement, they overlap neither each other nor the labels and marks the timeline drew (text boxes computed from
the traces the wall receives, as the browser draws them: from the edge nearest their mark, in their font)."""

from __future__ import annotations

import html
import itertools
from pathlib import Path

import pytest

from layouts.timeline.figure import timeline_figure, timeline_layout
from layouts.timeline.labels import PlotScale, text_width
from layouts.timeline.workshop_labels import DAY_MS, DrawnWords, default_frame, drawn_words
from layouts.timeline.workshop_overlay import TITLE_NAME, OverlayEvent, overlay_traces
from layouts.view_state import ViewState
from models import load_case

ROOT = Path(__file__).resolve().parent.parent
Box = tuple[float, float, float, float]


def crowd(layer: str, month: str, n: int) -> list[OverlayEvent]:
    """``n`` events added in one month on one side of the line, with long titles (the worst case)."""
    return [OverlayEvent(f"ws1-e{layer[0]}{month}-{i}", f"{month}-{1 + i % 27:02d}", layer,
                         f"Gesprek {i} met de mentor over het verzuim en de thuissituatie", f"P{i}",
                         ("school", "ouder", "jeugdbeschermer")[i % 3]) for i in range(n)]


def title_boxes(traces: list[dict], drawn: DrawnWords) -> list[tuple[str, Box]]:
    """(event id, px box) of every title drawn, from the traces' data: centred on (x, y), one line each."""
    scale, font = PlotScale(drawn.frame), drawn.frame.font_px
    out = []
    for trace in traces:
        if trace["name"] != TITLE_NAME:
            continue
        for ident, x, y, words, position in zip(trace["meta"]["ids"], trace["x"], trace["y"], trace["text"],
                                                trace["textposition"], strict=True):
            assert "<br>" not in words
            px, cy = scale.x(x / DAY_MS), scale.y(y)
            width, half_h = text_width(html.unescape(words), font), drawn.frame.line_height / 2
            left = {"middle right": px, "middle left": px - width, "middle center": px - width / 2}[position]
            out.append((ident, (left, cy - half_h, left + width, cy + half_h)))
    return out


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("projector", [False, True])
def test_added_titles_keep_clear_of_each_other_and_of_the_drawn_labels(projector: bool) -> None:
    case = load_case(ROOT / "sample_cases" / "werkplaats_daan.json")
    # as the app draws it while a workshop runs: a row kept free beside the axis, the axis linear
    layout = timeline_layout(case, projector=projector, workshop=True)
    timeline_figure(case, ViewState(projector=projector, workshop=True), layout=layout)  # its labels
    drawn = drawn_words(layout, projector)
    words = next(iter(layout.words_cache.values()))
    assert words.boxes, "the timeline drew labels"
    events = crowd("formal", "2021-03", 6) + crowd("lived", "2021-03", 6) + crowd("lived", "2022-06", 3)
    traces = overlay_traces(events, {"school": "#D55E00", "ouder": "#0072B2", "jeugdbeschermer": "#009E73"},
                            projector, drawn=drawn)
    boxes = title_boxes(traces, drawn)
    assert len(boxes) >= 4  # as many as there is room for; the rest keep their mark and hover
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not overlaps(box_a, box_b), (a, b)
    labels = [(b.left, b.top, b.left + b.width, b.top + b.height) for b in words.boxes]
    for ident, box in boxes:
        assert not any(overlaps(box, label) for label in labels), ident
        assert box[0] >= 0 and box[2] <= drawn.frame.width_px  # within the plot
    # each title sits on its own side of the line, beside its mark or joined to it by a leader line
    scale = PlotScale(drawn.frame)
    axis = scale.y(0)
    for trace in traces:
        if trace["name"] == TITLE_NAME:
            formal = trace["yaxis"] == "y2"
            assert all((scale.y(y) < axis) == formal for y in trace["y"])


def test_titles_of_events_apart_in_time_are_all_drawn() -> None:
    case = load_case(ROOT / "sample_cases" / "werkplaats_daan.json")
    layout = timeline_layout(case)
    timeline_figure(case, ViewState(), layout=layout)
    drawn = drawn_words(layout, False)
    events = [*crowd("formal", "2019-01", 1), *crowd("lived", "2020-06", 1), *crowd("formal", "2022-01", 1),
              *crowd("lived", "2023-03", 1)]
    events = [OverlayEvent(f"{e.id}-{n}", e.date, e.layer, e.title, e.name, e.perspective)
              for n, e in enumerate(events)]
    boxes = title_boxes(overlay_traces(events, {}, False, drawn=drawn), drawn)
    assert sorted(ident for ident, _ in boxes) == sorted(e.id for e in events)


def test_without_the_timeline_s_labels_the_titles_still_keep_apart() -> None:
    events = crowd("lived", "2021-03", 5)
    traces = overlay_traces(events, {}, False)
    marks = [t for t in traces if t["name"] == "workshop-overlay"]
    assert sum(len(t["customdata"]) for t in marks) == 5  # every event keeps its mark
    drawn = DrawnWords(default_frame([m for t in marks for m in t["x"]], False))
    boxes = title_boxes(traces, drawn)
    assert len(boxes) >= 3
    for (_, box_a), (_, box_b) in itertools.combinations(boxes, 2):
        assert not overlaps(box_a, box_b)
