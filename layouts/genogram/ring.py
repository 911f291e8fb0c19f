"""Positions for the people around the family: informal network and professionals by organisation.

The family block sits in the middle. Around it, in sectors by organisation type:

* **left**: the informal network (neighbour, coach, friend…), each next to the family member they relate to;
* **bottom**: school, local team and youth care (they work with the children in the lowest rows);
* **right**: protection and justice (Veilig Thuis, Child Protection Board, certified institution, court,
  police), then health (GP, mental health, hospital, addiction care) and other organisations.

Professionals are grouped in one box per organisation; a collapsed organisation is one node with a count.
Items are placed along their side by an exact 1-D least-squares solve (pulled toward the family members
they work with, never overlapping); a column that grows too long wraps into a second column.
Pure and deterministic; units as in :mod:`layouts.genogram.layout`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import networkx as nx

from layouts.genogram.layout import solve_row
from models.case import Case
from models.network import org_key

CELL_W = 3.0          # width of one person cell (symbol and two label lines)
CELL_H = 2.5          # height of one person cell
HEADER_H = 1.0        # organisation name above its members
PAD = 0.3             # inside an organisation box
ITEM_GAP = 0.7        # between items on a side
MARGIN = 1.6          # between the family block and the ring
COLLAPSED_W = 3.8
COLLAPSED_H = 2.5
MAX_COLS = 3          # members per row inside an organisation box

SECTORS: dict[str, tuple[str, int]] = {
    # organisation type -> (side, order on that side)
    "school": ("bottom", 0),
    "local_team": ("bottom", 1),
    "municipality": ("bottom", 2),
    "youth_care_provider": ("bottom", 3),
    "foster_care": ("bottom", 4),
    "closed_youth_care": ("bottom", 5),
    "childcare": ("bottom", 0),
    "special_education_partnership": ("bottom", 0),
    "compulsory_education": ("bottom", 2),
    "youth_health_care": ("bottom", 1),
    "midwife": ("bottom", 1),
    "housing_corporation": ("bottom", 2),
    "debt_assistance": ("bottom", 2),
    "public_prosecution": ("right", 3),
    "probation": ("right", 4),
    "veilig_thuis": ("right", 0),
    "child_protection_board": ("right", 1),
    "certified_institution": ("right", 2),
    "juvenile_court": ("right", 3),
    "police": ("right", 4),
    "gp": ("right", 5),
    "youth_mental_health": ("right", 6),
    "adult_mental_health": ("right", 7),
    "addiction_care": ("right", 8),
    "hospital": ("right", 9),
    "other": ("right", 10),
}


@dataclass
class RingItem:
    """One thing on the ring: a network person, an organisation (open or collapsed) or a lone professional."""

    key: str                       # person id, or "org:<id>"
    side: str                      # "left", "bottom" or "right"
    order: int                     # sector order on the side
    members: list[str]
    collapsed: bool = False
    organisation: str | None = None
    width: float = CELL_W
    height: float = CELL_H
    x: float = 0.0                 # centre
    y: float = 0.0
    target: tuple[float, float] = (0.0, 0.0)
    cell_w: float = CELL_W         # width of a member's cell (organisations)
    header_h: float = HEADER_H     # room for the organisation's name above its members
    member_positions: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(x0, x1, y0, y1)."""
        return (self.x - self.width / 2, self.x + self.width / 2, self.y - self.height / 2, self.y + self.height / 2)


@dataclass
class RingLayout:
    items: list[RingItem] = field(default_factory=list)
    title_font: int = 0  # px the folded boxes were sized for their names at (0: not sized)

    def positions(self) -> dict[str, tuple[float, float]]:
        """Person id (or ``org:<id>`` for collapsed organisations) -> centre of its mark."""
        out: dict[str, tuple[float, float]] = {}
        for item in self.items:
            out.update(item.member_positions)
            if item.collapsed:
                out[item.key] = (item.x, item.y)
        return out

    def anchor_of(self) -> dict[str, str]:
        """Person id -> the key of the mark that stands for them (themselves, or their collapsed organisation)."""
        out: dict[str, str] = {}
        for item in self.items:
            for member in item.members:
                out[member] = item.key if item.collapsed else member
        return out


