"""Ties between organisations (the krachtenveld of work card 4: who works with, contracts, disagrees with or refers
to whom), drawn between their boxes in the geno-sociogram's outer ring, with a hover saying who said so."""

from __future__ import annotations

import datetime as dt

from layouts.genogram.captions import esc, period_text
from layouts.genogram.context import Context
from layouts.genogram.relations import REL_HIT_PX, draw_relation
from layouts.genogram.ring import RingItem, RingLayout
from layouts.genogram.symbols import Path
from models.case import Case, OrganisationRelationship
from models.network import org_key
from models.vocabulary import label

ORG_TIE_KINDS = ("org_works_with", "org_contracts", "org_conflict", "org_refers_to")
"""The legend keys (and line kinds) of the ties between organisations."""


def _clip(box: tuple[float, float, float, float], inside: tuple[float, float], outside: tuple[float, float]
          ) -> tuple[float, float]:
    """Where the segment from ``inside`` (a box's centre) to ``outside`` leaves the box (x0, x1, y0, y1)."""
    x0, x1, y0, y1 = box
    (ax, ay), (bx, by) = inside, outside
    t = 1.0
    for d, lo, hi, a in ((bx - ax, x0, x1, ax), (by - ay, y0, y1, ay)):
        if d > 1e-9:
            t = min(t, (hi - a) / d)
        elif d < -1e-9:
            t = min(t, (lo - a) / d)
    return ax + (bx - ax) * t, ay + (by - ay) * t


def tie_path(a: RingItem, b: RingItem) -> Path:
    """A straight line from the edge of box ``a`` to the edge of box ``b`` (empty when they touch)."""
    ca, cb = (a.x, a.y), (b.x, b.y)
    start, end = _clip(a.box, ca, cb), _clip(b.box, cb, ca)
    if (end[0] - start[0]) * (cb[0] - ca[0]) + (end[1] - start[1]) * (cb[1] - ca[1]) <= 0:
        return []
    return [start, end]


def _hover(ctx: Context, tie: OrganisationRelationship, names: dict[str, str]) -> str:
    lang = ctx.lang
    lines = [f"<b>{esc(names.get(tie.source, tie.source))}</b> {esc(label(tie.type.value, lang))} "
             f"<b>{esc(names.get(tie.target, tie.target))}</b>"]
    when = period_text(tie.start, tie.end, lang) if (tie.start or tie.end) else ""
    if when:
        lines.append(esc(when))
    if tie.informant:
        lines.append(esc(ctx.names.get(tie.informant, tie.informant)))
    if tie.note:
        lines.append(esc(tie.note[:200]))
    return "<br>".join(lines)


def draw_organisation_ties(ctx: Context, case: Case, ring: RingLayout, as_of: dt.date | None) -> None:
    """Each tie between two organisations whose boxes are drawn (and that held on ``as_of``), as a line between
    the boxes in its notation: works with (dotted), contracts (arrow), conflict (zigzag), refers to (arrow)."""
    boxes = {item.organisation: item for item in ring.items if item.organisation is not None}
    names = {o.id: o.name for o in case.organisations}
    for tie in case.organisation_relationships:
        a, b = boxes.get(tie.source), boxes.get(tie.target)
        if a is None or b is None or a is b or (as_of is not None and not tie.active_on(as_of)):
            continue
        path = tie_path(a, b)
        if not path:
            continue
        kind = f"org_{tie.type.value}"
        emph = ctx.line_emph(org_key(tie.source), org_key(tie.target))
        tentative = tie.certainty.value != "confirmed"
        draw_relation(ctx.ink, kind, path, emph, ctx.scale, tentative, z=0)
        ctx.used.add(kind)
        mid = ((path[0][0] + path[1][0]) / 2, (path[0][1] + path[1][1]) / 2)
        ctx.ink.hover(mid[0], mid[1], f"orgrel:{tie.id}", _hover(ctx, tie, names), REL_HIT_PX)
