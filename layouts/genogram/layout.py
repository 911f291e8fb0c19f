"""Positions for the family part of the geno-sociogram: a generational (layered) layout.

Pure functions of the case, in layout units (a family symbol is 1 unit wide, rows are ``ROW`` apart,
``y = -generation * ROW``). Steps, after the best pedigree-layout practice:

1. generations (:func:`models.network.generations`): partners and co-parents share a row;
2. *blocks*: the partners of one row that are connected by couple ties, a person with several partners in
   the middle; children hang from a *sibship* (parents + children of one kind of parenthood);
3. crossing reduction by barycentre sweeps over blocks, siblings kept in birth order (or
   ``LayoutHints.sibling_order``), each block oriented so that a partner sits next to their own siblings;
4. horizontal positions: repeated exact row solves (weighted isotonic regression under minimum-gap
   constraints) that pull each sibship under its parents and each couple over its children;
   ``LayoutHints.pinned``: the first pinned person of a family part (by id) sits exactly at its pinned x
   (the part moves with it), further pins pull hard; rows come from the generations, so a pinned y is
   not used for family persons.

The family layout covers the whole history, so positions stay put when the as-of date moves.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from layouts.genogram.rows import LABEL_MARGIN, Layouter, solve_row
from layouts.genogram.structure import (
    COMPONENT_GAP,
    ROW,
    SIBLING_GAP,
    SINGLE_STUB,
    Couple,
    Sibship,
    StepLink,
    Structure,
    anchor_x,
    birth_key,
    kin_structure,
)
from models.case import Case
from models.vocabulary import ParentKind

__all__ = ["ROW", "SINGLE_STUB", "Couple", "FamilyLayout", "Sibship", "StepLink", "TwinSet", "anchor_x",
           "family_layout", "solve_row"]


UNDER_ROW = 2.1
"""Units a staggered row's lower name needs beside its drop and lines: from its symbol's centre to its name (0.23)
and from the lowest sibship bar over the next row (up to 1.7 above it) to that row, with a little air."""


@dataclass(frozen=True)
class TwinSet:
    """Twins (or triplets) of one sibship, drawn with lines from one point of the sibship's bar."""

    members: tuple[str, ...]            # left to right
    identical: bool


