"""The open case as the browser keeps it, and how an edit, undo or redo changes it.

The case store (``case-store``, memory only) holds::

    blob      the case file bytes, packed (see app.state.pack)
    name      file name (chooser) or upload name
    source    "file" (from the case folder), "upload" or "new"
    base      fingerprint of the file on disk when it was opened or last saved ("file" only)
    revision  0 when opened; +1 for every edit, undo or redo
    clean     content hash of the blob as last opened, saved or downloaded
    dirty     True when the blob differs from that version (unsaved changes)
    select    what to select after this change (the item just added or changed), or absent
    pop_at    the time of the last back/forward known when the case opened, or absent (see with_last_pop)

The history store (``history-store``, memory only) holds the packed blobs before each edit.
Every function here is pure: store data in, store data out.
"""

from __future__ import annotations

import binascii
import json
import zlib
from typing import Any

from app.state import content_hash, pack, unpack
from models import CaseError, validate_case_data
from models.editing import CaseData, History

Store = dict[str, Any]


def current_data(store: Store | None) -> CaseData | None:
    """The open case as JSON data (as validated when it was stored), or None."""
    if not store or not isinstance(store.get("blob"), str):
        return None
    try:
        data = json.loads(unpack(store["blob"]))
    except (ValueError, binascii.Error, zlib.error):
        return None
    return data if isinstance(data, dict) else None


def data_bytes(data: CaseData) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def history_of(raw: Any) -> History:
    return History.from_dict(raw)


def committed(store: Store, history: Any, data: CaseData,
              select: dict[str, str] | None = None) -> tuple[Store, dict[str, list[str]]]:
    """The stores after an accepted edit that produced ``data``."""
    new_store = _with_blob(store, pack(data_bytes(data)), select)
    return new_store, history_of(history).record(store["blob"]).to_dict()


def undone(store: Store, history: Any) -> tuple[Store, dict[str, list[str]]] | None:
    """The stores one edit back, or None when there is nothing to undo."""
    stepped = history_of(history).step_back(store["blob"])
    if stepped is None:
        return None
    new_history, blob = stepped
    return _with_blob(store, blob, None), new_history.to_dict()


def redone(store: Store, history: Any) -> tuple[Store, dict[str, list[str]]] | None:
    """The stores one undone edit forward, or None when there is nothing to redo."""
    stepped = history_of(history).step_forward(store["blob"])
    if stepped is None:
        return None
    new_history, blob = stepped
    return _with_blob(store, blob, None), new_history.to_dict()


def _with_blob(store: Store, blob: str, select: dict[str, str] | None) -> Store:
    new = {key: value for key, value in store.items() if key not in ("select", "restored")}
    new.update(blob=blob, revision=int(store.get("revision") or 0) + 1,
               dirty=content_hash(blob) != store.get("clean"))
    if select:
        new["select"] = select
    return new


def saved(store: Store, *, name: str | None = None, base: str | None = None, outcome: str = "saved",
          shown_name: str | None = None) -> Store:
    """The store after the case was saved to the case folder (or downloaded: ``base`` None).

    ``outcome`` ("saved" or "downloaded") and ``shown_name`` are kept so the save status can say so again for
    as long as the case is what was saved (see ``app.callbacks.save``).
    """
    new = {key: value for key, value in store.items() if key not in ("select", "restored")}
    new.update(dirty=False, clean=content_hash(store["blob"]),
               outcome={"kind": outcome, "name": shown_name or name or str(store.get("name") or "")})
    if base is not None:
        new.update(source="file", base=base)
    if name is not None:
        new["name"] = name
    return new


def is_edit(store: Store | None) -> bool:
    """True when ``store`` is an edited version of the open case rather than a case just opened."""
    return bool(store and int(store.get("revision") or 0) > 0)


def restore_draft(draft: Any) -> dict[str, Any] | None:
    """The unsaved case kept in this tab's session storage, if it is still a valid case."""
    data = current_data(draft) if isinstance(draft, dict) else None
    if data is None:
        return None
    try:
        validate_case_data(data)
    except CaseError:
        return None
    store = {key: draft.get(key) for key in ("blob", "name", "source", "base", "clean", "revision")}
    # "restored": the view comes from the address (the date, filters and selection before the reload)
    store.update(dirty=True, revision=int(store.get("revision") or 0) + 1, restored=True)
    store["clean"] = store.get("clean") or content_hash("")
    return store


def with_last_pop(opened: tuple[Any, Any, Any, Any], popped: Any) -> tuple[Any, Any, Any, Any]:
    """``opened`` with the last back/forward known (the ``url-pop`` store's time) in a newly opened case's
    store, so that the address writer knows that back/forward is done opening
    (:func:`app.callbacks.address.popped_case_opening`)."""
    store, *rest = opened
    if isinstance(store, dict) and isinstance(popped, dict) and isinstance(popped.get("at"), int | float):
        store = {**store, "pop_at": popped["at"]}
    return (store, *rest)  # type: ignore[return-value]
