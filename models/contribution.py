"""Workshop contributions as case items: what a participant may add, checked by the case's own models, and the
case with every visible contribution added (who added what in ``added_by``).

A contribution is one of :data:`KINDS` with a JSON payload: the fields of an event, a person, a relationship or a
link between events without an id, or an answer to one of the work card's questions. :func:`validated_payload`
checks a payload with the very pydantic model the item becomes in the case file. :func:`with_contributions` adds
the visible ones to a case's data under ids of their own (``ws<workshop>-<kind letter><contribution id>``), after
taking out what an earlier merge of the same workshop put there, so a hidden contribution leaves the case and
nothing is added twice.
:func:`with_perspectives` adds the authors' perspectives to the case's ``perspectives`` in the wall's colours.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from models.case import Event, Person, ReflectionNote, Relationship
from models.group import EventLink
from models.loading import validate_case_data
from models.problems import CaseError

KINDS = ("event", "person", "relationship", "answer", "link")
"""What a participant can add."""

QUESTIONS: dict[str, str] = {
    "see": "Wat zien we?",
    "feel": "Wat doet dit met ons?",
    "missing": "Wat ontbreekt?",
}
"""The work card's questions each participant answers, by key; the case file keeps the method's Dutch wording."""

COLLECTIONS = {"event": "events", "person": "persons", "relationship": "relationships", "answer": "reflections",
               "link": "links"}
_MODELS: dict[str, type[BaseModel]] = {"event": Event, "person": Person, "relationship": Relationship,
                                       "answer": ReflectionNote, "link": EventLink}
_LINK_FIELDS = {"source", "target", "label"}
_PLACEHOLDER = "x"
_MAX_ANSWER = 4000


@dataclass(frozen=True)
class Contribution:
    """One participant's addition as the workshop store holds it."""

    id: int
    workshop: int
    kind: str
    payload: dict[str, Any]
    name: str
    perspective: str
    hidden: bool = False
    merged_into: int | None = None
    """The contribution this one was merged into by the facilitator (it then leaves the wall and the case)."""
    also_by: tuple[tuple[str, str], ...] = ()
    """(name, perspective) of the authors of the contributions merged into this one."""

    @property
    def shown(self) -> bool:
        """On the wall and in the case: neither hidden nor merged into another."""
        return not self.hidden and self.merged_into is None


def item_id(workshop: int, kind: str, contribution: int) -> str:
    """The id a contribution gets in the case (``ws3-e12``: workshop 3, event, contribution 12)."""
    return f"{workshop_prefix(workshop)}{kind[0]}{contribution}"


def workshop_prefix(workshop: int) -> str:
    return f"ws{workshop}-"


