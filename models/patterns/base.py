"""Shared parts of the pattern analysis: the finding type, the counting rules and a prepared case view.

Everything here is pure: a finding is computed from the case (and optional date window), never from
the clock or the outside world.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from models.case import Case, Event, Organisation, Person
from models.partial_date import PartialDate
from models.patterns.words import fmt_number, format_day, format_month, plural
from models.vocabulary import EventType, Layer, OrganisationType, PersonKind, RelationshipType

__all__ = ["DEFAULT_RULES", "CaseView", "DateWindow", "Finding", "PatternKind", "PatternRules", "fmt_number",
           "format_day", "format_month", "make_finding", "plural"]

DateWindow = tuple[dt.date | None, dt.date | None]
"""A period to look at; either end may be open (None)."""


class PatternKind(StrEnum):
    """What a finding is about; also the fallback order of findings with equal salience."""

    DECISIONS_WITHOUT_FAMILY = "decisions_without_family"
    VEILIG_THUIS_REPORTS = "veilig_thuis_reports"
    BACK_AND_FORTH = "back_and_forth"
    LONG_WAITS = "long_waits"
    UNANSWERED_NEEDS = "unanswered_needs"
    OUT_OF_SCHOOL = "out_of_school"
    PARENT_FADING = "parent_fading"
    LOSS_THEN_TROUBLE = "loss_then_trouble"
    NETWORK_DROPPING_OUT = "network_dropping_out"
    INTERGENERATIONAL = "intergenerational"
    REPEATED_SEPARATIONS = "repeated_separations"
    DISPUTED_ACCOUNTS = "disputed_accounts"
    TURNING_POINT = "turning_point"
    MIRRORED_CONFLICT = "mirrored_conflict"
    MIRRORED_PASSING_ON = "mirrored_passing_on"
    REPEATED_REFERRALS = "repeated_referrals"
    ESCALATION = "escalation"
    PLACEMENT_CAROUSEL = "placement_carousel"
    PLACEMENT_INSTABILITY = "placement_instability"
    CASE_MANAGER_CHANGES = "case_manager_changes"
    TURNOVER = "turnover"
    REPEATED_SEQUENCE = "repeated_sequence"
    INFORMATION_GAPS = "information_gaps"
    ABSENT_FROM_TIMELINE = "absent_from_timeline"
    ABSENT_FROM_GENOGRAM = "absent_from_genogram"


KIND_ORDER = {kind: position for position, kind in enumerate(PatternKind)}

# How heavy (intensive, coercive) the care of an organisation type is; referrals to a higher number
# are "to heavier care". Types not listed (police, other) are not compared.
DEFAULT_HEAVINESS: Mapping[str, int] = MappingProxyType({
    OrganisationType.SCHOOL: 0, OrganisationType.GP: 0, OrganisationType.MUNICIPALITY: 0,
    OrganisationType.LOCAL_TEAM: 1,
    OrganisationType.YOUTH_MENTAL_HEALTH: 2, OrganisationType.YOUTH_CARE_PROVIDER: 2,
    OrganisationType.ADDICTION_CARE: 2, OrganisationType.ADULT_MENTAL_HEALTH: 2, OrganisationType.HOSPITAL: 2,
    OrganisationType.VEILIG_THUIS: 3, OrganisationType.FOSTER_CARE: 3,
    OrganisationType.CHILD_PROTECTION_BOARD: 4, OrganisationType.CERTIFIED_INSTITUTION: 4,
    OrganisationType.JUVENILE_COURT: 4,
    OrganisationType.CLOSED_YOUTH_CARE: 5,
})


@dataclass(frozen=True)
class PatternRules:
    """Counting rules and thresholds; every finding shows the ones it used."""

    # referrals
    referral_types: frozenset[str] = frozenset({"referral"})
    rereferral_window_days: int = 365
    min_referrals: int = 3
    organisation_heaviness: Mapping[str, int] = field(default_factory=lambda: DEFAULT_HEAVINESS)
    # placements
    min_stay_days: int = 8
    move_max_gap_days: int = 31
    reentry_window_days: int = 365
    carousel_placements: int = 3
    carousel_window_days: int = 365
    # turnover
    min_professionals: int = 10
    min_professionals_per_year: int = 6
    min_case_manager_changes: int = 2
    parallel_overlap_days: int = 92
    # repeated sequences
    sequence_layer: str | None = Layer.FORMAL
    sequence_max_gap_days: int = 92
    sequence_min_length: int = 3
    sequence_max_length: int = 6
    sequence_min_occurrences: int = 2
    sequence_collapse_repeats: bool = True
    max_sequence_findings: int = 3
    # family voice
    voice_window_days: int = 30
    # missing information (the timeline's grey bands: the same rule and the same default)
    gap_months: float = 6
    # waits, reports, voices, life events
    long_wait_days: int = 56
    min_veilig_thuis_reports: int = 2
    min_back_and_forth: int = 2
    answer_window_days: int = 42
    out_of_school_days: int = 28
    fading_days: int = 183
    fading_min_events: int = 3  # formal events with the child in the silent time: the help went on without the parent
    trouble_window_days: int = 183
    min_separations: int = 2
    turning_calm_days: int = 365
    early_parent_age: int = 20
    childhood_age: int = 18
    # mirrored patterns
    mirror_types: frozenset[str] = frozenset({RelationshipType.CONFLICT, RelationshipType.CUT_OFF})
    mirror_window_days: int = 365
    mirror_min_referrals: int = 2


DEFAULT_RULES = PatternRules()


@dataclass(frozen=True)
class Finding:
    """One pattern seen in the case: a prompt for the group ("do you recognise this?"), never a verdict.

    ``evidence_events`` are event ids in time order; ``details`` holds the figures behind the finding as
    plain JSON data (ids, numbers, dates as ISO text).
    """

    id: str
    kind: PatternKind
    title_nl: str
    title_en: str
    question_nl: str
    question_en: str
    measure: float
    measure_label_nl: str
    measure_label_en: str
    salience: float
    rules_nl: str
    rules_en: str
    evidence_events: tuple[str, ...] = ()
    evidence_persons: tuple[str, ...] = ()
    evidence_organisations: tuple[str, ...] = ()
    evidence_relationships: tuple[str, ...] = ()
    lines_nl: tuple[str, ...] = ()
    lines_en: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def title(self, lang: str = "nl") -> str:
        return self.title_en if lang == "en" else self.title_nl

    def question(self, lang: str = "nl") -> str:
        return self.question_en if lang == "en" else self.question_nl

    def measure_label(self, lang: str = "nl") -> str:
        return self.measure_label_en if lang == "en" else self.measure_label_nl

    def rules(self, lang: str = "nl") -> str:
        return self.rules_en if lang == "en" else self.rules_nl

    def lines(self, lang: str = "nl") -> tuple[str, ...]:
        return self.lines_en if lang == "en" else self.lines_nl

    def highlight(self) -> dict[str, list[str]]:
        """The evidence as the view options of ``layouts`` (``highlight_events`` …), for a click on the finding."""
        return {"highlight_events": list(self.evidence_events), "highlight_persons": list(self.evidence_persons),
                "highlight_organisations": list(self.evidence_organisations)}

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (for a ``dcc.Store``)."""
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["details"] = dict(self.details)
        for name in ("evidence_events", "evidence_persons", "evidence_organisations", "evidence_relationships",
                     "lines_nl", "lines_en"):
            data[name] = list(data[name])
        return data


