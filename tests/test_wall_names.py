"""On the wall the family's names read in full (issue 16): the family rows are spaced for their names (label-aware
spacing), at projector type (>= 14 px, two lines allowed), and no two labels run into each other — for Sem and for
a generated 70-person calamity (tests/calamity_builder.py), in the frames a 1920×1080 and a 1280×720 wall have."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import math
import re
from pathlib import Path

import pytest
from calamity_builder import calamity_case

from app.navigation import card_width
from layouts.genogram.figure import draw_figure, genosociogram_figure, sociogram_layout
from layouts.genogram.layout import family_layout
from layouts.view_state import ViewState
from models import load_case
from models.vocabulary import PersonKind

SEM = Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json"
NETWORK_1080, BOTH_1080, NETWORK_720 = (1880, 900), (940, 900), (1240, 600)
Box = tuple[str, str, int, float, float, float, float]


def _plain(line: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", line))


def text_boxes(fig) -> list[Box]:
    """Estimated px boxes (text, position, size, x0, x1, y0, y1) of the drawing's labels: names below symbols,
    organisation names and counts (not the one- or two-character glyphs inside symbols)."""
    ppu = fig.layout.meta["px_per_unit"]
    boxes = []
    for trace in fig.data:
        if trace.mode != "text" or trace.xaxis not in (None, "x"):
            continue
        size = trace.textfont.size
        for x, y, label in zip(trace.x, trace.y, trace.text, strict=True):
            lines = [_plain(line) for line in label.split("<br>")]
            if len("".join(lines).strip()) <= 2:
                continue
            w = max(len(line) for line in lines) * size * (0.62 if "<b>" in label else 0.58)
            h = len(lines) * size * 1.2
            cx, cy = x * ppu, y * ppu
            top = cy if trace.textposition == "bottom center" else cy + h / 2
            boxes.append((label, trace.textposition, size, cx - w / 2, cx + w / 2, top - h, top))
    return boxes


def overlapping(boxes: list[Box]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap by more than 2 px both ways."""
    return [(a[0], b[0]) for a, b in itertools.combinations(boxes, 2)
            if min(a[4], b[4]) - max(a[3], b[3]) > 2 and min(a[6], b[6]) - max(a[5], b[5]) > 2]


def names(boxes: list[Box]) -> list[Box]:
    """The person names (below their symbols, not bold)."""
    return [b for b in boxes if b[1] == "bottom center" and "<b>" not in b[0]]


@pytest.mark.parametrize("frame", [NETWORK_1080, BOTH_1080, NETWORK_720, (800, 530), (845, 964)])
def test_sem_names_in_full_on_the_wall(frame: tuple[int, int]) -> None:
    case = load_case(SEM)
    fig = genosociogram_figure(case, ViewState(as_of=dt.date(2022, 6, 11), projector=True), frame=frame)
    boxes = text_boxes(fig)
    shown = names(boxes)
    assert len(shown) >= 15
    assert not [b[0] for b in shown if "…" in b[0]]  # every family and network name in full
    assert min(b[2] for b in shown) >= 14  # projector type
    assert not overlapping(boxes)


@pytest.mark.parametrize("frame", [NETWORK_1080, (845, 964), (1224, 532)])
def test_seventy_person_case_names_in_full_on_the_wall(frame: tuple[int, int]) -> None:
    """The 70-person case on a 1920×1080 wall, beside its timeline, and on a 1280×720 network wall (the frames the
    browser measures there): every family and network name in full at projector type, apart."""
    case = calamity_case()
    assert len(case.persons) >= 70
    assert sum(p.kind == PersonKind.PROFESSIONAL for p in case.persons) >= 40
    fig = genosociogram_figure(case, ViewState(projector=True), frame=frame)
    boxes = text_boxes(fig)
    shown = names(boxes)
    assert len(shown) == 30  # the family and the network: the professionals are folded into their boxes
    assert not [b[0] for b in shown if "…" in b[0]]
    assert min(b[2] for b in shown) >= 14
    assert not overlapping(boxes)
    if frame == NETWORK_1080:  # the family gets the most room: its names are larger than the boxes' type
        assert max(b[2] for b in shown) >= 16