def validated_payload(kind: str, payload: Any) -> dict[str, Any]:
    """``payload`` as it is stored for a contribution of ``kind``; ``ValueError`` when the case would refuse it.

    Only the fields a participant sets are kept (an answer: ``question`` key and ``text``); ids, authors and
    anything unknown are refused.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown contribution kind: {kind!r}")
    if not isinstance(payload, dict) or "id" in payload or "added_by" in payload:
        raise ValueError("a contribution is an object without id or author")
    if kind == "answer":
        question, answer = payload.get("question"), payload.get("text")
        if set(payload) != {"question", "text"} or question not in QUESTIONS or not isinstance(answer, str) \
                or not answer.strip() or len(answer) > _MAX_ANSWER:
            raise ValueError("an answer is one of the card's questions and a text")
        return {"question": question, "text": answer.strip()}
    if kind == "link" and (not set(payload) <= _LINK_FIELDS or payload.get("source") == payload.get("target")):
        raise ValueError("a link is a source event, a target event and a short word")
    model = _MODELS[kind].model_validate({"id": _PLACEHOLDER, **payload})  # pydantic's ValidationError is a ValueError
    data = model.model_dump(mode="json", exclude_unset=True, exclude_none=True)
    data.pop("id", None)
    if kind == "link":
        data["label"] = model.label  # the word is written out, also when it is the default one
    return data


def case_item(contribution: Contribution) -> dict[str, Any]:
    """The case item a contribution becomes, with its id and author."""
    author: dict[str, Any] = _author(contribution.name, contribution.perspective)
    if contribution.also_by:
        author["also"] = [_author(name, perspective) for name, perspective in contribution.also_by]
    ident = item_id(contribution.workshop, contribution.kind, contribution.id)
    if contribution.kind == "answer":
        return {"id": ident, "question": QUESTIONS[contribution.payload["question"]],
                "text": contribution.payload["text"], "author": contribution.name, "added_by": author}
    if contribution.kind == "link":
        return {"id": ident, **contribution.payload, "author": contribution.name, "added_by": author}
    return {"id": ident, **contribution.payload, "added_by": author}


def _author(name: str, perspective: str) -> dict[str, Any]:
    return {"name": name, **({"perspective": perspective} if perspective else {})}


def without_workshop(data: dict[str, Any], workshop: int) -> dict[str, Any]:
    """The case data without the items an earlier merge of ``workshop`` added."""
    prefix = workshop_prefix(workshop)
    out = dict(data)
    for collection in COLLECTIONS.values():
        if collection in data:
            kept = [item for item in data[collection] if not str(item.get("id", "")).startswith(prefix)]
            if kept or collection in ("events", "persons"):
                out[collection] = kept
            else:
                out.pop(collection)
    return out


def _references_known(item: dict[str, Any], kind: str, persons: set[str], events: set[str]) -> bool:
    """Whether the persons and events an item names are in the case (a relationship to a hidden person, a link
    to a hidden event is left out)."""
    if kind == "link":
        return item.get("source") in events and item.get("target") in events
    if kind == "relationship":
        return item.get("source") in persons and item.get("target") in persons
    if kind == "event":
        return all(person in persons for person in item.get("persons", []))
    return True


def _added(base: dict[str, Any], items: Sequence[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    data = dict(base)
    for kind, item in items:
        collection = COLLECTIONS[kind]
        data[collection] = [*data.get(collection, []), item]
    return data


def with_contributions(data: dict[str, Any], workshop: int, contributions: Iterable[Contribution]) -> dict[str, Any]:
    """The case data with the visible contributions of ``workshop`` added, in the order they were made.

    Items naming a person the case does not have (a hidden contributed person) are left out; should the case still
    refuse the result, contributions are added one by one and any the case refuses is left out.
    """
    base = without_workshop(data, workshop)
    visible = [c for c in contributions if c.shown and c.workshop == workshop and c.kind in KINDS]
    persons = {str(p.get("id")) for p in base.get("persons", [])}
    persons |= {item_id(workshop, "person", c.id) for c in visible if c.kind == "person"}
    events = {str(e.get("id")) for e in base.get("events", [])}
    events |= {item_id(workshop, "event", c.id) for c in visible if c.kind == "event"}
    items = [(c.kind, case_item(c)) for c in visible]
    items = [(kind, item) for kind, item in items if _references_known(item, kind, persons, events)]
    merged = _added(base, items)
    if _valid(merged):
        return merged
    kept: list[tuple[str, dict[str, Any]]] = []
    for entry in items:
        if _valid(_added(base, [*kept, entry])):
            kept.append(entry)
    return _added(base, kept)


def _valid(data: dict[str, Any]) -> bool:
    try:
        validate_case_data(data)
    except CaseError:
        return False
    return True


LIVE_KINDS = ("person", "relationship")
"""What joins the wall's case while the workshop runs (the geno-sociogram is redrawn for it); events are drawn over
the timeline instead (:mod:`layouts.timeline.workshop_overlay`) and answers shown in the panel, until saved."""


def _workshop_ids(data: dict[str, Any], workshop: int) -> set[str]:
    prefix = workshop_prefix(workshop)
    return {str(item.get("id")) for collection in COLLECTIONS.values() for item in data.get(collection, [])
            if str(item.get("id", "")).startswith(prefix)}


def settled_data(data: dict[str, Any], workshop: int, contributions: Sequence[Contribution]) -> dict[str, Any]:
    """The case the wall's views draw while ``workshop`` runs: the visible persons and relations added, and the
    items of the workshop the case already holds (saved before) as they stand now; ``data`` itself (the same
    object) when that changes nothing."""
    present = _workshop_ids(data, workshop)
    chosen = [c for c in contributions
              if c.kind in LIVE_KINDS or item_id(workshop, c.kind, c.id) in present]
    if not present and not any(c.shown for c in chosen):
        return data
    merged = with_contributions(data, workshop, chosen)
    return data if merged == data else merged


def pending_events(data: dict[str, Any], workshop: int, contributions: Sequence[Contribution],
                   kind: str = "event") -> list[Contribution]:
    """The visible events (or links, ``kind``) added in ``workshop`` that the case does not hold yet (drawn over
    the timeline)."""
    present = _workshop_ids(data, workshop)
    return [c for c in contributions if c.kind == kind and c.shown and c.workshop == workshop
            and item_id(workshop, c.kind, c.id) not in present]


def perspective_key(perspective: str) -> str:
    """The key a participant's perspective gets in the case's ``perspectives`` ("jeugd-ggz", "wijkteam-oost"):
    lower case, accents dropped, other characters than letters, digits and ``_ . : -`` as dashes."""
    plain = unicodedata.normalize("NFKD", perspective).encode("ascii", "ignore").decode("ascii").lower()
    key = re.sub(r"[^a-z0-9_.:-]+", "-", plain).strip("-")[:64]
    return key or "perspectief"


PLURAL_ENDINGS = ("en", "s")
"""A Dutch plural's endings ("ouders", "ouderen"), dropped when the word without one names a perspective."""


