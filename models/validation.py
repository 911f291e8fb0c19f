"""Checks across a case's items: ids, references, dates that cannot be, ancestry loops."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from models.case import Case, Event, Person
from models.partial_date import PartialDate
from models.problems import Problem, json_path
from models.validation_group import check_group
from models.vocabulary import ParentKind, RelationshipType

_PREGNANCY_DAYS = 300

IndexMap = Callable[[str, int], int]
"""Maps (collection, position in the checked case) to the position in the original file."""


def _identity(_collection: str, position: int) -> int:
    return position


class _Collector:
    def __init__(self, index_map: IndexMap) -> None:
        self.problems: list[Problem] = []
        self._index_map = index_map

    def add(self, location: tuple, code: str, nl: str, en: str) -> None:
        if location and isinstance(location[0], str) and len(location) > 1 and isinstance(location[1], int):
            location = (location[0], self._index_map(location[0], location[1]), *location[2:])
        self.problems.append(Problem(json_path(location), code, nl, en))

    def add_unknown(self, location: tuple, value: str, what_nl: str, what_en: str) -> None:
        """A reference to an id that no item has."""
        self.add(location, "unknown_reference", f"verwijst naar onbekende {what_nl} '{value}'",
                 f"refers to unknown {what_en} '{value}'")


def check_case(case: Case, index_map: IndexMap = _identity,
               unchecked_ids: Mapping[str, set[str]] | None = None) -> list[Problem]:
    """Every cross-item problem in ``case``; an empty list means the case is consistent.

    ``unchecked_ids`` names ids of items that failed their own validation (per collection):
    references to them are not reported again as unknown.
    """
    out = _Collector(index_map)
    _check_unique_ids(case, out)
    extra = unchecked_ids or {}
    persons = {**case.person_map(), **dict.fromkeys(extra.get("persons", ()))}
    organisations = {**case.organisation_map(), **dict.fromkeys(extra.get("organisations", ()))}
    events = case.event_map().keys() | extra.get("events", set())
    sources = {source.id for source in case.sources} | extra.get("sources", set())

    def ref(location: tuple, value: str | None, known: set[str] | dict, what_nl: str, what_en: str) -> None:
        if value is not None and value not in known:
            out.add_unknown(location, value, what_nl, what_en)

    ref(("index_person",), case.index_person, persons, "persoon", "person")
    index = case.person_map().get(case.index_person)
    if index is not None and index.kind == "professional":
        out.add(("index_person",), "index_is_professional",
                f"de centrale persoon '{index.label}' is een professional; kies het kind of de jongere",
                f"the index person '{index.label}' is a professional; choose the child or young person")
    for i, person in enumerate(case.persons):
        loc = ("persons", i)
        ref((*loc, "organisation"), person.organisation, organisations, "organisatie", "organisation")
        ref((*loc, "twin", "of"), person.twin.of if person.twin else None, persons, "persoon", "person")
        for j, affiliation in enumerate(person.affiliations):
            ref((*loc, "affiliations", j, "organisation"), affiliation.organisation, organisations, "organisatie",
                "organisation")
            _order(out, (*loc, "affiliations", j, "end"), affiliation.start, affiliation.end,
                   "einde", "end", "begin", "start")
        _order(out, (*loc, "death"), person.birth, person.death, "overlijden", "death", "geboorte", "birth")
        if person.involvement is not None:
            _order(out, (*loc, "involvement", "end"), person.involvement.start, person.involvement.end,
                   "einde", "end", "begin", "start")

    _check_relationships(case, persons, sources, ref, out)

    for i, event in enumerate(case.events):
        loc = ("events", i)
        for j, person_id in enumerate(event.persons):
            ref((*loc, "persons", j), person_id, persons, "persoon", "person")
        ref((*loc, "organisation"), event.organisation, organisations, "organisatie", "organisation")
        ref((*loc, "to_organisation"), event.to_organisation, organisations, "organisatie", "organisation")
        for j, org_id in enumerate(event.organisations):
            ref((*loc, "organisations", j), org_id, organisations, "organisatie", "organisation")
        ref((*loc, "source"), event.source, sources, "bron", "source")
        ref((*loc, "informant"), event.informant, persons, "persoon", "person")
        ref((*loc, "perspective"), event.perspective, persons, "persoon", "person")
        _order(out, (*loc, "end"), event.date, event.end, "einde", "end", "begin", "start")
        if event.decision is not None:
            actors = persons.keys() | organisations.keys()
            for j, actor in enumerate(event.decision.decided_by):
                ref((*loc, "decision", "decided_by", j), actor, actors, "persoon of organisatie",
                    "person or organisation")
            for j, person_id in enumerate(event.decision.not_heard):
                ref((*loc, "decision", "not_heard", j), person_id, persons, "persoon", "person")
        if event.placement is not None:
            ref((*loc, "placement", "child"), event.placement.child, persons, "persoon", "person")
        for name in ("responds_to", "contradicts"):
            for j, event_id in enumerate(getattr(event, name)):
                ref((*loc, name, j), event_id, events, "gebeurtenis", "event")
        _check_event_in_lifetimes(event, loc, persons, out)

    for i, tie in enumerate(case.organisation_relationships):
        loc = ("organisation_relationships", i)
        ref((*loc, "source"), tie.source, organisations, "organisatie", "organisation")
        ref((*loc, "target"), tie.target, organisations, "organisatie", "organisation")
        ref((*loc, "informant"), tie.informant, persons, "persoon", "person")
        ref((*loc, "info_source"), tie.info_source, sources, "bron", "source")
        _order(out, (*loc, "end"), tie.start, tie.end, "einde", "end", "begin", "start")

    for i, annotation in enumerate(case.annotations):
        loc = ("annotations", i, "target")
        target = annotation.target
        for j, event_id in enumerate(target.events):
            ref((*loc, "events", j), event_id, events, "gebeurtenis", "event")
        for j, person_id in enumerate(target.persons):
            ref((*loc, "persons", j), person_id, persons, "persoon", "person")
        if target.date_range is not None:
            _order(out, (*loc, "date_range", "end"), target.date_range.start, target.date_range.end,
                   "einde", "end", "begin", "start")
        if not (target.events or target.persons or target.date_range):
            out.add(loc, "empty_target", "een notitie hoort bij minstens één gebeurtenis, persoon of periode",
                    "a note needs at least one event, person or date range")

    for i, household in enumerate(case.households):
        for j, member in enumerate(household.members):
            loc = ("households", i, "members", j)
            ref((*loc, "person"), member.person, persons, "persoon", "person")
            _order(out, (*loc, "end"), member.start, member.end, "einde", "end", "begin", "start")

    check_group(case, events, persons, ref, out.add)

    for j, person_id in enumerate(case.layout.sibling_order):
        ref(("layout", "sibling_order", j), person_id, persons, "persoon", "person")
    for person_id in case.layout.pinned:
        ref(("layout", "pinned", person_id), person_id, persons, "persoon", "person")
    for j, org_id in enumerate(case.layout.collapsed_organisations):
        ref(("layout", "collapsed_organisations", j), org_id, organisations, "organisatie", "organisation")
    return out.problems


def _check_unique_ids(case: Case, out: _Collector) -> None:
    """Ids must be unique across persons, organisations, relationships, events, annotations…"""
    collections = ("sources", "persons", "organisations", "relationships", "organisation_relationships",
                   "households", "events", "annotations", "reflections")
    seen: dict[str, tuple[str, int]] = {}
    for collection in collections:
        for i, item in enumerate(getattr(case, collection)):
            if item.id in seen:
                first_collection, first_index = seen[item.id]
                first = json_path((first_collection, out._index_map(first_collection, first_index)))
                out.add((collection, i, "id"), "duplicate_id",
                        f"id '{item.id}' komt twee keer voor (ook bij {first})",
                        f"id '{item.id}' is used twice (also at {first})")
            else:
                seen[item.id] = (collection, i)


def _order(out: _Collector, location: tuple, first: PartialDate | None, second: PartialDate | None,
           second_nl: str, second_en: str, first_nl: str, first_en: str) -> None:
    """Report when ``second`` lies certainly before ``first``."""
    if first is None or second is None:
        return
    if second.latest() < first.earliest():
        out.add(location, "date_order",
                f"{second_nl} ({second.format('nl')}) ligt vóór {first_nl} ({first.format('nl')})",
                f"{second_en} ({second.format('en')}) is before {first_en} ({first.format('en')})")


def _check_relationships(case: Case, persons: dict[str, Person], sources: set[str], ref, out: _Collector) -> None:
    parents_of: dict[str, list[str]] = defaultdict(list)
    biological_parents: Counter[str] = Counter()
    for i, rel in enumerate(case.relationships):
        loc = ("relationships", i)
        ref((*loc, "source"), rel.source, persons, "persoon", "person")
        ref((*loc, "target"), rel.target, persons, "persoon", "person")
        ref((*loc, "view"), rel.view, persons, "persoon", "person")
        ref((*loc, "info_source"), rel.info_source, sources, "bron", "source")
        if rel.source == rel.target:
            out.add((*loc, "target"), "self_relationship", "een relatie van een persoon met zichzelf",
                    "a relationship of a person with themselves")
        _order(out, (*loc, "end"), rel.start, rel.end, "einde", "end", "begin", "start")
        if rel.type == RelationshipType.PARTNER:
            _order(out, (*loc, "separated"), rel.married, rel.separated, "uit elkaar", "separation",
                   "huwelijk", "marriage")
            _order(out, (*loc, "divorced"), rel.married, rel.divorced, "scheiding", "divorce",
                   "huwelijk", "marriage")
            if rel.status in ("married", "cohabiting") and (rel.divorced or rel.separated):
                out.add((*loc, "status"), "status_contradicts_dates",
                        f"status '{rel.status}' past niet bij een datum van scheiding of uit elkaar gaan",
                        f"status '{rel.status}' contradicts a divorce or separation date")
        if rel.type != RelationshipType.PARENT:
            continue
        parents_of[rel.target].append(rel.source)
        if rel.effective_parent_kind == ParentKind.BIOLOGICAL:
            biological_parents[rel.target] += 1
            if biological_parents[rel.target] == 3:
                out.add((*loc,), "too_many_parents", "een kind met meer dan twee biologische ouders",
                        "a child with more than two biological parents")
        parent, child = persons.get(rel.source), persons.get(rel.target)
        if parent and child and parent.birth and child.birth and parent.birth.earliest() > child.birth.latest():
            out.add((*loc,), "parent_born_after_child",
                    f"ouder '{parent.label}' is geboren ({parent.birth.format('nl')}) na kind "
                    f"'{child.label}' ({child.birth.format('nl')})",
                    f"parent '{parent.label}' was born ({parent.birth.format('en')}) after child "
                    f"'{child.label}' ({child.birth.format('en')})")
    _check_ancestry_loops(case, parents_of, out)


def _check_ancestry_loops(case: Case, parents_of: dict[str, list[str]], out: _Collector) -> None:
    """A person who is their own ancestor (a loop in parent links)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    looped: set[str] = set()

    for start in list(parents_of):
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, child_index = stack.pop()
            if child_index == 0:
                state[node] = 1
                path.append(node)
            parents = parents_of.get(node, [])
            if child_index < len(parents):
                stack.append((node, child_index + 1))
                parent = parents[child_index]
                if state.get(parent) == 1:
                    looped.update(path[path.index(parent):])
                elif not state.get(parent):
                    stack.append((parent, 0))
            else:
                state[node] = 2
                path.pop()
    labels = case.person_map()
    for i, rel in enumerate(case.relationships):
        if rel.type == RelationshipType.PARENT and rel.source in looped and rel.target in looped:
            name = labels[rel.target].label if rel.target in labels else rel.target
            out.add(("relationships", i), "own_ancestor",
                    f"'{name}' wordt zo zijn of haar eigen voorouder (een kringloop in ouder-kindrelaties)",
                    f"'{name}' becomes their own ancestor (a loop in parent–child links)")


