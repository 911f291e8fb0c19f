"""The chain of organisations, as a family lives it: repeated reports to Veilig Thuis, the ball passed back
between the same two organisations, and long waits before care starts."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict

from models.case import Event
from models.patterns.base import CaseView, Finding, PatternKind, PatternRules, format_day, make_finding, plural
from models.patterns.referrals import referral_events
from models.patterns.words import duration, times_in
from models.vocabulary import EventType, Layer, OrganisationType

# Organisations a referral to is not a wait for care: they investigate, decide or hold the case (a referral back to
# the certified institution hands the case back to the guardian or family supervisor; its next meeting is no start
# of care).
_NOT_CARE = frozenset({OrganisationType.VEILIG_THUIS, OrganisationType.CHILD_PROTECTION_BOARD,
                       OrganisationType.JUVENILE_COURT, OrganisationType.POLICE,
                       OrganisationType.CERTIFIED_INSTITUTION})
_CARE_STARTS = frozenset({EventType.TREATMENT, EventType.ASSESSMENT, EventType.PLACEMENT, EventType.MEETING})
_WAIT_WORDS = ("wachtlijst", "wachttijd", "waiting list")


def _org_type(view: CaseView, org_id: str | None) -> str | None:
    organisation = view.organisations.get(org_id) if org_id else None
    return organisation.type if organisation else None


def find_veilig_thuis_reports(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Reports (referrals) to Veilig Thuis: who reported, how far apart, and how many before an investigation."""
    reports = [e for e in referral_events(view, rules) if view.in_story(e)
               and _org_type(view, e.to_organisation) == OrganisationType.VEILIG_THUIS]
    if len(reports) < rules.min_veilig_thuis_reports:
        return []
    vt_orgs = dict.fromkeys(e.to_organisation for e in reports)  # ordered (not a set): the same in every run
    first = view.start(reports[0])
    investigation = next((e for e in view.story_events if e.organisation in vt_orgs
                          and e.type == EventType.ASSESSMENT and view.start(e) >= first), None)
    before = sum(1 for e in reports if investigation is None or view.start(e) <= view.start(investigation))
    span = (view.start(reports[-1]) - first).days
    lines_nl, lines_en = [], []
    previous: dt.date | None = None
    for event in reports:
        day = view.start(event)
        after_nl = f" ({duration((day - previous).days, 'nl')} na de vorige)" if previous else ""
        after_en = f" ({duration((day - previous).days, 'en')} after the previous one)" if previous else ""
        lines_nl.append(f"{format_day(day, 'nl')}: {view.org_name(event.organisation)} meldt{after_nl}")
        lines_en.append(f"{format_day(day, 'en')}: {view.org_name(event.organisation)} reports{after_en}")
        previous = day
    if investigation is not None:
        lines_nl.append(f"Onderzoek door Veilig Thuis na melding {before}: {format_day(view.start(investigation))}")
        lines_en.append(f"Investigation by Veilig Thuis after report {before}: "
                        f"{format_day(view.start(investigation), 'en')}")
    else:
        lines_nl.append("Geen onderzoek door Veilig Thuis vastgelegd")
        lines_en.append("No investigation by Veilig Thuis recorded")
    reporters = list(dict.fromkeys(e.organisation for e in reports if e.organisation))
    n = len(reports)
    return [make_finding(
        PatternKind.VEILIG_THUIS_REPORTS,
        title=(f"{times_in(n, span, 'nl')} een melding bij Veilig Thuis, door "
               f"{plural(len(reporters), 'melder', 'verschillende melders')}",
               f"Reported to Veilig Thuis {times_in(n, span, 'en')}, by "
               f"{plural(len(reporters), 'reporter', 'different reporters')}"),
        question=("Wie zag wat, en wist de volgende melder van de vorige melding? Wat maakte dat het bij een melding "
                  "bleef?",
                  "Who saw what, and did the next reporter know of the previous report? What made it stay at a "
                  "report?"),
        measure=n, measure_label=("melding|meldingen bij Veilig Thuis", "report|reports to Veilig Thuis"),
        salience=0.45 + 0.08 * n + (0.1 if before >= 3 or investigation is None else 0.0),
        rules=("Meldingen: verwijzingen naar een organisatie van het type Veilig Thuis binnen het verhaal van het "
               "kind. Onderzoek: de eerste gebeurtenis van het type onderzoek bij Veilig Thuis na de eerste melding. "
               f"Gemeld vanaf {rules.min_veilig_thuis_reports} meldingen." + view.window_rule("nl"),
               "Reports: referrals to an organisation of type Veilig Thuis within the child's story. Investigation: "
               "the first event of type assessment at Veilig Thuis after the first report. Reported from "
               f"{rules.min_veilig_thuis_reports} reports." + view.window_rule("en")),
        events=[e.id for e in reports] + ([investigation.id] if investigation else []),
        persons=[p for e in reports for p in e.persons if p in view.family_ids],
        organisations=[*reporters, *vt_orgs], lines=(lines_nl, lines_en), view=view,
        details={"reports": [e.id for e in reports], "reporters": sorted(reporters),
                 "investigation": investigation.id if investigation else None, "reports_before_investigation": before},
    )]


