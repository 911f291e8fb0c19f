"""Assembling the geno-sociogram (the *assemble* of fit → draw → assemble): the drawn ink, its legend and a
title into one Plotly figure of the right size.

Three shapes: on the screen the legend on the right (:func:`_beside`); in columns below a drawing that would be
small beside it and always on the projector (:func:`_above_legend`); and in a wall frame a figure of exactly the
frame's size, the legend on the right or in a few rows below (:func:`_in_frame`). The drawing has its own axes
(x/y, in layout units, one unit ``px_per_unit`` px); the legend has x2/y2 in units of ``legend_unit_px`` px.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import plotly.graph_objects as go

from layouts.genogram.captions import chars_in, esc, fit
from layouts.genogram.context import Context
from layouts.genogram.fit import (
    FRAME_BELOW_ROWS,
    FRAME_BOTTOM,
    FRAME_LEGEND_SCALE,
    FRAME_LEGEND_UNIT,
    LEGEND_GAP_PX,
    LEGEND_UNIT_PX,
    SIDE_PX,
    Box,
    SociogramLayout,
    frame_top,
)
from layouts.genogram.geometry import Path
from layouts.genogram.legend import SECTIONS, Scale, draw_legend, draw_legend_columns, draw_legend_grid
from layouts.genogram.relations import draw_relation
from layouts.genogram.symbols import Ink
from layouts.plotly_adapter import unchecked_figure
from layouts.style import DIM_OPACITY, FONT_FAMILY, INK, MUTED, PAPER
from layouts.texts import text
from models.case import Case
from models.partial_date import PartialDate

PROJECTOR_MIN_WIDTH = 640  # px: a small drawing still gets a legend and title that read
AXIS = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}


def assemble(case: Case, fitted: SociogramLayout, ctx: Context, as_of: dt.date | None, lang: str,
             layered: bool = False) -> go.Figure:
    """The figure (see :func:`assemble_dict`), made of known-good parts: not validated again."""
    parts = assemble_dict(case, fitted, ctx, as_of, lang, layered)
    return unchecked_figure(parts["data"], parts["layout"])


def assemble_dict(case: Case, fitted: SociogramLayout, ctx: Context, as_of: dt.date | None, lang: str,
                  layered: bool = False) -> dict[str, Any]:
    """The figure: the drawing in ``ctx.ink``, the legend of the symbols used, the title, ``meta``.

    ``layered``: the drawing in the layered form of :meth:`.symbols.Ink.traces` (its first ``meta["layers"]``
    traces the base, the next as many the overlay of what is highlighted), so that another highlight of the same
    drawing is a small patch (see ``app.genosociogram_view``)."""
    legend_ink = Ink(xaxis="x2", yaxis="y2", dim=DIM_OPACITY)
    meta = _meta(case, fitted)
    if layered:
        meta["layers"] = ctx.ink.group_count()
        ctx = replace(ctx, layered=True)
    if fitted.framed:
        return _in_frame(case, fitted, ctx, legend_ink, as_of, lang, meta)
    scale = fitted.scale

    def relation_glyph(target: Ink, kind: str, path: Path, on: bool) -> None:
        draw_relation(target, kind, path, on, scale, False)

    if fitted.placement == "below":
        x0, x1, _, _ = projector_extent(fitted)
        keys, legend_h = draw_legend_columns(legend_ink, ctx.used, lang, scale, (x1 - x0) * fitted.ppu / LEGEND_UNIT_PX,
                                             LEGEND_UNIT_PX, relation_glyph, short=fitted.projector)
        return _above_legend(case, fitted, ctx, legend_ink, as_of, lang, keys, legend_h, meta)
    legend_w, legend_h = draw_legend(legend_ink, ctx.used, lang, scale, LEGEND_UNIT_PX, relation_glyph)
    keys = [k for _, entries in SECTIONS for k in entries if k in ctx.used]
    return _beside(case, fitted, ctx, legend_ink, as_of, lang, (legend_w, legend_h), keys, meta)


def empty_figure(case: Case, as_of: dt.date | None, lang: str, scale: Scale, ppu: float) -> go.Figure:
    """A figure saying there is nobody to draw."""
    fig = go.Figure()
    fig.add_annotation(text=esc(text("geno_empty", lang)), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": scale.text, "color": MUTED, "family": FONT_FAMILY})
    fig.update_layout(
        title={"text": f"<b>{esc(case.title)}</b>", "font": {"size": scale.title}},
        xaxis={"visible": False}, yaxis={"visible": False}, paper_bgcolor=PAPER, plot_bgcolor=PAPER,
        meta={"legend": [], "px_per_unit": ppu, "as_of": as_of.isoformat() if as_of else None, "lang": lang})
    return fig


def projector_extent(fitted: SociogramLayout) -> Box:
    """The drawing's extent, widened to :data:`PROJECTOR_MIN_WIDTH` for a small drawing (room for title and
    legend)."""
    x0, x1, y0, y1 = fitted.extent()
    pad = max(0.0, (PROJECTOR_MIN_WIDTH - 2 * SIDE_PX) / fitted.ppu - (x1 - x0)) / 2
    return x0 - pad, x1 + pad, y0, y1


def _meta(case: Case, fitted: SociogramLayout) -> dict[str, Any]:
    marks, graph = fitted.marks, fitted.graph
    return {
        "positions": {k: [round(m.x, 3), round(m.y, 3)] for k, m in sorted(marks.items())},
        "deceased": sorted(p for p in marks if p in graph and graph.nodes[p].get("deceased")),
        "index": case.index_person if case.index_person in marks else None,
        "boxes": {item.key: [round(v, 3) for v in item.box] for item in fitted.ring.items
                  if item.organisation is not None},
        "family_px": fitted.family_px,  # the wall widens the network's half for it (casusbeeld.js)
    }


def _when(as_of: dt.date | None, lang: str) -> str:
    day = PartialDate.from_date(as_of).format(lang) if as_of else None
    return text("as_of_date", lang, date=day) if day else text("geno_whole_history", lang)


def _page(width: float, height: float, top: float, bottom: float, scale: Scale, title: dict[str, Any]
          ) -> dict[str, Any]:
    """What every shape's layout shares: size, margins, paper, interaction, fonts and the title."""
    return dict(
        width=width, height=height, autosize=False,
        margin={"l": SIDE_PX, "r": SIDE_PX, "t": top, "b": bottom},
        paper_bgcolor=PAPER, plot_bgcolor=PAPER, showlegend=False, hovermode="closest", dragmode="pan",
        font={"family": FONT_FAMILY, "size": scale.text, "color": INK},
        title={**title, "x": 0.0, "xanchor": "left", "xref": "paper",
               "font": {"size": scale.title, "family": FONT_FAMILY, "color": INK}},
    )


