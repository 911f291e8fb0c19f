"""Navigation and view helpers: what a click selects, what each figure highlights, the figures' options.

Pure functions of the case view and the control values, called by the view callbacks, the export callbacks,
the tests and the benchmark.
"""


from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
from dash import Patch, no_update

from app import genosociogram_view, timeline_view
from app.filters import case_bounds
from app.view_state_io import timeline_state
from layouts.components.annotations_panel import annotation, annotation_highlights
from layouts.components.page import empty_figure
from layouts.genogram.fit import family_frame_width
from layouts.texts import text
from layouts.view_state import Highlight, ViewState
from models.case_view import CaseView, finding

Selection = dict[str, str] | None


def clicked_id(click: dict[str, Any] | None) -> str | None:
    """The id a figure put in ``customdata`` of the clicked point."""
    if not click or not click.get("points"):
        return None
    data = click["points"][0].get("customdata")
    if isinstance(data, list | tuple):
        data = data[0] if data else None
    return str(data) if data is not None else None


def selection_from_network(view: CaseView, item: str | None) -> Selection:
    """A geno-sociogram click: a person id, or an organisation as ``org:<id>`` (or its bare id)."""
    if not item:
        return None
    if item in view.person_names:
        return {"kind": "person", "id": item}
    org = item.split(":", 1)[1] if item.startswith("org:") else item
    if org in view.organisation_names:
        return {"kind": "organisation", "id": org}
    return None


@dataclass
class Nav:
    """What the navigation callback decides: the new selection, story step and slider date."""

    selection: Any = no_update
    story: Any = no_update
    as_of: Any = no_update


def _event_ordinal(view: CaseView, event_id: str, bounds: tuple[dt.date, dt.date] | None) -> Any:
    if bounds is None or event_id not in view.events:
        return no_update
    day = view.events[event_id].start_day()
    return min(max(day, bounds[0]), bounds[1]).toordinal()


def navigate(view: CaseView | None, trigger: Any, value: Any, selection: Selection,
             story: dict[str, int] | None, story_on: bool) -> Nav:
    """Apply one user action to the selection, the story step and the date."""
    if view is None:
        return Nav(selection=None, story={"step": 0})
    bounds = case_bounds(view)
    step = (story or {}).get("step", 0)

    def select_event(event_id: str | None) -> Nav:
        if not event_id or event_id not in view.events:
            return Nav()
        nav = Nav(selection={"kind": "event", "id": event_id}, as_of=_event_ordinal(view, event_id, bounds))
        if story_on:
            nav.story = {"step": view.order[event_id]}
        return nav

    if trigger == "story-store":  # a step taken in the browser (see STORY_STEP_JS)
        if not story_on or not view.ordered:
            return Nav()
        step = min(max(step, 0), len(view.ordered) - 1)
        event_id = view.ordered[step].id
        return Nav(selection={"kind": "event", "id": event_id}, as_of=_event_ordinal(view, event_id, bounds))
    if trigger == "timeline-graph":
        return select_event(clicked_id(value))
    if trigger == "genosociogram-graph":
        chosen = selection_from_network(view, clicked_id(value))
        return Nav(selection=chosen) if chosen else Nav()
    if trigger in ("clear-selection", "details-close"):
        return Nav(selection=None)
    if isinstance(trigger, dict) and value:
        if trigger.get("type") == "row-select":
            return select_event(trigger.get("id"))
        if trigger.get("type") == "finding":
            fid = str(trigger.get("index"))
            current = selection.get("id") if selection and selection.get("kind") == "finding" else None
            return Nav(selection=None if fid == current else {"kind": "finding", "id": fid})
        if trigger.get("type") == "annotation":
            aid = str(trigger.get("index"))
            current = selection.get("id") if selection and selection.get("kind") == "annotation" else None
            return Nav(selection=None if aid == current else {"kind": "annotation", "id": aid})
        if trigger.get("type") == "detail-link":
            kind, item = trigger.get("kind"), trigger.get("id")
            if kind == "event":
                return select_event(item)
            if kind in ("person", "organisation"):
                return Nav(selection={"kind": kind, "id": item})
    return Nav()


def after_edit(view: CaseView, selection: Selection) -> Selection:
    """The selection to keep after an edit: unchanged, unless its item was deleted."""
    if not selection:
        return None
    kind, item = selection.get("kind"), selection.get("id")
    exists = {"event": view.events, "person": view.person_names, "organisation": view.organisation_names}.get(kind)
    if kind == "annotation":
        return selection if annotation(view, item) is not None else None
    if exists is None:
        return selection if kind == "finding" else None
    return selection if item in exists else None


