"""Zooming the timeline brings more labels: the words fitted again for the range shown, sent as a ``Patch``.

The browser reports a zoom (plotly's ``relayoutData``, with the plot's measured width) in the
``timeline-zoom`` store, and after a new figure or a resize asks for a refit at the measured width (the
figure's labels are fitted for a nominal width; a single view on the wall has about twice that). When the
figure it shows is the one the view state draws (its signature, see
:mod:`app.timeline_view`), :func:`zoom_patch` replaces the figure's annotations: the ones that do not depend
on the range (lanes, gaps, the date line's note…, remembered per drawn figure) and the labels and key-moment
words fitted for the range on the measured plot (:func:`layouts.timeline.focus.range_words`). The traces
are not sent again — except for a case of thousands of events, whose figure shows density bars and the
weighty marks when zoomed out (:mod:`layouts.timeline.aggregate`): there the patch also replaces the traces
with those drawn for the range (every mark once few enough are in it), and the browser's store of the
figure shown gets the range in its signature, so that a click's patch finds the marks where they are now.
"""

from __future__ import annotations

from typing import Any

from dash import Patch

from app.state import BoundedLRU
from app.timeline_view import ZOOMED, base_signature, cached_layout, remember_zoomed, signature
from app.view_state_io import timeline_state
from layouts.style import type_scale
from layouts.timeline.aggregate import AGGREGATE_ABOVE
from layouts.timeline.drawn import uses_webgl
from layouts.timeline.figure import AS_OF_NAME, as_of_marks, drawn_events, story_until, timeline_figure
from layouts.timeline.figure_layout import date_tick_count
from layouts.timeline.focus import HISTORY_NAME, focus_range, range_words, relayout_range
from layouts.timeline.style import LABEL_FIGURE_PX, WALL_BOTH_LABEL_PX
from layouts.timeline.zoom_ticks import sets_own_ticks, zoomed_ticks
from layouts.view_state import ViewState
from models.case_view import CaseView

WORD_NAMES = ("timeline-label", "timeline-key-moment")
"""The ``name`` of the annotations fitted for the range shown."""

_BASES: BoundedLRU[str, tuple[tuple[dict[str, Any], ...], float, float, float | None]] = BoundedLRU(16)


def _base_of(fig: Any) -> tuple[tuple[dict[str, Any], ...], float, float, float | None]:
    """(annotations not fitted to the range, left margin, the wall's label rows, the wall's fitted width)."""
    notes = tuple(note.to_plotly_json() for note in fig.layout.annotations if note.name not in WORD_NAMES)
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    return notes, float(fig.layout.margin.l or 0), float(meta.get("label_band") or 0.0), meta.get("min_width")


def _base(view: CaseView, drawing: ViewState) -> tuple[tuple[dict[str, Any], ...], float, float, float | None]:
    """The annotations of the figure drawn for ``drawing`` that do not depend on the range shown, and the
    plot's left margin (the lane labels)."""
    return _base_of(timeline_figure(view.case, drawing, layout=cached_layout(view, drawing)))


def remember(sig: str, fig: Any) -> None:
    """Keep what a zoom patch needs of the figure just drawn (signature ``sig``), sparing a second build."""
    if sig and _BASES.get(sig) is None:
        _BASES.get_or_create(sig, lambda: _base_of(fig))


def shown_range(view: CaseView, drawing: ViewState, zoom: dict[str, Any] | None) -> tuple[float, float] | None:
    """The x range (ms) the zoom store reports (the whole axis after an autorange); for a refit without a zoom
    the range the figure opens on; None when the store says nothing about the time axis."""
    zoom = zoom or {}
    found = relayout_range(zoom.get("relayout"))
    layout = cached_layout(view, drawing)
    if found == "reset":
        return layout.x_range
    if found is not None:
        return found  # type: ignore[return-value]
    if not zoom.get("refit"):
        return None
    window = drawing.filters.window
    if window is not None:
        return layout.x_of(window[0]), layout.x_of(window[1])
    focus = None if drawing.history else focus_range(view.case, layout)
    return focus or layout.x_range


