"""Mirrored patterns (parallel processes): what happens in the family happening again among professionals.

Two rules, both prompts for the group ("it looks as if…"), never conclusions:

- conflict or cut-off between family members in the same period as conflict or cut-off between professionals;
- the family passing the child on (kinship placements, moves to a household of other relatives) in the same
  period as organisations referring onward.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left
from typing import Any

from models.case import Event, Relationship
from models.patterns.base import CaseView, Finding, PatternKind, PatternRules, format_day, make_finding, plural
from models.patterns.referrals import referral_events
from models.vocabulary import EventType, ParentKind, PlacementSetting, RelationshipType, label

Span = tuple[dt.date | None, dt.date | None]


def _span(relationship: Relationship) -> Span:
    return (relationship.start.earliest() if relationship.start else None,
            relationship.end.latest() if relationship.end else None)


def _intersect(a: Span, b: Span) -> Span | None:
    """The overlap of two spans with open ends, or None when they do not meet."""
    starts = [d for d in (a[0], b[0]) if d is not None]
    ends = [d for d in (a[1], b[1]) if d is not None]
    start, end = (max(starts) if starts else None), (min(ends) if ends else None)
    if start is not None and end is not None and start > end:
        return None
    return start, end


def _span_text(relationship: Relationship, lang: str) -> str:
    start = relationship.start.format(lang) if relationship.start else "…"
    end = relationship.end.format(lang) if relationship.end else "…"
    return f"{start} – {end}"


def _pairs(relationships: list[Relationship]) -> list[list[Relationship]]:
    """Relationships grouped by their unordered pair of persons ("Moeder en Vader" = "Vader en Moeder")."""
    groups: dict[frozenset[str], list[Relationship]] = {}
    for relationship in relationships:
        groups.setdefault(frozenset((relationship.source, relationship.target)), []).append(relationship)
    return list(groups.values())


def _names(view: CaseView, pair: list[Relationship], word: str) -> str:
    return f"{view.person_label(pair[0].source)} {word} {view.person_label(pair[0].target)}"


def _pair_text(view: CaseView, pair: list[Relationship], lang: str) -> str:
    """``Moeder en Vader (conflict, april 2008 – …; contact verbroken, 2019 – …)``."""
    ties = "; ".join(dict.fromkeys(f"{label(r.type, lang)}, {_span_text(r, lang)}" for r in pair))
    return f"{_names(view, pair, 'and' if lang == 'en' else 'en')} ({ties})"


def _listing(names: list[str], lang: str, limit: int = 3) -> str:
    """Pairs of names, told apart by semicolons: ``A en B; C en D`` (``…; en nog 2`` beyond ``limit``)."""
    if len(names) > limit + 1:
        names = [*names[:limit], (f"and {len(names) - limit} more" if lang == "en" else
                                  f"en nog {len(names) - limit}")]
    return "; ".join(names)


def _clash(pair: list[Relationship]) -> bool:
    return any(r.type == RelationshipType.CONFLICT for r in pair)


def _side(view: CaseView, pair: list[Relationship], more: int) -> tuple[str, str]:
    """One side of the mirror in words that fit its tie: "botsen Moeder en Vader" for a conflict, "is het contact
    tussen Moeder en Opa M. verbroken" for a cut-off; "(en nog 2 tweetallen)" for the rest."""
    a, b = view.person_label(pair[0].source), view.person_label(pair[0].target)
    nl, en = (f"botsen {a} en {b}", f"{a} and {b} clash") if _clash(pair) else \
        (f"is het contact tussen {a} en {b} verbroken", f"{a} and {b} have cut off contact")
    if more:
        nl += f" (en nog {plural(more, 'tweetal', 'tweetallen')})"
        en += f" (and {more} more {'pair' if more == 1 else 'pairs'})"
    return nl, en