def highlights(view: CaseView, selection: Selection) -> tuple[dict[str, Any], dict[str, Any]]:
    """Highlight options for the timeline and the geno-sociogram for ``selection``."""
    if not selection:
        return {}, {}
    kind, item = selection.get("kind"), selection.get("id", "")
    if kind == "person":
        return {"highlight_persons": [item]}, {"highlight_persons": [item]}
    if kind == "organisation":
        return {"highlight_organisations": [item]}, {"highlight_organisations": [item]}
    if kind == "finding":
        found = finding(view, item)
        if found is None:
            return {}, {}
        events = list(found.evidence_events)
        timeline = {"highlight_events": events} if events else {
            "highlight_persons": list(found.evidence_persons),
            "highlight_organisations": list(found.evidence_organisations)}
        return timeline, {"highlight_persons": list(found.evidence_persons),
                          "highlight_organisations": list(found.evidence_organisations)}
    if kind == "annotation":
        return annotation_highlights(view, item)
    if kind == "event" and item in view.events:
        event = view.events[item]
        return ({"highlight_events": [item]},
                {"highlight_persons": list(event.persons), "highlight_organisations": view.event_organisations(event),
                 "highlight_events": [item]})
    return {}, {}


def as_of_date(view: CaseView, value: int | None) -> dt.date | None:
    """The slider's date, kept inside the case's span."""
    bounds = case_bounds(view)
    if bounds is None:
        return None
    if value is None:
        return bounds[1]
    return min(max(dt.date.fromordinal(int(value)), bounds[0]), bounds[1])


def story_event(view: CaseView, story: dict[str, int] | None, story_on: bool) -> Any:
    if not story_on or not view.ordered:
        return None
    step = min(max((story or {}).get("step", 0), 0), len(view.ordered) - 1)
    return view.ordered[step]


def timeline_highlight(view: CaseView, selection: Selection) -> Highlight:
    """What the timeline emphasises for ``selection``."""
    timeline, _ = highlights(view, selection)
    return Highlight.of(events=timeline.get("highlight_events"), persons=timeline.get("highlight_persons"),
                        organisations=timeline.get("highlight_organisations"))


def timeline_output(view: CaseView | None, state: ViewState, shown: str | None = None,
                    figure_px: float | None = None) -> tuple[go.Figure | Patch, Any]:
    """The timeline figure for ``state`` and its signature, or only a patch (and ``no_update``) that highlights
    the selection and moves the date line on the figure the browser shows (signature ``shown``) when that is
    the figure ``state`` draws (see :mod:`app.timeline_view`); ``figure_px``: the screen's measured width."""
    if view is None:
        return empty_figure(state.projector), None
    drawing = timeline_state(view, state)
    highlight = timeline_highlight(view, state.selection.as_dict() if state.selection else None)
    if shown:
        update = timeline_view.patch(view, drawing, highlight, shown)
        if update is not None:
            return update, no_update
    return timeline_view.build(view, drawing, highlight, figure_px)


def with_no_events_note(fig: go.Figure, lang: str, projector: bool) -> go.Figure:
    """The timeline of a case without events (a new one), saying so above the line (the middle is the axis)."""
    fig.add_annotation(text=text("timeline_no_events", lang), xref="paper", yref="paper", x=0.5, y=0.8,
                       showarrow=False, font={"size": 22 if projector else 16, "color": "#5f6368"},
                       bgcolor="rgba(255,255,255,0.9)")
    return fig


WALL_FRAMES: dict[str, tuple[int, int]] = {"network": (800, 530), "both": (548, 590)}
"""px: the frame the geno-sociogram is drawn for on the wall before the browser has measured the real one (what
a 1280×720 screen leaves under the header: the main column, or half of it beside the timeline; beside it at least
as wide as the family needs, as casusbeeld.js widens it: :func:`first_frame`)."""
FAMILY_SPARE_PX = 16  # px the wall gives a wide family's frame beyond its need (casusbeeld.js widenForFamily)

MIN_FRAME, MAX_FRAME = (240, 200), (3840, 2160)
"""px: the smallest and largest measured frame drawn for (a frame outside is clamped)."""


def measured_frame(measured: Any, wall: str | None) -> tuple[int, int] | None:
    """The frame the browser measured for ``wall`` (``{"width", "height", "wall"}`` from the ``wall-frame`` store,
    see casusbeeld.js ``measureFrame``), clamped; None when missing, malformed or measured for another wall."""
    if not isinstance(measured, dict) or measured.get("wall") != (wall or "both"):
        return None
    try:
        width, height = int(measured["width"]), int(measured["height"])
    except (KeyError, TypeError, ValueError):
        return None
    return (min(max(width, MIN_FRAME[0]), MAX_FRAME[0]), min(max(height, MIN_FRAME[1]), MAX_FRAME[1]))


