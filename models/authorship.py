"""Who added an item in a workshop: the participant's name and perspective, and who else added the same.

Apart from :mod:`models.case.base` so that :mod:`models.group` (links between events) can name authors too.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

_Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_enum_values=False)


class Author(_Item):
    """A workshop participant: their name and the perspective they took part from."""

    name: _Short = Field(description="The participant's name as they gave it when joining")
    perspective: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] | None = Field(
        None, description='The perspective (a short key, e.g. "ouder", "school", "jeugdbeschermer")')


class Contributor(Author):
    """Who added an item in a workshop, and who else added the same (merged into it by the facilitator)."""

    also: list[Author] = Field(default_factory=list, description="Participants who added the same item too "
                               "(their contributions were merged into this one)")


__all__ = ["Author", "Contributor"]
