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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from models.case import Case, Person, Relationship
from models.network import generations
from models.vocabulary import Gender, ParentKind, RelationshipType

ROW = 5.4            # vertical distance between generations
SYMBOL = 1.0         # width of a family symbol
PARTNER_GAP = 3.3    # centre to centre, partners
SIBLING_GAP = 3.4    # centre to centre, other neighbours in a row
BLOCK_GAP = 3.8      # centre to centre between unrelated blocks
COMPONENT_GAP = 4.5  # between unconnected family parts
SINGLE_STUB = 1.05   # a single parent's children hang from a short stub beside the parent
PRIMARY_KINDS = (ParentKind.BIOLOGICAL, ParentKind.ADOPTIVE, ParentKind.FOSTER)


def anchor_x(parent_xs: list[float]) -> float:
    """Where a sibship hangs: the middle of the couple, or the stub to the right of a single parent."""
    if len(parent_xs) == 1:
        return parent_xs[0] + SINGLE_STUB
    return sum(parent_xs) / len(parent_xs)


@dataclass(frozen=True)
class Couple:
    """Two persons drawn as a couple: a partner tie, or co-parents without one (``relationship`` None)."""

    left: str
    right: str
    relationship: Relationship | None


@dataclass(frozen=True)
class Sibship:
    """Children hanging from one parent unit (one or two parents) for one kind of parenthood."""

    parents: tuple[str, ...]
    kind: ParentKind
    children: tuple[str, ...]           # left to right
    primary: frozenset[str]             # children positioned under this unit (others get a longer line)


