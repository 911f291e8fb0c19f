"""The geno-sociogram (work card 4): the family over generations, with the people and organisations around it.

``genosociogram_figure(case, as_of, **view_options)`` is a pure function returning a Plotly figure:

* the family in generational rows (McGoldrick notation: square / circle / diamond, a cross and year for the
  deceased, a double outline for the index person, couple lines with slashes, children hanging from their
  parents' couple line, dotted household outlines), laid out by :mod:`layouts.genogram.layout`;
* relationship lines (close, conflict, distant, cut-off, abuse, supportive, informal care, legal marks,
  professional ties), tentative ones dashed with a "?", whose view on hover;
* the informal network and the professionals by organisation around the family
  (:mod:`layouts.genogram.ring`), collapsed per organisation when there are many;
* a legend with only the symbols used, in Dutch or English: on the right, or in columns below a drawing that
  would be small beside it (and always below on the projector).

Figures are drawn for the width they are shown at (:data:`SCREEN_WIDTH`, :data:`PROJECTOR_WIDTH`); every
label is fitted to the room its neighbours leave at that scale (wrapped, else cut with "…"; the hover has
it in full).

**customdata**: every shown person has exactly one mark whose ``customdata`` is the person id; organisation
marks carry ``"org:<organisation id>"``; relationship marks ``"rel:<relationship id>"``; household marks
``"household:<household id>"``. Professionals inside a collapsed organisation have no mark of their own.

``fig.layout.meta`` holds ``legend`` (the legend keys, in order), ``px_per_unit``, ``as_of``, ``lang``,
``positions`` (mark key -> [x, y] in data units), ``boxes`` (organisation mark key -> [x0, x1, y0, y1]),
``deceased`` (person ids) and ``index`` (the index person's id when drawn) — handy for tests, and for an app
that wants to zoom to a person. The legend has its own axes (x2/y2) in units of ``legend_unit_px`` px.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from collections.abc import Iterable

import plotly.graph_objects as go

from layouts.genogram.draw import (
    CHAR_EM,
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
    title_room,
    years_text,
)
from layouts.genogram.labels import fit_labels, label_fonts
from layouts.genogram.layout import FamilyLayout, family_layout
from layouts.genogram.legend import (
    SECTIONS,
    Scale,
    draw_legend,
    draw_legend_columns,
    draw_legend_grid,
    legend_width,
)
from layouts.genogram.ring import CELL_W, RingLayout, ring_layout
from layouts.genogram.symbols import Ink, Path
from layouts.plotly_adapter import unchecked_figure
from layouts.style import DIM_OPACITY, FONT_FAMILY, INK, MUTED, PAPER, type_scale
from layouts.texts import text
from models.case import Case
from models.network import KINSHIP_TYPES, build_graph, households_on, org_key
from models.partial_date import PartialDate
from models.vocabulary import PersonKind

PX_PER_UNIT = {False: 40.0, True: 62.0}
PROJECTOR_WIDTH = 880
"""px: the projector figure is drawn for the width it is shown at (the card of a 1280×720 screen), so that its
type is as big as chosen there: the app fits a wider figure to its card, which would shrink the drawing, not the
type. The legend goes below the drawing, in columns."""
SCREEN_WIDTH = 1120
"""px: the screen figure is drawn for the width it is shown at too (the card of a 1600 px wide window): the
app only ever shrinks it, and a shrunk drawing keeps its type size, so that labels fitted at a larger width would
run into each other. The drawing gets what the legend on the right leaves, at most ``PX_PER_UNIT[False]``."""
LEGEND_BELOW_PPU = 28.0
"""px a unit: on the screen the legend goes below (in columns) a drawing that would be smaller beside it."""
LEGEND_UNIT_PX = 34.0  # the legend's unit (px)
LEGEND_GAP_PX = 32.0  # between the drawing and the legend on the right
SIDE_PX = 16
PROJECTOR_MIN_WIDTH = 640  # px: a small drawing still gets a legend and title that read
MEMBER_CHARS = 14  # characters a line an organisation member's name gets on the screen (a long word)
FRAME_MEMBER_CHARS = 8  # ... and in a frame on the wall
FRAME_TITLE_CHARS = 18  # characters a line of an organisation's name in a frame (two lines, then "…")
MAX_CELL_W = 4.2  # units: the widest a member's cell gets for their name
FRAME_SCALE = Scale(line=2.2, text=18, small=16, title=22)
"""Type in a wall frame (px at scale 1): family names 16 px, the network's and professionals' 14 px."""
FRAME_ORG_FONT = 14  # px: organisation names in a frame (bold)
FRAME_LEGEND_SCALE = Scale(line=2.0, text=16, small=15, title=18)
FRAME_LEGEND_UNIT = 26.0  # px: the frame legend's unit
FRAME_LEGEND_CHARS = 17  # characters a line of the frame legend (a longer entry wraps)
FRAME_BELOW_ROWS = 4  # rows of a frame legend below the drawing


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
    frame: tuple[int, int] | None = None,
) -> go.Figure:
    """The geno-sociogram of ``case`` as it stood on ``as_of`` (None: the whole history).

    ``collapse_organisations``: ``"auto"`` (collapse when there are many professionals, and the
    organisations saved as collapsed), ``True``, ``False`` or a list of organisation ids.
    Highlighting dims everything that is not highlighted (or tied to something highlighted).
    ``show_annotations``: a ✎ by each person an analyst's note is about, the notes in its hover.
    ``frame``: (width, height) px of the frame the figure is shown in on the wall (projector): the figure is that
    size, the drawing as large as the frame allows with projector type (:data:`FRAME_SCALE`), a compact legend
    on the right or, when the drawing is larger that way, in a few rows below it.
    """
    framed = frame is not None
    projector = bool(projector) or framed
    ts = type_scale(projector)
    scale = FRAME_SCALE if framed else Scale(line=ts.line_width, text=ts.base, small=ts.small, title=ts.title)
    ppu = PX_PER_UNIT[projector]
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
    family_marks = {pid: (x, y) for pid, (x, y) in fam.positions.items() if pid in graph}
    box = _family_box(fam.positions)
    index_y = fam.positions[case.index_person][1] if case.index_person in fam.positions else None
    shown_orgs = {graph.nodes[n].get("organisation") for n in graph if graph.nodes[n].get("kind") == "professional"}
    org_names = {o: orgs[o].name for o in shown_orgs if o in orgs}

    org_font = FRAME_ORG_FONT if framed else scale.small

    def ring_for(guess: float, columns: int | None, all_right: bool | None) -> RingLayout:
        # Wider boxes for names, within bounds: a drawing drawn small would otherwise be all boxes.
        titles = {o: (min(w, 3 * MAX_CELL_W), h) for o, (w, h) in
                  ((o, title_room(name, org_font, guess, FRAME_TITLE_CHARS if framed else 30))
                   for o, name in org_names.items())}
        member_chars = FRAME_MEMBER_CHARS if framed else MEMBER_CHARS
        cell = min(MAX_CELL_W, max(CELL_W, member_chars * label_fonts(scale, projector, guess)[1] * CHAR_EM / guess
                                   + 0.2))
        return ring_layout(case, graph, family_marks, box, index_y=index_y, show_network=show_network,
                           show_professionals=show_professionals, collapse=collapse_organisations,
                           titles=titles, cell_w=cell, columns=columns, all_right=bool(all_right), from_top=framed,
                           size_collapsed=not framed, all_below=all_right is None)

    def marks_of(ring: RingLayout) -> tuple[dict[str, Mark], dict[str, str]]:
        marks = {p: Mark(x, y, FAMILY_SIZE / 2, FAMILY_SIZE / 2, family=True) for p, (x, y) in family_marks.items()}
        anchor: dict[str, str] = {p: p for p in marks}
        for item in ring.items:
            if item.collapsed:
                marks[item.key] = Mark(item.x, item.y, item.width / 2 - 0.2, item.height / 2 - 0.2)
            for member, (x, y) in item.member_positions.items():
                marks[member] = Mark(x, y, RING_SIZE / 2, RING_SIZE / 2)
            for member in item.members:
                anchor[member] = item.key if item.collapsed else member
        return marks, anchor

    def arrange(room_w: float, room_h: float, most: float) -> tuple[float, float, RingLayout]:
        """The ring that lets the drawing be largest in ``room_w`` × ``room_h`` px (no more than ``most`` px a
        unit), its organisations sized for their names at that scale: (px a unit for ``room_w`` alone, px a unit
        for both, the ring)."""
        options: list[tuple[int | None, bool | None]] = [(None, False), (1, False), (2, False), (3, False)]
        if framed:
            options += [(4, False), (1, True), (2, True), (3, True), (4, True), (None, None)]
        guess, found = most, None
        for _ in range(5):
            scored = []
            for k, (columns, all_right) in enumerate(options):
                ring_k = ring_for(guess, columns, all_right)
                x0_, x1_, y0_, y1_ = _extent(marks_of(ring_k)[0], ring_k, box)
                fit_k = min(most, room_w / (x1_ - x0_), room_h / (y1_ - y0_))
                scored.append((fit_k * (1.0 if k == 0 else 0.97), fit_k, min(most, room_w / (x1_ - x0_)), k, ring_k))
            _, fitted, across, _, found = max(scored, key=lambda t: (t[0], -t[3]))
            drawn = fitted if framed else across  # the screen's figure grows taller: only its width binds
            if drawn >= guess * 0.97:
                break
            guess = drawn
        assert found is not None
        return across, fitted, found

    placement = "right"
    if framed:
        frame_w, frame_h = frame  # type: ignore[misc]
        top, bottom = frame_top(scale), 8
        legend_cols = 1
        col_w = FRAME_LEGEND_CHARS * FRAME_LEGEND_SCALE.small * CHAR_EM / FRAME_LEGEND_UNIT + 2.4
        right_w = frame_w - 2 * SIDE_PX - LEGEND_GAP_PX / 2 - col_w * FRAME_LEGEND_UNIT
        below_h = frame_h - top - bottom - FRAME_BELOW_ROWS * 0.95 * FRAME_LEGEND_UNIT - 12
        inner_h = frame_h - top - bottom
        fit_right = arrange(right_w, inner_h, ppu)
        fit_below = arrange(frame_w - 2 * SIDE_PX, below_h, ppu)
        if fit_below[1] > fit_right[1] * 1.04:
            placement, ring, room_w, room_h = "below", fit_below[2], frame_w - 2 * SIDE_PX, below_h
        else:
            ring, room_w, room_h = fit_right[2], right_w, inner_h
    else:
        frame_w = frame_h = 0
        col_w = 0.0
        legend_px = (legend_width(scale, LEGEND_UNIT_PX) + 0.8) * LEGEND_UNIT_PX
        room_w = SCREEN_WIDTH - 2 * SIDE_PX - LEGEND_GAP_PX - legend_px
        full_w = (PROJECTOR_WIDTH if projector else SCREEN_WIDTH) - 2 * SIDE_PX
        across, _, ring = arrange(room_w, room_w * 1.1, ppu)
        if projector or across < LEGEND_BELOW_PPU:
            placement, room_w = "below", full_w
            _, _, ring = arrange(room_w, room_w * (1.3 if projector else 0.8), ppu)
        room_h = float("inf")
    below = placement == "below" and not framed
    marks, anchor = marks_of(ring)
    boxed = {m: item.box[:2] for item in ring.items if item.organisation is not None for m in item.member_positions}
    years = {} if projector else {p: years_text(persons[p], bool(graph.nodes[p].get("deceased")))
                                  for p, m in marks.items() if m.family}

    def fitted_ppu() -> float:
        x0_, x1_, y0_, y1_ = _extent(marks, ring, box)
        return min(ppu, room_w / (x1_ - x0_), room_h / (y1_ - y0_))

    for _ in range(3):  # labels fitted at a smaller scale are wider in units, and widen the drawing a little
        if ppu <= fitted_ppu() + 1e-9 and any(m.label_chars for m in marks.values()):
            break
        ppu = fitted_ppu()
        fit_labels(marks, {p: persons[p].label for p in marks if p in persons}, label_fonts(scale, projector, ppu),
                    ppu, boxed, years, min(label_fonts(scale, projector, ppu)[0], scale.small))
    ppu = fitted_ppu()  # labels fitted a hair wider than drawn at most

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
                  px_per_unit=ppu, projector=bool(projector), org_font=org_font)
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
        "boxes": {item.key: [round(v, 3) for v in item.box] for item in ring.items if item.organisation is not None},
    }
    if framed:
        legend_scale = FRAME_LEGEND_SCALE
        if placement == "right":
            legend_cols, legend_rows_h = 1, (frame_h - top - bottom) / FRAME_LEGEND_UNIT
        else:
            legend_cols = max(1, int((frame_w - 2 * SIDE_PX) / (col_w * FRAME_LEGEND_UNIT)))
            legend_rows_h = FRAME_BELOW_ROWS * 0.95 - 0.3

        def legend_glyph(target: Ink, kind: str, path: Path, on: bool) -> None:
            draw_relation(target, kind, path, on, legend_scale, False)

        keys, legend_h = draw_legend_grid(legend_ink, ctx.used, lang, legend_scale, FRAME_LEGEND_UNIT, legend_cols,
                                          legend_rows_h, col_w, legend_glyph)
        return _assemble_frame(case, as_of, lang, scale, ppu, ink, legend_ink, marks, ring, box, keys, legend_h,
                               legend_cols * col_w, placement, (frame_w, frame_h), meta)
    if below:
        x0, x1, _, _ = _projector_extent(marks, ring, box, ppu)
        keys, legend_h = draw_legend_columns(legend_ink, ctx.used, lang, scale, (x1 - x0) * ppu / LEGEND_UNIT_PX,
                                             LEGEND_UNIT_PX, relation_glyph, short=bool(projector))
        return _assemble_projector(case, as_of, lang, scale, ppu, ink, legend_ink, marks, ring, box, keys,
                                   legend_h, meta, bool(projector))
    legend_w, legend_h = draw_legend(legend_ink, ctx.used, lang, scale, LEGEND_UNIT_PX, relation_glyph)
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


def _extent(marks: dict[str, Mark], ring: object, box: tuple[float, float, float, float]
            ) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) of the drawing: the family box, every mark with room for its label, the ring's boxes."""
    x0, x1, y0, y1 = box
    for m in marks.values():
        reach = max(1.6, m.label_half_w + 0.1) if m.label_chars else 1.6
        x0, x1 = min(x0, m.x - reach), max(x1, m.x + reach)
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
    """The screen figure: the drawing (``ppu`` px a unit) with the legend (its own unit) on its right."""
    x0, x1, y0, y1 = _extent(marks, ring, box)
    main_px, legend_px = (x1 - x0) * ppu, (legend_w + 0.8) * LEGEND_UNIT_PX
    plot_w = main_px + LEGEND_GAP_PX + legend_px
    plot_h = max((y1 - y0) * ppu, (legend_h + 1.0) * LEGEND_UNIT_PX)
    top, bottom, side = (int(scale.title * 3.6), 16, SIDE_PX)
    pad = (plot_h / ppu - (y1 - y0)) / 2  # the drawing centred vertically when the legend is taller
    traces = ink.traces(FONT_FAMILY, scale.small) + legend_ink.traces(FONT_FAMILY, scale.small)
    day = PartialDate.from_date(as_of).format(lang) if as_of else None
    when = text("as_of_date", lang, date=day) if day else text("geno_whole_history", lang)
    title = (f"<b>{esc(case.title)}</b><br><span style='font-size:{scale.small}px;color:{MUTED}'>"
             f"geno-sociogram · {esc(when)} · {esc(case.id)}</span>")
    axis = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
    layout = dict(
        width=round(plot_w + 2 * side), height=round(plot_h + top + bottom), autosize=False,
        margin={"l": side, "r": side, "t": top, "b": bottom},
        paper_bgcolor=PAPER, plot_bgcolor=PAPER, showlegend=False, hovermode="closest", dragmode="pan",
        font={"family": FONT_FAMILY, "size": scale.text, "color": INK},
        title={"text": title, "x": 0.0, "xanchor": "left", "xref": "paper",
               "font": {"size": scale.title, "family": FONT_FAMILY, "color": INK}},
        xaxis={**axis, "domain": [0.0, main_px / plot_w], "range": [x0, x1], "constrain": "domain"},
        yaxis={**axis, "domain": [0.0, 1.0], "range": [y0 - pad, y1 + pad], "scaleanchor": "x", "scaleratio": 1,
               "constrain": "domain"},
        xaxis2={**axis, "domain": [1 - legend_px / plot_w, 1.0], "range": [-0.3, legend_w + 0.5],
                "fixedrange": True},
        yaxis2={**axis, "domain": [0.0, 1.0], "range": [0.6 - plot_h / LEGEND_UNIT_PX, 0.6], "anchor": "x2",
                "fixedrange": True},
        meta={"legend": [k for _, entries in SECTIONS for k in entries if k in used],
              "px_per_unit": ppu, "legend_unit_px": LEGEND_UNIT_PX,
              "as_of": as_of.isoformat() if as_of else None, "lang": lang, **meta},
    )
    # Traces and layout are built from known-good parts: plotly's per-property validation would cost most of
    # the time of a click round trip (tests re-validate the figure in full).
    return unchecked_figure(traces, layout)