def should_collapse(org_sizes: dict[str, int], mode: object, saved: Iterable[str]) -> set[str]:
    """Which organisations to collapse: ``"auto"`` (all when more than 20 professionals are shown,
    else those with more than 4), ``True``/``"all"``, ``False``/``"none"``, or an iterable of organisation ids.
    Organisations in ``LayoutHints.collapsed_organisations`` are collapsed in ``"auto"`` mode too."""
    if mode is True or mode == "all":
        return set(org_sizes)
    if mode is False or mode == "none" or mode is None:
        return set()
    if isinstance(mode, str):
        chosen = set(saved) & set(org_sizes)
        if sum(org_sizes.values()) > 20:
            return set(org_sizes)
        return chosen | {o for o, n in org_sizes.items() if n > 4}
    return set(mode) & set(org_sizes)  # type: ignore[call-overload]


def ring_layout(case: Case, graph: nx.MultiDiGraph, family_pos: dict[str, tuple[float, float]],
                family_box: tuple[float, float, float, float], *, index_y: float | None = None,
                show_network: bool = True,
                show_professionals: bool = True, collapse: object = "auto",
                titles: dict[str, tuple[float, float]] | None = None, cell_w: float = CELL_W,
                columns: int | None = None, all_right: bool = False, from_top: bool = False,
                size_collapsed: bool = True, all_below: float = 0.0, above: bool = False,
                network_cells: tuple[dict[str, float], float] | None = None, above_band: float = 1.0) -> RingLayout:
    """Place the shown non-family persons of ``graph`` around ``family_box`` (x0, x1, y0, y1).

    ``titles``: organisation id -> (width, height) its name needs above the members (the box is at least that
    wide); ``cell_w``: a member's cell width; ``columns``: the number of columns on the right (None: as many as
    the family's height leaves room for, at most three); ``all_right``: the bottom sectors go to the right too
    (for a wide frame); ``from_top``: the columns on the right may start as high as the family's top row;
    ``size_collapsed``: collapsed organisations sized for their names too (else small, the name cut);
    ``all_below``: every organisation in rows below the family, in a band up to this many times its width (0: no);
    ``above``: the informal network in rows above the family instead of a column on its left (the family gets the
    frame's width; rows up to ``above_band`` times its width); ``network_cells``: (each network person's cell width,
    as wide as their name on two lines, there or in the column on the left; the cells' height in those rows)."""
    orgs = case.organisation_map()
    nodes = graph.nodes
    network = [n for n, d in nodes(data=True) if d.get("node") == "person" and not d.get("genogram")
               and d.get("kind") != "professional"] if show_network else []
    pros = [n for n, d in nodes(data=True) if d.get("node") == "person" and d.get("kind") == "professional"] \
        if show_professionals else []
    by_org, loners = _by_organisation(pros, nodes, orgs)
    collapsed = should_collapse({o: len(m) for o, m in by_org.items()}, collapse,
                                case.layout.collapsed_organisations)

    targets = partial(_target, _anchor_points(graph, family_pos), family_box)

    items = _network_items(network, above, (network_cells or ({}, CELL_H))[0], targets)
    for org_id in sorted(by_org, key=lambda o: (orgs[o].name, o)):
        members = sorted(by_org[org_id], key=lambda p: (nodes[p]["label"], p))
        side, order = SECTORS.get(orgs[org_id].type.value, ("right", 10))
        if all_right and side == "bottom":
            side, order = "right", order - 10
        elif all_below and side == "right":
            side, order = "bottom", order + 10
        item = RingItem(org_key(org_id), side, order, members, collapsed=org_id in collapsed,
                        organisation=org_id, target=targets(members))
        _size(item, (titles or {}).get(org_id, (0.0, HEADER_H)), cell_w, size_collapsed)
        items.append(item)
    for pid in sorted(loners):
        items.append(RingItem(pid, "right", 11, [pid], target=targets([pid])))

    x0, x1, y0, y1 = family_box
    bottom = [i for i in items if i.side == "bottom"]
    _place_rows(bottom, (x0 + x1) / 2, y0 - MARGIN, max(x1 - x0, 16.0) * (all_below or 1.0))
    band_x0 = min([x0, *(i.box[0] for i in bottom)])
    band_x1 = max([x1, *(i.box[1] for i in bottom)])
    band_y0 = min([y0 - MARGIN, *(i.box[2] for i in bottom)])
    # Columns beside the family, from about the index person's row down beside the bottom band.
    # Start just below the index person's symbol: lines then come from below, not through the row.
    cap = min(y1, index_y - 1.0) if index_y is not None and not from_top else y1
    limit = max(cap - band_y0, 12.0)
    _place_columns([i for i in items if i.side == "right"], band_x1 + MARGIN, +1, limit, cap, columns)
    _place_columns([i for i in items if i.side == "left"], band_x0 - MARGIN, -1, max(y1 - band_y0, 12.0), y1 + 2.0)
    _place_above([i for i in items if i.side == "top"], family_box, network_cells, above_band)
    for item in items:
        _place_members(item)
    _apply_pins(case, items)
    return RingLayout(items)


