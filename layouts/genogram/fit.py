"""Fitting the geno-sociogram (the *fit* of fit → draw → assemble): where everything goes and how big, no ink.

:func:`sociogram_layout` is pure: from the case, the date and the room it is shown in it chooses the ring of
professionals (:mod:`.ring`) that lets the drawing be largest, the scale (px a unit), the legend's place and the
room of every person's label (:mod:`.labels`), and returns them as a plain :class:`SociogramLayout` that the draw
step (:mod:`.draw`) turns into ink and the assemble step (:mod:`.assemble`) into a figure. The family's own layout
(:mod:`.layout`) covers the whole history and is remembered per content (:func:`cached_family_layout`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from layouts.genogram import sized_boxes as wall_boxes
from layouts.genogram.bounds import Box, extent, family_box
from layouts.genogram.context import FAMILY_SIZE, RING_SIZE, Mark
from layouts.genogram.family_cache import cached_family_layout
from layouts.genogram.labels import label_fonts, label_need
from layouts.genogram.layout import FamilyLayout
from layouts.genogram.legend import CHAR_EM, Scale, legend_width
from layouts.genogram.person_fit import fit_person_labels
from layouts.genogram.persons import title_room
from layouts.genogram.ring import CELL_H, CELL_W, RingLayout, ring_layout
from layouts.genogram.spacing import name_room, spaced_fit
from layouts.genogram.wall_room import Shown, family_frame_px, fit_what_fits
from layouts.style import type_scale
from models.case import Case
from models.network import build_graph

PX_PER_UNIT = {False: 40.0, True: 62.0}
PROJECTOR_WIDTH = 880
"""px: the projector figure is drawn for the width it is shown at (the card of a 1280×720 screen), so that its
type is as big as chosen there: the app fits a wider figure to its card, which would shrink the drawing, not the
type. The legend goes below the drawing, in columns."""
SCREEN_WIDTH = 1120
"""px: the screen figure is drawn for the width it is shown at too (the card of a 1600 px wide window): the
app only ever shrinks it, and a shrunk drawing keeps its type size, so that labels fitted at a larger width would
run into each other. The drawing gets what the legend on the right leaves, at most ``PX_PER_UNIT[False]``."""
SCREEN_TIE = 0.9  # ... and of the rings nearly as good there (this share of its fit), the one drawn largest
SCREEN_BAND = 1.05  # on the screen, the rows of boxes above and below the family may run this much wider than it
LEGEND_BELOW_PPU = 28.0
"""px a unit: on the screen the legend goes below (in columns) a drawing that would be smaller beside it."""
LEGEND_UNIT_PX = 34.0  # the legend's unit (px)
LEGEND_GAP_PX = 32.0  # between the drawing and the legend on the right
SIDE_PX = 16
MEMBER_CHARS = 14  # characters a line an organisation member's name gets on the screen (a long word)
FRAME_MEMBER_CHARS = 8  # ... and in a frame on the wall
FRAME_TITLE_CHARS = wall_boxes.TITLE_CHARS  # characters a line of an organisation's name in a frame (18)
MAX_CELL_W = 4.2  # units: the widest a member's cell gets for their name
FRAME_SCALE = Scale(line=2.2, text=18, small=16, title=22)
"""Type in a wall frame (px at scale 1): family names 16 px, the network's and professionals' 14 px."""
FRAME_ORG_FONT = wall_boxes.TITLE_FONT  # px: organisation names in a frame (bold), 14
FRAME_LEGEND_SCALE = Scale(line=2.0, text=16, small=15, title=18)
FRAME_LEGEND_UNIT = 26.0  # px: the frame legend's unit
FRAME_LEGEND_CHARS = 17  # characters a line of the frame legend (a longer entry wraps)
FRAME_BELOW_ROWS = 4  # rows of a frame legend below the drawing
FRAME_BOTTOM = 8  # px below the drawing in a frame
WALL_FOLD = 6  # in a wall frame, more professionals than this are folded into their organisations' boxes
MIN_FRAME_FAMILY_FONT = 14  # px: family names in a frame too small for them at 16 px
STAGGER_PAD = 0.35  # units between a name and the staggered name below it
SIZED_BOXES_COST = 0.97
"""On a page the folded boxes are sized for their names when the drawing keeps this share of its scale (on the
wall: :mod:`.sized_boxes`)."""


def frame_top(scale: Scale) -> int:
    """px above the drawing in a frame: one line of title."""
    return int(scale.title * 1.9)


@dataclass(frozen=True)
class SociogramLayout:
    """The fitted geno-sociogram: what is shown on the date, where, and how big (before any ink).

    ``marks`` and ``anchor`` map mark keys (person ids, ``org:<id>`` for a collapsed organisation) to their
    :class:`Mark` (with its label's room) and each shown person to the mark they are drawn in; ``placement`` is
    where the legend goes (``"right"`` or ``"below"``); ``legend_col_w`` is a frame legend's column width (units
    of :data:`FRAME_LEGEND_UNIT`); ``foldable``: the organisations' boxes get a button to fold or unfold them."""

    graph: nx.MultiDiGraph
    family: FamilyLayout
    ring: RingLayout
    marks: dict[str, Mark]
    anchor: dict[str, str]
    box: Box
    scale: Scale
    ppu: float
    projector: bool
    frame: tuple[int, int] | None
    placement: str
    org_font: int
    legend_col_w: float = 0.0
    foldable: bool = False  # on the wall, professionals folded by default: each box has a button to (un)fold it
    title_lines: int = 2  # lines an organisation's name may take (three on the wall, in boxes sized for them)
    fold_room: int = 0  # px between the title and the drawing: the top boxes' fold buttons reach above them
    left_out: tuple[str, ...] = ()  # on the wall: "network", "professionals" not shown, no room (:mod:`.wall_room`)
    family_px: int = 0  # px across a wall frame needs for the family alone, names in full (.wall_room; 0 on a page)

    @property
    def framed(self) -> bool:
        return self.frame is not None

    def extent(self) -> Box:
        """(x0, x1, y0, y1) of the drawing, in units."""
        return extent(self.marks, self.ring, self.box)


