"""Edits to a case: add, change and delete items, each checked by the same rules as the loader.

Every function takes the case as plain JSON data (what :func:`models.saving.case_bytes` writes) and returns
new data; nothing is changed in place, so an undo history can simply keep earlier versions.
An edit is accepted only when the whole edited case passes :func:`models.validate_case_data`:
a form can never produce a file that ``casusbeeld validate`` would refuse.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.case import SCHEMA_VERSION, Case
from models.group_editing import forget_in_group
from models.loading import validate_case_data
from models.problems import CaseError, Problem
from models.saving import case_bytes
from models.validation import REFERENCE_FIELDS, values_at

CaseData = dict[str, Any]
Item = dict[str, Any]

COLLECTIONS = ("persons", "organisations", "relationships", "events", "annotations", "reflections", "sources",
               "households", "organisation_relationships")
"""The lists of items a case holds, in file order."""

ID_PREFIX = {"persons": "p", "organisations": "org", "relationships": "r", "events": "e", "annotations": "a",
             "reflections": "note", "sources": "src", "households": "hh", "organisation_relationships": "or"}


@dataclass(frozen=True)
class EditResult:
    """The outcome of an edit: the new case data, or the problems that stopped it."""

    data: CaseData | None
    problems: list[Problem] = field(default_factory=list)
    item_path: str | None = None  # JSON path of the edited item in the new data, e.g. ``$.events[12]``
    case: Case | None = None  # the validated case for ``data``

    @property
    def ok(self) -> bool:
        return self.data is not None

    def item_problems(self) -> list[Problem]:
        """Problems located in the edited item (the rest concern other items the edit affected)."""
        if not self.item_path:
            return []
        return [p for p in self.problems if p.path == self.item_path or p.path.startswith((
            self.item_path + ".", self.item_path + "["))]

    def field_problems(self) -> dict[str, list[Problem]]:
        """Problems of the edited item by its top-level field (``""`` for the item as a whole)."""
        found: dict[str, list[Problem]] = {}
        for problem in self.item_problems():
            rest = problem.path[len(self.item_path or ""):]
            match = re.match(r"\.([A-Za-z_]+)", rest)
            found.setdefault(match.group(1) if match else "", []).append(problem)
        return found


def case_data(case: Case) -> CaseData:
    """A validated case as JSON data, exactly as it would be saved."""
    return json.loads(case_bytes(case))


def checked(data: CaseData, item_path: str | None = None) -> EditResult:
    """Validate edited data with the loader's rules."""
    try:
        case = validate_case_data(data)
    except CaseError as exc:
        return EditResult(None, exc.problems, item_path)
    return EditResult(data, [], item_path, case)


def new_case(title: str, child_label: str, *, child_birth: str | None = None, child_gender: str = "unknown",
             case_id: str | None = None, today: dt.date | None = None) -> EditResult:
    """A new case holding only the child at its centre."""
    today = today or dt.date.today()
    child: Item = {"id": "p1", "label": child_label, "kind": "family", "gender": child_gender}
    if child_birth:
        child["birth"] = child_birth
    data: CaseData = {
        "schema_version": SCHEMA_VERSION, "id": case_id or f"casus-{today:%Y%m%d}", "title": title,
        "index_person": "p1", "pseudonymised": True, "persons": [child],
    }
    return checked(data, "$")


_NUMBERED = re.compile(r"(.*?)(\d+)")
_MAX_ID_LENGTH = 64


def next_id(data: CaseData, collection: str) -> str:
    """An id not used anywhere in the case, following the collection's own pattern.

    When most of the collection's ids are a prefix and a number (``n01``, ``e034``), the new id has the
    same prefix and zero-padding width and the next number (``n13``); otherwise (an empty collection,
    ids like ``moeder``) the collection's default prefix without padding (``a1``).
    """
    used = all_ids(data)
    prefix, width = _id_pattern(_collection_ids(data, collection)) or (ID_PREFIX[collection], 1)
    candidate = _numbered_id(prefix, width, used)
    if len(candidate) > _MAX_ID_LENGTH:
        candidate = _numbered_id(ID_PREFIX[collection], 1, used)
    return candidate


def _numbered_id(prefix: str, width: int, used: set[str]) -> str:
    """``prefix`` and the number after the highest one any used id with that prefix has, zero-padded."""
    numbers = [int(m.group(2)) for i in used if (m := _NUMBERED.fullmatch(i)) and m.group(1) == prefix]
    number = max(numbers, default=0) + 1
    while (candidate := f"{prefix}{number:0{width}d}") in used:
        number += 1
    return candidate


