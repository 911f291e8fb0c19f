"""The timeline figure's layout: two lane axes sharing one time axis, legends, shapes and
notes (see :func:`layout_dict`); the date line (:func:`as_of_marks`); the wall's layout (:func:`wall_layout`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from layouts.style import FONT_FAMILY, INK, MUTED, PAPER, TypeScale, type_scale
from layouts.texts import text
from layouts.timeline.axis import gap_decor, rangebreaks, year_ticks
from layouts.timeline.focus import history_note
from layouts.timeline.lane_names import lane_labels
from layouts.timeline.lanes import TimelineLayout
from layouts.timeline.style import (
    GRID_COLOUR,
    GUIDE_COLOUR,
    LANE_GAP,
    LANE_LINE,
    MIN_PLOT_WIDTH_PX,
    SCREEN_GEOMETRY,
    Chrome,
    Geometry,
    chrome,
    plot_height_px,
)
from layouts.timeline.text import HoverWriter, esc
from layouts.timeline.time_scale import LINEAR, TimeScale
from layouts.timeline.traces import LegendRow, legend_lines
from layouts.timeline.wall import WALL_BOTTOM_PX, WALL_TOP_PX, WallLegend, wall_legend_layouts, wall_legend_px
from models.case import Case
from models.dates import Gap, day_ms
from models.partial_date import PartialDate
from models.vocabulary import Layer

AS_OF_NAME = "timeline-as-of"
"""The ``name`` of the date line's shape and of its note (a caller moves both, see :func:`as_of_marks`)."""


def as_of_marks(as_of: dt.date | None, lang: str, projector: bool, time: TimeScale = LINEAR
                ) -> tuple[dict[str, Any], dict[str, Any]]:
    """The date line at ``as_of`` (on the axis ``time``) and its note above the plot ("situatie per …"); hidden
    when None."""
    scale = type_scale(projector)
    x = time.to_axis(day_ms(as_of)) if as_of is not None else 0.0
    note = text("timeline_as_of", lang, date=PartialDate.from_date(as_of).format(lang)) if as_of is not None else ""
    shape = {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
             "line": {"color": INK, "width": scale.line_width + 0.5}, "name": AS_OF_NAME,
             "visible": as_of is not None}
    annotation = {"x": x, "xref": "x", "y": 1, "yref": "paper", "yanchor": "bottom",
                  "text": f"<b>{esc(note)}</b>" if note else "", "showarrow": False,
                  "font": {"size": scale.small, "color": INK}, "bgcolor": PAPER, "name": AS_OF_NAME,
                  "visible": as_of is not None, "xanchor": "right"}  # left of its line: not cut at the plot's end
    return shape, annotation


def gap_label_room(layout: TimelineLayout, plot_px: float) -> tuple[float, bool]:
    """(px, in the lived half) the "no information" labels hang in: from the top of the plot down to the ages, or
    when the formal half is the shorter one (the lived layer alone, say), from under the years down to the
    bottom."""
    bottom, top = layout.y_range
    px_per_row = plot_px / (top - bottom)
    return max(((top - layout.axis_up) * px_per_row - 8, False), ((-bottom - layout.axis_down) * px_per_row - 8, True))


def wall_layout(figure_layout: dict[str, Any], layout: TimelineLayout, rows: list[WallLegend], wall_px: float,
                 projector: bool, band: float, wall: str = "both") -> None:
    """The figure's layout on the wall: label rows above and below the lanes, no range slider, no second row
    of years (the axis line has them), the legend in one or two rows."""
    c = chrome(projector)
    bottom, top = layout.y_range
    bottom, top = bottom - band, top + band
    plot_px = plot_height_px(top - bottom, projector)
    legends_px = wall_legend_px(rows, c.legend_row_px)
    height = int(plot_px + WALL_TOP_PX + WALL_BOTTOM_PX + legends_px)
    legends, _ = wall_legend_layouts(rows, c.legend_row_px, c.legend_font_px, wall_px, esc)
    for name in [name for name in figure_layout if name.startswith("legend")]:
        del figure_layout[name]
    figure_layout.update(legends)
    split = -bottom / (top - bottom)
    figure_layout["height"] = height
    # every margin counted here: plotly must not grow them (it keeps pushes of the screen's figure it replaced)
    figure_layout["margin"].update(b=legends_px + WALL_BOTTOM_PX, t=WALL_TOP_PX, autoexpand=False)
    # narrower, the wall scales it down whole (casusbeeld.js); a zoom refits the labels in the same rows
    figure_layout["meta"] = {"min_width": wall_px, "label_band": band, "wall": wall,
                             "fitted_range": figure_layout["meta"]["fitted_range"],
                             "time_knots": figure_layout["meta"]["time_knots"]}
    figure_layout["xaxis"].update(showticklabels=False)
    figure_layout["yaxis"].update(domain=[0, split], range=[bottom, 0])
    figure_layout["yaxis2"].update(domain=[split, 1], range=[0, top])