def _assemble_projector(case: Case, as_of: dt.date | None, lang: str, scale: Scale, ppu: float, ink: Ink,
                        legend_ink: Ink, marks: dict[str, Mark], ring: object,
                        box: tuple[float, float, float, float], legend_keys: list[str], legend_h: float,
                        meta: dict, projector: bool = True) -> go.Figure:
    """The drawing across the figure's width (:data:`PROJECTOR_WIDTH`, or :data:`SCREEN_WIDTH` for a wide
    drawing on the screen), the legend in columns below it."""
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
    about = esc(when) if projector else f"geno-sociogram · {esc(when)} · {esc(case.id)}"
    title = (f"<b>{fit(case.title, chars_in(x1 - x0, scale.title, ppu, bold=True), 1)}</b><br>"
             f"<span style='font-size:{scale.small}px;color:{MUTED}'>{about}</span>")
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
    return unchecked_figure(traces, layout)


def _empty_figure(case: Case, as_of: dt.date | None, lang: str, scale: Scale, ppu: float) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=esc(text("geno_empty", lang)), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": scale.text, "color": MUTED, "family": FONT_FAMILY})
    fig.update_layout(
        title={"text": f"<b>{esc(case.title)}</b>", "font": {"size": scale.title}},
        xaxis={"visible": False}, yaxis={"visible": False}, paper_bgcolor=PAPER, plot_bgcolor=PAPER,
        meta={"legend": [], "px_per_unit": ppu, "as_of": as_of.isoformat() if as_of else None, "lang": lang})
    return fig


