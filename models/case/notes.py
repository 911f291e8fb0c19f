"""What the analysts and the facilitator write about the case: annotations tied to events, persons or a stretch
of time, and reflection notes on the work-card questions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from models.case.base import ADDED_BY, CaseItem, Contributor, Id, LongText, ShortText
from models.partial_date import PartialDate


class DateRange(CaseItem):
    start: PartialDate
    end: PartialDate | None = None


class AnnotationTarget(CaseItem):
    events: list[Id] = Field(default_factory=list)
    persons: list[Id] = Field(default_factory=list)
    date_range: DateRange | None = None


class Annotation(CaseItem):
    """An analyst's note tied to events, persons or a stretch of time."""

    id: Id
    target: AnnotationTarget
    author: ShortText | None = None
    created: dt.datetime | None = None
    tag: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    text: LongText


class ReflectionNote(CaseItem):
    """A facilitator's note on one of the work-card questions, saved with the case."""

    id: Id
    card: Annotated[int, Field(ge=1, le=8)] | None = Field(
        None, description="Work card number (3: timeline, 4: geno-sociogram)")
    question: ShortText = Field(description='e.g. "Wat zien we? Wat doet dit met ons?"')
    text: LongText
    author: ShortText | None = None
    updated: dt.datetime | None = None
    added_by: Contributor | None = Field(None, description=ADDED_BY)