def sociogram_layout(case: Case, as_of: dt.date | None = None, frame: tuple[int, int] | None = None, *,
                     projector: bool = False, collapse_organisations: object = "auto", show_network: bool = True,
                     show_professionals: bool = True, unfolded: Collection[str] = (),
                     card_width: int | None = None, page: bool = False) -> SociogramLayout:
    """Fit the geno-sociogram of ``case`` on ``as_of`` to the screen's card, the projector's or a wall ``frame``
    ((width, height) px): choose the ring, the scale and the legend's place, and give every label its room.
    In a frame ``collapse_organisations="auto"`` folds every organisation's professionals into its box (a count)
    when more than :data:`WALL_FOLD` are shown, but those of the organisations in ``unfolded`` (pass ``False`` or a
    list of organisation ids to collapse to choose otherwise). ``card_width``: px of the screen's card the figure is
    drawn for (None: :data:`SCREEN_WIDTH`). ``page``: the frame is a printed page (a poster, the report), whose
    folded boxes keep the page's sizing; on the wall they are sized for their names in px (:mod:`.sized_boxes`), and
    a frame too small for the whole case shows the family first (:mod:`.wall_room`, ``left_out``)."""
    framed = frame is not None
    wall = framed and not page
    projector = bool(projector) or framed
    ts = type_scale(projector)
    scale = FRAME_SCALE if framed else Scale(line=ts.line_width, text=ts.base, small=ts.small, title=ts.title)
    graph = build_graph(case, as_of)
    # the family first in a wall frame too small for everything, unless the caller chose what to show or unfold
    family_first = wall and show_network and show_professionals and collapse_organisations == "auto" and not unfolded
    foldable = framed and collapse_organisations == "auto" and _professionals_shown(graph) > WALL_FOLD
    if foldable:
        # on the wall many professionals are folded into their organisation's box, unless unfolded there
        collapse_organisations = sorted(_organisations_shown(graph) - set(unfolded)) if unfolded else "all"

    def fitter_for(fam: FamilyLayout, family_font: int = 0, room: dict[str, float] | None = None,
                   shown: Shown = (show_network, show_professionals)) -> _Fitter:
        return _Fitter(case, graph, fam, scale, projector, framed, collapse_organisations, *shown, family_font, room,
                       card_width or SCREEN_WIDTH, wall, wall_boxes.FOLD_ROOM_PX if wall and foldable else 0)

    left_out: tuple[str, ...] = ()
    if frame is None:
        fitter, ring, _, _, placement, marks, anchor, ppu = _fit_on_screen(case, scale, projector, fitter_for)
        col_w = 0.0
    elif family_first:
        found, left_out = fit_what_fits(lambda shown: _fit_in_frame(
            case, frame, scale, lambda *args: fitter_for(*args, shown=shown)), lambda found: found[6], case)
        fitter, ring, _, _, placement, col_w, marks, anchor, ppu = found
    else:
        fitter, ring, _, _, placement, col_w, marks, anchor, ppu = _fit_in_frame(case, frame, scale, fitter_for)
    return SociogramLayout(graph=graph, family=fitter.fam, ring=ring, marks=marks, anchor=anchor, box=fitter.box,
                           scale=scale, ppu=ppu, projector=projector, frame=frame, placement=placement,
                           org_font=ring.title_font or fitter.org_font, legend_col_w=col_w, foldable=foldable and wall,
                           title_lines=3 if wall else 2,
                           fold_room=fitter.fold_room if wall_boxes.button_on_top(fitter, ring) else 0,
                           left_out=left_out,
                           family_px=0 if page else family_frame_width(case))


