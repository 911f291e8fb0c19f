"""The bundled sample cases: valid, consistent, and together rich enough to show every feature."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from models import Case, load_case
from models.saving import case_bytes
from models.vocabulary import (
    EMOTIONAL_TYPES,
    KINSHIP_TYPES,
    LEGAL_TYPES,
    PROFESSIONAL_TYPES,
    RESTRICTIVENESS,
    Certainty,
    EventType,
    FamilyInvolved,
    Layer,
    OrganisationType,
    ParentKind,
    PartnerStatus,
    PersonKind,
    PlacementSetting,
    RelationshipType,
    SourceKind,
    StatementKind,
)

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
ALL_FILES = sorted(SAMPLES.glob("*.json"))
RICH = ["lisa_gesloten_jeugdzorg.json", "noor_jeugd_ggz.json", "calamiteit_sem.json"]
EVENT_COUNTS = {"lisa_gesloten_jeugdzorg.json": (60, 100), "noor_jeugd_ggz.json": (50, 80),
                "calamiteit_sem.json": (150, 250)}


@pytest.fixture(scope="module")
def cases() -> dict[str, Case]:
    return {path.name: load_case(path) for path in ALL_FILES}


def test_expected_sample_files_exist():
    names = {path.name for path in ALL_FILES}
    assert {"minimal.json", *RICH} <= names


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_sample_case_loads(path):
    case = load_case(path)
    assert case.pseudonymised is True
    assert case.index() is not None


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_sample_case_validates_via_cli(path, capsys):
    assert main(["validate", str(path)]) == 0
    assert "geldig" in capsys.readouterr().out


def test_sample_cases_round_trip(cases):
    for name, case in cases.items():
        again = load_case(case_bytes(case))
        assert again == case, name


@pytest.mark.parametrize("name", RICH)
def test_rich_case_has_every_ingredient(cases, name):
    case = cases[name]
    low, high = EVENT_COUNTS[name]
    assert low <= len(case.events) <= high
    assert {p.kind for p in case.persons} == set(PersonKind)
    assert {p.gender for p in case.persons} >= {"male", "female"}
    assert any(p.is_deceased for p in case.persons)
    assert all(p.organisation and p.involvement and p.involvement.start
               for p in case.persons if p.kind == PersonKind.PROFESSIONAL)
    assert sum(1 for p in case.persons if p.kind == PersonKind.FAMILY and p.birth) >= 4
    assert len({o.type for o in case.organisations}) >= 8
    assert {r.type for r in case.relationships} & KINSHIP_TYPES
    assert {r.type for r in case.relationships} & EMOTIONAL_TYPES
    assert {r.type for r in case.relationships} & LEGAL_TYPES
    assert {r.type for r in case.relationships} & PROFESSIONAL_TYPES
    assert any(r.view for r in case.relationships)
    assert any(r.certainty != Certainty.CONFIRMED for r in case.relationships)
    assert any(r.type == RelationshipType.PARTNER and (r.separated or r.divorced) for r in case.relationships)
    assert len(case.households) >= 3
    assert any(m.end for h in case.households for m in h.members)
    assert {e.layer for e in case.events} == set(Layer)
    assert len({e.type for e in case.events}) >= 10
    assert any(e.placement for e in case.events)
    assert any(e.decision and e.decision.rationale for e in case.events)
    assert {e.decision.family_involved for e in case.events if e.decision} >= {"yes", "no"}
    assert any(e.end for e in case.events)
    assert any(e.approximate for e in case.events)
    assert any(e.certainty == Certainty.SUSPECTED for e in case.events)
    assert any(e.certainty == Certainty.DISPUTED for e in case.events)
    assert len(case.sources) >= 3
    assert {e.source for e in case.events if e.source} == {s.id for s in case.sources} - _unused_ok(case)
    assert len(case.annotations) >= 3
    assert case.description
    assert sum(1 for e in case.events if e.description) >= len(case.events) // 3


def _unused_ok(case: Case) -> set[str]:
    """Sources only cited by relationships (info_source) need not be cited by an event."""
    by_events = {e.source for e in case.events if e.source}
    return {r.info_source for r in case.relationships if r.info_source} - by_events


@pytest.mark.parametrize("name", RICH)
def test_lived_voices_are_marked(cases, name):
    """Work card 3: experiences and needs say whose voice they are and what kind of information they are."""
    case = cases[name]
    persons = case.person_map()
    lived = [e for e in case.events if e.layer == Layer.LIVED]
    assert len(lived) >= 15
    voiced = [e for e in case.events if e.type in (EventType.EXPERIENCE, EventType.STATEMENT_OF_NEED)]
    for event in voiced:
        assert event.perspective, event.id
        assert event.statement_kind, event.id
    voices = {persons[e.perspective].kind for e in lived if e.perspective}
    assert PersonKind.FAMILY in voices
    assert case.index_person in {e.perspective for e in lived}


def _overlaps(event_start: dt.date, event_end: dt.date, person) -> bool:
    inv = person.involvement
    if inv is None:
        return True
    if inv.start is not None and event_end < inv.start.earliest():
        return False
    return not (inv.end is not None and event_start > inv.end.latest())


@pytest.mark.parametrize("name", RICH)
def test_dates_are_consistent(cases, name):
    """Beyond the loader's rules: people appear only while alive and involved; households fit lifetimes."""
    case = cases[name]
    persons = case.person_map()
    source_kinds = {source.id: source.kind for source in case.sources}
    for event in case.events:
        # Looking back afterwards (an interview, a review meeting) may involve people whose part had ended.
        looking_back = source_kinds.get(event.source) in (SourceKind.INTERVIEW, SourceKind.MEETING,
                                                          SourceKind.REPORT)
        for pid in event.persons:
            person = persons[pid]
            involved = _overlaps(event.start_day(), event.end_day(), person)
            assert involved or (looking_back and event.start_day() > person.involvement.end.latest()), \
                (event.id, pid)
            if person.birth:
                assert event.end_day() >= person.birth.earliest() - dt.timedelta(days=300), (event.id, pid)
            if person.death:
                assert event.start_day() <= person.death.latest(), (event.id, pid)
        if event.perspective and not looking_back:
            assert _overlaps(event.start_day(), event.end_day(), persons[event.perspective]), event.id
    for household in case.households:
        for member in household.members:
            person = persons[member.person]
            if member.start and person.birth:
                assert member.start.latest() >= person.birth.earliest(), (household.id, member.person)
            if member.end and person.death:
                assert member.end.earliest() <= person.death.latest(), (household.id, member.person)
            if member.end is None and person.death:
                pytest.fail(f"{household.id}: {member.person} died but stays in the household")
    for rel in case.relationships:
        for pid in (rel.source, rel.target):
            person = persons[pid]
            if rel.start and person.birth:
                assert rel.start.latest() >= person.birth.earliest(), (rel.id, pid)
    for person in case.persons:
        if person.kind == PersonKind.FAMILY and person.birth and person.id != case.index_person:
            assert person.birth.year >= 1900


