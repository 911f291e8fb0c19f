"""What the room is looking at, as one frozen value: :class:`ViewState`.

The app makes it in one place from the address and the controls, passes it whole to the pure figure builders
(``timeline_figure(case, state)``, ``genosociogram_figure(case, state)``, the posters and the report), and
writes it back to the address (:meth:`ViewState.to_query`), so a reload, back/forward or a shared link
restores exactly the view. Being frozen and hashable, it is its own cache key; :meth:`ViewState.drawing_key`
leaves out what reaches the browser as a partial update instead of a new figure (the selection, the date).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode

from models.case import Event
from models.event_filter import EventFilter

LANGS = ("nl", "en")
LANE_MODES = ("organisation", "event_type")
WALLS = ("both", "timeline", "network", "patterns")
SELECTION_KINDS = ("event", "person", "organisation", "finding", "annotation")


@dataclass(frozen=True, slots=True, kw_only=True)
class Selection:
    """The one thing selected: an event, person, organisation, finding or annotation, by id."""

    kind: str
    id: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id}

    @classmethod
    def from_dict(cls, value: Any) -> Selection | None:
        """A selection from its stored form ``{"kind": …, "id": …}`` (None when there is none or it is malformed)."""
        if isinstance(value, Selection):
            return value
        if not isinstance(value, dict) or value.get("kind") not in SELECTION_KINDS or not value.get("id"):
            return None
        return cls(kind=str(value["kind"]), id=str(value["id"]))


@dataclass(frozen=True, slots=True, kw_only=True)
class Highlight:
    """What a figure emphasises (the rest is dimmed): the selection, translated into ids for one figure."""

    events: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *, events: Any = (), persons: Any = (), organisations: Any = ()) -> Highlight:
        return cls(events=frozenset(map(str, events or ())), persons=frozenset(map(str, persons or ())),
                   organisations=frozenset(map(str, organisations or ())))

    @property
    def active(self) -> bool:
        return bool(self.events or self.persons or self.organisations)

    def emphasises(self, event: Event) -> bool:
        """Whether ``event`` stays bright: the event itself, one a highlighted person took part in or speaks in,
        or one of (or received by) a highlighted organisation."""
        return (event.id in self.events or not self.persons.isdisjoint(event.persons)
                or event.perspective in self.persons
                or not self.organisations.isdisjoint(event.all_organisations())
                or event.to_organisation in self.organisations)


NO_HIGHLIGHT = Highlight()


@dataclass(frozen=True, slots=True, kw_only=True)
class ViewState:
    """The view of one case: which case, the network's date, filters, lanes, selection, language and mode.

    ``as_of`` None means the case's opening day (its last day, or the child's death in a calamity review).
    ``story`` is the story step (0-based), None when story mode is off; ``story_keys``: story mode steps
    through the key moments only. ``history``: the timeline shows the family history before the child's
    story too (else it opens on the story, see :mod:`layouts.timeline.focus`). ``notes``: the wall shows the
    card questions, annotations and reflection notes beside the views (the facilitator's "Notities" switch).
    ``workshop``: a workshop runs on the case (the timeline keeps a row beside its axis free for what participants
    add); not part of the address. ``shown``: the stretch of time (first and last day) the timeline shows after a
    zoom or a move of its window slider, None where its axis opens; in the address (a reload or a link opens there),
    not in :attr:`drawing_key` (the browser has the zoom; the labels follow it as a partial update).

    >>> state = ViewState(case="lisa.json", lang="en", filters=EventFilter.of(persons=["p1"]))
    >>> ViewState.from_query(state.to_query()) == state
    True
    >>> state.to_query()
    'case=lisa.json&lang=en&persons=p1'
    """

    case: str | None = None
    as_of: dt.date | None = None
    filters: EventFilter = field(default_factory=EventFilter)
    lanes: str = "organisation"
    selection: Selection | None = None
    lang: str = "nl"
    projector: bool = False
    wall: str = "both"
    story: int | None = None
    story_keys: bool = False
    history: bool = False
    notes: bool = False
    workshop: bool = False
    shown: tuple[dt.date, dt.date] | None = None

    def replace(self, **changes: Any) -> ViewState:
        """A copy with ``changes`` (values normalised as :meth:`of` does)."""
        return dataclasses.replace(self, **changes)

    @property
    def drawing_key(self) -> tuple[Any, ...]:
        """Everything that decides how the figures are drawn, except what is sent as a partial update."""
        return (self.case, self.filters, self.lanes, self.lang, self.projector, self.wall, self.story, self.history,
                self.workshop)

    # --- the address ------------------------------------------------------------------------------------------

    def to_query(self) -> str:
        """The view as a URL query string (without ``?``); defaults are left out."""
        pairs: list[tuple[str, str]] = []
        if self.case:
            pairs.append(("case", self.case))
        if self.as_of is not None:
            pairs.append(("date", self.as_of.isoformat()))
        if self.lang != "nl":
            pairs.append(("lang", self.lang))
        f = self.filters
        pairs += [("persons", ",".join(f.persons))] if f.persons else []
        pairs += [("organisations", ",".join(f.organisations))] if f.organisations else []
        pairs += [("types", ",".join(f.event_types))] if f.event_types else []
        pairs += [("layer", f.layer)] if f.layer != "both" else []
        if f.window is not None:
            pairs.append(("window", f"{f.window[0].isoformat()},{f.window[1].isoformat()}"))
        if self.lanes != "organisation":
            pairs.append(("lanes", self.lanes))
        if self.selection is not None:
            pairs.append(("select", f"{self.selection.kind}:{self.selection.id}"))
        if self.projector:
            pairs.append(("wall", self.wall))
            pairs += [("notes", "1")] if self.notes else []
        if self.story is not None:
            pairs.append(("story", str(self.story)))
        if self.story_keys:
            pairs.append(("keys", "1"))
        if self.history:
            pairs.append(("history", "1"))
        if self.shown is not None:
            pairs.append(("shown", f"{self.shown[0].isoformat()},{self.shown[1].isoformat()}"))
        return urlencode(pairs, safe=",:")

    @classmethod
    def from_query(cls, query: str | None) -> ViewState:
        """The view a URL query string asks for; anything malformed is left at its default, never an error."""
        values = {key: items[-1] for key, items in parse_qs((query or "").lstrip("?")).items() if items}

        def ids(key: str) -> tuple[str, ...]:
            return tuple(part for part in values.get(key, "").split(",") if part)

        selection = None
        if ":" in values.get("select", ""):
            kind, _, item = values["select"].partition(":")
            selection = Selection.from_dict({"kind": kind, "id": item})
        window, shown = _days(values.get("window", "")), _days(values.get("shown", ""))
        shown = shown if shown and shown[0] < shown[1] else None
        story = values.get("story", "")
        return cls(
            case=values.get("case") or None,
            as_of=_day(values.get("date", "")),
            filters=EventFilter.of(persons=ids("persons"), organisations=ids("organisations"),
                                   event_types=ids("types"), layer=values.get("layer"), window=window),
            lanes=values["lanes"] if values.get("lanes") in LANE_MODES else "organisation",
            selection=selection,
            lang=values["lang"] if values.get("lang") in LANGS else "nl",
            projector="wall" in values,
            wall=values["wall"] if values.get("wall") in WALLS else "both",
            story=int(story) if story.isdigit() else None,
            story_keys=values.get("keys") == "1",
            history=values.get("history") == "1",
            notes="wall" in values and values.get("notes") == "1",
            shown=shown,
        )


def _days(value: str) -> tuple[dt.date, dt.date] | None:
    """A stretch of days from ``"first,last"`` (ISO dates); None when malformed."""
    start, _, end = value.partition(",")
    first, last = _day(start), _day(end)
    return (first, last) if first and last else None


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None

