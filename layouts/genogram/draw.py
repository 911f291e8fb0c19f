"""Drawing the parts of the geno-sociogram into an :class:`~layouts.genogram.symbols.Ink`.

Kinship (couple lines, sibships, step-parents), relationship lines in their McGoldrick styles, person
symbols with their marks, organisation boxes and household outlines. Every case string is escaped here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from layouts.genogram.layout import ROW, SINGLE_STUB, Couple, FamilyLayout, Sibship
from layouts.genogram.legend import (
    BADGE_KINDS,
    CHAR_EM,
    CONFLICT,
    HOUSEHOLD,
    HOUSEHOLD_FILL,
    LEGAL,
    NETWORK_FILL,
    ORG_EDGE,
    ORG_FILL,
    PRO_FILL,
    SUPERVISED,
    Scale,
    relation_style,
)
from layouts.genogram.ring import COLLAPSED_H, HEADER_H, RingItem
from layouts.genogram.symbols import (
    FillStyle,
    Ink,
    LineStyle,
    Path,
    Point,
    arrowhead,
    bars_across,
    curve,
    offset,
    padded_boxes_outline,
    path_offset,
    path_point,
    path_slice,
    path_zigzag,
    rounded_rect,
    shorten,
    symbol_outline,
)
from layouts.inert import drawn_text
from layouts.style import INK, MUTED, NETWORK_COLOUR, NOTE_COLOUR, NOTE_GLYPH, PAPER, PROFESSIONAL_COLOUR
from layouts.texts import text
from layouts.timeline.text import note_hover
from models.case import Annotation, Case, Person, Relationship
from models.partial_date import PartialDate
from models.vocabulary import ParentKind, PartnerStatus, label

FAMILY_SIZE = 1.0
PERSON_HIT_PX = 36   # least diameter (px) of a person's invisible click target
REL_HIT_PX = 12      # diameter (px) of a relationship line's hover spot (at its clearest point, away from persons)
RING_SIZE = 0.8
ARROWED = {"abuse", "informal_care"}
PROFESSIONAL_RANK = ("case_manager_of", "treats", "works_with")  # one merged line takes the first present


# --- text -----------------------------------------------------------------------------------------------

def esc(text: object) -> str:
    """Case text as inert text for Plotly's HTML subset, shown as typed (:func:`layouts.inert.drawn_text`)."""
    return drawn_text(text)


def wrap(text: str, width: int = 14, lines: int = 2) -> str:
    """Escaped text wrapped to at most ``lines`` lines of about ``width`` characters, joined with <br>."""
    words = str(text).split()
    out: list[str] = []
    current = ""
    for w in words:
        if not current:
            current = w
        elif len(current) + 1 + len(w) <= width:
            current += " " + w
        else:
            out.append(current)
            current = w
    if current:
        out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1:])]
    out = [line if len(line) <= width + 3 else line[: width + 1] + "…" for line in out]
    return "<br>".join(esc(line) for line in out)


def fit(text: str, chars: int, lines: int = 2) -> str:
    """Escaped text in at most ``lines`` lines of at most ``chars`` characters (cut with "…"), joined with <br>."""
    chars = max(chars, 3)
    words = str(text).split()
    out: list[str] = []
    current = ""
    for w in words:
        if current and len(current) + 1 + len(w) <= chars:
            current += " " + w
        elif current:
            out.append(current)
            current = w
        else:
            current = w
    if current:
        out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1:])]
    out = [line if len(line) <= chars else line[: chars - 1].rstrip() + "…" for line in out]
    return "<br>".join(esc(line) for line in out)


def chars_in(width_units: float, font_px: float, px_per_unit: float, bold: bool = False) -> int:
    """How many characters of a ``font_px`` label fit in ``width_units``."""
    return int(width_units * px_per_unit / (font_px * CHAR_EM * (1.1 if bold else 1.0)))


