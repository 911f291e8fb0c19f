"""Drawing the geno-sociogram (the *draw* of fit → draw → assemble): a fitted layout into ink.

:func:`draw_sociogram` draws the parts in their order, bottom to top: households, organisation boxes, kinship
(:mod:`.kinship`), relationships (:mod:`.relations`), persons and notes (:mod:`.persons`), emphasising what is
highlighted and dimming the rest. Every case string is escaped where it is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from layouts.genogram.context import Context
from layouts.genogram.fit import SociogramLayout
from layouts.genogram.kinship import draw_kinship
from layouts.genogram.org_ties import draw_organisation_ties
from layouts.genogram.persons import draw_households, draw_notes, draw_organisation, draw_person
from layouts.genogram.perspective_rings import draw_perspective_rings
from layouts.genogram.relations import draw_relationships
from layouts.genogram.symbols import Ink
from layouts.organisation_names import case_name_ladders
from layouts.style import DIM_OPACITY
from layouts.view_state import NO_HIGHLIGHT, Highlight
from models.case import Case
from models.network import households_on, org_key


def highlighter(case: Case, highlight: Highlight, anchor: dict[str, str]) -> tuple[Callable[[str], bool], bool]:
    """Whether a mark key is highlighted (a person or organisation highlighted, or tied to a highlighted event;
    an organisation box holding a highlighted person), and whether anything is."""
    persons = case.person_map()
    hl_persons = set(highlight.persons)
    hl_orgs = set(highlight.organisations)
    wanted = set(highlight.events)
    for event in case.events if wanted else ():  # a scan: a lookup table of thousands of events costs more
        if event.id in wanted:
            wanted.discard(event.id)  # the first event of an id counts, as in Case.event_map
            hl_persons.update(event.persons)
            hl_orgs.update(o for o in (*event.all_organisations(), event.to_organisation) if o)

    def highlighted(key: str) -> bool:
        if key.startswith("org:"):
            return key[4:] in hl_orgs or any(anchor.get(p) == key for p in hl_persons)
        org = persons[key].organisation if key in persons else None
        return key in hl_persons or (org is not None and org in hl_orgs)

    return highlighted, bool(hl_persons or hl_orgs)


def draw_sociogram(case: Case, fitted: SociogramLayout, *, as_of: dt.date | None, lang: str,
                   highlight: Highlight = NO_HIGHLIGHT, show_annotations: bool = True) -> Context:
    """Ink for the drawing of ``fitted`` (the legend is the assembler's); the context also says which symbols
    were used (``ctx.used``) for the legend."""
    highlighted, any_highlight = highlighter(case, highlight, fitted.anchor)
    ctx = Context(case=case, as_of=as_of, lang=lang, scale=fitted.scale, ink=Ink(dim=DIM_OPACITY),
                  marks=fitted.marks, anchor=fitted.anchor,
                  emph=lambda key: not any_highlight or highlighted(key), highlighted=highlighted,
                  any_highlight=any_highlight,
                  names={p.id: p.label for p in case.persons} | {org_key(o.id): o.name for o in case.organisations},
                  px_per_unit=fitted.ppu, projector=fitted.projector, org_font=fitted.org_font,
                  foldable=fitted.foldable, title_lines=fitted.title_lines)
    graph = fitted.graph
    if not graph.number_of_nodes():
        return ctx
    persons, orgs, ladders = case.person_map(), case.organisation_map(), case_name_ladders(case)
    edges = [(a, b, d) for a, b, d in graph.edges(data=True)]
    partner_edges = {d["relationship"].id: d for _, _, d in edges if d["type"] == "partner"}
    parent_edges = {(a, b) for a, b, d in edges if d["type"] == "parent"}

    draw_households(ctx, households_on(case, as_of))
    for item in fitted.ring.items:
        if item.organisation is not None:
            draw_organisation(ctx, item, ladders[item.organisation], len(item.members))
    draw_kinship(ctx, fitted.family, partner_edges, parent_edges)
    draw_relationships(ctx, edges)
    draw_organisation_ties(ctx, case, fitted.ring, as_of)
    for pid in sorted(p for p in fitted.marks if p in persons):
        person = persons[pid]
        org = orgs.get(person.organisation) if person.organisation else None
        draw_person(ctx, person, graph.nodes[pid], org.name if org else None)
    draw_perspective_rings(ctx, case)
    if show_annotations:
        draw_notes(ctx, case.annotations)
    return ctx
