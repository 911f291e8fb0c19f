"""The case as a network: persons, organisations and typed ties, as they stood on one day.

``build_graph(case, as_of)`` returns a :class:`networkx.MultiDiGraph`:

* **Person nodes** keyed by person id, with attributes ``node="person"``, ``kind`` (family / network /
  professional), ``label``, ``gender``, ``alive`` (on ``as_of``), ``deceased`` (dead by ``as_of``; with
  ``as_of=None`` whether the person is known to be deceased), ``generation`` (see :func:`generations`,
  ``None`` outside the genogram), ``genogram`` (drawn in the family rows), ``organisation`` (id or None),
  ``involved`` (a professional or network member involved on ``as_of``) and ``index`` (the index person).
* **Organisation nodes** keyed ``"org:<id>"`` with ``node="organisation"``, ``name``, ``org_type``; only
  organisations with at least one shown member. Each shown member has an edge ``person -> org:<id>``
  with ``category="membership"``.
* **Relationship edges** ``source -> target`` keyed by relationship id (direction as in the case file; for
  undirected types ``directed`` is False), with ``type``, ``category`` (kinship / emotional / legal /
  professional), ``certainty``, ``view`` (whose view, a person id or None), ``status`` (for partners: the
  :class:`PartnerStatus` on ``as_of``; for other ties ``"active"``), ``together`` (partners only),
  ``parent_kind`` (parents only) and ``relationship`` (the :class:`Relationship` itself).

Who is shown on ``as_of``: family persons once born and joined to the child's family (a foster parent or a
parent's later partner from the tie's start, :mod:`models.family_joined`; the dead stay, marked ``deceased``);
network members and
professionals while involved (and born); partners once they met, with their status on that day; parent ties
between shown persons (step, foster and adoptive ties only from their start); other ties while active.
With ``as_of=None`` everything in the case is shown with its latest known status.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

import networkx as nx

from models.case import Case, Person, Relationship
from models.family_joined import family_joined
from models.vocabulary import (
    DIRECTED_TYPES,
    EMOTIONAL_TYPES,
    KINSHIP_TYPES,
    LEGAL_TYPES,
    ParentKind,
    PersonKind,
    RelationshipType,
)

ORG_PREFIX = "org:"
"""Organisation nodes (and organisation marks in the figure) are keyed ``"org:<organisation id>"``."""


def org_key(organisation_id: str) -> str:
    return f"{ORG_PREFIX}{organisation_id}"


def category(rel_type: RelationshipType) -> str:
    """``kinship``, ``emotional``, ``legal`` or ``professional``."""
    if rel_type in KINSHIP_TYPES:
        return "kinship"
    if rel_type in EMOTIONAL_TYPES:
        return "emotional"
    if rel_type in LEGAL_TYPES:
        return "legal"
    return "professional"


# --- who belongs in the family rows -------------------------------------------------------------

def genogram_persons(case: Case) -> list[str]:
    """Family persons, plus non-professionals tied to them by parent or partner ties (e.g. foster parents)."""
    persons = case.person_map()
    members = {p.id for p in case.persons if p.kind == PersonKind.FAMILY}
    kin = [r for r in case.relationships if r.type in KINSHIP_TYPES]
    changed = True
    while changed:
        changed = False
        for rel in kin:
            for a, b in ((rel.source, rel.target), (rel.target, rel.source)):
                person = persons.get(b)
                if a in members and b not in members and person is not None \
                        and person.kind != PersonKind.PROFESSIONAL:
                    members.add(b)
                    changed = True
    return [p.id for p in case.persons if p.id in members]


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Deterministic: the smaller id becomes the root.
            low, high = sorted((ra, rb))
            self.parent[high] = low


PLACING_KINDS = frozenset({ParentKind.BIOLOGICAL, ParentKind.ADOPTIVE, ParentKind.STEP})
"""Kinds of parenthood that place generations. Foster care (also kinship foster care, *netwerkpleegzorg*: a
grandmother who is her grandchild's foster parent) never moves anyone to another generation."""


def generations(case: Case) -> dict[str, int]:
    """Generation of each genogram person: the index person's generation is 0, parents -1, children +1.

    Parentage places generations (biological, adoptive and step parents, :data:`PLACING_KINDS`): partners,
    co-parents of one kind and explicit siblings share a generation; a child sits exactly one generation
    below each parent where the data allow (as kinship2's ``kindepth``: longest path from the founders,
    then every ancestor pulled down to just above its children). A foster tie only places a family part that
    parentage does not tie to the rest (a foster family: one generation above its foster child); other family
    parts are aligned by birth years where known. Pure: depends only on the case.

    >>> from tests.case_builders import case_data
    >>> from models import validate_case_data
    >>> data = case_data()
    >>> data["persons"].append({"id": "oma", "label": "Oma", "kind": "family", "gender": "female"})
    >>> data["relationships"] += [
    ...     {"id": "r8", "type": "parent", "source": "oma", "target": "moeder"},
    ...     {"id": "r9", "type": "parent", "source": "oma", "target": "kind", "parent_kind": "foster"}]
    >>> gens = generations(validate_case_data(data))
    >>> gens["oma"], gens["moeder"], gens["kind"]
    (-2, -1, 0)
    """
    ids = genogram_persons(case)
    members = set(ids)
    persons = case.person_map()
    uf = _UnionFind(ids)
    parents_of: dict[str, dict[ParentKind, list[str]]] = defaultdict(lambda: defaultdict(list))
    foster: list[tuple[str, str]] = []
    for rel in case.relationships:
        if rel.source not in members or rel.target not in members or rel.source == rel.target:
            continue
        if rel.type in (RelationshipType.PARTNER, RelationshipType.SIBLING):
            uf.union(rel.source, rel.target)
        elif rel.type == RelationshipType.PARENT and rel.effective_parent_kind in PLACING_KINDS:
            parents_of[rel.target][rel.effective_parent_kind].append(rel.source)
        elif rel.type == RelationshipType.PARENT:
            foster.append((rel.source, rel.target))
    for by_kind in parents_of.values():
        for kind, parents in by_kind.items():
            for other in parents[1:] if kind != ParentKind.STEP else ():
                uf.union(parents[0], other)

    dag = nx.DiGraph()
    dag.add_nodes_from(sorted({uf.find(i) for i in ids}))
    for child in sorted(parents_of):
        for parent in sorted({p for ps in parents_of[child].values() for p in ps}):
            gp, gc = uf.find(parent), uf.find(child)
            if gp != gc:
                dag.add_edge(gp, gc)
    _break_cycles(dag)
    depth = _depths(dag)
    group_members: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        group_members[uf.find(i)].append(i)
    index_group = uf.find(case.index_person) if case.index_person in members else None
    components = sorted((sorted(c) for c in nx.connected_components(dag.to_undirected())), key=lambda c: c[0])
    result: dict[str, int] = {}
    reference: dict[int, list[int]] = defaultdict(list)

    def place(component: list[str], offset: int) -> None:
        for group in component:
            for pid in group_members[group]:
                result[pid] = depth[group] + offset
                birth = persons[pid].birth
                if birth is not None:
                    reference[depth[group] + offset].append(birth.year)

    pending = [c for c in components if index_group not in c]
    for component in components:
        if index_group in component:
            place(component, -depth[index_group])  # type: ignore[index]
    while pending:
        component, offset = _next_part(pending, foster, result, uf.find, depth)
        if offset is None:
            births = [(depth[g], persons[p].birth.year) for g in component for p in group_members[g]
                      if persons[p].birth is not None]  # type: ignore[union-attr]
            offset = _birth_offset(births, reference, component, depth)
        place(component, offset)
        pending.remove(component)
    return {pid: result[pid] for pid in ids}


def _depths(dag: nx.DiGraph) -> dict[str, int]:
    """Depth of each group: the longest path from the founders; then each ancestor just above its deepest child
    (a grandfather whose son married into a longer line comes down with him); then each child, a childless
    uncle too, one below its lowest parent (siblings in one generation)."""
    depth: dict[str, int] = {}
    order = list(nx.lexicographical_topological_sort(dag))
    for group in order:
        depth[group] = max((depth[p] + 1 for p in dag.predecessors(group)), default=0)
    for group in reversed(order):
        children = list(dag.successors(group))
        if children:
            depth[group] = max(depth[c] for c in children) - 1
    for group in order:
        depth[group] = max([depth[group], *(depth[p] + 1 for p in dag.predecessors(group))])
    return depth


def _next_part(pending: list[list[str]], foster: list[tuple[str, str]], placed: dict[str, int],
               find: Callable[[str], str], depth: dict[str, int]) -> tuple[list[str], int | None]:
    """The next family part to place: the first tied by a foster tie to a placed person (with the offset that
    puts the foster parent one generation above the child), else the first part (offset None)."""
    for component in pending:
        groups = set(component)
        for parent, child in foster:
            if find(parent) in groups and child in placed:
                return component, placed[child] - 1 - depth[find(parent)]
            if find(child) in groups and parent in placed:
                return component, placed[parent] + 1 - depth[find(child)]
    return pending[0], None


def _break_cycles(dag: nx.DiGraph) -> None:
    """Drop edges that close a cycle (inconsistent data), deterministically."""
    while True:
        try:
            cycle = nx.find_cycle(dag)
        except nx.NetworkXNoCycle:
            return
        dag.remove_edge(*max(cycle)[:2])


def _birth_offset(births: list[tuple[int, int]], reference: dict[int, list[int]], component: list[str],
                  depth: dict[str, int]) -> int:
    """Generation offset for a family part not tied to the index person: match its birth years."""
    means = {gen: sum(years) / len(years) for gen, years in reference.items() if years}
    bottom = max(depth[g] for g in component)
    if not births or not means:
        return -bottom  # lowest generation of the part next to the index person
    candidates = []
    for offset in range(-bottom - 6, -bottom + 7):
        cost = 0.0
        for d, year in births:
            gen = d + offset
            expected = means.get(gen)
            if expected is None:
                nearest = min(means, key=lambda g: (abs(g - gen), g))
                expected = means[nearest] + 28 * (gen - nearest)
            cost += abs(year - expected)
        candidates.append((cost, abs(offset + bottom), offset))
    return min(candidates)[2]


# --- as-of views ------------------------------------------------------------------------------------

def present_on(person: Person, as_of: dt.date | None) -> bool:
    """Whether a person is drawn on ``as_of``: born; family always after that, others while involved."""
    if as_of is None:
        return True
    if person.birth is not None and as_of < person.birth.earliest():
        return False
    return person.kind == PersonKind.FAMILY or person.involved_on(as_of)


def deceased_on(person: Person, as_of: dt.date | None) -> bool:
    """Dead by ``as_of`` (None: known to be deceased). Without a date of death the flag counts."""
    if person.death is not None:
        return as_of is None or person.death.earliest() <= as_of
    return person.deceased


def relationship_shown(rel: Relationship, as_of: dt.date | None) -> bool:
    """Whether a tie is drawn on ``as_of`` (its endpoints being shown)."""
    if as_of is None:
        return True
    if rel.type == RelationshipType.PARTNER:
        return rel.partner_status_on(as_of) is not None
    if rel.type == RelationshipType.PARENT and rel.effective_parent_kind == ParentKind.BIOLOGICAL:
        return True
    return rel.active_on(as_of)


def households_on(case: Case, as_of: dt.date | None) -> dict[str, list[str]]:
    """Household id -> person ids living in it on ``as_of`` (None: on the latest household date).

    Someone in two households on one day (a move within a month) counts in the one they moved into last.
    """
    periods = [(h, m) for h in case.households for m in h.members]
    if as_of is None:
        starts = [m.start.earliest() for _, m in periods if m.start is not None]
        if not starts:
            return {h.id: sorted({m.person for m in h.members}) for h in case.households}
        as_of = max(starts)
    best: dict[str, tuple[dt.date, str]] = {}
    for household, member in periods:
        start = member.start.earliest() if member.start is not None else dt.date.min
        if start > as_of or (member.end is not None and member.end.latest() < as_of):
            continue
        current = best.get(member.person)
        if current is None or (start, household.id) > current:
            best[member.person] = (start, household.id)
    result: dict[str, list[str]] = {}
    for household in case.households:
        people = sorted(p for p, (_, hid) in best.items() if hid == household.id)
        if people:
            result[household.id] = people
    return result


def build_graph(case: Case, as_of: dt.date | None = None) -> nx.MultiDiGraph:
    """The case as a typed multigraph as it stood on ``as_of`` (see the module docstring)."""
    graph = nx.MultiDiGraph(case_id=case.id, as_of=as_of)
    gens = generations(case)
    present = {person.id for person in case.persons if present_on(person, as_of)}
    joined = family_joined(case, as_of, {person.id for person in case.persons
                                         if person.id in present and person.kind == PersonKind.FAMILY})
    for person in case.persons:
        if person.id not in present or (person.kind == PersonKind.FAMILY and person.id not in joined):
            continue
        deceased = deceased_on(person, as_of)
        graph.add_node(
            person.id, node="person", kind=person.kind.value, label=person.label, gender=person.gender.value,
            alive=not deceased, deceased=deceased, generation=gens.get(person.id), genogram=person.id in gens,
            organisation=person.organisation, role=person.role, index=person.id == case.index_person,
            involved=person.kind != PersonKind.FAMILY and (as_of is None or person.involved_on(as_of)),
        )
    for organisation in case.organisations:
        members = [pid for pid, data in graph.nodes(data=True) if data.get("organisation") == organisation.id]
        if not members:
            continue
        key = org_key(organisation.id)
        graph.add_node(key, node="organisation", name=organisation.name, org_type=organisation.type.value,
                       label=organisation.name)
        for pid in members:
            graph.add_edge(pid, key, key=f"member:{pid}", type="member_of", category="membership",
                           directed=True, certainty="confirmed", view=None, status="active")
    for rel in case.relationships:
        if rel.source not in graph or rel.target not in graph or not relationship_shown(rel, as_of):
            continue
        attrs: dict[str, object] = {
            "type": rel.type.value, "category": category(rel.type), "certainty": rel.certainty.value,
            "view": rel.view, "directed": rel.type in DIRECTED_TYPES, "relationship": rel, "status": "active",
        }
        if rel.type == RelationshipType.PARTNER:
            status = rel.partner_status_on(as_of)
            attrs["status"] = status.value if status is not None else None
            attrs["together"] = rel.together_on(as_of)
        if rel.type == RelationshipType.PARENT:
            attrs["parent_kind"] = rel.effective_parent_kind.value
        graph.add_edge(rel.source, rel.target, key=rel.id, **attrs)
    return graph