def zoom_patch(view: CaseView, state: ViewState, shown: str | None, zoom: dict[str, Any] | None) -> Patch | None:
    """A patch that puts the labels fitted for the zoomed range on the figure the browser shows (signature
    ``shown``), or None when that figure is not the one ``state`` draws or the zoom says nothing new."""
    return zoom_update(view, state, shown, zoom)[0]


def zoom_update(view: CaseView, state: ViewState, shown: str | None, zoom: dict[str, Any] | None
                ) -> tuple[Patch | None, str | None]:
    """:func:`zoom_patch`, and the signature of the figure the patch leaves in the browser when it replaced
    the traces (a case of thousands of events, see the module docstring; None: the one shown)."""
    drawing = timeline_state(view, state)
    sig = signature(view, drawing)
    if shown is None or base_signature(shown) != sig:
        return None, None
    x_range = shown_range(view, drawing, zoom)
    if x_range is None:
        return None, None
    layout = cached_layout(view, drawing)
    base, margin, band, wall_px = _BASES.get_or_create(sig, lambda: _base(view, drawing))
    fitted_px = wall_px or (WALL_BOTH_LABEL_PX if drawing.projector else LABEL_FIGURE_PX[False])
    nominal = fitted_px - margin - 12
    width, fitted = (zoom or {}).get("width"), (zoom or {}).get("fitted")
    if isinstance(fitted, int | float) and 100 <= fitted <= 8000:
        nominal = float(fitted)  # the figure shown was fitted for a measured width (app/callbacks/view.py)
    plot_px = float(width) if isinstance(width, int | float) and 100 <= width <= 8000 else nominal
    drawn = drawn_events(view.case, layout, drawing)
    asked = relayout_range((zoom or {}).get("relayout")) is not None
    if shown == sig and not asked and abs(plot_px - nominal) < 8:
        return None, None  # a refit of the figure as drawn, for the width its labels were fitted for
    if len(drawn) > AGGREGATE_ABOVE:
        return _massive_update(view, drawing, shown, zoom, x_range, plot_px + margin + 12, base, sig)
    if not asked and abs(plot_px - nominal) < 8:
        return None, None  # a refit for the width the figure's labels were fitted for
    update = Patch()
    update["layout"]["annotations"] = _fitted_notes(view, drawing, base, margin, band, x_range, plot_px)
    update["layout"]["meta"]["fitted_range"] = list(x_range)
    if not drawing.projector:  # as many date labels as the measured plot holds upright
        nticks = date_tick_count(plot_px, type_scale(False))
        update["layout"]["xaxis"]["nticks"] = update["layout"]["xaxis2"]["nticks"] = nticks
    if (asked or _autoranged(zoom)) and sets_own_ticks(layout, uses_webgl(len(drawn))):
        # the figure lists its ticks: the zoomed stretch gets its own (a refit keeps the figure's)
        scale = type_scale(drawing.projector)
        ticks = zoomed_ticks(layout, x_range, plot_px, scale.base, scale.small, drawing.lang)
        for axis in ("xaxis", "xaxis2"):
            for key, value in ticks.items():
                update["layout"][axis][key] = value
    return update, None


def _autoranged(zoom: dict[str, Any] | None) -> bool:
    """Whether the zoom store reports a zoom out to the whole axis (a double click, the home button)."""
    relayout = (zoom or {}).get("relayout")
    return isinstance(relayout, dict) and any(key.endswith("autorange") and value for key, value in relayout.items())