def _figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> dict[str, Any]:
    """The figure's plain dict."""
    return {"data": traces, "layout": layout}


def drawing_traces(ctx: Context, hover_font: int) -> list[dict[str, Any]]:
    """The drawing's traces: by emphasis, or in the layered form when ``ctx.layered``."""
    return ctx.ink.traces(FONT_FAMILY, hover_font, ctx.any_highlight if ctx.layered else None)


def _beside(case: Case, fitted: SociogramLayout, ctx: Context, legend_ink: Ink, as_of: dt.date | None, lang: str,
            legend_size: tuple[float, float], legend_keys: list[str], meta: dict[str, Any]) -> dict[str, Any]:
    """The screen figure: the drawing (``ppu`` px a unit) with the legend (its own unit) on its right."""
    scale, ppu = fitted.scale, fitted.ppu
    legend_w, legend_h = legend_size
    x0, x1, y0, y1 = fitted.extent()
    main_px, legend_px = (x1 - x0) * ppu, (legend_w + 0.8) * LEGEND_UNIT_PX
    plot_w = main_px + LEGEND_GAP_PX + legend_px
    plot_h = max((y1 - y0) * ppu, (legend_h + 1.0) * LEGEND_UNIT_PX)
    top, bottom = int(scale.title * 3.6), 16
    pad = (plot_h / ppu - (y1 - y0)) / 2  # the drawing centred vertically when the legend is taller
    traces = drawing_traces(ctx, scale.small) + legend_ink.traces(FONT_FAMILY, scale.small)
    title = (f"<b>{esc(case.title)}</b><br><span style='font-size:{scale.small}px;color:{MUTED}'>"
             f"geno-sociogram · {esc(_when(as_of, lang))} · {esc(case.id)}</span>")
    layout = _page(round(plot_w + 2 * SIDE_PX), round(plot_h + top + bottom), top, bottom, scale, {"text": title})
    layout.update(
        xaxis={**AXIS, "domain": [0.0, main_px / plot_w], "range": [x0, x1], "constrain": "domain"},
        yaxis={**AXIS, "domain": [0.0, 1.0], "range": [y0 - pad, y1 + pad], "scaleanchor": "x", "scaleratio": 1,
               "constrain": "domain"},
        xaxis2={**AXIS, "domain": [1 - legend_px / plot_w, 1.0], "range": [-0.3, legend_w + 0.5],
                "fixedrange": True},
        yaxis2={**AXIS, "domain": [0.0, 1.0], "range": [0.6 - plot_h / LEGEND_UNIT_PX, 0.6], "anchor": "x2",
                "fixedrange": True},
        meta={"legend": legend_keys, "px_per_unit": ppu, "legend_unit_px": LEGEND_UNIT_PX,
              "as_of": as_of.isoformat() if as_of else None, "lang": lang, **meta},
    )
    return _figure(traces, layout)