@dataclass
class FamilyLayout:
    """Where the family persons go, and the kinship structure to draw."""

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    generation: dict[str, int] = field(default_factory=dict)
    rows: dict[int, list[str]] = field(default_factory=dict)
    couples: list[Couple] = field(default_factory=list)
    sibships: list[Sibship] = field(default_factory=list)
    step_links: list[StepLink] = field(default_factory=list)
    twins: list[TwinSet] = field(default_factory=list)
    label_drop: dict[str, float] = field(default_factory=dict)
    """Persons whose name is drawn lower (units), every other one of a row too wide for its names side by side."""
    name_lines: dict[str, int] = field(default_factory=dict)
    """Persons whose name may take three lines (a row too wide for its names on two, even staggered)."""

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, xmax, ymin, ymax) of the symbol centres; zeros when empty."""
        if not self.positions:
            return (0.0, 0.0, 0.0, 0.0)
        xs = [p[0] for p in self.positions.values()]
        ys = [p[1] for p in self.positions.values()]
        return (min(xs), max(xs), min(ys), max(ys))


# --- public ------------------------------------------------------------------------------------------

def family_layout(case: Case, label_room: dict[str, float] | None = None, stagger_drop: float = 0.0,
                  tall_room: dict[str, float] | None = None, line: float = 0.0) -> FamilyLayout:
    """Positions and kinship structure of the family persons (the whole history; pure, deterministic).

    ``label_room``: person id -> half the width (units) their name needs; neighbours in a row are then at least
    as far apart as their names need (label-aware spacing), else the fixed gaps of :mod:`.structure`.
    ``stagger_drop``: the rows wider than the widest row would be with staggered names get them staggered: every
    other name drawn this much lower (units, the height of a name), so that only every other name needs room beside
    its neighbour's; the rows below move down as much. ``tall_room``: the half widths on three lines (``line``:
    units a line of a name is high), for a frame too narrow for names on two: a row too wide for the names on two
    lines even staggered takes three lines (plain, else staggered; :func:`row_plans`), and the rows below move
    down for them."""
    st = kin_structure(case)
    ids = sorted(st.persons, key=lambda p: birth_key(st.persons[p]))
    if not ids:
        return FamilyLayout()
    hints = {pid: i for i, pid in enumerate(case.layout.sibling_order)}
    pinned = {pid: pos.x for pid, pos in case.layout.pinned.items() if pid in st.persons}

    layouters = [Layouter(st, comp, hints, {p: v for p, v in pinned.items() if p in comp}, label_room)
                 for comp in _parts(case, st, ids)]
    for lay in layouters:
        lay.order()
    plans = _planned(layouters, label_room, tall_room) if stagger_drop > 0 and label_room else {}
    staggered = {g for g, (stagger, _) in plans.items() if stagger}
    three = {p for g, (_, tall) in plans.items() if tall for p in st.persons if st.gen[p] == g}
    if three and label_room and tall_room:
        label_room = {p: tall_room.get(p, r) if p in three else r for p, r in label_room.items()}
    row_y = _row_ys(set(st.gen.values()), plans, stagger_drop, line)
    result = FamilyLayout(generation=dict(st.gen))
    right_edge: float | None = None
    component_gap = max([COMPONENT_GAP] + [2 * r + LABEL_MARGIN for r in (label_room or {}).values()])
    for lay in layouters:
        lay.staggered, lay.label_room = staggered, label_room or {}
        xs = lay.place()
        has_pin = any(p in pinned for p in lay.ids)
        if right_edge is not None and not has_pin:
            shift = right_edge + component_gap - min(xs.values())
            xs = {p: v + shift for p, v in xs.items()}
        right_edge = max(xs.values()) if right_edge is None else max(right_edge, max(xs.values()))
        for g in lay.gens:
            result.rows.setdefault(g, []).extend(lay.rows[g].order())
            if g in staggered:  # every other name lower, the index person's not
                order = lay.rows[g].order()
                lower = order[0::2] if case.index_person in order[1::2] else order[1::2]
                result.label_drop.update((p, stagger_drop + (line if p in three else 0.0)) for p in lower)
        for pid, xv in xs.items():
            result.positions[pid] = (round(xv, 4), row_y[st.gen[pid]])
    for g in result.rows:
        result.rows[g].sort(key=lambda p: result.positions[p][0])

    result.name_lines = dict.fromkeys(sorted(three), 3)
    pos = result.positions
    for pair, rel in sorted(st.couples.items(), key=lambda kv: sorted(kv[0])):
        a, b = sorted(pair, key=lambda p: (pos[p][0], p))
        result.couples.append(Couple(a, b, rel))
    result.sibships = _sibships(st, pos)
    result.step_links = sorted(st.step_links, key=lambda s: s.relationship.id)
    result.twins = _twin_sets(st, pos)
    return result


def _parts(case: Case, st: Structure, ids: list[str]) -> list[list[str]]:
    """The connected family parts, the index person's first, then the largest."""
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(tuple(sorted(pair)) for pair in st.couples if len(pair) == 2)
    for child, by_kind in st.units.items():
        for parents in by_kind.values():
            graph.add_edges_from((p, child) for p in parents)
    graph.add_edges_from((a, b) for a, sibs in st.siblings.items() for b in sibs)
    graph.add_edges_from((s.parent, s.child) for s in st.step_links)
    components = [sorted(c) for c in nx.connected_components(graph)]
    index_first = [c for c in components if case.index_person in c]
    return index_first + sorted((c for c in components if case.index_person not in c),
                                key=lambda c: (-len(c), min(st.gen[p] for p in c), c[0]))


