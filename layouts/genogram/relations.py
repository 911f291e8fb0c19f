"""Relationship lines of the geno-sociogram in their McGoldrick styles (close, conflict, cut-off, abuse, legal and
professional ties), bent around the family's symbols and labels, with their hover spots and legal badges."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np

from layouts.genogram.captions import esc, period_text, wrap
from layouts.genogram.context import PERSON_HIT_PX, Context, Mark
from layouts.genogram.geometry import (
    Path,
    Point,
    arrowhead,
    bars_across,
    curve,
    offset,
    path_offset,
    path_point,
    path_slice,
    path_zigzag,
    shorten,
    symbol_outline,
)
from layouts.genogram.legend import BADGE_KINDS, CONFLICT, LEGAL, SUPERVISED, Scale, relation_style
from layouts.genogram.symbols import FillStyle, Ink, LineStyle
from layouts.style import INK, MUTED, PAPER
from layouts.texts import text
from models.case import Relationship
from models.vocabulary import ParentKind, label

REL_HIT_PX = 12      # diameter (px) of a relationship line's hover spot (at its clearest point, away from persons)


ARROWED = {"abuse", "informal_care", "org_contracts", "org_refers_to"}
PROFESSIONAL_RANK = ("case_manager_of", "treats", "works_with")  # one merged line takes the first present


def draw_relation(ink: Ink, kind: str, path: Path, emph: bool, s: Scale, tentative: bool = False,
                  z: int = 1) -> None:
    """One relationship line in its notation, along ``path`` (source to target); ``z`` its layer."""
    if kind == "tentative":
        ink.line(path, LineStyle(MUTED, s.line, "dash"), emph, z=z)
        mid, _ = path_point(path, 0.5)
        ink.text(mid[0], mid[1], "<b>?</b>", s.small, INK, emph)
        return
    style = relation_style(kind, s)
    if tentative and style.dash == "solid":
        style = replace(style, dash="dash")
    fill = FillStyle(style.colour, style.colour, 1.0)
    body = path
    if kind in ARROWED:
        end, direction = path_point(path, 1.0)
        size = 0.36 if kind != "abuse" else 0.46
        body = path_slice(path, 0.0, max(0.0, 1 - size * 0.9 / max(_length(path), 1e-6)))
        start = (end[0] - direction[0], end[1] - direction[1])
        ink.fill(arrowhead(start, end, size), fill, emph, z=2)
    if kind == "close":
        ink.line(path_offset(body, 0.09), style, emph, z=z)
        ink.line(path_offset(body, -0.09), style, emph, z=z)
    elif kind in ("conflict", "abuse", "org_conflict"):
        amplitude = 0.2 if kind == "abuse" else 0.16
        ink.line(path_zigzag(body, amplitude), style, emph, z=z)
    elif kind == "cut_off":
        ink.line(path_slice(body, 0.0, 0.44), style, emph, z=z)
        ink.line(path_slice(body, 0.56, 1.0), style, emph, z=z)
        for t in (0.44, 0.56):
            p, d = path_point(body, t)
            for bar in bars_across(p, d, 0.2, 0.0, 1):
                ink.line(bar, LineStyle(style.colour, style.width * 1.2), emph, z=z)
    else:
        ink.line(body, style, emph, z=z)
    if kind == "contact_ban":
        p, d = path_point(body, 0.5)
        ink.fill(symbol_outline("female", p[0], p[1], 0.42), FillStyle(PAPER, CONFLICT, s.line), emph, z=2)
        ink.line([(p[0] - 0.15, p[1] - 0.15), (p[0] + 0.15, p[1] + 0.15)], LineStyle(CONFLICT, s.line), emph, z=2)
    elif kind == "supervised_contact":
        p, _ = path_point(body, 0.5)
        ink.fill(symbol_outline("other", p[0], p[1], 0.36), FillStyle(SUPERVISED, SUPERVISED, 1.0), emph, z=2)
    if tentative:
        p, d = path_point(path, 0.5)
        ink.text(p[0] - d[1] * 0.35, p[1] + d[0] * 0.35, "<b>?</b>", s.small, style.colour, emph)


def _length(path: Path) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(path))


def draw_relationships(ctx: Context, edges: list[tuple[str, str, dict]]) -> None:
    """Emotional, legal and professional ties (and explicit sibling ties) between marks."""
    parents_of: dict[str, set[str]] = defaultdict(set)
    for a, b, data in edges:
        if data["type"] == "parent" and data.get("parent_kind") != ParentKind.STEP.value:
            parents_of[b].add(a)
    badges: dict[tuple[str, str], list[Relationship]] = defaultdict(list)
    lines: dict[tuple[str, str, str], list[Relationship]] = {}
    for a, b, data in edges:
        rel: Relationship | None = data.get("relationship")
        kind = data["type"]
        if kind == "parent" and data.get("parent_kind") == ParentKind.STEP.value and a not in parents_of.get(b, ()):
            kind = "step"  # a step-parent: a line of its own, not a drop from a couple
        if rel is None or data["category"] == "membership" or kind in ("parent", "partner"):
            continue
        if kind in BADGE_KINDS:
            badges[(a, kind)].append(rel)
            if a in parents_of.get(b, set()):
                continue  # a parent's authority: the badge says it
        ka, kb = ctx.anchor.get(a), ctx.anchor.get(b)
        if ka is None or kb is None or ka == kb:
            continue
        if data["category"] == "professional" and kind != "step":
            # One line per pair of marks for the working ties, drawn as the strongest of them.
            ka, kb = sorted((ka, kb))
            kind = "professional"
        lines.setdefault((ka, kb, kind), []).append(rel)
    by_pair: dict[frozenset[str], list[tuple[str, str, str]]] = defaultdict(list)
    for key in lines:
        by_pair[frozenset(key[:2])].append(key)
    for pair_keys in by_pair.values():
        pair_keys.sort(key=lambda k: (k[2], k[0], k[1]))
        n = len(pair_keys)
        for i, (ka, kb, kind) in enumerate(pair_keys):
            rels = lines[(ka, kb, kind)]
            if kind == "professional":
                present = {r.type.value for r in rels}
                kind = next(k for k in PROFESSIONAL_RANK if k in present)
                rels = sorted(rels, key=lambda r: (PROFESSIONAL_RANK.index(r.type.value), r.id))
            path = _relation_path(ctx, ka, kb, i, n)
            tentative = all(r.certainty.value != "confirmed" for r in rels)
            emph = ctx.line_emph(ka, kb)
            inner = ctx.marks[ka].family and ctx.marks[kb].family
            draw_relation(ctx.ink, kind, path, emph, ctx.scale, tentative, z=1 if inner else 0)
            ctx.used.add("tentative" if tentative else kind)
            if tentative:
                ctx.used.add(kind)
            spot = hover_spot(ctx, path)
            hover = _step_hover(ctx, rels[0]) if kind == "step" else _relation_hover(ctx, rels)
            ctx.ink.hover(spot[0], spot[1], f"rel:{rels[0].id}", hover, REL_HIT_PX)
    _draw_badges(ctx, badges)


def _draw_badges(ctx: Context, badges: dict[tuple[str, str], list[Relationship]]) -> None:
    """A lettered badge by each holder of parental authority or guardianship (one per collapsed organisation)."""
    done: set[tuple[str, str]] = set()
    for (holder, kind), rels in sorted(badges.items()):
        key = ctx.anchor.get(holder)
        if key is None or key not in ctx.marks or (key, kind) in done:
            continue
        done.add((key, kind))
        if key.startswith("org:"):  # a collapsed organisation: one badge for all its holders
            rels = [r for (h, k), rs in sorted(badges.items()) if k == kind and ctx.anchor.get(h) == key for r in rs]
        m = ctx.marks[key]
        bx, by = m.x + m.half_w + 0.05, m.y + m.half_h + 0.05
        if kind == "guardianship":
            bx = m.x - m.half_w - 0.05
        emph = ctx.emph(key)
        ctx.ink.fill(symbol_outline("female", bx, by, 0.46), FillStyle(LEGAL, INK, ctx.scale.line * 0.7), emph, z=4)
        letter = text(f"geno_badge_{kind}", ctx.lang)
        ctx.ink.text(bx, by, f"<b>{letter}</b>", max(ctx.scale.small - 3, 9), INK, emph, z=6)
        ctx.ink.hover(bx, by, f"rel:{rels[0].id}", _relation_hover(ctx, rels), 12)
        ctx.used.add(kind)


def hover_spot(ctx: Context, path: Path) -> Point:
    """The point of a relationship line for its hover: the middle, or the point of its middle half furthest
    from every person (so that a click near a person lands on the person, not on the line)."""
    best, best_clear = path_point(path, 0.5)[0], -1.0
    persons = [(m.x, m.y, max(m.half_w, m.half_h)) for k, m in ctx.marks.items() if not k.startswith("org:")]
    if not persons:
        return best
    for t in (0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75):
        p, _ = path_point(path, t)
        clear = min(math.hypot(p[0] - x, p[1] - y) - r for x, y, r in persons)
        if clear > best_clear + 1e-9:
            best, best_clear = p, clear
        if clear * ctx.px_per_unit >= PERSON_HIT_PX:
            break
    return best


def _relation_path(ctx: Context, ka: str, kb: str, i: int, n: int) -> Path:
    a, b = ctx.marks[ka], ctx.marks[kb]
    if a.family and b.family and abs(a.y - b.y) < 1e-6:
        # Same family row: an arc over the row, clear of couple lines and labels.
        left, right = (a, b) if a.x <= b.x else (b, a)
        bulge = 0.45 + 0.32 * i + 0.12 * min(abs(right.x - left.x), 12) / 3
        arc = curve((left.x, left.y + left.half_h + 0.06), (right.x, right.y + right.half_h + 0.06), bulge)
        return arc if a.x <= b.x else list(reversed(arc))
    p0, p1 = (a.x, a.y), (b.x, b.y)
    if n > 1:
        p0, p1 = offset(p0, p1, (i - (n - 1) / 2) * 0.32)
    s, e = shorten(p0, p1, a.trim(p1), b.trim(p0))
    straight: Path = [s, e]
    if a.family != b.family:
        below = _under_the_names(ctx, ka, kb, (i - (n - 1) / 2) * 0.32)
        if below is not None:
            return below
    # A line must not run through someone else's symbol (it would read as their tie): bend around.
    pad = 1.0
    lo_x, hi_x = min(p0[0], p1[0]) - pad - 2, max(p0[0], p1[0]) + pad + 2
    lo_y, hi_y = min(p0[1], p1[1]) - pad - 2, max(p0[1], p1[1]) + pad + 2
    if not (a.family or b.family):  # around the ring straight (bending around boxes only adds noise), but
        return around_the_names(ctx, a, b, straight)  # never across the family's names
    table = _obstacle_table(ctx)
    keep = ((table.x >= lo_x) & (table.x <= hi_x) & (table.y >= lo_y) & (table.y <= hi_y)
            & (table.keys != ka) & (table.keys != kb))
    if not keep.any():
        return straight
    obstacles = table.subset(keep)
    if not _hits(straight, obstacles):
        return straight
    length = math.dist(p0, p1)
    for factor in (0.14, -0.14, 0.24, -0.24, 0.34, -0.34):
        bulge = math.copysign(min(abs(factor) * length, 3.5), factor)
        full = curve(p0, p1, bulge + (i - (n - 1) / 2) * 0.1)
        total = _length(full)
        start = a.trim(full[3]) / total
        end = 1 - b.trim(full[-4]) / total
        candidate = path_slice(full, start, end) if end > start else full
        if not _hits(candidate, obstacles):
            return candidate
    return straight


def _under_the_names(ctx: Context, ka: str, kb: str, shift: float) -> Path | None:
    """A family member's line to a mark below the family's names or right of them (a professional's box): straight
    down out of the member's own name to under the family's lowest names, then to the mark; to a mark on the right
    first along under the names of the member's row (or lower rows, or all) to their right end. So it crosses no
    other name (the fan of many such lines spreads outside the family). None for a mark elsewhere, or when no such
    way is clear of the other persons' symbols and names (a member in an upper row, a mark below)."""
    fam, other = (ka, kb) if ctx.marks[ka].family else (kb, ka)
    f, o = ctx.marks[fam], ctx.marks[other]
    right, floor = _names_corner(ctx)
    x = f.x + shift
    start = (x, f.y - max(f.label_depth, f.half_h) - 0.05)
    if o.y + o.half_h <= floor - 0.3:  # below the names: under all of them
        ways: list[Path] = [[start, (x, floor)]]
    elif o.x - o.half_w >= right:  # right of them: under the names of a row, the nearest first
        levels = sorted({m.y - max(m.label_depth, m.half_h) - 0.3 for m in ctx.marks.values() if m.family}
                        | {floor}, reverse=True)
        ways = [[start, (x, y), (right, y)] for y in levels if y < start[1] - 0.2]
    else:
        return None
    table = _obstacle_table(ctx)
    keep = (table.keys != fam) & (table.keys != other)
    obstacles = table.subset(keep) if keep.any() else None
    if obstacles is not None:  # the names' whole boxes (a line along a row must not graze the lowest line)
        obstacles = replace(obstacles, label_w=obstacles.label_w / 0.85 + 0.1,
                            label_bottom=obstacles.label_bottom - 0.3)
    for way in ways:
        if obstacles is None or not _hits(way, obstacles):
            path = [*way, shorten(way[-1], (o.x, o.y), 0.0, o.trim(way[-1]))[1]]
            return path if fam == ka else list(reversed(path))
    return None


def _names_corner(ctx: Context) -> Point:
    """(x, y) a little right of the family's names and below them."""
    return _names_edges(ctx)[1:]


def _names_edges(ctx: Context) -> tuple[float, float, float]:
    """(left, right, floor): a little left, right of and below the family's names."""
    family = [m for m in ctx.marks.values() if m.family]
    return (min(m.x - max(m.label_half_w, m.half_w) for m in family) - 0.3,
            max(m.x + max(m.label_half_w, m.half_w) for m in family) + 0.3,
            min(m.y - max(m.label_depth, m.half_h) for m in family) - 0.3)


def around_the_names(ctx: Context, a: Mark, b: Mark, straight: Path) -> Path:
    """A line between two marks of the ring (``straight``): as it is, or, when it crosses a family member's symbol or
    name and the marks are on two sides of the names (below, left, right), by the names' lower corners."""
    if not any(m.family for m in ctx.marks.values()):
        return straight
    left, right, floor = _names_edges(ctx)

    def side(m: Mark) -> str:
        if m.y + m.half_h <= floor - 0.3:
            return "below"
        return "right" if m.x - m.half_w >= right else "left" if m.x + m.half_w <= left else ""

    sides = side(a), side(b)
    if "" in sides or sides[0] == sides[1]:
        return straight
    table = _obstacle_table(ctx)
    family = np.array([ctx.marks[str(k)].family for k in table.keys], dtype=bool)
    if not family.any() or not _hits(straight, table.subset(family)):
        return straight
    lane = floor - 0.35  # beside the family members' lines under the names, not on them (they are someone else's)
    via = [(left if s == "left" else right, lane) for s in sides if s != "below"]
    return [shorten(via[0], (a.x, a.y), 0.0, a.trim(via[0]))[1], *via,
            shorten(via[-1], (b.x, b.y), 0.0, b.trim(via[-1]))[1]]


@dataclass
class _Obstacles:
    """Marks that lines should go around, as arrays (centre, radius, label box relative to the centre)."""

    keys: np.ndarray
    x: np.ndarray
    y: np.ndarray
    radius: np.ndarray
    label_w: np.ndarray
    label_top: np.ndarray
    label_bottom: np.ndarray

    def subset(self, keep: np.ndarray) -> _Obstacles:
        return _Obstacles(*(getattr(self, f)[keep] for f in
                            ("keys", "x", "y", "radius", "label_w", "label_top", "label_bottom")))


def _obstacle_table(ctx: Context) -> _Obstacles:
    cached = getattr(ctx, "_obstacles", None)
    if cached is not None:
        return cached
    crowded = len(ctx.marks) > 80  # with many professionals only the family's symbols are avoided
    items = [(k, m) for k, m in sorted(ctx.marks.items())
             if m.family or (not crowded and not k.startswith("org:"))]
    table = _Obstacles(
        keys=np.array([k for k, _ in items], dtype=object),
        x=np.array([m.x for _, m in items], dtype=float),
        y=np.array([m.y for _, m in items], dtype=float),
        radius=np.array([max(m.half_w, m.half_h) + 0.2 for _, m in items], dtype=float),
        label_w=np.array([m.label_half_w * 0.85 for _, m in items], dtype=float),
        label_top=np.array([-m.half_h - 0.15 for _, m in items], dtype=float),
        label_bottom=np.array([-m.label_depth + 0.2 if m.label_depth else 0.0 for _, m in items], dtype=float),
    )
    ctx._obstacles = table  # type: ignore[attr-defined]
    return table


def _hits(path: Path, obstacles: _Obstacles) -> bool:
    """Whether a polyline passes through (or close by) one of the marks or through its label."""
    pts = np.asarray(path, dtype=float)
    run = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(pts, axis=0).T))])
    at = np.append(np.arange(0.0, run[-1], 0.25), run[-1])
    sx = np.interp(at, run, pts[:, 0])[:, None]
    sy = np.interp(at, run, pts[:, 1])[:, None]
    dx = sx - obstacles.x
    dy = sy - obstacles.y
    if (np.hypot(dx, dy) < obstacles.radius).any():
        return True
    return bool(((np.abs(dx) < obstacles.label_w) & (dy > obstacles.label_bottom) & (dy < obstacles.label_top)).any())


