"""Decisions without the family, read from what the file says: ``decision.family_involved``.

"no" is counted and listed; "unknown" (or a decision without decision data) is listed apart as "niet
vastgelegd" and never counted as "no"; per deciding organisation; and whose voice was not heard, where the file
names them (``decision.not_heard``). A family entry near a decision does not mean the family had a say.
"""

from __future__ import annotations

from collections import Counter

from models.case import Event
from models.patterns.base import CaseView, Finding, PatternKind, PatternRules, format_day, make_finding, plural
from models.patterns.words import names
from models.vocabulary import EventType, FamilyInvolved


def decision_events(view: CaseView) -> list[Event]:
    """Decisions in the child's story: events with decision data or of type decision."""
    return [e for e in view.story_events if e.decision is not None or e.type == EventType.DECISION]


def _involved(event: Event) -> FamilyInvolved:
    return event.decision.family_involved if event.decision is not None else FamilyInvolved.UNKNOWN


def _decider(view: CaseView, event: Event) -> str | None:
    """The deciding organisation: one named in ``decided_by``, else a decider's organisation, else the event's."""
    deciders = event.decision.decided_by if event.decision else []
    for actor in deciders:
        if actor in view.organisations:
            return actor
    for actor in deciders:
        person = view.persons.get(actor)
        if person is not None and person.organisation:
            return person.organisation
    return event.organisation


def find_decisions_without_family(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Reported when at least one decision says the family was not involved."""
    decisions = decision_events(view)
    without = [e for e in decisions if _involved(e) == FamilyInvolved.NO]
    unknown = [e for e in decisions if _involved(e) == FamilyInvolved.UNKNOWN]
    if not without:
        return []
    by_org = Counter(view.org_name(_decider(view, e)) if _decider(view, e) else "?" for e in without)
    not_heard = Counter(p for e in without if e.decision for p in e.decision.not_heard)
    lines_nl, lines_en = [], []
    for org, count in by_org.most_common():
        lines_nl.append(f"{org}: {plural(count, 'besluit', 'besluiten')} zonder het gezin")
        lines_en.append(f"{org}: {plural(count, 'decision', 'decisions')} without the family")
    for person, count in not_heard.most_common():
        lines_nl.append(f"{view.person_label(person)} niet gehoord: {count} keer")
        lines_en.append(f"{view.person_label(person)} not heard: {count} {'time' if count == 1 else 'times'}")
    for event in without:
        lines_nl.append(f"{format_day(view.start(event), 'nl')}: {event.title}")
        lines_en.append(f"{format_day(view.start(event), 'en')}: {event.title}")
    if unknown:
        lines_nl.append(f"Niet vastgelegd of het gezin meedeed: {plural(len(unknown), 'besluit', 'besluiten')} — "
                        + "; ".join(f"{format_day(view.start(e), 'nl')} {e.title}" for e in unknown[:6]))
        lines_en.append(f"Not recorded whether the family took part: "
                        f"{plural(len(unknown), 'decision', 'decisions')} — "
                        + "; ".join(f"{format_day(view.start(e), 'en')} {e.title}" for e in unknown[:6]))
    n = len(without)
    heard_nl = f" {names([view.person_label(p) for p in not_heard], 'nl')} niet gehoord." if not_heard else ""
    heard_en = f" {names([view.person_label(p) for p in not_heard], 'en')} not heard." if not_heard else ""
    unknown_nl = f", bij {len(unknown)} niet vastgelegd" if unknown else ""
    unknown_en = f", not recorded for {len(unknown)}" if unknown else ""
    return [make_finding(
        PatternKind.DECISIONS_WITHOUT_FAMILY,
        title=(f"{n} van {len(decisions)} besluiten zonder het gezin{unknown_nl}",
               f"{n} of {len(decisions)} decisions without the family{unknown_en}"),
        question=("Wat zouden zij erover zeggen, de mensen over wie besloten werd? Herkennen jullie dit: besluiten "
                  f"waarbij het gezin niet aan tafel zat?{heard_nl}",
                  "What would they say about it, the people decided about? Do you recognise this: decisions "
                  f"taken without the family at the table?{heard_en}"),
        measure=n, measure_label=("besluit|besluiten zonder het gezin", "decision|decisions without the family"),
        # the share weighs most: most decisions taken without the family is among the most telling findings
        salience=0.45 + 0.04 * min(n, 10) + 0.03 * min(len(not_heard), 3) + 0.25 * n / max(1, len(decisions)),
        rules=("Wat het dossier zegt: besluiten met 'gezin betrokken: nee' worden geteld; 'onbekend' staat apart als "
               "niet vastgelegd en telt niet mee. Wie niet gehoord is, komt uit het besluit zelf. Een uitspraak van "
               "het gezin vlak bij een besluit betekent niet dat het gezin meebeslist. Alleen besluiten binnen het "
               "verhaal van het kind." + view.window_rule("nl"),
               "What the file says: decisions marked 'family involved: no' are counted; 'unknown' is listed apart "
               "as not recorded and is not counted. Who was not heard comes from the decision itself. A family "
               "statement near a decision does not mean the family had a say. Only decisions within the child's "
               "story." + view.window_rule("en")),
        events=[e.id for e in without], persons=list(not_heard),
        organisations=[o for e in without if (o := _decider(view, e))], lines=(lines_nl, lines_en), view=view,
        details={"decisions": len(decisions), "without_family": [e.id for e in without],
                 "not_recorded": [e.id for e in unknown], "per_organisation": dict(by_org),
                 "not_heard": dict(not_heard)},
    )]
