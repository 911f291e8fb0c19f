"""Which family persons belong to the family's picture on a day: born, and joined to the child's family by then.

A foster family, a parent's later partner or a step-parent is part of the family from the day the tie starts, not
from their own birth: on a date before it (a date picked on the slider, a story step) they are not drawn yet, so
the room does not see who will come. Blood relatives are joined through their biological parent ties, which
have no start. A family person without any kinship tie in the file stays as before (nothing says when they came).
"""

from __future__ import annotations

import datetime as dt

import networkx as nx

from models.case import Case, Relationship
from models.vocabulary import KINSHIP_TYPES, ParentKind, PersonKind, RelationshipType


def tie_started(rel: Relationship, as_of: dt.date) -> bool:
    """Whether a kinship tie exists by ``as_of``: a biological parent tie or a sibling tie always (between born
    persons), a partner tie once they met, another parent tie (foster, step, adoptive) from its start."""
    if rel.type == RelationshipType.PARTNER:
        return rel.partner_status_on(as_of) is not None
    if rel.type == RelationshipType.PARENT and rel.effective_parent_kind != ParentKind.BIOLOGICAL:
        return rel.start is None or rel.start.earliest() <= as_of
    return True


def family_joined(case: Case, as_of: dt.date | None, born: set[str]) -> set[str]:
    """Of the family persons ``born`` (ids, born by ``as_of``), those in the family's picture on ``as_of``: joined
    through kinship ties started by then to the child or the child's biological ancestors (before the child's
    birth: to those ancestors); family persons without any kinship tie in the file are kept. ``as_of`` None:
    all of them."""
    if as_of is None:
        return set(born)
    family = {person.id for person in case.persons if person.kind == PersonKind.FAMILY}
    kin = [rel for rel in case.relationships if rel.type in KINSHIP_TYPES and {rel.source, rel.target} <= family]
    tied = {end for rel in kin for end in (rel.source, rel.target)}
    graph = nx.Graph()
    graph.add_nodes_from(born)
    graph.add_edges_from((rel.source, rel.target) for rel in kin
                         if rel.source in born and rel.target in born and tie_started(rel, as_of))
    anchors = _ancestors(case, kin) & born
    if not anchors:
        return set(born)
    joined: set[str] = set()
    for anchor in anchors:
        if anchor not in joined:
            joined |= nx.node_connected_component(graph, anchor)
    return joined | (born - tied)


def _ancestors(case: Case, kin: list[Relationship]) -> set[str]:
    """The child and the child's biological parents, grandparents and so on (ids)."""
    parents: dict[str, list[str]] = {}
    for rel in kin:
        if rel.type == RelationshipType.PARENT and rel.effective_parent_kind == ParentKind.BIOLOGICAL:
            parents.setdefault(rel.target, []).append(rel.source)
    found, todo = set(), [case.index_person]
    while todo:
        person = todo.pop()
        if person not in found:
            found.add(person)
            todo.extend(parents.get(person, ()))
    return found