def frame_top(scale: Scale) -> int:
    """px above the drawing in a frame: one line of title."""
    return int(scale.title * 1.9)


def _assemble_frame(case: Case, as_of: dt.date | None, lang: str, scale: Scale, ppu: float, ink: Ink,
                    legend_ink: Ink, marks: dict[str, Mark], ring: object, box: tuple[float, float, float, float],
                    legend_keys: list[str], legend_h: float, legend_w: float, placement: str,
                    frame: tuple[int, int], meta: dict) -> go.Figure:
    """A figure of exactly ``frame`` px: the drawing centred in what the legend leaves (on the right, or below)."""
    width, height = frame
    top, bottom, side = frame_top(scale), 8, SIDE_PX
    plot_w, plot_h = width - 2 * side, height - top - bottom
    unit = FRAME_LEGEND_UNIT
    if placement == "right":
        legend_px = legend_w * unit
        main_w, main_h = plot_w - legend_px - LEGEND_GAP_PX / 2, plot_h
        x_dom, y_dom = [0.0, main_w / plot_w], [0.0, 1.0]
        x2_dom, y2_dom = [1 - legend_px / plot_w, 1.0], [0.0, 1.0]
        x2_range = [0.0, legend_w]
        y2_range = [-plot_h / unit, 0.0]
    else:
        legend_px = FRAME_BELOW_ROWS * 0.95 * unit  # as reserved for it (see genosociogram_figure)
        main_w, main_h = plot_w, plot_h - legend_px - 12
        x_dom, y_dom = [0.0, 1.0], [(legend_px + 12) / plot_h, 1.0]
        x2_dom, y2_dom = [0.0, 1.0], [0.0, legend_px / plot_h]
        x2_range = [-(plot_w / unit - legend_w) / 2, (plot_w / unit + legend_w) / 2]  # centred
        y2_range = [-legend_h - 0.3, 0.0]
    x0, x1, y0, y1 = _extent(marks, ring, box)
    ppu = min(ppu, main_w / (x1 - x0), main_h / (y1 - y0))  # never cut off (labels are fitted a hair wider)
    pad_x = (main_w / ppu - (x1 - x0)) / 2
    pad_y = (main_h / ppu - (y1 - y0)) / 2
    traces = ink.traces(FONT_FAMILY, scale.small) + legend_ink.traces(FONT_FAMILY, FRAME_LEGEND_SCALE.small)
    day = PartialDate.from_date(as_of).format(lang) if as_of else None
    when = text("as_of_date", lang, date=day) if day else text("geno_whole_history", lang)
    room = chars_in(plot_w / ppu, scale.title, ppu, bold=True) - len(when) // 2 - 2
    title = (f"<b>{fit(case.title, max(room, 12), 1)}</b>"
             f"<span style='font-size:{scale.small}px;color:{MUTED}'>  ·  {esc(when)}</span>")
    axis = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
    layout = dict(
        width=width, height=height, autosize=False,
        margin={"l": side, "r": side, "t": top, "b": bottom},
        paper_bgcolor=PAPER, plot_bgcolor=PAPER, showlegend=False, hovermode="closest", dragmode="pan",
        font={"family": FONT_FAMILY, "size": scale.text, "color": INK},
        title={"text": title, "x": 0.0, "xanchor": "left", "xref": "paper", "y": 1 - 6 / height, "yanchor": "top",
               "yref": "container", "font": {"size": scale.title, "family": FONT_FAMILY, "color": INK}},
        xaxis={**axis, "domain": x_dom, "range": [x0 - pad_x, x1 + pad_x], "constrain": "domain"},
        yaxis={**axis, "domain": y_dom, "range": [y0 - pad_y, y1 + pad_y], "scaleanchor": "x", "scaleratio": 1,
               "constrain": "domain"},
        xaxis2={**axis, "domain": x2_dom, "range": x2_range, "fixedrange": True, "anchor": "y2"},
        yaxis2={**axis, "domain": y2_dom, "range": y2_range, "anchor": "x2", "fixedrange": True},
        meta={"legend": legend_keys, "px_per_unit": ppu, "legend_unit_px": unit, "frame": [width, height],
              "ranges": {"xaxis": [x0 - pad_x, x1 + pad_x], "yaxis": [y0 - pad_y, y1 + pad_y],
                         "xaxis2": list(x2_range), "yaxis2": list(y2_range)},
              "legend_place": placement, "as_of": as_of.isoformat() if as_of else None, "lang": lang, **meta},
    )
    return unchecked_figure(traces, layout)
