"""Kinship lines of the geno-sociogram: couple lines (with slashes for a separation or divorce), children hanging
from their parents' line on staggered sibship bars (twins from one point), step-parents."""

from __future__ import annotations

from collections import defaultdict

from layouts.genogram.captions import esc, period_text, wrap
from layouts.genogram.context import FAMILY_SIZE, Context
from layouts.genogram.geometry import Path, Point, bars_across
from layouts.genogram.layout import SINGLE_STUB, Couple, FamilyLayout, Sibship, TwinSet
from layouts.genogram.symbols import LineStyle
from layouts.style import INK
from models.case import Relationship
from models.vocabulary import ParentKind, PartnerStatus, label


def draw_kinship(ctx: Context, fam: FamilyLayout, partner_edges: dict[str, dict],
                 parent_edges: set[tuple[str, str]]) -> None:
    """Couple lines, then children hanging from their parents on bars staggered so that neighbouring sibships
    never share a bar (step-parents are drawn with the relationships)."""
    shown = {p for p in fam.positions if p in ctx.marks}
    anchors = _draw_couples(ctx, fam, partner_edges, shown)
    couple_of: dict[frozenset[str], Couple] = {frozenset((c.left, c.right)): c for c in fam.couples}
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
            ctx.ink.line([(pa.x + pa.half_w, pa.y), (pb.x - pb.half_w, pb.y)], LineStyle(INK, ctx.scale.line, "dot"),
                         ctx.line_emph(*parents), z=2)
            ctx.used.add("couple_unknown")
            anchor = ((pa.x + pb.x) / 2, pa.y)
        else:
            anchor = _single_parent_anchor(ctx, parents[0], couple_of, shown)
        spans.append((sib, anchor, parents, kids, max(ctx.marks[c].y for c in kids)))
    twins = {t.members: t for t in fam.twins}
    for (sib, anchor, parents, kids, child_y), level in zip(spans, _bar_levels(ctx, spans), strict=True):
        _draw_sibship(ctx, sib, anchor, parents, kids, child_y + FAMILY_SIZE / 2 + 0.85 + 0.32 * level, twins)


def _draw_couples(ctx: Context, fam: FamilyLayout, partner_edges: dict[str, dict],
                  shown: set[str]) -> dict[tuple[str, ...], Point]:
    """Couple lines (a U below the row when someone stands between the partners); where their children hang."""
    row_x: dict[float, list[float]] = defaultdict(list)
    for pid in shown:
        row_x[ctx.marks[pid].y].append(ctx.marks[pid].x)
    anchors: dict[tuple[str, ...], Point] = {}
    u_level: dict[float, int] = defaultdict(int)
    for couple in fam.couples:
        if couple.left not in shown or couple.right not in shown:
            continue
        data = partner_edges.get(couple.relationship.id) if couple.relationship else None
        if couple.relationship is not None and data is None:
            continue  # not yet together on the as-of date
        a, b = ctx.marks[couple.left], ctx.marks[couple.right]
        between = [x for x in row_x[a.y] if a.x + 1e-6 < x < b.x - 1e-6]
        status = data["status"] if data else None
        dash, key = _couple_style(couple, status)
        if not between:
            path: Path = [(a.x + a.half_w, a.y), (b.x - b.half_w, b.y)]
            anchor = ((a.x + b.x) / 2, a.y)
        else:
            low = a.y - 2.05 - 0.3 * u_level[a.y]
            u_level[a.y] += 1
            path = [(a.x + 0.3, a.y - a.half_h), (a.x + 0.3, low), (b.x - 0.3, low), (b.x - 0.3, b.y - b.half_h)]
            anchor = ((a.x + b.x) / 2, low)
        emph = ctx.line_emph(couple.left, couple.right)
        ctx.ink.line(path, LineStyle(INK, ctx.scale.line * 1.15, dash), emph, z=2)
        ctx.used.add(key)
        anchors[(couple.left, couple.right)] = anchors[(couple.right, couple.left)] = anchor
        if status in (PartnerStatus.SEPARATED.value, PartnerStatus.DIVORCED.value):
            count = 1 if status == PartnerStatus.SEPARATED.value else 2
            sx = anchor[0] - min(0.42, (b.x - a.x) / 5) if not between else anchor[0] - 0.6
            for bar in bars_across((sx, anchor[1]), (1.0, 0.0), 0.26, 0.17, count, slant=0.13):
                ctx.ink.line(bar, LineStyle(INK, ctx.scale.line * 1.15), emph, z=2)
            ctx.used.add(status)
        if couple.relationship is not None:
            ctx.ink.hover(anchor[0] - 0.3, anchor[1], f"rel:{couple.relationship.id}",
                          _couple_hover(ctx, couple.relationship, status), 14)
    return anchors