def _check_event_in_lifetimes(event: Event, loc: tuple, persons: dict[str, Person], out: _Collector) -> None:
    """An event that involves someone long before they were born (pregnancy is allowed for)."""
    for j, person_id in enumerate(event.persons):
        person = persons.get(person_id)
        if person is None or person.birth is None:
            continue
        if (person.birth.earliest() - event.end_day()).days > _PREGNANCY_DAYS:
            out.add((*loc, "persons", j), "before_birth",
                    f"'{person.label}' is pas geboren in {person.birth.format('nl')}, "
                    f"na deze gebeurtenis ({event.date.format('nl')})",
                    f"'{person.label}' was only born in {person.birth.format('en')}, "
                    f"after this event ({event.date.format('en')})")


# --- references in items that failed their own validation ---------------------------------------------------

_WHAT = {"persons": ("persoon", "person"), "organisations": ("organisatie", "organisation"),
         "events": ("gebeurtenis", "event"), "sources": ("bron", "source"),
         "actors": ("persoon of organisatie", "person or organisation")}
"""What a reference names, in Dutch and English; ``actors`` are persons or organisations."""

REFERENCE_FIELDS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "persons": ((("organisation",), "organisations"), (("twin", "of"), "persons"),
                (("affiliations", "*", "organisation"), "organisations")),
    "relationships": ((("source",), "persons"), (("target",), "persons"), (("view",), "persons"),
                      (("info_source",), "sources"), (("informant",), "persons")),
    "organisation_relationships": ((("source",), "organisations"), (("target",), "organisations"),
                                   (("info_source",), "sources"), (("informant",), "persons")),
    "events": ((("persons", "*"), "persons"), (("organisation",), "organisations"),
               (("organisations", "*"), "organisations"), (("informant",), "persons"),
               (("to_organisation",), "organisations"), (("source",), "sources"), (("perspective",), "persons"),
               (("decision", "decided_by", "*"), "actors"), (("decision", "not_heard", "*"), "persons"),
               (("placement", "child"), "persons"), (("responds_to", "*"), "events"),
               (("contradicts", "*"), "events")),
    "annotations": ((("target", "events", "*"), "events"), (("target", "persons", "*"), "persons")),
    "households": ((("members", "*", "person"), "persons"),),
    "layout": ((("sibling_order", "*"), "persons"), (("pinned", "&"), "persons"),
               (("collapsed_organisations", "*"), "organisations")),
}
"""Where items refer to other items, in the case's JSON: a path inside the item (``*`` any list entry, ``&`` any
object key) and what it names. Read for broken items here, and by :func:`models.editing.references` to find
what a deletion changes."""


