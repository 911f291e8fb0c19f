"""Which events a view shows: one rule, used by the table, the timeline, the posters and the report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from models.case import Event

LAYERS = ("both", "formal", "lived")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """The events to keep; an empty tuple means "any", ``layer="both"`` both sides of the line.

    A person filter keeps an event the person took part in **or** whose voice it is (``event.perspective``);
    an organisation filter keeps an event of that organisation or one it received (a referral to it).

    >>> EventFilter().active
    False
    >>> EventFilter.of(persons=["p2", "p1"], layer="sideways")
    EventFilter(persons=('p1', 'p2'), organisations=(), event_types=(), layer='both', window=None)
    """

    persons: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    layer: str = "both"
    window: tuple[dt.date, dt.date] | None = None

    @classmethod
    def of(cls, *, persons: Iterable[str] | None = None, organisations: Iterable[str] | None = None,
           event_types: Iterable[str] | None = None, layer: str | None = None,
           window: tuple[dt.date, dt.date] | None = None) -> EventFilter:
        """A filter in normal form (sorted, deduplicated ids; an unknown layer is "both")."""
        return cls(persons=_normal(persons), organisations=_normal(organisations), event_types=_normal(event_types),
                   layer=layer if layer in LAYERS else "both",
                   window=(min(window), max(window)) if window else None)

    @property
    def active(self) -> bool:
        """Whether anything is filtered out at all."""
        return bool(self.persons or self.organisations or self.event_types or self.layer != "both" or self.window)

    @property
    def layers(self) -> tuple[str, ...] | None:
        """The layers kept, or None for both."""
        return None if self.layer == "both" else (self.layer,)

    def keeps(self, event: Event) -> bool:
        """Whether ``event`` passes every part of the filter."""
        if self.persons and not (set(self.persons).intersection(event.persons) or event.perspective in self.persons):
            return False
        if self.organisations and set(self.organisations).isdisjoint(event.all_organisations()) \
                and event.to_organisation not in self.organisations:
            return False
        if self.event_types and event.type.value not in self.event_types:
            return False
        if self.layer != "both" and event.layer.value != self.layer:
            return False
        if self.window is not None:
            start, end = self.window
            if event.end_day() < start or event.start_day() > end:
                return False
        return True

    def apply(self, events: Iterable[Event]) -> list[Event]:
        """The events that pass, in the order given."""
        if not self.active:
            return list(events)
        return [event for event in events if self.keeps(event)]

    def without_window(self) -> EventFilter:
        """The same filter over the whole span (the timeline zooms to a window instead of dropping events)."""
        return EventFilter(persons=self.persons, organisations=self.organisations, event_types=self.event_types,
                           layer=self.layer)


def _normal(ids: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(sorted({str(item) for item in ids or () if str(item)}))