def family_frame_width(case: Case) -> int:
    """px across a wall frame needs for the family of ``case`` alone, its names in full (:mod:`.wall_room`)."""
    return family_frame_px(case, MIN_FRAME_FAMILY_FONT, STAGGER_PAD, SIDE_PX)


def _fit_in_frame(case: Case, frame: tuple[int, int], scale: Scale, fitter_for: Callable[..., _Fitter]
                  ) -> tuple[Any, ...]:
    """In a wall frame the family rows are spaced for their names (two lines allowed, :mod:`.spacing`), at the
    family type of 16 px or else 14 px; when that cuts names, at 14 px with three lines for the names too wide for
    two (the rows further apart for them). Returns the fitter, the ring, the room, the legend's place, its column width,
    the marks, the anchors and the scale."""

    def attempt(font: int, guess: float, stagger: bool, lines: int) -> tuple[Any, float, dict[str, Mark]]:
        room, line = name_room(case, font, guess), font * 1.3 / guess
        tall = name_room(case, font, guess, 3) if lines > 2 else None
        drop = 2 * line + STAGGER_PAD if stagger else 0.0  # a name of two lines
        fam = cached_family_layout(case, room, drop, tall, line if tall else 0.0)
        fitter = fitter_for(fam, font, {p: (tall or room)[p] if p in fam.name_lines else r for p, r in room.items()})
        ring, room_w, room_h, placement, col_w = _choose_in_frame(fitter, frame)
        marks, anchor = fitter.marks(ring)
        ppu = fit_person_labels(fitter, marks, ring, room_w, room_h, PX_PER_UNIT[fitter.projector])
        return (fitter, ring, room_w, room_h, placement, col_w, marks, anchor, ppu), ppu, marks

    fonts = (label_fonts(scale, True, PX_PER_UNIT[True])[0], MIN_FRAME_FAMILY_FONT)
    return spaced_fit(case, fonts, PX_PER_UNIT[True], attempt, most_lines=3)


def _fit_on_screen(case: Case, scale: Scale, projector: bool, fitter_for: Callable[..., _Fitter]
                   ) -> tuple[Any, ...]:
    """On the screen's card the family rows are spaced for their names too (two lines and a line of years, at the
    type the drawing's scale gives), as in :func:`_fit_in_frame`. Returns the fitter, the ring, the room, the
    legend's place, the marks, the anchors and the scale. (The projector's card without a wall frame keeps the
    plain spacing.)"""

    def attempt(_font: int, guess: float, stagger: bool, _lines: int) -> tuple[Any, float, dict[str, Mark]]:
        font = label_fonts(scale, False, guess)[0]
        room = None if projector else name_room(case, font, guess)
        drop = 3 * font * 1.3 / guess + STAGGER_PAD if stagger and room else 0.0  # two lines and the years
        fitter = fitter_for(cached_family_layout(case, room, drop), 0, room)
        ring, room_w, room_h, placement = _choose_on_screen(fitter)
        marks, anchor = fitter.marks(ring)
        ppu = fit_person_labels(fitter, marks, ring, room_w, room_h, PX_PER_UNIT[fitter.projector])
        return (fitter, ring, room_w, room_h, placement, marks, anchor, ppu), ppu, marks

    if projector:
        return attempt(0, PX_PER_UNIT[False], False, 2)[0]
    return spaced_fit(case, (0,), PX_PER_UNIT[False], attempt)