def _network_items(network: list[str], above: bool, cells: dict[str, float],
                   targets: Callable[[list[str]], tuple[float, float]]) -> list[RingItem]:
    """The informal network's items: in rows above the family, or in a column on its left as wide as each name
    needs (``cells``)."""
    return [RingItem(pid, "top" if above else "left", 0, [pid], target=targets([pid]),
                     width=CELL_W if above else max(CELL_W, cells.get(pid, CELL_W))) for pid in sorted(network)]


def _by_organisation(pros: list[str], nodes: Any, orgs: Collection[str]) -> tuple[dict[str, list[str]], list[str]]:
    """The professionals by their organisation, and those of none (or of an unknown one)."""
    by_org: dict[str, list[str]] = {}
    loners: list[str] = []
    for pid in pros:
        org = nodes[pid].get("organisation")
        if org in orgs:
            by_org.setdefault(org, []).append(pid)
        else:
            loners.append(pid)
    return by_org, loners


def _place_above(items: list[RingItem], family_box: tuple[float, float, float, float],
                 cells: tuple[dict[str, float], float] | None, band: float = 1.0) -> None:
    """The informal network in rows above the family, each person's cell as wide as their name needs
    (``cells``: widths by person, and the cells' height), the rows no wider than ``band`` times the family."""
    if not items:
        return
    for item in items:
        item.width, item.height = (cells or ({}, CELL_H))[0].get(item.key, CELL_W), (cells or ({}, CELL_H))[1]
    x0, x1, _, y1 = family_box
    _place_rows(items, (x0 + x1) / 2, 0.0, max(x1 - x0, 16.0) * band)
    lift = y1 + MARGIN - min(i.box[2] for i in items)
    for item in items:
        item.y += lift


def _anchor_points(graph: nx.MultiDiGraph, family_pos: dict[str, tuple[float, float]]
                   ) -> dict[str, list[tuple[float, float]]]:
    """Each person's ties into the family: the positions of the family members they are tied to. A fit lays the
    ring out hundreds of times on one graph and one family: worked out once for them (kept on the graph)."""
    key = tuple(sorted(family_pos.items()))
    cache = graph.graph.setdefault("ring_anchors", {})
    found = cache.get(key)
    if found is None:
        found = cache[key] = {node: [family_pos[other] for other in nx.all_neighbors(graph, node)
                                     if other in family_pos] for node in graph}
    return found


def _target(anchors: dict[str, list[tuple[float, float]]], family_box: tuple[float, float, float, float],
            members: list[str]) -> tuple[float, float]:
    """Where a ring item wants to be: the centre of the family members its members are tied to (else the
    family's centre)."""
    pts = [point for member in members for point in anchors.get(member, ())]
    if not pts:
        x0, x1, y0, y1 = family_box
        return ((x0 + x1) / 2, (y0 + y1) / 2)
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def _size(item: RingItem, title: tuple[float, float], cell_w: float, size_collapsed: bool) -> None:
    """An organisation's box: collapsed (its name above the count, or small with the name cut), or a grid of
    member cells under its name (``title``: the (width, height) the name needs)."""
    title_w, title_h = title
    if item.collapsed and not size_collapsed:
        item.width, item.height = COLLAPSED_W, COLLAPSED_H
    elif item.collapsed:  # its name above the count
        item.width, item.height = max(COLLAPSED_W, title_w + 0.5), max(COLLAPSED_H, title_h + 1.4)
        item.header_h = title_h
    else:
        cols = min(MAX_COLS, len(item.members))
        rows = math.ceil(len(item.members) / cols)
        item.cell_w, item.header_h = cell_w, max(HEADER_H, title_h)
        item.width = max(cols * cell_w, title_w) + 2 * PAD
        item.height = item.header_h + rows * CELL_H + PAD


