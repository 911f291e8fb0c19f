"""Generations come from parentage only: kinship foster care, five generations, twins, adoption, step relations."""

from __future__ import annotations

import copy
import itertools
import json
from typing import Any

import plotly.graph_objects as go
import pytest

from layouts.genogram.figure import genosociogram_figure
from layouts.genogram.layout import family_layout
from layouts.view_state import ViewState
from models import Case, validate_case_data
from models.case import Case as CaseModel
from models.editing import delete_item
from models.network import generations
from models.vocabulary import ParentKind, RelationshipType
from tests.case_builders import case_data

PLACING = (ParentKind.BIOLOGICAL, ParentKind.ADOPTIVE, ParentKind.STEP)


def person(pid: str, label: str, gender: str, birth: str | None = None, **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": pid, "label": label, "kind": "family", "gender": gender, **extra}
    if birth:
        entry["birth"] = birth
    return entry


def kinship_foster_case() -> Case:
    """Netwerkpleegzorg: the mother's parents are the foster parents of her two children."""
    persons = [
        person("opa", "Opa", "male", "1955"), person("oma", "Oma", "female", "1957"),
        person("moeder", "Moeder", "female", "1982"), person("vader", "Vader", "male", "1980"),
        person("tante", "Tante", "female", "1985"),
        person("kind", "Kind", "female", "2010-05-04"), person("broer", "Broer", "male", "2012"),
    ]
    rels = [
        {"id": "r1", "type": "partner", "source": "opa", "target": "oma", "married": "1978"},
        {"id": "r2", "type": "parent", "source": "opa", "target": "moeder"},
        {"id": "r3", "type": "parent", "source": "oma", "target": "moeder"},
        {"id": "r4", "type": "parent", "source": "opa", "target": "tante"},
        {"id": "r5", "type": "parent", "source": "oma", "target": "tante"},
        {"id": "r6", "type": "partner", "source": "vader", "target": "moeder", "start": "2008", "end": "2014",
         "separated": "2014", "status": "separated"},
        {"id": "r7", "type": "parent", "source": "vader", "target": "kind"},
        {"id": "r8", "type": "parent", "source": "moeder", "target": "kind"},
        {"id": "r9", "type": "parent", "source": "vader", "target": "broer"},
        {"id": "r10", "type": "parent", "source": "moeder", "target": "broer"},
    ]
    for n, (foster, child) in enumerate(itertools.product(("oma", "opa"), ("kind", "broer"))):
        rels.append({"id": f"f{n}", "type": "parent", "source": foster, "target": child, "parent_kind": "foster",
                     "start": "2016-03"})
    return validate_case_data(case_data(persons=persons, relationships=rels, events=[], annotations=[]))


def five_generation_case() -> Case:
    """Great-grandparents to a great-grandchild (the index child's teenage sister's baby); identical twins;
    a remarriage after a death, an adopted aunt, a step-father with his own son, a half-brother."""
    persons = [
        person("ovgv", "Overgrootvader", "male", "1925", death="1990"),
        person("ovgm", "Overgrootmoeder", "female", "1928", death="2001"),
        person("opa", "Opa", "male", "1950", death="2012"), person("oma", "Oma", "female", "1953"),
        person("opa2", "Tweede man oma", "male", "1948"),
        person("vader", "Vader", "male", "1976"), person("moeder", "Moeder", "female", "1979"),
        person("tante", "Tante (geadopteerd)", "female", "1981"),
        person("stief", "Stiefvader", "male", "1975"), person("stiefzoon", "Zoon stiefvader", "male", "2002"),
        person("zus", "Zus", "female", "2003"),
        person("kind", "Kind", "female", "2008-03-01", twin={"of": "tweeling", "identical": True}),
        person("tweeling", "Tweelingzus", "female", "2008-03-01", twin={"of": "kind", "identical": True}),
        person("half", "Halfbroer", "male", "2016"),
        person("baby", "Baby", "male", "2021"),
    ]
    rels: list[dict[str, Any]] = []

    def rel(kind: str, a: str, b: str, **extra: Any) -> None:
        rels.append({"id": f"r{len(rels)}", "type": kind, "source": a, "target": b, **extra})

    rel("partner", "ovgv", "ovgm", married="1948", status="widowed")
    rel("parent", "ovgv", "opa")
    rel("parent", "ovgm", "opa")
    rel("partner", "opa", "oma", married="1974", status="widowed", end="2012")
    rel("partner", "oma", "opa2", married="2015", status="married")
    for child in ("vader",):
        rel("parent", "opa", child)
        rel("parent", "oma", child)
    rel("parent", "opa", "tante", parent_kind="adoptive", start="1983")
    rel("parent", "oma", "tante", parent_kind="adoptive", start="1983")
    rel("partner", "vader", "moeder", married="2002", divorced="2012", status="divorced")
    for child in ("zus", "kind", "tweeling"):
        rel("parent", "vader", child)
        rel("parent", "moeder", child)
    rel("partner", "moeder", "stief", start="2014", status="cohabiting")
    rel("parent", "stief", "stiefzoon")
    rel("parent", "stief", "zus", parent_kind="step", start="2014")
    rel("parent", "stief", "kind", parent_kind="step", start="2014")
    rel("parent", "moeder", "stiefzoon", parent_kind="step", start="2014")
    rel("parent", "moeder", "half")
    rel("parent", "stief", "half")
    rel("parent", "zus", "baby")
    rel("parent", "oma", "kind", parent_kind="foster", start="2019")  # kinship foster care too
    return validate_case_data(case_data(persons=persons, relationships=rels, index_person="kind", events=[],
                                        annotations=[], households=[]))


def assert_parents_above(case: Case) -> dict[str, list[float]]:
    """Every placing parent is drawn above its child, partners in one row, foster parents never below."""
    positions = genosociogram_figure(case, ViewState()).layout.meta["positions"]
    for rel in case.relationships:
        if rel.source not in positions or rel.target not in positions:
            continue
        parent_y, child_y = positions[rel.source][1], positions[rel.target][1]
        if rel.type == RelationshipType.PARENT and rel.effective_parent_kind in PLACING:
            assert parent_y > child_y, f"{rel.source} is not drawn above {rel.target}"
        elif rel.type == RelationshipType.PARENT:
            assert parent_y >= child_y, f"foster parent {rel.source} is drawn below {rel.target}"
        elif rel.type == RelationshipType.PARTNER:
            assert parent_y == child_y, f"partners {rel.source} and {rel.target} in different rows"
    return positions


def test_kinship_foster_grandparents_stay_above_their_daughter() -> None:
    case = kinship_foster_case()
    gens = generations(case)
    assert (gens["opa"], gens["oma"], gens["moeder"], gens["tante"], gens["kind"]) == (-2, -2, -1, -1, 0)
    positions = assert_parents_above(case)
    assert positions["oma"][1] > positions["moeder"][1] > positions["kind"][1]


def test_a_childless_uncle_stays_beside_his_brother_when_the_mother_s_line_is_longer() -> None:
    """The father's parents have two sons: the father and a childless uncle. The mother's line goes up one more
    generation, so the father's couple sits deeper than his own parents' founding depth: his parents come down
    above him, and the uncle stays beside him (not a generation higher)."""
    persons = [person("ovg", "Overgrootvader", "male", "1930"), person("oma-m", "Oma M.", "female", "1955"),
               person("opa-v", "Opa V.", "male", "1950"), person("oma-v", "Oma V.", "female", "1952"),
               person("vader", "Vader", "male", "1978"), person("oom", "Oom", "male", "1980"),
               person("moeder", "Moeder", "female", "1981"), person("kind", "Kind", "female", "2010")]
    rels = [{"id": f"r{n}", "type": kind, "source": a, "target": b} for n, (kind, a, b) in enumerate([
        ("parent", "ovg", "oma-m"), ("parent", "oma-m", "moeder"), ("partner", "opa-v", "oma-v"),
        ("parent", "opa-v", "vader"), ("parent", "oma-v", "vader"), ("parent", "opa-v", "oom"),
        ("parent", "oma-v", "oom"), ("partner", "vader", "moeder"), ("parent", "vader", "kind"),
        ("parent", "moeder", "kind")])]
    case = validate_case_data(case_data(persons=persons, relationships=rels, index_person="kind", events=[],
                                        annotations=[], households=[]))
    gens = generations(case)
    assert gens["vader"] == gens["oom"] == gens["moeder"] == -1
    assert gens["opa-v"] == gens["oma-v"] == gens["oma-m"] == -2
    assert gens["ovg"] == -3
    assert_parents_above(case)


def test_foster_parents_of_their_own_child_move_nobody() -> None:
    # A foster tie between persons placed by parentage leaves every generation as parentage alone places it.
    with_foster = kinship_foster_case()
    data = with_foster.model_dump(mode="json", exclude_none=True)
    data["relationships"] = [r for r in data["relationships"] if r.get("parent_kind") != "foster"]
    assert generations(with_foster) == generations(validate_case_data(data))


def test_five_generations_with_twins_adoption_and_step_relations() -> None:
    case = five_generation_case()
    gens = generations(case)
    assert sorted(set(gens.values())) == [-3, -2, -1, 0, 1]
    assert gens["tante"] == gens["vader"] == gens["stief"] == -1
    assert gens["stiefzoon"] == gens["half"] == gens["tweeling"] == 0 and gens["baby"] == 1
    assert gens["opa2"] == gens["oma"] == -2
    assert_parents_above(case)


def _segments(fig: go.Figure) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    out = []
    for trace in fig.data:
        if trace.mode != "lines" or trace.fill == "toself" or trace.xaxis not in (None, "x"):
            continue
        xs, ys = list(trace.x), list(trace.y)
        for i in range(len(xs) - 1):
            if None not in (xs[i], xs[i + 1], ys[i], ys[i + 1]):
                out.append(((xs[i], ys[i]), (xs[i + 1], ys[i + 1])))
    return out


def test_twins_hang_from_one_point_side_by_side() -> None:
    case = five_generation_case()
    fam = family_layout(case)
    assert [(t.members, t.identical) for t in fam.twins] == [(("kind", "tweeling"), True)]
    row = fam.rows[0]
    assert abs(row.index("kind") - row.index("tweeling")) == 1  # nobody between the twins
    fig = genosociogram_figure(case, ViewState())
    tops = {pid: (x, y + 0.5) for pid, (x, y) in fig.layout.meta["positions"].items() if pid in ("kind", "tweeling")}
    starts = {}
    for a, b in _segments(fig):
        for pid, top in tops.items():
            for end, other in ((a, b), (b, a)):
                if abs(end[0] - top[0]) < 1e-2 and abs(end[1] - top[1]) < 1e-2 and other[1] > top[1] + 0.3:
                    starts[pid] = other
    assert set(starts) == {"kind", "tweeling"}
    assert starts["kind"] == pytest.approx(starts["tweeling"])  # one point on the sibship bar
    assert abs(starts["kind"][0] - tops["kind"][0]) > 0.5  # a slanted line, not the usual drop
    assert "twins_identical" in fig.layout.meta["legend"] and "twins" not in fig.layout.meta["legend"]


def test_twin_field_is_optional_and_round_trips() -> None:
    case = five_generation_case()
    dumped = json.loads(case.model_dump_json(exclude_none=True))
    assert dumped["persons"][11]["twin"] == {"of": "tweeling", "identical": True}
    assert CaseModel.model_validate(dumped) == case
    plain = kinship_foster_case().model_dump(mode="json", exclude_none=True)
    assert all("twin" not in p for p in plain["persons"])  # old files stay as they were


def test_unknown_twin_is_reported_and_deleting_a_twin_unlinks_it() -> None:
    data = copy.deepcopy(five_generation_case().model_dump(mode="json", exclude_none=True))
    broken = copy.deepcopy(data)
    broken["persons"][11]["twin"]["of"] = "nobody"
    with pytest.raises(Exception, match="nobody"):
        validate_case_data(broken)
    result = delete_item(data, "persons", "tweeling")
    kept = result.data if hasattr(result, "data") else data
    kind = next(p for p in kept["persons"] if p["id"] == "kind")
    assert "twin" not in kind
    validate_case_data(kept)