def symbols_hit(fig, case) -> list[str]:
    """Text that runs into a family or network person's symbol: a name (or organisation name) over another
    person's symbol by more than 2 px both ways, or an age wider or taller than the symbol it is written in."""
    ppu = fig.layout.meta["px_per_unit"]
    kin = {p.id for p in case.persons if p.kind != PersonKind.PROFESSIONAL}
    marks = [(x * ppu, y * ppu) for p, (x, y) in fig.layout.meta["positions"].items() if p in kin]
    half = 0.4 * ppu  # a network symbol's half width (a family symbol's is 0.5 units)
    hits = [f"{b[0]} over a symbol" for b in text_boxes(fig) for x, y in marks
            if abs((b[3] + b[4]) / 2 - x) > 1e-3 and min(b[4], x + half) - max(b[3], x - half) > 2
            and min(b[6], y + half) - max(b[5], y - half) > 2]
    for trace in fig.data:
        if trace.mode != "text" or trace.xaxis not in (None, "x") or trace.textposition != "middle center":
            continue
        for x, y, value in zip(trace.x, trace.y, trace.text, strict=True):
            at = any(abs(x * ppu - mx) < 1 and abs(y * ppu - my) < 1 for mx, my in marks)
            if at and len(value) <= 3 and (len(value) * trace.textfont.size * 0.58 > 0.95 * ppu
                                           or trace.textfont.size > ppu):
                hits.append(f"age {value} wider than its symbol ({ppu:.0f} px)")
    return hits


def read_as_one(boxes: list[Box]) -> list[tuple[str, str]]:
    """Names side by side on one line with less than about a character (half an em) between them: they read as one."""
    shown = names(boxes)
    return [(a[0], b[0]) for a, b in itertools.combinations(shown, 2)
            if min(a[6], b[6]) - max(a[5], b[5]) > 2 and max(a[3], b[3]) - min(a[4], b[4]) < 0.5 * min(a[2], b[2])]


@pytest.mark.parametrize("frame", [BOTH_1080, NETWORK_720, (800, 530), (845, 964), (548, 604)])
def test_sem_text_clear_of_the_symbols_on_the_wall(frame: tuple[int, int]) -> None:
    """Sem on the wall: no name runs over another person's symbol, an age is written inside its symbol (smaller
    in a small symbol, or left to the hover), and no two names side by side read as one ("Moeder van vriend D."
    and "Vriend D." in the network's row)."""
    case = load_case(SEM)
    fig = genosociogram_figure(case, ViewState(as_of=dt.date(2022, 6, 11), projector=True), frame=frame)
    assert not symbols_hit(fig, case)
    assert not read_as_one(text_boxes(fig))


def test_family_rows_are_spaced_for_their_names() -> None:
    """Label-aware spacing: neighbours in a row are as far apart as their names need (and no closer than the
    notation's gaps without names)."""
    case = calamity_case()
    plain = family_layout(case)
    room = {p.id: 2.5 for p in case.persons if p.kind != PersonKind.PROFESSIONAL}
    spaced = family_layout(case, room)
    for row in spaced.rows.values():
        xs = sorted(spaced.positions[p][0] for p in row)
        assert all(b - a >= 5.0 - 1e-6 for a, b in itertools.pairwise(xs))
    def width(lay) -> float:
        return lay.bounds()[1] - lay.bounds()[0]

    assert width(spaced) > width(plain)
    assert {p: g for p, g in spaced.generation.items()} == plain.generation


