"""The kinship structure of the family part of the geno-sociogram: generations (from
:func:`models.network.generations`), couples, sibships (children of one parent unit and one kind of parenthood),
step-parent links and explicit sibling ties; the spacing constants of the family rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

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


# --- structure ---------------------------------------------------------------------------------------

def birth_key(person: Person) -> tuple[int, int, int, str]:
    if person.birth is None:
        return (9999, 0, 0, person.id)
    return (*person.birth.sort_key(), person.id)


@dataclass
class Structure:
    persons: dict[str, Person]
    gen: dict[str, int]
    couples: dict[frozenset[str], Relationship | None]
    units: dict[str, dict[ParentKind, tuple[str, ...]]]     # child -> kind -> parents
    primary_unit: dict[str, tuple[ParentKind, tuple[str, ...]]]
    children_of_unit: dict[tuple[ParentKind, tuple[str, ...]], list[str]]
    step_links: list[StepLink]
    siblings: dict[str, list[str]]                          # explicit sibling ties (parents not in the case)


def kin_structure(case: Case) -> Structure:
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
    return Structure(persons, gen, couples, clean, primary_unit, dict(children_of_unit), step_links,
                      {k: sorted(set(v)) for k, v in siblings.items()})


def _rel_sort(rel: Relationship) -> tuple[tuple[int, int, int], str]:
    start = rel.start or rel.married
    return (start.sort_key() if start else (0, 0, 0), rel.id)


def block_order(members: list[str], couples: Iterable[frozenset[str]], persons: dict[str, Person]) -> list[str]:
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
