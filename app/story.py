"""Story mode's key moments: the steps "key moments only" stops at (a leaf module for the callbacks)."""

from __future__ import annotations

from app.state import BoundedLRU
from layouts.timeline.event_labels import is_key_event
from models.case_view import CaseView

_KEYS: BoundedLRU[str, list[int]] = BoundedLRU(32)


def key_steps(view: CaseView) -> list[int]:
    """The story steps (indexes into the events in time order) that are key moments: deaths, events the case
    marks as key, court orders and placements."""
    def find() -> list[int]:
        persons = view.case.person_map()
        return [step for step, event in enumerate(view.ordered) if is_key_event(event, persons)]
    return _KEYS.get_or_create(view.key, find)
