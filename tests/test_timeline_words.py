"""Words on the drawn timeline: labels on the bundled cases (counts, no overlaps, also as kaleido draws them),
key moments (a line across both halves with a word on it), and case text shown exactly as typed."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

import plotly.graph_objects as go
import pytest

from layouts.timeline.event_labels import DAY_MS, Words, key_moments
from layouts.timeline.figure import timeline_figure
from layouts.timeline.hover import hover_of
from layouts.timeline.labels import PlotScale
from layouts.timeline.lanes import timeline_layout
from layouts.timeline.style import LABEL_FIGURE_PX
from layouts.view_state import ViewState
from models import load_case
from models.event_filter import EventFilter
from models.saving import case_document
from tests.case_builders import case_data

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
CASES = sorted(path.stem for path in SAMPLES.glob("*.json"))


def _words(case, projector: bool) -> tuple[go.Figure, Words]:
    layout = timeline_layout(case, EventFilter(), projector=projector)
    fig = timeline_figure(case, ViewState(projector=projector, wall="timeline"), layout=layout)
    (words,) = layout.words_cache.values()
    return fig, words


def _labels(fig: go.Figure) -> list:
    return [note for note in fig.layout.annotations if note.name == "timeline-label"]


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("projector", [False, True], ids=["screen", "wall"])
@pytest.mark.parametrize("name", CASES)
def test_sample_cases_are_labelled_without_overlaps(name: str, projector: bool) -> None:
    case = load_case(SAMPLES / f"{name}.json")
    fig, words = _words(case, projector)
    boxes = words.boxes
    assert len(_labels(fig)) == len(boxes)
    # At least 40 events labelled, or all of a smaller case, on screen (1920 × 1080). On the smallest wall showing
    # the timeline alone (1280 × 720: label rows above and below the lanes, see layouts/timeline/wall.py) at least
    # 30: there a label stays near its mark (WALL_DRIFT_PX) rather than reach a free place across the wall.
    assert len(boxes) >= min(len(case.events), 30 if projector else 40)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    scale = PlotScale(words.frame)
    layout = timeline_layout(case, EventFilter(), projector=projector)
    for item in layout.placed:
        x, y = scale.x(item.x / DAY_MS), scale.y(item.y)
        r = 5.0
        mark = (x - r, y - r, max(scale.x(item.x_end / DAY_MS) if item.is_span else x, x + r), y + r)  # bar: to its end
        for box in boxes:
            assert not _overlap((box.left, box.top, box.left + box.width, box.top + box.height), mark), \
                (item.event.title, box.lines)


def test_important_events_are_labelled_first() -> None:
    """On Sem's crowded timeline every court order, placement and death that could not be labelled is
    outnumbered by the labelled ones, and the child's death is labelled."""
    case = load_case(SAMPLES / "calamiteit_sem.json")
    _, words = _words(case, False)
    layout = timeline_layout(case, EventFilter())
    titles = {" ".join(box.lines).rstrip("…") for box in words.boxes}
    assert any(title.startswith("Sem overlijdt") for title in titles)
    important = [item for item in layout.placed if item.event.type.value in ("court_order", "placement", "decision")]
    labelled = {box.index for box in words.boxes}
    share_important = sum(i in labelled for i, item in enumerate(layout.placed) if item in important) / len(important)
    share_all = len(labelled) / len(layout.placed)
    assert share_important > share_all


def _svg_label_boxes(fig: go.Figure, width: int) -> list[tuple[float, float, float, float, str]]:
    """The label annotations' text boxes and texts as kaleido (Chromium) draws them."""
    from app.export import start_renderer

    start_renderer()
    svg = fig.to_image(format="svg", width=width, height=fig.layout.height).decode()
    names = [note.name for note in fig.layout.annotations]
    boxes = []
    for part in re.split(r'(?=<g class="annotation" data-index=")', svg)[1:]:
        index = int(re.match(r'<g class="annotation" data-index="(\d+)"', part).group(1))
        found = re.search(r'class="cursor-pointer" transform="translate\(([-\d.e]+),\s*([-\d.e]+)\)">'
                          r'<rect class="bg" x="[-\d.]+" y="[-\d.]+" width="([\d.]+)" height="([\d.]+)"', part)
        if names[index] == "timeline-label" and found:
            x, y, w, h = map(float, found.groups())
            text = " ".join(re.findall(r">([^<>]+)</t", part))
            boxes.append((x, y, x + w, y + h, text))
    return boxes


