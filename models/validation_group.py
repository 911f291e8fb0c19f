"""Checks on what the group adds (:mod:`models.group`): links name existing events, perspectives name existing
persons and have distinct keys, the perspective-switch table names existing persons."""

from __future__ import annotations

from collections.abc import Callable

from models.case import Case

Add = Callable[[tuple, str, str, str], None]
"""Reports one problem: (location, code, Dutch message, English message)."""
Ref = Callable[[tuple, "str | None", "set[str] | dict", str, str], None]
"""Reports an unknown reference: (location, value, known ids, what in Dutch, what in English)."""


def check_group(case: Case, events: set[str], persons: set[str] | dict, ref: Ref, add: Add) -> None:
    """Every problem in the case's links, perspectives and perspective-switch rows."""
    seen_links: dict[tuple[str, str, str], int] = {}
    for i, link in enumerate(case.links):
        loc = ("links", i)
        ref((*loc, "source"), link.source, events, "gebeurtenis", "event")
        ref((*loc, "target"), link.target, events, "gebeurtenis", "event")
        if link.source == link.target:
            add((*loc, "target"), "link_to_itself", f"een pijl van gebeurtenis '{link.source}' naar zichzelf",
                f"an arrow from event '{link.source}' to itself")
        key = (link.source, link.target, link.label.casefold())
        if key in seen_links:
            add(loc, "duplicate_link", f"dezelfde pijl staat er al (links[{seen_links[key]}])",
                f"the same arrow is already there (links[{seen_links[key]}])")
        seen_links.setdefault(key, i)
    keys: dict[str, int] = {}
    for i, perspective in enumerate(case.perspectives):
        loc = ("perspectives", i)
        if perspective.key in keys:
            add((*loc, "key"), "duplicate_perspective",
                f"perspectief '{perspective.key}' komt twee keer voor (ook bij perspectives[{keys[perspective.key]}])",
                f"perspective '{perspective.key}' is used twice (also at perspectives[{keys[perspective.key]}])")
        keys.setdefault(perspective.key, i)
        for j, person_id in enumerate(perspective.persons):
            ref((*loc, "persons", j), person_id, persons, "persoon", "person")
    for i, row in enumerate(case.perspective_switch):
        ref(("perspective_switch", i, "person"), row.person, persons, "persoon", "person")
