"""The geno-sociogram: layout invariants, notation, as-of views, inert text, legend, determinism, PNG export."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import itertools
import math
import random
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from layouts.genogram.context import FAMILY_SIZE
from layouts.genogram.figure import PROJECTOR_WIDTH, SCREEN_WIDTH, genosociogram_figure
from layouts.genogram.layout import ROW, anchor_x, family_layout, solve_row
from layouts.genogram.ring import COLLAPSED_H, COLLAPSED_W
from layouts.style import DIM_OPACITY
from layouts.view_state import Highlight, ViewState
from models import Case, load_case, validate_case_data
from models.network import generations
from models.vocabulary import ParentKind, RelationshipType
from tests.case_builders import case_data
from tests.synthetic import generate_case

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_cases").glob("*.json"))
LISA = ROOT / "sample_cases" / "lisa_gesloten_jeugdzorg.json"
NOOR = ROOT / "sample_cases" / "noor_jeugd_ggz.json"
SEM = ROOT / "sample_cases" / "calamiteit_sem.json"
HOSTILE = "<img src=x onerror=alert(1)>"


# --- generated families ------------------------------------------------------------------------------

def random_family(seed: int, n_generations: int) -> Case:
    """Founder couples, children, married-in partners, divorces with remarriages and half-siblings,
    now and then two cousins' families joined by a marriage."""
    rng = random.Random(seed)
    persons: list[dict[str, Any]] = []
    rels: list[dict[str, Any]] = []
    counter = itertools.count()

    def person(gender: str, year: int, label: str) -> str:
        pid = f"p{next(counter)}"
        entry: dict[str, Any] = {"id": pid, "label": label, "kind": "family", "gender": gender, "birth": str(year)}
        if year < 1950 and rng.random() < 0.4:
            entry["death"] = str(year + rng.randint(50, 70))
        persons.append(entry)
        return pid

    def rel(kind: str, a: str, b: str, **extra: Any) -> None:
        rels.append({"id": f"r{len(rels)}", "type": kind, "source": a, "target": b, **extra})

    year = 1930
    couples = [(person("male", year, "Opa"), person("female", year + 2, "Oma")) for _ in range(2)]
    for a, b in couples:
        rel("partner", a, b, married=str(year + 22), status="married")
    last: list[str] = []
    for g in range(1, n_generations):
        year += 28
        children: list[str] = []
        next_couples: list[tuple[str, str]] = []
        for a, b in couples:
            kids = [person(rng.choice(["male", "female"]), year + k * 2, f"Kind g{g}")
                    for k in range(rng.randint(1, 3))]
            for kid in kids:
                rel("parent", a, kid)
                rel("parent", b, kid)
            children.extend(kids)
            if rng.random() < 0.4:  # divorce, then a new partner of b with a half-sibling
                for r in rels:
                    if r["type"] == "partner" and {r["source"], r["target"]} == {a, b}:
                        r.update(divorced=str(year + 8), status="divorced")
                new = person("male" if persons[int(b[1:])]["gender"] == "female" else "female", year - 26,
                             "Nieuwe partner")
                rel("partner", b, new, start=str(year + 10), status="cohabiting")
                half = person(rng.choice(["male", "female"]), year + 12, f"Halfbroer/zus g{g}")
                rel("parent", b, half)
                rel("parent", new, half)
                children.append(half)
        if g == n_generations - 1:
            last = children
            break
        rng.shuffle(children)
        used: set[str] = set()
        if len(children) >= 4 and rng.random() < 0.5:  # two families joined
            x, y = children[0], children[-1]
            rel("partner", x, y, married=str(year + 25))
            used |= {x, y}
            next_couples.append((x, y))
        for kid in children:
            if kid in used or rng.random() < 0.2:
                continue
            gender = persons[int(kid[1:])]["gender"]
            spouse = person("female" if gender == "male" else "male", year + 1, "Aangetrouwd")
            rel("partner", kid, spouse, married=str(year + 24), status="married")
            next_couples.append((kid, spouse))
        couples = next_couples or couples
    index = last[0]
    data = case_data(persons=persons, relationships=rels, index_person=index, events=[], annotations=[],
                     households=[], organisations=[], sources=[])
    return validate_case_data(data)


GENERATED = [random_family(seed, n) for seed in range(6) for n in (3, 4)]


def all_cases() -> Iterator[tuple[str, Case]]:
    for path in SAMPLES:
        yield path.stem, load_case(path)
    for k, case in enumerate(GENERATED):
        yield f"generated-{k}", case
    yield "synthetic-4", generate_case(n_events=40, n_persons=120, seed=3, n_generations=4)


CASES = list(all_cases())
IDS = [name for name, _ in CASES]


# --- helpers ------------------------------------------------------------------------------------------

def customdata(fig: go.Figure) -> list[str]:
    out: list[str] = []
    for trace in fig.data:
        if trace.customdata is not None:
            out.extend(str(v) for v in trace.customdata)
    return out


def strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from strings(value)
    elif isinstance(obj, list | tuple):
        for value in obj:
            yield from strings(value)
    elif hasattr(obj, "tolist"):
        yield from strings(obj.tolist())


def legend_texts(fig: go.Figure) -> list[str]:
    return [t for trace in fig.data if trace.xaxis == "x2" and trace.mode == "text" for t in trace.text]


def crossings(case: Case) -> int:
    fam = family_layout(case)
    pos = fam.positions
    total = 0
    for g in sorted(fam.rows):
        edges = []
        for sib in fam.sibships:
            for child in sib.primary:
                if fam.generation[child] == g:
                    anchor = anchor_x([pos[p][0] for p in sib.parents])
                    edges.append((anchor, pos[child][0]))
        for (a1, c1), (a2, c2) in itertools.combinations(edges, 2):
            if (a1 - a2) * (c1 - c2) < -1e-9:
                total += 1
    return total


