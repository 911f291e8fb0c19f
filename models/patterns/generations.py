"""Patterns across generations, read from the genogram: the same life event in two generations, and the
separations a child lives through."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from models.case import Event
from models.network import generations
from models.partial_date import PartialDate
from models.patterns.base import CaseView, Finding, PatternKind, PatternRules, format_day, make_finding, plural
from models.patterns.words import names
from models.vocabulary import ParentKind, PartnerStatus, PlacementSetting, RelationshipType

TRAITS = {
    "out_of_home": ("uithuisplaatsing", "out-of-home care"),
    "kinship": ("opgroeien in het netwerk", "kinship care"),
    "divorce": ("ouders uit elkaar in de jeugd", "parents separating in childhood"),
    "early_parent": ("jong ouder geworden", "early parenthood"),
    "lost_parent": ("jong een ouder verloren", "losing a parent in childhood"),
}


def _separation_day(view: CaseView, tie) -> dt.date | None:
    for value in (tie.separated, tie.divorced):
        if value is not None:
            return value.earliest()
    if tie.end is not None and tie.status in (PartnerStatus.SEPARATED, PartnerStatus.DIVORCED):
        return tie.end.earliest()
    return None


def _event_on(view: CaseView, day: dt.date, persons: set[str], slack: int = 45) -> Event | None:
    """An event near ``day`` naming one of ``persons`` (the file's own telling of the moment)."""
    near = [e for person in sorted(persons) for e in view.events_of(person)
            if abs((view.start(e) - day).days) <= slack]
    return min(near, key=lambda e: (view.start(e), e.id), default=None)


def person_traits(view: CaseView, rules: PatternRules,
                  when: dict[str, dict[str, PartialDate]] | None = None) -> dict[str, dict[str, list[str]]]:
    """trait -> {family person -> evidence event ids} for the life events of :data:`TRAITS`; with ``when``, also
    fills trait -> {person -> the date it happened} (a placement's start, the separation, the death, the birth)."""
    found: dict[str, dict[str, list[str]]] = defaultdict(dict)
    dates: dict[str, dict[str, PartialDate]] = defaultdict(dict) if when is None else when
    parents_of: dict[str, list[str]] = defaultdict(list)
    children_of: dict[str, list[str]] = defaultdict(list)
    for tie in view.case.relationships:
        if tie.type == RelationshipType.PARENT and tie.effective_parent_kind in (ParentKind.BIOLOGICAL,
                                                                                  ParentKind.ADOPTIVE):
            parents_of[tie.target].append(tie.source)
            children_of[tie.source].append(tie.target)
    for event in view.all_events:
        if event.placement is not None and event.placement.setting != PlacementSetting.HOME:
            child = view.placement_child(event)
            if child in view.family_ids:
                found["out_of_home"].setdefault(child, []).append(event.id)
                dates["out_of_home"].setdefault(child, event.date)
                if event.placement.setting == PlacementSetting.KINSHIP_CARE:
                    found["kinship"].setdefault(child, []).append(event.id)
                    dates["kinship"].setdefault(child, event.date)
    separations = {frozenset((t.source, t.target)): (day, _separation_date(t)) for t in view.case.relationships
                   if t.type == RelationshipType.PARTNER and (day := _separation_day(view, t)) is not None}
    for person_id, person in view.persons.items():  # in file order: the same findings in every run
        if person_id not in view.family_ids:
            continue
        if person.birth is None:
            continue
        born = person.birth.earliest()
        grown = dt.date(born.year + rules.childhood_age, born.month, min(born.day, 28))
        parents = parents_of.get(person_id, [])
        separated = separations.get(frozenset(parents)) if len(parents) == 2 else None
        if separated and born <= separated[0] < grown:
            event = _event_on(view, separated[0], set(parents))
            found["divorce"][person_id] = [event.id] if event else []
            dates["divorce"][person_id] = separated[1]
        for parent in parents:
            death = view.persons[parent].death if parent in view.persons else None
            if death is not None and born <= death.earliest() < grown:
                event = _event_on(view, death.earliest(), {parent}, 31)
                found["lost_parent"][person_id] = [event.id] if event else []
                dates["lost_parent"][person_id] = death
        firsts = sorted(view.persons[c].birth.earliest() for c in children_of.get(person_id, [])
                        if c in view.persons and view.persons[c].birth)
        if firsts and (firsts[0] - born).days < rules.early_parent_age * 365.25:
            child = next(c for c in children_of[person_id] if view.persons[c].birth
                         and view.persons[c].birth.earliest() == firsts[0])
            event = _event_on(view, firsts[0], {child}, 31)
            found["early_parent"][person_id] = [event.id] if event else []
            dates["early_parent"][person_id] = view.persons[child].birth
    return found


def _separation_date(tie) -> PartialDate:
    """The separation as the file dates it (the counterpart of :func:`_separation_day`)."""
    return tie.separated or tie.divorced or tie.end


def _when(view: CaseView, person_id: str, date: PartialDate | None, lang: str) -> str:
    """``: 1988 (ongeveer 4 jaar oud)``: when it happened, and how old the person was then ('' without a date)."""
    if date is None:
        return ""
    person = view.persons.get(person_id)
    if person is None or person.birth is None:
        return f": {date.format(lang)}"
    born, then = person.birth.midpoint(), date.midpoint()
    age = then.year - born.year - ((then.month, then.day) < (born.month, born.day))
    if age < 0:
        return f": {date.format(lang)}"
    rough = person.birth.precision != "day" or date.precision != "day"
    if lang == "en":
        return f": {date.format(lang)} (aged {'about ' if rough else ''}{age})"
    return f": {date.format(lang)} ({'ongeveer ' if rough else ''}{age} jaar oud)"


def find_intergenerational(view: CaseView, rules: PatternRules) -> list[Finding]:
    """The same life event (:data:`TRAITS`) in at least two generations of the family."""
    when: dict[str, dict[str, PartialDate]] = defaultdict(dict)
    traits = {trait: people for trait, people in person_traits(view, rules, when).items() if len(people) > 1}
    generation = generations(view.case) if traits else {}
    findings = []
    for trait, people in traits.items():
        levels = {generation.get(p) for p in people} - {None}
        if len(levels) < 2:
            continue
        ordered = sorted(people, key=lambda p: generation.get(p, 0))
        who = [view.person_label(p) for p in ordered]
        word_nl, word_en = TRAITS[trait]
        events = [e for p in ordered for e in people[p]]
        lines_nl = [f"{view.person_label(p)}{_when(view, p, when[trait].get(p), 'nl')}" for p in ordered]
        lines_en = [f"{view.person_label(p)}{_when(view, p, when[trait].get(p), 'en')}" for p in ordered]
        findings.append(make_finding(
            PatternKind.INTERGENERATIONAL, key=trait,
            title=(f"In {len(levels)} generaties: {word_nl} ({names(who, 'nl')})",
                   f"In {len(levels)} generations: {word_en} ({names(who, 'en')})"),
            question=("Wat geeft deze familie door van generatie op generatie, en wat zou zij willen doorbreken? "
                      "Weten de gezinsleden dit van elkaar?",
                      "What does this family pass on from generation to generation, and what would it like to "
                      "break? Do the family members know this of each other?"),
            measure=len(levels), measure_label=("generaties", "generations"),
            salience=0.45 + 0.1 * (len(levels) - 1) + (0.1 if view.case.index_person in people else 0.0),
            rules=("Uit het geno-sociogram: dezelfde gebeurtenis bij gezinsleden van minstens twee generaties. "
                   "Uithuisplaatsing en netwerkpleegzorg: plaatsingen van die persoon (plaatsing.kind); ouders uit "
                   "elkaar of een ouder overleden vóór het 18e jaar; jong ouder: eerste kind vóór het 20e jaar."
                   + view.window_rule("nl"),
                   "From the genogram: the same life event for family members of at least two generations. "
                   "Out-of-home and kinship care: placements of that person (placement.child); parents separated or "
                   "a parent died before age 18; early parenthood: a first child before age 20."
                   + view.window_rule("en")),
            events=events, persons=ordered, lines=(lines_nl, lines_en), view=view,
            details={"trait": trait, "persons": {p: people[p] for p in ordered},
                     "generations": sorted(levels)},
        ))
    return findings


def find_repeated_separations(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Separations of the child's parents or of a parent and a new partner, during the child's life."""
    child = view.case.index_person
    parents = {t.source for t in view.case.relationships if t.type == RelationshipType.PARENT and t.target == child}
    found = []
    for tie in view.case.relationships:
        if tie.type != RelationshipType.PARTNER or not {tie.source, tie.target} & parents:
            continue
        day = _separation_day(view, tie)
        if day is None or view.story_start is None or day < view.story_start or \
                (view.story_end is not None and day > view.story_end):
            continue
        found.append((day, tie, _event_on(view, day, {tie.source, tie.target})))
    if len(found) < rules.min_separations:
        return []
    found.sort(key=lambda item: item[0])
    lines_nl = [f"{format_day(d, 'nl')}: {view.person_label(t.source)} en {view.person_label(t.target)} uit elkaar"
                for d, t, _ in found]
    lines_en = [f"{format_day(d, 'en')}: {view.person_label(t.source)} and {view.person_label(t.target)} separate"
                for d, t, _ in found]
    name = view.person_label(child)
    return [make_finding(
        PatternKind.REPEATED_SEPARATIONS,
        title=(f"{name} maakt {plural(len(found), 'scheiding', 'scheidingen')} mee",
               f"{name} lives through {plural(len(found), 'separation', 'separations')}"),
        question=(f"Wat betekende elke scheiding voor {name}: wie verdween er uit het dagelijks leven, en wie bleef?",
                  f"What did each separation mean for {name}: who left daily life, and who stayed?"),
        measure=len(found), measure_label=("scheidingen", "separations"), salience=0.4 + 0.08 * len(found),
        rules=(f"Scheidingen van ouders en nieuwe partners van een ouder tijdens het leven van het kind; gemeld vanaf "
               f"{rules.min_separations}." + view.window_rule("nl"),
               "Separations of parents and of a parent's new partners during the child's life; reported from "
               f"{rules.min_separations}." + view.window_rule("en")),
        events=[e.id for _, _, e in found if e], persons=[p for _, t, _ in found for p in (t.source, t.target)],
        relationships=[t.id for _, t, _ in found], lines=(lines_nl, lines_en), view=view,
        details={"separations": [{"relationship": t.id, "date": d.isoformat()} for d, t, _ in found]},
    )]