def part_of(layout: TimelineLayout, x_range: tuple[float, float]) -> TimelineLayout:
    """``layout`` as if its axis were ``x_range`` (with the breaks inside it): for spacing ticks and ages."""
    breaks = tuple(b for b in layout.breaks if x_range[0] <= b[0] and b[1] <= x_range[1])
    return dataclasses.replace(layout, x_range=x_range, breaks=breaks)


def axis_year_ticks(layout: TimelineLayout, x_range: list[float], scale: TypeScale, gl: bool,
                    focus: tuple[float, float] | None, plot_px: float | None = None) -> dict[str, Any]:
    """Year ticks for an axis with breaks; with ``focus``, spaced for the story the axis opens on and, in the
    family history before it (reached with the window slider above the figure), for the whole axis."""
    if focus is None or list(focus) != x_range:
        return year_ticks(layout, x_range, scale.base, scale.small, gl, plot_px=plot_px)
    story = year_ticks(part_of(layout, focus), list(focus), scale.base, scale.small, gl, always=True, plot_px=plot_px)
    history = year_ticks(part_of(layout, (layout.x_range[0], focus[0])), [layout.x_range[0], focus[0]], scale.base,
                         scale.small, gl, always=True, plot_px=plot_px)
    if not story or not history:
        return story or history
    return {**story, "tickvals": [*history["tickvals"], *story["tickvals"]],
            "ticktext": [*history["ticktext"], *story["ticktext"]]}