def _collection_ids(data: CaseData, collection: str) -> list[str]:
    items = data.get(collection)
    if not isinstance(items, list):
        return []
    return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _id_pattern(ids: list[str]) -> tuple[str, int] | None:
    """The (prefix, digits width) at least half of ``ids`` follow, the most common one; None if none does."""
    widths: dict[str, list[int]] = {}
    for item_id in ids:
        if match := _NUMBERED.fullmatch(item_id):
            widths.setdefault(match.group(1), []).append(len(match.group(2)))
    if not widths:
        return None
    prefix = max(widths, key=lambda p: len(widths[p]))
    if 2 * len(widths[prefix]) < len(ids):
        return None
    return prefix, min(widths[prefix])


def all_ids(data: CaseData) -> set[str]:
    return {item["id"] for name in COLLECTIONS for item in data.get(name) or []
            if isinstance(item, dict) and isinstance(item.get("id"), str)}


def find_item(data: CaseData, collection: str, item_id: str) -> Item | None:
    return next((item for item in data.get(collection) or [] if item.get("id") == item_id), None)


def clean_item(item: Item) -> Item:
    """Drop empty optional values a form leaves behind (``None``, ``""``, ``[]``, empty objects)."""
    cleaned: Item = {}
    for key, value in item.items():
        if isinstance(value, dict):
            value = clean_item(value)
        if isinstance(value, str) and key not in ("text",):
            value = value.strip()
        if value is None or value == "" or value == [] or value == {}:
            continue
        cleaned[key] = value
    return cleaned


def put_item(data: CaseData, collection: str, item: Item) -> EditResult:
    """Add ``item`` to ``collection``, or replace the item with the same id; then check the whole case."""
    if collection not in COLLECTIONS:
        raise ValueError(f"unknown collection {collection!r}")
    item = clean_item(item)
    if not item.get("id"):
        item = {"id": next_id(data, collection), **item}
    new = copy.deepcopy(data)
    items = new.setdefault(collection, [])
    position = next((i for i, old in enumerate(items) if old.get("id") == item["id"]), None)
    if position is None:
        items.append(item)
        position = len(items) - 1
    else:
        items[position] = item
    return checked(new, f"$.{collection}[{position}]")


def set_fields(data: CaseData, **fields: Any) -> EditResult:
    """Change case-level fields (title, description, index person…); ``None`` removes a field."""
    new = copy.deepcopy(data)
    for key, value in fields.items():
        if key in COLLECTIONS:
            raise ValueError(f"use put_item for {key}")
        if value is None or value == "":
            new.pop(key, None)
        else:
            new[key] = value
    return checked(new, "$")


# --- deleting: an item and every reference to it ------------------------------------------------

@dataclass(frozen=True)
class Reference:
    """One place that points at an item: ``collection``'s item ``item_id``, field ``field``."""

    collection: str
    item_id: str
    field: str


def _field_name(path: tuple[str, ...]) -> str:
    """The dotted field that holds a reference path's values (``("decision", "decided_by", "*")`` →
    ``decision.decided_by``; ``("members", "*", "person")`` → ``members``)."""
    return ".".join(path[:path.index("*")] if "*" in path else path)


def _names(what: str, collection: str) -> bool:
    return what == collection or (what == "actors" and collection in ("persons", "organisations"))


def references(data: CaseData, collection: str, item_id: str) -> list[Reference]:
    """Every place in the case that refers to the item (what deleting it would change), found with the
    loader's own table of where references sit (:data:`models.validation.REFERENCE_FIELDS`)."""
    refs: list[Reference] = []
    for holder, fields in REFERENCE_FIELDS.items():
        if holder == "layout":  # not an item with an id: cleaned by delete_item itself
            continue
        for path, what in fields:
            if not _names(what, collection):
                continue
            for item in data.get(holder) or []:
                if isinstance(item, dict) and any(value == item_id for _, value in values_at(item, path)):
                    refs.append(Reference(holder, item["id"], _field_name(path)))
    return refs


def _drop(value: Any, target: str) -> Any:
    return [v for v in value if v != target] if isinstance(value, list) else value