def _sides(view: CaseView, families: list[list[Relationship]],
           mirrors: list[tuple[list[Relationship], list[list[Relationship]]]]) -> tuple[tuple[str, str], ...]:
    """The question's two sides, one pair each: the telling one (a clash, then the one mirrored most) and a count
    of the rest; read aloud in a meeting, not a list (trial: three pairs a side, "en nog 2", in one sentence, and
    "botsen" for a contact cut off since 1995)."""
    first_family = min(families, key=lambda fam: (not _clash(fam), -sum(any(m is fam for m in matched)
                                                                        for _, matched in mirrors)))
    first_pro = min((prof for prof, _ in mirrors), key=lambda prof: not _clash(prof))
    return _side(view, first_family, len(families) - 1), _side(view, first_pro, len(mirrors) - 1)


def find_mirrored_conflicts(view: CaseView, rules: PatternRules) -> list[Finding]:
    """One finding for all conflicts between professionals that overlap a conflict in the family.

    Relationships between the same two persons count as one pair, whichever way round they are recorded; all
    mirrored pairs go into one finding, so a long-running family conflict does not flood the panel.
    """
    family = _pairs([r for r in view.relationships if r.type in rules.mirror_types
                     and r.source in view.family_ids and r.target in view.family_ids])
    professional = _pairs([r for r in view.relationships if r.type in rules.mirror_types
                           and r.source in view.professional_ids and r.target in view.professional_ids])
    mirrors: list[tuple[list[Relationship], list[list[Relationship]]]] = []
    overlaps: list[dict[str, Any]] = []
    events: list[str] = []
    for prof_pair in professional:
        matched = []
        for fam_pair in family:
            spans = [(prof, fam, span) for prof in prof_pair for fam in fam_pair
                     if (span := _intersect(_span(prof), _span(fam))) is not None]
            if not spans:
                continue
            matched.append(fam_pair)
            for prof, fam, span in spans:
                overlaps.append({"professional": prof.id, "relationship": fam.id,
                                 "start": span[0].isoformat() if span[0] else None,
                                 "end": span[1].isoformat() if span[1] else None})
                for event in view.events:
                    inside = (span[0] is None or view.end(event) >= span[0]) and \
                        (span[1] is None or view.start(event) <= span[1])
                    if inside and any({rel.source, rel.target} <= set(event.persons) for rel in (prof, fam)):
                        events.append(event.id)
        if matched:
            mirrors.append((prof_pair, matched))
    if not mirrors:
        return []
    families = [fam for fam in family if any(fam is m for _, matched in mirrors for m in matched)]
    lines_nl = [f"Gezin: {_pair_text(view, fam, 'nl')}" for fam in families]
    lines_en = [f"Family: {_pair_text(view, fam, 'en')}" for fam in families]
    for prof_pair, matched in mirrors:
        with_nl = _listing([_names(view, fam, "en") for fam in matched], "nl")
        with_en = _listing([_names(view, fam, "and") for fam in matched], "en")
        lines_nl.append(f"Professionals: {_pair_text(view, prof_pair, 'nl')}, tegelijk met {with_nl}")
        lines_en.append(f"Professionals: {_pair_text(view, prof_pair, 'en')}, at the same time as {with_en}")
    (fam_nl, fam_en), (pro_nl, pro_en) = _sides(view, families, mirrors)
    n = len(mirrors)
    prof_rels = [r for prof, _ in mirrors for r in prof]
    fam_rels = [r for fam in families for r in fam]
    persons = [p for r in prof_rels + fam_rels for p in (r.source, r.target)]
    orgs = [view.persons[p].organisation for r in prof_rels for p in (r.source, r.target)
            if p in view.persons and view.persons[p].organisation]
    return [make_finding(
        PatternKind.MIRRORED_CONFLICT,
        title=(f"Parallel proces? Conflict in het gezin en tussen {plural(n, 'tweetal', 'tweetallen')} professionals",
               f"Parallel process? Conflict in the family and between {plural(n, 'pair', 'pairs')} of professionals"),
        question=(f"Herkennen jullie dit: in het gezin {fam_nl}, en in dezelfde periode {pro_nl} onder de "
                  "professionals. Doen wij onderling misschien wat het gezin doet? Hoe voelt dat?",
                  f"Do you recognise this: in the family {fam_en}, and in the same period {pro_en} among the "
                  "professionals. Could we be doing with each other what the family does? How does that feel?"),
        measure=n, measure_label=("conflict|conflicten tussen professionals tegelijk met het gezin",
                                  "conflict|conflicts between professionals at the same time as in the family"),
        salience=0.6 + 0.05 * (n + len(families) - 1),
        rules=(f"Relaties van het type {' of '.join(label(t, 'nl') for t in sorted(rules.mirror_types))} tussen "
               "twee professionals, naast zulke relaties tussen twee gezinsleden in een overlappende periode (een "
               "open begin of einde telt als onbegrensd). Relaties tussen dezelfde twee personen tellen als één "
               "tweetal, in welke richting ook vastgelegd; alles samen in één bevinding. Bewijs: de relaties, en "
               "gebeurtenissen in de overlap waarin beide partijen van een van die relaties voorkomen. Een vraag om "
               "te toetsen, geen conclusie." + view.window_rule("nl"),
               f"Relationships of type {' or '.join(label(t, 'en') for t in sorted(rules.mirror_types))} between "
               "two professionals, alongside such relationships between two family members in an overlapping "
               "period (an open start or end counts as unbounded). Relationships between the same two persons "
               "count as one pair, whichever way round they are recorded; all together in one finding. Evidence: "
               "the relationships, and events in the overlap naming both parties of one of them. A question to "
               "test, not a conclusion." + view.window_rule("en")),
        events=events, persons=persons, organisations=orgs,
        relationships=[r.id for r in prof_rels + fam_rels], lines=(lines_nl, lines_en), view=view,
        details={"professional_relationships": [r.id for r in prof_rels],
                 "family_relationships": [r.id for r in fam_rels],
                 "pairs": [{"professionals": [r.id for r in prof],
                            "family": [[r.id for r in fam] for fam in matched]} for prof, matched in mirrors],
                 "overlaps": overlaps},
    )]


