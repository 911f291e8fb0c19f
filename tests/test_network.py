"""The case as a network: generations, and who and what was there on a given day."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from models import load_case, validate_case_data
from models.network import build_graph, generations, genogram_persons, households_on, org_key
from tests.case_builders import case_data
from tests.synthetic import generate_case

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
LISA = SAMPLES / "lisa_gesloten_jeugdzorg.json"


def family_case() -> Any:
    """Three generations, a divorce, a remarriage with a half-sibling, a professional and a neighbour."""
    data = case_data(
        persons=[
            {"id": "kind", "label": "Kind", "kind": "family", "gender": "female", "birth": "2010-05-04"},
            {"id": "vader", "label": "Vader", "kind": "family", "gender": "male", "birth": "1980"},
            {"id": "moeder", "label": "Moeder", "kind": "family", "gender": "female", "birth": "1982"},
            {"id": "partner", "label": "Partner", "kind": "family", "gender": "male", "birth": "1979"},
            {"id": "half", "label": "Halfbroer", "kind": "family", "gender": "male", "birth": "2018-02"},
            {"id": "opa", "label": "Opa", "kind": "family", "gender": "male", "birth": "1950", "death": "2015-06"},
            {"id": "oma", "label": "Oma", "kind": "family", "gender": "female", "birth": "1952"},
            {"id": "oom", "label": "Oom", "kind": "family", "gender": "male", "birth": "1985"},
            {"id": "buur", "label": "Buurvrouw", "kind": "network", "gender": "female",
             "involvement": {"start": "2019"}},
            {"id": "jb", "label": "Jeugdbeschermer", "kind": "professional", "organisation": "gi",
             "involvement": {"start": "2021-01", "end": "2023-06"}},
        ],
        relationships=[
            {"id": "r1", "type": "parent", "source": "vader", "target": "kind"},
            {"id": "r2", "type": "parent", "source": "moeder", "target": "kind"},
            {"id": "r3", "type": "partner", "source": "vader", "target": "moeder", "married": "2008",
             "divorced": "2016-09", "status": "divorced"},
            {"id": "r4", "type": "partner", "source": "moeder", "target": "partner", "start": "2017-01"},
            {"id": "r5", "type": "parent", "source": "moeder", "target": "half"},
            {"id": "r6", "type": "parent", "source": "partner", "target": "half"},
            {"id": "r7", "type": "parent", "source": "opa", "target": "vader"},
            {"id": "r8", "type": "parent", "source": "oma", "target": "vader"},
            {"id": "r9", "type": "parent", "source": "opa", "target": "oom"},
            {"id": "r10", "type": "parent", "source": "oma", "target": "oom"},
            {"id": "r11", "type": "partner", "source": "opa", "target": "oma", "married": "1975",
             "status": "widowed", "end": "2015-06"},
            {"id": "r12", "type": "conflict", "source": "vader", "target": "moeder", "view": "kind",
             "certainty": "disputed", "start": "2014"},
            {"id": "r13", "type": "case_manager_of", "source": "jb", "target": "kind", "start": "2021-01"},
            {"id": "r14", "type": "supportive", "source": "buur", "target": "kind"},
        ],
        households=[
            {"id": "h1", "members": [{"person": "vader", "start": "2008", "end": "2016-09"},
                                     {"person": "moeder", "start": "2008", "end": "2016-09"},
                                     {"person": "kind", "start": "2010-05-04"}]},
            {"id": "h2", "members": [{"person": "moeder", "start": "2016-09"},
                                     {"person": "partner", "start": "2017-01"},
                                     {"person": "half", "start": "2018-02"}]},
        ],
        annotations=[],
    )
    return validate_case_data(data)


def test_generations_index_is_zero_parents_above() -> None:
    gens = generations(family_case())
    assert gens["kind"] == 0 and gens["half"] == 0
    assert gens["vader"] == gens["moeder"] == gens["partner"] == gens["oom"] == -1
    assert gens["opa"] == gens["oma"] == -2
    assert "jb" not in gens and "buur" not in gens


def test_generations_is_pure() -> None:
    case = family_case()
    before = case.model_dump()
    assert generations(case) == generations(case)
    assert case.model_dump() == before


def test_generations_married_in_spouse_and_deep_founder() -> None:
    # A grandfather's second wife with no parents of her own, and a great-grandmother known only on one side.
    data = copy.deepcopy(family_case().model_dump(mode="json", exclude_none=True))
    data["persons"] += [
        {"id": "oma2", "label": "Tweede vrouw opa", "kind": "family", "gender": "female", "birth": "1960"},
        {"id": "overgrootmoeder", "label": "Overgrootmoeder", "kind": "family", "gender": "female",
         "birth": "1925"},
    ]
    data["relationships"] += [
        {"id": "r20", "type": "partner", "source": "opa", "target": "oma2", "start": "2000"},
        {"id": "r21", "type": "parent", "source": "overgrootmoeder", "target": "oma"},
    ]
    gens = generations(validate_case_data(data))
    assert gens["oma2"] == gens["opa"] == -2
    assert gens["overgrootmoeder"] == -3


def test_generations_unconnected_part_aligned_by_birth_years() -> None:
    data = copy.deepcopy(family_case().model_dump(mode="json", exclude_none=True))
    data["persons"].append({"id": "achternicht", "label": "Nicht", "kind": "family", "birth": "2011"})
    data["persons"].append({"id": "tante2", "label": "Tante", "kind": "family", "birth": "1981"})
    data["relationships"].append({"id": "r30", "type": "parent", "source": "tante2", "target": "achternicht"})
    gens = generations(validate_case_data(data))
    assert gens["achternicht"] == 0 and gens["tante2"] == -1


def test_generations_on_synthetic_four_generations() -> None:
    case = generate_case(n_events=50, n_persons=300, seed=1, n_generations=4)
    gens = generations(case)
    for rel in case.relationships:
        if rel.type.value == "parent" and rel.source in gens and rel.target in gens:
            assert gens[rel.target] - gens[rel.source] == 1
        if rel.type.value == "partner" and rel.source in gens:
            assert gens[rel.source] == gens[rel.target]
    assert min(gens.values()) == -3


def test_foster_parents_from_the_network_join_the_genogram() -> None:
    data = copy.deepcopy(family_case().model_dump(mode="json", exclude_none=True))
    data["persons"].append({"id": "pleeg", "label": "Pleegmoeder", "kind": "network", "gender": "female"})
    data["relationships"].append({"id": "r40", "type": "parent", "source": "pleeg", "target": "kind",
                                  "parent_kind": "foster", "start": "2020"})
    case = validate_case_data(data)
    assert "pleeg" in genogram_persons(case)
    assert generations(case)["pleeg"] == -1


def test_graph_whole_history() -> None:
    graph = build_graph(family_case())
    assert graph.nodes["kind"]["index"] and graph.nodes["kind"]["generation"] == 0
    assert graph.nodes["opa"]["deceased"] and not graph.nodes["opa"]["alive"]
    assert graph.nodes["jb"]["kind"] == "professional" and graph.nodes["jb"]["involved"]
    assert graph.nodes[org_key("gi")]["node"] == "organisation"
    assert graph.has_edge("jb", org_key("gi"))
    data = graph.get_edge_data("vader", "moeder")["r3"]
    assert data["category"] == "kinship" and data["status"] == "divorced" and not data["together"]
    conflict = graph.get_edge_data("vader", "moeder")["r12"]
    assert conflict["category"] == "emotional" and conflict["view"] == "kind"
    assert conflict["certainty"] == "disputed"
    assert graph.get_edge_data("jb", "kind")["r13"]["directed"]


@pytest.mark.parametrize(("day", "present", "absent"), [
    (dt.date(2009, 1, 1), {"vader", "moeder", "opa"}, {"kind", "half", "jb", "buur"}),
    (dt.date(2012, 1, 1), {"kind", "opa"}, {"half", "jb", "buur"}),
    (dt.date(2022, 1, 1), {"kind", "half", "jb", "buur"}, set()),
    (dt.date(2024, 1, 1), {"kind", "half", "buur"}, {"jb"}),
])
def test_graph_as_of_who_is_there(day: dt.date, present: set[str], absent: set[str]) -> None:
    graph = build_graph(family_case(), day)
    assert present <= set(graph.nodes)
    assert not absent & set(graph.nodes)


def test_graph_as_of_couples_and_deaths() -> None:
    case = family_case()
    married = build_graph(case, dt.date(2012, 1, 1))
    assert married.get_edge_data("vader", "moeder")["r3"]["status"] == "married"
    assert married.get_edge_data("vader", "moeder")["r3"]["together"]
    assert not married.has_edge("moeder", "partner")          # not yet met
    assert not married.nodes["opa"]["deceased"]               # died 2015
    later = build_graph(case, dt.date(2020, 1, 1))
    assert later.get_edge_data("vader", "moeder")["r3"]["status"] == "divorced"
    assert later.get_edge_data("moeder", "partner")["r4"]["together"]
    assert later.nodes["opa"]["deceased"]
    assert not build_graph(case, dt.date(2013, 1, 1)).has_edge("vader", "moeder", "r12")  # conflict from 2014
    assert build_graph(case, dt.date(2014, 6, 1)).has_edge("vader", "moeder", "r12")


def test_graph_professional_organisation_only_while_involved() -> None:
    case = family_case()
    assert org_key("gi") not in build_graph(case, dt.date(2019, 1, 1))
    assert org_key("gi") in build_graph(case, dt.date(2022, 1, 1))


def test_households_on_date_and_latest() -> None:
    case = family_case()
    assert households_on(case, dt.date(2012, 1, 1)) == {"h1": ["kind", "moeder", "vader"]}
    assert households_on(case, dt.date(2019, 1, 1)) == {"h1": ["kind"], "h2": ["half", "moeder", "partner"]}
    latest = households_on(case, None)
    assert latest["h2"] == ["half", "moeder", "partner"]


def test_household_move_within_a_month_counts_once() -> None:
    case = load_case(LISA)
    houses = households_on(case, None)
    everyone = [p for members in houses.values() for p in members]
    assert len(everyone) == len(set(everyone))
    assert "vader" in houses["hh-kangoeroe"]


def test_lisa_as_of() -> None:
    case = load_case(LISA)
    early = build_graph(case, dt.date(2015, 1, 1))
    assert "halfzus" not in early and "coach" not in early and "jb" not in early
    assert early.get_edge_data("vader", "moeder")["r10"]["status"] == "divorced"
    late = build_graph(case, dt.date(2023, 3, 1))
    assert {"halfzus", "coach", "jb", "trajectbeg"} <= set(late)
    assert late.nodes["opa"]["deceased"]


def test_every_sample_case_builds() -> None:
    for path in sorted(SAMPLES.glob("*.json")):
        case = load_case(path)
        graph = build_graph(case)
        assert set(p.id for p in case.persons) <= set(graph.nodes)
        gens = generations(case)
        assert gens.get(case.index_person, 0) == 0
