"""Small valid case data for tests, to be broken one rule at a time."""

from __future__ import annotations

import copy
from typing import Any

BASE_CASE: dict[str, Any] = {
    "schema_version": "1.0",
    "id": "test-case",
    "title": "Testcasus",
    "index_person": "kind",
    "pseudonymised": True,
    "sources": [{"id": "s1", "kind": "dossier", "title": "Dossier jeugdbescherming"}],
    "persons": [
        {"id": "kind", "label": "Kind", "kind": "family", "gender": "female", "birth": "2010-05-04"},
        {"id": "vader", "label": "Vader", "kind": "family", "gender": "male", "birth": "1980"},
        {"id": "moeder", "label": "Moeder", "kind": "family", "gender": "female", "birth": "~1982"},
        {"id": "jb", "label": "Jeugdbeschermer", "kind": "professional", "organisation": "gi",
         "involvement": {"start": "2021-01", "end": "2023-06"}},
    ],
    "organisations": [{"id": "gi", "name": "Jeugdbescherming Regio", "type": "certified_institution"}],
    "relationships": [
        {"id": "r1", "type": "parent", "source": "vader", "target": "kind"},
        {"id": "r2", "type": "parent", "source": "moeder", "target": "kind"},
        {"id": "r3", "type": "partner", "source": "vader", "target": "moeder", "married": "2008",
         "divorced": "2016-09", "status": "divorced"},
        {"id": "r4", "type": "conflict", "source": "vader", "target": "moeder", "view": "kind",
         "certainty": "disputed"},
    ],
    "events": [
        {"id": "e1", "date": "2021-02-10", "layer": "formal", "type": "decision", "title": "OTS uitgesproken",
         "persons": ["kind", "jb"], "organisation": "gi", "source": "s1",
         "decision": {"decided_by": ["gi"], "family_involved": "no", "rationale": "Zorgen"}},
        {"id": "e2", "date": "2021-03", "end": "2022-01", "layer": "formal", "type": "placement",
         "title": "Open groep", "persons": ["kind"], "placement": {"setting": "open_residential"}},
        {"id": "e3", "date": "~2021-04", "layer": "lived", "type": "experience", "title": "Ik voelde me niet gehoord",
         "persons": ["kind"], "perspective": "kind", "statement_kind": "emotion"},
    ],
    "annotations": [
        {"id": "a1", "target": {"events": ["e1"]}, "tag": "turning_point", "text": "Hier kantelt het."},
    ],
}


def case_data(**changes: Any) -> dict[str, Any]:
    """A deep copy of the base case with top-level fields replaced."""
    data = copy.deepcopy(BASE_CASE)
    data.update(copy.deepcopy(changes))
    return data
