"""Drawing for the geno-sociogram: line and fill styles, and :class:`Ink`, which collects paths, texts and hover
points and turns them into plotly traces (one trace per style).

Everything is geometry in data units (:mod:`layouts.genogram.geometry`), drawn as plotly scatter paths, so that
zigzags, double lines, slashes and breaks look the same on screen, in PNG and on a projector.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from layouts.genogram.geometry import Path

HALO = "0px 0px 2px white, 0px 0px 3px white, 0px 0px 4px white"
"""A white halo behind text, so that labels stay readable where lines cross them."""


# --- collecting traces -------------------------------------------------------------------------------

@dataclass(frozen=True)
class LineStyle:
    colour: str
    width: float
    dash: str = "solid"


@dataclass(frozen=True)
class FillStyle:
    fill: str
    colour: str
    width: float
    dash: str = "solid"


class Ink:
    """Collects paths, fills, texts and hover points by style, then emits a few Plotly traces.

    ``emph`` False puts a mark in the dimmed layer (opacity ``dim``). Traces are emitted in layers
    (``z``) so that outlines sit under lines, lines under symbols, symbols under text. Items are grouped by style
    in the order they are drawn, whatever their emphasis, so that one drawing has the same groups (and, in the
    layered form of :meth:`traces`, the same traces) for every highlight.
    """

    def __init__(self, xaxis: str = "x", yaxis: str = "y", dim: float = 0.18) -> None:
        self.xaxis, self.yaxis, self.dim = xaxis, yaxis, dim
        self.lines: dict[tuple[int, LineStyle], list[tuple[Path, bool]]] = defaultdict(list)
        self.fills: dict[tuple[int, FillStyle], list[tuple[Path, bool]]] = defaultdict(list)
        self.texts: dict[tuple[int, int, str, str], list[tuple[float, float, str, bool]]] = defaultdict(list)
        self.hovers: list[tuple[float, float, str, str, float]] = []
        self.persons: list[tuple[float, float, str, str, float]] = []
        self.notes: list[tuple[float, float, str, float]] = []

    def line(self, path: Path, style: LineStyle, emph: bool = True, z: int = 1) -> None:
        if len(path) >= 2:
            self.lines[(z, style)].append((path, emph))

    def fill(self, path: Path, style: FillStyle, emph: bool = True, z: int = 3) -> None:
        self.fills[(z, style)].append((path, emph))

    def text(self, x: float, y: float, text: str, size: int, colour: str, emph: bool = True,
             position: str = "middle center", z: int = 5) -> None:
        if text:
            self.texts[(z, size, colour, position)].append((x, y, text, emph))

    def hover(self, x: float, y: float, customdata: str, hovertext: str, size: float = 22) -> None:
        self.hovers.append((x, y, customdata, hovertext, size))

    def person(self, x: float, y: float, customdata: str, hovertext: str, size: float = 36) -> None:
        """A person's click target: a trace of its own, drawn last (on top of lines' and notes' spots)."""
        self.persons.append((x, y, customdata, hovertext, size))

    def note(self, x: float, y: float, hovertext: str, size: float = 16) -> None:
        """A hover spot without customdata (an analyst's note: clicking it selects nothing)."""
        self.notes.append((x, y, hovertext, size))

    def content_key(self) -> str:
        """A digest of everything drawn but not of what is emphasised: the same for every highlight of one drawing
        (so the same base traces and hover points in the layered form of :meth:`traces`)."""
        parts = ([(key, [p for p, _ in items]) for key, items in self.fills.items()],
                 [(key, [p for p, _ in items]) for key, items in self.lines.items()],
                 [(key, [i[:3] for i in items]) for key, items in self.texts.items()],
                 self.hovers, self.persons, self.notes, self.xaxis, self.yaxis)
        return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()

    def _groups(self, font_family: str) -> list[tuple[dict[str, Any], list[Any], str]]:
        """(a trace's style properties, its items, "path" or "text") per style, in layer order."""
        out: list[tuple[int, int, dict[str, Any], list[Any], str]] = []
        for (z, style), paths in self.fills.items():
            out.append((z, 0, dict(mode="lines", fill="toself", fillcolor=style.fill,
                                   line={"color": style.colour, "width": style.width, "dash": style.dash}),
                        paths, "path"))
        for (z, style), paths in self.lines.items():
            out.append((z, 1, dict(mode="lines", line={"color": style.colour, "width": style.width,
                                                       "dash": style.dash}), paths, "path"))
        for (z, size, colour, position), items in self.texts.items():
            out.append((z, 2, dict(mode="text", textposition=position, textfont={
                "size": size, "color": colour, "family": font_family, "shadow": HALO}), items, "text"))
        return [(style, items, kind) for _, _, style, items, kind in sorted(out, key=lambda g: (g[0], g[1]))]

    def _trace(self, style: dict[str, Any], items: list[Any], kind: str, opacity: float) -> dict[str, Any]:
        return dict(**style, **points(items, kind), opacity=opacity, hoverinfo="skip", showlegend=False,
                    type="scatter", xaxis=self.xaxis, yaxis=self.yaxis)

    def traces(self, font_family: str, hover_font_size: int, layered: bool | None = None) -> list[dict[str, Any]]:
        """Plain scatter trace dicts (built from known-good parts; the figure skips plotly's validation).

        By default a trace per style and emphasis (the dimmed ones at opacity ``dim``). ``layered`` (True when
        something is highlighted, False when nothing is) gives the form a highlight can be changed in by a small
        patch: one *base* trace per style with all of it (dimmed when ``layered``), then as many *overlay* traces,
        in the same order, with what is emphasised at full opacity (empty when nothing is highlighted; see
        :meth:`overlay`), then the hover points."""
        groups = self._groups(font_family)
        ordered: list[dict[str, Any]] = []
        if layered is None:
            for style, items, kind in groups:
                for emph in (True, False):
                    chosen = [item for item in items if item[-1] is emph]
                    if chosen:
                        ordered.append(self._trace(style, chosen, kind, 1.0 if emph else self.dim))
        else:
            ordered += [self._trace(style, items, kind, self.dim if layered else 1.0) for style, items, kind in groups]
            ordered += [self._trace(style, [i for i in items if i[-1]] if layered else [], kind, 1.0)
                        for style, items, kind in groups]
        return ordered + self._hover_traces(font_family, hover_font_size)

    def overlay(self, layered: bool) -> list[dict[str, Any]]:
        """The points (``x``, ``y``, for text ``text``) of each overlay trace of the layered form of :meth:`traces`
        (``layered`` as given there), in order."""
        return [points([i for i in items if i[-1]] if layered else [], kind) for _, items, kind in self._groups("")]

    def group_count(self) -> int:
        """How many base (and overlay) traces the layered form of :meth:`traces` has."""
        return len(self.fills) + len(self.lines) + len(self.texts)

    def _hover_traces(self, font_family: str, hover_font_size: int) -> list[dict[str, Any]]:
        axes = {"type": "scatter", "xaxis": self.xaxis, "yaxis": self.yaxis}
        label = {"font": {"size": hover_font_size, "family": font_family}, "align": "left"}
        ordered: list[dict[str, Any]] = []
        if self.hovers:
            ordered.append(dict(
                x=[h[0] for h in self.hovers], y=[h[1] for h in self.hovers],
                mode="markers", customdata=[h[2] for h in self.hovers],
                hovertext=[h[3] for h in self.hovers], hoverinfo="text",
                marker={"size": [h[4] for h in self.hovers], "color": "rgba(0,0,0,0)", "line": {"width": 0}},
                hoverlabel=label, showlegend=False, name="", **axes))
        if self.notes:
            ordered.append(dict(
                x=[n[0] for n in self.notes], y=[n[1] for n in self.notes], mode="markers",
                hovertext=[n[2] for n in self.notes], hoverinfo="text",
                marker={"size": [n[3] for n in self.notes], "color": "rgba(0,0,0,0)", "line": {"width": 0}},
                hoverlabel=label, showlegend=False, name="", **axes))
        if self.persons:
            ordered.append(dict(
                x=[h[0] for h in self.persons], y=[h[1] for h in self.persons],
                mode="markers", customdata=[h[2] for h in self.persons],
                hovertext=[h[3] for h in self.persons], hoverinfo="text",
                marker={"size": [h[4] for h in self.persons], "color": "rgba(0,0,0,0)", "line": {"width": 0}},
                hoverlabel=label, showlegend=False, name="", **axes))
        return ordered