def make_finding(kind: PatternKind, *, key: str | None = None, title: tuple[str, str], question: tuple[str, str],
                 measure: float, measure_label: tuple[str, str], salience: float, rules: tuple[str, str],
                 events: Iterable[str] = (), persons: Iterable[str] = (), organisations: Iterable[str] = (),
                 relationships: Iterable[str] = (), lines: tuple[Iterable[str], Iterable[str]] = ((), ()),
                 details: Mapping[str, Any] | None = None, view: CaseView | None = None) -> Finding:
    """Build a finding; with ``view``, evidence events are put in time order and ids deduplicated."""
    event_ids = view.in_time_order(events) if view is not None else tuple(dict.fromkeys(events))
    return Finding(
        id=f"{kind}:{key}" if key else str(kind), kind=kind, title_nl=title[0], title_en=title[1],
        question_nl=question[0], question_en=question[1], measure=round(float(measure), 2),
        measure_label_nl=_number_form(measure_label[0], measure),
        measure_label_en=_number_form(measure_label[1], measure),
        salience=_squash(salience), rules_nl=rules[0], rules_en=rules[1],
        evidence_events=event_ids, evidence_persons=tuple(dict.fromkeys(p for p in persons if p)),
        evidence_organisations=tuple(dict.fromkeys(o for o in organisations if o)),
        evidence_relationships=tuple(dict.fromkeys(relationships)),
        lines_nl=tuple(lines[0]), lines_en=tuple(lines[1]), details=dict(details or {}),
    )


