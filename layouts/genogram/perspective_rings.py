"""The group's perspective colours in the geno-sociogram: a ring in the perspective's colour around each person
whose voice the perspective is, and a one-line key under the title (:mod:`models.group`)."""

from __future__ import annotations

import math
from typing import Any

import plotly.graph_objects as go

from layouts.genogram.context import Context
from layouts.genogram.symbols import LineStyle
from layouts.inert import drawn_text
from layouts.texts import text
from models.case import Case
from models.group import perspective_by_person

RING_PAD = 0.2  # layout units between a person's symbol and the ring
KEY_NAME = "geno-perspectives"
"""The ``name`` of the key's annotation."""


def draw_perspective_rings(ctx: Context, case: Case) -> None:
    """A coloured ring around every drawn person a perspective names (the person's own mark only)."""
    by_person = perspective_by_person(case.perspectives)
    width = 4.0 if ctx.projector else 3.0
    for person_id, perspective in by_person.items():
        mark = ctx.marks.get(person_id)
        if mark is None or ctx.anchor.get(person_id, person_id) != person_id:
            continue
        radius = max(mark.half_w, mark.half_h) * math.sqrt(2) * 0.85 + RING_PAD
        ring = [(mark.x + radius * math.cos(2 * math.pi * k / 48), mark.y + radius * math.sin(2 * math.pi * k / 48))
                for k in range(49)]
        ctx.ink.line(ring, LineStyle(perspective.colour, width), ctx.emph(person_id), z=4)
        ctx.used.add("perspective")


def add_perspective_key(figure: go.Figure | dict[str, Any], case: Case, lang: str, font_px: int) -> None:
    """A key "Perspectief: ○ Jeugdbescherming ○ Vader …" in each perspective's colour, in the drawing's top left
    corner (the ring of people around the family leaves the corners empty); only when a ring was drawn.
    ``figure``: a figure or its plain dict."""
    meta = figure.get("layout", {}).get("meta") if isinstance(figure, dict) else figure.layout.meta
    drawn = set(meta.get("positions", {})) if isinstance(meta, dict) else set()
    shown = [p for p in case.perspectives if drawn & {p.key, *p.persons}]
    if not shown:
        return
    parts = [f"<span style='color:{p.colour}'>◯</span> {drawn_text(p.label)}" for p in shown]
    key: dict[str, Any] = {"text": f"<b>{drawn_text(text('timeline_legend_perspectives', lang))}</b>  "
                           + "   ".join(parts), "xref": "paper", "yref": "paper", "x": 0, "y": 1,
                           "xanchor": "left", "yanchor": "top", "showarrow": False, "align": "left",
                           "font": {"size": font_px}, "name": KEY_NAME}
    if isinstance(figure, dict):
        figure.setdefault("layout", {}).setdefault("annotations", []).append(key)
    else:
        figure.add_annotation(key)
