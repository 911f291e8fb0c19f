"""What every case item shares: the format's version, identifier and text types, the strict base class, and the
small parts (periods, sources, who added an item) that several kinds of item use."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from models.authorship import Author, Contributor  # noqa: F401 (re-exported: models.case imports them from here)
from models.partial_date import PartialDate
from models.vocabulary import SourceKind

SCHEMA_VERSION = "1.3"
"""1.1 adds optional fields only (topics, key moments, informants, joint events, organisation ties…): a 1.0
file is a valid 1.1 file and loads and saves unchanged. 1.2 adds the group's perspectives, links between events and
the perspective-switch table (:mod:`models.group`), all optional. 1.3 adds an organisation's short name
(optional)."""
READABLE_VERSIONS = ("1.0", "1.1", "1.2", "1.3")

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
"""Identifiers: letters, digits and ``_ . : -``, at most 64 characters."""

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
ShortName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=24)]
"""A name for short, drawn where the full name has no room (an organisation's "JB Oost")."""
LongText = Annotated[str, StringConstraints(max_length=20_000)]


class CaseItem(BaseModel):
    """Base for every case item: unknown fields are an error (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_enum_values=False)


class Period(CaseItem):
    """A stretch of time; either end may be open."""

    start: PartialDate | None = None
    end: PartialDate | None = None

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the period (open ends count as unbounded)."""
        if self.start is not None and day < self.start.earliest():
            return False
        return not (self.end is not None and day > self.end.latest())


class Source(CaseItem):
    """Where information comes from: a dossier, an interview, a meeting…"""

    id: Id
    kind: SourceKind = SourceKind.DOSSIER
    title: ShortText
    date: PartialDate | None = None
    note: LongText | None = None


ADDED_BY = "Who added this item in a workshop (name and perspective); absent for items not added in a workshop"
