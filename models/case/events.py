"""What happened: events (a moment or a period), with a placement or a decision where the event is one."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from models.case.base import ADDED_BY, CaseItem, Contributor, Id, LongText, ShortText
from models.partial_date import PartialDate
from models.vocabulary import (
    RESTRICTIVENESS,
    Certainty,
    EventType,
    FamilyInvolved,
    Layer,
    PlacementSetting,
    StatementKind,
    Topic,
)


class Placement(CaseItem):
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


class Decision(CaseItem):
    decided_by: list[Id] = Field(default_factory=list, description="Person or organisation ids")
    family_involved: FamilyInvolved = FamilyInvolved.UNKNOWN
    not_heard: list[Id] = Field(default_factory=list,
                                description="Person ids of family members whose voice was not heard")
    rationale: LongText | None = None


class Event(CaseItem):
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