# --- layout invariants ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "case"), CASES, ids=IDS)
def test_family_layout_invariants(name: str, case: Case) -> None:
    fam = family_layout(case)
    pos = fam.positions
    assert set(pos) == set(generations(case))
    for rel in case.relationships:
        if rel.source not in pos or rel.target not in pos:
            continue
        if rel.type == RelationshipType.PARENT and rel.effective_parent_kind != ParentKind.STEP:
            assert pos[rel.source][1] - pos[rel.target][1] == pytest.approx(ROW), (name, rel.id)
        if rel.type == RelationshipType.PARTNER:
            assert pos[rel.source][1] == pytest.approx(pos[rel.target][1]), (name, rel.id)
    for a, b in itertools.combinations(pos, 2):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        assert abs(xa - xb) >= 3.0 or abs(ya - yb) >= ROW - 1e-9, (name, a, b)


@pytest.mark.parametrize(("name", "case"), CASES, ids=IDS)
def test_figure_draws_every_shown_person_once_without_overlap(name: str, case: Case) -> None:
    fig = genosociogram_figure(case, ViewState(), collapse_organisations=False)
    ids = Counter(customdata(fig))
    persons = {p.id for p in case.persons}
    drawn = {k for k in ids if k in persons}
    assert drawn == persons
    assert all(ids[p] == 1 for p in persons)
    boxes = []
    positions = fig.layout.meta["positions"]
    family = set(generations(case))
    for key, (x, y) in positions.items():
        half = 0.5 if key in family else (COLLAPSED_W / 2 - 0.2 if key.startswith("org:") else 0.4)
        half_h = COLLAPSED_H / 2 - 0.2 if key.startswith("org:") else half
        boxes.append((key, x - half, x + half, y - half_h, y + half_h))
    for (ka, ax0, ax1, ay0, ay1), (kb, bx0, bx1, by0, by1) in itertools.combinations(boxes, 2):
        overlap = ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1
        assert not overlap, (name, ka, kb)


@pytest.mark.parametrize(("name", "case"), [c for c in CASES if not c[0].startswith("synthetic")],
                         ids=[n for n in IDS if not n.startswith("synthetic")])
def test_collapsed_organisations_do_not_overlap(name: str, case: Case) -> None:
    fig = genosociogram_figure(case, ViewState(), collapse_organisations=True)
    positions = fig.layout.meta["positions"]
    orgs = [(k, v) for k, v in positions.items() if k.startswith("org:")]
    for (ka, (xa, ya)), (kb, (xb, yb)) in itertools.combinations(orgs, 2):
        assert abs(xa - xb) >= COLLAPSED_W - 0.4 or abs(ya - yb) >= COLLAPSED_H - 0.4, (name, ka, kb)
    professionals = {p.id for p in case.persons if p.kind.value == "professional" and p.organisation}
    assert not professionals & set(customdata(fig))


def test_sample_cases_have_no_crossings() -> None:
    for path in SAMPLES:
        assert crossings(load_case(path)) == 0, path.name


def test_children_centred_under_parents() -> None:
    case = load_case(LISA)
    pos = family_layout(case).positions
    assert (pos["opa"][0] + pos["oma"][0]) / 2 == pytest.approx((pos["vader"][0] + pos["tante"][0]) / 2, abs=0.3)
    assert pos["lisa"][0] == pytest.approx((pos["vader"][0] + pos["moeder"][0]) / 2, abs=0.3)
    assert pos["halfzus"][0] == pytest.approx((pos["moeder"][0] + pos["stiefvader"][0]) / 2, abs=0.3)


def test_remarriage_keeps_half_siblings_under_their_own_couple() -> None:
    case = load_case(LISA)
    pos = family_layout(case).positions
    # moeder sits between her two partners; her daughters hang on either side
    xs = sorted(["vader", "moeder", "stiefvader"], key=lambda p: pos[p][0])
    assert xs[1] == "moeder"
    assert (pos["lisa"][0] - pos["halfzus"][0]) * (pos["vader"][0] - pos["stiefvader"][0]) > 0


def test_sibling_order_and_birth_order() -> None:
    case = load_case(LISA)
    pos = family_layout(case).positions
    assert pos["vader"][0] < pos["tante"][0]                        # LayoutHints.sibling_order
    swapped = case.model_copy(deep=True)
    swapped.layout.sibling_order = ["tante", "vader"]
    pos2 = family_layout(swapped).positions
    assert pos2["tante"][0] < pos2["vader"][0]
    for case in GENERATED:  # a sibling married into another family of the row: at the end next to the partner
        fam = family_layout(case)
        persons = case.person_map()
        unit = {c: sib for sib in fam.sibships for c in sib.primary}
        for sib in fam.sibships:
            kids = sorted(sib.primary, key=lambda c: fam.positions[c][0])
            partners = {k: [p for c in fam.couples for p, q in ((c.left, c.right), (c.right, c.left))
                            if q == k and unit.get(p) not in (None, sib)] for k in kids}
            joined = [k for k in kids if partners[k]]
            rest = [k for k in kids if not partners[k]]
            births = [persons[c].birth.sort_key() for c in rest]
            if len(set(fam.positions[c][1] for c in kids)) == 1:
                assert births == sorted(births) or len(rest) < 2 or _has_spouse_between(fam, rest)
                for k in joined if len(joined) == 1 else []:
                    sides = {fam.positions[p][0] > fam.positions[k][0] for p in partners[k]}
                    assert sides != {True} or k == kids[-1], (k, kids)
                    assert sides != {False} or k == kids[0], (k, kids)