def _sibships(st: Structure, pos: dict[str, tuple[float, float]]) -> list[Sibship]:
    """The sibships to draw: each parenthood unit's children, and the secondary units (a foster couple for a child
    positioned under its birth parents)."""
    sibships: list[Sibship] = []
    for (kind, parents), kids in sorted(st.children_of_unit.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        all_kids = sorted({c for c, units in st.units.items() if units.get(kind) == parents},
                          key=lambda c: (pos[c][0], c))
        sibships.append(Sibship(parents, kind, tuple(all_kids), frozenset(kids)))
    # Secondary units (a foster couple for a child positioned under its birth parents).
    known = {(s.kind, s.parents) for s in sibships}
    extra: dict[tuple[ParentKind, tuple[str, ...]], list[str]] = defaultdict(list)
    for child, by_kind in st.units.items():
        for kind, parents in by_kind.items():
            if (kind, parents) not in known:
                extra[(kind, parents)].append(child)
    for (kind, parents), kids in sorted(extra.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        sibships.append(Sibship(parents, kind, tuple(sorted(kids, key=lambda c: (pos[c][0], c))),
                                frozenset()))
    return sibships


def _planned(layouters: list[Layouter], room: dict[str, float], tall_room: dict[str, float] | None
             ) -> dict[int, tuple[bool, bool]]:
    """:func:`row_plans` judged on the rows as ordered (the parts side by side)."""
    ordered: dict[int, list[str]] = defaultdict(list)
    for lay in layouters:
        for g in lay.gens:
            ordered[g].extend(lay.rows[g].order())
    return row_plans(ordered, room, tall_room)


def row_plans(rows: dict[int, list[str]], room: dict[str, float], tall_room: dict[str, float] | None = None
              ) -> dict[int, tuple[bool, bool]]:
    """How each generation's names go (``rows``: each generation's persons left to right): (staggered, on three
    lines). A row takes the first of plain, staggered (and with ``tall_room``, the half widths on three lines:
    plain on three lines, staggered on three) that is no wider than the widest row needs at its narrowest."""
    options = [(False, False), (True, False)] + ([(False, True), (True, True)] if tall_room else [])

    def width(row: list[str], stagger: bool, tall: bool) -> float:
        half = [(tall_room if tall and tall_room else room).get(p, 0.0) for p in row]
        if stagger:
            return sum(max(SIBLING_GAP, max(a, b) + LABEL_MARGIN / 2) for a, b in itertools.pairwise(half))
        return sum(max(SIBLING_GAP, a + b + LABEL_MARGIN) for a, b in itertools.pairwise(half))

    widest = max((width(r, *options[-1]) for r in rows.values()), default=0.0)
    return {g: next(o for o in options if width(r, *o) <= widest + 1e-6) for g, r in rows.items()}


def _row_ys(gens: set[int], plans: dict[int, tuple[bool, bool]], drop: float, line: float) -> dict[int, float]:
    """Each generation's y: :data:`ROW` apart, and further below a row with names lower or on three lines (a
    staggered row's next moves down a name's height, and further when its lower names would reach its sibship
    bars (:data:`UNDER_ROW`: from a symbol's centre down to the bars over the next row)."""
    def extra(g: int) -> float:
        stagger, tall = plans.get(g, (False, False))
        if stagger:
            d = drop + (line if tall else 0.0)
            return max(d, 2 * d - (ROW - UNDER_ROW))
        return max(0.0, 3 * line - (ROW - UNDER_ROW)) if tall else 0.0

    return {g: -(g * ROW + sum(extra(s) for s in gens if s < g)) for g in gens}


def _twin_sets(st: Structure, pos: dict[str, tuple[float, float]]) -> list[TwinSet]:
    """Twin ties between children of one sibship, joined into sets (triplets name each other in a chain)."""
    graph = nx.Graph()
    identical: set[frozenset[str]] = set()
    for pid, person in st.persons.items():
        twin = person.twin
        if twin is None or twin.of not in st.persons or twin.of == pid:
            continue
        if st.primary_unit.get(pid) is None or st.primary_unit.get(pid) != st.primary_unit.get(twin.of):
            continue
        graph.add_edge(pid, twin.of)
        if twin.identical:
            identical.add(frozenset((pid, twin.of)))
    sets = []
    for members in nx.connected_components(graph):
        ordered = tuple(sorted(members, key=lambda p: (pos[p][0], p)))
        pairs = {frozenset(e) for e in graph.subgraph(members).edges()}
        sets.append(TwinSet(ordered, bool(pairs) and pairs <= identical))
    return sorted(sets, key=lambda t: t.members)
