"""Plane geometry for the geno-sociogram, in data units: symbol outlines, rounded boxes and hulls, shortened and
offset lines, zigzags, bars, arrowheads, curves, and walking along polylines."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
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
