"""The pseudonymised case: persons, organisations, relationships, events and annotations.

Structure and types live here; checks across items (dangling ids, dates that
cannot be, ancestry loops) live in :mod:`models.validation`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from models.group import EventLink, Perspective, PerspectiveSwitch
from models.partial_date import PartialDate
from models.partner_status import partner_status_on
from models.vocabulary import (
    RESTRICTIVENESS,
    Certainty,
    EventType,
    FamilyInvolved,
    Gender,
    Layer,
    OrganisationRelationshipType,
    OrganisationType,
    ParentKind,
    PartnerStatus,
    PersonKind,
    PlacementSetting,
    RelationshipType,
    SourceKind,
    StatementKind,
    Topic,
)

SCHEMA_VERSION = "1.2"
"""1.1 adds optional fields only (topics, key moments, informants, joint events, organisation ties…): a 1.0
file is a valid 1.1 file and loads and saves unchanged. 1.2 adds the group's perspectives, links between events and
the perspective-switch table (:mod:`models.group`), all optional."""
READABLE_VERSIONS = ("1.0", "1.1", "1.2")

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
"""Identifiers: letters, digits and ``_ . : -``, at most 64 characters."""

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=20_000)]


class _Item(BaseModel):
    """Base for every case item: unknown fields are an error (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_enum_values=False)


class Period(_Item):
    """A stretch of time; either end may be open."""

    start: PartialDate | None = None
    end: PartialDate | None = None

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the period (open ends count as unbounded)."""
        if self.start is not None and day < self.start.earliest():
            return False
        return not (self.end is not None and day > self.end.latest())


class Source(_Item):
    """Where information comes from: a dossier, an interview, a meeting…"""

    id: Id
    kind: SourceKind = SourceKind.DOSSIER
    title: ShortText
    date: PartialDate | None = None
    note: LongText | None = None


class Twin(_Item):
    """A twin tie: this person and ``of`` were born of one pregnancy (triplets: each names the next)."""

    of: Id = Field(description="Id of the other twin")
    identical: bool = Field(False, description="Identical (monozygotic) twins")


class Affiliation(_Item):
    """A stretch of time a professional worked for (or on behalf of) an organisation."""

    organisation: Id
    start: PartialDate | None = None
    end: PartialDate | None = None
    role: ShortText | None = None


class Author(_Item):
    """A workshop participant: their name and the perspective they took part from."""

    name: ShortText = Field(description="The participant's name as they gave it when joining")
    perspective: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] | None = Field(
        None, description='The perspective (a short key, e.g. "ouder", "school", "jeugdbeschermer")')


class Contributor(Author):
    """Who added an item in a workshop, and who else added the same (merged into it by the facilitator)."""

    also: list[Author] = Field(default_factory=list, description="Participants who added the same item too "
                               "(their contributions were merged into this one)")


ADDED_BY = "Who added this item in a workshop (name and perspective); absent for items not added in a workshop"


class Person(_Item):
    """Someone in or around the family; a pseudonym or a role, never a real name."""

    id: Id
    label: ShortText = Field(description='Pseudonym or role, e.g. "Moeder", "Opa Z."')
    kind: PersonKind
    gender: Gender = Gender.UNKNOWN
    birth: PartialDate | None = None
    death: PartialDate | None = None
    deceased: bool = Field(False, description="Deceased, also when the date of death is unknown")
    role: ShortText | None = Field(None, description='e.g. "jeugdbeschermer", "buurvrouw"')
    organisation: Id | None = Field(None, description="Organisation id, for professionals")
    involvement: Period | None = Field(None, description="When a professional or network member was involved")
    twin: Twin | None = Field(None, description="This person's twin, drawn with joined lines from one point")
    affiliations: list[Affiliation] = Field(
        default_factory=list, description="A professional's organisations over time (besides 'organisation', "
        "the current or main one)")
    case_manager: bool = Field(False, description="The case manager (casusregisseur) of the case")
    note: LongText | None = None
    added_by: Contributor | None = Field(None, description=ADDED_BY)

    @property
    def is_deceased(self) -> bool:
        return self.deceased or self.death is not None

    def alive_on(self, day: dt.date) -> bool:
        """Born (or birth unknown) and not yet dead on ``day``."""
        if self.birth is not None and day < self.birth.earliest():
            return False
        if self.death is not None:
            return day <= self.death.latest()
        return True

    def involved_on(self, day: dt.date) -> bool:
        """Involved on ``day``; without an involvement period, always."""
        return self.involvement is None or self.involvement.contains(day)


class Organisation(_Item):
    id: Id
    name: ShortText
    type: OrganisationType
    note: LongText | None = None


class Relationship(_Item):
    """A tie between two persons. For ``parent`` the source is the parent."""

    id: Id
    type: RelationshipType
    source: Id
    target: Id
    parent_kind: ParentKind | None = Field(None, description="Only for type parent; default biological")
    status: PartnerStatus | None = Field(None, description="Only for type partner: the latest known status")
    married: PartialDate | None = Field(None, description="Only for type partner")
    separated: PartialDate | None = Field(None, description="Only for type partner")
    divorced: PartialDate | None = Field(None, description="Only for type partner")
    start: PartialDate | None = None
    end: PartialDate | None = None
    view: Id | None = Field(None, description="Whose view this is (a person id)")
    certainty: Certainty = Certainty.CONFIRMED
    info_source: Id | None = Field(None, description="Source id the information comes from")
    informant: Id | None = Field(None, description="Who told it (a person id), as opposed to the written source")
    note: LongText | None = None
    added_by: Contributor | None = Field(None, description=ADDED_BY)

    @model_validator(mode="after")
    def _type_specific_fields(self) -> Relationship:
        if self.type != RelationshipType.PARENT and self.parent_kind is not None:
            raise ValueError("parent_kind only belongs to a relationship of type 'parent'")
        partner_only = {"status": self.status, "married": self.married,
                        "separated": self.separated, "divorced": self.divorced}
        if self.type != RelationshipType.PARTNER:
            misplaced = [name for name, value in partner_only.items() if value is not None]
            if misplaced:
                raise ValueError(f"{', '.join(misplaced)} only belong(s) to a relationship of type 'partner'")
        return self

    @property
    def effective_parent_kind(self) -> ParentKind:
        return self.parent_kind or ParentKind.BIOLOGICAL

    def active_on(self, day: dt.date) -> bool:
        """Whether the tie existed on ``day`` (open ends count as unbounded)."""
        if self.start is not None and day < self.start.earliest():
            return False
        return not (self.end is not None and day > self.end.latest())

    def partner_status_on(self, day: dt.date | None) -> PartnerStatus | None:
        """The couple's status on ``day`` (None: the latest known); None before they met."""
        return partner_status_on(self, day)

    def together_on(self, day: dt.date | None) -> bool:
        """Whether a couple was together (married or cohabiting) on ``day``."""
        return self.partner_status_on(day) in (PartnerStatus.MARRIED, PartnerStatus.COHABITING)


