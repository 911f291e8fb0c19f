"""The realistic test cases: the findings a facilitator wrote down before running ``find_patterns`` are found.

Each case in ``tests/data/patterns`` has a ``.expected.json`` written from the story (see its builder): at least
80 % of the expected findings must be found, each with at least half of its evidence events, and no finding
may cite evidence the file contradicts (its ``must_not`` entries, and the general rules below).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import Case, load_case
from models.patterns.find import Finding, PatternKind, find_patterns
from models.vocabulary import FamilyInvolved

DATA = Path(__file__).resolve().parent / "data" / "patterns"
CASES = sorted(p.name.removesuffix(".expected.json") for p in DATA.glob("*.expected.json"))
PLACEMENT_KINDS = {PatternKind.PLACEMENT_INSTABILITY, PatternKind.PLACEMENT_CAROUSEL, PatternKind.ESCALATION}


def _load(name: str) -> tuple[Case, dict, list[Finding]]:
    case = load_case(DATA / f"{name}.json")
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    return case, expected, find_patterns(case)


def _matches(finding: Finding, item: dict) -> bool:
    wanted = set(item["evidence"])
    return str(finding.kind) == item["kind"] and len(wanted & set(finding.evidence_events)) * 2 >= len(wanted)


def test_there_are_four_realistic_cases_of_50_to_100_events():
    assert len(CASES) >= 4
    for name in CASES:
        assert 50 <= len(load_case(DATA / f"{name}.json").events) <= 100, name


@pytest.mark.parametrize("name", CASES)
def test_most_expected_findings_are_found_with_their_evidence(name):
    _, expected, findings = _load(name)
    missed = [item for item in expected["expected"] if not any(_matches(f, item) for f in findings)]
    found = len(expected["expected"]) - len(missed)
    assert found >= 0.8 * len(expected["expected"]), \
        f"missed: {[(m['kind'], m['why']) for m in missed]}; found kinds: {[f.id for f in findings]}"


@pytest.mark.parametrize("name", CASES)
def test_no_finding_cites_what_the_file_contradicts(name):
    case, expected, findings = _load(name)
    for rule in expected["must_not"]:
        of_kind = [f for f in findings if str(f.kind) == rule["kind"]]
        if rule["absent"]:
            assert not of_kind, f"{rule['kind']} should not be found: {rule['why']}"
        for finding in of_kind:
            assert not set(rule["events"]) & set(finding.evidence_events), (finding.id, rule["why"])
            assert not set(rule["persons"]) & set(finding.evidence_persons), (finding.id, rule["why"])
    events = case.event_map()
    for finding in findings:
        cited = [events[e] for e in finding.evidence_events]
        if finding.kind == PatternKind.DECISIONS_WITHOUT_FAMILY:
            assert all(e.decision is None or e.decision.family_involved == FamilyInvolved.NO for e in cited)
        if finding.kind in PLACEMENT_KINDS:
            assert all(e.placement is None or e.placement.child in (None, case.index_person) for e in cited)