def age_on(birth: PartialDate, day: dt.date) -> int:
    born = birth.earliest()
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def years_text(person: Person, deceased: bool) -> str:
    """``1976``, ``~1946–2018``, ``† 2018`` or ``†``."""
    born = f"{'~' if person.birth.approximate else ''}{person.birth.year}" if person.birth else ""
    if deceased:
        died = f"{'~' if person.death.approximate else ''}{person.death.year}" if person.death else ""
        if born and died:
            return f"{born}–{died}"
        return f"† {died}".strip()
    return born


def years_fitted(years: str, chars: int) -> str:
    """``years`` in at most ``chars`` characters: ``1923–1993``, else ``1923–93``, else the birth year."""
    if len(years) <= chars or "–" not in years:
        return years
    born, died = years.split("–", 1)
    short = f"{born}–{died[-2:]}"
    return short if len(short) <= chars else born


def period_text(start: PartialDate | None, end: PartialDate | None, lang: str) -> str:
    if start and end:
        return f"{start.format(lang)} – {end.format(lang)}"
    if start:
        return f"{text('geno_since', lang)} {start.format(lang)}"
    if end:
        return f"{text('until', lang)} {end.format(lang)}"
    return ""


# --- the drawing context --------------------------------------------------------------------------------

@dataclass
class Mark:
    """Where a person or collapsed organisation is drawn, and how big (for trimming lines)."""

    x: float
    y: float
    half_w: float
    half_h: float
    family: bool = False

    label_depth: float = 0.0   # how far the label reaches below the centre
    label_half_w: float = 1.3
    label_chars: int = 0       # characters per label line that fit beside the neighbours (0: default)
    label_font: int = 0        # px of the label (0: the default for the mode)
    label_lines: int = 2       # lines of the name at most

    def trim(self, toward: Point) -> float:
        """Distance from the centre to where a line toward ``toward`` should stop: the symbol's edge,
        or below the label for a line coming up from below (so that names stay readable)."""
        dx, dy = toward[0] - self.x, toward[1] - self.y
        length = math.hypot(dx, dy) or 1e-9
        ux, uy = abs(dx / length), abs(dy / length)
        if self.label_depth and dy < 0:
            # Leave the box of symbol and label (below the centre) through its bottom or its side.
            t_bottom = self.label_depth / uy
            t_side = self.label_half_w / ux if ux > 1e-9 else math.inf
            t = min(t_bottom, t_side)
            if t * uy > self.half_h:
                return t + 0.05
        if self.half_w == self.half_h:
            return self.half_w + 0.08
        tx = self.half_w / ux if ux > 1e-9 else math.inf
        ty = self.half_h / uy if uy > 1e-9 else math.inf
        return min(tx, ty) + 0.08


@dataclass
class Context:
    case: Case
    as_of: dt.date | None
    lang: str
    scale: Scale
    ink: Ink
    marks: dict[str, Mark]
    anchor: dict[str, str]                      # person id -> mark key
    emph: Callable[[str], bool]                 # mark key -> emphasised?
    highlighted: Callable[[str], bool]          # mark key explicitly highlighted?
    any_highlight: bool
    used: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)
    px_per_unit: float = 40.0
    projector: bool = False
    org_font: int = 0                           # px of organisation names (0: the scale's small type)

    def line_emph(self, *keys: str) -> bool:
        return not self.any_highlight or any(self.highlighted(k) for k in keys)


# --- relation lines ---------------------------------------------------------------------------------------

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
    elif kind in ("conflict", "abuse"):
        amplitude = 0.16 if kind == "conflict" else 0.2
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
    # A line must not run through someone else's symbol (it would read as their tie): bend around.
    pad = 1.0
    lo_x, hi_x = min(p0[0], p1[0]) - pad - 2, max(p0[0], p1[0]) + pad + 2
    lo_y, hi_y = min(p0[1], p1[1]) - pad - 2, max(p0[1], p1[1]) + pad + 2
    if not (a.family or b.family):
        return straight  # lines around the ring stay straight: bending them around boxes only adds noise
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


# --- kinship -----------------------------------------------------------------------------------------------

