"""What the group adds to a case in a meeting: perspective colours, links between events, and card 5's
perspective-switch table.

All three are optional top-level fields of :class:`models.case.Case` (schema 1.2); a file without them loads and
saves unchanged. Checks across items (unknown event or person ids) live in :mod:`models.validation_group`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from models.authorship import Contributor

_Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
_Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
_Long = Annotated[str, StringConstraints(max_length=20_000)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
"""A colour as ``#rrggbb``."""
LinkWord = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]

LINK_WORDS = ("leidde tot", "reactie op", "herhaling van", "ondanks", "zelfde patroon als")
"""The short words offered for a link (Dutch, as the group writes them on the flip chart); any other short text
is allowed too."""
LEADS_TO = "leidde tot"

PERSPECTIVE_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#9C6A00", "#00838F", "#7F3C8D", "#8C564B")
"""The one palette for perspectives, in the order they are given (the side panel, the workshop, the rings):
Okabe–Ito's blue, vermillion, bluish green and reddish purple, its orange and sky blue darkened (ochre, teal) and
a purple and a brown; each at least 3:1 against white, each pair apart (CIE76 ΔE ≥ 25)."""


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_enum_values=False)


class Perspective(_Item):
    """A perspective the group chose (e.g. jeugdbeschermer, ouder, school) and the colour it is drawn in."""

    key: _Id = Field(description="Short id of the perspective, e.g. 'ouder'")
    label: _Short = Field(description='What the group calls it, e.g. "Ouders"')
    colour: Colour = Field(description="#rrggbb")
    persons: list[_Id] = Field(default_factory=list, description="Person ids whose voice (an event's "
                               "'perspective' or 'informant') this perspective is")


class EventLink(_Item):
    """An arrow the group drew from one event to another, with a short word ("leidde tot", "reactie op")."""

    source: _Id = Field(description="Event id the arrow starts at")
    target: _Id = Field(description="Event id the arrow points to")
    label: LinkWord = Field(LEADS_TO, description='A short word: "leidde tot", "reactie op", "herhaling van"… '
                            "or any other short text")
    author: _Short | None = Field(None, description="Who drew it")
    note: _Long | None = None
    id: _Id | None = Field(None, description="An id of its own (given to an arrow drawn in a workshop)")
    added_by: Contributor | None = Field(None, description="Who drew it in a workshop (name and perspective); "
                                         "absent for arrows not drawn in a workshop")


class PerspectiveSwitch(_Item):
    """One row of work card 5's table: a person the group stepped into, their dilemma or fear and feeling."""

    person: _Id = Field(description="Person id")
    dilemma: _Long | None = Field(None, description="Wat is op dit moment jouw grootste dilemma of angst?")
    feeling: _Long | None = Field(None, description="Hoe voel je je daarbij?")
    author: _Short | None = Field(None, description="Who answered in this role")


# --- lookups -----------------------------------------------------------------------------------------------------

def perspective_by_person(perspectives: list[Perspective]) -> dict[str, Perspective]:
    """Person id → the first perspective naming it (a perspective's key counts as a person id too)."""
    found: dict[str, Perspective] = {}
    for perspective in perspectives:
        for person_id in (*perspective.persons, perspective.key):
            found.setdefault(person_id, perspective)
    return found


def voice_perspective(voice: str | None, informant: str | None,
                      by_person: dict[str, Perspective]) -> Perspective | None:
    """The perspective of an event whose voice (``perspective``) or ``informant`` is one of its persons."""
    for person_id in (voice, informant):
        if person_id is not None and person_id in by_person:
            return by_person[person_id]
    return None


def leads_to_chain(links: list[EventLink], event_id: str, word: str = LEADS_TO) -> list[str]:
    """The chain of "leidde tot" links through ``event_id``, first cause first (``[event_id]`` when there is
    none); where an event has several, the first drawn is followed; loops are cut."""
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    for link in links:
        if link.label.casefold() == word:
            forward.setdefault(link.source, link.target)
            backward.setdefault(link.target, link.source)
    chain = [event_id]
    seen = {event_id}
    while chain[0] in backward and backward[chain[0]] not in seen:
        chain.insert(0, backward[chain[0]])
        seen.add(chain[0])
    while chain[-1] in forward and forward[chain[-1]] not in seen:
        chain.append(forward[chain[-1]])
        seen.add(chain[-1])
    return chain
