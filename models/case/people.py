"""The people around the child and the ties between them: persons, organisations, relationships, ties between
organisations and households."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from models.case.base import ADDED_BY, CaseItem, Contributor, Id, LongText, Period, ShortName, ShortText
from models.partial_date import PartialDate
from models.partner_status import partner_status_on
from models.vocabulary import (
    Certainty,
    Gender,
    OrganisationRelationshipType,
    OrganisationType,
    ParentKind,
    PartnerStatus,
    PersonKind,
    RelationshipType,
)


class Twin(CaseItem):
    """A twin tie: this person and ``of`` were born of one pregnancy (triplets: each names the next)."""

    of: Id = Field(description="Id of the other twin")
    identical: bool = Field(False, description="Identical (monozygotic) twins")


class Affiliation(CaseItem):
    """A stretch of time a professional worked for (or on behalf of) an organisation."""

    organisation: Id
    start: PartialDate | None = None
    end: PartialDate | None = None
    role: ShortText | None = None


class Person(CaseItem):
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


class Organisation(CaseItem):
    id: Id
    name: ShortText
    short_name: ShortName | None = Field(
        None, description="What the team calls it for short ('JB Oost'): drawn where the full name has no room")
    type: OrganisationType
    note: LongText | None = None


class Relationship(CaseItem):
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


class OrganisationRelationship(CaseItem):
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


class HouseholdMember(CaseItem):
    person: Id
    start: PartialDate | None = None
    end: PartialDate | None = None


class Household(CaseItem):
    """People who lived together, each for a stretch of time."""

    id: Id
    label: ShortText | None = None
    members: list[HouseholdMember]
