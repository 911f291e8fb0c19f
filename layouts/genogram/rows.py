"""Ordering and placing the family rows of the geno-sociogram: crossing reduction by barycentre sweeps over
partner blocks, then horizontal positions by repeated exact row solves (:func:`.row_solve.solve_row`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

from layouts.genogram.row_solve import into_span, solve_row
from layouts.genogram.sibling_order import couple_key, enforce_sibling_order, wife_left
from layouts.genogram.structure import BLOCK_GAP, PARTNER_GAP, SIBLING_GAP, Structure, anchor_x, birth_key, block_order
from models.case import Relationship
from models.vocabulary import ParentKind

__all__ = ["LABEL_MARGIN", "Layouter", "solve_row"]

LABEL_MARGIN = 0.5  # units between two neighbours' names when the names set the gap
COMPACTING = 0.3  # weight of the pull between row neighbours when the rows are spaced for names

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


class Layouter:
    """Layout of one connected family part."""

    def __init__(self, st: Structure, ids: list[str], hints_order: dict[str, int],
                 pinned: dict[str, float], label_room: dict[str, float] | None = None,
                 staggered: set[int] | frozenset[int] = frozenset()) -> None:
        self.st = st
        self.label_room = label_room or {}
        self.staggered = staggered  # generations whose every other name is drawn lower
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
            members = sorted(by_gen[g], key=lambda p: birth_key(st.persons[p]))
            blocks: list[list[str]] = []
            seen: set[str] = set()
            for pid in members:
                if pid in seen:
                    continue
                comp = sorted(nx.node_connected_component(couple_graph, pid))
                seen.update(comp)
                blocks.append(block_order(comp, st.couples, st.persons))
            self.rows[g] = _Row(blocks)
        self.x: dict[str, float] = {}
        self.interleaved: set[tuple[ParentKind, tuple[str, ...]]] = set()

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
        gap = _gap(a, b, self.st.couples, same_block, same_sib)
        if self.label_room:  # room for both names (half widths, units) beside each other
            room_a, room_b = self.label_room.get(a, 0.0), self.label_room.get(b, 0.0)
            # staggered, a name only needs room beside the next but one (the sum of two such gaps)
            need = max(room_a, room_b) + LABEL_MARGIN / 2 if g in self.staggered else room_a + room_b + LABEL_MARGIN
            gap = max(gap, need)
        return gap

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
            first = min(block, key=lambda m: birth_key(self.st.persons[m]))
            return (round(key.get(i, float(i)), 6), birth_key(self.st.persons[first]))

        row.blocks = [blk for _, blk in sorted(indexed, key=block_key)]
        self._enforce_sibling_order(g)

    def _enforce_sibling_order(self, g: int) -> None:
        """Siblings of one sibship keep birth order (or the saved sibling order) among their slots, a sibling
        married into another family at the end next to their partner (:mod:`.sibling_order`)."""
        row = self.rows[g]
        row.blocks = enforce_sibling_order(row.blocks, self.unit_children, self.sibship_of,
                                           lambda k: birth_key(self.st.persons[k]), self.hints)

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

    def _score(self, gens: Iterable[int] | None = None, spouses: bool = True) -> int:
        """10 per crossing of parent-child lines, plus 1 per person inside a sibship's span (``spouses``: partners
        without parents in the case too) or between explicit siblings (rows ``gens``; all rows when None)."""
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
                    inside = order[min(ranks):max(ranks) + 1]
                    total += sum(p not in kids and (spouses or p in self.sibship_of) for p in inside)
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
        self._mirror_if_conventional()
        self._orient_couples()

    def _mirror_if_conventional(self) -> None:
        """Genograms draw a husband left of his wife: when the couples joining two families of a row have them the
        other way round, the mirrored order (siblings back in birth order) is taken if it costs no crossing and puts
        no child among another sibship's (a spouse may end up between their partner's siblings)."""
        before = {g: [list(b) for b in self.rows[g].blocks] for g in self.gens}
        wrong, score = self._wives_left(), self._score(spouses=False)
        for g in self.gens:
            self.rows[g].blocks = [list(reversed(b)) for b in reversed(self.rows[g].blocks)]
            self._enforce_sibling_order(g)
        if self._wives_left() >= wrong or self._score(spouses=False) > score:
            for g in self.gens:
                self.rows[g].blocks = before[g]

    def _orient_couples(self) -> None:
        """A couple block turned when that costs nothing else: a spouse without parents in the case on their
        partner's outer side (away from the partner's siblings), else the husband on the left."""
        for g in self.gens:
            xs = self._row_x(g)
            known = (xs, self.sibship_of, self.unit_children, self.st.persons)
            for i, block in enumerate(self.rows[g].blocks):
                if len(block) == 2 and couple_key(block[::-1], *known) < couple_key(block, *known):
                    score = self._score(spouses=False)
                    self.rows[g].blocks[i] = block[::-1]
                    if self._score(spouses=False) > score:
                        self.rows[g].blocks[i] = block

    def _wives_left(self) -> int:
        return sum(wife_left(block, self.sibship_of, self.st.persons) for g in self.gens
                   for block in self.rows[g].blocks)

    def _block_keys(self, g: int, targets: dict[str, float], xs: dict[str, float]) -> dict[int, float]:
        keys: dict[int, float] = {}
        for i, block in enumerate(self.rows[g].blocks):
            vals = [targets[m] for m in block if m in targets]
            keys[i] = sum(vals) / len(vals) if vals else sum(xs[m] for m in block) / len(block)
        return keys

    def place(self, iterations: int = 40) -> dict[str, float]:
        """Horizontal positions for the current order."""
        self.interleaved = self._interleaved()
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

    def _interleaved(self) -> set[tuple[ParentKind, tuple[str, ...]]]:
        """The sibships with a child of another sibship between theirs in the row (as birth order leaves the
        siblings of two partners): centred under their parents they would push their outer children far out, so
        their bar only has to reach under the parents."""
        found = set()
        for unit, kids in self.unit_children.items():
            for g in {self.st.gen[k] for k in kids}:
                order = self.rows[g].order()
                ranks = [i for i, p in enumerate(order) if p in kids]
                inside = order[min(ranks) + 1:max(ranks)] if ranks else []
                if any(self.sibship_of.get(p) not in (None, unit) for p in inside):
                    found.add(unit)
        return found

    def _pull_sibships(self, g: int, x: dict[str, float], pull: Callable[[str, float, float], None]) -> None:
        """Children of row ``g``: their sibship's centre under its parents' anchor; parents in it: their anchor
        over their children's centre (an interleaved sibship: its bar only has to reach under the anchor)."""
        for unit, kids in self.unit_children.items():
            placed, parents = [k for k in kids if k in x], [p for p in unit[1] if p in x]
            if not placed or not parents:
                continue
            anchor, interleaved = anchor_x([x[p] for p in parents]), unit in self.interleaved
            here = [k for k in placed if self.st.gen[k] == g]
            if here:
                xs = [x[k] for k in here]
                shift = into_span(anchor, xs) if interleaved else anchor - sum(xs) / len(xs)
                for k in here:
                    pull(k, x[k] + shift, 1.0)
            xs = [x[k] for k in placed]
            shift = -into_span(anchor, xs) if interleaved else sum(xs) / len(xs) - anchor
            for p in parents:
                if self.st.gen[p] == g:
                    pull(p, x[p] + shift, 1.0)

    def _solve_row(self, g: int, x: dict[str, float]) -> float:
        order = self.rows[g].order()
        wsum: dict[str, float] = defaultdict(float)
        tsum: dict[str, float] = defaultdict(float)

        def pull(pid: str, target: float, weight: float) -> None:
            wsum[pid] += weight
            tsum[pid] += weight * target

        self._pull_sibships(g, x, pull)
        # Partners close together; explicit siblings near each other; spaced for names, neighbours a little
        # toward each other (the row no wider than it needs: the names take the width).
        for i in range(len(order) - 1):
            a, b = order[i], order[i + 1]
            if frozenset((a, b)) in self.st.couples:
                pull(a, x[b] - PARTNER_GAP, 2.0)
                pull(b, x[a] + PARTNER_GAP, 2.0)
            elif self.label_room:
                gap = self._gap_between(a, b, g)
                pull(a, x[b] - gap, COMPACTING)
                pull(b, x[a] + gap, COMPACTING)
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
