"""Edits to what the group adds (:mod:`models.group`), on a case's JSON data (as :mod:`models.editing` does)."""

from __future__ import annotations

import copy
from typing import Any

from models.group import LEADS_TO, PERSPECTIVE_PALETTE

CaseData = dict[str, Any]


def forget_in_group(data: CaseData, collection: str, item_id: str) -> None:
    """After deleting an event or a person: drop the links, perspective members and switch rows naming it
    (in place; an emptied list is removed, so the file keeps its old shape)."""
    if collection == "events":
        _keep(data, "links", lambda link: item_id not in (link.get("source"), link.get("target")))
    if collection == "persons":
        for perspective in data.get("perspectives") or []:
            if isinstance(perspective, dict) and item_id in (perspective.get("persons") or []):
                perspective["persons"] = [p for p in perspective["persons"] if p != item_id]
                if not perspective["persons"]:
                    perspective.pop("persons")
        _keep(data, "perspective_switch", lambda row: row.get("person") != item_id)


def _keep(data: CaseData, name: str, wanted: Any) -> None:
    if name not in data:
        return
    data[name] = [item for item in data.get(name) or [] if isinstance(item, dict) and wanted(item)]
    if not data[name]:
        data.pop(name)


def event_links(data: CaseData, event_id: str) -> list[dict[str, Any]]:
    """The links that start at ``event_id`` (what the event form shows and edits)."""
    return [dict(link) for link in data.get("links") or [] if link.get("source") == event_id]


def with_event_links(data: CaseData, event_id: str, links: list[dict[str, Any]]) -> CaseData:
    """A copy of ``data`` whose links from ``event_id`` are ``links`` (``[{"target", "label"}]``), after the links
    drawn from other events (which stay as they are)."""
    new = copy.deepcopy(data)
    others = [link for link in new.get("links") or [] if link.get("source") != event_id]
    mine = [{"source": event_id, "target": link["target"], "label": (link.get("label") or LEADS_TO).strip()}
            | ({"author": link["author"]} if link.get("author") else {})
            for link in links if link.get("target")]
    if others or mine:
        new["links"] = others + mine
    else:
        new.pop("links", None)
    return new


def with_perspective(data: CaseData, key: str, label: str, colour: str | None = None,
                     persons: list[str] | None = None) -> CaseData:
    """A copy of ``data`` with perspective ``key`` set (added at the end, or changed in place)."""
    new = copy.deepcopy(data)
    perspectives = new.setdefault("perspectives", [])
    found = next((p for p in perspectives if p.get("key") == key), None)
    if found is None:
        used = {p.get("colour", "").upper() for p in perspectives}
        free = [c for c in PERSPECTIVE_PALETTE if c.upper() not in used] or list(PERSPECTIVE_PALETTE)
        found = {"key": key, "label": label, "colour": colour or free[0]}
        perspectives.append(found)
    found["label"] = label
    if colour:
        found["colour"] = colour
    if persons is not None:
        if persons:
            found["persons"] = list(persons)
        else:
            found.pop("persons", None)
    return new


def without_perspective(data: CaseData, key: str) -> CaseData:
    """A copy of ``data`` without perspective ``key``."""
    new = copy.deepcopy(data)
    _keep(new, "perspectives", lambda p: p.get("key") != key)
    return new