def perspective_forms(typed: str) -> list[str]:
    """The forms a typed perspective is matched by, best first: trimmed and in lower case, then without a plural
    ending (a form of at least two letters left)."""
    word = " ".join(str(typed).split()).casefold()
    return [word, *(word[:-len(end)] for end in PLURAL_ENDINGS if word.endswith(end) and len(word) > len(end) + 1)]


def case_perspective(perspective: str, perspectives: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The case's perspective a participant's perspective is: the same key or label (trimmed, in any case), else
    so without a Dutch plural ending ("Ouders" is the case's ``ouder``)."""
    for form in perspective_forms(perspective):
        names = (perspective_key(form), form)
        found = next((p for p in perspectives if str(p.get("key", "")).casefold() in names
                      or " ".join(str(p.get("label", "")).split()).casefold() == form), None)
        if found is not None:
            return found
    return None


def with_perspectives(data: dict[str, Any], contributions: Iterable[Contribution],
                      colours: dict[str, str]) -> dict[str, Any]:
    """The case data with the perspective of every author of a visible contribution in its ``perspectives``, in
    the colour the wall drew it (``colours``): a perspective the case has keeps its key, label and persons and
    takes the wall's colour; a new one is added (its key from :func:`perspective_key`, its label as typed)."""
    authors = [(c.perspective, *(p for _, p in c.also_by)) for c in contributions if c.shown]
    wanted = [p for p in dict.fromkeys(p for group in authors for p in group) if p]
    if not wanted:
        return data
    perspectives = [dict(p) for p in data.get("perspectives", [])]
    for perspective in wanted:
        colour = colours.get(perspective)
        found = case_perspective(perspective, perspectives)
        if found is None and colour:
            taken = {str(p.get("key")) for p in perspectives}
            key = perspective_key(perspective)
            key = next(k for k in (key, *(f"{key}-{n}" for n in range(2, 99))) if k not in taken)
            perspectives.append({"key": key, "label": perspective, "colour": colour})
        elif found is not None and colour:
            found["colour"] = colour
    return data if perspectives == data.get("perspectives", []) else {**data, "perspectives": perspectives}
