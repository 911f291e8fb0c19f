"""People: changes of case manager, and persons missing from the timeline or the geno-sociogram."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from typing import Any

from models.case import Event, Person
from models.network import build_graph
from models.patterns.base import (
    CaseView,
    Finding,
    PatternKind,
    PatternRules,
    format_month,
    make_finding,
    plural,
)
from models.vocabulary import PersonKind, RelationshipType, label


def case_manager_periods(view: CaseView) -> list[dict[str, Any]]:
    """Each case manager (source of a ``case_manager_of`` tie) with a start and an end (None: ongoing).

    Dates come from the relationships; a missing start from the first event naming the person, then from
    their involvement period.
    """
    ties: dict[str, list] = defaultdict(list)
    for relationship in view.relationships:
        if relationship.type == RelationshipType.CASE_MANAGER_OF:
            ties[relationship.source].append(relationship)
    appearances: dict[str, list[Event]] = defaultdict(list)
    for event in view.events:
        for person in event.persons:
            if person in ties:
                appearances[person].append(event)
    periods = []
    for person, rels in ties.items():
        starts = [r.start.earliest() for r in rels if r.start]
        person_obj = view.persons.get(person)
        involvement = person_obj.involvement if person_obj else None
        start = min(starts) if starts else view.start(appearances[person][0]) if appearances[person] else \
            involvement.start.earliest() if involvement and involvement.start else None
        if start is None:
            continue
        ends = [r.end.latest() if r.end else None for r in rels]
        end = None if None in ends else max(e for e in ends if e is not None)
        periods.append({"person": person, "start": start, "end": end, "relationships": [r.id for r in rels],
                        "events": [e.id for e in appearances[person]]})
    periods.sort(key=lambda p: (p["start"], p["person"]))
    return periods


def find_case_manager_changes(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Successive case managers; an overlap longer than ``parallel_overlap_days`` counts as parallel, not a change."""
    periods = case_manager_periods(view)
    changes: list[dict[str, Any]] = []
    parallel: list[dict[str, Any]] = []
    for before, after in itertools.pairwise(periods):
        overlap = None if before["end"] is None else (before["end"] - after["start"]).days
        if overlap is None or overlap > rules.parallel_overlap_days:
            parallel.append({"persons": [before["person"], after["person"]], "from": after["start"].isoformat()})
            continue
        low = after["start"] - dt.timedelta(days=rules.parallel_overlap_days)
        high = max(after["start"], before["end"]) + dt.timedelta(days=rules.parallel_overlap_days)
        warm = list(dict.fromkeys(e.id for e in view.events_of(before["person"]) if e.id in view.position
                                  and after["person"] in e.persons and low <= view.start(e) <= high))
        changes.append({"from": before["person"], "to": after["person"], "date": after["start"].isoformat(),
                        "gap_days": max(0, -overlap - 1), "handover_events": warm})
    if len(changes) < rules.min_case_manager_changes:
        return []
    lines_nl, lines_en = [], []
    for change in changes:
        day = dt.date.fromisoformat(change["date"])
        who = f"{view.person_label(change['from'])} → {view.person_label(change['to'])}"
        gap_nl = f", {change['gap_days']} dagen zonder casusregisseur" if change["gap_days"] else ""
        gap_en = f", {change['gap_days']} days without a case manager" if change["gap_days"] else ""
        warm_nl = ", samen in een gebeurtenis (warme overdracht)" if change["handover_events"] else \
            ", geen gezamenlijke gebeurtenis (koude overdracht?)"
        warm_en = ", together in an event (warm handover)" if change["handover_events"] else \
            ", no shared event (cold handover?)"
        lines_nl.append(f"{format_month(day, 'nl')}: {who}{gap_nl}{warm_nl}")
        lines_en.append(f"{format_month(day, 'en')}: {who}{gap_en}{warm_en}")
    for item in parallel:
        names = [view.person_label(p) for p in item["persons"]]
        lines_nl.append(f"Tegelijk casusregisseur: {' en '.join(names)}")
        lines_en.append(f"Case managers at the same time: {' and '.join(names)}")
    involved = {c["from"] for c in changes} | {c["to"] for c in changes}
    events = [e for c in changes for e in c["handover_events"]]
    events += [p["events"][0] for p in periods if p["person"] in involved and p["events"]]
    cold = sum(1 for c in changes if not c["handover_events"])
    return [make_finding(
        PatternKind.CASE_MANAGER_CHANGES,
        title=(f"{plural(len(changes), 'wisseling', 'wisselingen')} van casusregisseur",
               f"{plural(len(changes), 'change', 'changes')} of case manager"),
        question=("Herkennen jullie dit: telkens een nieuwe casusregisseur? Wat ging er bij elke overdracht "
                  "verloren, en wie hield in die tijd het overzicht?",
                  "Do you recognise this: a new case manager again and again? What was lost at each handover, "
                  "and who kept the overview in the meantime?"),
        measure=len(changes), measure_label=("wisseling|wisselingen", "change|changes"),
        salience=0.3 + 0.1 * len(changes) + 0.05 * cold,
        rules=("Casusregisseur: bron van een relatie 'casusregisseur van'; begin en einde uit de relatie, anders "
               "de eerste gebeurtenis met die persoon of de betrokkenheidsperiode. Wisseling: de volgende begint "
               f"uiterlijk {rules.parallel_overlap_days} dagen voor het einde van de vorige (langer samen = "
               "tegelijk, geen wisseling). Warme overdracht: beiden in één gebeurtenis rond de wisseling. Gemeld "
               f"vanaf {rules.min_case_manager_changes} wisselingen." + view.window_rule("nl"),
               "Case manager: source of a 'case manager of' relationship; start and end from the relationship, "
               "else the first event naming the person or their involvement period. Change: the next one starts "
               f"at most {rules.parallel_overlap_days} days before the previous one ends (a longer overlap is "
               "parallel, not a change). Warm handover: both in one event around the change. Reported from "
               f"{rules.min_case_manager_changes} changes." + view.window_rule("en")),
        events=events, persons=[p["person"] for p in periods if p["person"] in involved],
        relationships=[r for p in periods if p["person"] in involved for r in p["relationships"]],
        lines=(lines_nl, lines_en), view=view,
        details={"changes": changes, "parallel": parallel,
                 "case_managers": [{"person": p["person"], "start": p["start"].isoformat(),
                                    "end": p["end"].isoformat() if p["end"] else None} for p in periods]},
    )]


