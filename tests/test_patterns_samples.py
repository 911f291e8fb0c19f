"""Pattern findings on the sample cases (skipped while a sample is not there yet)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Case, load_case
from models.patterns.find import PatternKind, find_patterns

K = PatternKind
SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"


def _sample(pattern: str) -> Case:
    files = sorted(SAMPLES.glob(pattern))
    if not files:
        pytest.skip(f"no sample case {pattern} yet")
    return load_case(files[0])


def _by_kind(case: Case) -> dict[PatternKind, list]:
    found: dict[PatternKind, list] = {}
    for finding in find_patterns(case):
        found.setdefault(finding.kind, []).append(finding)
    return found


def test_minimal_case_has_no_patterns():
    assert find_patterns(_sample("minimal.json")) == []


def test_lisa_escalates_from_open_group_to_closed_youth_care():
    found = _by_kind(_sample("lisa_*.json"))
    escalation = found[K.ESCALATION][0]
    assert escalation.details["step_ups"][0]["from_setting"] == "open_residential"
    assert escalation.details["step_ups"][0]["to_setting"] == "closed_youth_care"
    assert escalation.details["reached_closed_care"] is True
    assert escalation.details["sequence"][-1] == "home"
    assert K.PLACEMENT_CAROUSEL not in found  # two placements are no carousel
    instability = found[K.PLACEMENT_INSTABILITY][0]
    assert instability.details["placements"] == 2
    assert [m["progress"] for m in instability.details["moves"]] == [False]
    assert K.REPEATED_REFERRALS in found


def test_lisa_conflict_between_professionals_mirrors_the_family():
    mirrored = _by_kind(_sample("lisa_*.json"))[K.MIRRORED_CONFLICT]
    assert len(mirrored) == 1  # all mirrored conflicts in one finding
    professional = mirrored[0].details["professional_relationships"]
    assert professional  # e.g. the group leader and the youth protection worker
    for finding in mirrored:
        assert finding.evidence_relationships[0] == professional[0]
        assert "?" in finding.question_nl


def test_calamity_mirrored_conflicts_are_one_finding_without_reversed_duplicates():
    mirrored = _by_kind(_sample("calamiteit_*.json"))[K.MIRRORED_CONFLICT]
    assert len(mirrored) == 1
    finding = mirrored[0]
    assert finding.measure >= 5  # every conflict between professionals is in it
    text = " ".join(finding.lines_nl) + finding.question_nl
    assert "Moeder en Vader" in text and "Vader en Moeder" not in text
    assert len(finding.lines_nl) == len(set(finding.lines_nl))


@pytest.mark.parametrize("pattern", ["lisa_*.json", "noor_*.json", "calamiteit_*.json", "minimal.json"])
def test_information_gaps_are_the_timelines_grey_bands(pattern: str):
    import datetime as dt

    from layouts.timeline.figure import timeline_gaps, timeline_layout
    from models.patterns.base import CaseView

    case = _sample(pattern)
    view = CaseView(case)
    bands = []  # the grey bands, within the child's story (family history before it is context, not a gap)
    for band in timeline_gaps(timeline_layout(case)):
        first = max(band.start + dt.timedelta(days=1), view.story_start or dt.date.min)
        last = min(band.end - dt.timedelta(days=1), view.story_end or dt.date.max)
        if (last - first).days + 2 > 6 * 30.436875:
            bands.append((first.isoformat(), last.isoformat()))
    gaps = _by_kind(case).get(K.INFORMATION_GAPS, [])
    if not bands:
        assert not gaps
        return
    (finding,) = gaps
    assert [(g["start"], g["end"]) for g in finding.details["gaps"]] == bands
    assert finding.title_nl.startswith(f"{len(bands)} periode")
    assert all(",0 " not in line for line in finding.lines_nl)


def test_calamity_gap_finding_counts_two_bands_in_sems_story():
    finding = _by_kind(_sample("calamiteit_*.json"))[K.INFORMATION_GAPS][0]
    assert len(finding.details["gaps"]) == 2  # the months between birth and the first contact are not a gap
    assert "22 maanden" in " ".join(finding.lines_nl) and "22,0" not in " ".join(finding.lines_nl)


def test_noor_carousel_and_crisis_time():
    found = _by_kind(_sample("noor_*.json"))
    assert found[K.PLACEMENT_CAROUSEL][0].measure >= 3
    instability = found[K.PLACEMENT_INSTABILITY][0]
    assert instability.details["crisis_days"] > 0
    assert instability.details["moves"]


def test_calamity_case_repeated_referrals_with_back_and_forth():
    found = _by_kind(_sample("calamiteit_*.json"))
    referrals = found[K.REPEATED_REFERRALS][0]
    assert referrals.measure >= 5
    assert referrals.details["back_and_forth"]
    for item in referrals.details["back_and_forth"]:
        assert set(item["events"]) <= set(referrals.evidence_events)
    assert found[K.TURNOVER][0].measure > 40
    assert found[K.TURNOVER][0].details["organisations"] > 15
    assert found[K.PLACEMENT_CAROUSEL]
    assert found[K.MIRRORED_CONFLICT]
    assert found[K.CASE_MANAGER_CHANGES][0].measure >= 2


@pytest.mark.parametrize("pattern", ["lisa_*.json", "noor_*.json", "calamiteit_*.json"])
def test_sample_evidence_ids_exist_and_are_in_time_order(pattern: str):
    case = _sample(pattern)
    order = {e.id: i for i, e in enumerate(case.events_in_order())}
    persons, organisations = case.person_map(), case.organisation_map()
    relationships = {r.id for r in case.relationships}
    for finding in find_patterns(case):
        positions = [order[e] for e in finding.evidence_events]
        assert positions == sorted(positions), finding.id
        assert set(finding.evidence_persons) <= set(persons)
        assert set(finding.evidence_organisations) <= set(organisations)
        assert set(finding.evidence_relationships) <= relationships