@dataclass(frozen=True)
class StepLink:
    parent: str
    child: str
    relationship: Relationship


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

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, xmax, ymin, ymax) of the symbol centres; zeros when empty."""
        if not self.positions:
            return (0.0, 0.0, 0.0, 0.0)
        xs = [p[0] for p in self.positions.values()]
        ys = [p[1] for p in self.positions.values()]
        return (min(xs), max(xs), min(ys), max(ys))


# --- structure ---------------------------------------------------------------------------------------

def _birth_key(person: Person) -> tuple[int, int, int, str]:
    if person.birth is None:
        return (9999, 0, 0, person.id)
    return (*person.birth.sort_key(), person.id)


@dataclass
class _Structure:
    persons: dict[str, Person]
    gen: dict[str, int]
    couples: dict[frozenset[str], Relationship | None]
    units: dict[str, dict[ParentKind, tuple[str, ...]]]     # child -> kind -> parents
    primary_unit: dict[str, tuple[ParentKind, tuple[str, ...]]]
    children_of_unit: dict[tuple[ParentKind, tuple[str, ...]], list[str]]
    step_links: list[StepLink]
    siblings: dict[str, list[str]]                          # explicit sibling ties (parents not in the case)


def _structure(case: Case) -> _Structure:
    gen = generations(case)
    persons = {pid: p for pid, p in case.person_map().items() if pid in gen}
    couples: dict[frozenset[str], Relationship | None] = {}
    units: dict[str, dict[ParentKind, list[str]]] = defaultdict(lambda: defaultdict(list))
    step_links: list[StepLink] = []
    siblings: dict[str, list[str]] = defaultdict(list)
    for rel in case.relationships:
        if rel.source not in persons or rel.target not in persons or rel.source == rel.target:
            continue
        if rel.type == RelationshipType.PARTNER:
            pair = frozenset((rel.source, rel.target))
            previous = couples.get(pair)
            if previous is None or _rel_sort(rel) > _rel_sort(previous):
                couples[pair] = rel  # a couple that married twice: the latest tie
        elif rel.type == RelationshipType.SIBLING:
            siblings[rel.source].append(rel.target)
            siblings[rel.target].append(rel.source)
        elif rel.type == RelationshipType.PARENT:
            if rel.effective_parent_kind == ParentKind.STEP:
                step_links.append(StepLink(rel.source, rel.target, rel))
            elif rel.source not in units[rel.target][rel.effective_parent_kind]:
                units[rel.target][rel.effective_parent_kind].append(rel.source)
    clean: dict[str, dict[ParentKind, tuple[str, ...]]] = {}
    for child, by_kind in units.items():
        clean[child] = {}
        for kind, parents in by_kind.items():
            ordered = tuple(sorted(parents, key=lambda p: (persons[p].gender != Gender.MALE, p)))[:2]
            clean[child][kind] = ordered
            if len(ordered) == 2 and gen[ordered[0]] == gen[ordered[1]]:
                couples.setdefault(frozenset(ordered), None)
    primary_unit: dict[str, tuple[ParentKind, tuple[str, ...]]] = {}
    children_of_unit: dict[tuple[ParentKind, tuple[str, ...]], list[str]] = defaultdict(list)
    for child in sorted(clean):
        kind = next((k for k in PRIMARY_KINDS if k in clean[child]), None)
        if kind is not None:
            primary_unit[child] = (kind, clean[child][kind])
            children_of_unit[(kind, clean[child][kind])].append(child)
    # Step-parents already drawn as a parent of the same kind elsewhere need no extra line.
    step_links = [s for s in step_links if not any(s.parent in ps for ps in clean.get(s.child, {}).values())]
    return _Structure(persons, gen, couples, clean, primary_unit, dict(children_of_unit), step_links,
                      {k: sorted(set(v)) for k, v in siblings.items()})


def _rel_sort(rel: Relationship) -> tuple[tuple[int, int, int], str]:
    start = rel.start or rel.married
    return (start.sort_key() if start else (0, 0, 0), rel.id)


def _block_order(members: list[str], couples: Iterable[frozenset[str]], persons: dict[str, Person]) -> list[str]:
    """Left-to-right order of one partner block: along the chain, a person with many partners in the middle."""
    graph = nx.Graph()
    graph.add_nodes_from(members)
    for pair in couples:
        if pair <= set(members) and len(pair) == 2:
            graph.add_edge(*sorted(pair))
    if len(members) == 1:
        return list(members)
    degrees = dict(graph.degree())
    ends = sorted((m for m in members if degrees[m] == 1),
                  key=lambda m: (persons[m].gender != Gender.MALE, m))
    if max(degrees.values()) <= 2 and len(ends) == 2:
        return list(nx.shortest_path(graph, ends[0], ends[1]))  # a chain
    hub = min(members, key=lambda m: (-degrees[m], m))
    partners = sorted(graph.neighbors(hub))
    left = partners[: len(partners) // 2]
    right = partners[len(partners) // 2:]
    order = [*reversed(left), hub, *right]
    for member in sorted(members):
        if member not in order:  # a partner's partner: next to them
            anchor = next((n for n in graph.neighbors(member) if n in order), None)
            at = order.index(anchor) if anchor is not None else len(order) - 1
            order.insert(at + 1 if at >= order.index(hub) else at, member)
    return order


# --- ordering ----------------------------------------------------------------------------------------

@dataclass
class _Row:
    blocks: list[list[str]]

    def order(self) -> list[str]:
        return [m for block in self.blocks for m in block]


def _gap(a: str, b: str, couples: dict[frozenset[str], Relationship | None], same_block: bool,
         same_sibship: bool) -> float:
    if same_block and frozenset((a, b)) in couples:
        return PARTNER_GAP
    if same_block or same_sibship:
        return SIBLING_GAP
    return BLOCK_GAP


class _Layouter:
    """Layout of one connected family part."""

    def __init__(self, st: _Structure, ids: list[str], hints_order: dict[str, int],
                 pinned: dict[str, float]) -> None:
        self.st = st
        self.ids = ids
        self.hints = hints_order
        self.pinned = pinned
        idset = set(ids)
        self.sibship_of = {c: self.st.primary_unit[c] for c in ids if c in self.st.primary_unit}
        self.unit_children: dict[tuple[ParentKind, tuple[str, ...]], list[str]] = {
            unit: [c for c in kids if c in idset] for unit, kids in st.children_of_unit.items()
            if any(c in idset for c in kids)}
        self.children_of_person: dict[str, list[str]] = defaultdict(list)
        for unit, kids in self.unit_children.items():
            for parent in unit[1]:
                self.children_of_person[parent].extend(kids)
        # Blocks per generation.
        by_gen: dict[int, list[str]] = defaultdict(list)
        for pid in ids:
            by_gen[st.gen[pid]].append(pid)
        self.gens = sorted(by_gen)
        couple_graph = nx.Graph()
        couple_graph.add_nodes_from(ids)
        for pair in st.couples:
            a, b = sorted(pair)
            if a in idset and b in idset and st.gen[a] == st.gen[b]:
                couple_graph.add_edge(a, b)
        self.rows: dict[int, _Row] = {}
        for g in self.gens:
            members = sorted(by_gen[g], key=lambda p: _birth_key(st.persons[p]))
            blocks: list[list[str]] = []
            seen: set[str] = set()
            for pid in members:
                if pid in seen:
                    continue
                comp = sorted(nx.node_connected_component(couple_graph, pid))
                seen.update(comp)
                blocks.append(_block_order(comp, st.couples, st.persons))
            self.rows[g] = _Row(blocks)
        self.x: dict[str, float] = {}

    # -- helpers
    def _row_x(self, g: int) -> dict[str, float]:
        """Slot positions of a row from its current order (cumulative minimum gaps)."""
        order = self.rows[g].order()
        xs: dict[str, float] = {}
        pos = 0.0
        for i, pid in enumerate(order):
            if i:
                pos += self._gap_between(order[i - 1], pid, g)
            xs[pid] = pos
        mid = pos / 2  # rows share a frame centred on 0
        return {pid: x - mid for pid, x in xs.items()}

    def _gap_between(self, a: str, b: str, g: int) -> float:
        same_block = any(a in blk and b in blk for blk in self.rows[g].blocks)
        same_sib = a in self.sibship_of and self.sibship_of.get(a) == self.sibship_of.get(b)
        return _gap(a, b, self.st.couples, same_block, same_sib)

    def _unit_anchor(self, unit: tuple[ParentKind, tuple[str, ...]], xs: dict[str, float]) -> float | None:
        parents = [p for p in unit[1] if p in xs]
        if not parents:
            return None
        return anchor_x([xs[p] for p in parents])

    def _sort_blocks(self, g: int, key: dict[int, float]) -> None:
        row = self.rows[g]
        indexed = list(enumerate(row.blocks))

        def block_key(item: tuple[int, list[str]]) -> tuple:
            i, block = item
            first = min(block, key=lambda m: _birth_key(self.st.persons[m]))
            return (round(key.get(i, float(i)), 6), _birth_key(self.st.persons[first]))

        row.blocks = [blk for _, blk in sorted(indexed, key=block_key)]
        self._enforce_sibling_order(g)

    def _enforce_sibling_order(self, g: int) -> None:
        """Siblings of one sibship keep birth order (or the saved sibling order) among their slots."""
        row = self.rows[g]
        block_of = {m: i for i, blk in enumerate(row.blocks) for m in blk}
        for _unit, kids in sorted(self.unit_children.items(), key=lambda kv: kv[1]):
            here = [k for k in kids if k in block_of]
            slots = sorted({block_of[k] for k in here})
            if len(slots) < 2 or len(slots) != len(here):
                continue
            ordered = sorted(here, key=lambda k: _birth_key(self.st.persons[k]))
            hinted = [k for k in ordered if k in self.hints]
            hinted_slots = [i for i, k in enumerate(ordered) if k in self.hints]
            for i, k in zip(hinted_slots, sorted(hinted, key=lambda k: self.hints[k]), strict=True):
                ordered[i] = k
            blocks = [row.blocks[block_of[k]] for k in ordered]
            for slot, blk in zip(slots, blocks, strict=True):
                row.blocks[slot] = blk
            block_of = {m: i for i, blk in enumerate(row.blocks) for m in blk}
        # Saved left-to-right order across sibships too (e.g. cousins).
        hinted_blocks = sorted({block_of[m] for m in block_of if m in self.hints})
        if len(hinted_blocks) > 1:
            by_hint = sorted(hinted_blocks, key=lambda i: min(self.hints[m] for m in row.blocks[i] if m in self.hints))
            new = list(row.blocks)
            for slot, i in zip(hinted_blocks, by_hint, strict=True):
                new[slot] = row.blocks[i]
            row.blocks = new

    def _orient_blocks(self, g: int) -> None:
        """Flip a partner block when that lowers the score (crossings, siblings kept together)."""
        row = self.rows[g]
        below = [r for r in self.gens if r > g]
        for i, block in enumerate(row.blocks):
            if len(block) < 2:
                continue
            before = self._score()
            saved = {r: [list(b) for b in self.rows[r].blocks] for r in below}
            row.blocks[i] = list(reversed(block))
            for r in below:  # let the rows below follow before judging the flip
                xs = self._row_x(r)
                self._sort_blocks(r, self._block_keys(r, self._down_targets(r, self._row_x(r - 1), xs), xs))
            if self._score() >= before:
                row.blocks[i] = block
                for r in below:
                    self.rows[r].blocks = saved[r]

    def _down_targets(self, g: int, above: dict[str, float], xs: dict[str, float]) -> dict[str, float]:
        targets: dict[str, float] = {}
        for pid in self.rows[g].order():
            unit = self.sibship_of.get(pid)
            anchor = self._unit_anchor(unit, above) if unit is not None else None
            if anchor is None:
                sibs = [xs[s] for s in self.st.siblings.get(pid, []) if s in xs]
                if sibs:
                    targets[pid] = sum(sibs) / len(sibs)
                continue
            assert unit is not None
            sibs = [s for s in self.unit_children.get(unit, []) if s in xs and s != pid]
            # Toward the anchor, and toward the siblings already in the row.
            if sibs:
                anchor = 0.5 * anchor + 0.5 * (sum(xs[s] for s in sibs) / len(sibs))
            targets[pid] = anchor
        return targets

    def _up_targets(self, g: int, below: dict[str, float]) -> dict[str, float]:
        targets: dict[str, float] = {}
        for pid in self.rows[g].order():
            kids = [k for k in self.children_of_person.get(pid, []) if k in below]
            if kids:
                targets[pid] = sum(below[k] for k in kids) / len(kids)
        here = self._row_x(g)
        for pid in self.rows[g].order():
            sibs = [here[s] for s in self.st.siblings.get(pid, []) if s in here]
            if pid not in targets and sibs:
                targets[pid] = sum(sibs) / len(sibs)
        return targets

    def _score(self, gens: Iterable[int] | None = None) -> int:
        """10 per crossing of parent-child lines, plus 1 per person inside a sibship's span or between
        explicit siblings (rows ``gens``; all rows when None)."""
        gens = self.gens if gens is None else list(gens)
        xs_by_gen = {g: self._row_x(g) for g in self.rows}
        total = 0
        for g in gens:
            here = xs_by_gen[g]
            above = xs_by_gen.get(g - 1)
            if above is not None:
                edges = []
                for child, unit in self.sibship_of.items():
                    if child in here:
                        anchor = self._unit_anchor(unit, above)
                        if anchor is not None:
                            edges.append((anchor, here[child]))
                edges.sort()
                for i in range(len(edges)):
                    for j in range(i + 1, len(edges)):
                        if edges[i][0] < edges[j][0] and edges[i][1] > edges[j][1]:
                            total += 10
            order = self.rows[g].order()
            where = {p: i for i, p in enumerate(order)}
            for kids in self.unit_children.values():
                ranks = [where[k] for k in kids if k in where]
                if len(ranks) > 1:
                    total += max(ranks) - min(ranks) + 1 - len(ranks)
            for pid, sibs in self.st.siblings.items():
                for sib in sibs:
                    if pid < sib and pid in where and sib in where:
                        total += abs(where[pid] - where[sib]) - 1
        return total

    # -- main
    def order(self) -> None:
        def snapshot() -> dict[int, list[list[str]]]:
            return {g: [list(b) for b in self.rows[g].blocks] for g in self.gens}

        best = snapshot()
        best_cross = self._score()
        for _sweep in range(6):
            for g in self.gens[1:]:  # down
                above = self._row_x(g - 1) if g - 1 in self.rows else {}
                xs = self._row_x(g)
                targets = self._down_targets(g, above, xs)
                key = self._block_keys(g, targets, xs)
                self._sort_blocks(g, key)
                self._orient_blocks(g)
            for g in reversed(self.gens[:-1]):  # up
                below = self._row_x(g + 1) if g + 1 in self.rows else {}
                xs = self._row_x(g)
                targets = self._up_targets(g, below)
                key = self._block_keys(g, targets, xs)
                self._sort_blocks(g, key)
                self._orient_blocks(g)
            cross = self._score()
            if cross < best_cross:
                best, best_cross = snapshot(), cross
            if best_cross == 0:
                break
        for g in self.gens:
            self.rows[g].blocks = best[g]
        for g in self.gens:
            self._orient_blocks(g)

    def _block_keys(self, g: int, targets: dict[str, float], xs: dict[str, float]) -> dict[int, float]:
        keys: dict[int, float] = {}
        for i, block in enumerate(self.rows[g].blocks):
            vals = [targets[m] for m in block if m in targets]
            keys[i] = sum(vals) / len(vals) if vals else sum(xs[m] for m in block) / len(block)
        return keys

    def place(self, iterations: int = 40) -> dict[str, float]:
        """Horizontal positions for the current order."""
        x: dict[str, float] = {}
        for g in self.gens:
            x.update(self._row_x(g))
        if self.pinned:  # the first pinned person moves the whole part; further pins pull hard
            first = min(self.pinned)
            shift = self.pinned[first] - x[first]
            x = {pid: value + shift for pid, value in x.items()}
        for it in range(iterations):
            moved = 0.0
            sweep = self.gens if it % 2 == 0 else list(reversed(self.gens))
            for g in sweep:
                moved = max(moved, self._solve_row(g, x))
            if moved < 1e-4:
                break
        if self.pinned:
            first = min(self.pinned)
            shift = self.pinned[first] - x[first]
            x = {pid: value + shift for pid, value in x.items()}
        return x

    def _solve_row(self, g: int, x: dict[str, float]) -> float:
        order = self.rows[g].order()
        wsum: dict[str, float] = defaultdict(float)
        tsum: dict[str, float] = defaultdict(float)

        def pull(pid: str, target: float, weight: float) -> None:
            wsum[pid] += weight
            tsum[pid] += weight * target

        # Children: the sibship's centre under its parents' anchor.
        for unit, kids in self.unit_children.items():
            here = [k for k in kids if k in x and self.st.gen[k] == g]
            parents = [p for p in unit[1] if p in x]
            if not here or not parents:
                continue
            anchor = anchor_x([x[p] for p in parents])
            centre = sum(x[k] for k in here) / len(here)
            for k in here:
                pull(k, x[k] + anchor - centre, 1.0)
        # Parents: their anchor over their children's centre.
        for unit, kids in self.unit_children.items():
            parents = [p for p in unit[1] if p in x and self.st.gen[p] == g]
            below = [k for k in kids if k in x]
            if not parents or not below:
                continue
            anchor = anchor_x([x[p] for p in unit[1] if p in x])
            centre = sum(x[k] for k in below) / len(below)
            for p in parents:
                pull(p, x[p] + centre - anchor, 1.0)
        # Partners close together; explicit siblings near each other.
        for i in range(len(order) - 1):
            a, b = order[i], order[i + 1]
            if frozenset((a, b)) in self.st.couples:
                pull(a, x[b] - PARTNER_GAP, 2.0)
                pull(b, x[a] + PARTNER_GAP, 2.0)
        for pid in order:
            for sib in self.st.siblings.get(pid, []):
                if sib in x and self.st.gen.get(sib) == g:
                    side = 1 if x[pid] >= x[sib] else -1
                    pull(pid, x[sib] + side * SIBLING_GAP, 0.5)
        for pid in order:
            if pid in self.pinned:
                pull(pid, self.pinned[pid], 1000.0)
            pull(pid, x[pid], 0.05)  # inertia
        gaps = [self._gap_between(order[i], order[i + 1], g) for i in range(len(order) - 1)]
        targets = [tsum[p] / wsum[p] for p in order]
        weights = [wsum[p] for p in order]
        new = solve_row(targets, weights, gaps)
        moved = max(abs(n - x[p]) for n, p in zip(new, order, strict=True))
        for n, p in zip(new, order, strict=True):
            x[p] = n
        return moved


def solve_row(targets: list[float], weights: list[float], gaps: list[float]) -> list[float]:
    """Minimise sum w_i (x_i - t_i)^2 subject to x_{i+1} - x_i >= gap_i (exact; pool adjacent violators)."""
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    # With y_i = x_i - offset_i the constraints become y non-decreasing: isotonic regression.
    blocks: list[list[float]] = []  # [weighted sum, weight, count]
    for t, w, off in zip(targets, weights, offsets, strict=True):
        blocks.append([w * (t - off), w, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, ww, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += ww
            blocks[-1][2] += c
    ys: list[float] = []
    for s, w, c in blocks:
        ys.extend([s / w] * int(c))
    return [y + off for y, off in zip(ys, offsets, strict=True)]


# --- public ------------------------------------------------------------------------------------------

def family_layout(case: Case) -> FamilyLayout:
    """Positions and kinship structure of the family persons (the whole history; pure, deterministic)."""
    st = _structure(case)
    ids = sorted(st.persons, key=lambda p: _birth_key(st.persons[p]))
    if not ids:
        return FamilyLayout()
    hints = {pid: i for i, pid in enumerate(case.layout.sibling_order)}
    pinned = {pid: pos.x for pid, pos in case.layout.pinned.items() if pid in st.persons}

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
    rest = sorted((c for c in components if case.index_person not in c),
                  key=lambda c: (-len(c), min(st.gen[p] for p in c), c[0]))
    result = FamilyLayout(generation=dict(st.gen))
    right_edge: float | None = None
    for comp in index_first + rest:
        lay = _Layouter(st, comp, hints, {p: v for p, v in pinned.items() if p in comp})
        lay.order()
        xs = lay.place()
        has_pin = any(p in pinned for p in comp)
        if right_edge is not None and not has_pin:
            shift = right_edge + COMPONENT_GAP - min(xs.values())
            xs = {p: v + shift for p, v in xs.items()}
        right_edge = max(xs.values()) if right_edge is None else max(right_edge, max(xs.values()))
        for g in lay.gens:
            result.rows.setdefault(g, []).extend(lay.rows[g].order())
        for pid, xv in xs.items():
            result.positions[pid] = (round(xv, 4), -st.gen[pid] * ROW)
    for g in result.rows:
        result.rows[g].sort(key=lambda p: result.positions[p][0])

    pos = result.positions
    for pair, rel in sorted(st.couples.items(), key=lambda kv: sorted(kv[0])):
        a, b = sorted(pair, key=lambda p: (pos[p][0], p))
        result.couples.append(Couple(a, b, rel))
    for (kind, parents), kids in sorted(st.children_of_unit.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        all_kids = sorted({c for c, units in st.units.items() if units.get(kind) == parents},
                          key=lambda c: (pos[c][0], c))
        result.sibships.append(Sibship(parents, kind, tuple(all_kids), frozenset(kids)))
    # Secondary units (a foster couple for a child positioned under its birth parents).
    known = {(s.kind, s.parents) for s in result.sibships}
    extra: dict[tuple[ParentKind, tuple[str, ...]], list[str]] = defaultdict(list)
    for child, by_kind in st.units.items():
        for kind, parents in by_kind.items():
            if (kind, parents) not in known:
                extra[(kind, parents)].append(child)
    for (kind, parents), kids in sorted(extra.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        result.sibships.append(Sibship(parents, kind, tuple(sorted(kids, key=lambda c: (pos[c][0], c))),
                                       frozenset()))
    result.step_links = sorted(st.step_links, key=lambda s: s.relationship.id)
    result.twins = _twin_sets(st, pos)
    return result


def _twin_sets(st: _Structure, pos: dict[str, tuple[float, float]]) -> list[TwinSet]:
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