def draw_kinship(ctx: Context, fam: FamilyLayout, partner_edges: dict[str, dict],
                 parent_edges: set[tuple[str, str]]) -> None:
    """Couple lines, children hanging from their parents, step-parent lines."""
    s = ctx.scale
    shown = {p for p in fam.positions if p in ctx.marks}
    row_x: dict[float, list[float]] = defaultdict(list)
    for pid in shown:
        row_x[ctx.marks[pid].y].append(ctx.marks[pid].x)
    anchors: dict[tuple[str, ...], Point] = {}
    slash_side: dict[frozenset[str], float] = {}
    u_level: dict[float, int] = defaultdict(int)
    couple_of: dict[frozenset[str], Couple] = {frozenset((c.left, c.right)): c for c in fam.couples}
    for couple in fam.couples:
        if couple.left not in shown or couple.right not in shown:
            continue
        data = partner_edges.get(couple.relationship.id) if couple.relationship else None
        if couple.relationship is not None and data is None:
            continue  # not yet together on the as-of date
        a, b = ctx.marks[couple.left], ctx.marks[couple.right]
        between = [x for x in row_x[a.y] if a.x + 1e-6 < x < b.x - 1e-6]
        emph = ctx.line_emph(couple.left, couple.right)
        status = data["status"] if data else None
        married_ever = bool(couple.relationship and (couple.relationship.married
                                                     or couple.relationship.divorced))
        if status in (PartnerStatus.MARRIED.value, PartnerStatus.WIDOWED.value, PartnerStatus.DIVORCED.value) or \
                (status == PartnerStatus.SEPARATED.value and married_ever):
            dash, key = "solid", "married"
        elif status is None:
            dash, key = "dot", "couple_unknown"
        else:
            dash, key = "dash", "cohabiting"
        style = LineStyle(INK, s.line * 1.15, dash)
        if not between:
            path: Path = [(a.x + a.half_w, a.y), (b.x - b.half_w, b.y)]
            anchor = ((a.x + b.x) / 2, a.y)
        else:
            level = u_level[a.y]
            u_level[a.y] += 1
            low = a.y - 2.05 - 0.3 * level
            path = [(a.x + 0.3, a.y - a.half_h), (a.x + 0.3, low), (b.x - 0.3, low), (b.x - 0.3, b.y - b.half_h)]
            anchor = ((a.x + b.x) / 2, low)
        ctx.ink.line(path, style, emph, z=2)
        ctx.used.add(key)
        anchors[(couple.left, couple.right)] = anchor
        anchors[(couple.right, couple.left)] = anchor
        if status in (PartnerStatus.SEPARATED.value, PartnerStatus.DIVORCED.value):
            count = 1 if status == PartnerStatus.SEPARATED.value else 2
            sx = anchor[0] - min(0.42, (b.x - a.x) / 5) if not between else anchor[0] - 0.6
            slash_side[frozenset((couple.left, couple.right))] = sx
            for bar in bars_across((sx, anchor[1]), (1.0, 0.0), 0.26, 0.17, count, slant=0.13):
                ctx.ink.line(bar, LineStyle(INK, s.line * 1.15), emph, z=2)
            ctx.used.add(status)
        if couple.relationship is not None:
            ctx.ink.hover(anchor[0] - 0.3, anchor[1], f"rel:{couple.relationship.id}",
                          _couple_hover(ctx, couple.relationship, status), 14)

    # Sibship bars, staggered so that neighbouring sibships never share a bar.
    spans: list[tuple[Sibship, Point, list[str], list[str], float]] = []
    for sib in fam.sibships:
        parents = [p for p in sib.parents if p in shown]
        kids = [c for c in sib.children if c in shown and any((p, c) in parent_edges for p in parents)]
        if not parents or not kids:
            continue
        if len(parents) == 2 and tuple(parents) in anchors:
            anchor = anchors[tuple(parents)]
        elif len(parents) == 2:
            pa, pb = sorted((ctx.marks[p] for p in parents), key=lambda m: m.x)
            ctx.ink.line([(pa.x + pa.half_w, pa.y), (pb.x - pb.half_w, pb.y)], LineStyle(INK, s.line, "dot"),
                         ctx.line_emph(*parents), z=2)
            ctx.used.add("couple_unknown")
            anchor = ((pa.x + pb.x) / 2, pa.y)
        else:
            anchor = _single_parent_anchor(ctx, parents[0], couple_of, shown)
        child_y = max(ctx.marks[c].y for c in kids)
        xs = [ctx.marks[c].x for c in kids]
        spans.append((sib, anchor, parents, kids, child_y))
        del xs
    levels = _bar_levels(ctx, spans)
    for (sib, anchor, parents, kids, child_y), level in zip(spans, levels, strict=True):
        primary = [c for c in kids if c in sib.primary]
        secondary = [c for c in kids if c not in sib.primary]
        kind_key = f"child_{sib.kind.value}"
        dash = {ParentKind.ADOPTIVE: "dash", ParentKind.FOSTER: "dot"}.get(sib.kind, "solid")
        bar_y = child_y + FAMILY_SIZE / 2 + 0.85 + 0.32 * level
        emph_drop = ctx.line_emph(*parents, *kids)
        xs = [ctx.marks[c].x for c in primary] + [ctx.marks[c].x + 0.28 for c in secondary]
        ctx.ink.line([anchor, (anchor[0], bar_y)], LineStyle(INK, s.line, "solid" if primary else dash),
                     emph_drop, z=2)
        ctx.ink.line([(min([anchor[0], *xs]), bar_y), (max([anchor[0], *xs]), bar_y)],
                     LineStyle(INK, s.line, "solid" if primary else dash), emph_drop, z=2)
        for c in primary:
            m = ctx.marks[c]
            ctx.ink.line([(m.x, bar_y), (m.x, m.y + m.half_h)], LineStyle(INK, s.line, dash), ctx.line_emph(c), z=2)
        for c in secondary:
            m = ctx.marks[c]
            ctx.ink.line([(m.x + 0.28, bar_y), (m.x + 0.28, m.y + 0.42)], LineStyle(INK, s.line, dash),
                         ctx.line_emph(c), z=2)
        ctx.used.add(kind_key)