def wall_frame(projector: bool, wall: str | None, measured: Any = None) -> tuple[int, int] | None:
    """The frame to draw the geno-sociogram for: on the projector, the one the browser measured for the wall
    choice (else the choice's default); else None (the card)."""
    if not projector:
        return None
    return measured_frame(measured, wall) or WALL_FRAMES.get(wall or "both", WALL_FRAMES["both"])


def first_frame(view: CaseView, frame: tuple[int, int] | None, wall: str | None, measured: Any
                ) -> tuple[int, int] | None:
    """``frame``, but beside the timeline before the browser has measured it: as wide as the family needs (the
    wall widens the network's half for it), so that a large family's first drawing names everyone too."""
    if frame is None or (wall or "both") != "both" or measured_frame(measured, wall) is not None:
        return frame
    return max(frame[0], family_frame_width(view.case) + FAMILY_SPARE_PX), frame[1]


CARD_WIDTHS = (480, 1400)
"""px: the narrowest and widest screen card the geno-sociogram is drawn for (else the default width)."""


def card_width(projector: bool, measured: Any = None) -> int | None:
    """The width of the screen's card the browser measured (``{"wall": "screen", "width"}`` in the ``wall-frame``
    store), clamped to :data:`CARD_WIDTHS`; None on the projector or before it is measured (the default width)."""
    if projector or not isinstance(measured, dict) or measured.get("wall") != "screen":
        return None
    try:
        width = int(measured["width"])
    except (KeyError, TypeError, ValueError):
        return None
    return min(max(width, CARD_WIDTHS[0]), CARD_WIDTHS[1]) if width > 0 else None


def network_highlight(view: CaseView, selection: Selection) -> Highlight:
    """What the geno-sociogram emphasises for ``selection``."""
    _, highlight = highlights(view, selection)
    return Highlight.of(persons=highlight.get("highlight_persons"), organisations=highlight.get(
        "highlight_organisations"), events=highlight.get("highlight_events"))


def genosociogram_output(view: CaseView | None, selection: Selection, as_of_value: int | None, lang: str,
                         projector: bool, wall: str | None = None, measured: Any = None, shown: str | None = None,
                         unfolded: Any = ()) -> tuple[go.Figure | Patch, str | None]:
    """The geno-sociogram as of the slider's date with the selection highlighted (on the projector drawn for the
    wall's frame, the organisations in ``unfolded`` unfolded there), or only a patch of the figure the browser
    shows (signature ``shown``) when that is of the same drawing (see :mod:`app.genosociogram_view`); and the
    signature of what the browser then shows."""
    if view is None:
        return empty_figure(projector), None
    state = ViewState(as_of=as_of_date(view, as_of_value), lang=lang, projector=projector)
    opened = tuple(str(o) for o in unfolded or () if o in view.organisation_names)
    return genosociogram_view.output(view, state, first_frame(view, wall_frame(projector, wall, measured), wall,
                                                              measured),
                                     network_highlight(view, selection), shown, opened,
                                     card_width(projector, measured))


def genosociogram_figure(view: CaseView | None, selection: Selection, as_of_value: int | None, lang: str,
                         projector: bool, wall: str | None = None, measured: Any = None) -> go.Figure:
    """The whole geno-sociogram figure of :func:`genosociogram_output`."""
    fig, _ = genosociogram_output(view, selection, as_of_value, lang, projector, wall, measured)
    assert isinstance(fig, go.Figure)
    return fig


def graph_height(fig: go.Figure | Patch) -> Any:
    """The graph's CSS height: the figure's own (the graph follows the page width)."""
    if isinstance(fig, Patch):
        return no_update
    height = fig.layout.height
    return {"height": f"{int(height)}px"} if height else {"height": "450px"}


def fit_to_width(fig: go.Figure) -> tuple[go.Figure, dict[str, str]]:
    """Let a fixed-size figure follow its container's width, keeping its proportions (no upscaling)."""
    width, height = fig.layout.width, fig.layout.height
    if not width or not height:
        return fig, {"height": "300px"}
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if meta.get("frame"):
        # drawn for the wall's frame: plotly keeps exactly that size (an autosized first draw, before the wall's
        # fit has sized the graph, would widen the locked ranges and shrink the drawing); the fit scales it
        return fig, {"aspectRatio": f"{width} / {height}", "width": f"{width}px", "height": f"{height}px"}
    fig.update_layout(width=None, height=None, autosize=True)
    return fig, {"aspectRatio": f"{width} / {height}", "maxWidth": f"{width}px", "width": "100%"}
