"""Ties between organisations (the krachtenveld of work card 4: who works with, contracts, disagrees with or refers
to whom), drawn between their boxes in the geno-sociogram's outer ring, with a hover saying who said so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from layouts.genogram.captions import esc, period_text
from layouts.genogram.context import Context, Mark
from layouts.genogram.geometry import Path, curve
from layouts.genogram.relations import REL_HIT_PX, around_the_names, draw_relation
from layouts.genogram.ring import RingItem, RingLayout
from models.case import Case, OrganisationRelationship
from models.network import org_key
from models.vocabulary import label

ORG_TIE_KINDS = ("org_works_with", "org_contracts", "org_conflict", "org_refers_to")
"""The legend keys (and line kinds) of the ties between organisations."""


BULGES = (0.0, 1.6, -1.6, 3.2, -3.2, 4.8, -4.8, 6.4, -6.4, 8.0, -8.0)
"""Units a tie bows sideways, tried in turn until it passes no other organisation's box."""


def _inside(box: tuple[float, float, float, float], p: tuple[float, float], pad: float = 0.0) -> bool:
    x0, x1, y0, y1 = box
    return x0 - pad <= p[0] <= x1 + pad and y0 - pad <= p[1] <= y1 + pad


def tie_path(a: RingItem, b: RingItem, others: Sequence[RingItem] = ()) -> Path:
    """A line from the edge of box ``a`` to the edge of box ``b``: straight, or bowed sideways as little as lets it
    pass no box in ``others`` (empty when the boxes touch)."""
    fallback: Path = []
    for bulge in BULGES:
        points = curve((a.x, a.y), (b.x, b.y), bulge, 40)
        kept = [p for p in points if not _inside(a.box, p) and not _inside(b.box, p)]
        if len(kept) < 2:
            return []
        if not any(_inside(o.box, p, 0.1) for o in others for p in kept):
            return kept if bulge else [kept[0], kept[-1]]
        fallback = fallback or [kept[0], kept[-1]]
    return fallback


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
        path = tie_path(a, b, [item for item in ring.items if item is not a and item is not b])
        if not path:
            continue
        if len(path) == 2:  # straight: by the corner of the family's names rather than across them
            path = around_the_names(ctx, *(Mark(i.x, i.y, i.width / 2, i.height / 2) for i in (a, b)), path)
        kind = f"org_{tie.type.value}"
        emph = ctx.line_emph(org_key(tie.source), org_key(tie.target))
        tentative = tie.certainty.value != "confirmed"
        draw_relation(ctx.ink, kind, path, emph, ctx.scale, tentative, z=-1)  # under the boxes it passes
        ctx.used.add(kind)
        mid = path[len(path) // 2] if len(path) > 2 else ((path[0][0] + path[1][0]) / 2, (path[0][1] + path[1][1]) / 2)
        ctx.ink.hover(mid[0], mid[1], f"orgrel:{tie.id}", _hover(ctx, tie, names), REL_HIT_PX)