def points(items: list[Any], kind: str) -> dict[str, Any]:
    """A trace's points: ``x`` and ``y`` of (path, emph) items joined by gaps, or ``x``, ``y`` and ``text`` of
    (x, y, text, emph) items."""
    if kind == "text":
        return {"x": [i[0] for i in items], "y": [i[1] for i in items], "text": [i[2] for i in items]}
    if not items:
        return {"x": [], "y": []}
    xs, ys = map(column, _join([p for p, _ in items]))
    return {"x": xs, "y": ys}


LIST_MAX = 200
"""Columns up to this long travel as JSON lists: plotly's base64 packing of a numpy array costs more per array
than it saves on a short one (a figure has dozens of short columns); longer ones stay numpy arrays, which
plotly copies and packs in one go."""


def column(values: np.ndarray) -> list | np.ndarray:
    """A float column for a trace: a list with ``None`` gaps when short, else the numpy array (NaN gaps)."""
    if len(values) > LIST_MAX:
        return values
    return [None if v != v else v for v in values.tolist()]


def _join(paths: list[Path]) -> tuple[np.ndarray, np.ndarray]:
    """Paths joined into one x and one y array, separated by gaps (NaN)."""
    total = sum(len(p) + 1 for p in paths)
    xs = np.empty(total)
    ys = np.empty(total)
    k = 0
    for path in paths:
        n = len(path)
        arr = np.asarray(path, dtype=float)
        xs[k:k + n] = arr[:, 0]
        ys[k:k + n] = arr[:, 1]
        xs[k + n] = ys[k + n] = np.nan
        k += n + 1
    return np.round(xs[:-1], 4), np.round(ys[:-1], 4)