class OrganisationRelationship(_Item):
    """How two organisations stand to each other (works with, contracts, conflict, refers to), drawn between
    their boxes in the geno-sociogram's outer ring."""

    id: Id
    type: OrganisationRelationshipType
    source: Id = Field(description="Organisation id (for contracts and refers_to: who contracts or refers)")
    target: Id = Field(description="Organisation id")
    start: PartialDate | None = None
    end: PartialDate | None = None
    certainty: Certainty = Certainty.CONFIRMED
    info_source: Id | None = Field(None, description="Source id the information comes from")
    informant: Id | None = Field(None, description="Who told it (a person id), as opposed to the written source")
    note: LongText | None = None

    def active_on(self, day: dt.date) -> bool:
        """Whether the tie existed on ``day`` (open ends count as unbounded)."""
        if self.start is not None and day < self.start.earliest():
            return False
        return not (self.end is not None and day > self.end.latest())


class Placement(_Item):
    """Where the child was placed; its restrictiveness follows from the setting."""

    setting: PlacementSetting
    location: ShortText | None = Field(None, description='e.g. "open groep De Linde"')
    crisis: bool = Field(False, description="A crisis or temporary placement")
    child: Id | None = Field(None, description="Person id of the child placed; without it, the index child "
                             "(or the one family member the event names)")

    @property
    def restrictiveness(self) -> int:
        """0 (home) … 7 (youth detention)."""
        return RESTRICTIVENESS[self.setting]


class Decision(_Item):
    decided_by: list[Id] = Field(default_factory=list, description="Person or organisation ids")
    family_involved: FamilyInvolved = FamilyInvolved.UNKNOWN
    not_heard: list[Id] = Field(default_factory=list,
                                description="Person ids of family members whose voice was not heard")
    rationale: LongText | None = None