def test_interleaved_sibships_keep_their_outer_children_near() -> None:
    """Birth order leaves the father's sister right of the mother and the mother's sister left of the father: the
    two sibships interleave. Their bars only reach under their parents, so the father's elder brother is not flung
    out to balance his sister across the couple (he was 20 units from his neighbour)."""
    lay = family_layout(calamity_case())
    row = sorted(lay.rows[lay.generation["vader"]], key=lambda p: lay.positions[p][0])
    xs = [lay.positions[p][0] for p in row]
    assert len(row) == 9
    assert max(b - a for a, b in itertools.pairwise(xs)) < 8.0
    for parents, kids in (({"opa-v", "oma-v"}, ("oom-v", "vader", "tante-v")),
                          ({"opa-m", "oma-m"}, ("tante-m", "moeder", "oom-m"))):
        anchor = sum(lay.positions[p][0] for p in parents) / 2
        bar = [lay.positions[k][0] for k in kids]
        assert min(bar) < anchor < max(bar)  # the bar still reaches under the parents


def test_network_above_the_family_beside_the_timeline() -> None:
    """Beside the timeline (a tall frame) the informal network goes in rows above the family, so that the family's
    rows take the frame's width."""
    case = calamity_case()
    fitted = sociogram_layout(case, None, (845, 964), projector=True)
    top = max(fitted.family.positions[p][1] for p in fitted.marks if p in fitted.family.positions)
    network = [p.id for p in case.persons if p.kind == PersonKind.NETWORK]
    assert network and all(fitted.marks[p].y > top for p in network)


def test_sem_names_in_full_on_the_screen() -> None:
    """On the screen's card the family rows are spaced for their names too: every family and network name of Sem in
    full (professionals, in their boxes, may be cut)."""
    case = load_case(SEM)
    fig = genosociogram_figure(case, ViewState(as_of=dt.date(2022, 6, 11)))
    shown = names(text_boxes(fig))
    kin = {p.label for p in case.persons if p.kind != PersonKind.PROFESSIONAL}
    family = [b for b in shown if any(_plain(b[0].split("<br>")[0]) in label for label in kin)]
    assert len(family) >= 15
    assert not [b[0] for b in family if "…" in b[0].split("<span")[0]]
    assert not overlapping(text_boxes(fig))


def test_organisation_names_in_their_folded_boxes_on_a_full_hd_wall() -> None:
    """On a 1920×1080 wall Sem's folded boxes are sized for their names where that costs the drawing little: every
    name but one (a word of 19 letters) in full."""
    case = load_case(SEM)
    fig = genosociogram_figure(case, ViewState(as_of=dt.date(2022, 6, 11), projector=True), frame=(1864, 893))
    titles = [b[0] for b in text_boxes(fig) if "<b>" in b[0]]
    assert len(titles) >= 9
    assert len([t for t in titles if "…" in t]) <= 1


def test_a_row_too_wide_for_its_names_gets_them_staggered() -> None:
    """Staggered names: in the rows wider than the widest row would be staggered, every other name is drawn one
    name lower (never the index person's; the rows below move down as much), and neighbours need room for only one
    of their names."""
    case = calamity_case()
    room = {p.id: 2.5 for p in case.persons if p.kind != PersonKind.PROFESSIONAL}
    plain, staggered = family_layout(case, room), family_layout(case, room, stagger_drop=3.0)
    lowered = {staggered.generation[p] for p in staggered.label_drop}
    assert lowered and set(staggered.label_drop.values()) == {3.0}
    for g in lowered:
        row = sorted(staggered.rows[g], key=lambda p: staggered.positions[p][0])
        lowered_here = [p in staggered.label_drop for p in row]
        assert lowered_here in ([i % 2 == 1 for i in range(len(row))], [i % 2 == 0 for i in range(len(row))])
        assert case.index_person not in staggered.label_drop  # the index person's name keeps its place
        xs = [staggered.positions[p][0] for p in row]
        assert all(b - a >= 2.5 + 0.25 - 1e-6 for a, b in itertools.pairwise(xs))  # one name and half a margin
        assert all(c - a >= 5.5 - 1e-6 for a, c in zip(xs, xs[2:], strict=False))  # two names a level apart

    def width(lay) -> float:
        return lay.bounds()[1] - lay.bounds()[0]

    assert width(staggered) < width(plain)
    below = [p for p, g in staggered.generation.items() if g > min(lowered)]
    assert all(staggered.positions[p][1] < plain.positions[p][1] - 2.9 for p in below)  # moved down