def _has_spouse_between(fam: Any, kids: list[str]) -> bool:
    return any(c.left in kids and c.right in kids for c in fam.couples)


def test_pinned_position_is_kept() -> None:
    case = load_case(LISA).model_copy(deep=True)
    from models.case import Position

    case.layout.pinned = {"lisa": Position(x=10.0, y=0.0), "coach": Position(x=-30.0, y=4.0)}
    fig = genosociogram_figure(case, ViewState())
    assert fig.layout.meta["positions"]["lisa"] == [10.0, 0.0]
    assert fig.layout.meta["positions"]["coach"] == [-30.0, 4.0]


def test_solve_row_is_exact_least_squares_with_gaps() -> None:
    assert solve_row([0.0, 0.0], [1.0, 1.0], [2.0]) == pytest.approx([-1.0, 1.0])
    assert solve_row([0.0, 10.0], [1.0, 1.0], [2.0]) == pytest.approx([0.0, 10.0])
    # pooled: (3 * 5 - 1 - 2) / 5 = 2.4
    assert solve_row([5.0, 0.0, 0.0], [3.0, 1.0, 1.0], [1.0, 1.0]) == pytest.approx([2.4, 3.4, 4.4])


# --- notation ---------------------------------------------------------------------------------------------

def test_deceased_and_index_marked() -> None:
    case = load_case(LISA)
    fig = genosociogram_figure(case, ViewState())
    meta = fig.layout.meta
    assert meta["deceased"] == ["opa"] and meta["index"] == "lisa"
    assert {"deceased", "index"} <= set(meta["legend"])
    x, y = meta["positions"]["opa"]
    crosses = [t for t in fig.data if t.mode == "lines" and t.fill is None]
    near = [(a, b) for t in crosses for a, b in zip(t.x, t.y, strict=True)
            if a is not None and a == a and abs(a - (x - 0.56)) < 0.01 and abs(b - (y - 0.56)) < 0.01]
    assert near, "a cross over the deceased grandfather"


def test_notation_in_legend_for_lisa() -> None:
    legend = genosociogram_figure(load_case(LISA), ViewState()).layout.meta["legend"]
    for key in ("male", "female", "married", "cohabiting", "divorced", "child_biological", "step", "close",
                "conflict", "distant", "cut_off", "abuse", "tentative", "parental_authority", "contact_ban",
                "supervised_contact", "household", "network", "professional"):
        assert key in legend, key


def test_as_of_changes_who_is_shown_and_couples() -> None:
    case = load_case(LISA)
    early = genosociogram_figure(case, ViewState(as_of=dt.date(2010, 6, 1)))
    shown = set(customdata(early))
    assert "lisa" in shown and "halfzus" not in shown and "jb" not in shown
    assert "stiefvader" not in shown  # mother's partner from 2015-09 (born 1977): not in the family's picture yet
    assert "married" in early.layout.meta["legend"] and "divorced" not in early.layout.meta["legend"]
    assert "opa" not in early.layout.meta["deceased"] and "age" in early.layout.meta["legend"]
    later = genosociogram_figure(case, ViewState(as_of=dt.date(2022, 6, 1)))
    shown = set(customdata(later))
    assert {"halfzus", "jb", "groepsleider"} <= shown or {"halfzus", "jb"} <= shown
    assert "stiefvader" in shown
    assert "divorced" in later.layout.meta["legend"]
    assert later.layout.meta["deceased"] == ["opa"]
    assert "trajectbeg" not in shown  # involved from 2023


def test_family_positions_stay_put_when_the_date_moves() -> None:
    case = load_case(LISA)
    a = genosociogram_figure(case, ViewState(as_of=dt.date(2017, 1, 1))).layout.meta["positions"]
    b = genosociogram_figure(case, ViewState(as_of=dt.date(2023, 1, 1))).layout.meta["positions"]
    for pid in ("vader", "moeder", "lisa", "oma"):
        assert a[pid] == b[pid]


def test_hostile_strings_are_inert() -> None:
    data = case_data(title=HOSTILE, description=HOSTILE)
    data["persons"][0]["label"] = HOSTILE
    data["persons"][1]["role"] = HOSTILE
    data["persons"][1]["note"] = HOSTILE
    data["organisations"][0]["name"] = HOSTILE
    data["relationships"][3]["note"] = HOSTILE
    data["households"] = [{"id": "h", "label": HOSTILE, "members": [{"person": "kind"}]}]
    case = validate_case_data(data)
    for state, options in ((ViewState(), {}), (ViewState(), {"collapse_organisations": True}),
                           (ViewState(lang="en", projector=True), {})):
        fig = genosociogram_figure(case, state, **options)
        texts = list(strings(fig.to_plotly_json()))
        assert not any("<img" in t for t in texts)
        assert any("&lt;img src=x onerror=alert(1)&gt;" in t for t in texts)


def test_legend_lists_only_used_symbols() -> None:
    minimal = load_case(ROOT / "sample_cases" / "minimal.json")
    fig = genosociogram_figure(minimal, ViewState())
    assert fig.layout.meta["legend"] == ["other", "index"]
    texts = legend_texts(fig)
    assert "anders / onbekend" in texts and "man" not in texts and "overleden (met jaar)" not in texts
    no_death = validate_case_data(case_data())
    assert "deceased" not in genosociogram_figure(no_death, ViewState()).layout.meta["legend"]


def test_english_legend() -> None:
    fig = genosociogram_figure(load_case(LISA), ViewState(lang="en"))
    texts = legend_texts(fig)
    assert "<b>Legend</b>" in texts and "male" in texts and "divorced" in texts and "man" not in texts
    assert "whole history" in fig.layout.title.text
    nl = legend_texts(genosociogram_figure(load_case(LISA), ViewState()))
    assert "<b>Legenda</b>" in nl and "gescheiden" in nl