def find_back_and_forth(view: CaseView, rules: PatternRules) -> list[Finding]:
    """The ball passed back: referrals between the same two organisations in both directions."""
    pairs: dict[frozenset[str], list[Event]] = defaultdict(list)
    for event in referral_events(view, rules):
        if event.organisation and event.to_organisation and event.organisation != event.to_organisation:
            pairs[frozenset((event.organisation, event.to_organisation))].append(event)
    findings = []
    for events in pairs.values():
        if len(events) < rules.min_back_and_forth or len({e.organisation for e in events}) < 2:
            continue
        a, b = events[0].organisation, events[0].to_organisation
        name_a, name_b = view.org_name(a), view.org_name(b)
        span = (view.start(events[-1]) - view.start(events[0])).days
        n = len(events)
        lines_nl = [f"{format_day(view.start(e), 'nl')}: {view.org_name(e.organisation)} → "
                    f"{view.org_name(e.to_organisation)}" for e in events]
        lines_en = [f"{format_day(view.start(e), 'en')}: {view.org_name(e.organisation)} → "
                    f"{view.org_name(e.to_organisation)}" for e in events]
        findings.append(make_finding(
            PatternKind.BACK_AND_FORTH, key=f"{a}-{b}",
            title=(f"De bal gaat heen en weer tussen {name_a} en {name_b}: {times_in(n, span, 'nl')}",
                   f"The ball goes back and forth between {name_a} and {name_b}: {times_in(n, span, 'en')}"),
            question=(f"Wat maakte dat {name_a} en {name_b} de vraag niet konden houden, en hoe was dat voor het "
                      "gezin? Herkennen jullie dit?",
                      f"What made it hard for {name_a} and {name_b} to hold on to the question, and what was that "
                      "like for the family? Do you recognise this?"),
            measure=n, measure_label=("verwijzingen over en weer", "referrals back and forth"),
            salience=0.5 + 0.1 * (n - 1),
            rules=("Verwijzingen tussen dezelfde twee organisaties, in beide richtingen; gemeld vanaf "
                   f"{rules.min_back_and_forth} verwijzingen met minstens één keer terug." + view.window_rule("nl"),
                   "Referrals between the same two organisations, in both directions; reported from "
                   f"{rules.min_back_and_forth} referrals with at least one back." + view.window_rule("en")),
            events=[e.id for e in events], persons=[p for e in events for p in e.persons if p in view.family_ids],
            organisations=[a, b], lines=(lines_nl, lines_en), view=view,
            details={"organisations": [a, b], "referrals": [e.id for e in events]},
        ))
    return findings


def _care_start(view: CaseView, referral: Event, starts: dict[str, list[Event]],
                days: dict[str, list[int]]) -> Event | None:
    """The first care event at the receiving organisation on or after the referral (binary search)."""
    org = referral.to_organisation or ""
    k = bisect_left(days.get(org, []), view.start(referral).toordinal())
    return starts[org][k] if k < len(days.get(org, [])) else None


