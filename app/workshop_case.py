"""The open case and its live workshop: what the wall's views draw while it runs, and what is saved.

While a workshop runs, the case store of the wall holds the case with the persons and relations participants added
(:func:`models.contribution.settled_data`); their events are drawn over the timeline and their answers shown in
the panel. Saving (or downloading) writes the case with every visible contribution and its author, and the case
store then holds exactly that (:func:`with_workshop`), so the wall shows what the file holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.edit_store import current_data, data_bytes
from app.state import content_hash, pack
from app.workshop_store import STORE_KEY, Workshop, WorkshopStore, open_store
from layouts.components.workshop_panel import colours_of
from layouts.contributions import chosen_colours
from models.contribution import with_contributions, with_perspectives
from models.loading import validate_case_data


def with_case_data(store: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The case store holding ``data`` instead: one more revision, unsaved unless it is what was saved."""
    blob = pack(data_bytes(data))
    new = {key: value for key, value in store.items() if key not in ("select", "restored")}
    new.update(blob=blob, revision=int(store.get("revision") or 0) + 1, dirty=content_hash(blob) != store.get("clean"))
    return new


def with_workshop(config: Mapping[str, Any], store: Any) -> tuple[dict[str, Any] | None, Any]:
    """(the case data to save, the case store holding it): the open case with every visible contribution of its
    open workshop added, with authors; the store unchanged when there is no workshop or nothing to add."""
    data = current_data(store)
    name = str((store or {}).get("name") or "")
    workshops = open_store(config.get(STORE_KEY))
    workshop = workshops.open_for_case(name) if workshops is not None and name and data is not None else None
    if workshop is None or workshops is None or data is None:
        return data, store
    merged = saved_data(data, workshops, workshop)
    return (data, store) if merged == data else (merged, with_case_data(store, merged))


def saved_data(data: dict[str, Any], workshops: WorkshopStore, workshop: Workshop) -> dict[str, Any]:
    """The case data with every visible contribution of ``workshop`` and its authors' perspectives in the colours
    the wall drew them."""
    contributions = workshops.contributions(workshop.id)
    merged = with_contributions(data, workshop.id, contributions)
    chosen = {**chosen_colours(validate_case_data(data)), **dict(workshop.colours)}
    colours = colours_of(workshops.participants(workshop.id), contributions, chosen)
    return with_perspectives(merged, contributions, colours)