@pytest.mark.parametrize("card", [818, 1250])
def test_the_screen_figure_is_drawn_for_its_card(card: int) -> None:
    """On the screen the figure is drawn for the card's measured width (a wider one shrunk into it would keep its
    type, and its labels would run into each other)."""
    assert card_width(False, {"wall": "screen", "width": card}) == card
    assert card_width(True, {"wall": "screen", "width": card}) is None
    assert card_width(False, {"wall": "both", "width": card}) is None
    fig = genosociogram_figure(calamity_case(), ViewState())
    assert fig.layout.width == 1120  # unmeasured: the default
    case = calamity_case()
    fitted, _ = draw_figure(case, sociogram_layout(case, card_width=card), ViewState())
    assert fitted.layout.width <= card
    assert not overlapping(text_boxes(fitted))
    # the 70-person case's names in full on the card of a 1920×1080 screen and of a 1280×720 one
    assert not [b[0] for b in names(text_boxes(fitted)) if "…" in b[0].split("<span")[0]]


def professional_lines_over_names(fig) -> list[str]:
    """The names (family and network, below their symbols) that a professional's line runs across: a line in the
    professionals' blue (a tie to a professional, or between organisations) through a name's box by more than 2 px."""
    ppu = fig.layout.meta["px_per_unit"]
    boxes = names(text_boxes(fig))
    crossed = set()
    for trace in fig.data:
        colour = str(trace.line.color) if trace.mode == "lines" and trace.line else ""
        if trace.xaxis not in (None, "x") or not ("0, 114, 178" in colour or colour.lower() == "#0072b2"):
            continue
        points = [None if x is None or y is None or math.isnan(x) or math.isnan(y) else (x * ppu, y * ppu)
                  for x, y in zip(trace.x, trace.y, strict=True)]  # gaps: None or NaN
        for a, b in itertools.pairwise(points):
            if a is None or b is None:
                continue
            steps = max(2, int(math.dist(a, b) / 2))
            for k in range(steps + 1):
                x, y = a[0] + (b[0] - a[0]) * k / steps, a[1] + (b[1] - a[1]) * k / steps
                crossed.update(box[0] for box in boxes if box[3] + 2 < x < box[4] - 2 and box[5] + 2 < y < box[6] - 2)
    return sorted(crossed)


@pytest.mark.parametrize("frame", [NETWORK_1080, (845, 964), (1224, 532), (548, 604)])
@pytest.mark.parametrize("which", ["sem", "big"])
def test_lines_to_professionals_cross_no_name(which: str, frame: tuple[int, int]) -> None:
    """A line from a family member to a professional's box below or right of the family goes down out of their own
    name to under the family's names (then along under them), and a line between two boxes goes by that corner: no
    professional's line runs across a family or network name (they did across the child's brothers and sisters)."""
    case, as_of = (load_case(SEM), dt.date(2022, 6, 11)) if which == "sem" else (calamity_case(), None)
    fig = genosociogram_figure(case, ViewState(as_of=as_of, projector=True), frame=frame)
    assert not professional_lines_over_names(fig)


@pytest.mark.parametrize(("name", "frame"), [("calamiteit_sem.json", (1224, 532)),
                                             ("lisa_gesloten_jeugdzorg.json", (1880, 900))])
def test_lines_around_the_family_cross_no_name(name: str, frame: tuple[int, int]) -> None:
    """Over the whole history: the mother's lines (a row above the child's) to the boxes on the right run under her
    own row's names (Sem's went across 'Vader', 'Partner vader (J.)', 'Oom R.'), and a line from the informal network
    on the left to a box on the right runs under the family (Lisa's went across 'Partner moeder (R.)')."""
    fig = genosociogram_figure(load_case(SEM.parent / name), ViewState(projector=True), frame=frame)
    assert not professional_lines_over_names(fig)