def _organisations_shown(graph: nx.MultiDiGraph) -> set[str]:
    return {d["organisation"] for _, d in graph.nodes(data=True)
            if d.get("node") == "person" and d.get("kind") == "professional" and d.get("organisation")}


def _professionals_shown(graph: nx.MultiDiGraph) -> int:
    return sum(1 for _, d in graph.nodes(data=True) if d.get("node") == "person" and d.get("kind") == "professional")


@dataclass
class _Fitter:
    """The fixed inputs of the fit, and the ring choices made from them."""

    case: Case
    graph: nx.MultiDiGraph
    fam: FamilyLayout
    scale: Scale
    projector: bool
    framed: bool
    collapse: object
    show_network: bool
    show_professionals: bool
    family_font: int = 0  # px of the family names (0: the scale's)
    room: dict[str, float] | None = None  # half widths (units) the family names were spaced for
    card_w: int = SCREEN_WIDTH  # px: the screen's card the figure is drawn for
    wall: bool = False  # a wall frame (not a page): folded boxes sized for their names in px, titles of three lines
    fold_room: int = 0  # px kept free above the drawing for the top boxes' fold buttons (see .sized_boxes.FOLD_ROOM_PX)

    def __post_init__(self) -> None:
        self.family_marks = {pid: (x, y) for pid, (x, y) in self.fam.positions.items() if pid in self.graph}
        self.box = family_box(self.fam.positions, self.room)
        persons = self.case.person_map()
        self.labels = {p: persons[p].label for p in self.family_marks if p in persons}
        self.index_y = (self.fam.positions[self.case.index_person][1]
                        if self.case.index_person in self.fam.positions else None)
        self.org_names = wall_boxes.shown_org_names(self.case, self.graph)  # each one's names, longest first
        self.org_font = FRAME_ORG_FONT if self.framed else self.scale.small

    def ring(self, guess: float, columns: int | None, all_right: bool | None, above: bool = False,
             band: float = 0.0, sized: bool = False, title_font: int = 0, title_cap: float = 0.0) -> RingLayout:
        """The ring at ``guess`` px a unit: wider boxes for names, within bounds (a drawing drawn small would
        otherwise be all boxes); in a frame the folded boxes are small (their names cut) unless ``sized``;
        ``above``: the informal network in rows above the family; ``band``: with every organisation below the
        family, their rows up to this many times the family's width (0: the default); ``title_font``: px of the
        organisation names (0: :attr:`org_font`); ``title_cap``: on the wall, a name wider than this many px gets
        no room (its box small, the name cut; 0: every name its room)."""
        most = FRAME_TITLE_CHARS if self.framed else 30
        title_font = title_font or self.org_font
        if self.wall:
            titles = wall_boxes.wall_titles(self.org_names, title_font, guess, sized, title_cap, 3 * MAX_CELL_W)
        else:
            titles = {o: (min(w, 3 * MAX_CELL_W), h) for o, (w, h) in
                      ((o, title_room(names[0], title_font, guess, most)) for o, names in self.org_names.items())}
        member_chars = FRAME_MEMBER_CHARS if self.framed else MEMBER_CHARS
        fonts = label_fonts(self.scale, self.projector, guess)
        font = fonts[1]
        # the family's box with room for the names at this scale (one line at most; in a frame, with the rows
        # spaced for them, two lines: a name reaching out of it wraps), so that the ring never meets a name
        two = 1 if self.framed and self.room else 0
        tall = self.fam.name_lines
        reach = {p: label_need(label, self.family_font or fonts[0], guess, tall.get(p, 2))[two]
                 for p, label in self.labels.items()}
        lowest = min((y for _, y in self.fam.positions.values()), default=0.0)
        lines = max((tall.get(p, 2) for p, (_, y) in self.fam.positions.items() if y == lowest), default=2)
        lines = lines if self.projector else 3  # a name's lines, and on the screen a line of years
        drop = max((d for p, d in self.fam.label_drop.items() if self.fam.positions[p][1] == lowest), default=0.0)
        self.box = family_box(self.fam.positions, {p: max(r, (self.room or {}).get(p, 0.0)) for p, r in reach.items()},
                              FAMILY_SIZE / 2 + 0.3 + drop + lines * max(fonts) * 1.3 / guess)
        cell = min(MAX_CELL_W, max(CELL_W, member_chars * font * CHAR_EM / guess + 0.2))
        ring = ring_layout(self.case, self.graph, self.family_marks, self.box, index_y=self.index_y,
                           show_network=self.show_network, show_professionals=self.show_professionals,
                           collapse=self.collapse, titles=titles, cell_w=cell, columns=columns,
                           all_right=bool(all_right), from_top=self.framed, size_collapsed=sized or not self.framed,
                           all_below=0.0 if all_right is not None else band or (2.0 if self.framed else 1.0),
                           above=above, network_cells=self.network_cells(font, guess), above_band=band or 1.0)
        return replace(ring, title_font=title_font if sized else 0)

    def network_cells(self, font: int, guess: float) -> tuple[dict[str, float], float]:
        """The informal network's cells: each as wide as its name on two lines as narrow as they go at ``font`` px
        and two characters' air, as high as a symbol and two lines (units at ``guess``)."""
        air = max(0.5, 2 * font * CHAR_EM / guess)  # two characters between neighbours' names
        widths = {n: 2 * label_need(d.get("label", ""), font, guess)[1] + air for n, d in self.graph.nodes(data=True)
                  if d.get("node") == "person" and not d.get("genogram") and d.get("kind") != "professional"}
        return widths, max(CELL_H, 1.3 + 2 * font * 1.3 / guess + 0.3)

    def marks(self, ring: RingLayout) -> tuple[dict[str, Mark], dict[str, str]]:
        """The marks of the family and the ring, and the mark each person is drawn in."""
        half = FAMILY_SIZE / 2
        drop = self.fam.label_drop
        marks = {p: Mark(x, y, half, half, family=True, label_drop=drop.get(p, 0.0))
                 for p, (x, y) in self.family_marks.items()}
        anchor: dict[str, str] = {p: p for p in marks}
        for item in ring.items:
            if item.collapsed:
                marks[item.key] = Mark(item.x, item.y, item.width / 2 - 0.2, item.height / 2 - 0.2)
            for member, (x, y) in item.member_positions.items():
                marks[member] = Mark(x, y, RING_SIZE / 2, RING_SIZE / 2)
            for member in item.members:
                anchor[member] = item.key if item.collapsed else member
        return marks, anchor

    def arrange(self, room_w: float, room_h: float, most: float, taller: bool = False
                ) -> tuple[float, float, RingLayout]:
        """The ring that lets the drawing be largest in ``room_w`` × ``room_h`` px (no more than ``most`` px a
        unit), its organisations sized for their names at that scale: (px a unit for ``room_w`` alone, px a unit
        for both, the ring). ``taller``: ``room_h`` is only a preference (the screen's figure with the legend below
        grows taller), so of the rings about as good (:data:`SCREEN_TIE`) the one drawn largest across."""
        options: list[tuple[int | None, bool | None, bool, float]] = [
            (None, False, False, 0.0), (1, False, False, 0.0), (2, False, False, 0.0), (3, False, False, 0.0)]
        # also: every organisation below the family, the network above it: the family across the width
        options += [(None, None, False, 0.0), (None, None, True, 0.0)]
        if not self.framed:  # on the screen: those rows a little wider than the family, rather than one more row
            options += [(None, None, True, SCREEN_BAND)]
        if self.framed:  # (and the organisations' rows no wider than the family: more of them, below)
            options += [(4, False, False, 0.0), (1, True, False, 0.0), (2, True, False, 0.0), (3, True, False, 0.0),
                        (4, True, False, 0.0), (1, False, True, 0.0), (2, False, True, 0.0), (None, None, True, 1.0)]
        guess, found = most, None
        for _ in range(5):
            scored = []
            for k, (columns, all_right, above, band) in enumerate(options):
                ring_k = self.ring(guess, columns, all_right, above, band)
                x0_, x1_, y0_, y1_ = extent(self.marks(ring_k)[0], ring_k, self.box)
                fit_k = min(most, room_w / (x1_ - x0_), room_h / (y1_ - y0_))
                scored.append((fit_k * (1.0 if k == 0 else 0.97), fit_k, min(most, room_w / (x1_ - x0_)), k, ring_k))
            top = max(t[0] for t in scored) * (SCREEN_TIE if taller else 1.0)
            # a figure that may grow taller: of the options about as good, the one drawn largest
            _, fitted, across, best, found = max((t for t in scored if t[0] >= top),
                                                 key=lambda t: (t[2] if taller else t[0], -t[3]))
            drawn = fitted if self.framed else across  # the screen's figure grows taller: only its width binds
            if drawn >= guess * 0.97:
                break
            guess = drawn
        assert found is not None
        folded = sum(1 for item in found.items if item.collapsed)
        if self.wall and folded:
            # the folded boxes sized for their names in px, when that costs the drawing little
            sized = wall_boxes.sized_ring(self, options, [t[1] for t in scored], (room_w, room_h), most, folded)
            if sized is not None:
                return sized
        elif self.framed and folded:
            # on a page: the folded boxes sized for their names at this scale, when that costs the drawing little
            sized = self.ring(guess, *options[best], sized=True)
            x0_, x1_, y0_, y1_ = extent(self.marks(sized)[0], sized, self.box)
            fit_s = min(most, room_w / (x1_ - x0_), room_h / (y1_ - y0_))
            if fit_s >= fitted * SIZED_BOXES_COST:
                return min(most, room_w / (x1_ - x0_)), fit_s, sized
        return across, fitted, found