def _single_parent_anchor(ctx: Context, parent: str, couple_of: dict[frozenset[str], Couple],
                          shown: set[str]) -> Point:
    """A short stub beside a single parent, on the side without a partner line."""
    m = ctx.marks[parent]
    partners_right = any(c.left == parent and c.right in shown for c in couple_of.values())
    partners_left = any(c.right == parent and c.left in shown for c in couple_of.values())
    if partners_right and partners_left:
        return (m.x, m.y - m.half_h)
    side = -1 if partners_right else 1
    stub = (m.x + side * SINGLE_STUB, m.y)
    ctx.ink.line([(m.x + side * m.half_w, m.y), stub], LineStyle(INK, ctx.scale.line), ctx.line_emph(parent), z=2)
    return stub


def _bar_levels(ctx: Context, spans: list[tuple[Sibship, Point, list[str], list[str], float]]) -> list[int]:
    """Greedy interval colouring per child row, so overlapping sibship bars sit at different heights."""
    levels = [0] * len(spans)
    by_row: dict[float, list[int]] = defaultdict(list)
    for i, span in enumerate(spans):
        by_row[span[4]].append(i)
    for idxs in by_row.values():
        intervals = []
        for i in idxs:
            _, anchor, _, kids, _ = spans[i]
            xs = [anchor[0]] + [ctx.marks[c].x for c in kids]
            intervals.append((min(xs) - 0.3, max(xs) + 0.3, i))
        intervals.sort()
        ends: list[float] = []
        for lo, hi, i in intervals:
            for level, end in enumerate(ends):
                if lo > end:
                    ends[level] = hi
                    levels[i] = level
                    break
            else:
                levels[i] = len(ends)
                ends.append(hi)
    return levels


def _couple_hover(ctx: Context, rel: Relationship, status: str | None) -> str:
    lang = ctx.lang
    lines = [f"<b>{esc(ctx.names.get(rel.source, rel.source))} &amp; {esc(ctx.names.get(rel.target, rel.target))}</b>"]
    if status:
        lines.append(esc(label(status, lang)))
    for key, value in (("married", rel.married), ("separated", rel.separated), ("divorced", rel.divorced)):
        if value is not None:
            lines.append(f"{esc(label(key, lang))}: {esc(value.format(lang))}")
    if rel.start:
        lines.append(esc(period_text(rel.start, rel.end, lang)))
    if rel.note:
        lines.append(f"<i>{wrap(rel.note, 48, 3)}</i>")
    return "<br>".join(lines)