def _unlink(item: Item, dotted: str, target: str) -> None:
    """Remove ``target`` from the (possibly nested) field ``dotted`` of ``item``."""
    if dotted == "twin.of":  # a twin tie without its twin is no tie
        item.pop("twin", None)
        return
    *parents, name = dotted.split(".")
    holder = item
    for part in parents:
        holder = holder.get(part) or {}
    if name == "members":
        holder[name] = [m for m in holder.get(name) or [] if m.get("person") != target]
    elif name == "affiliations":  # a stretch at a deleted organisation goes with it
        holder[name] = [a for a in holder.get(name) or [] if a.get("organisation") != target]
        if not holder[name]:
            holder.pop(name)
    elif isinstance(holder.get(name), list):
        holder[name] = _drop(holder[name], target)
    else:
        holder.pop(name, None)


def _is_empty_target(note: Item) -> bool:
    target = note.get("target") or {}
    return not (target.get("events") or target.get("persons") or target.get("date_range"))


def delete_item(data: CaseData, collection: str, item_id: str) -> EditResult:
    """Delete an item and unlink every reference to it.

    Relationships of a deleted person go with it, as do households and annotations left
    without members or targets. The index person cannot be deleted.
    """
    if collection == "persons" and data.get("index_person") == item_id:
        return EditResult(None, [Problem("$.index_person", "delete_index_person",
                                         "de hoofdpersoon van de casus kan niet worden verwijderd",
                                         "the case's index person cannot be deleted")])
    new = copy.deepcopy(data)
    before = len(new.get(collection) or [])
    new[collection] = [item for item in new.get(collection) or [] if item.get("id") != item_id]
    if len(new[collection]) == before:
        return EditResult(None, [Problem(f"$.{collection}", "not_found", f"{item_id} bestaat niet",
                                         f"{item_id} does not exist")])
    for ref in references(data, collection, item_id):
        if ref.collection in ("relationships", "organisation_relationships") and ref.field in ("source", "target"):
            new[ref.collection] = [r for r in new[ref.collection] if r.get("id") != ref.item_id]
            if not new[ref.collection] and ref.collection == "organisation_relationships":
                new.pop(ref.collection)
            continue
        holder = find_item(new, ref.collection, ref.item_id)
        if holder is not None:
            _unlink(holder, ref.field, item_id)
            if ref.collection == "events" and ref.field == "decision.decided_by" and not holder["decision"].get(
                    "decided_by"):
                holder["decision"].pop("decided_by", None)
    new["households"] = [h for h in new.get("households") or [] if h.get("members")]
    new["annotations"] = [n for n in new.get("annotations") or [] if not _is_empty_target(n)]
    for name in ("households", "annotations"):
        if not new[name]:
            new.pop(name)
    forget_in_group(new, collection, item_id)
    layout = new.get("layout")
    if isinstance(layout, dict):
        layout["sibling_order"] = _drop(layout.get("sibling_order") or [], item_id)
        (layout.get("pinned") or {}).pop(item_id, None)
        layout["collapsed_organisations"] = _drop(layout.get("collapsed_organisations") or [], item_id)
        new["layout"] = clean_item(layout)
        if not new["layout"]:
            new.pop("layout")
    return checked(new)


# --- undo and redo -------------------------------------------------------------------------------

HISTORY_LIMIT = 100
"""Edits that can be undone in one session."""


@dataclass(frozen=True)
class History:
    """Earlier and undone versions of the case, as opaque snapshots (newest last)."""

    undo: tuple[str, ...] = ()
    redo: tuple[str, ...] = ()

    def record(self, before: str) -> History:
        """A new edit: remember the version before it; the redo list is gone."""
        return History((*self.undo, before)[-HISTORY_LIMIT:], ())

    def step_back(self, current: str) -> tuple[History, str] | None:
        if not self.undo:
            return None
        return History(self.undo[:-1], (*self.redo, current)), self.undo[-1]

    def step_forward(self, current: str) -> tuple[History, str] | None:
        if not self.redo:
            return None
        return History((*self.undo, current)[-HISTORY_LIMIT:], self.redo[:-1]), self.redo[-1]

    def to_dict(self) -> dict[str, list[str]]:
        return {"undo": list(self.undo), "redo": list(self.redo)}

    @classmethod
    def from_dict(cls, raw: Any, valid: Callable[[Any], bool] = lambda s: isinstance(s, str)) -> History:
        if not isinstance(raw, dict):
            return cls()
        return cls(tuple(s for s in raw.get("undo") or [] if valid(s)),
                   tuple(s for s in raw.get("redo") or [] if valid(s)))
