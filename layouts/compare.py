"""Two moments side by side (issue 19, item 5): the geno-sociogram as it stood on date A and on date B, and the
timeline with both dates marked. Pure functions of the case and the view state, like the other figures."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from layouts.genogram.figure import genosociogram_figure
from layouts.style import INK, PAPER, type_scale
from layouts.texts import text
from layouts.timeline.figure import timeline_figure
from layouts.timeline.text import esc
from layouts.view_state import ViewState
from models.case import Case
from models.dates import day_ms
from models.partial_date import PartialDate
from models.vocabulary import Layer

COMPARE_LINE_NAME = "timeline-compare"


def default_moments(case: Case) -> tuple[dt.date | None, dt.date | None]:
    """(A, B): the first formal event (the intake, as a rule) and the case's last day."""
    ordered = case.events_in_order()
    if not ordered:
        return None, None
    formal = [event for event in ordered if event.layer == Layer.FORMAL]
    first = (formal or ordered)[0].start_day()
    last = max(event.end_day() for event in ordered)
    return first, max(first, last)


HALF_FRAME = (600, 640)
"""px: each geno-sociogram's frame, half of the main column on a 1600-wide screen (fitted as on the wall)."""


def compare_networks(case: Case, state: ViewState, day_a: dt.date, day_b: dt.date,
                     frame: tuple[int, int] = HALF_FRAME) -> tuple[go.Figure, go.Figure]:
    """The geno-sociogram on ``day_a`` and on ``day_b``, each fitted to ``frame`` so that the two fit side by
    side."""
    return (genosociogram_figure(case, state.replace(as_of=day_a, selection=None), frame=frame),
            genosociogram_figure(case, state.replace(as_of=day_b, selection=None), frame=frame))


def compare_timeline(case: Case, state: ViewState, day_a: dt.date, day_b: dt.date) -> go.Figure:
    """The timeline with a line at ``day_a`` and one at ``day_b``, marked "A" and "B"."""
    figure = timeline_figure(case, state.replace(as_of=None, selection=None, story=None))
    scale = type_scale(state.projector)
    for shift, (name, day) in enumerate((("A", day_a), ("B", day_b))):
        x = day_ms(day)
        figure.add_shape(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, name=COMPARE_LINE_NAME,
                         line={"color": INK, "width": scale.line_width + 0.5, "dash": "dash"})
        label = text("compare_moment", state.lang, name=name, date=PartialDate.from_date(day).format(state.lang))
        figure.add_annotation(x=x, xref="x", y=1, yref="paper", yanchor="bottom", text=f"<b>{esc(label)}</b>",
                              showarrow=False, bgcolor=PAPER, font={"size": scale.small, "color": INK},
                              yshift=shift * (scale.small + 6), name=COMPARE_LINE_NAME)  # B above A
    return figure