def test_projector_has_bigger_type_and_lines() -> None:
    case = load_case(LISA)
    screen, projector = genosociogram_figure(case, ViewState()), genosociogram_figure(case, ViewState(projector=True))

    def sizes(fig: go.Figure) -> tuple[float, float]:
        text = max(t.textfont.size for t in fig.data if t.mode == "text")
        line = max(t.line.width for t in fig.data if t.mode == "lines")
        return text, line

    assert sizes(projector)[0] > sizes(screen)[0] and sizes(projector)[1] > sizes(screen)[1]
    assert projector.layout.title.font.size > screen.layout.title.font.size
    # Drawn for the width it is shown at, so that the app need not shrink it (which would shrink the drawing,
    # not the type).
    assert projector.layout.width <= PROJECTOR_WIDTH


PROJECTOR_CASES = [(path.stem, as_of) for path in (LISA, NOOR, SEM)
                   for as_of in (None, dt.date(2010, 3, 3), dt.date(2025, 2, 14))]


def _labels_below(fig: go.Figure) -> Iterator[tuple[float, float, str, float, list[str]]]:
    """(x, y, label, font size, plain lines) of every text drawn below a symbol on the main axes."""
    for trace in fig.data:
        if trace.mode != "text" or trace.xaxis not in (None, "x") or trace.textposition != "bottom center":
            continue
        for x, y, label in zip(trace.x, trace.y, trace.text, strict=True):
            lines = [html.unescape(re.sub(r"<[^>]+>", "", line)) for line in label.split("<br>")]
            yield x, y, label, trace.textfont.size, lines


def _label_boxes(fig: go.Figure) -> list[tuple[str, float, float, float, float]]:
    """Estimated px boxes (x0, x1, y0, y1) of the person labels below the symbols (main axes)."""
    ppu = fig.layout.meta["px_per_unit"]
    boxes = []
    for x, y, label, size, lines in _labels_below(fig):
        if any(line.strip() == "" for line in lines) or "<b>" in label:
            continue  # organisation names (bold) sit in their boxes, checked separately
        w = max(len(line) for line in lines) * size * 0.6
        boxes.append((label, x * ppu - w / 2, x * ppu + w / 2, y * ppu - len(lines) * size * 1.2, y * ppu))
    return boxes


@pytest.mark.parametrize(("stem", "as_of"), PROJECTOR_CASES)
def test_projector_person_labels_do_not_overlap(stem: str, as_of: dt.date | None) -> None:
    case = load_case(ROOT / "sample_cases" / f"{stem}.json")
    fig = genosociogram_figure(case, ViewState(as_of=as_of, projector=True))
    assert fig.layout.width <= PROJECTOR_WIDTH
    boxes = _label_boxes(fig)
    assert len(boxes) >= 5
    for a, b in itertools.combinations(boxes, 2):
        overlap_x = min(a[2], b[2]) - max(a[1], b[1])
        overlap_y = min(a[4], b[4]) - max(a[3], b[3])
        assert overlap_x <= 2 or overlap_y <= 2, (a[0], b[0])


@pytest.mark.parametrize(("stem", "as_of"), PROJECTOR_CASES)
def test_projector_legend_fits_the_width(stem: str, as_of: dt.date | None) -> None:
    case = load_case(ROOT / "sample_cases" / f"{stem}.json")
    fig = genosociogram_figure(case, ViewState(as_of=as_of, projector=True))
    unit = fig.layout.meta["legend_unit_px"]
    lo, hi = fig.layout.xaxis2.range
    assert (hi - lo) * unit <= PROJECTOR_WIDTH
    for trace in fig.data:
        if trace.xaxis == "x2" and trace.mode == "text" and trace.textposition == "middle right":
            for x, words in zip(trace.x, trace.text, strict=True):
                right = x + len(re.sub(r"<[^>]+>", "", words)) * trace.textfont.size * 0.6 / unit
                assert right <= hi + 0.05, words
    assert "age" not in fig.layout.meta["legend"]  # fewer entries on the projector
    assert not any("(dubbele rand)" in t for t in legend_texts(fig))


SCREEN_CASES = [(path.stem, as_of) for path in SAMPLES
                for as_of in (None, dt.date(2010, 3, 3), dt.date(2023, 3, 15), dt.date(2025, 2, 14))]


def _overlaps(boxes: list[tuple[str, float, float, float, float]]) -> list[tuple[str, str]]:
    """Pairs of estimated label boxes that overlap by more than 2 px both ways."""
    return [(a[0], b[0]) for a, b in itertools.combinations(boxes, 2)
            if min(a[2], b[2]) - max(a[1], b[1]) > 2 and min(a[4], b[4]) - max(a[3], b[3]) > 2]


@pytest.mark.parametrize(("stem", "as_of"), SCREEN_CASES)
def test_screen_person_labels_do_not_overlap(stem: str, as_of: dt.date | None) -> None:
    """Drawn for the card's width (the app only shrinks a wider figure, and a shrunk drawing keeps its type
    size), and the names (about 0.6 em a character) never run into each other at that scale."""
    fig = genosociogram_figure(load_case(ROOT / "sample_cases" / f"{stem}.json"), ViewState(as_of=as_of))
    if not fig.layout.meta["legend"]:
        return  # nobody on that day: the empty figure
    assert fig.layout.width <= SCREEN_WIDTH
    boxes = _label_boxes(fig)
    assert boxes
    assert not _overlaps(boxes)


