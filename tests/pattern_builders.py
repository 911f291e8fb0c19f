"""The small family and the event builders the hand-made pattern tests share (tests/test_patterns*.py).

A child ("kind") with father, mother, grandmother, aunt, a neighbour and twelve professionals at the local team;
eight organisations from GP to closed youth care. ``make_case`` turns a list of events into a valid case.
"""

from __future__ import annotations

from typing import Any

from models import Case, validate_case_data
from models.patterns.find import Finding, PatternKind

PERSONS = [
    {"id": "kind", "label": "Kind", "kind": "family", "gender": "female", "birth": "2010-05-04"},
    {"id": "vader", "label": "Vader", "kind": "family", "gender": "male"},
    {"id": "moeder", "label": "Moeder", "kind": "family", "gender": "female"},
    {"id": "oma", "label": "Oma", "kind": "family", "gender": "female"},
    {"id": "tante", "label": "Tante", "kind": "family", "gender": "female"},
    {"id": "buurman", "label": "Buurman", "kind": "network"},
    *({"id": f"p{k}", "label": f"Professional {k}", "kind": "professional", "organisation": "o-wt"}
      for k in range(1, 13)),
]
ORGANISATIONS = [
    {"id": "o-gp", "name": "Huisarts", "type": "gp"},
    {"id": "o-wt", "name": "Wijkteam", "type": "local_team"},
    {"id": "o-ggz", "name": "Jeugd-ggz", "type": "youth_mental_health"},
    {"id": "o-jz", "name": "Jeugdhulp", "type": "youth_care_provider"},
    {"id": "o-vt", "name": "Veilig Thuis", "type": "veilig_thuis"},
    {"id": "o-gi", "name": "Jeugdbescherming", "type": "certified_institution"},
    {"id": "o-plus", "name": "JeugdzorgPlus", "type": "closed_youth_care"},
    {"id": "o-pol", "name": "Politie", "type": "police"},
]
PARENTS = [
    {"id": "rv", "type": "parent", "source": "vader", "target": "kind"},
    {"id": "rm", "type": "parent", "source": "moeder", "target": "kind"},
]


def ev(event_id: str, date: str, type_: str = "meeting", layer: str = "formal", **extra: Any) -> dict[str, Any]:
    """An event as file data (a formal meeting unless told otherwise)."""
    return {"id": event_id, "date": date, "layer": layer, "type": type_, "title": f"Gebeurtenis {event_id}",
            **extra}


def ref(event_id: str, date: str, sender: str, receiver: str) -> dict[str, Any]:
    """A referral from ``sender`` to ``receiver``."""
    return ev(event_id, date, "referral", organisation=sender, to_organisation=receiver)


def place(event_id: str, date: str, setting: str, end: str | None = None, *, crisis: bool = False,
          location: str | None = None) -> dict[str, Any]:
    """A placement of the child."""
    placement: dict[str, Any] = {"setting": setting, "crisis": crisis}
    if location:
        placement["location"] = location
    extra: dict[str, Any] = {"end": end} if end else {}
    return ev(event_id, date, "placement", persons=["kind"], placement=placement, **extra)


def make_case(events: list[dict[str, Any]], relationships: list[dict[str, Any]] | None = None,
              households: list[dict[str, Any]] | None = None, persons: list[dict[str, Any]] | None = None,
              annotations: list[dict[str, Any]] | None = None) -> Case:
    """A valid case of the small family with these events (and, when given, other ties, households, persons)."""
    data: dict[str, Any] = {
        "schema_version": "1.0", "id": "t", "title": "Test", "index_person": "kind", "pseudonymised": True,
        "persons": persons or PERSONS, "organisations": ORGANISATIONS,
        "relationships": PARENTS if relationships is None else relationships,
        "households": households or [], "events": events,
    }
    if annotations:
        data["annotations"] = annotations
    return validate_case_data(data)


def kinds(findings: list[Finding]) -> set[PatternKind]:
    """The kinds of the findings."""
    return {f.kind for f in findings}


def only(findings: list[Finding], kind: PatternKind) -> Finding:
    """The one finding of ``kind`` (fails when there is none or more than one)."""
    matching = [f for f in findings if f.kind == kind]
    assert len(matching) == 1, [f.id for f in findings]
    return matching[0]