def _choose_in_frame(fitter: _Fitter, frame: tuple[int, int]) -> tuple[RingLayout, float, float, str, float]:
    """In a wall frame: the legend on the right or, when the drawing is larger that way, in a few rows below.
    Returns (ring, room width px, room height px, legend placement, legend column width)."""
    frame_w, frame_h = frame
    ppu = PX_PER_UNIT[True]
    top = frame_top(fitter.scale)
    col_w = FRAME_LEGEND_CHARS * FRAME_LEGEND_SCALE.small * CHAR_EM / FRAME_LEGEND_UNIT + 2.4
    right_w = frame_w - 2 * SIDE_PX - LEGEND_GAP_PX / 2 - col_w * FRAME_LEGEND_UNIT
    below_h = frame_h - top - FRAME_BOTTOM - FRAME_BELOW_ROWS * 0.95 * FRAME_LEGEND_UNIT - 12
    inner_h = frame_h - top - FRAME_BOTTOM
    fit_right = fitter.arrange(right_w, inner_h, ppu)
    if wall_boxes.button_on_top(fitter, fit_right[2]):  # room above the drawing for its top boxes' fold buttons
        inner_h -= fitter.fold_room
        fit_right = fitter.arrange(right_w, inner_h, ppu)
    fit_below = fitter.arrange(frame_w - 2 * SIDE_PX, below_h, ppu)
    if wall_boxes.button_on_top(fitter, fit_below[2]):
        below_h -= fitter.fold_room
        fit_below = fitter.arrange(frame_w - 2 * SIDE_PX, below_h, ppu)
    below = fit_below[1] > fit_right[1] * 1.04
    if fitter.wall:  # on the wall: the place whose folded boxes cut fewer names, when it keeps enough scale
        below = wall_boxes.fewer_cut_below(fitter.org_names, fit_right[1:], fit_below[1:], below)
    if below:
        return fit_below[2], frame_w - 2 * SIDE_PX, below_h, "below", col_w
    return fit_right[2], right_w, inner_h, "right", col_w


def _choose_on_screen(fitter: _Fitter) -> tuple[RingLayout, float, float, str]:
    """On the screen the legend on the right, or below a drawing that would be small beside it (always below on
    the projector). Returns (ring, room width px, room height px (unbounded), legend placement)."""
    ppu = PX_PER_UNIT[fitter.projector]
    legend_px = (legend_width(fitter.scale, LEGEND_UNIT_PX) + 0.8) * LEGEND_UNIT_PX
    room_w = fitter.card_w - 2 * SIDE_PX - LEGEND_GAP_PX - legend_px
    across, _, ring = fitter.arrange(room_w, room_w * 1.1, ppu)
    placement = "right"
    if fitter.projector or across < LEGEND_BELOW_PPU:
        placement, room_w = "below", (PROJECTOR_WIDTH if fitter.projector else fitter.card_w) - 2 * SIDE_PX
        _, _, ring = fitter.arrange(room_w, room_w * (1.3 if fitter.projector else 0.8), ppu, not fitter.projector)
    return ring, room_w, float("inf"), placement