def _relation_hover(ctx: Context, rels: list[Relationship]) -> str:
    lang = ctx.lang
    parts: list[str] = []
    for rel in rels[:6]:
        head = (f"<b>{esc(label(rel.type.value, lang))}</b>: {esc(ctx.names.get(rel.source, rel.source))}"
                f" → {esc(ctx.names.get(rel.target, rel.target))}")
        lines = [head]
        if rel.certainty.value != "confirmed":
            lines.append(esc(label(rel.certainty.value, lang)))
        if rel.view:
            lines.append(f"{text('geno_view_of', lang)}: {esc(ctx.names.get(rel.view, rel.view))}")
        period = period_text(rel.start, rel.end, lang)
        if period:
            lines.append(esc(period))
        if rel.note:
            lines.append(f"<i>{wrap(rel.note, 48, 3)}</i>")
        parts.append("<br>".join(lines))
    if len(rels) > 6:
        parts.append(f"+{len(rels) - 6}")
    return "<br><br>".join(parts)


def _step_hover(ctx: Context, rel: Relationship) -> str:
    lines = [f"<b>{esc(ctx.names.get(rel.source, rel.source))}</b>: {text('geno_step_of', ctx.lang)} "
             f"{esc(ctx.names.get(rel.target, rel.target))}"]
    period = period_text(rel.start, rel.end, ctx.lang)
    if period:
        lines.append(esc(period))
    if rel.note:
        lines.append(f"<i>{wrap(rel.note, 48, 3)}</i>")
    return "<br>".join(lines)