def find_long_waits(view: CaseView, rules: PatternRules) -> list[Finding]:
    """Referral → first care at the receiving organisation longer than ``long_wait_days``; waiting-list periods."""
    starts, waiting, keyword_used = _care_starts_and_waiting_lists(view)
    days_of = {org: [view.start(e).toordinal() for e in events] for org, events in starts.items()}
    waits = []
    for referral in referral_events(view, rules):
        if not view.in_story(referral) or _org_type(view, referral.to_organisation) in _NOT_CARE:
            continue
        start = _care_start(view, referral, starts, days_of)
        if start is not None and view.child_death is not None and view.start(start) > view.child_death:
            start = None  # care that was to start after the child's death never started
        until = view.start(start) if start is not None else view.child_death  # still waiting when the child died
        if until is not None and (days := (until - view.start(referral)).days) > rules.long_wait_days:
            waits.append((referral, start, days))
    if not waits and not waiting:
        return []
    spans = [(view.start(r), view.start(s) if s else view.child_death) for r, s, _ in waits] + \
        [(view.start(e), view.end(e)) for e in waiting]
    total = _union_days(spans)
    longest = max([d for *_, d in waits] + [(view.end(e) - view.start(e)).days for e in waiting])
    child = view.person_label(view.case.index_person)
    lines_nl, lines_en = _wait_lines(view, waits, waiting, child)
    fallback_nl = " Wachtlijsten zonder onderwerp 'wachten' zijn herkend aan het woord 'wachtlijst' (terugval; " \
        "niet bij hulp die de wachttijd overbrugt)." if keyword_used else ""
    fallback_en = " Waiting lists without the topic 'waiting' were recognised by the word 'waiting list' " \
        "(fallback; not for care bridging the wait)." if keyword_used else ""
    evidence = [e.id for r, s, _ in waits for e in (r, s) if e] + [e.id for e in waiting]
    open_at_death = any(start is None for _, start, _ in waits)
    return [make_finding(
        PatternKind.LONG_WAITS,
        title=(f"Lang wachten op hulp: samen {duration(total, 'nl')}, het langst {duration(longest, 'nl')}"
               + (f"; bij het overlijden wachtte {child} nog" if open_at_death else ""),
               f"Long waits for care: {duration(total, 'en')} in all, the longest {duration(longest, 'en')}"
               + (f"; at the death, {child} was still waiting" if open_at_death else "")),
        question=("Wat gebeurde er in het gezin terwijl het wachtte, en wie hield in die tijd contact? Herkennen "
                  "jullie dit?",
                  "What happened in the family while it waited, and who stayed in touch in the meantime? Do you "
                  "recognise this?"),
        measure=round(total / 30.44, 1), measure_label=("maanden wachten", "months of waiting"),
        salience=0.4 + 0.02 * min(total / 30.44, 20) + 0.05 * len(waits) + (0.4 if open_at_death else 0.0),
        rules=("Wachten: van een verwijzing tot de eerste behandeling, het eerste onderzoek, overleg of de eerste "
               f"plaatsing bij de ontvangende organisatie, als dat langer dan {rules.long_wait_days} dagen duurt "
               "(niet bij Veilig Thuis, Raad, rechter, politie of jeugdbescherming), of tot het overlijden van het "
               "kind als de zorg toen nog niet begonnen was; en periodes op een wachtlijst (onderwerp 'wachten'). "
               "Samen: de dagen van alle wachttijden, overlap één keer geteld." + fallback_nl
               + view.window_rule("nl"),
               "Waiting: from a referral to the first treatment, assessment, meeting or placement at the receiving "
               f"organisation, when longer than {rules.long_wait_days} days (not at Veilig Thuis, the Board, a "
               "court, the police or the certified institution), or to the child's death when the care had not "
               "started by then; and periods on a waiting list (topic 'waiting'). In all: the days of all waits, "
               "overlap counted once." + fallback_en + view.window_rule("en")),
        events=evidence, persons=[p for e in waiting for p in e.persons if p in view.family_ids],
        organisations=[r.to_organisation for r, _, _ in waits if r.to_organisation],
        lines=(lines_nl, lines_en), view=view,
        details={"waits": [{"referral": r.id, "start": s.id if s else None, "days": d} for r, s, d in waits],
                 "waiting_lists": [e.id for e in waiting], "total_days": total, "keyword_fallback": keyword_used},
    )]


def _care_starts_and_waiting_lists(view: CaseView) -> tuple[dict[str, list[Event]], list[Event], bool]:
    """The formal starts of care per organisation, the periods on a waiting list, and whether any of those was
    recognised by a keyword only (the fallback when the file gives no topic)."""
    starts: dict[str, list[Event]] = defaultdict(list)
    waiting: list[Event] = []
    keyword_used = False
    for event in view.story_events:
        about_waiting, by_keyword = view.has_topic(event, "waiting", _WAIT_WORDS) if event.end is not None \
            else (False, False)
        if by_keyword and event.type in _CARE_STARTS:  # "coaching bridges the wait" is care, not the wait itself
            about_waiting = False
        if about_waiting:
            waiting.append(event)
            keyword_used |= by_keyword
        elif event.layer == Layer.FORMAL and event.type in _CARE_STARTS and event.organisation:
            starts[event.organisation].append(event)
    return starts, waiting, keyword_used


def _wait_lines(view: CaseView, waits: list[tuple[Event, Event | None, int]], waiting: list[Event], child: str
                ) -> tuple[list[str], list[str]]:
    """One line per wait (nl, en): when, to whom, how long — or that the child died still waiting."""
    lines_nl, lines_en = [], []
    for referral, start, days in waits:
        receiver = view.org_name(referral.to_organisation)
        day_nl, day_en = format_day(view.start(referral), "nl"), format_day(view.start(referral), "en")
        if start is None:
            lines_nl.append(f"{day_nl}: verwezen naar {receiver}; toen {child} {duration(days, 'nl')} later "
                            "overleed, was de zorg nog niet begonnen")
            lines_en.append(f"{day_en}: referred to {receiver}; when {child} died {duration(days, 'en')} later, "
                            "the care had not started")
            continue
        lines_nl.append(f"{day_nl}: verwezen naar {receiver}, zorg begint na {duration(days, 'nl')}")
        lines_en.append(f"{day_en}: referred to {receiver}, care starts after {duration(days, 'en')}")
    for event in waiting:
        days = (view.end(event) - view.start(event)).days
        lines_nl.append(f"{format_day(view.start(event), 'nl')}: {event.title} ({duration(days, 'nl')})")
        lines_en.append(f"{format_day(view.start(event), 'en')}: {event.title} ({duration(days, 'en')})")
    return lines_nl, lines_en


def _union_days(spans: list[tuple[dt.date, dt.date]]) -> int:
    total, reach = 0, None
    for start, end in sorted(spans):
        if reach is None or start > reach:
            total += (end - start).days
            reach = end
        elif end > reach:
            total += (end - reach).days
            reach = end
    return total