def _above_legend(case: Case, fitted: SociogramLayout, ctx: Context, legend_ink: Ink, as_of: dt.date | None,
                  lang: str, legend_keys: list[str], legend_h: float, meta: dict[str, Any]) -> dict[str, Any]:
    """The drawing across the figure's width (:data:`PROJECTOR_WIDTH`, or the screen's for a wide drawing on the
    screen), the legend in columns below it."""
    scale, ppu = fitted.scale, fitted.ppu
    x0, x1, y0, y1 = projector_extent(fitted)
    main_px = (y1 - y0) * ppu
    legend_px = (legend_h + 0.6) * LEGEND_UNIT_PX if legend_keys else 0.0
    gap_px = 12.0 if legend_keys else 0.0
    top, bottom = int(scale.title * 3.6), 16
    plot_px = main_px + gap_px + legend_px
    traces = drawing_traces(ctx, scale.small) + legend_ink.traces(FONT_FAMILY, scale.small)
    when = esc(_when(as_of, lang))
    about = when if fitted.projector else f"geno-sociogram · {when} · {esc(case.id)}"
    title = (f"<b>{fit(case.title, chars_in(x1 - x0, scale.title, ppu, bold=True), 1)}</b><br>"
             f"<span style='font-size:{scale.small}px;color:{MUTED}'>{about}</span>")
    legend_w = (x1 - x0) * ppu / LEGEND_UNIT_PX
    layout = _page(round((x1 - x0) * ppu + 2 * SIDE_PX), round(plot_px + top + bottom), top, bottom, scale,
                   {"text": title})
    layout.update(
        xaxis={**AXIS, "domain": [0.0, 1.0], "range": [x0, x1], "constrain": "domain"},
        yaxis={**AXIS, "domain": [(legend_px + gap_px) / plot_px, 1.0], "range": [y0, y1], "scaleanchor": "x",
               "scaleratio": 1, "constrain": "domain"},
        xaxis2={**AXIS, "domain": [0.0, 1.0], "range": [-0.3, legend_w - 0.3], "fixedrange": True, "anchor": "y2"},
        yaxis2={**AXIS, "domain": [0.0, max(legend_px / plot_px, 1e-3)], "range": [-legend_h - 0.1, 0.5],
                "anchor": "x2", "fixedrange": True},
        meta={"legend": legend_keys, "px_per_unit": ppu, "legend_unit_px": LEGEND_UNIT_PX,
              "as_of": as_of.isoformat() if as_of else None, "lang": lang, **meta},
    )
    return _figure(traces, layout)


def _frame_legend(fitted: SociogramLayout, ctx: Context, legend_ink: Ink, lang: str) -> tuple[list[str], float, int]:
    """A frame's compact legend: (the keys drawn, its height in units, its columns)."""
    frame_w, frame_h = fitted.frame  # type: ignore[misc]
    col_w = fitted.legend_col_w
    if fitted.placement == "right":
        columns, rows_h = 1, (frame_h - frame_top(fitted.scale) - FRAME_BOTTOM) / FRAME_LEGEND_UNIT
    else:
        columns = max(1, int((frame_w - 2 * SIDE_PX) / (col_w * FRAME_LEGEND_UNIT)))
        rows_h = FRAME_BELOW_ROWS * 0.95 - 0.3

    def legend_glyph(target: Ink, kind: str, path: Path, on: bool) -> None:
        draw_relation(target, kind, path, on, FRAME_LEGEND_SCALE, False)

    keys, legend_h = draw_legend_grid(legend_ink, ctx.used, lang, FRAME_LEGEND_SCALE, FRAME_LEGEND_UNIT, columns,
                                      rows_h, col_w, legend_glyph)
    return keys, legend_h, columns