@pytest.mark.parametrize("name", RICH)
def test_households_can_be_drawn_on_a_date(cases, name):
    """Who lived with the index child at some point, and the child is in a household at every birthday."""
    case = cases[name]
    index = case.index()
    birth = index.birth.earliest()
    homes = [h for h in case.households if any(m.person == index.id for m in h.members)]
    assert len(homes) >= 2
    day = dt.date(birth.year + 1, birth.month, 1)
    together = {m.person for h in homes for m in h.members
                if (m.start is None or m.start.earliest() <= day) and (m.end is None or day <= m.end.latest())}
    assert index.id in together and len(together) >= 2


def test_calamity_case_has_many_professionals_and_organisations(cases):
    case = cases["calamiteit_sem.json"]
    professionals = [p for p in case.persons if p.kind == PersonKind.PROFESSIONAL]
    assert len(professionals) > 40
    assert len({p.organisation for p in professionals}) > 15
    assert len(case.organisations) > 15


def test_calamity_case_shows_the_patterns(cases):
    case = cases["calamiteit_sem.json"]
    referrals = [e for e in case.events if e.type == EventType.REFERRAL]
    assert len(referrals) >= 8
    assert all(e.organisation and e.to_organisation for e in referrals)
    hops = [(e.organisation, e.to_organisation) for e in referrals]
    assert any((b, a) in hops for a, b in hops), "a referral back and forth (A→B→A)"
    placements = sorted((e for e in case.events if e.placement), key=lambda e: e.date.sort_key())
    assert len(placements) >= 6
    assert any(e.placement.crisis for e in placements)
    levels = [e.placement.restrictiveness for e in placements]
    assert max(levels) >= RESTRICTIVENESS[PlacementSetting.CLOSED_YOUTH_CARE]
    assert levels[0] < max(levels), "escalation: the first placement is not the heaviest"
    assert sum(1 for level in levels if level >= RESTRICTIVENESS[PlacementSetting.CLOSED_YOUTH_CARE]) >= 2
    assert sum(1 for r in case.relationships if r.type == RelationshipType.CASE_MANAGER_OF) >= 3
    persons = case.person_map()
    assert any(r.type == RelationshipType.CONFLICT
               and persons[r.source].kind == persons[r.target].kind == PersonKind.PROFESSIONAL
               for r in case.relationships)
    assert sum(1 for e in case.events if e.decision and e.decision.family_involved == FamilyInvolved.NO) >= 3
    tags = {a.tag for a in case.annotations}
    assert {"parallel_pattern", "missing_information", "turning_point", "question"} <= tags
    targets = [a.target for a in case.annotations]
    assert any(t.events for t in targets) and any(t.persons for t in targets) and any(t.date_range for t in targets)