@pytest.mark.parametrize("projector", [False, True], ids=["screen", "wall"])
@pytest.mark.parametrize("name", ["calamiteit_sem", "lisa_gesloten_jeugdzorg"])
def test_drawn_labels_do_not_overlap_in_chromium(name: str, projector: bool) -> None:
    """Measured in the SVG Chromium draws (at the width the labels are fitted for): no two labels touch."""
    case = load_case(SAMPLES / f"{name}.json")
    fig = timeline_figure(case, ViewState(projector=projector, wall="timeline"))
    boxes = _svg_label_boxes(fig, LABEL_FIGURE_PX[projector])
    assert len(boxes) == len(_labels(fig))
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlap(a, b), (a[4], b[4])


# --- key moments ---------------------------------------------------------------------------------------------


def test_the_childs_death_is_a_line_across_the_timeline_with_a_word() -> None:
    case = load_case(SAMPLES / "calamiteit_sem.json")
    fig = timeline_figure(case, ViewState())
    death = next(event for event in case.events if event.title == "Sem overlijdt")
    x = timeline_layout(case, EventFilter()).position(death.id).x
    lines = [shape for shape in fig.layout.shapes if shape.type == "line" and shape.x0 == x and shape.x1 == x]
    line = max(lines, key=lambda shape: shape.line.width)
    assert line.yref == "paper" and (line.y0, line.y1) == (0, 1), "across both halves"
    assert line.line.width >= 2 and line.line.dash == "solid"
    words = [note for note in fig.layout.annotations if note.name == "timeline-key-moment" and note.x == x]
    assert words and "Sem" in words[0].text and "†" in words[0].text
    rings = [trace for trace in fig.data if trace.type == "scatter" and trace.marker.symbol == 100
             and x in list(trace.x)]
    assert rings, "the death's mark is ringed"


def test_court_orders_and_placements_are_key_moments() -> None:
    case = load_case(SAMPLES / "calamiteit_sem.json")
    layout = timeline_layout(case, EventFilter())
    moments = key_moments(case, list(layout.placed), "nl")
    xs = {moment.x for moment in moments}
    for item in layout.placed:
        if item.event.type.value == "court_order":
            assert item.x in xs
        if item.event.type.value == "placement" and item.is_span:
            assert item.x in xs or any(abs(item.x - x) < DAY_MS for x in xs)
            assert item.x_end in xs or any(abs(item.x_end - x) < DAY_MS for x in xs), "a placement's end too"
    fig = timeline_figure(case, ViewState(), layout=layout)
    lines = {shape.x0 for shape in fig.layout.shapes if shape.type == "line" and shape.yref == "paper"}
    assert xs <= lines


def test_an_event_the_case_marks_as_key_gets_a_ring_and_a_line() -> None:
    data = case_data()
    data["events"][2]["key_moment"] = True
    case_plain = load_case_from(case_data())
    case = load_case_from(data)
    assert case.events[2].key_moment and not case_plain.events[2].key_moment
    fig = timeline_figure(case, ViewState())
    x = timeline_layout(case, EventFilter()).position("e3").x
    assert any(shape.x0 == x and shape.yref == "paper" for shape in fig.layout.shapes)
    assert any(note.name == "timeline-key-moment" and note.x == x for note in fig.layout.annotations)
    plain = timeline_figure(case_plain, ViewState())
    assert not any(shape.x0 == x and shape.yref == "paper" for shape in plain.layout.shapes)