def _couple_style(couple: Couple, status: str | None) -> tuple[str, str]:
    """(dash, legend key) of a couple line: married (also after a divorce), cohabiting, or unknown."""
    married_ever = bool(couple.relationship and (couple.relationship.married or couple.relationship.divorced))
    if status in (PartnerStatus.MARRIED.value, PartnerStatus.WIDOWED.value, PartnerStatus.DIVORCED.value) or \
            (status == PartnerStatus.SEPARATED.value and married_ever):
        return "solid", "married"
    if status is None:
        return "dot", "couple_unknown"
    return "dash", "cohabiting"


def _draw_sibship(ctx: Context, sib: Sibship, anchor: Point, parents: list[str], kids: list[str], bar_y: float,
                  twins: dict[tuple[str, ...], TwinSet]) -> None:
    """One sibship: the drop from its parents, its bar, and a line to each child (a short one beside a child
    positioned under other parents)."""
    s = ctx.scale
    primary = [c for c in kids if c in sib.primary]
    secondary = [c for c in kids if c not in sib.primary]
    dash = {ParentKind.ADOPTIVE: "dash", ParentKind.FOSTER: "dot"}.get(sib.kind, "solid")
    emph_drop = ctx.line_emph(*parents, *kids)
    drops = _drop_points(ctx, primary, twins)
    xs = list(drops.values()) + [ctx.marks[c].x + 0.28 for c in secondary]
    ctx.ink.line([anchor, (anchor[0], bar_y)], LineStyle(INK, s.line, "solid" if primary else dash), emph_drop, z=2)
    ctx.ink.line([(min([anchor[0], *xs]), bar_y), (max([anchor[0], *xs]), bar_y)],
                 LineStyle(INK, s.line, "solid" if primary else dash), emph_drop, z=2)
    for c in primary:
        m = ctx.marks[c]
        ctx.ink.line([(drops[c], bar_y), (m.x, m.y + m.half_h)], LineStyle(INK, s.line, dash), ctx.line_emph(c), z=2)
    _draw_twin_marks(ctx, primary, twins, bar_y, dash)
    for c in secondary:
        m = ctx.marks[c]
        ctx.ink.line([(m.x + 0.28, bar_y), (m.x + 0.28, m.y + 0.42)], LineStyle(INK, s.line, dash),
                     ctx.line_emph(c), z=2)
    ctx.used.add(f"child_{sib.kind.value}")


def _drop_points(ctx: Context, primary: list[str], twins: dict[tuple[str, ...], TwinSet]) -> dict[str, float]:
    """Where each child's line leaves the sibship bar (x): above the child, or one point for a set of twins."""
    drops = {c: ctx.marks[c].x for c in primary}
    for members in twins:
        shown = [c for c in members if c in drops]
        if len(shown) > 1:
            apex = sum(drops[c] for c in shown) / len(shown)
            drops.update(dict.fromkeys(shown, apex))
    return drops


def _draw_twin_marks(ctx: Context, primary: list[str], twins: dict[tuple[str, ...], TwinSet], bar_y: float,
                     dash: str) -> None:
    """Identical twins: a bar between their lines, halfway down."""
    for members, twin in twins.items():
        shown = [ctx.marks[c] for c in members if c in primary]
        if len(shown) < 2:
            continue
        if not twin.identical:
            ctx.used.add("twins")
            continue
        apex = sum(m.x for m in shown) / len(shown)
        left, right = shown[0], shown[-1]
        y = (bar_y + left.y + left.half_h) / 2
        t = (bar_y - y) / (bar_y - left.y - left.half_h)
        ctx.ink.line([(apex + (left.x - apex) * t, y), (apex + (right.x - apex) * t, y)],
                     LineStyle(INK, ctx.scale.line, dash), ctx.line_emph(*members), z=2)
        ctx.used.add("twins_identical")


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