def _place_rows(items: list[RingItem], centre_x: float, top: float, max_width: float) -> None:
    """Rows below the family, left to right by sector and target; wrap when a row gets too wide
    (rows are balanced: the same number of items in each, give or take one)."""
    items.sort(key=lambda i: (i.order, round(i.target[0], 3), i.key))
    total = sum(i.width + ITEM_GAP for i in items)
    n_rows = max(1, math.ceil(total / max_width))
    per_row = math.ceil(len(items) / n_rows) if items else 1
    rows = [items[k:k + per_row] for k in range(0, len(items), per_row)] or [[]]
    for row in rows:
        if not row:
            continue
        height = max(i.height for i in row)
        gaps = [(a.width + b.width) / 2 + ITEM_GAP for a, b in itertools.pairwise(row)]
        xs = solve_row([i.target[0] for i in row], [1.0] * len(row), gaps)
        shift = centre_x - (xs[0] - row[0].width / 2 + xs[-1] + row[-1].width / 2) / 2
        for item, xv in zip(row, xs, strict=True):
            item.x = xv + 0.5 * shift  # half-way between the targets and a centred band
            item.y = top - height / 2
        top -= height + ITEM_GAP


def _place_columns(items: list[RingItem], edge: float, direction: int, limit: float, cap: float,
                   count: int | None = None) -> None:
    """Columns beside the family (direction +1: right, -1: left): each item near its target height,
    no higher than ``cap``; a column longer than ``limit`` wraps into the next one, further out (or: ``count``
    columns of about the same length)."""
    if not items:
        return
    items.sort(key=lambda i: (i.order, -round(i.target[1], 3), i.key))
    columns: list[list[RingItem]] = [[]]
    height = 0.0
    total = sum(i.height + ITEM_GAP for i in items)
    if count:
        per_column = total / count
        for item in items:  # by the middle of each item: exactly ``count`` columns, or fewer
            if columns[-1] and height + (item.height + ITEM_GAP) / 2 > per_column * len(columns) + 1e-6 \
                    and len(columns) < count:
                columns.append([])
            columns[-1].append(item)
            height += item.height + ITEM_GAP
        _stack_columns(columns, edge, direction, cap)
        return
    per_column = max(total / max(1, math.ceil(total / limit)), total / 3)  # at most three columns
    for item in items:
        if columns[-1] and height + item.height > per_column + 1e-6:
            columns.append([])
            height = 0.0
        columns[-1].append(item)
        height += item.height + ITEM_GAP
    _stack_columns(columns, edge, direction, cap)


def _stack_columns(columns: list[list[RingItem]], edge: float, direction: int, cap: float) -> None:
    for column in columns:
        width = max(i.width for i in column)
        # Top to bottom: solve on -y so that the order (by target, high first) is kept.
        gaps = [(a.height + b.height) / 2 + ITEM_GAP for a, b in itertools.pairwise(column)]
        ys = solve_row([-i.target[1] for i in column], [1.0] * len(column), gaps)
        highest = -ys[0] + column[0].height / 2
        drop = max(0.0, highest - cap)
        for item, yv in zip(column, ys, strict=True):
            item.y = -yv - drop
            item.x = edge + direction * width / 2
        edge += direction * (width + ITEM_GAP * 2)


def _place_members(item: RingItem) -> None:
    if item.collapsed:
        item.member_positions = {}
        return
    if item.organisation is None:
        item.member_positions = {item.members[0]: (item.x, item.y + item.height / 2 - 0.75)}
        return
    cols = min(MAX_COLS, len(item.members))
    cell = item.cell_w
    left = item.x - cols * cell / 2
    top = item.y + item.height / 2 - item.header_h
    for k, member in enumerate(item.members):
        row, col = divmod(k, cols)
        n_in_row = min(cols, len(item.members) - row * cols)
        offset = (cols - n_in_row) * cell / 2  # centre a short last row
        item.member_positions[member] = (left + offset + (col + 0.5) * cell, top - 0.6 - row * CELL_H)


def _apply_pins(case: Case, items: list[RingItem]) -> None:
    """Saved positions: a pinned person moves their whole item (their organisation box)."""
    pins = case.layout.pinned
    for item in items:
        pinned = next((m for m in item.members if m in pins), None)
        if pinned is None:
            continue
        cx, cy = item.member_positions.get(pinned, (item.x, item.y))
        dx, dy = pins[pinned].x - cx, pins[pinned].y - cy
        item.x += dx
        item.y += dy
        item.member_positions = {m: (px + dx, py + dy) for m, (px, py) in item.member_positions.items()}