def test_synthetic_labels_do_not_overlap() -> None:
    case = generate_case(n_events=40, n_persons=120, seed=3, n_generations=4)
    for fig in (genosociogram_figure(case, ViewState()),
                genosociogram_figure(case, ViewState(), collapse_organisations=False)):
        assert fig.layout.width <= SCREEN_WIDTH
        assert not _overlaps(_label_boxes(fig))


def _legend_right_px(fig: go.Figure) -> float:
    """The estimated right edge (px from the figure's left) of the legend's widest words."""
    layout = fig.layout
    plot_w = layout.width - layout.margin.l - layout.margin.r
    (d0, d1), (r0, r1) = layout.xaxis2.domain, layout.xaxis2.range
    unit = (d1 - d0) * plot_w / (r1 - r0)
    assert unit == pytest.approx(layout.meta["legend_unit_px"], rel=0.01)
    right = 0.0
    for trace in fig.data:
        if trace.xaxis == "x2" and trace.mode == "text" and trace.textposition == "middle right":
            for x, words in zip(trace.x, trace.text, strict=True):
                longest = max(len(html.unescape(re.sub(r"<[^>]+>", "", line))) for line in words.split("<br>"))
                width = longest * trace.textfont.size * 0.6
                right = max(right, layout.margin.l + d0 * plot_w + (x - r0) * unit + width)
    return right


@pytest.mark.parametrize(("stem", "as_of"), SCREEN_CASES)
def test_screen_legend_fits_the_figure(stem: str, as_of: dt.date | None) -> None:
    for lang in ("nl", "en"):
        fig = genosociogram_figure(load_case(ROOT / "sample_cases" / f"{stem}.json"), ViewState(as_of=as_of, lang=lang))
        if not fig.layout.meta["legend"]:
            continue  # nobody on that day: the empty figure
        assert _legend_right_px(fig) <= fig.layout.width - fig.layout.margin.r + 1, lang
        assert "(dubbele rand)" in " ".join(legend_texts(fig)) or "index" not in fig.layout.meta["legend"] \
            or lang == "en"  # the screen legend keeps its explanations


@pytest.mark.parametrize("projector", [False, True])
@pytest.mark.parametrize(("stem", "as_of"), SCREEN_CASES)
def test_organisation_names_and_members_fit_their_box(stem: str, as_of: dt.date | None, projector: bool) -> None:
    fig = genosociogram_figure(load_case(ROOT / "sample_cases" / f"{stem}.json"),
                               ViewState(as_of=as_of, projector=projector), collapse_organisations=False)
    ppu = fig.layout.meta["px_per_unit"]
    boxes = fig.layout.meta.get("boxes", {})
    checked = 0
    for x, y, label, size, lines in _labels_below(fig):
        half = max(len(line) for line in lines) * size * 0.6 * (1.1 if "<b>" in label else 1.0) / 2
        inside = [b for b in boxes.values() if b[0] < x < b[1] and b[2] < y < b[3]]
        if not inside:
            continue
        x0, x1, y0, _ = inside[0]
        assert x0 * ppu - 2 <= x * ppu - half and x * ppu + half <= x1 * ppu + 2, (label, inside[0])
        assert y * ppu - len(lines) * size * 1.2 >= y0 * ppu - 2, label
        checked += 1
    assert checked >= len(boxes)


@pytest.mark.parametrize("projector", [False, True])
@pytest.mark.parametrize(("stem", "as_of"), PROJECTOR_CASES)
def test_relationship_hover_spots_keep_clear_of_persons(stem: str, as_of: dt.date | None, projector: bool) -> None:
    """A click near a person lands on the person: no relationship's hover spot lies within a person's click
    target, person targets come last (on top), and line spots carry no person id."""
    case = load_case(ROOT / "sample_cases" / f"{stem}.json")
    fig = genosociogram_figure(case, ViewState(as_of=as_of, projector=projector))
    ppu = fig.layout.meta["px_per_unit"]
    person_ids = {p.id for p in case.persons}
    marked = [t for t in fig.data if t.customdata is not None]
    people = marked[-1]
    assert set(people.customdata) <= person_ids and len(people.customdata) >= 5
    spots = [(x, y, c, s) for t in marked[:-1] for x, y, c, s in
             zip(t.x, t.y, t.customdata, t.marker.size, strict=True) if str(c).startswith("rel:")]
    assert spots
    assert not any(c in person_ids for t in marked[:-1] for c in t.customdata)
    pos = fig.layout.meta["positions"]
    near = 0
    for x, y, _, size in spots:
        for pid in people.customdata:
            px, py = pos[pid]
            if math.hypot(px - x, py - y) * ppu < size / 2 + 0.5 * FAMILY_SIZE * ppu:
                near += 1
    assert near <= len(spots) // 10  # legal badges sit by their holder; lines keep clear


def test_deterministic_and_independent_of_input_order() -> None:
    case = load_case(LISA)
    assert genosociogram_figure(case, ViewState()).to_json() == genosociogram_figure(case, ViewState()).to_json()
    shuffled = case.model_copy(deep=True)
    random.Random(4).shuffle(shuffled.persons)
    random.Random(5).shuffle(shuffled.relationships)
    random.Random(6).shuffle(shuffled.organisations)
    positions = genosociogram_figure(case, ViewState()).layout.meta["positions"]
    assert genosociogram_figure(shuffled, ViewState()).layout.meta["positions"] == positions


# --- highlighting and options -------------------------------------------------------------------------------

def dimmed_texts(fig: go.Figure) -> tuple[set[str], set[str]]:
    on, off = set(), set()
    for trace in fig.data:
        if trace.mode == "text" and trace.xaxis != "x2":
            (off if trace.opacity == DIM_OPACITY else on).update(trace.text)
    return on, off


