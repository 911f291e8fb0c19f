"""A parsed case plus the lookups the views need again and again (events by id and in order, who took part
in what), and its pattern findings computed once. The app caches one per case content (``app.state``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from models.case import Case, Event
from models.patterns.find import find_patterns
from models.patterns.link_evidence import cite_links


@dataclass
class CaseView:
    """A parsed case plus the lookups the callbacks need again and again."""

    case: Case
    key: str
    ordered: list[Event] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    person_events: dict[str, set[str]] = field(default_factory=dict)
    organisation_events: dict[str, set[str]] = field(default_factory=dict)
    perspective_events: dict[str, set[str]] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)
    organisation_names: dict[str, str] = field(default_factory=dict)
    source_titles: dict[str, str] = field(default_factory=dict)
    findings: list[Any] | None = None  # pattern findings, computed on first use
    bounds: tuple[dt.date, dt.date] | None = None  # first and last day, see app.filters.case_bounds
    size: int = 0  # bytes of the case file: what the cache counts (about a tenth of the memory it takes)

    @classmethod
    def build(cls, case: Case, key: str, size: int = 0) -> CaseView:
        view = cls(case=case, key=key, size=size)
        view.ordered = case.events_in_order()
        view.events = {event.id: event for event in view.ordered}
        view.order = {event.id: i for i, event in enumerate(view.ordered)}
        view.person_names = {person.id: person.label for person in case.persons}
        view.organisation_names = {org.id: org.name for org in case.organisations}
        view.source_titles = {source.id: source.title for source in case.sources}
        for event in view.ordered:
            for person in event.persons:
                view.person_events.setdefault(person, set()).add(event.id)
            if event.perspective:
                view.perspective_events.setdefault(event.perspective, set()).add(event.id)
            for org in (event.organisation, event.to_organisation):
                if org:
                    view.organisation_events.setdefault(org, set()).add(event.id)
        return view

    def event_organisations(self, event: Event) -> list[str]:
        return [org for org in (event.organisation, event.to_organisation) if org]


def findings_for(view: CaseView) -> list[Any]:
    """The case's pattern findings, computed once per case view (citing the group's links between their events)."""
    if view.findings is None:
        view.findings = cite_links(view.case, find_patterns(view.case))
    return view.findings


def finding(view: CaseView, finding_id: str | None) -> Any | None:
    """The finding with this id in the case, or None."""
    return next((f for f in findings_for(view) if f.id == finding_id), None)
