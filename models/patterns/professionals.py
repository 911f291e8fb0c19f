"""How many professionals: those involved with this child and family, per year, and how many new faces the
family had to tell its story to. Professionals who only worked with another family member (a parent's own
treatment), or only after the child's death, are shown apart, not counted."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from models.case import Event
from models.patterns.base import CaseView, Finding, PatternKind, PatternRules, make_finding, plural
from models.vocabulary import Layer, RelationshipType

_CHILD_TIES = frozenset({RelationshipType.CASE_MANAGER_OF, RelationshipType.GUARDIANSHIP, RelationshipType.TREATS})


def event_professionals(view: CaseView, event: Event) -> list[str]:
    """Professionals named in an event: as participant, as its voice, or as decision maker."""
    professionals = view.professional_ids
    if event.perspective is None and event.decision is None:
        return [p for p in event.persons if p in professionals]
    named = [p for p in event.persons if p in professionals]
    extra = [event.perspective] if event.perspective else []
    if event.decision is not None:
        extra += event.decision.decided_by
    for person in extra:
        if person in professionals and person not in named:
            named.append(person)
    return named


def involved_professionals(view: CaseView) -> tuple[set[str], dict[str, str]]:
    """(professionals involved with this child and family, {professional: why apart} for the others).

    Involved: named in an event of the child's story that names the child; or tied to the child (case manager,
    guardian, treats); or named in an event without family members, at an organisation that worked with the
    child. Apart: ``other_family`` (only with other family members), ``after_death``, ``not_with_child``.
    """
    child = view.case.index_person
    tied = {r.source for r in view.case.relationships if r.type in _CHILD_TIES and r.target == child}
    organisation_of = {p: view.persons[p].organisation for p in view.professional_ids}
    child_orgs: set[str | None] = set()
    for event in view.story_events:
        if child in event.persons:
            child_orgs.update((event.organisation, event.to_organisation))
            child_orgs.update(organisation_of[p] for p in event.persons if p in organisation_of)
    child_orgs.discard(None)
    involved: set[str] = set()
    seen_with: dict[str, set[str]] = defaultdict(set)
    named_of: dict[str, list[str]] = view.cache.setdefault("named_professionals", {})
    for event in view.events:
        named = event_professionals(view, event)
        if not named:
            continue
        named_of[event.id] = named
        pending = [p for p in named if p not in involved]
        if not pending:
            continue
        in_story = view.in_story(event)
        family = [p for p in event.persons if p in view.family_ids]
        with_child = child in event.persons
        for person in pending:
            at_child_org = event.organisation in child_orgs or organisation_of[person] in child_orgs
            if not in_story:
                seen_with[person].add("after_death")
            elif with_child or person in tied or (not family and at_child_org):
                involved.add(person)
            else:
                seen_with[person].add("other_family" if family else "not_with_child")
    apart = {p: ("after_death" if "after_death" in why and len(why) == 1 else
                 "other_family" if "other_family" in why else "not_with_child" if "not_with_child" in why
                 else "after_death")
             for p, why in seen_with.items() if p not in involved}
    return involved, apart


def professionals_per_year(view: CaseView) -> dict[str, Any]:
    """Distinct involved professionals and organisations per calendar year, each professional's first event, and
    who met the family (named in an event with a family member)."""
    involved, apart = involved_professionals(view)
    professionals: dict[int, set[str]] = defaultdict(set)
    organisations: dict[int, set[str]] = defaultdict(set)
    first_seen: dict[str, str] = {}
    first_year: dict[str, int] = {}
    met_family: set[str] = set()
    organisation_of = {p: view.persons[p].organisation for p in involved}
    windowed = view.window_start is not None or view.window_end is not None
    family = view.family_ids
    first_day, last_day = view.first_day, view.last_day
    named_of = view.cache["named_professionals"]
    for event in view.story_events:
        named = [p for p in named_of.get(event.id, ()) if p in involved]
        if not named:
            continue
        start, end = first_day[event.id], last_day[event.id]
        if windowed:
            start, end = view.clip(start, end)
        if not met_family.issuperset(named) and any(p in family for p in event.persons):
            met_family.update(named)
        orgs = {organisation_of[p] for p in named}
        if event.layer is Layer.FORMAL:
            orgs.update((event.organisation, event.to_organisation))
        orgs.discard(None)
        for person in named:
            if person not in first_seen:
                first_seen[person] = event.id
                first_year[person] = start.year
        for year in range(start.year, end.year + 1):
            professionals[year].update(named)
            organisations[year].update(orgs)
    new_per_year: dict[int, int] = defaultdict(int)
    for year in first_year.values():
        new_per_year[year] += 1
    all_orgs = set().union(*organisations.values()) if organisations else set()
    return {
        "per_year": [{"year": y, "professionals": len(professionals[y]), "organisations": len(organisations[y]),
                      "new_professionals": new_per_year.get(y, 0)} for y in sorted(professionals)],
        "professionals": list(first_seen), "first_events": first_seen, "organisations": sorted(all_orgs),
        "met_family": sorted(met_family), "apart": apart,
    }


def _apart_lines(view: CaseView, apart: dict[str, str]) -> tuple[list[str], list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for person, why in apart.items():
        groups[why].append(view.person_label(person))
    words = {"other_family": ("alleen met een ander gezinslid", "only with another family member"),
             "after_death": ("alleen na het overlijden", "only after the death"),
             "not_with_child": ("niet met het kind", "not with the child")}
    lines_nl, lines_en = [], []
    for why, people in groups.items():
        listed = ", ".join(people[:4]) + (" …" if len(people) > 4 else "")
        lines_nl.append(f"Apart, niet geteld ({words[why][0]}): {listed}")
        lines_en.append(f"Apart, not counted ({words[why][1]}): {listed}")
    return lines_nl, lines_en


def find_turnover(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Many professionals: from ``min_professionals`` in all, or ``min_professionals_per_year`` in one year."""
    data = professionals_per_year(view)
    total, per_year = len(data["professionals"]), data["per_year"]
    peak = max(per_year, key=lambda row: row["professionals"], default=None)
    if peak is None or (total < rules.min_professionals and peak["professionals"] < rules.min_professionals_per_year):
        return []
    n_orgs, met = len(data["organisations"]), len(data["met_family"])
    child = view.person_label(view.case.index_person)
    # the title counts those the family told its story to: the total says how it stands to them (trial: 49 and 51
    # read as two counts of one thing)
    lines_nl = [f"In totaal {plural(total, 'professional', 'professionals')} van "
                f"{plural(n_orgs, 'organisatie', 'organisaties')} betrokken bij {child} en het gezin"
                + (f"; {met} van hen spraken het gezin zelf" if met != total else "")]
    lines_en = [f"In all {plural(total, 'professional', 'professionals')} from "
                f"{plural(n_orgs, 'organisation', 'organisations')} involved with {child} and the family"
                + (f"; {met} of them met the family" if met != total else "")]
    lines_nl += [f"{row['year']}: {plural(row['professionals'], 'professional', 'professionals')}, "
                 f"{row['new_professionals']} nieuw"
                 for row in per_year if row["professionals"]]
    lines_en += [f"{row['year']}: {plural(row['professionals'], 'professional', 'professionals')}, "
                 f"{row['new_professionals']} new"
                 for row in per_year if row["professionals"]]
    apart_nl, apart_en = _apart_lines(view, data["apart"])
    return [make_finding(
        PatternKind.TURNOVER,
        # the peak counts everyone involved that year, not only the new ones: said so, so that it does not read as
        # "12 new in 2019" beside the year's line "12 professionals, 8 new"
        title=(f"Het gezin vertelde zijn verhaal aan {plural(met, 'professional', 'verschillende professionals')}; "
               f"in {peak['year']} alleen al waren er {peak['professionals']} betrokken",
               f"The family told its story to {plural(met, 'professional', 'different professionals')}; "
               f"{peak['professionals']} were involved in {peak['year']} alone"),
        question=("Hoe vaak moest het gezin zijn verhaal opnieuw vertellen, en wie kende het hele verhaal? "
                  "Herkennen jullie dit: zoveel gezichten rond één kind?",
                  "How often did the family have to tell their story again, and who knew the whole story? Do you "
                  "recognise this: so many faces around one child?"),
        measure=met, measure_label=("professional|professionals aan wie het gezin zijn verhaal vertelde",
                                    "professional|professionals the family told its story to"),
        salience=0.25 + 0.012 * total + 0.01 * n_orgs + 0.02 * peak["professionals"],
        rules=("Telt professionals die met dit kind en gezin werkten: genoemd in een gebeurtenis met het kind, "
               "casusregisseur, voogd of behandelaar van het kind, of genoemd zonder gezinsleden bij een organisatie "
               "die met het kind werkte; alleen binnen het verhaal van het kind. Wie alleen met een ander gezinslid "
               "werkte (de eigen behandeling van een ouder) of pas na een overlijden, staat apart. Nieuwe "
               "professionals voor het gezin: zij die in een gebeurtenis met een gezinslid voorkomen. Bewijs: de "
               f"gebeurtenis waarin iedere professional voor het eerst voorkomt. Gemeld vanaf {rules.min_professionals}"
               f" professionals in totaal of {rules.min_professionals_per_year} in één jaar." + view.window_rule("nl"),
               "Counts professionals who worked with this child and family: named in an event with the child, case "
               "manager, guardian or therapist of the child, or named without family members at an organisation "
               "that worked with the child; only within the child's story. Those who only worked with another "
               "family member (a parent's own treatment) or only after a death are shown apart. New professionals "
               "for the family: those named in an event with a family member. Evidence: the event in which each "
               f"professional first appears. Reported from {rules.min_professionals} professionals in all or "
               f"{rules.min_professionals_per_year} in one year." + view.window_rule("en")),
        events=data["first_events"].values(), persons=data["professionals"], organisations=data["organisations"],
        lines=([*lines_nl, *apart_nl], [*lines_en, *apart_en]), view=view,
        details={"professionals": total, "organisations": n_orgs, "per_year": per_year, "peak_year": peak["year"],
                 "met_family": met, "apart": data["apart"]},
    )]
