"""Family persons join the family's picture when their tie to it starts (a foster family, a parent's later
partner), not at their own birth: a date before it shows nobody who is still to come."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models import load_case, validate_case_data
from models.network import build_graph
from tests.case_builders import case_data

SEM = load_case(Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json")


def family_on(case, day: dt.date) -> set[str]:
    return {node for node, data in build_graph(case, day).nodes(data=True) if data.get("kind") == "family"}


def test_a_foster_family_appears_when_the_placement_starts() -> None:
    assert not {"pleegvader", "pleegmoeder"} & family_on(SEM, dt.date(2012, 9, 1))  # foster parents from 2013-01
    assert {"pleegvader", "pleegmoeder"} <= family_on(SEM, dt.date(2013, 6, 1))
    assert {"pleegvader", "pleegmoeder"} <= family_on(SEM, dt.date(2022, 6, 11))  # and stay after it ended


def test_a_parents_later_partner_appears_when_they_meet() -> None:
    assert "partner-vader" not in family_on(SEM, dt.date(2007, 3, 2))  # father's partner from 2010
    assert "partner-vader" in family_on(SEM, dt.date(2011, 1, 1))


def test_blood_relatives_are_there_from_birth_and_before_the_child() -> None:
    assert {"opa-m", "oma-m", "moeder", "vader", "oom"} <= family_on(SEM, dt.date(2004, 1, 1))  # before Sem's birth
    assert "sem" not in family_on(SEM, dt.date(2004, 1, 1))


def test_without_any_kinship_tie_a_family_person_stays() -> None:
    data = case_data()
    data["persons"].append({"id": "tante", "label": "Tante", "kind": "family", "gender": "female"})
    case = validate_case_data(data)
    assert "tante" in family_on(case, dt.date(2020, 1, 1))


def test_without_a_date_everyone_is_there() -> None:
    graph = build_graph(SEM, None)
    assert {"pleegvader", "pleegmoeder", "partner-vader"} <= set(graph.nodes)