def known_ids(case: Case, unchecked_ids: Mapping[str, set[str]] | None = None) -> dict[str, set[str]]:
    """The ids references may name, by what they name: the case's items plus ``unchecked_ids``."""
    extra = unchecked_ids or {}
    known = {name: {item.id for item in getattr(case, name)} | set(extra.get(name, ()))
             for name in ("persons", "organisations", "events", "sources")}
    known["actors"] = known["persons"] | known["organisations"]
    return known


def check_raw_references(raw: Mapping[str, Any], items: Mapping[str, Iterable[int]],
                         known: Mapping[str, set[str]]) -> list[Problem]:
    """Unknown ids in items that could not be validated, read from the raw JSON as far as it goes.

    ``items`` names the positions to check per collection (``{"layout": [0]}``: the layout object); only
    string values are checked, anything else is a type problem reported elsewhere.
    """
    out = _Collector(_identity)
    for collection, positions in items.items():
        for position in positions:
            item, location = _raw_item(raw, collection, position)
            for path, what in REFERENCE_FIELDS.get(collection, ()):
                for where, value in values_at(item, path):
                    if value not in known[what]:
                        out.add_unknown((*location, *where), value, *_WHAT[what])
    return out.problems


def _raw_item(raw: Mapping[str, Any], collection: str, position: int) -> tuple[Any, tuple]:
    """The raw item and its location; the layout is one object, not a list."""
    if collection == "layout":
        return raw.get("layout"), ("layout",)
    items = raw.get(collection)
    found = items[position] if isinstance(items, list) and 0 <= position < len(items) else None
    return found, (collection, position)


def values_at(value: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple, str]]:
    """The string values at ``path`` inside raw JSON, each with its location relative to ``value``."""
    if not path:
        if isinstance(value, str):
            yield (), value
        return
    step, rest = path[0], path[1:]
    if step == "*" and isinstance(value, list):
        for i, entry in enumerate(value):
            yield from (((i, *where), found) for where, found in values_at(entry, rest))
    elif step == "&" and isinstance(value, dict):
        yield from (((key,), key) for key in value if isinstance(key, str))
    elif step not in ("*", "&") and isinstance(value, dict):
        yield from (((step, *where), found) for where, found in values_at(value.get(step), rest))
