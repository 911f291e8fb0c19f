"""Building the timeline fast: cached lane layouts, and the selection and the date sent as a small ``Patch``.

A 5,000-event timeline takes about a second to build and 1.5 MB to send, far too slow for a click. The
figure depends on the view state's :attr:`~layouts.view_state.ViewState.drawing_key` only (the case, filters,
lanes, language, projector flag and story step); the selection and the date are not part of it. Two
derived-data caches (bounded, per process) keep what a click needs:

* the lane layout (``layouts.timeline.figure.timeline_layout``) per case content, filters, lanes and projector;
* per drawn figure (its :func:`signature`: the case's content hash and the drawing key), which event id sits
  at which point of which trace, and where the date line and its note are.

The browser keeps the signature of the figure it shows in a store. When the state's signature is that one,
the callback sends a ``dash.Patch`` that rewrites the marks' opacities (highlighted 1, the rest dimmed) and
moves the date line, at any case size; else (another drawing, or another worker drew it) a full figure,
drawn without highlight and then highlighted the same way, so that a patch and a build always agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import numpy as np
import plotly.graph_objects as go
from dash import Patch

from app.state import BoundedLRU
from layouts.style import DIM_OPACITY
from layouts.timeline.figure import AS_OF_NAME, as_of_marks, timeline_figure, timeline_layout
from layouts.view_state import Highlight, ViewState
from models.case_view import CaseView

TraceIds = tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class FigureMap:
    """Where the parts a patch changes sit in one drawn figure."""

    traces: TraceIds
    as_of_shape: int | None
    as_of_note: int | None


_LAYOUTS: BoundedLRU[tuple, Any] = BoundedLRU(16)
_FIGURES: BoundedLRU[str, FigureMap] = BoundedLRU(32)


def cached_layout(view: CaseView, state: ViewState) -> Any:
    """The lane layout for the state's filters, lanes and projector flag (computed once per case and those)."""
    key = (view.key, state.filters.without_window(), state.lanes, state.projector, state.workshop)
    return _LAYOUTS.get_or_create(key, lambda: timeline_layout(view.case, state.filters, lane_mode=state.lanes,
                                                               projector=state.projector, workshop=state.workshop))


def signature(view: CaseView, state: ViewState) -> str:
    """A short, stable name for the figure drawn for ``state`` (the same in every worker)."""
    return hashlib.blake2b(repr((view.key, state.drawing_key)).encode("utf-8"), digest_size=12).hexdigest()


ZOOMED = "@"
"""Joins a figure's signature and the range a zoom drew its marks for (see :mod:`app.timeline_zoom`)."""


def base_signature(shown: str) -> str:
    """The signature of the figure drawn for a view state, without the zoomed range its marks were drawn for."""
    return shown.split(ZOOMED, 1)[0]


def remember_zoomed(shown: str, fig: go.Figure, as_of_note: int | None) -> None:
    """Where the patchable parts are in a figure whose traces a zoom replaced by ``fig``'s (signature ``shown``;
    its date line's shape as in the figure it zoomed, its note at ``as_of_note``)."""
    drawn = _FIGURES.get(base_signature(shown))
    if drawn is not None:
        _FIGURES.get_or_create(shown, lambda: FigureMap(figure_map(fig).traces, drawn.as_of_shape, as_of_note))


def _point_id(item: Any) -> str:
    return str(item[0] if isinstance(item, list | tuple | np.ndarray) else item)


def figure_map(fig: go.Figure) -> FigureMap:
    """(trace index, event ids) of every trace whose points carry event ids (``customdata``, or ``ids`` for
    decoration drawn over them), and the index of the date line's shape and note."""
    traces = []
    for index, trace in enumerate(fig.data):
        data = getattr(trace, "customdata", None)
        if data is None or not len(data):
            data = getattr(trace, "ids", None)
        if data is None or not len(data) or getattr(trace, "marker", None) is None:
            continue
        traces.append((index, tuple(_point_id(item) for item in data)))
    shape = next((i for i, item in enumerate(fig.layout.shapes) if item.name == AS_OF_NAME), None)
    note = next((i for i, item in enumerate(fig.layout.annotations) if item.name == AS_OF_NAME), None)
    return FigureMap(tuple(traces), shape, note)


def _alphas(points: tuple[str, ...], chosen: Collection[str] | None) -> np.ndarray:
    if chosen is None:
        return np.ones(len(points))
    return np.fromiter((1.0 if point in chosen else DIM_OPACITY for point in points), float, len(points))


def highlighted_ids(view: CaseView, highlight: Highlight) -> set[str] | None:
    """Events the timeline emphasises for ``highlight`` (None: nothing highlighted, nothing dimmed); the
    rule of :meth:`layouts.view_state.Highlight.emphasises`, from the view's indexes."""
    if not highlight.active:
        return None
    chosen = set(highlight.events)
    for person in highlight.persons:
        chosen |= view.person_events.get(person, set()) | view.perspective_events.get(person, set())
    for org in highlight.organisations:
        chosen |= view.organisation_events.get(org, set())
    return chosen


def build(view: CaseView, state: ViewState, highlight: Highlight, figure_px: float | None = None
          ) -> tuple[go.Figure, str]:
    """A full timeline figure for ``state`` (see :func:`app.view_state_io.timeline_state`) with ``highlight``,
    and its signature; remembers where the patchable parts are. ``figure_px``: the screen's figure width as the
    browser measured it (its words and legend lines are fitted for it, and the figure says so)."""
    figure_px = figure_px if not state.projector and isinstance(figure_px, int | float) and \
        MIN_FIGURE_PX <= figure_px <= MAX_FIGURE_PX else None
    fig = timeline_figure(view.case, state, layout=cached_layout(view, state), label_px=figure_px)
    if figure_px is not None:
        fitted = figure_px - (fig.layout.margin.l or 0) - (fig.layout.margin.r or 0)
        fig.layout.meta = {**(fig.layout.meta if isinstance(fig.layout.meta, dict) else {}), "fitted_plot_px": fitted}
    fig.layout.title = None  # the page header already names the case
    sig = signature(view, state)
    where = _FIGURES.get_or_create(sig, lambda: figure_map(fig))
    chosen = highlighted_ids(view, highlight)
    if chosen is not None:
        for index, points in where.traces:
            fig.data[index].marker.opacity = _alphas(points, chosen)
    return fig, sig


MIN_FIGURE_PX, MAX_FIGURE_PX = 400, 8000
"""px: a measured screen figure width outside these is not trusted (the nominal width is used)."""


def patch(view: CaseView, state: ViewState, highlight: Highlight, shown: str | None) -> Patch | None:
    """A patch that re-highlights the figure the browser shows (signature ``shown``) and moves its date line
    to ``state.as_of``, or None when that figure is not the one ``state`` draws (or is unknown here)."""
    sig = signature(view, state)
    where = _FIGURES.get(shown) if shown is not None and base_signature(shown) == sig else None
    if where is None:
        return None
    chosen = highlighted_ids(view, highlight)
    update = Patch()
    for index, points in where.traces:
        update["data"][index]["marker"]["opacity"] = _alphas(points, chosen)
    line, note = as_of_marks(state.as_of, state.lang, state.projector, cached_layout(view, state).scale)
    if where.as_of_shape is not None:
        update["layout"]["shapes"][where.as_of_shape] = line
    if where.as_of_note is not None:
        update["layout"]["annotations"][where.as_of_note] = note
    return update


def clear() -> None:
    """Forget cached layouts and figure maps (tests, benchmarks)."""
    _LAYOUTS.clear()
    _FIGURES.clear()
