"""The timeline on the wall (projector mode), read from the back of the room: what it leaves out (range slider,
legend rows of symbols, lines for every key moment), its label rows, labels of whole words, and leader lines that
never run through a label with a leader line of its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from layouts.texts import has_text, text
from layouts.timeline.event_labels import DAY_MS, key_moments
from layouts.timeline.figure import as_of_marks, timeline_figure
from layouts.timeline.labels import ELLIPSIS, LabelFrame, PlotScale, leader_end
from layouts.timeline.lanes import timeline_layout
from layouts.timeline.wall import wall_key_lines
from layouts.view_state import ViewState
from models import load_case
from models.event_filter import EventFilter
from models.vocabulary import EventType, label

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
SEM = load_case(SAMPLES / "calamiteit_sem.json")


def _wall(case, wall: str = "timeline"):
    layout = timeline_layout(case, EventFilter(), projector=True)
    fig = timeline_figure(case, ViewState(projector=True, wall=wall), layout=layout)
    (words,) = layout.words_cache.values()
    return fig, words, layout


def test_the_wall_has_no_window_and_a_legend_of_one_or_two_rows() -> None:
    fig, _, _ = _wall(SEM)
    screen = timeline_figure(SEM, ViewState())
    assert "window" in screen.layout.meta and "window" not in fig.layout.meta  # the screen's window slider only
    assert not screen.layout.xaxis.rangeslider.visible and not fig.layout.xaxis.rangeslider.visible
    assert not fig.layout.xaxis.showticklabels  # the years are on the axis line, once
    legends = [fig.layout[name] for name in fig.layout if name.startswith("legend") and fig.layout[name] is not None]
    rows = {round(legend.y, 4) for legend in legends if legend.y is not None}
    assert 1 <= len(rows) <= 2
    names = {trace.name for trace in fig.data if trace.showlegend is not False and trace.name}
    # whose information it is stays (colour says it, no word does); the symbols of the event types go: the words
    # on the marks say what they are
    assert text("timeline_legend_from_family", "nl") in names
    shorts = {text(key, "nl") for t in EventType if has_text(key := f"timeline_legend_short_{t.value}")}
    assert not names & ({label(t.value, "nl") for t in EventType} | shorts)


def test_the_wall_keeps_lines_for_the_telling_key_moments_only() -> None:
    fig, _, layout = _wall(SEM)
    screen = timeline_figure(SEM, ViewState())
    moments = key_moments(SEM, list(layout.placed), "nl")

    def lines(figure) -> set[float]:
        return {shape.x0 for shape in figure.layout.shapes if shape.type == "line" and shape.yref == "paper"
                and shape.name != "timeline-as-of"}

    wall, full = lines(fig), lines(timeline_figure(SEM, ViewState(projector=True, wall="timeline")))
    assert wall < lines(screen) or len(wall) < len(lines(screen))
    assert wall == full  # the same figure twice
    kept = {moment.x for moment in wall_key_lines(moments)}
    assert kept <= wall
    death = next(item for item in layout.placed if item.event.title == "Sem overlijdt")
    court = [item.x for item in layout.placed if item.event.type == EventType.COURT_ORDER]
    starts = sorted(m.x for m in moments if m.rank == 3)
    assert death.x in kept and set(court) <= kept and {starts[0], starts[-1]} <= kept
    assert not {m.x for m in moments if m.rank == 4} & kept - set(court), "placements' ends keep no line"
    assert len(kept) <= len(moments) * 0.6
    words = [note for note in fig.layout.annotations if note.name == "timeline-key-moment"]
    assert [note.x for note in words] == [death.x]  # the labels name the rest


@pytest.mark.parametrize("name", ["calamiteit_sem", "lisa_gesloten_jeugdzorg", "noor_jeugd_ggz"])
def test_wall_labels_are_one_line_of_whole_words(name: str) -> None:
    case = load_case(SAMPLES / f"{name}.json")
    _, words, layout = _wall(case)
    for box in words.boxes:
        (line,) = box.lines
        title = layout.placed[box.index].event.title
        if line != title:
            head = line.removesuffix(ELLIPSIS).split()
            assert line.endswith(ELLIPSIS) and len(head) >= 2 and len(" ".join(head)) >= 12, (line, title)
            assert title.split()[: len(head)] == head


def test_leader_lines_never_run_through_a_label_with_a_leader_line() -> None:
    """Leader lines may pass under a label beside its mark (drawn over them), never under a label far from its
    mark: the reader would lose which mark it belongs to."""
    _, words, _ = _wall(SEM)
    far = [box for box in words.boxes if box.leader]
    assert len(far) >= 10
    for box in far:
        (mx, my), (ex, ey) = box.mark_px, leader_end(box)
        for t in np.linspace(0.0, 1.0, 200):
            x, y = mx + (ex - mx) * t, my + (ey - my) * t
            for other in far:
                if other is not box:
                    assert not (other.left < x < other.left + other.width and other.top < y < other.top + other.height)


def test_wall_leader_labels_sit_at_a_place_on_the_axes() -> None:
    """On a larger wall the marks spread out: labels far from their marks are anchored in data, not px, so
    that they spread out with them (and stay apart)."""
    fig, words, _ = _wall(SEM)
    scale = PlotScale(words.frame)
    notes = [note for note in fig.layout.annotations if note.name == "timeline-label" and note.showarrow]
    assert notes and all(note.axref == note.xref and note.ayref == note.yref for note in notes)
    centres = {(round(scale.x(note.ax / DAY_MS)), round(scale.y(note.ay))) for note in notes}
    boxes = {(round(box.centre[0]), round(box.centre[1])) for box in words.boxes if box.leader}
    assert centres == boxes
    # drawn after them, labels beside their marks cover a leader line passing under them
    order = [bool(note.showarrow) for note in fig.layout.annotations if note.name == "timeline-label"]
    assert order == sorted(order, reverse=True)


def test_plot_scale_days_and_rows_are_the_inverse_of_px() -> None:
    frame = LabelFrame(width_px=800, height_px=300, x_range=(0, 1000), y_range=(-4, 6), font_px=14,
                       breaks=((100, 400), (600, 700)))
    scale = PlotScale(frame)
    for day in (0, 50, 99, 401, 450, 599, 701, 1000):  # (a break's ends share a px)
        assert scale.days(scale.x(day)) == pytest.approx(day)
    for row in (-4, 0, 2.5, 6):
        assert scale.rows(scale.y(row)) == pytest.approx(row)


def test_beside_the_network_the_wall_fits_labels_for_half_the_width() -> None:
    _, half, _ = _wall(SEM, "both")
    _, full, _ = _wall(SEM, "timeline")
    assert half.frame.width_px < full.frame.width_px * 0.6
    assert 0 < len(half.boxes) < len(full.boxes)


def test_the_date_lines_note_stands_left_of_the_line_on_the_wall_and_on_screen() -> None:
    """The date line is mostly near the right end (the child's death, the last day): centred, its note ran off
    the wall, and off the screen's full-width timeline at 1280 px; the patch that moves it keeps it so."""
    for projector in (True, False):
        _, note = as_of_marks(dt.date(2022, 6, 11), "nl", projector)
        assert note["xanchor"] == "right" and "11 juni 2022" in note["text"]


@pytest.mark.parametrize("name", ["calamiteit_sem", "lisa_gesloten_jeugdzorg", "noor_jeugd_ggz"])
def test_the_smallest_wall_labels_forty_events(name: str) -> None:
    """On the smallest wall (the timeline across 1280 × 720) every bundled case of 40 events or more labels at
    least 40 (issue 15), the weighty ones first (the browser's count: tests/browser/test_wall_labels.py)."""
    _, words, _ = _wall(load_case(SAMPLES / f"{name}.json"))
    assert len(words.boxes) >= 40


def test_the_wall_says_its_time_axis_gives_busy_years_more_room() -> None:
    """A room reads distance as time (how long a wait was): on the focus + context axis the wall says so, beside
    its legends; a linear axis (a workshop keeps one) says nothing."""
    def notes(state: ViewState) -> list[str]:
        return [a.text for a in timeline_figure(SEM, state).layout.annotations if a.name == "timeline-axis-note"]
    assert notes(ViewState(projector=True, wall="timeline")) == [f"<i>{text('timeline_axis_focus', 'nl')}</i>"]
    assert notes(ViewState(projector=True, wall="timeline", lang="en")) == ["<i>time axis: busy years drawn wider</i>"]
    assert notes(ViewState(projector=True, wall="timeline", workshop=True)) == []
    assert notes(ViewState()) == []  # the screen's axis is linear


def test_the_walls_dashed_lines_have_a_key_naming_what_they_mark() -> None:
    """The wall writes no word on a court order's or placement's line (the labels name those events): a key in
    the legends says what the dashed lines are, beside the annotations' key, the axis note still in its row."""
    fig, _, _ = _wall(SEM)
    keys = [trace for trace in fig.data if trace.name == "uitspraak, 1e en laatste plaatsing"]
    assert len(keys) == 1 and keys[0].mode == "lines" and keys[0].line.dash
    legend = fig.layout[keys[0].legend]
    assert "Kernmomenten" in legend.title.text
    assert [a for a in fig.layout.annotations if a.name == "timeline-axis-note"]
    english = timeline_figure(SEM, ViewState(projector=True, wall="timeline", lang="en"))
    assert any(trace.name == "court order, 1st and last placement" for trace in english.data)
    # without court orders or placements no key; the screen writes the words on its lines and has no key
    quiet = SEM.model_copy(update={"events": [e for e in SEM.events if e.type not in (
        EventType.COURT_ORDER, EventType.PLACEMENT) and e.placement is None and not e.key_moment]})
    assert not [trace for trace in _wall(quiet)[0].data if trace.legend and "plaatsing" in (trace.name or "")]
    assert not any(trace.name == keys[0].name for trace in timeline_figure(SEM, ViewState()).data)
