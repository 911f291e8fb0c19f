"""Labels on the timeline's marks, placed without a browser (layouts.timeline.labels): no two labels
overlap, none covers a mark, the important events keep theirs, titles wrap at words and end in "…" only
when they cannot fit."""

from __future__ import annotations

import dataclasses
import itertools
import random

import numpy as np
import pytest

from layouts.timeline.labels import (
    ELLIPSIS,
    LabelBox,
    LabelFrame,
    LabelMark,
    PlotScale,
    leader_end,
    place_labels,
    text_width,
    wrap_title,
)

WORDS = ("Besluit", "tot", "plaatsing", "in", "pleeggezin", "Moeder:", "'Ik", "wist", "het", "niet'", "OTS",
         "verlengd", "zitting", "kinderrechter", "melding", "Veilig", "Thuis", "gesprek", "school", "zorgen")


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 7)))


def _mark_box(mark: LabelMark, scale: PlotScale) -> tuple[float, float, float, float]:
    """The mark's symbol, and a period's bar up to its end."""
    x, y, r = scale.x(mark.x), scale.y(mark.y), mark.size_px / 2
    return x - r, y - r, max(scale.x(mark.x_end) if mark.x_end is not None else x, x + r), y + r


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _box(box: LabelBox) -> tuple[float, float, float, float]:
    return box.left, box.top, box.left + box.width, box.top + box.height


def _segments_cross(p: tuple[float, ...], q: tuple[float, ...]) -> bool:
    def side(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
        return np.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax))
    return (side(*p, q[0], q[1]) * side(*p, q[2], q[3]) < 0) and (side(*q, p[0], p[1]) * side(*q, p[2], p[3]) < 0)


def _random_marks(n: int, seed: int, days: float = 3650) -> list[LabelMark]:
    rng = random.Random(seed)
    marks = []
    for _ in range(n):
        x = rng.uniform(0, days)
        span = rng.random() < 0.2
        marks.append(LabelMark(x=x, y=rng.choice((1.5, 2.5, 3.5, -2.5, -3.5, -4.5)), title=_title(rng),
                               priority=rng.randint(0, 4), x_end=x + rng.uniform(30, 400) if span else None,
                               size_px=rng.choice((11, 19))))
    return marks


FRAME = LabelFrame(width_px=1300, height_px=420, x_range=(-30, 3700), y_range=(-5, 4), font_px=13,
                   regions=((1.0, 4.0), (-5.0, -1.5)))


@pytest.mark.parametrize("seed", range(6))
def test_no_label_overlaps_another_label_or_any_mark(seed: int) -> None:
    marks = _random_marks(120, seed)
    boxes = place_labels(marks, FRAME)
    assert len(boxes) >= 30
    scale = PlotScale(FRAME)
    mark_boxes = [_mark_box(mark, scale) for mark in marks]
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlap(_box(a), _box(b)), (a, b)
    for box in boxes:
        assert not any(_overlap(_box(box), other) for other in mark_boxes), box
        left, top, right, bottom = _box(box)
        assert left >= 0 and right <= FRAME.width_px
        half = (scale.y(4.0), scale.y(1.0)) if marks[box.index].y > 0 else (scale.y(-1.5), scale.y(-5.0))
        assert half[0] <= top and bottom <= half[1], "a label stays in its mark's half of the timeline"


@pytest.mark.parametrize("seed", range(3))
def test_leader_lines_cross_no_label(seed: int) -> None:
    marks = _random_marks(120, seed)
    boxes = place_labels(marks, FRAME)
    assert any(box.leader for box in boxes)
    for box in (b for b in boxes if b.leader):
        (mx, my), (ex, ey) = box.mark_px, leader_end(box)
        for other in boxes:
            if other is box:
                continue
            for t in np.linspace(0.05, 0.95, 40):
                point = (mx + (ex - mx) * t, my + (ey - my) * t)
                assert not (other.left < point[0] < other.left + other.width
                            and other.top < point[1] < other.top + other.height), (box, other)


@pytest.mark.parametrize("seed", range(4))
def test_fifty_events_over_ten_years_nearly_all_get_a_label(seed: int) -> None:
    """Fifty events over ten years in nine lanes of a 1300 × 560 px plot: at least 45 labelled (the goal is
    all 50; dense stretches can still leave a few without)."""
    rng = random.Random(seed)
    frame = LabelFrame(width_px=1300, height_px=560, x_range=(-30, 3700), y_range=(-6, 6), font_px=13,
                       regions=((1.0, 6.0), (-6.0, -1.5)))
    marks = [LabelMark(x=i * 73 + rng.uniform(0, 60), y=rng.choice((1.5, 2.5, 3.5, 4.5, 5.5, -2.5, -3.5, -4.5, -5.5)),
                       title=" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5))),
                       priority=rng.randint(0, 4)) for i in range(50)]
    assert len(place_labels(marks, frame)) >= 45