def household_handoffs(view: CaseView) -> list[dict[str, Any]]:
    """Moves of the index child from one family household to another that shares none of its members.

    Only family members count as housemates here (foster parents of the child do not), so a move into a
    foster family or a family-style group home, or back home from one, is not a hand-off within the family.
    """
    child = view.case.index_person
    foster = {r.source for r in view.case.relationships if r.type == RelationshipType.PARENT
              and r.target == child and r.parent_kind == ParentKind.FOSTER}
    family = view.family_ids - foster
    stays = []
    for household in view.case.households:
        others = {m.person for m in household.members if m.person != child and m.person in family}
        for member in household.members:
            if member.person == child and member.start is not None:
                stays.append((member.start.earliest(), household.id, others))
    stays.sort(key=lambda s: (s[0], s[1]))
    handoffs = []
    for (_, before_id, before), (day, after_id, after) in itertools.pairwise(stays):
        if before_id != after_id and before and after and not before & after and view.overlaps(day, day):
            handoffs.append({"date": day.isoformat(), "from": before_id, "to": after_id, "persons": sorted(after)})
    return handoffs


def family_moved(view: CaseView, event: Event) -> bool:
    """Whether the family itself moved the child: a family member among the deciders, or (without decision data)
    no organisation and no court order. A placement ordered by a judge or arranged by an organisation is not."""
    if event.decision is not None and event.decision.decided_by:
        return any(actor in view.family_ids for actor in event.decision.decided_by)
    return event.organisation is None and event.type != EventType.COURT_ORDER


