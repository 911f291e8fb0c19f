"""Drawing the geno-sociogram fast: the fit remembered per drawing, the selection and the date sent as a ``Patch``.

Fitting the geno-sociogram (choosing the ring and fitting every label to the room, :mod:`layouts.genogram.fit`)
takes most of its time: ~40-230 ms for Sem on the wall. It depends on the case, the network as it stood on the
date (:func:`graph_key`: who is shown, and how they are tied), the frame, the mode and the unfolded organisations,
not on the selection: :func:`cached_fit` remembers it (bounded, per process). Drawing and assembling a fitted
layout takes a few ms.

The figure is drawn in the *layered* form (:meth:`layouts.genogram.symbols.Ink.traces`): the first
``meta["layers"]`` traces hold the whole drawing (dimmed while something is highlighted), the next as many what is
highlighted, at full opacity. The browser keeps the :func:`signature` of the figure it shows (the case, the fit,
and every point of the drawing but not its emphasis). When a new selection or date draws the same drawing, the
callback sends a ``dash.Patch`` that sets the base traces' opacity, the overlay traces' points and the title's
date; else (another network on that date, another frame, another worker's figure) the whole figure, drawn the same
way, so that a patch and a build always agree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection
from typing import Any

import networkx as nx
import plotly.graph_objects as go
from dash import Patch

from app.state import BoundedLRU
from layouts.genogram.figure import draw_figure
from layouts.genogram.fit import SociogramLayout, sociogram_layout
from layouts.plotly_adapter import unchecked_figure
from layouts.view_state import Highlight, ViewState
from models.case_view import CaseView
from models.network import build_graph

_FITS: BoundedLRU[tuple[Any, ...], SociogramLayout] = BoundedLRU(24)


def graph_key(graph: nx.MultiDiGraph) -> str:
    """A digest of the network as drawn: every node with its attributes, every tie with its kind and status."""
    nodes = sorted((str(n), sorted((k, repr(v)) for k, v in d.items())) for n, d in graph.nodes(data=True))
    edges = sorted((str(a), str(b), str(k), sorted((n, repr(v)) for n, v in d.items() if n != "relationship"))
                   for a, b, k, d in graph.edges(keys=True, data=True))
    return hashlib.blake2b(repr((nodes, edges)).encode("utf-8"), digest_size=16).hexdigest()


def fit_key(view: CaseView, as_of: dt.date | None, frame: tuple[int, int] | None, projector: bool,
            unfolded: Collection[str], card: int | None = None) -> tuple[Any, ...]:
    """What the fit depends on: the case's content, the network on ``as_of``, the frame (or the screen card's
    width), the mode, the unfolded."""
    return (view.key, graph_key(build_graph(view.case, as_of)), frame, bool(projector or frame),
            tuple(sorted(unfolded)), card)


def cached_fit(view: CaseView, as_of: dt.date | None, frame: tuple[int, int] | None, projector: bool,
               unfolded: Collection[str] = (), card: int | None = None) -> tuple[SociogramLayout, tuple[Any, ...]]:
    """The fitted geno-sociogram on ``as_of`` (remembered per :func:`fit_key`), and its key."""
    key = fit_key(view, as_of, frame, projector, unfolded, card)
    fitted = _FITS.get_or_create(key, lambda: sociogram_layout(view.case, as_of, frame, projector=projector,
                                                               unfolded=unfolded, card_width=card))
    return fitted, key


def signature(key: tuple[Any, ...], lang: str, content: str) -> str:
    """A short name for a drawing: its fit, its language and the digest of its ink (the same in every worker)."""
    return hashlib.blake2b(repr((key, lang, content)).encode("utf-8"), digest_size=12).hexdigest()


def build(view: CaseView, state: ViewState, frame: tuple[int, int] | None, highlight: Highlight,
          unfolded: Collection[str] = (), card: int | None = None) -> tuple[dict[str, Any], str, Any]:
    """The layered figure's plain dict for ``state`` (its ``as_of``, ``lang``, ``projector``) in ``frame`` (or for
    a screen card ``card`` px wide) with ``highlight``, its signature, and the drawing's context."""
    fitted, key = cached_fit(view, state.as_of, frame, state.projector, unfolded, card)
    fig, ctx = draw_figure(view.case, fitted, state, highlight=highlight, layered=True, as_dict=True)
    assert isinstance(fig, dict)
    return fig, signature(key, state.lang, ctx.ink.content_key()), ctx


def patch_of(fig: dict[str, Any], ctx: Any) -> Patch:
    """A patch turning the layered figure the browser shows, of the same drawing as ``fig`` (a plain dict), into
    ``fig``: the base traces' opacity, the overlay traces' points, the title (its date) and the date in ``meta``."""
    update = Patch()
    layout = fig["layout"]
    layers = int(layout.get("meta", {}).get("layers", 0))
    opacity = ctx.ink.dim if ctx.any_highlight else 1.0
    for index in range(layers):
        update["data"][index]["opacity"] = opacity
    for index, points in enumerate(ctx.ink.overlay(ctx.any_highlight)):
        for name, values in points.items():
            update["data"][layers + index][name] = values
    update["layout"]["title"]["text"] = layout.get("title", {}).get("text")
    update["layout"]["meta"]["as_of"] = layout.get("meta", {}).get("as_of")
    return update


def output(view: CaseView, state: ViewState, frame: tuple[int, int] | None, highlight: Highlight,
           shown: str | None, unfolded: Collection[str] = (), card: int | None = None
           ) -> tuple[go.Figure | Patch, str]:
    """The figure for the view, or a patch of the one the browser shows (signature ``shown``) when it is of the
    same drawing; and the signature of what the browser then shows."""
    fig, sig, ctx = build(view, state, frame, highlight, unfolded, card)
    if shown == sig and ctx.ink.group_count():
        return patch_of(fig, ctx), sig
    return unchecked_figure(fig["data"], fig["layout"]), sig


def clear() -> None:
    """Forget the remembered fits (tests, benchmarks)."""
    _FITS.clear()