def _step_hover(ctx: Context, rel: Relationship) -> str:
    lines = [f"<b>{esc(ctx.names.get(rel.source, rel.source))}</b>: {text('geno_step_of', ctx.lang)} "
             f"{esc(ctx.names.get(rel.target, rel.target))}"]
    period = period_text(rel.start, rel.end, ctx.lang)
    if period:
        lines.append(esc(period))
    if rel.note:
        lines.append(f"<i>{wrap(rel.note, 48, 3)}</i>")
    return "<br>".join(lines)


# --- persons and organisations -----------------------------------------------------------------------------

def draw_person(ctx: Context, person: Person, node: dict, org_name: str | None) -> None:
    m = ctx.marks[person.id]
    s = ctx.scale
    emph = ctx.emph(person.id)
    gender = person.gender.value if person.gender.value in ("male", "female") else "other"
    ctx.used.add(gender)
    if m.family:
        size = FAMILY_SIZE
        style = FillStyle(PAPER, INK, s.line * 1.25)
    elif node["kind"] == "professional":
        size = RING_SIZE
        style = FillStyle(PRO_FILL, PROFESSIONAL_COLOUR, s.line * 1.1)
        ctx.used.add("professional")
    else:
        size = RING_SIZE
        style = FillStyle(NETWORK_FILL, NETWORK_COLOUR, s.line * 1.1)
        ctx.used.add("network")
    ctx.ink.fill(symbol_outline(gender, m.x, m.y, size), style, emph)
    if node.get("index"):
        ctx.ink.line(symbol_outline(gender, m.x, m.y, size * 0.74), LineStyle(style.colour, s.line * 1.25), emph, z=4)
        ctx.used.add("index")
    deceased = bool(node.get("deceased"))
    if deceased:
        h = size * 0.5 + 0.06
        cross = LineStyle(INK, s.line * 1.1)
        ctx.ink.line([(m.x - h, m.y - h), (m.x + h, m.y + h)], cross, emph, z=4)
        ctx.ink.line([(m.x - h, m.y + h), (m.x + h, m.y - h)], cross, emph, z=4)
        ctx.used.add("deceased")
    elif ctx.as_of is not None and person.birth is not None and m.family:
        ctx.ink.text(m.x, m.y, str(age_on(person.birth, ctx.as_of)), s.small, INK, emph, z=6)
        ctx.used.add("age")
    chars = m.label_chars or (15 if m.family else 16)
    y = m.y - size / 2 - 0.08
    if ctx.projector:
        # Across a room: the name only (the years are in the hover), as wide as the neighbours leave room for.
        font = m.label_font or (s.small if m.family else s.small - 2)
        ctx.ink.text(m.x, y, fit(person.label, chars, m.label_lines), font, INK, emph, position="bottom center")
    elif m.family:
        font = m.label_font or s.text
        name = fit(person.label, chars, m.label_lines)
        small = min(font, s.small)
        years = years_text(person, deceased)
        if m.label_chars:
            years = years_fitted(years, chars_in(2 * m.label_half_w, small, ctx.px_per_unit))
        caption = (f"{name}<br><span style='color:{MUTED};font-size:{small}px'>{esc(years)}</span>" if years
                   else name)
        ctx.ink.text(m.x, y, caption, font, INK, emph, position="bottom center")
    else:
        ctx.ink.text(m.x, y, fit(person.label, chars, m.label_lines), m.label_font or s.small, INK, emph,
                     position="bottom center")
    ctx.ink.person(m.x, m.y, person.id, _person_hover(ctx, person, node, org_name, deceased),
                   max(size * ctx.px_per_unit * 1.1, PERSON_HIT_PX))