def test_key_moment_is_optional_and_not_written_when_unset() -> None:
    document = case_document(load_case_from(case_data()))
    assert all("key_moment" not in event for event in document["events"])
    data = case_data()
    data["events"][0]["key_moment"] = True
    assert case_document(load_case_from(data))["events"][0]["key_moment"] is True


def load_case_from(data: dict):
    from models import validate_case_data

    return validate_case_data(data)


# --- text drawn as typed ----------------------------------------------------------------------------------------

TYPED = 'Moeder: "Ik wil het niet" & \'nu\' <b>niet</b> &quot; <br> 3 < 4'
SHORT = '"nee" & \'nu\' <b>'  # short enough to be labelled whole, on one line


def test_case_text_is_drawn_as_typed_in_the_figure_json() -> None:
    data = case_data(title=TYPED)
    data["events"][2]["title"] = TYPED
    data["events"][1]["title"] = SHORT
    fig = timeline_figure(load_case_from(data), ViewState())
    label = next(note for note in _labels(fig) if "nee" in note.text)
    shown = _as_plotly_shows(label.text.replace("<br>", " "))
    assert shown == SHORT
    assert "&quot;" not in label.text.replace("&amp;quot;", "") and "&#x27;" not in label.text
    hover = next(text for trace in fig.data if trace.hovertemplate is not None
                 for text in (hover_of(trace, i) for i in range(len(trace.customdata))) if "Moeder" in text)
    assert TYPED in _as_plotly_shows(hover.replace("<b>", "").replace("</b>", "").split("<br>")[0] + "")
    assert _as_plotly_shows(fig.layout.title.text) == TYPED


def _as_plotly_shows(text: str) -> str:
    """What plotly.js shows for a string: known tags are markup, then &amp; &lt; &gt; (and numeric) decoded."""
    parts = re.split(r"(<[^<>]*>)", text)
    out = []
    for part in parts:
        if re.fullmatch(r"</?(b|i|br|sup|sub|span|em|a|s|u)( [^>]*)?/?>", part, flags=re.I):
            continue
        out.append(re.sub(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);", _entity, part))
    return "".join(out)


def _entity(match: re.Match) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return {"amp": "&", "lt": "<", "gt": ">", "nbsp": "\xa0"}.get(name, match.group(0))


def test_case_text_is_drawn_as_typed_by_chromium() -> None:
    """The SVG Chromium draws holds the title as typed (no entity, no markup taken from the case)."""
    from app.export import start_renderer

    start_renderer()
    data = case_data(title=TYPED)
    data["events"][2]["title"] = TYPED
    data["events"][1]["title"] = SHORT
    fig = timeline_figure(load_case_from(data), ViewState())
    svg = fig.to_image(format="svg", width=LABEL_FIGURE_PX[False], height=fig.layout.height).decode()
    shown = [html.unescape(re.sub(r"<[^>]+>", "", part)) for part in re.findall(r"<text[^>]*>.*?</text>", svg)]
    assert TYPED in shown, [text for text in shown if "Moeder" in text]
    assert SHORT in shown or not SHORT, [text for text in shown if "nee" in text]


@pytest.mark.parametrize("name", CASES)
def test_beside_the_network_the_wall_labels_fewer_and_none_overlap(name: str) -> None:
    """On the "Beide" wall the timeline has about half the width: labels are fitted for that, not for a full wall."""
    case = load_case(SAMPLES / f"{name}.json")
    layout = timeline_layout(case, EventFilter(), projector=True)
    timeline_figure(case, ViewState(projector=True, wall="both"), layout=layout)
    (half,) = layout.words_cache.values()
    _, full = _words(case, True)
    assert half.frame.width_px < full.frame.width_px * 0.6
    assert len(half.boxes) <= len(full.boxes)
    for a, b in itertools.combinations(half.boxes, 2):
        assert not a.overlaps(b), (a, b)