def test_every_vocabulary_value_is_used_across_samples(cases):
    rich = [cases[name] for name in RICH]
    events = [e for case in rich for e in case.events]
    relationships = [r for case in rich for r in case.relationships]
    assert {e.type for e in events} == set(EventType)
    assert {e.layer for e in events} == set(Layer)
    assert {e.placement.setting for e in events if e.placement} == set(PlacementSetting)
    assert {r.type for r in relationships} == set(RelationshipType)
    assert {r.effective_parent_kind for r in relationships if r.type == RelationshipType.PARENT} == set(ParentKind)
    statuses = {r.status for r in relationships if r.type == RelationshipType.PARTNER}
    assert statuses == set(PartnerStatus)
    assert {e.certainty for e in events} == set(Certainty)
    assert {r.certainty for r in relationships} == set(Certainty)
    assert {e.statement_kind for e in events if e.statement_kind} == set(StatementKind)
    assert {e.decision.family_involved for e in events if e.decision} == set(FamilyInvolved)
    assert {s.kind for case in rich for s in case.sources} == set(SourceKind)
    assert {o.type for case in rich for o in case.organisations} == set(OrganisationType)
    assert {p.gender for case in rich for p in case.persons} == {"male", "female", "other", "unknown"}


def test_every_relationship_category_in_every_rich_case(cases):
    for name in RICH:
        types = {r.type for r in cases[name].relationships}
        for category in (KINSHIP_TYPES, EMOTIONAL_TYPES, LEGAL_TYPES, PROFESSIONAL_TYPES):
            assert types & category, (name, category)
        assert types >= {RelationshipType.PARENT, RelationshipType.PARTNER, RelationshipType.CONFLICT,
                         RelationshipType.CLOSE, RelationshipType.PARENTAL_AUTHORITY,
                         RelationshipType.CASE_MANAGER_OF}, name


def test_no_realistic_names_in_labels(cases):
    """Labels are roles or pseudonyms: a role word, an initial ("Opa Z.") or a first name with an age."""
    for name, case in cases.items():
        for person in case.persons:
            words = person.label.replace("(", " ").replace(")", " ").split()
            capitalised = [w for w in words if w[:1].isupper() and len(w) > 2 and not w.endswith(".")]
            assert len(capitalised) <= 3, (name, person.label)
        assert "@" not in json.dumps([p.model_dump(mode="json") for p in case.persons]), name


def test_calamity_builder_reproduces_the_committed_file(tmp_path):
    script = SAMPLES / "build_calamity.py"
    out = tmp_path / "calamiteit_sem.json"
    subprocess.run([sys.executable, str(script), "--output", str(out)], check=True, cwd=SAMPLES.parent)
    assert out.read_text(encoding="utf-8") == (SAMPLES / "calamiteit_sem.json").read_text(encoding="utf-8")