def _person_hover(ctx: Context, person: Person, node: dict, org_name: str | None, deceased: bool) -> str:
    lang = ctx.lang
    lines = [f"<b>{esc(person.label)}</b>"]
    if person.role:
        lines.append(esc(person.role))
    if org_name:
        lines.append(esc(org_name))
    lines.append(esc(label(person.kind.value, lang)))
    if person.birth:
        born = f"{text('geno_born', lang)} {person.birth.format(lang)}"
        if ctx.as_of and not deceased:
            born += f" ({age_on(person.birth, ctx.as_of)} {text('geno_years', lang)})"
        lines.append(esc(born))
    if deceased:
        died = f"{text('geno_died', lang)} {person.death.format(lang)}" if person.death else text("geno_died", lang)
        lines.append(esc(died))
    if person.involvement and (person.involvement.start or person.involvement.end):
        lines.append(esc(period_text(person.involvement.start, person.involvement.end, lang)))
    if person.note:
        lines.append(f"<i>{wrap(person.note, 48, 3)}</i>")
    return "<br>".join(lines)


def draw_organisation(ctx: Context, item: RingItem, name: str, count_total: int) -> None:
    s = ctx.scale
    if ctx.org_font:
        s = replace(s, small=ctx.org_font)
    key = item.key
    emph = ctx.emph(key)
    x0, x1, y0, y1 = item.box
    if item.collapsed:
        ctx.ink.fill(rounded_rect(x0 + 0.2, x1 - 0.2, y0 + 0.2, y1 - 0.2, 0.25),
                     FillStyle(PRO_FILL, PROFESSIONAL_COLOUR, s.line * 1.2), emph)
        unit = text("geno_professional_one" if count_total == 1 else "geno_professionals", ctx.lang)
        # Name and count fit the box (cut with "…"); the hover has them in full.
        room = x1 - x0 - 0.7
        lines = 1 if ctx.projector or (COLLAPSED_H - 0.4) * ctx.px_per_unit < 3.6 * s.small * 1.2 else 2
        count_y = item.y - 0.6 if y1 - y0 <= COLLAPSED_H + 1e-6 else y0 + 0.2 + s.small * 0.6 / ctx.px_per_unit
        if (y1 - 0.25 - 2 * s.small * 1.2 / ctx.px_per_unit) - (count_y + s.small * 0.6 / ctx.px_per_unit) > 0:
            lines = 2  # sized for its name on two lines (see ring_layout's titles)
        title = fit(name, chars_in(room, s.small, ctx.px_per_unit, True), lines)
        if title.count("<br>") and y1 - y0 > COLLAPSED_H + 1e-6:
            ctx.ink.text(item.x, y1 - 0.25, f"<b>{title}</b>", s.small, INK, emph, position="bottom center")
        else:
            ctx.ink.text(item.x, item.y + 0.3, f"<b>{title}</b>", s.small, INK, emph)
        chars = chars_in(room, s.small, ctx.px_per_unit)
        count = fit(f"{count_total} {unit}", chars, 1) if count_total != 1 else fit(
            ctx.names.get(item.members[0], ""), chars, 1)
        ctx.ink.text(item.x, count_y, count, s.small, PROFESSIONAL_COLOUR, emph)
        ctx.ink.hover(item.x, item.y, key, f"<b>{esc(name)}</b><br>{count_total} {esc(unit)}"
                      + _member_list(ctx, item.members), 3.0 * ctx.px_per_unit)
        ctx.used.add("organisation")
        return
    if item.organisation is None:
        return
    ctx.ink.fill(rounded_rect(x0, x1, y0, y1, 0.3), FillStyle(ORG_FILL, ORG_EDGE, s.line * 0.8), emph, z=0)
    # The name fits its box (cut with "…"); the hover has it in full.
    font = s.small
    chars = chars_in(x1 - x0 - 0.3, font, ctx.px_per_unit, bold=True)
    label = fit(name, chars, title_lines(font, ctx.px_per_unit, item.header_h))
    ctx.ink.text(item.x, y1 - 0.12, f"<b>{label}</b>", font, PROFESSIONAL_COLOUR, emph, position="bottom center")
    ctx.ink.hover(item.x, y1 - 0.45, key, f"<b>{esc(name)}</b>" + _member_list(ctx, item.members), 18)