def find_mirrored_passing_on(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Family passing the child on, with at least ``mirror_min_referrals`` referrals within the mirror window."""
    child = view.case.index_person
    placements = [e for e in view.story_events if e.placement is not None and view.placement_child(e) == child]
    kinship = [e for e in placements
               if e.placement is not None and e.placement.setting == PlacementSetting.KINSHIP_CARE
               and family_moved(view, e)]
    ordered = [view.start(e).toordinal() for e in placements if not family_moved(view, e)]
    handoffs = [h for h in household_handoffs(view)
                if not any(abs(dt.date.fromisoformat(h["date"]).toordinal() - day) <= 31 for day in ordered)]
    moments = [view.start(e) for e in kinship] + [dt.date.fromisoformat(h["date"]) for h in handoffs]
    if not moments:
        return []
    days = sorted(day.toordinal() for day in moments)
    referrals = []
    for event in referral_events(view, rules):
        day = view.start(event).toordinal()
        k = bisect_left(days, day - rules.mirror_window_days)
        if k < len(days) and days[k] <= day + rules.mirror_window_days:
            referrals.append(event)
    if len(referrals) < rules.mirror_min_referrals:
        return []
    lines_nl, lines_en = [], []
    for event in kinship:
        for lang, lines in (("nl", lines_nl), ("en", lines_en)):
            lines.append(f"{format_day(view.start(event), lang)}: {event.title} "
                         f"({label(PlacementSetting.KINSHIP_CARE, lang)})")
    households = {h.id: h for h in view.case.households}
    kinship_days = {view.start(e) for e in kinship}
    for handoff in handoffs:
        day = dt.date.fromisoformat(handoff["date"])
        if day in kinship_days:
            continue  # the same move as a kinship placement already listed
        target = households[handoff["to"]]
        name = target.label or ", ".join(view.person_label(p) for p in handoff["persons"])
        lines_nl.append(f"{format_day(day, 'nl')}: verhuist naar huishouden {name}")
        lines_en.append(f"{format_day(day, 'en')}: moves to household {name}")
    for event in referrals:
        pair = f"{view.org_name(event.organisation)} → {view.org_name(event.to_organisation)}"
        lines_nl.append(f"{format_day(view.start(event), 'nl')}: verwijzing {pair}")
        lines_en.append(f"{format_day(view.start(event), 'en')}: referral {pair}")
    passes = len(kinship) + sum(1 for h in handoffs if dt.date.fromisoformat(h["date"]) not in kinship_days)
    persons = [p for e in kinship for p in e.persons] + [p for h in handoffs for p in h["persons"]]
    return [make_finding(
        PatternKind.MIRRORED_PASSING_ON,
        title=("Parallel proces? Het gezin geeft het kind door, organisaties verwijzen door",
               "Parallel process? The family passes the child on, organisations refer on"),
        question=("Herkennen jullie dit: het kind gaat van het ene familielid naar het andere, en in dezelfde tijd "
                  "gaat de vraag van de ene organisatie naar de andere? Geven wij als professionals de "
                  "verantwoordelijkheid misschien door zoals het gezin dat doet?",
                  "Do you recognise this: the child goes from one relative to another, and in the same period the "
                  "question goes from one organisation to the next? Could it be that we as professionals pass on "
                  "responsibility the way the family does?"),
        measure=len(referrals), measure_label=("verwijzingen in dezelfde periode", "referrals in the same period"),
        salience=0.6 + 0.04 * passes + 0.03 * len(referrals),
        rules=("Doorgeven in het gezin: alleen als de familie het kind zelf verhuisde (een familielid besloot mee, "
               "of er was geen organisatie of rechter bij): een plaatsing in een netwerkpleeggezin, of een "
               "verhuizing van het kind van een huishouden met familie naar een ander huishouden met familie, "
               "zonder een van de familieleden van daarvoor (pleegouders tellen hier niet als familie). "
               "Doorverwijzen: verwijzingen binnen "
               f"{rules.mirror_window_days} dagen ervoor of erna; gemeld vanaf {rules.mirror_min_referrals}. Een "
               "vraag om te toetsen, geen conclusie." + view.window_rule("nl"),
               "Passing on in the family: only when the family itself moved the child (a family member took part "
               "in the decision, or no organisation or judge was involved): a placement in kinship care, or a move "
               "of the child from a household with "
               "family to another household with family, without any of the family members from before (foster "
               f"parents do not count as family here). Referring on: referrals within {rules.mirror_window_days} days "
               f"before or after; reported from {rules.mirror_min_referrals}. A question to test, not a conclusion."
               + view.window_rule("en")),
        events=[e.id for e in kinship] + [e.id for e in referrals], persons=persons,
        organisations=[o for e in referrals for o in (e.organisation, e.to_organisation) if o],
        lines=(lines_nl, lines_en), view=view,
        details={"kinship_placements": [e.id for e in kinship], "household_moves": handoffs,
                 "referrals": [e.id for e in referrals]},
    )]