class Event(_Item):
    """Something that happened: a moment (``date``) or a period (``date`` to ``end``)."""

    id: Id
    date: PartialDate
    end: PartialDate | None = None
    approximate: bool = Field(False, description="The date(s) are approximate")
    layer: Layer
    type: EventType
    title: ShortText
    description: LongText | None = None
    persons: list[Id] = Field(default_factory=list)
    organisation: Id | None = None
    organisations: list[Id] = Field(default_factory=list, description="Further organisations taking part "
                                    "(a joint team, a multi-agency meeting), beside 'organisation'")
    to_organisation: Id | None = Field(None, description="Receiving organisation, e.g. of a referral")
    source: Id | None = Field(None, description="Source id")
    informant: Id | None = Field(None, description="Who told it (a person id), as opposed to the written source")
    perspective: Id | None = Field(None, description="Whose voice this is (a person id)")
    statement_kind: StatementKind | None = None
    certainty: Certainty = Certainty.CONFIRMED
    placement: Placement | None = None
    decision: Decision | None = None
    topics: list[Topic] = Field(default_factory=list, description="What the event is about (closed list)")
    responds_to: list[Id] = Field(default_factory=list,
                                  description="Event ids this event answers, e.g. a statement of need")
    contradicts: list[Id] = Field(default_factory=list,
                                  description="Event ids whose account this event disputes")
    key_moment: bool = Field(False, description="A key moment of the case: drawn with a vertical line across "
                                                "the timeline and labelled first")
    added_by: Contributor | None = Field(None, description=ADDED_BY)

    @model_validator(mode="after")
    def _sync_approximate(self) -> Event:
        approximate = self.approximate or self.date.approximate or bool(self.end and self.end.approximate)
        if approximate:
            self.approximate = True
            self.date = self.date.with_approximate()
            if self.end is not None:
                self.end = self.end.with_approximate()
        return self

    @property
    def is_period(self) -> bool:
        return self.end is not None

    def all_organisations(self) -> list[str]:
        """``organisation`` and the further ``organisations``, each once, in that order."""
        return list(dict.fromkeys([*([self.organisation] if self.organisation else []), *self.organisations]))

    def start_day(self) -> dt.date:
        return self.date.earliest()

    def end_day(self) -> dt.date:
        """The last day of the event (its end, or the end of its own date's range)."""
        return (self.end or self.date).latest()


class DateRange(_Item):
    start: PartialDate
    end: PartialDate | None = None


class AnnotationTarget(_Item):
    events: list[Id] = Field(default_factory=list)
    persons: list[Id] = Field(default_factory=list)
    date_range: DateRange | None = None


class Annotation(_Item):
    """An analyst's note tied to events, persons or a stretch of time."""

    id: Id
    target: AnnotationTarget
    author: ShortText | None = None
    created: dt.datetime | None = None
    tag: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    text: LongText


class HouseholdMember(_Item):
    person: Id
    start: PartialDate | None = None
    end: PartialDate | None = None


class Household(_Item):
    """People who lived together, each for a stretch of time."""

    id: Id
    label: ShortText | None = None
    members: list[HouseholdMember]


class ReflectionNote(_Item):
    """A facilitator's note on one of the work-card questions, saved with the case."""

    id: Id
    card: Annotated[int, Field(ge=1, le=8)] | None = Field(
        None, description="Work card number (3: timeline, 4: geno-sociogram)")
    question: ShortText = Field(description='e.g. "Wat zien we? Wat doet dit met ons?"')
    text: LongText
    author: ShortText | None = None
    updated: dt.datetime | None = None
    added_by: Contributor | None = Field(None, description=ADDED_BY)


class Position(_Item):
    x: float
    y: float


class LayoutHints(_Item):
    """Saved layout adjustments, so the drawing stays stable as the case is edited."""

    sibling_order: list[Id] = Field(default_factory=list,
                                    description="Person ids in the left-to-right order to keep")
    pinned: dict[Id, Position] = Field(default_factory=dict,
                                       description="Person id -> fixed position in the geno-sociogram")
    collapsed_organisations: list[Id] = Field(default_factory=list)


class Case(_Item):
    """One pseudonymised case file."""

    schema_version: Literal["1.0", "1.1", "1.2"] = SCHEMA_VERSION
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
        return sorted(self.events, key=lambda e: (e.date.sort_key(), (e.end or e.date).sort_key(), e.id))


def _first_by_id(items: list) -> dict:
    """Items by id; where an id repeats (an invalid file), the first one counts."""
    found: dict = {}
    for item in items:
        found.setdefault(item.id, item)
    return found
