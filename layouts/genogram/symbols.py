"""Drawing primitives for the geno-sociogram: symbol outlines, line styles, and a trace collector.

Everything is geometry in data units, drawn as Plotly scatter paths (one trace per style), so that
zigzags, double lines, slashes and breaks look the same on screen, in PNG and on a projector.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

Point = tuple[float, float]
HALO = "0px 0px 2px white, 0px 0px 3px white, 0px 0px 4px white"
"""A white halo behind text, so that labels stay readable where lines cross them."""
Path = list[Point]


# --- shapes ------------------------------------------------------------------------------------------

def symbol_outline(gender: str, cx: float, cy: float, size: float) -> Path:
    """Closed outline: square (male), circle (female), diamond (other / unknown)."""
    h = size / 2
    if gender == "male":
        return [(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h), (cx - h, cy - h)]
    if gender == "female":
        n = 40
        return [(cx + h * math.cos(2 * math.pi * k / n), cy + h * math.sin(2 * math.pi * k / n)) for k in range(n + 1)]
    d = h * 1.2
    return [(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy), (cx, cy - d)]


def rounded_rect(x0: float, x1: float, y0: float, y1: float, r: float) -> Path:
    r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)
    pts: Path = []
    corners = [(x1 - r, y1 - r, 0), (x0 + r, y1 - r, 90), (x0 + r, y0 + r, 180), (x1 - r, y0 + r, 270)]
    for cx, cy, start in corners:
        for k in range(7):
            a = math.radians(start + 15 * k)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    pts.append(pts[0])
    return pts


def padded_hull(points: Sequence[Point], pad: float) -> Path:
    """A smooth closed outline around ``points`` at distance ``pad`` (convex hull of padded circles)."""
    cloud = [(x + pad * math.cos(a), y + pad * math.sin(a))
             for x, y in points for a in (2 * math.pi * k / 24 for k in range(24))]
    hull = _convex_hull(cloud)
    return [*hull, hull[0]]


def padded_boxes_outline(boxes: Sequence[tuple[float, float, float, float]], r: float) -> Path:
    """Outline around a set of (x0, x1, y0, y1) boxes: the hull of their rounded corners."""
    cloud: list[Point] = []
    for x0, x1, y0, y1 in boxes:
        cloud.extend(rounded_rect(x0, x1, y0, y1, r))
    hull = _convex_hull(cloud)
    return [*hull, hull[0]]


def _convex_hull(points: Iterable[Point]) -> Path:
    pts = sorted(set((round(x, 6), round(y, 6)) for x, y in points))
    if len(pts) <= 2:
        return list(pts)

    def cross(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: Path = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: Path = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


# --- line geometry -----------------------------------------------------------------------------------

def _unit(p0: Point, p1: Point) -> tuple[float, float, float]:
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = math.hypot(dx, dy) or 1e-9
    return dx / length, dy / length, length


def shorten(p0: Point, p1: Point, start: float, end: float) -> tuple[Point, Point]:
    """The segment with ``start`` cut off its beginning and ``end`` off its end."""
    ux, uy, length = _unit(p0, p1)
    start, end = min(start, length * 0.45), min(end, length * 0.45)
    return (p0[0] + ux * start, p0[1] + uy * start), (p1[0] - ux * end, p1[1] - uy * end)


def offset(p0: Point, p1: Point, d: float) -> tuple[Point, Point]:
    """The segment moved sideways by ``d`` (to the left of the direction p0 -> p1)."""
    ux, uy, _ = _unit(p0, p1)
    return (p0[0] - uy * d, p0[1] + ux * d), (p1[0] - uy * d, p1[1] + ux * d)


def zigzag(p0: Point, p1: Point, amplitude: float = 0.16, wavelength: float = 0.45) -> Path:
    """A zigzag from p0 to p1, straight for a short stretch at each end."""
    ux, uy, length = _unit(p0, p1)
    lead = min(0.25, length * 0.15)
    n = max(2, int((length - 2 * lead) / (wavelength / 2)))
    step = (length - 2 * lead) / n
    pts: Path = [p0, (p0[0] + ux * lead, p0[1] + uy * lead)]
    for k in range(1, n):
        t = lead + k * step
        side = amplitude if k % 2 else -amplitude
        pts.append((p0[0] + ux * t - uy * side, p0[1] + uy * t + ux * side))
    pts.append((p1[0] - ux * lead, p1[1] - uy * lead))
    pts.append(p1)
    return pts


def point_along(p0: Point, p1: Point, t: float) -> Point:
    return (p0[0] + (p1[0] - p0[0]) * t, p0[1] + (p1[1] - p0[1]) * t)


def bars_across(p: Point, direction: Point, half: float, spacing: float, count: int,
                slant: float = 0.0) -> list[Path]:
    """``count`` short bars across a line through ``p`` (slashes when ``slant`` is non-zero)."""
    ux, uy, _ = _unit((0.0, 0.0), direction)
    nx_, ny_ = -uy, ux
    bars: list[Path] = []
    for k in range(count):
        shift = (k - (count - 1) / 2) * spacing
        cx, cy = p[0] + ux * shift, p[1] + uy * shift
        ax, ay = nx_ * half + ux * slant, ny_ * half + uy * slant
        bars.append([(cx - ax, cy - ay), (cx + ax, cy + ay)])
    return bars


def arrowhead(p0: Point, p1: Point, size: float = 0.34) -> Path:
    """A closed triangle at p1 pointing from p0 to p1."""
    ux, uy, _ = _unit(p0, p1)
    bx, by = p1[0] - ux * size, p1[1] - uy * size
    w = size * 0.5
    return [p1, (bx - uy * w, by + ux * w), (bx + uy * w, by - ux * w), p1]


def curve(p0: Point, p1: Point, bulge: float, n: int = 24) -> Path:
    """A quadratic curve from p0 to p1 bowing ``bulge`` to the left of the direction."""
    ux, uy, _length = _unit(p0, p1)
    mx, my = (p0[0] + p1[0]) / 2 - uy * bulge, (p0[1] + p1[1]) / 2 + ux * bulge
    pts: Path = []
    for k in range(n + 1):
        t = k / n
        pts.append(((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * mx + t ** 2 * p1[0],
                    (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * my + t ** 2 * p1[1]))
    return pts


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


# --- polylines ---------------------------------------------------------------------------------------

def path_length(path: Path) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(path))


def path_point(path: Path, t: float) -> tuple[Point, Point]:
    """The point at fraction ``t`` of the length, and the unit direction there."""
    total = path_length(path)
    goal = total * t
    run = 0.0
    for a, b in itertools.pairwise(path):
        seg = math.dist(a, b)
        if run + seg >= goal and seg > 0:
            f = (goal - run) / seg
            return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f), ((b[0] - a[0]) / seg, (b[1] - a[1]) / seg)
        run += seg
    a, b = path[-2], path[-1]
    ux, uy, _ = _unit(a, b)
    return b, (ux, uy)


def path_slice(path: Path, t0: float, t1: float) -> Path:
    """The part of a polyline between fractions t0 and t1 of its length."""
    total = path_length(path)
    lo, hi = total * t0, total * t1
    out: Path = []
    run = 0.0
    for a, b in itertools.pairwise(path):
        seg = math.dist(a, b)
        if seg == 0:
            continue
        s0, s1 = max(lo, run), min(hi, run + seg)
        if s0 <= s1:
            p0 = point_along(a, b, (s0 - run) / seg)
            p1 = point_along(a, b, (s1 - run) / seg)
            if not out or out[-1] != p0:
                out.append(p0)
            out.append(p1)
        run += seg
    return out


def path_offset(path: Path, d: float) -> Path:
    """A polyline moved sideways by ``d`` (vertex normals averaged)."""
    out: Path = []
    n = len(path)
    for i, p in enumerate(path):
        a = path[max(0, i - 1)]
        b = path[min(n - 1, i + 1)]
        ux, uy, _ = _unit(a, b)
        out.append((p[0] - uy * d, p[1] + ux * d))
    return out


def path_zigzag(path: Path, amplitude: float = 0.15, wavelength: float = 0.42) -> Path:
    """A zigzag that follows a polyline, straight for a short stretch at each end."""
    total = path_length(path)
    if total < 0.3:
        return list(path)
    lead = min(0.25, total * 0.15)
    n = max(2, int((total - 2 * lead) / (wavelength / 2)))
    pts: Path = [path[0]]
    for k in range(n + 1):
        t = (lead + k * (total - 2 * lead) / n) / total
        p, (ux, uy) = path_point(path, t)
        side = 0.0 if k in (0, n) else (amplitude if k % 2 else -amplitude)
        pts.append((p[0] - uy * side, p[1] + ux * side))
    pts.append(path[-1])
    return pts
