"""The geno-sociogram (work card 4): the family over generations, with the people and organisations around it.

``genosociogram_figure(case, as_of, **view_options)`` is a pure function returning a Plotly figure:

* the family in generational rows (McGoldrick notation: square / circle / diamond, a cross and year for the
  deceased, a double outline for the index person, couple lines with slashes, children hanging from their
  parents' couple line, dotted household outlines), laid out by :mod:`layouts.genogram_layout`;
* relationship lines (close, conflict, distant, cut-off, abuse, supportive, informal care, legal marks,
  professional ties), tentative ones dashed with a "?", whose view on hover;
* the informal network and the professionals by organisation around the family
  (:mod:`layouts.genogram_ring`), collapsed per organisation when there are many;
* a legend with only the symbols used, in Dutch or English.

**customdata**: every shown person has exactly one mark whose ``customdata`` is the person id; organisation
marks carry ``"org:<organisation id>"``; relationship marks ``"rel:<relationship id>"``; household marks
``"household:<household id>"``. Professionals inside a collapsed organisation have no mark of their own.

``fig.layout.meta`` holds ``legend`` (the legend keys, in order), ``px_per_unit``, ``as_of``, ``lang``,
``positions`` (mark key -> [x, y] in data units), ``deceased`` (person ids) and ``index`` (the index person's
id when drawn) — handy for tests, and for an app that wants to zoom to a person.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from collections.abc import Iterable

import plotly.graph_objects as go

from layouts.genogram_draw import (
    FAMILY_SIZE,
    RING_SIZE,
    Context,
    Mark,
    chars_in,
    draw_households,
    draw_kinship,
    draw_notes,
    draw_organisation,
    draw_person,
    draw_relation,
    draw_relationships,
    esc,
    fit,
    wrap,
)
from layouts.genogram_layout import FamilyLayout, family_layout
from layouts.genogram_legend import SECTIONS, Scale, draw_legend, draw_legend_columns
from layouts.genogram_ring import COLLAPSED_H, COLLAPSED_W, ring_layout
from layouts.genogram_symbols import Ink, Path
from layouts.style import DIM_OPACITY, FONT_FAMILY, INK, MUTED, PAPER, type_scale
from models.case import Case
from models.catalogue import text
from models.network import KINSHIP_TYPES, build_graph, households_on, org_key
from models.partial_date import PartialDate
from models.vocabulary import PersonKind

PX_PER_UNIT = {False: 40.0, True: 62.0}
PROJECTOR_WIDTH = 880
"""px: the projector figure is drawn for the width it is shown at (the card of a 1280×720 screen), so that its
type is as big as chosen there: the app fits a wider figure to its card, which would shrink the drawing, not the
type. The legend goes below the drawing, in columns."""
LEGEND_UNIT_PX = 34.0  # the projector legend's unit (px)
SIDE_PX = 16
PROJECTOR_MIN_WIDTH = 640  # px: a small drawing still gets a legend and title that read


def genosociogram_figure(
    case: Case,
    as_of: dt.date | None = None,
    *,
    lang: str = "nl",
    projector: bool = False,
    highlight_persons: Iterable[str] | None = None,
    highlight_organisations: Iterable[str] | None = None,
    highlight_events: Iterable[str] | None = None,
    collapse_organisations: object = "auto",
    show_network: bool = True,
    show_professionals: bool = True,
    show_annotations: bool = True,
) -> go.Figure:
    """The geno-sociogram of ``case`` as it stood on ``as_of`` (None: the whole history).

    ``collapse_organisations``: ``"auto"`` (collapse when there are many professionals, and the
    organisations saved as collapsed), ``True``, ``False`` or a list of organisation ids.
    Highlighting dims everything that is not highlighted (or tied to something highlighted).
    ``show_annotations``: a ✎ by each person an analyst's note is about, the notes in its hover.
    """
    ts = type_scale(projector)
    scale = Scale(line=ts.line_width, text=ts.base, small=ts.small, title=ts.title)
    ppu = PX_PER_UNIT[bool(projector)]
    graph = build_graph(case, as_of)
    persons = case.person_map()
    orgs = case.organisation_map()

    # Highlight sets: persons and organisations, from events too.
    hl_persons = set(highlight_persons or ())
    hl_orgs = set(highlight_organisations or ())
    wanted = set(highlight_events or ())
    for event in case.events if wanted else ():  # a scan: a lookup table of thousands of events costs more
        if event.id in wanted:
            wanted.discard(event.id)  # the first event of an id counts, as in Case.event_map
            hl_persons.update(event.persons)
            hl_orgs.update(o for o in (event.organisation, event.to_organisation) if o)
    any_highlight = bool(hl_persons or hl_orgs)

    # Positions: the family (whole history, stable) and the ring (as of the date).
    fam = cached_family_layout(case)
    marks: dict[str, Mark] = {}
    for pid, (x, y) in fam.positions.items():
        if pid in graph:
            marks[pid] = Mark(x, y, FAMILY_SIZE / 2, FAMILY_SIZE / 2, family=True, label_depth=1.75,
                              label_half_w=_label_half_width(persons[pid].label, 15, 0.19))
    box = _family_box(fam.positions)
    index_y = fam.positions[case.index_person][1] if case.index_person in fam.positions else None
    ring = ring_layout(case, graph, {p: (m.x, m.y) for p, m in marks.items()}, box, index_y=index_y,
                       show_network=show_network, show_professionals=show_professionals,
                       collapse=collapse_organisations)
    anchor: dict[str, str] = {p: p for p in marks}
    for item in ring.items:
        if item.collapsed:
            marks[item.key] = Mark(item.x, item.y, COLLAPSED_W / 2 - 0.2, COLLAPSED_H / 2 - 0.2)
        for member, (x, y) in item.member_positions.items():
            marks[member] = Mark(x, y, RING_SIZE / 2, RING_SIZE / 2, label_depth=1.15,
                                 label_half_w=_label_half_width(persons[member].label, 16, 0.165))
        for member in item.members:
            anchor[member] = item.key if item.collapsed else member
    if projector:
        x0, x1, _, _ = _extent(marks, ring, box)
        ppu = min(ppu, (PROJECTOR_WIDTH - 2 * SIDE_PX) / (x1 - x0))
        _fit_labels(marks, {p: persons[p].label for p in marks if p in persons}, scale, ppu)

    def highlighted(key: str) -> bool:
        if key.startswith("org:"):
            org = key[4:]
            return org in hl_orgs or any(anchor.get(p) == key for p in hl_persons)
        org = persons[key].organisation if key in persons else None
        return key in hl_persons or (org is not None and org in hl_orgs)

    def emph(key: str) -> bool:
        return not any_highlight or highlighted(key)

    ink = Ink(dim=DIM_OPACITY)
    ctx = Context(case=case, as_of=as_of, lang=lang, scale=scale, ink=ink, marks=marks, anchor=anchor,
                  emph=emph, highlighted=highlighted, any_highlight=any_highlight,
                  names={p.id: p.label for p in case.persons} | {org_key(o.id): o.name for o in case.organisations},
                  px_per_unit=ppu, projector=bool(projector))
    if not graph.number_of_nodes():
        return _empty_figure(case, as_of, lang, scale, ppu)

    edges = [(a, b, d) for a, b, d in graph.edges(data=True)]
    partner_edges = {d["relationship"].id: d for _, _, d in edges if d["type"] == "partner"}
    parent_edges = {(a, b) for a, b, d in edges if d["type"] == "parent"}

    draw_households(ctx, households_on(case, as_of))
    for item in ring.items:
        if item.organisation is not None:
            draw_organisation(ctx, item, orgs[item.organisation].name, len(item.members))
    draw_kinship(ctx, fam, partner_edges, parent_edges)
    draw_relationships(ctx, edges)
    for pid in sorted(p for p in marks if p in persons):
        person = persons[pid]
        org = orgs.get(person.organisation) if person.organisation else None
        draw_person(ctx, person, graph.nodes[pid], org.name if org else None)
    if show_annotations:
        draw_notes(ctx, case.annotations)

    # Legend, in its own axes on the right.
    legend_ink = Ink(xaxis="x2", yaxis="y2", dim=DIM_OPACITY)

    def relation_glyph(target: Ink, kind: str, path: Path, on: bool) -> None:
        draw_relation(target, kind, path, on, scale, False)

    meta = {
        "positions": {k: [round(m.x, 3), round(m.y, 3)] for k, m in sorted(marks.items())},
        "deceased": sorted(p for p in marks if p in graph and graph.nodes[p].get("deceased")),
        "index": case.index_person if case.index_person in marks else None,
    }
    if projector:
        x0, x1, _, _ = _projector_extent(marks, ring, box, ppu)
        keys, legend_h = draw_legend_columns(legend_ink, ctx.used, lang, scale, (x1 - x0) * ppu / LEGEND_UNIT_PX,
                                             LEGEND_UNIT_PX, relation_glyph)
        return _assemble_projector(case, as_of, lang, scale, ppu, ink, legend_ink, marks, ring, box, keys,
                                   legend_h, meta)
    legend_w, legend_h = draw_legend(legend_ink, ctx.used, lang, scale, relation_glyph)
    return _assemble(case, as_of, lang, scale, ppu, ink, legend_ink, marks, ring, box, legend_w, legend_h,
                     ctx.used, meta)


_FAMILY_LAYOUTS: OrderedDict[bytes, FamilyLayout] = OrderedDict()
_FAMILY_LAYOUTS_MAX = 16


def family_key(case: Case) -> bytes:
    """A digest of everything :func:`family_layout` reads: the index person, layout hints, the persons who
    are not professionals and the kinship ties (a superset, so an edit anywhere in them is a new key)."""
    parts = [case.index_person, case.layout.model_dump_json()]
    parts += [person.model_dump_json() for person in case.persons if person.kind != PersonKind.PROFESSIONAL]
    parts += [rel.model_dump_json() for rel in case.relationships if rel.type in KINSHIP_TYPES]
    return hashlib.blake2b("\x1e".join(parts).encode("utf-8"), digest_size=16).digest()


def cached_family_layout(case: Case) -> FamilyLayout:
    """:func:`family_layout`, remembered per content (it covers the whole history, so it does not depend on
    the as-of date or the highlight: a click on an event reuses it). Keyed by content, not by object, so an
    edited case is laid out afresh; treat the result as read-only."""
    key = family_key(case)
    found = _FAMILY_LAYOUTS.get(key)
    if found is None:
        found = _FAMILY_LAYOUTS[key] = family_layout(case)
        while len(_FAMILY_LAYOUTS) > _FAMILY_LAYOUTS_MAX:
            _FAMILY_LAYOUTS.popitem(last=False)
    else:
        _FAMILY_LAYOUTS.move_to_end(key)
    return found


def _label_half_width(text: str, width: int, per_char: float) -> float:
    """Half the width (units) of a label wrapped as the drawing wraps it."""
    longest = max((len(line) for line in wrap(text, width).split("<br>")), default=0)
    return min(1.5, max(0.5, per_char * longest / 2 + 0.1))


def _fit_labels(marks: dict[str, Mark], labels: dict[str, str], scale: Scale, ppu: float) -> None:
    """Projector: each person's label as wide as its row neighbours leave room for (at ``ppu``), so that
    labels of the big type do not run into each other; the cut words are in the hover."""
    people = [(k, m) for k, m in marks.items() if k in labels]
    for key, m in people:
        gaps = [abs(o.x - m.x) for k, o in people if k != key and abs(o.y - m.y) < 1.0]
        half = min(min(gaps, default=4.0) / 2 - 0.12, 1.5)  # 1.5: inside the drawing's margin
        font = scale.small if m.family else scale.small - 2
        m.label_chars = max(3, chars_in(2 * half, font, ppu))
        lines = fit(labels[key], m.label_chars).count("<br>") + 1
        m.label_half_w = half
        m.label_depth = m.half_h + 0.08 + lines * font * 1.3 / ppu


def _extent(marks: dict[str, Mark], ring: object, box: tuple[float, float, float, float]
            ) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) of the drawing: the family box, every mark with room for its label, the ring's boxes."""
    x0, x1, y0, y1 = box
    for m in marks.values():
        x0, x1 = min(x0, m.x - 1.6), max(x1, m.x + 1.6)
        y0, y1 = min(y0, m.y - 2.0), max(y1, m.y + 1.2)
    for item in getattr(ring, "items", []):
        bx0, bx1, by0, by1 = item.box
        x0, x1, y0, y1 = min(x0, bx0 - 0.3), max(x1, bx1 + 0.3), min(y0, by0 - 0.3), max(y1, by1 + 0.3)
    return x0, x1, y0, y1