def title_lines(font: float, px_per_unit: float, header_h: float = HEADER_H) -> int:
    """How many lines of an organisation's name fit above its members (one or two)."""
    return 2 if (header_h + 0.08) * px_per_unit >= 2 * font * 1.2 else 1


def title_room(name: str, font: float, px_per_unit: float, most: int = 30) -> tuple[float, float]:
    """(width, height) in units an organisation's name needs above its members: on two lines as narrow as
    they go (at most ``most`` characters a line; a longer name is cut with "…")."""
    chars = next((k for k in range(8, most + 1) if "…" not in fit(name, k, 2)), most)
    chars = min(chars, max(8, len(name)))
    lines = fit(name, chars, 2).count("<br>") + 1
    width = (chars + 0.5) * font * CHAR_EM * 1.1 / px_per_unit + 0.3
    return width, max(HEADER_H, lines * font * 1.3 / px_per_unit + 0.1)


def _member_list(ctx: Context, members: list[str]) -> str:
    shown = [esc(ctx.names.get(m, m)) for m in members[:12]]
    more = f"<br>+{len(members) - 12}" if len(members) > 12 else ""
    return "<br>" + "<br>".join(shown) + more if shown else ""


def draw_households(ctx: Context, households: dict[str, list[str]]) -> None:
    names = {h.id: h.label for h in ctx.case.households}
    for hid, members in sorted(households.items()):
        keys = [ctx.anchor.get(m) for m in members]
        marks = [ctx.marks[k] for k in keys if k is not None and k in ctx.marks and not k.startswith("org:")]
        if not marks:
            continue
        boxes = []
        for m in marks:
            below = 1.45 if m.family else 1.05
            boxes.append((m.x - 0.95, m.x + 0.95, m.y - m.half_h - below, m.y + m.half_h + 0.3))
        outline = padded_boxes_outline(boxes, 0.35)
        emph = not ctx.any_highlight or any(ctx.highlighted(k) for k in keys if k)
        ctx.ink.fill(outline, FillStyle(HOUSEHOLD_FILL, HOUSEHOLD, ctx.scale.line * 1.1, "dot"), emph, z=0)
        top = max(outline, key=lambda p: (p[1], -p[0]))
        ctx.ink.hover(top[0], top[1], f"household:{hid}", f"<b>{esc(names.get(hid) or hid)}</b>", 14)
        ctx.used.add("household")


def row_of(y: float) -> int:
    return round(-y / ROW)


def draw_notes(ctx: Context, annotations: list[Annotation]) -> None:
    """A ✎ at the upper right of each person an analyst's note is about (or of the organisation box a
    professional is counted in), the notes in its hover; dimmed with the person."""
    marked: dict[str, list[tuple[Annotation, str]]] = {}
    for note in annotations:
        for pid in dict.fromkeys(note.target.persons):
            key = ctx.anchor.get(pid)
            if key is not None and key in ctx.marks:
                marked.setdefault(key, []).append((note, pid))
    size = ctx.scale.text + 8
    for key in sorted(marked):
        m = ctx.marks[key]
        x, y = m.x - m.half_w - 0.18, m.y + m.half_h + 0.12  # upper left: legal badges sit upper right
        notes = list({note.id: note for note, _ in marked[key]}.values())
        about = ", ".join(dict.fromkeys(ctx.names.get(pid, pid) for _, pid in marked[key])) if key.startswith(
            "org:") else ""
        ctx.ink.text(x, y, f"<b>{NOTE_GLYPH}</b>", size, NOTE_COLOUR, ctx.emph(key), z=6)
        # The hover spot stays clear of the person's click target (36 px) when the drawing is drawn small.
        apart = math.hypot(m.x - x, m.y - y) * ctx.px_per_unit
        ctx.ink.note(x, y, note_hover(notes, ctx.lang, about), max(10.0, min(size + 6, 2 * apart - 26)))
        ctx.used.add("annotation")
