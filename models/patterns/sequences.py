"""Sequence analysis within one case: recurring runs of event types, recurrence rate, and information gaps.

Follows TraMineR's vocabulary: runs are contiguous subsequences within a maximum gap (``seqefsub`` with
``max.gap``), counted as non-overlapping occurrences within the case; repeated states can be collapsed
first (distinct-state sequences).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from models.case import Event
from models.dates import DAYS_PER_MONTH, find_gaps, uncertain_range
from models.partial_date import PartialDate
from models.patterns.base import (
    CaseView,
    Finding,
    PatternKind,
    PatternRules,
    fmt_number,
    format_day,
    format_month,
    make_finding,
    plural,
)
from models.vocabulary import Layer, label


def sequence_events(view: CaseView, rules: PatternRules) -> list[Event]:
    """The events the sequence analysis reads (by default the formal layer), in time order."""
    if rules.sequence_layer is None:
        return list(view.events)
    return [e for e in view.events if e.layer == rules.sequence_layer]


def _steps(events: list[Event], collapse: bool) -> tuple[list[str], list[int]]:
    """(type per step, index of each step's first event in ``events``); with ``collapse`` a run of one type is one
    step. Step ``i`` holds ``events[bounds[i]:bounds[i + 1]]`` (the last step runs to the end)."""
    types: list[str] = []
    bounds: list[int] = []
    last = None
    for k, event in enumerate(events):
        kind = event.type
        if not (collapse and kind == last):
            types.append(str(kind))
            bounds.append(k)
            last = kind
    return types, bounds


def linked_organisations(view: CaseView) -> set[frozenset[str]]:
    """Pairs of organisations that worked together in the case: a referral or contact from one to the other, or
    both named in one event (the event's organisation and the organisations of the professionals it names)."""
    return {frozenset(pair) for pair in _linked_pairs(view)}


def _linked_pairs(view: CaseView) -> set[tuple[str, str]]:
    """:func:`linked_organisations` as ordered pairs, each both ways round (a cheap membership test)."""
    organisation_of = {p: view.persons[p].organisation for p in view.professional_ids}
    named_of = view.cache.get("named_professionals")  # filled by the turnover rule, when it ran first
    pairs: set[tuple[str, str]] = set()
    seen: set[frozenset[str | None]] = set()
    for event in view.events:
        named = named_of.get(event.id, ()) if named_of is not None else event.persons
        first, to = event.organisation, event.to_organisation
        if named:
            orgs = {organisation_of.get(p) for p in named}
            orgs.add(first)
            orgs.add(to)
        elif first is None or to is None or first == to:
            continue
        else:
            orgs = {first, to}
        orgs.discard(None)
        if len(orgs) < 2:
            continue
        key = frozenset(orgs)
        if key in seen:
            continue
        seen.add(key)
        pairs.update((a, b) for a in orgs for b in orgs if a != b)  # type: ignore[misc]
    return pairs


def recurrence_rate(types: list[str]) -> float:
    """Share of ordered pairs of distinct positions with the same type (categorical recurrence plot)."""
    n = len(types)
    if n < 2:
        return 0.0
    return sum(c * (c - 1) for c in Counter(types).values()) / (n * (n - 1))


def repeated_runs(view: CaseView, rules: PatternRules, limit: int | None = None,
                  events: list[Event] | None = None) -> list[dict[str, Any]]:
    """Recurring runs: n-grams of event types (within the maximum gap) with their non-overlapping occurrences.

    Most frequent first, then longer; a run is dropped when it only occurs inside a longer reported run.
    ``limit`` keeps only the first runs (with their occurrences as event ids).

    Linear in the number of events: one pass builds the steps, one the segments, and the n-grams are counted in
    dicts grown one step longer at a time.
    """
    events = sequence_events(view, rules) if events is None else events
    types, bounds = _steps(events, rules.sequence_collapse_repeats)
    found = _reported_runs(_candidates(types, _segment_ends(view, rules, events, bounds), rules), rules)
    ids = [e.id for e in events]
    bounds.append(len(events))
    for run in found[:limit]:
        size = len(run["types"])
        run["occurrences"] = [ids[bounds[i]:bounds[i + size]] for i in run.pop("starts")]
    return found[:limit]


def _segment_ends(view: CaseView, rules: PatternRules, events: list[Event], bounds: list[int]) -> list[int]:
    """For each step, the last step of its segment: a new segment starts after a gap longer than the maximum, or
    between organisations that never worked together in the case."""
    first_day = view.first_day
    pairs = _linked_pairs(view)
    n_steps = len(bounds)
    segment_end = [0] * n_steps
    starts_after: list[int] = []  # steps that start a new segment (after the first)
    max_gap = rules.sequence_max_gap_days
    for i in range(1, n_steps):
        before, after = events[bounds[i] - 1], events[bounds[i]]
        a, b = before.organisation, after.organisation
        linked = a is None or b is None or a == b or (a, b) in pairs
        if not linked or (first_day[after.id] - first_day[before.id]).days > max_gap:
            starts_after.append(i)
    end = n_steps - 1
    for boundary in reversed(starts_after):
        segment_end[boundary:end + 1] = [end] * (end + 1 - boundary)
        end = boundary - 1
    segment_end[0:end + 1] = [end] * (end + 1)
    return segment_end


def _candidates(types: list[str], segment_end: list[int],
                rules: PatternRules) -> dict[int, dict[tuple[str, ...], list[int]]]:
    """Start positions of every n-gram within one segment, per length, built bottom-up: an n-gram can only recur
    if its first n-1 steps recur (apriori)."""
    shortest, longest = rules.sequence_min_length, rules.sequence_max_length
    first: dict[tuple[str, ...], list[int]] = defaultdict(list)
    candidates: dict[int, dict[tuple[str, ...], list[int]]] = {shortest: first}
    windows = zip(*(types[k:] for k in range(shortest)), strict=False)  # every run of ``shortest`` steps
    for i, gram in enumerate(windows):
        if i + shortest - 1 <= segment_end[i]:
            first[gram].append(i)
    for length in range(shortest + 1, longest + 1):
        grown: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for gram, starts in candidates[length - 1].items():
            if len(starts) < rules.sequence_min_occurrences:
                continue
            for start in starts:
                last = start + length - 1
                if last <= segment_end[start]:
                    grown[(*gram, types[last])].append(start)
        candidates[length] = grown
    return candidates


def _reported_runs(candidates: dict[int, dict[tuple[str, ...], list[int]]],
                   rules: PatternRules) -> list[dict[str, Any]]:
    """The runs to report, longest first when choosing: non-overlapping occurrences counted greedily; a run is
    left out when a longer reported run holds it at least as often. Sorted most frequent, then longest first."""
    shortest, longest = rules.sequence_min_length, rules.sequence_max_length
    found: list[dict[str, Any]] = []
    covered: dict[tuple[str, ...], int] = {}  # sub-run of a reported run -> its highest count
    for length in range(longest, shortest - 1, -1):
        for gram, starts in candidates.get(length, {}).items():
            if len(starts) < rules.sequence_min_occurrences or len(set(gram)) < 2:
                continue
            chosen: list[int] = []
            for start in starts:
                if not chosen or start >= chosen[-1] + length:
                    chosen.append(start)
            if len(chosen) < rules.sequence_min_occurrences or covered.get(gram, 0) >= len(chosen):
                continue
            found.append({"types": gram, "count": len(chosen), "starts": chosen})
            for size in range(shortest, length):
                for i in range(length - size + 1):
                    sub = gram[i:i + size]
                    covered[sub] = max(covered.get(sub, 0), len(chosen))
    found.sort(key=lambda run: (-run["count"], -len(run["types"]), run["types"]))
    return found


def find_repeated_sequences(view: CaseView, rules: PatternRules) -> list[Finding]:
    """The ``max_sequence_findings`` most frequent recurring runs (longer first when equally frequent)."""
    layer = rules.sequence_layer
    events = view.story_events if layer is None else [e for e in view.story_events if e.layer == layer]
    runs = repeated_runs(view, rules, rules.max_sequence_findings, events)
    if not runs:
        return []
    rate = recurrence_rate([str(e.type) for e in events])
    first_day = view.first_day
    findings = []
    for run in runs:
        names_nl = " → ".join(label(t, "nl") for t in run["types"])
        names_en = " → ".join(label(t, "en") for t in run["types"])
        lines_nl, lines_en = [], []
        for occurrence in run["occurrences"]:
            first, last = first_day[occurrence[0]], first_day[occurrence[-1]]
            lines_nl.append(f"{format_day(first, 'nl')} – {format_day(last, 'nl')} ({len(occurrence)} gebeurtenissen)")
            lines_en.append(f"{format_day(first, 'en')} – {format_day(last, 'en')} ({len(occurrence)} events)")
        events = [eid for occurrence in run["occurrences"] for eid in occurrence]
        layer_nl = "formele gebeurtenissen" if rules.sequence_layer == Layer.FORMAL else "gebeurtenissen"
        layer_en = "formal events" if rules.sequence_layer == Layer.FORMAL else "events"
        collapse_nl = " Opeenvolgende gebeurtenissen van hetzelfde type tellen als één stap." \
            if rules.sequence_collapse_repeats else ""
        collapse_en = " Consecutive events of the same type count as one step." \
            if rules.sequence_collapse_repeats else ""
        findings.append(make_finding(
            PatternKind.REPEATED_SEQUENCE, key="-".join(run["types"]),
            title=(f"Steeds weer: {names_nl} ({run['count']}×)", f"Again and again: {names_en} ({run['count']}×)"),
            question=("Herkennen jullie dit patroon dat zich herhaalt? Wat maakte dat het de volgende keer weer zo "
                      "liep, en wat deed iemand die keer anders?",
                      "Do you recognise this pattern repeating itself? What made it go the same way the next time, "
                      "and what did anyone do differently?"),
            measure=run["count"], measure_label=("keer gezien", "time|times seen"),
            salience=min(0.75, 0.2 + 0.1 * (run["count"] - 1) + 0.03 * (len(run["types"]) - 3)),
            rules=(f"Reeksen van {rules.sequence_min_length} tot {rules.sequence_max_length} opeenvolgende "
                   f"{layer_nl} met telkens hoogstens {rules.sequence_max_gap_days} dagen ertussen, gevonden door "
                   "sequentieanalyse (geen vaste lijst), minstens twee verschillende typen, alleen tussen organisaties "
                   "die in de casus met elkaar werkten (een verwijzing, contact of samen in één gebeurtenis); geteld "
                   "zonder overlap, "
                   f"gemeld vanaf {rules.sequence_min_occurrences} keer. Een reeks die alleen binnen een langere "
                   f"voorkomt, wordt niet apart gemeld.{collapse_nl} " + view.window_rule("nl"),
                   f"Runs of {rules.sequence_min_length} to {rules.sequence_max_length} consecutive {layer_en}, each "
                   f"at most {rules.sequence_max_gap_days} days apart, found by sequence analysis (not a fixed list), "
                   "with at least two different types, only between organisations that worked together in the case "
                   "(a referral, contact or both in one event); counted without overlap, reported from "
                   f"{rules.sequence_min_occurrences} times. A run that only occurs inside a longer one is not "
                   f"reported separately.{collapse_en}"
                   + view.window_rule("en")),
            events=events, persons=view.persons_of(events),
            organisations=[view.event_by_id[e].organisation for e in events], lines=(lines_nl, lines_en), view=view,
            details={"types": list(run["types"]), "count": run["count"], "occurrences": run["occurrences"],
                     "recurrence_rate": round(rate, 4)},
        ))
    return findings


def information_gaps(view: CaseView, rules: PatternRules) -> list[dict[str, Any]]:
    """The timeline's grey bands "geen informatie": stretches longer than ``gap_months`` that no event covers.

    One rule for both: :func:`models.dates.find_gaps` over all events of the case (each with its
    uncertain range), so the finding counts exactly the bands the timeline draws. With a date window, the
    bands overlapping the window, cut to it. ``start`` and ``end`` are the first and last day without
    information; ``before`` and ``after`` the events whose days border the band.
    """
    intervals = _intervals(view)
    ending_on: dict[dt.date, list[str]] = defaultdict(list)  # last day -> events, in time order
    first_starting_on: dict[dt.date, str] = {}  # first day -> the first event starting then
    for eid, (lo, hi) in intervals.items():
        ending_on[hi].append(eid)
        first_starting_on.setdefault(lo, eid)
    result = []
    for gap in find_gaps(intervals.values(), rules.gap_months):
        first, last = gap.start + dt.timedelta(days=1), gap.end - dt.timedelta(days=1)
        if not view.overlaps(first, last):
            continue
        before = max((eid for eid in ending_on.get(gap.start, ()) if intervals[eid][0] < gap.end),
                     key=lambda eid: view.position.get(eid, -1), default=None)
        after = first_starting_on.get(gap.end)
        if view.story_start is not None and first < view.story_start:  # family history: context, not a gap
            first, before = view.story_start, None
        if view.story_end is not None and last > view.story_end:  # after the child's death
            last, after = view.story_end, None
        first, last = view.clip(first, last)
        if (last - first).days + 2 <= rules.gap_months * DAYS_PER_MONTH:
            continue
        result.append({"start": first.isoformat(), "end": last.isoformat(), "days": (last - first).days + 1,
                       "before": before, "after": after})
    return result


def _intervals(view: CaseView) -> dict[str, tuple[dt.date, dt.date]]:
    """``event_interval`` of every event by id, each distinct date worked out once (dates are shared objects)."""
    ranges: dict[int, tuple[dt.date, dt.date]] = {}

    def uncertain(value: PartialDate) -> tuple[dt.date, dt.date]:
        found = ranges.get(id(value))
        if found is None:
            found = ranges[id(value)] = uncertain_range(value)
        return found

    intervals = {}
    for event in view.all_events:  # as models.dates.event_interval
        first, last = uncertain(event.date)
        if event.end is not None:
            last = uncertain(event.end)[1]
        intervals[event.id] = (first, last)
    return intervals


def find_information_gaps(view: CaseView, rules: PatternRules) -> list[Finding]:
    gaps = information_gaps(view, rules)
    if not gaps:
        return []
    longest = max(g["days"] for g in gaps)
    months = fmt_number(rules.gap_months, "nl"), fmt_number(rules.gap_months, "en")
    lines_nl, lines_en = [], []
    for gap in gaps:
        start, end = dt.date.fromisoformat(gap["start"]), dt.date.fromisoformat(gap["end"])
        length = (gap["days"] + 1) / DAYS_PER_MONTH  # as the timeline measures its band (edge to edge)
        lines_nl.append(f"{format_month(start, 'nl')} – {format_month(end, 'nl')}: "
                        f"{fmt_number(length, 'nl')} maanden")
        lines_en.append(f"{format_month(start, 'en')} – {format_month(end, 'en')}: "
                        f"{fmt_number(length, 'en')} months")
    events = [eid for g in gaps for eid in (g["before"], g["after"]) if eid in view.position]
    longest_months = (longest + 1) / DAYS_PER_MONTH
    return [make_finding(
        PatternKind.INFORMATION_GAPS,
        title=(f"{plural(len(gaps), 'periode', 'periodes')} van meer dan {months[0]} maanden zonder informatie",
               f"{plural(len(gaps), 'period', 'periods')} of more than {months[1]} months without information"),
        question=("Herkennen jullie dit: lange periodes waarover niets op de tijdlijn staat? Wat gebeurde er toen "
                  "in het gezin, en wie weet dat?",
                  "Do you recognise this: long periods with nothing on the timeline? What happened in the family "
                  "then, and who knows?"),
        measure=round(longest_months, 1), measure_label=("maanden (langste periode)", "months (longest period)"),
        salience=min(0.5, 0.2 + 0.01 * longest_months + 0.03 * len(gaps)),  # a prompt to ask, not a pattern
        rules=(f"De grijze banden op de tijdlijn: periodes van meer dan {months[0]} maanden waarin geen enkele "
               "gebeurtenis valt (een periode-gebeurtenis dekt haar hele duur; een onnauwkeurige of geschatte datum "
               "telt over alle dagen die ze kan betekenen), alleen binnen het verhaal van het kind (vanaf de "
               "zwangerschap, tot een eventueel overlijden); de familiegeschiedenis daarvoor telt niet. Bewijs: de "
               "gebeurtenissen vlak voor en na elke periode." + view.window_rule("nl"),
               f"The grey bands on the timeline: stretches of more than {months[1]} months in which no event falls "
               "(a period event covers its whole span; an imprecise or approximate date counts over every day it "
               "may mean), only within the child's story (from the pregnancy, up to a death); the family history "
               "before it does not count. Evidence: the events just before and after each "
               "stretch." + view.window_rule("en")),
        events=events, lines=(lines_nl, lines_en), view=view,
        details={"gaps": gaps, "longest_days": longest},
    )]