def test_when_space_runs_out_the_important_events_keep_their_labels() -> None:
    """Thirty marks on nearly one spot of a small plot: the decisions and deaths (priority 0–1) keep theirs."""
    rng = random.Random(3)
    marks = [LabelMark(x=500 + i * 0.5, y=1.5, title=f"Gebeurtenis {i}", priority=rng.choice((0, 1, 3, 4)))
             for i in range(30)]
    frame = LabelFrame(width_px=500, height_px=120, x_range=(0, 1000), y_range=(-1, 3), font_px=13,
                       regions=((0.5, 3.0),))
    boxes = place_labels(marks, frame)
    labelled = {box.index for box in boxes}
    assert 0 < len(labelled) < len(marks)
    kept = [marks[i].priority for i in labelled]
    lost = [mark.priority for i, mark in enumerate(marks) if i not in labelled]
    assert max(kept) <= min(lost) or sorted(kept)[: len(kept) // 2] <= sorted(lost)[: len(kept) // 2]
    important = [i for i, mark in enumerate(marks) if mark.priority <= 1]
    assert sum(i in labelled for i in important) >= min(len(important), len(labelled))


def test_titles_wrap_at_words_and_keep_every_word_when_they_fit() -> None:
    title = "Besluit tot uithuisplaatsing bij pleeggezin V. na de zitting"
    lines = wrap_title(title, 200, 13, 3)
    assert " ".join(lines) == title
    assert all(text_width(line, 13) <= 200 for line in lines)
    assert all(ELLIPSIS not in line for line in lines)
    assert len(lines) > 1


def test_an_ellipsis_only_when_the_title_cannot_fit() -> None:
    title = "Besluit tot uithuisplaatsing bij pleeggezin V. na de zitting"
    cut = wrap_title(title, 120, 13, 2)
    assert len(cut) == 2 and cut[-1].endswith(ELLIPSIS)
    assert title.startswith(" ".join(cut)[:-1].rstrip())
    assert all(text_width(line, 13) <= 120 for line in cut)
    assert wrap_title("Kort", 120, 13, 2) == ("Kort",)
    assert wrap_title("Onderzoeksrapportagebespreking", 80, 13, 2)[-1].endswith(ELLIPSIS)


def test_short_titles_are_written_whole_beside_their_mark() -> None:
    marks = [LabelMark(x=100, y=1.5, title="OTS verlengd"),
             LabelMark(x=600, y=-2.5, title="Moeder: 'Ik wil hem terug'")]
    boxes = place_labels(marks, FRAME)
    assert [" ".join(box.lines) for box in boxes] == [mark.title for mark in marks]
    assert all(box.side == "right" for box in boxes)


def test_width_estimate_follows_the_font() -> None:
    """Narrow letters take less room than wide ones, capitals more than lower case (DejaVu Sans)."""
    assert text_width("iiii", 13) < text_width("nnnn", 13) < text_width("MMMM", 13)
    assert text_width("abc", 26) == pytest.approx(2 * text_width("abc", 13))


@pytest.mark.parametrize("seed", range(3))
def test_refits_keep_the_fit_that_labels_the_most_important_marks_then_the_most(seed: int) -> None:
    """Other fits (a one-line box, finer rows for leader lines) never label fewer important marks than the frame's
    own fit, nor fewer marks when they label as many important ones; the labels still overlap nothing."""
    marks = _random_marks(120, seed)
    frame = LabelFrame(width_px=1300, height_px=420, x_range=(-30, 3700), y_range=(-5, 4), font_px=13,
                       regions=((1.0, 4.0), (-5.0, -1.5)), max_lines=1)
    refitted = dataclasses.replace(frame, refits=((13 * 1.2, 2.0), (13 * 1.2, 3.0), (13 * 1.2, 4.0)))

    def score(boxes: list[LabelBox]) -> tuple[int, int]:
        return sum(marks[box.index].priority <= 2 for box in boxes), len(boxes)

    once, best = place_labels(marks, frame), place_labels(marks, refitted)
    assert score(best) >= score(once)
    for a, b in itertools.combinations(best, 2):
        assert not _overlap(_box(a), _box(b)), (a, b)