def _fitted_notes(view: CaseView, drawing: ViewState, base: tuple[dict[str, Any], ...], margin: float, band: float,
                  x_range: tuple[float, float], plot_px: float) -> list[dict[str, Any]]:
    """The figure's annotations with the labels and key-moment words fitted for ``x_range`` on a plot ``plot_px``
    wide."""
    layout = cached_layout(view, drawing)
    notes = _notes(view, drawing, layout, base, x_range)
    gap_notes = [note for note in notes if note.get("name") == "timeline-gap"]
    return notes + range_words(view.case, layout, drawn_events(view.case, layout, drawing), drawing.lang,
                               drawing.projector, margin, x_range, plot_px, gap_notes,
                               until=layout.x_of(until) if (until := story_until(view.case, drawing)) is not None
                               else None, band_rows=band)


def refit_notes(view: CaseView, state: ViewState, fig: Any, plot_px: Any) -> list[dict[str, Any]] | None:
    """The annotations of ``fig`` (just drawn for ``state``, not zoomed) with its labels fitted for a plot
    ``plot_px`` wide, as the browser measured it the last time this wall (or the screen) showed the timeline;
    None when the figure's own fit is as good (within 8 px), the width is unknown, or the case is drawn as an
    aggregate."""
    drawing = timeline_state(view, state)
    if not isinstance(plot_px, int | float) or not 100 <= plot_px <= 8000:
        return None
    base, margin, band, wall_px = _base_of(fig)
    nominal = (wall_px or (WALL_BOTH_LABEL_PX if drawing.projector else LABEL_FIGURE_PX[False])) - margin - 12
    if abs(plot_px - nominal) < 8 or len(drawn_events(view.case, cached_layout(view, drawing), drawing)) > \
            AGGREGATE_ABOVE:
        return None
    x_range = shown_range(view, drawing, {"refit": True})
    return None if x_range is None else _fitted_notes(view, drawing, base, margin, band, x_range, float(plot_px))


def _massive_update(view: CaseView, drawing: ViewState, shown: str, zoom: dict[str, Any] | None,
                    x_range: tuple[float, float], figure_px: float, base: tuple[dict[str, Any], ...], sig: str
                    ) -> tuple[Patch, str | None]:
    """The zoom's patch for a case of thousands of events: the words of the figure drawn for the range (fitted
    for the measured width) and, unless the browser has them already, its traces; and its signature."""
    layout = cached_layout(view, drawing)
    fig = timeline_figure(view.case, drawing, layout=layout, view_range=x_range, label_px=figure_px)
    notes = _notes(view, drawing, layout, base, x_range)
    notes += [note.to_plotly_json() for note in fig.layout.annotations if note.name in WORD_NAMES]
    update = Patch()
    update["layout"]["annotations"] = notes
    update["layout"]["meta"]["fitted_range"] = list(x_range)
    asked = relayout_range((zoom or {}).get("relayout")) is not None  # not a refit of the figure as drawn
    zoomed = f"{sig}{ZOOMED}{int(x_range[0])}:{int(x_range[1])}"
    if zoomed == shown or (not asked and shown == sig):
        return update, None
    update["data"] = [trace.to_plotly_json() for trace in fig.data]
    as_of_note = next((i for i, note in enumerate(notes) if note.get("name") == AS_OF_NAME), None)
    remember_zoomed(zoomed, fig, as_of_note)
    return update, zoomed


def _notes(view: CaseView, drawing: ViewState, layout: Any, base: tuple[dict[str, Any], ...],
           x_range: tuple[float, float]) -> list[dict[str, Any]]:
    """The annotations of the drawn figure that do not depend on the range, as they are now: the date line's
    note where the date is, the family history's note only while the history is out of sight."""
    focus = None if drawing.filters.window or drawing.history else focus_range(view.case, layout)
    notes: list[dict[str, Any]] = []
    for note in base:
        if note.get("name") == AS_OF_NAME:  # the date line may have moved since (a patch of its own)
            note = as_of_marks(drawing.as_of, drawing.lang, drawing.projector, layout.scale)[1]
        elif note.get("name") == HISTORY_NAME and (focus is None or x_range[0] < focus[0] - 86_400_000):
            continue  # the family history is in sight
        notes.append(note)
    return notes


def clear() -> None:
    """Forget the remembered annotations (tests)."""
    _BASES.clear()
