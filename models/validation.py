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


class _Known:
    """The ids a reference may point to, and the check that reports a reference to none of them."""

    def __init__(self, case: Case, out: _Collector, unchecked_ids: Mapping[str, set[str]] | None) -> None:
        extra = unchecked_ids or {}
        self.out = out
        self.persons: dict[str, Person | None] = {**case.person_map(), **dict.fromkeys(extra.get("persons", ()))}
        self.organisations = {**case.organisation_map(), **dict.fromkeys(extra.get("organisations", ()))}
        self.events = case.event_map().keys() | extra.get("events", set())
        self.sources = {source.id for source in case.sources} | extra.get("sources", set())

    def ref(self, location: tuple, value: str | None, known: set[str] | dict, what_nl: str, what_en: str) -> None:
        """Report ``value`` (when given) if ``known`` does not hold it."""
        if value is not None and value not in known:
            self.out.add_unknown(location, value, what_nl, what_en)

    def person(self, location: tuple, value: str | None) -> None:
        self.ref(location, value, self.persons, "persoon", "person")

    def organisation(self, location: tuple, value: str | None) -> None:
        self.ref(location, value, self.organisations, "organisatie", "organisation")

    def event(self, location: tuple, value: str | None) -> None:
        self.ref(location, value, self.events, "gebeurtenis", "event")

    def source(self, location: tuple, value: str | None) -> None:
        self.ref(location, value, self.sources, "bron", "source")


def check_case(case: Case, index_map: IndexMap = _identity,
               unchecked_ids: Mapping[str, set[str]] | None = None) -> list[Problem]:
    """Every cross-item problem in ``case``; an empty list means the case is consistent.

    ``unchecked_ids`` names ids of items that failed their own validation (per collection):
    references to them are not reported again as unknown.
    """
    out = _Collector(index_map)
    _check_unique_ids(case, out)
    known = _Known(case, out, unchecked_ids)
    _check_index_person(case, known)
    _check_persons(case, known)
    _check_relationships(case, known.persons, known.sources, known.ref, out)
    _check_events(case, known)
    _check_organisation_relationships(case, known)
    _check_annotations(case, known)
    _check_households(case, known)
    check_group(case, set(known.events), known.persons, known.ref, out.add)
    _check_layout(case, known)
    return out.problems


def _check_index_person(case: Case, known: _Known) -> None:
    """The index person exists and is not a professional."""
    known.person(("index_person",), case.index_person)
    index = case.person_map().get(case.index_person)
    if index is not None and index.kind == "professional":
        known.out.add(("index_person",), "index_is_professional",
                      f"de centrale persoon '{index.label}' is een professional; kies het kind of de jongere",
                      f"the index person '{index.label}' is a professional; choose the child or young person")


def _check_persons(case: Case, known: _Known) -> None:
    """A person's organisations and twin exist; birth before death, periods in order."""
    out = known.out
    for i, person in enumerate(case.persons):
        loc = ("persons", i)
        known.organisation((*loc, "organisation"), person.organisation)
        known.person((*loc, "twin", "of"), person.twin.of if person.twin else None)
        for j, affiliation in enumerate(person.affiliations):
            known.organisation((*loc, "affiliations", j, "organisation"), affiliation.organisation)
            _order(out, (*loc, "affiliations", j, "end"), affiliation.start, affiliation.end,
                   "einde", "end", "begin", "start")
        _order(out, (*loc, "death"), person.birth, person.death, "overlijden", "death", "geboorte", "birth")
        if person.involvement is not None:
            _order(out, (*loc, "involvement", "end"), person.involvement.start, person.involvement.end,
                   "einde", "end", "begin", "start")


def _check_events(case: Case, known: _Known) -> None:
    """Everything an event refers to exists; its end is not before its start; it falls in its persons' lives."""
    for i, event in enumerate(case.events):
        loc = ("events", i)
        for j, person_id in enumerate(event.persons):
            known.person((*loc, "persons", j), person_id)
        known.organisation((*loc, "organisation"), event.organisation)
        known.organisation((*loc, "to_organisation"), event.to_organisation)
        for j, org_id in enumerate(event.organisations):
            known.organisation((*loc, "organisations", j), org_id)
        known.source((*loc, "source"), event.source)
        known.person((*loc, "informant"), event.informant)
        known.person((*loc, "perspective"), event.perspective)
        _order(known.out, (*loc, "end"), event.date, event.end, "einde", "end", "begin", "start")
        if event.decision is not None:
            actors = known.persons.keys() | known.organisations.keys()
            for j, actor in enumerate(event.decision.decided_by):
                known.ref((*loc, "decision", "decided_by", j), actor, actors, "persoon of organisatie",
                          "person or organisation")
            for j, person_id in enumerate(event.decision.not_heard):
                known.person((*loc, "decision", "not_heard", j), person_id)
        if event.placement is not None:
            known.person((*loc, "placement", "child"), event.placement.child)
        for name in ("responds_to", "contradicts"):
            for j, event_id in enumerate(getattr(event, name)):
                known.event((*loc, name, j), event_id)
        _check_event_in_lifetimes(event, loc, known.persons, known.out)


def _check_organisation_relationships(case: Case, known: _Known) -> None:
    for i, tie in enumerate(case.organisation_relationships):
        loc = ("organisation_relationships", i)
        known.organisation((*loc, "source"), tie.source)
        known.organisation((*loc, "target"), tie.target)
        known.person((*loc, "informant"), tie.informant)
        known.source((*loc, "info_source"), tie.info_source)
        _order(known.out, (*loc, "end"), tie.start, tie.end, "einde", "end", "begin", "start")


def _check_annotations(case: Case, known: _Known) -> None:
    """A note points at known events and persons, and at least at something."""
    for i, annotation in enumerate(case.annotations):
        loc = ("annotations", i, "target")
        target = annotation.target
        for j, event_id in enumerate(target.events):
            known.event((*loc, "events", j), event_id)
        for j, person_id in enumerate(target.persons):
            known.person((*loc, "persons", j), person_id)
        if target.date_range is not None:
            _order(known.out, (*loc, "date_range", "end"), target.date_range.start, target.date_range.end,
                   "einde", "end", "begin", "start")
        if not (target.events or target.persons or target.date_range):
            known.out.add(loc, "empty_target", "een notitie hoort bij minstens één gebeurtenis, persoon of periode",
                          "a note needs at least one event, person or date range")


def _check_households(case: Case, known: _Known) -> None:
    for i, household in enumerate(case.households):
        for j, member in enumerate(household.members):
            loc = ("households", i, "members", j)
            known.person((*loc, "person"), member.person)
            _order(known.out, (*loc, "end"), member.start, member.end, "einde", "end", "begin", "start")


def _check_layout(case: Case, known: _Known) -> None:
    for j, person_id in enumerate(case.layout.sibling_order):
        known.person(("layout", "sibling_order", j), person_id)
    for person_id in case.layout.pinned:
        known.person(("layout", "pinned", person_id), person_id)
    for j, org_id in enumerate(case.layout.collapsed_organisations):
        known.organisation(("layout", "collapsed_organisations", j), org_id)


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
