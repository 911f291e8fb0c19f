"""Building the timeline fast: cached lane layouts, and highlight changes sent as a small ``Patch``.

A 5,000-event timeline takes about a second to build and 1.5 MB to send, far too slow for a click. Two
derived-data caches (keyed by the case's content hash and the view options, bounded, per process) fix that:

* the lane layout (``layouts.timeline.figure.timeline_layout``) per case, filters, lane mode and projector flag;
* per drawn figure, which event id sits at which point of which trace, under a signature of everything
  the figure was built from (the browser keeps the signature of the figure it shows in a store; the
  highlight is part of it, as it changes which traces there are).

When only the selection changed and the figure in the browser is known (a cache hit), the callback sends a
``dash.Patch`` that rewrites the marks' opacities (highlighted 1, the rest dimmed) instead of a new figure;
a patch keeps the traces as they are, so the signature stays valid.
A miss (say another worker drew the figure) falls back to a full build, so the caches never hold state.
Small timelines are always rebuilt: their own highlight styling (whiskers and glyphs dimmed too) is exact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from typing import Any

import numpy as np
import plotly.graph_objects as go
from dash import Patch

from app.state import BoundedLRU, CaseView
from layouts.style import DIM_OPACITY
from layouts.timeline.figure import timeline_figure, timeline_layout

PATCH_MIN_EVENTS = 800
"""Timelines with at least this many drawn events get highlight patches instead of full rebuilds."""

TraceIds = tuple[tuple[int, tuple[str, ...]], ...]

_LAYOUTS: BoundedLRU[tuple, Any] = BoundedLRU(16)
_TRACE_IDS: BoundedLRU[tuple, TraceIds] = BoundedLRU(32)


def _layout_key(view: CaseView, options: dict[str, Any]) -> tuple:
    return (view.key, _freeze(options.get("persons")), _freeze(options.get("organisations")),
            _freeze(options.get("event_types")), _freeze(options.get("layers")),
            options.get("lane_mode", "organisation"), bool(options.get("projector")))


def _freeze(value: Any) -> Any:
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(sorted(map(str, value)))
    return value


def figure_key(view: CaseView, options: dict[str, Any]) -> tuple:
    """Everything but the highlight that decides how a timeline figure looks."""
    return (view.key, *sorted((name, _freeze(value)) for name, value in options.items()
                              if not name.startswith("highlight_")))


def cached_layout(view: CaseView, options: dict[str, Any]) -> Any:
    """The lane layout for these options (computed once per case and options)."""
    return _LAYOUTS.get_or_create(_layout_key(view, options), lambda: timeline_layout(
        view.case, persons=options.get("persons"), organisations=options.get("organisations"),
        event_types=options.get("event_types"), layers=options.get("layers"),
        lane_mode=options.get("lane_mode", "organisation"), projector=bool(options.get("projector"))))


def trace_ids(fig: go.Figure) -> TraceIds:
    """(trace index, event ids) of every trace whose points carry event ids."""
    out = []
    for index, trace in enumerate(fig.data):
        data = getattr(trace, "customdata", None)
        if data is None or not len(data):
            continue
        out.append((index, tuple(str(item[0] if isinstance(item, list | tuple | np.ndarray) else item)
                                 for item in data)))
    return tuple(out)


def signature(view: CaseView, options: dict[str, Any], highlight: dict[str, Any]) -> str:
    """A short name for the figure built from exactly these inputs."""
    frozen = (figure_key(view, options), sorted((k, _freeze(v)) for k, v in highlight.items()))
    return hashlib.blake2b(repr(frozen).encode("utf-8"), digest_size=12).hexdigest()


def build(view: CaseView, options: dict[str, Any], highlight: dict[str, Any]) -> tuple[go.Figure, str]:
    """A full timeline figure and its signature, remembering where each event's point is for patches."""
    fig = timeline_figure(view.case, **options, **highlight, layout=cached_layout(view, options))
    fig.layout.title = None  # the page header already names the case
    sig = signature(view, options, highlight)
    _TRACE_IDS.get_or_create((sig, figure_key(view, options)), lambda: trace_ids(fig))
    return fig, sig


def highlighted_ids(view: CaseView, highlight: dict[str, Any]) -> set[str] | None:
    """Events the timeline emphasises for ``highlight`` (None: nothing highlighted, nothing dimmed).

    Same rule as the timeline: the event itself, an event a highlighted person took part in or spoke in,
    or an event of a highlighted organisation.
    """
    events: Collection[str] = highlight.get("highlight_events") or ()
    persons = set(highlight.get("highlight_persons") or ())
    orgs = set(highlight.get("highlight_organisations") or ())
    if not (events or persons or orgs):
        return None
    chosen = set(events)
    for person in persons:
        chosen |= view.person_events.get(person, set()) | view.perspective_events.get(person, set())
    for org in orgs:
        chosen |= view.organisation_events.get(org, set())
    return chosen


def highlight_patch(view: CaseView, options: dict[str, Any], highlight: dict[str, Any],
                    shown: str | None) -> Patch | None:
    """A patch that re-highlights the figure the browser shows (signature ``shown``, drawn for ``options``),
    or None when a full build is needed."""
    ids = _TRACE_IDS.get((shown, figure_key(view, options))) if shown else None
    if ids is None or sum(len(points) for _, points in ids) < PATCH_MIN_EVENTS:
        return None
    chosen = highlighted_ids(view, highlight)
    patch = Patch()
    for index, points in ids:
        if chosen is None:
            alpha = np.ones(len(points))
        else:
            alpha = np.fromiter((1.0 if point in chosen else DIM_OPACITY for point in points), float, len(points))
        patch["data"][index]["marker"]["opacity"] = alpha
    return patch


def clear() -> None:
    """Forget cached layouts and figure maps (tests, benchmarks)."""
    _LAYOUTS.clear()
    _TRACE_IDS.clear()
