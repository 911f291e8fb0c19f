"""The case file as a whole: every list of items, the saved layout hints, and lookups by id."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from models.case.base import SCHEMA_VERSION, CaseItem, Id, LongText, ShortText, Source
from models.case.events import Event
from models.case.notes import Annotation, ReflectionNote
from models.case.people import Household, Organisation, OrganisationRelationship, Person, Relationship
from models.group import EventLink, Perspective, PerspectiveSwitch


class Position(CaseItem):
    x: float
    y: float


class LayoutHints(CaseItem):
    """Saved layout adjustments, so the drawing stays stable as the case is edited."""

    sibling_order: list[Id] = Field(default_factory=list,
                                    description="Person ids in the left-to-right order to keep")
    pinned: dict[Id, Position] = Field(default_factory=dict,
                                       description="Person id -> fixed position in the geno-sociogram")
    collapsed_organisations: list[Id] = Field(default_factory=list)


class Case(CaseItem):
    """One pseudonymised case file."""

    schema_version: Literal["1.0", "1.1", "1.2", "1.3"] = SCHEMA_VERSION
    id: Id = Field(description="A pseudonymous case id, never a name")
    title: ShortText
    description: LongText | None = None
    index_person: Id = Field(description="Id of the child at the centre of the case")
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    pseudonymised: Literal[True] = Field(description="Declares the file holds no real names")
    sources: list[Source] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    organisation_relationships: list[OrganisationRelationship] = Field(default_factory=list)
    households: list[Household] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    annotations: list[Annotation] = Field(default_factory=list)
    reflections: list[ReflectionNote] = Field(default_factory=list)
    perspectives: list[Perspective] = Field(default_factory=list, description="The group's perspectives and "
                                            "their colours")
    links: list[EventLink] = Field(default_factory=list, description="Arrows between events")
    perspective_switch: list[PerspectiveSwitch] = Field(default_factory=list,
                                                        description="Work card 5's table, a row per person")
    layout: LayoutHints = Field(default_factory=LayoutHints)

    # --- lookups (built on demand: a case may be edited) -------------------
    def person_map(self) -> dict[str, Person]:
        return _first_by_id(self.persons)

    def organisation_map(self) -> dict[str, Organisation]:
        return _first_by_id(self.organisations)

    def event_map(self) -> dict[str, Event]:
        return _first_by_id(self.events)

    def index(self) -> Person | None:
        """The index person (the child at the centre)."""
        return self.person_map().get(self.index_person)

    def events_in_order(self) -> list[Event]:
        """Events sorted by start date, then end, then id (stable for equal dates)."""
        events = self.events
        # as sorted(events, key=_event_order), in two stable sorts of plain keys (ids, then both dates as one
        # number): thousands of events are sorted for every timeline layout, and a call per event and tuples that
        # compare slowly cost
        ids = [event.id for event in events]
        dates = [(start := event.date).number * 100_000_000 + (event.end or start).number for event in events]
        order = sorted(range(len(events)), key=ids.__getitem__)
        order.sort(key=dates.__getitem__)
        return [events[i] for i in order]


def _event_order(event: Event) -> tuple:
    """``(start.sort_key(), (end or start).sort_key(), id)`` with each date's key as one number, year × 10,000 +
    month × 100 + day (the same order, sorted several times as fast: thousands of events are sorted for every
    timeline layout)."""
    start = event.date
    end = event.end or start
    return (start.year * 10_000 + (start.month or 0) * 100 + (start.day or 0),
            end.year * 10_000 + (end.month or 0) * 100 + (end.day or 0), event.id)


def _first_by_id(items: list) -> dict:
    """Items by id; where an id repeats (an invalid file), the first one counts."""
    found: dict = {}
    for item in items:
        found.setdefault(item.id, item)
    return found