def _frame_domains(placement: str, plot_w: float, plot_h: float, legend_w: float, legend_h: float
                   ) -> tuple[float, float, dict[str, list[float]]]:
    """(drawing width px, drawing height px, the domains and legend ranges) of a frame's figure."""
    unit = FRAME_LEGEND_UNIT
    if placement == "right":
        legend_px = legend_w * unit
        return plot_w - legend_px - LEGEND_GAP_PX / 2, plot_h, {
            "x": [0.0, (plot_w - legend_px - LEGEND_GAP_PX / 2) / plot_w], "y": [0.0, 1.0],
            "x2": [1 - legend_px / plot_w, 1.0], "y2": [0.0, 1.0],
            "x2_range": [0.0, legend_w], "y2_range": [-plot_h / unit, 0.0]}
    legend_px = FRAME_BELOW_ROWS * 0.95 * unit  # as reserved for it (see fit._choose_in_frame)
    return plot_w, plot_h - legend_px - 12, {
        "x": [0.0, 1.0], "y": [(legend_px + 12) / plot_h, 1.0], "x2": [0.0, 1.0], "y2": [0.0, legend_px / plot_h],
        "x2_range": [-(plot_w / unit - legend_w) / 2, (plot_w / unit + legend_w) / 2],  # centred
        "y2_range": [-legend_h - 0.3, 0.0]}


def _in_frame(case: Case, fitted: SociogramLayout, ctx: Context, legend_ink: Ink, as_of: dt.date | None,
              lang: str, meta: dict[str, Any]) -> dict[str, Any]:
    """A figure of the frame's px: the drawing centred in what the legend leaves (on the right, or below: then a
    drawing bound by the frame's width makes the figure as much shorter, the legend right under it)."""
    legend_keys, legend_h, columns = _frame_legend(fitted, ctx, legend_ink, lang)
    scale = fitted.scale
    width, height = fitted.frame  # type: ignore[misc]
    top, bottom = frame_top(scale), FRAME_BOTTOM
    plot_w, plot_h = width - 2 * SIDE_PX, height - top - bottom
    main_w, main_h, dom = _frame_domains(fitted.placement, plot_w, plot_h, columns * fitted.legend_col_w, legend_h)
    x0, x1, y0, y1 = fitted.extent()
    fold = fitted.fold_room  # px above the drawing: the top boxes' fold buttons reach above them
    spare = int(main_h - fold - (y1 - y0) * min(fitted.ppu, main_w / (x1 - x0)))
    if fitted.placement == "below" and spare > 0:  # bound by the width: no empty band above and below the drawing
        height, plot_h = height - spare, plot_h - spare
        main_w, main_h, dom = _frame_domains("below", plot_w, plot_h, columns * fitted.legend_col_w, legend_h)
    ppu = min(fitted.ppu, main_w / (x1 - x0), (main_h - fold) / (y1 - y0))  # never cut off (labels a hair wider)
    y1 += fold / ppu
    pad_x = (main_w / ppu - (x1 - x0)) / 2
    pad_y = (main_h / ppu - (y1 - y0)) / 2
    traces = drawing_traces(ctx, scale.small) + legend_ink.traces(FONT_FAMILY, FRAME_LEGEND_SCALE.small)
    when = _when(as_of, lang)
    room = chars_in(plot_w / ppu, scale.title, ppu, bold=True) - len(when) // 2 - 2
    name = fit(case.title, max(room, 12), 1)
    if fitted.left_out:  # a wall frame too small for everything says what it shows (.wall_room); the header: the case
        name = text("geno_left_out_" + (fitted.left_out[0] if len(fitted.left_out) == 1 else "both"), lang)
    title = (f"<b>{esc(name)}</b>"
             f"<span style='font-size:{scale.small}px;color:{MUTED}'>  ·  {esc(when)}</span>")
    layout = _page(width, height, top, bottom, scale,
                   {"text": title, "y": 1 - 6 / height, "yanchor": "top", "yref": "container"})
    x_range, y_range = [x0 - pad_x, x1 + pad_x], [y0 - pad_y, y1 + pad_y]
    layout.update(
        xaxis={**AXIS, "domain": dom["x"], "range": x_range, "constrain": "domain"},
        yaxis={**AXIS, "domain": dom["y"], "range": y_range, "scaleanchor": "x", "scaleratio": 1,
               "constrain": "domain"},
        xaxis2={**AXIS, "domain": dom["x2"], "range": dom["x2_range"], "fixedrange": True, "anchor": "y2"},
        yaxis2={**AXIS, "domain": dom["y2"], "range": dom["y2_range"], "anchor": "x2", "fixedrange": True},
        meta={"legend": legend_keys, "px_per_unit": ppu, "legend_unit_px": FRAME_LEGEND_UNIT, "frame": [width, height],
              "ranges": {"xaxis": x_range, "yaxis": y_range, "xaxis2": list(dom["x2_range"]),
                         "yaxis2": list(dom["y2_range"])},
              "legend_place": fitted.placement, "as_of": as_of.isoformat() if as_of else None, "lang": lang, **meta},
    )
    return _figure(traces, layout)