def _projector_extent(marks: dict[str, Mark], ring: object, box: tuple[float, float, float, float], ppu: float
                      ) -> tuple[float, float, float, float]:
    """:func:`_extent`, widened to :data:`PROJECTOR_MIN_WIDTH` for a small drawing (room for title and legend)."""
    x0, x1, y0, y1 = _extent(marks, ring, box)
    pad = max(0.0, (PROJECTOR_MIN_WIDTH - 2 * SIDE_PX) / ppu - (x1 - x0)) / 2
    return x0 - pad, x1 + pad, y0, y1


def _family_box(positions: dict[str, tuple[float, float]]) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) around the family symbols and their labels."""
    if not positions:
        return (-1.5, 1.5, -2.3, 1.6)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    return (min(xs) - 1.6, max(xs) + 1.6, min(ys) - 2.3, max(ys) + 1.6)


def _assemble(case: Case, as_of: dt.date | None, lang: str, scale: Scale, ppu: float, ink: Ink, legend_ink: Ink,
              marks: dict[str, Mark], ring: object, box: tuple[float, float, float, float],
              legend_w: float, legend_h: float, used: set[str], meta: dict) -> go.Figure:
    x0, x1, y0, y1 = _extent(marks, ring, box)
    main_w, main_h = x1 - x0, y1 - y0
    legend_w += 0.8
    height_units = max(main_h, legend_h + 1.0)
    gap = 1.0
    total_w = main_w + gap + legend_w
    top, bottom, side = (int(scale.title * 3.6), 16, 16)
    width_px = total_w * ppu + 2 * side
    height_px = height_units * ppu + top + bottom
    main_frac = main_w / total_w
    # Centre the drawing vertically when the legend is taller.
    pad = (height_units - main_h) / 2
    traces = ink.traces(FONT_FAMILY, scale.small) + legend_ink.traces(FONT_FAMILY, scale.small)
    day = PartialDate.from_date(as_of).format(lang) if as_of else None
    when = text("as_of_date", lang, date=day) if day else text("geno_whole_history", lang)
    title = (f"<b>{esc(case.title)}</b><br><span style='font-size:{scale.small}px;color:{MUTED}'>"
             f"geno-sociogram · {esc(when)} · {esc(case.id)}</span>")
    axis = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
    layout = dict(
        width=round(width_px), height=round(height_px), autosize=False,
        margin={"l": side, "r": side, "t": top, "b": bottom},
        paper_bgcolor=PAPER, plot_bgcolor=PAPER, showlegend=False, hovermode="closest", dragmode="pan",
        font={"family": FONT_FAMILY, "size": scale.text, "color": INK},
        title={"text": title, "x": 0.0, "xanchor": "left", "xref": "paper",
               "font": {"size": scale.title, "family": FONT_FAMILY, "color": INK}},
        xaxis={**axis, "domain": [0.0, main_frac], "range": [x0, x1], "constrain": "domain"},
        yaxis={**axis, "domain": [0.0, 1.0], "range": [y0 - pad, y1 + pad], "scaleanchor": "x", "scaleratio": 1,
               "constrain": "domain"},
        xaxis2={**axis, "domain": [1 - legend_w / total_w, 1.0], "range": [-0.3, legend_w - 0.3],
                "fixedrange": True},
        yaxis2={**axis, "domain": [0.0, 1.0], "range": [0.6 - height_units, 0.6], "anchor": "x2",
                "fixedrange": True},
        meta={"legend": [k for _, entries in SECTIONS for k in entries if k in used],
              "px_per_unit": ppu, "as_of": as_of.isoformat() if as_of else None, "lang": lang, **meta},
    )
    # Traces and layout are built from known-good parts: plotly's per-property validation would cost most of
    # the time of a click round trip (tests re-validate the figure in full).
    return go.Figure(data=traces, layout=layout, _validate=False)


def _assemble_projector(case: Case, as_of: dt.date | None, lang: str, scale: Scale, ppu: float, ink: Ink,
                        legend_ink: Ink, marks: dict[str, Mark], ring: object,
                        box: tuple[float, float, float, float], legend_keys: list[str], legend_h: float,
                        meta: dict) -> go.Figure:
    """The projector figure: the drawing across :data:`PROJECTOR_WIDTH`, the legend in columns below it."""
    x0, x1, y0, y1 = _projector_extent(marks, ring, box, ppu)
    main_px = (y1 - y0) * ppu
    legend_px = (legend_h + 0.6) * LEGEND_UNIT_PX if legend_keys else 0.0
    gap_px = 12.0 if legend_keys else 0.0
    top, bottom, side = (int(scale.title * 3.6), 16, SIDE_PX)
    width_px = (x1 - x0) * ppu + 2 * side
    plot_px = main_px + gap_px + legend_px
    legend_frac = legend_px / plot_px
    main_lo = (legend_px + gap_px) / plot_px
    traces = ink.traces(FONT_FAMILY, scale.small) + legend_ink.traces(FONT_FAMILY, scale.small)
    day = PartialDate.from_date(as_of).format(lang) if as_of else None
    when = text("as_of_date", lang, date=day) if day else text("geno_whole_history", lang)
    title = (f"<b>{fit(case.title, chars_in(x1 - x0, scale.title, ppu, bold=True), 1)}</b><br>"
             f"<span style='font-size:{scale.small}px;color:{MUTED}'>{esc(when)}</span>")
    axis = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
    legend_w = (x1 - x0) * ppu / LEGEND_UNIT_PX
    layout = dict(
        width=round(width_px), height=round(plot_px + top + bottom), autosize=False,
        margin={"l": side, "r": side, "t": top, "b": bottom},
        paper_bgcolor=PAPER, plot_bgcolor=PAPER, showlegend=False, hovermode="closest", dragmode="pan",
        font={"family": FONT_FAMILY, "size": scale.text, "color": INK},
        title={"text": title, "x": 0.0, "xanchor": "left", "xref": "paper",
               "font": {"size": scale.title, "family": FONT_FAMILY, "color": INK}},
        xaxis={**axis, "domain": [0.0, 1.0], "range": [x0, x1], "constrain": "domain"},
        yaxis={**axis, "domain": [main_lo, 1.0], "range": [y0, y1], "scaleanchor": "x", "scaleratio": 1,
               "constrain": "domain"},
        xaxis2={**axis, "domain": [0.0, 1.0], "range": [-0.3, legend_w - 0.3], "fixedrange": True, "anchor": "y2"},
        yaxis2={**axis, "domain": [0.0, max(legend_frac, 1e-3)], "range": [-legend_h - 0.1, 0.5], "anchor": "x2",
                "fixedrange": True},
        meta={"legend": legend_keys, "px_per_unit": ppu, "legend_unit_px": LEGEND_UNIT_PX,
              "as_of": as_of.isoformat() if as_of else None, "lang": lang, **meta},
    )
    return go.Figure(data=traces, layout=layout, _validate=False)


def _empty_figure(case: Case, as_of: dt.date | None, lang: str, scale: Scale, ppu: float) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=esc(text("geno_empty", lang)), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": scale.text, "color": MUTED, "family": FONT_FAMILY})
    fig.update_layout(
        title={"text": f"<b>{esc(case.title)}</b>", "font": {"size": scale.title}},
        xaxis={"visible": False}, yaxis={"visible": False}, paper_bgcolor=PAPER, plot_bgcolor=PAPER,
        meta={"legend": [], "px_per_unit": ppu, "as_of": as_of.isoformat() if as_of else None, "lang": lang})
    return fig