def _number_form(text: str, measure: float) -> str:
    """``stap|stappen naar …`` → ``stap naar …`` for exactly 1, ``stappen naar …`` otherwise."""
    return re.sub(r"(\w+)\|(\w+)", lambda m: m.group(1) if measure == 1 else m.group(2), text)


def _squash(raw: float) -> float:
    """Salience in [0, 1): unchanged up to 0.8, then compressed smoothly, so strong findings keep their order."""
    raw = max(0.0, raw)
    if raw <= 0.8:
        return round(raw, 3)
    return round(0.8 + 0.2 * (1 - math.exp(-(raw - 0.8) / 0.2)), 3)


class CaseView:
    """The case prepared once for all pattern rules: events in time order, within the date window."""

    def __init__(self, case: Case, date_window: DateWindow | None = None) -> None:
        self.case = case
        self.window_start, self.window_end = date_window or (None, None)
        self.persons: dict[str, Person] = case.person_map()
        self.organisations: dict[str, Organisation] = case.organisation_map()
        self.family_ids = frozenset(p.id for p in case.persons if p.kind == PersonKind.FAMILY)
        self.voice_ids = frozenset(p.id for p in case.persons if p.kind != PersonKind.PROFESSIONAL)
        self.professional_ids = frozenset(p.id for p in case.persons if p.kind == PersonKind.PROFESSIONAL)
        all_ids, all_events, self.first_day, self.last_day = _in_order(case.events)
        self.all_events: list[Event] = all_events
        """Every event in time order (start, then end, then id: the order of ``Case.events_in_order``)."""
        self.event_by_id: dict[str, Event] = dict(zip(all_ids, all_events, strict=True))
        windowed = self.window_start is not None or self.window_end is not None
        if windowed:
            kept = [k for k, eid in enumerate(all_ids) if self.overlaps(self.first_day[eid], self.last_day[eid])]
            ids, self.events = [all_ids[k] for k in kept], [all_events[k] for k in kept]
        else:
            ids, self.events = all_ids, all_events
        self.position = {eid: i for i, eid in enumerate(ids)}
        self.relationships = [r for r in case.relationships
                              if self.overlaps(r.start.earliest() if r.start else None,
                                               r.end.latest() if r.end else None)]
        last_day = max(self.last_day.values(), default=None)
        self.index: Person | None = self.persons.get(case.index_person)
        self.child_death: dt.date | None = self.index.death.latest() if self.index and self.index.death else None
        self.story_start, self.story_end = self._story(last_day)
        self.reference_end: dt.date | None = self.window_end or last_day
        if self.child_death is not None and (self.reference_end is None or self.child_death < self.reference_end):
            self.reference_end = self.child_death
        lo, hi, first, last = self.story_start, self.child_death, self.first_day, self.last_day
        self.story_events: list[Event] = [e for eid, e in zip(ids, self.events, strict=True)
                                          if (lo is None or last[eid] >= lo) and (hi is None or first[eid] <= hi)]
        self._text: dict[str, str] = {}
        self._by_person: dict[str, list[Event]] | None = None
        self.cache: dict[str, Any] = {}
        """Figures several rules share (e.g. the referrals, the professionals per event), computed once."""

    def events_of(self, person_id: str) -> list[Event]:
        """All events naming a person (in time order, whole case)."""
        if self._by_person is None:
            self._by_person = {}
            for event in self.all_events:
                for person in event.persons:
                    self._by_person.setdefault(person, []).append(event)
        return self._by_person.get(person_id, [])

    def _story(self, last_day: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
        """Where the child's story starts and ends: from the first event that is more than a dated family fact (a
        formal event, a statement, an experience, a period), but not before a pregnancy; without a birth date, from the
        first event naming the child. It ends at the child's death, else at the last event."""
        child = self.case.index_person
        first_help = next((self.first_day[e.id] for e in self.all_events
                           if e.type != EventType.LIFE_EVENT or e.end is not None), None)
        if self.index is not None and self.index.birth is not None:
            start: dt.date | None = self.index.birth.earliest() - dt.timedelta(days=280)
            if first_help is not None and first_help > start:
                start = first_help
        else:
            start = next((self.first_day[e.id] for e in self.all_events if child in e.persons), first_help)
        return start, self.child_death or last_day

    def in_story(self, event: Event) -> bool:
        """Whether an event falls in the child's story (not family history before it, not after the death)."""
        if self.story_start is not None and self.last_day[event.id] < self.story_start:
            return False
        return not (self.child_death is not None and self.first_day[event.id] > self.child_death)

    def placement_child(self, event: Event) -> str | None:
        """The child a placement is about: the file's ``placement.child``; else the index child when the event
        names it or names no family member; else the first family member it names."""
        if event.placement is None:
            return None
        if event.placement.child:
            return event.placement.child
        family = [p for p in event.persons if p in self.family_ids]
        if self.case.index_person in event.persons or not family:
            return self.case.index_person
        return family[0]

    def has_topic(self, event: Event, topic: str, keywords: tuple[str, ...] = ()) -> tuple[bool, bool]:
        """(about the topic, only by keyword): the file's ``topics`` first; without topics, a keyword in the title
        or description (a fallback a rule must say it used)."""
        if event.topics:
            return topic in event.topics, False
        if not keywords:
            return False, False
        text = self._text.get(event.id)
        if text is None:
            text = self._text[event.id] = f"{event.title} {event.description or ''}".casefold()
        return _any_word(keywords).search(text) is not None, True

    def start(self, event: Event) -> dt.date:
        """The first day of an event (cached ``Event.start_day``)."""
        return self.first_day[event.id]

    def end(self, event: Event) -> dt.date:
        """The last day of an event (cached ``Event.end_day``)."""
        return self.last_day[event.id]

    def overlaps(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Whether a span (open ends unbounded) overlaps the date window."""
        if self.window_end is not None and start is not None and start > self.window_end:
            return False
        return not (self.window_start is not None and end is not None and end < self.window_start)

    def clip(self, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
        """A span cut to the date window."""
        if self.window_start is not None:
            start = max(start, self.window_start)
        if self.window_end is not None:
            end = min(end, self.window_end)
        return start, max(start, end)

    def in_time_order(self, event_ids: Iterable[str]) -> tuple[str, ...]:
        unique = dict.fromkeys(event_ids)
        return tuple(sorted(unique, key=lambda eid: self.position.get(eid, len(self.position))))

    def persons_of(self, event_ids: Iterable[str]) -> list[str]:
        """Person ids named in the given events, in first-seen order."""
        found = (self.event_by_id.get(eid) for eid in event_ids)
        return list(dict.fromkeys(p for e in found if e is not None for p in e.persons))

    def org_name(self, org_id: str | None) -> str:
        if org_id is None:
            return "?"
        organisation = self.organisations.get(org_id)
        return organisation.name if organisation else org_id

    def person_label(self, person_id: str) -> str:
        person = self.persons.get(person_id)
        return person.label if person else person_id

    def window_rule(self, lang: str) -> str:
        """The date window as a counting-rule sentence ('' without a window)."""
        if self.window_start is None and self.window_end is None:
            return ""
        start = format_day(self.window_start, lang) if self.window_start else "…"
        end = format_day(self.window_end, lang) if self.window_end else "…"
        return f" Periode: {start} – {end}." if lang == "nl" else f" Period: {start} – {end}."


@functools.cache
def _last_of(year: int, month: int | None) -> dt.date:
    """The last day of a month (or of a year): ``PartialDate.latest`` for a date without a day, remembered."""
    return PartialDate(year, month).latest()


@functools.cache
def _any_word(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern matching any of the words anywhere (as ``any(word in text …)``, in one pass)."""
    return re.compile("|".join(re.escape(word) for word in keywords))


def _in_order(events: list[Event]) -> tuple[list[str], list[Event], dict[str, dt.date], dict[str, dt.date]]:
    """(ids, events) in the order of ``Case.events_in_order`` (start, then end, then id), and each event's first
    and last day by id.

    One pass reads the events in file order, the order they lie in memory (reading them in time order instead
    costs a cache miss per event on large cases); the sort then moves only the small keys.
    """
    keys = []
    first_day: dict[str, dt.date] = {}
    last_day: dict[str, dt.date] = {}
    for k, event in enumerate(events):  # Event.start_day / end_day, inlined: this runs for every event
        eid, first = event.id, event.date
        last = event.end or first
        keys.append((first.year, first.month or 0, first.day or 0, last.year, last.month or 0, last.day or 0, eid, k))
        first_day[eid] = dt.date(first.year, first.month or 1, first.day or 1)
        last_day[eid] = dt.date(last.year, last.month, last.day) if last.day else _last_of(last.year, last.month)
    keys.sort()
    return [key[6] for key in keys], [events[key[7]] for key in keys], first_day, last_day
