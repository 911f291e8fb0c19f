"""The geno-sociogram (work card 4): the family over generations, with the people and organisations around it.

``genosociogram_figure(case, state, *, highlight, frame, **drawing_options)`` is a pure function of the case and
the view (:class:`layouts.view_state.ViewState`) returning a Plotly figure, made in three
steps: fit (:func:`.fit.sociogram_layout`), draw (:func:`.draw.draw_sociogram`), assemble (:func:`.assemble.assemble`):

* the family in generational rows (McGoldrick notation: square / circle / diamond, a cross and year for the
  deceased, a double outline for the index person, couple lines with slashes, children hanging from their
  parents' couple line, dotted household outlines), laid out by :mod:`layouts.genogram.layout`;
* relationship lines (close, conflict, distant, cut-off, abuse, supportive, informal care, legal marks,
  professional ties), tentative ones dashed with a "?", whose view on hover;
* the informal network and the professionals by organisation around the family
  (:mod:`layouts.genogram.ring`), collapsed per organisation when there are many;
* a legend with only the symbols used, in Dutch or English: on the right, or in columns below a drawing that
  would be small beside it (and always below on the projector).

Figures are drawn for the width they are shown at (:data:`SCREEN_WIDTH`, :data:`PROJECTOR_WIDTH`); every
label is fitted to the room its neighbours leave at that scale (wrapped, else cut with "…"; the hover has
it in full).

**customdata**: every shown person has exactly one mark whose ``customdata`` is the person id; organisation
marks carry ``"org:<organisation id>"``; relationship marks ``"rel:<relationship id>"``; household marks
``"household:<household id>"``. Professionals inside a collapsed organisation have no mark of their own.

``fig.layout.meta`` holds ``legend`` (the legend keys, in order), ``px_per_unit``, ``as_of``, ``lang``,
``positions`` (mark key -> [x, y] in data units), ``boxes`` (organisation mark key -> [x0, x1, y0, y1]),
``deceased`` (person ids) and ``index`` (the index person's id when drawn) — handy for tests, and for an app
that wants to zoom to a person. The legend has its own axes (x2/y2) in units of ``legend_unit_px`` px.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import plotly.graph_objects as go

from layouts.genogram.assemble import assemble, assemble_dict, empty_figure
from layouts.genogram.context import Context
from layouts.genogram.draw import draw_sociogram
from layouts.genogram.family_cache import cached_family_layout, family_key
from layouts.genogram.fit import (
    FRAME_SCALE,
    PROJECTOR_WIDTH,
    PX_PER_UNIT,
    SCREEN_WIDTH,
    SociogramLayout,
    sociogram_layout,
)
from layouts.genogram.perspective_rings import add_perspective_key
from layouts.view_state import NO_HIGHLIGHT, Highlight, ViewState
from models.case import Case

__all__ = ["FRAME_SCALE", "PROJECTOR_WIDTH", "PX_PER_UNIT", "SCREEN_WIDTH", "cached_family_layout", "draw_figure",
           "family_key", "genosociogram_figure", "sociogram_layout"]


def genosociogram_figure(
    case: Case,
    state: ViewState,
    *,
    highlight: Highlight = NO_HIGHLIGHT,
    frame: tuple[int, int] | None = None,
    collapse_organisations: object = "auto",
    show_network: bool = True,
    show_professionals: bool = True,
    show_annotations: bool = True,
    unfolded: Collection[str] = (),
    page: bool = False,
) -> go.Figure:
    """The geno-sociogram of ``case`` in the view ``state``: as it stood on ``state.as_of`` (None: the whole
    history), in ``state.lang``, for the projector when ``state.projector``.

    ``highlight``: what to emphasise (persons, organisations, events: their persons and organisations); the rest
    is dimmed. ``collapse_organisations``: ``"auto"`` (collapse when there are many professionals, and the
    organisations saved as collapsed), ``True``, ``False`` or a list of organisation ids.
    ``show_annotations``: a ✎ by each person an analyst's note is about, the notes in its hover.
    ``frame``: (width, height) px of the frame the figure is shown in on the wall (always projector type): the
    figure is that size, the drawing as large as the frame allows with projector type (:data:`FRAME_SCALE`), a
    compact legend on the right or, when the drawing is larger that way, in a few rows below it; there the
    professionals of many are folded into their organisations' boxes, but those of the organisations in
    ``unfolded`` (each box has a button to fold or unfold it). ``page``: the frame is a printed page (a poster,
    the report): its folded boxes keep the page's sizing (on the wall they are sized for their names in px).
    """
    fitted = sociogram_layout(case, state.as_of, frame, projector=state.projector,
                              collapse_organisations=collapse_organisations, show_network=show_network,
                              show_professionals=show_professionals, unfolded=unfolded, page=page)
    fig, _ = draw_figure(case, fitted, state, highlight=highlight, show_annotations=show_annotations)
    assert isinstance(fig, go.Figure)
    return fig


def draw_figure(case: Case, fitted: SociogramLayout, state: ViewState, *, highlight: Highlight = NO_HIGHLIGHT,
                show_annotations: bool = True, layered: bool = False,
                as_dict: bool = False) -> tuple[go.Figure | dict[str, Any], Context]:
    """Draw and assemble a fitted geno-sociogram (:func:`.fit.sociogram_layout`) as of ``state.as_of`` in
    ``state.lang``; the figure (``as_dict``: its plain dict) and the drawing's context (its ink). ``layered``: see
    :func:`.assemble.assemble`."""
    as_of, lang = state.as_of, state.lang
    ctx = draw_sociogram(case, fitted, as_of=as_of, lang=lang, highlight=highlight, show_annotations=show_annotations)
    if not fitted.graph.number_of_nodes():
        fig = empty_figure(case, as_of, lang, fitted.scale, fitted.ppu)
        return (fig.to_dict() if as_dict else fig), ctx
    figure = (assemble_dict(case, fitted, ctx, as_of, lang, layered=layered) if as_dict
              else assemble(case, fitted, ctx, as_of, lang, layered=layered))
    add_perspective_key(figure, case, lang, fitted.scale.small)
    return figure, ctx