def drawn_in_genosociogram(view: CaseView) -> set[str]:
    """Person ids the geno-sociogram draws at some date: the person nodes of ``build_graph(case, as_of=None)``
    (the whole history), professionals inside their organisation's box included. With a date window, only
    those who could be on it in that period (born by its end; others involved during it)."""
    graph = build_graph(view.case, as_of=None)
    drawn = set()
    for person_id, data in graph.nodes(data=True):
        person = view.persons.get(person_id)
        if data.get("node") != "person" or person is None:
            continue
        birth = person.birth.earliest() if person.birth else None
        involvement = person.involvement if person.kind != PersonKind.FAMILY else None
        start = involvement.start.earliest() if involvement and involvement.start else birth
        end = involvement.end.latest() if involvement and involvement.end else None
        if view.overlaps(start, end):
            drawn.add(person_id)
    return drawn


def find_absent_persons(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Persons drawn in the geno-sociogram with a tie (relationship or household) but named in no event, and
    persons named in events that the geno-sociogram does not draw on any date (see
    :func:`drawn_in_genosociogram`)."""
    in_genogram = drawn_in_genosociogram(view)
    tied: set[str] = set()  # drawn with a tie: a relationship line or a household
    for relationship in view.relationships:
        tied.update((relationship.source, relationship.target))
    for household in view.case.households:
        for member in household.members:
            if view.overlaps(member.start.earliest() if member.start else None,
                             member.end.latest() if member.end else None):
                tied.add(member.person)
    tied &= in_genogram
    appears: dict[str, list[str]] = defaultdict(list)
    for event in view.events:
        named = [*event.persons, event.perspective or ""]
        if event.decision is not None:
            named += event.decision.decided_by
        for person in dict.fromkeys(named):
            appears[person].append(event.id)
    findings: list[Finding] = []
    missing = [p for p in view.case.persons if p.id in tied and p.id not in appears]
    if missing:
        missing_ids = {p.id for p in missing}
        n, family = len(missing), sum(1 for p in missing if p.kind != PersonKind.PROFESSIONAL)
        findings.append(_absent_finding(
            view, PatternKind.ABSENT_FROM_TIMELINE, missing,
            title=(f"{_persons(n, 'nl')} in het geno-sociogram {'komt' if n == 1 else 'komen'} niet voor op de "
                   "tijdlijn",
                   f"{_persons(n, 'en')} in the geno-sociogram {'does' if n == 1 else 'do'} not appear on the "
                   "timeline"),
            question=("Herkennen jullie dit: mensen die er wel zijn, maar in het verhaal niet voorkomen? Welke rol "
                      "speelden zij, en wat weten we van hen?",
                      "Do you recognise this: people who are there, but do not appear in the story? What part did "
                      "they play, and what do we know about them?"),
            salience=0.2 + 0.04 * family,
            rules=("Personen die het geno-sociogram tekent met een relatie of in een huishouden, maar die in geen "
                   "enkele gebeurtenis genoemd worden (als betrokkene, stem of besluitnemer)." + view.window_rule("nl"),
                   "Persons the geno-sociogram draws with a relationship or in a household, but who are named in no "
                   "event (as participant, voice or decision maker)." + view.window_rule("en")),
            relationships=[r.id for r in view.relationships if r.source in missing_ids or r.target in missing_ids],
        ))
    floating = [p for p in view.case.persons if p.id in appears and p.id not in in_genogram
                and p.id != view.case.index_person]
    if floating:
        n, family = len(floating), sum(1 for p in floating if p.kind != PersonKind.PROFESSIONAL)
        findings.append(_absent_finding(
            view, PatternKind.ABSENT_FROM_GENOGRAM, floating,
            title=(f"{_persons(n, 'nl')} op de tijdlijn {'heeft' if n == 1 else 'hebben'} geen plek in het "
                   "geno-sociogram",
                   f"{_persons(n, 'en')} on the timeline {'has' if n == 1 else 'have'} no place in the "
                   "geno-sociogram"),
            question=("Herkennen jullie dit: mensen die in het verhaal opduiken, maar in het geno-sociogram "
                      "ontbreken? Hoe waren zij met het gezin verbonden, en met wie hadden zij contact?",
                      "Do you recognise this: people who turn up in the story, but are missing from the "
                      "geno-sociogram? How were they tied to the family, and who were they in contact with?"),
            salience=0.15 + 0.04 * family + min(0.1, 0.005 * (n - family)),
            rules=("Personen die in gebeurtenissen genoemd worden maar die het geno-sociogram op geen enkele datum "
                   "tekent (professionals in het kader van hun organisatie tellen als getekend; het kind zelf telt "
                   "niet mee)." + view.window_rule("nl"),
                   "Persons named in events whom the geno-sociogram draws on no date (professionals inside their "
                   "organisation's box count as drawn; the index child is not counted)." + view.window_rule("en")),
            events=[eid for p in floating for eid in appears[p.id]],
        ))
    return findings


def _persons(n: int, lang: str) -> str:
    """``1 persoon`` / ``3 personen`` (``person`` / ``persons``)."""
    if lang == "nl":
        return f"{n} {'persoon' if n == 1 else 'personen'}"
    return f"{n} {'person' if n == 1 else 'persons'}"


def _absent_finding(view: CaseView, kind: PatternKind, persons: list[Person], *, title: tuple[str, str],
                    question: tuple[str, str], salience: float, rules: tuple[str, str], events: list[str] | None = None,
                    relationships: list[str] | None = None) -> Finding:
    """A finding about persons missing from one of the two views: the persons, named per kind, as evidence."""
    by_kind_nl, by_kind_en = _names_by_kind(persons)
    return make_finding(
        kind, title=title, question=question, measure=len(persons),
        measure_label=("persoon|personen", "person|persons"), salience=salience, rules=rules,
        events=events or (), persons=[p.id for p in persons], relationships=relationships or (),
        lines=(by_kind_nl, by_kind_en), view=view, details={"persons": [p.id for p in persons]},
    )


def _names_by_kind(persons: list[Person]) -> tuple[list[str], list[str]]:
    """One line per kind of person: ``Familie: Opa M., Oom R.``."""
    by_kind_nl, by_kind_en = [], []
    for kind in PersonKind:
        names = [p.label for p in persons if p.kind == kind]
        if names:
            by_kind_nl.append(f"{label(kind, 'nl').capitalize()}: {', '.join(names)}")
            by_kind_en.append(f"{label(kind, 'en').capitalize()}: {', '.join(names)}")
    return by_kind_nl, by_kind_en