def test_no_highlight_dims_nothing() -> None:
    fig = genosociogram_figure(load_case(LISA), ViewState())
    assert all(t.opacity in (None, 1.0) for t in fig.data)


def test_highlight_persons_and_events() -> None:
    case = load_case(LISA)
    on, off = dimmed_texts(genosociogram_figure(case, ViewState(), highlight=Highlight.of(persons=["oma"])))
    assert any(t.startswith("Oma V.") for t in on) and any(t.startswith("Tante M.") for t in off)
    event = next(e for e in case.events if "jb" in e.persons and "tante" not in e.persons)
    fig = genosociogram_figure(case, ViewState(as_of=event.start_day()), highlight=Highlight.of(events=[event.id]))
    on, off = dimmed_texts(fig)
    assert any(t.startswith("Tante M.") for t in off)
    assert any(t.startswith("Jeugdb") for t in on)  # the name fitted to its room ("Jeugdbescherm…")


def test_highlight_organisation() -> None:
    case = load_case(LISA)
    on, off = dimmed_texts(genosociogram_figure(case, ViewState(), highlight=Highlight.of(organisations=["org-horst"])))
    assert any("JeugdzorgPlus" in t for t in on) and any("Huisarts" in t for t in off)


def test_show_network_and_professionals_options() -> None:
    case = load_case(LISA)
    shown = set(customdata(genosociogram_figure(case, ViewState(), show_network=False, show_professionals=False)))
    assert "coach" not in shown and "jb" not in shown and "lisa" in shown
    assert not any(k.startswith("org:") for k in shown)


def test_many_professionals_collapse_by_organisation() -> None:
    path = ROOT / "sample_cases" / "calamiteit_sem.json"
    case = load_case(path) if path.exists() else generate_case(n_events=20, n_persons=90, seed=2)
    fig = genosociogram_figure(case, ViewState())
    data = customdata(fig)
    orgs = [k for k in data if k.startswith("org:")]
    assert len(orgs) == len(set(orgs)) >= 10
    assert len([p for p in case.persons if p.kind.value == "professional" and p.id in data]) < 5
    expanded = customdata(genosociogram_figure(case, ViewState(), collapse_organisations=False))
    assert all(p.id in expanded for p in case.persons if p.kind.value == "professional")


def test_organisation_marks_use_org_prefix() -> None:
    case = load_case(LISA)
    data = customdata(genosociogram_figure(case, ViewState()))
    assert "org:org-gi" in data
    assert any(k.startswith("rel:") for k in data)


def test_empty_case() -> None:
    data = case_data(persons=[], relationships=[], events=[], annotations=[], organisations=[])
    data["index_person"] = "niemand"
    case = Case.model_validate(data)
    fig = genosociogram_figure(case, ViewState())
    assert fig.layout.meta["legend"] == []