def date_tick_count(plot_px: float, scale: TypeScale) -> int:
    """At most this many date labels on a plot ``plot_px`` wide: a month's label ("10-2019") and a space each, so
    that plotly never has to tilt them (tilted, they hang into the top lived lane)."""
    return max(4, int(plot_px // (scale.base * 5)))


def date_axis(layout: TimelineLayout, x_range: list[float], scale: TypeScale, geo: Geometry, gl: bool,
              focus: tuple[float, float] | None, label_px: float = 0.0, wall_px: float | None = None
              ) -> dict[str, Any]:
    """What both time axes share: date ticks (days, months or years as the zoom goes), the range, the breaks. On
    the screen the date labels are counted for the plot's measured width (before it is measured, the narrowest the
    app gives); on the wall for its nominal width."""
    plot_px = geo.plot_width_px if layout.projector else legend_width_px(geo, label_px)
    nticks = date_tick_count(plot_px, scale)
    # plotly takes the first stop whose range holds the tick step, a month's ("M1") counted as 30.4 days: days up
    # to a fortnight's step, months from a month's
    return {"tickformatstops": [
        {"dtickrange": [None, 86_400_000 * 28], "value": "%-d-%-m-%Y"},
        {"dtickrange": [86_400_000 * 28, 86_400_000 * 360], "value": "%-m-%Y"},
        {"dtickrange": [86_400_000 * 360, None], "value": "%Y"},
    ], "nticks": nticks, "type": "date", "range": x_range, "zeroline": False, "rangebreaks": rangebreaks(layout, gl),
        **axis_year_ticks(layout, x_range, scale, gl, focus, wall_px - label_px - 12 if wall_px else None)}


def legend_width_px(geo: Geometry, label_px: float) -> float:
    """The width the legends' lines (one plotly legend each) are laid out for: the plot's, of a measured figure
    (``geo`` replaced for it) or on the wall; else the narrowest plot the app gives the timeline on a screen
    (plotly wraps a line wider than the plot over the next line's)."""
    return geo.width_px - label_px - 12 if geo is not SCREEN_GEOMETRY else MIN_PLOT_WIDTH_PX


def legend_layouts(rows: list[LegendRow], c: Chrome, height: int) -> tuple[dict[str, dict], int]:
    """The horizontal legends under the date labels, one per line, the first on top; and the px they take."""
    font = c.legend_font_px
    total = len(rows) * c.legend_row_px + 6
    layouts: dict[str, dict] = {}
    top = total
    for row in rows:
        layouts[row.legend] = {
            "orientation": "h", "x": 0, "xanchor": "left", "xref": "container", "y": top / height,
            "yref": "container", "yanchor": "top", "itemclick": False, "itemdoubleclick": False,
            "font": {"size": font}, "bgcolor": "rgba(0,0,0,0)", "tracegroupgap": 0, "itemsizing": "constant",
            "title": {"text": f"<b>{esc(row.title)}</b>" if row.title else "", "side": "left",
                      "font": {"size": font}},
        }
        top -= c.legend_row_px
    return layouts, total


def lane_lines(layout: TimelineLayout) -> list[dict[str, Any]]:
    """Hairlines between the lanes (the axis line separates the halves)."""
    shapes = []
    for lane in layout.lanes:
        yref = "y2" if lane.layer == Layer.FORMAL else "y"
        edge = lane.y1 + LANE_GAP / 2 if lane.layer == Layer.FORMAL else lane.y0 - LANE_GAP / 2
        shapes.append({"type": "line", "xref": "paper", "yref": yref, "x0": 0, "x1": 1, "y0": edge, "y1": edge,
                       "line": {"color": LANE_LINE, "width": 1}, "layer": "below"})
    return shapes


def layout_dict(case: Case, layout: TimelineLayout, geo: Geometry, scale: TypeScale, lang: str,
                   projector: bool, as_of: dt.date | None, date_window: tuple[dt.date, dt.date] | None,
                   gaps: list[Gap], guides: list[float], writer: HoverWriter, case_persons: dict,
                   keys: list[dict], legend_groups: list[LegendRow], gl: bool, note_shapes: list[dict],
                   focus: tuple[float, float] | None = None, unnamed: frozenset[str] = frozenset(),
                   wall_px: float | None = None) -> dict[str, Any]:
    """The figure's layout: two lane axes sharing one time axis (showing ``date_window``, else ``focus``, else
    all), shapes and notes, and the whole axis in ``meta["window"]`` (for the window slider above the figure);
    the lanes of ``unnamed`` without their name."""
    c = chrome(projector)
    bottom, top = layout.y_range
    plot_px = plot_height_px(top - bottom, projector)
    split = -bottom / (top - bottom)  # paper height of the axis line
    shapes = lane_lines(layout)
    high_px, in_lived = gap_label_room(layout, plot_px)
    gap_shapes, annotations = gap_decor(gaps, layout, lang, projector, scale.small, high_px, in_lived)
    shapes += gap_shapes + note_shapes
    shapes += [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
                "line": {"color": GUIDE_COLOUR, "width": 1.2, "dash": "dot"}, "layer": "below"} for x in guides]
    as_of_shape, as_of_note = as_of_marks(as_of, lang, projector, layout.scale)
    shapes.append(as_of_shape)
    annotations.append(as_of_note)
    lane_notes, label_px = lane_labels(layout, writer, case_persons, lang, geo, scale, projector, unnamed)
    annotations += lane_notes
    full_range = list(layout.x_range)
    x_range = [layout.x_of(date_window[0]), layout.x_of(date_window[1])] if date_window else list(focus or full_range)
    if focus is not None:
        annotations.append(history_note(case, layout, focus, lang, scale.small))
    date_ticks = date_axis(layout, x_range, scale, geo, gl, focus, label_px, wall_px)
    lane_axis = {"fixedrange": True, "showgrid": False, "zeroline": False, "showline": False, "ticks": "",
                 "showticklabels": False}
    top_px = c.title_px
    lines = legend_lines(keys, legend_groups, legend_width_px(geo, label_px), c.legend_font_px)
    legend_px = len(lines) * c.legend_row_px + 6
    dates_px = 2 * scale.small + 6  # the date labels under the plot; no range slider (app/assets/window.js)
    height = int(plot_px + top_px + dates_px + legend_px)
    legends, _ = legend_layouts(lines, c, height)
    title = {"text": esc(case.title), "x": 0, "xref": "paper", "y": 1, "yref": "container", "yanchor": "top",
             "pad": {"t": 10}, "font": {"size": scale.title}} if not projector else {"text": ""}
    return dict(
        template={},
        # under the plot the date labels, then the legends: the bottom margin holds both (plotly's own growth
        # of it takes the larger of the two, and the legends would cover the dates)
        height=height,
        margin={"l": label_px, "r": 12, "t": top_px, "b": dates_px + legend_px, "autoexpand": True},
        paper_bgcolor=PAPER, plot_bgcolor="rgba(0,0,0,0)",
        font={"family": FONT_FAMILY, "size": scale.base, "color": INK},
        title=title,
        showlegend=True,
        **legends,
        hovermode="closest", hoverdistance=16,
        hoverlabel={"font": {"size": scale.small, "family": FONT_FAMILY}, "bgcolor": PAPER, "bordercolor": MUTED,
                    "align": "left"},
        barmode="overlay", bargap=0, dragmode="zoom",
        uirevision=f"{case.id}|{date_window}|{focus is not None}",
        xaxis={**date_ticks, "anchor": "y", "showgrid": True, "gridcolor": GRID_COLOUR, "showline": False,
               "ticks": "", "tickfont": {"size": scale.small, "color": MUTED}},
        xaxis2={**date_ticks, "matches": "x", "anchor": "y2", "showgrid": True, "gridcolor": GRID_COLOUR,
                "showline": True, "linecolor": INK, "linewidth": scale.line_width * 1.6, "ticks": "outside",
                "ticklen": 6, "tickwidth": 1.5, "tickcolor": INK, "tickfont": {"size": scale.base, "color": INK}},
        yaxis={**lane_axis, "domain": [0, split], "range": [bottom, 0]},
        yaxis2={**lane_axis, "domain": [split, 1], "range": [0, top]},
        shapes=shapes, annotations=annotations,
        meta={"window": full_range, "fitted_range": x_range, "opened": x_range,  # slider ends; words'; opens on
              "time_knots": layout.scale.knots()},  # real ms → axis (window.js: the address holds real days)
    )