# --- PNG export ---------------------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium for kaleido")
def test_render_png(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("render_genosociogram", ROOT / "scripts" / "render_genosociogram.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = module.render(LISA, tmp_path)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 20_000


def test_collapse_chosen_organisations() -> None:
    case = load_case(LISA)
    data = customdata(genosociogram_figure(case, ViewState(), collapse_organisations=["org-gi"]))
    assert "org:org-gi" in data and "jb" not in data and "projectleider" not in data
    assert "behandelaar" in data and data.count("org:org-horst") == 1


def test_several_partners_and_kinds_of_parenthood() -> None:
    persons = [
        {"id": "x", "label": "Vader", "kind": "family", "gender": "male", "birth": "1970"},
        {"id": "a", "label": "Eerste vrouw", "kind": "family", "gender": "female", "birth": "1971"},
        {"id": "b", "label": "Tweede vrouw", "kind": "family", "gender": "female", "birth": "1975"},
        {"id": "c", "label": "Derde partner", "kind": "family", "gender": "other", "birth": "1980"},
        {"id": "k1", "label": "Kind 1", "kind": "family", "gender": "male", "birth": "1995"},
        {"id": "k2", "label": "Kind 2", "kind": "family", "gender": "female", "birth": "2003"},
        {"id": "k3", "label": "Kind 3", "kind": "family", "gender": "female", "birth": "2012"},
        {"id": "k4", "label": "Pleegkind", "kind": "family", "gender": "male", "birth": "2010"},
        {"id": "k5", "label": "Adoptiekind", "kind": "family", "gender": "female", "birth": "2014"},
    ]
    rels = [
        {"id": "p1", "type": "partner", "source": "x", "target": "a", "married": "1993", "divorced": "2000"},
        {"id": "p2", "type": "partner", "source": "x", "target": "b", "married": "2002", "separated": "2008"},
        {"id": "p3", "type": "partner", "source": "x", "target": "c", "start": "2010"},
        {"id": "c1", "type": "parent", "source": "x", "target": "k1"},
        {"id": "c2", "type": "parent", "source": "a", "target": "k1"},
        {"id": "c3", "type": "parent", "source": "x", "target": "k2"},
        {"id": "c4", "type": "parent", "source": "b", "target": "k2"},
        {"id": "c5", "type": "parent", "source": "x", "target": "k3"},
        {"id": "c6", "type": "parent", "source": "c", "target": "k3"},
        {"id": "c7", "type": "parent", "source": "x", "target": "k4", "parent_kind": "foster"},
        {"id": "c8", "type": "parent", "source": "c", "target": "k4", "parent_kind": "foster"},
        {"id": "c9", "type": "parent", "source": "c", "target": "k5", "parent_kind": "adoptive"},
    ]
    case = validate_case_data(case_data(persons=persons, relationships=rels, index_person="k3", events=[],
                                        annotations=[], households=[], organisations=[], sources=[]))
    fig = genosociogram_figure(case, ViewState())
    legend = fig.layout.meta["legend"]
    for key in ("married", "cohabiting", "separated", "divorced", "child_biological", "child_foster",
                "child_adoptive"):
        assert key in legend
    pos = fig.layout.meta["positions"]
    assert len({pos[p][1] for p in ("x", "a", "b", "c")}) == 1
    assert Counter(customdata(fig))["x"] == 1


# --- validity, speed and the app's click round trip -------------------------------------------------------------

@pytest.mark.parametrize(("name", "case"), [c for c in CASES if not c[0].startswith("generated")],
                         ids=[n for n in IDS if not n.startswith("generated")])
def test_figure_is_valid_plotly(name: str, case: Case) -> None:
    """The figure is built without plotly's validation (for speed): re-validated in full it must pass."""
    as_of = case.events_in_order()[len(case.events) // 2].start_day() if case.events else None
    for state, options in ((ViewState(), {}), (ViewState(projector=True, lang="en"), {}),
                           (ViewState(as_of=as_of), {"highlight": Highlight.of(persons=[case.index_person]),
                                                     "collapse_organisations": False})):
        go.Figure(genosociogram_figure(case, state, **options).to_dict())


def test_family_layout_is_reused_but_follows_edits() -> None:
    from layouts.genogram.figure import cached_family_layout, family_key

    case = load_case(LISA)
    first = cached_family_layout(case)
    assert cached_family_layout(case) is first
    assert cached_family_layout(case.model_copy(deep=True)) is first  # same content, same layout
    edited = case.model_copy(deep=True)
    edited.persons.append(edited.persons[0].model_copy(update={"id": "nieuw", "label": "Nieuw kind"}))
    edited.relationships.append(edited.relationships[0].model_copy(update={"id": "r-nieuw", "target": "nieuw"}))
    assert family_key(edited) != family_key(case)
    assert "nieuw" in cached_family_layout(edited).positions
    # a professional or an event does not move the family
    busy = case.model_copy(deep=True)
    busy.events = busy.events[:3]
    assert family_key(busy) == family_key(case)


# --- analysts' notes (annotations) -------------------------------------------------------------------------------

def _noted_case(**extra: Any) -> Case:
    data = case_data(annotations=[
        {"id": "a1", "target": {"persons": ["vader"]}, "tag": "<script>alert(1)</script>", "text": HOSTILE,
         "author": "<b>bold</b>"},
        {"id": "a2", "target": {"persons": ["vader", "jb"], "events": ["e1"]}, "tag": "parallel_pattern",
         "text": "Vader en de GI verwijten elkaar hetzelfde."},
        {"id": "a3", "target": {"events": ["e2"]}, "tag": "question", "text": "Alleen een gebeurtenis."},
    ], **extra)
    return validate_case_data(data)


def note_points(fig: go.Figure) -> list[tuple[float, float, str]]:
    """(x, y, hover) of the hover spots of notes: hover text and no customdata."""
    return [(x, y, hover) for trace in fig.data if trace.customdata is None and trace.hovertext is not None
            and trace.mode == "markers" for x, y, hover in zip(trace.x, trace.y, trace.hovertext, strict=True)]


def test_annotated_persons_get_a_mark() -> None:
    case = _noted_case()
    fig = genosociogram_figure(case, ViewState(), collapse_organisations=False)
    positions = fig.layout.meta["positions"]
    points = note_points(fig)
    assert len(points) == 2  # vader and jb; a3 is about an event only
    for pid in ("vader", "jb"):
        px, py = positions[pid]
        assert any(abs(x - px) < 1.2 and 0 < y - py < 1.2 for x, y, _ in points), pid
    vader = next(h for x, y, h in points if abs(x - positions["vader"][0]) < 1.2)
    assert "parallel" in vader and "Vader en de GI" in vader  # both notes on vader in one hover
    glyphs = [t for trace in fig.data if trace.mode == "text" and trace.xaxis != "x2" for t in trace.text if "✎" in t]
    assert len(glyphs) == 2  # one mark per person (the legend has its own, in its own axes)
    assert "annotation" in fig.layout.meta["legend"]
    assert Counter(customdata(fig))["vader"] == 1  # the person keeps exactly one mark with its id


def test_note_on_a_collapsed_professional_marks_the_organisation() -> None:
    fig = genosociogram_figure(_noted_case(), ViewState(), collapse_organisations=True)
    positions = fig.layout.meta["positions"]
    ox, oy = positions["org:gi"]
    points = note_points(fig)
    gi = [h for x, y, h in points if abs(x - ox) < 3 and abs(y - oy) < 2]
    assert gi and "Jeugdbeschermer" in gi[0]  # says whom in the box it is about


def test_annotation_marks_can_be_switched_off() -> None:
    case = _noted_case()
    off = genosociogram_figure(case, ViewState(), show_annotations=False)
    assert not note_points(off)
    assert "annotation" not in off.layout.meta["legend"]
    assert not [t for trace in off.data if trace.mode == "text" for t in trace.text if "✎" in t]
    assert sorted(customdata(off)) == sorted(customdata(genosociogram_figure(case, ViewState())))


def test_annotation_hover_is_inert() -> None:
    fig = genosociogram_figure(_noted_case(), ViewState())
    hovers = "\n".join(h for _, _, h in note_points(fig))
    assert "<script>" not in hovers and "&lt;script&gt;alert(1)&lt;/script&gt;" in hovers
    assert "<img" not in hovers and "&lt;img src=x onerror=alert(1)&gt;" in hovers
    assert "<b>bold</b>" not in hovers and "&lt;b&gt;bold&lt;/b&gt;" in hovers
    assert not any("<script" in t or "<img" in t for t in strings(fig.to_plotly_json()))


WALL_FRAMES = [(800, 530), (590, 540), (1200, 800)]


@pytest.mark.parametrize("frame", WALL_FRAMES)
@pytest.mark.parametrize(("stem", "as_of"), [("lisa_gesloten_jeugdzorg", dt.date(2025, 2, 14)),
                                             ("noor_jeugd_ggz", None), ("calamiteit_sem", dt.date(2022, 6, 11))])
def test_wall_frame_figure_fills_its_frame_with_projector_type(stem: str, as_of: dt.date | None,
                                                               frame: tuple[int, int]) -> None:
    """Drawn for the wall's frame: its width and no taller (a drawing bound by the width, its legend below: as much
    shorter, with no empty band above and below the drawing), the drawing and the legend inside it, names >= 14 px."""
    fig = genosociogram_figure(load_case(ROOT / "sample_cases" / f"{stem}.json"),
                               ViewState(as_of=as_of, projector=True), frame=frame)
    layout = fig.layout
    assert layout.width == frame[0] and layout.height <= frame[1]
    if layout.height < frame[1]:
        assert layout.meta["legend_place"] == "below"
        plot_h = layout.height - layout.margin.t - layout.margin.b
        (dy0, dy1), (ry0, ry1) = layout.yaxis.domain, layout.yaxis.range
        assert (ry1 - ry0) * layout.meta["px_per_unit"] >= (dy1 - dy0) * plot_h - 2
    plot_w = layout.width - layout.margin.l - layout.margin.r
    plot_h = layout.height - layout.margin.t - layout.margin.b
    (dx0, dx1), (dy0, dy1) = layout.xaxis.domain, layout.yaxis.domain
    (rx0, rx1), (ry0, ry1) = layout.xaxis.range, layout.yaxis.range
    ppu = layout.meta["px_per_unit"]
    assert (rx1 - rx0) * ppu <= (dx1 - dx0) * plot_w + 1 and (ry1 - ry0) * ppu <= (dy1 - dy0) * plot_h + 1
    for x, y in layout.meta["positions"].values():
        assert rx0 < x < rx1 and ry0 < y < ry1
    for bx0, bx1, by0, by1 in layout.meta["boxes"].values():
        assert rx0 <= bx0 and bx1 <= rx1 and ry0 <= by0 and by1 <= ry1
    # the legend: in its own part of the frame, beside or below the drawing, its words inside it
    (lx0, lx1), (_, ly1) = layout.xaxis2.domain, layout.yaxis2.domain
    assert lx1 <= dx0 + 1e-6 or lx0 >= dx1 - 1e-6 or ly1 <= dy0 + 1e-6
    unit = layout.meta["legend_unit_px"]
    (q0, _), (p0, p1) = layout.xaxis2.range, layout.yaxis2.range
    assert layout.meta["legend"]
    for trace in fig.data:
        if trace.xaxis == "x2" and trace.mode == "text":
            for x, y, words in zip(trace.x, trace.y, trace.text, strict=True):
                longest = max(len(html.unescape(re.sub(r"<[^>]+>", "", line))) for line in words.split("<br>"))
                right = lx0 * plot_w + (x - q0) * unit + longest * trace.textfont.size * 0.6
                assert right <= plot_w + 2, words
                assert p0 <= y <= p1
    # projector type: the names at least 14 px at scale 1
    sizes = [t.textfont.size for t in fig.data if t.mode == "text" and t.textposition == "bottom center"
             and t.xaxis in (None, "x")]
    assert sizes and min(sizes) >= 14
    assert layout.title.font.size >= 20


def test_wall_frame_is_landscape_and_larger_than_the_shrunk_portrait() -> None:
    """On the wall the figure used to be a portrait 880 px wide, shrunk to fit the height: drawn for the frame,
    the same case's drawing is larger at scale 1 than the portrait's at the scale it needed."""
    case = load_case(LISA)
    day = dt.date(2025, 2, 14)
    portrait = genosociogram_figure(case, ViewState(as_of=day, projector=True))
    framed = genosociogram_figure(case, ViewState(as_of=day, projector=True), frame=(800, 530))
    shrink = min(1.0, 530 / portrait.layout.height)
    assert framed.layout.meta["px_per_unit"] > portrait.layout.meta["px_per_unit"] * shrink * 1.3


@pytest.mark.parametrize(("stem", "as_of"), [("calamiteit_sem", dt.date(2022, 6, 11)),
                                             ("calamiteit_sem", dt.date(2019, 1, 1)),
                                             ("lisa_gesloten_jeugdzorg", dt.date(2023, 6, 1)),
                                             ("lisa_gesloten_jeugdzorg", dt.date(2025, 2, 14)),
                                             ("noor_jeugd_ggz", dt.date(2023, 3, 15))])
def test_organisation_titles_are_not_shortened(stem: str, as_of: dt.date | None) -> None:
    """With up to 12 organisation boxes on the screen, each box is wide enough for its full name (two lines)."""
    case = load_case(ROOT / "sample_cases" / f"{stem}.json")
    fig = genosociogram_figure(case, ViewState(as_of=as_of))
    boxes = fig.layout.meta["boxes"]
    assert 0 < len(boxes) <= 12  # the cases above are chosen to have a few organisations on the screen
    names = {o.name for o in case.organisations}
    titles = [html.unescape(re.sub(r"<[^>]+>", "", t.replace("<br>", " "))) for trace in fig.data
              if trace.mode == "text" and trace.xaxis in (None, "x") for t in trace.text if "<b>" in t]
    org_titles = [t for t in titles if t in names or ("…" in t and t.rstrip("…").strip())]
    assert len([t for t in org_titles if t in names]) >= len(boxes)
    assert not [t for t in org_titles if "…" in t]
