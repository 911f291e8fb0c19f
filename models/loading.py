"""Load a case file: bytes → JSON → typed :class:`Case`, with every problem reported at once."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from models.case import (
    SCHEMA_VERSION,
    Annotation,
    Case,
    Event,
    Household,
    LayoutHints,
    Organisation,
    OrganisationRelationship,
    Person,
    ReflectionNote,
    Relationship,
    Source,
)
from models.group import EventLink, Perspective, PerspectiveSwitch
from models.json_guard import load_json
from models.limits import MAX_FILE_BYTES
from models.messages import dedupe, problem_from_pydantic
from models.problems import CaseError, Problem
from models.validation import check_case, check_raw_references, known_ids

DEFAULT_MAX_BYTES = MAX_FILE_BYTES
"""Case files larger than this are refused (see :mod:`models.limits`)."""

_COLLECTIONS: dict[str, type[BaseModel]] = {
    "sources": Source, "persons": Person, "organisations": Organisation,
    "relationships": Relationship, "organisation_relationships": OrganisationRelationship,
    "households": Household, "events": Event,
    "annotations": Annotation, "reflections": ReflectionNote,
    "perspectives": Perspective, "links": EventLink, "perspective_switch": PerspectiveSwitch,
}
_ADAPTERS = {name: TypeAdapter(model) for name, model in _COLLECTIONS.items()}


def load_case(source: str | bytes | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Case:
    """Read a case from a path, JSON bytes or JSON text; raise :class:`CaseError` listing every problem.

    A ``str`` that starts with ``{`` is taken as JSON text, any other ``str`` as a path.
    """
    if isinstance(source, bytes):
        return parse_case_bytes(source, max_bytes=max_bytes)
    if isinstance(source, str) and source.lstrip().startswith(("{", "[")):
        return parse_case_bytes(source.encode("utf-8"), max_bytes=max_bytes)
    return parse_case_bytes(_read_file(Path(source), max_bytes), max_bytes=max_bytes)


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, read with a cap (a FIFO, a device or ``/dev/zero`` is refused unread)."""
    try:
        info = path.stat()
    except OSError:
        raise CaseError([Problem("$", "file_not_found", f"bestand niet gevonden: {path}",
                                 f"file not found: {path}")]) from None
    if not stat.S_ISREG(info.st_mode):
        raise CaseError([Problem("$", "not_a_file", f"geen gewoon bestand: {path}",
                                 f"not a regular file: {path}")])
    if info.st_size > max_bytes:
        raise CaseError([_too_large(info.st_size, max_bytes)])
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise CaseError([Problem("$", "file_unreadable", f"bestand kan niet gelezen worden: {exc.strerror}",
                                 f"file cannot be read: {exc.strerror}")]) from None
    if len(data) > max_bytes:
        raise CaseError([_too_large(len(data), max_bytes)])
    return data


def _too_large(size: int, max_bytes: int) -> Problem:
    def amount(value: int, digits: str) -> str:
        unit, scale = ("MB", 1_048_576) if value >= 1_048_576 else ("KB", 1024)
        return f"{value / scale:{digits}} {unit}"

    size_text, limit_text = amount(size, ".1f"), amount(max_bytes, ".3g")
    return Problem("$", "file_too_large",
                   f"bestand is te groot ({size_text}; maximaal {limit_text})".replace(".", ","),
                   f"file is too large ({size_text}; at most {limit_text})")


def parse_json(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """Decode UTF-8 JSON, raising :class:`CaseError` with line and column on failure."""
    if len(data) > max_bytes:
        raise CaseError([_too_large(len(data), max_bytes)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise CaseError([Problem("$", "not_utf8",
                                 f"bestand is geen UTF-8-tekst (ongeldige byte op regel {line}, positie {exc.start}); "
                                 "sla het op als UTF-8",
                                 f"file is not UTF-8 text (invalid byte on line {line}, position {exc.start}); "
                                 "save it as UTF-8")]) from None
    if not text.strip():
        raise CaseError([Problem("$", "empty_file", "bestand is leeg", "file is empty")])
    return load_json(text)


def parse_case_bytes(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Case:
    """Parse and validate a case from JSON bytes."""
    return validate_case_data(parse_json(data, max_bytes=max_bytes))


def validate_case_data(raw: Any) -> Case:
    """Validate decoded JSON as a case; raise :class:`CaseError` with every problem found."""
    if not isinstance(raw, dict):
        raise CaseError([Problem("$", "not_an_object",
                                 "een casusbestand moet een JSON-object zijn ({ … })",
                                 "a case file must be a JSON object ({ … })")])
    try:
        case = Case.model_validate(raw)
    except ValidationError as exc:
        problems = [_friendlier(problem_from_pydantic(error)) for error in exc.errors(include_url=False)]
        partial, index_map, unchecked_ids, invalid = _partial_case(raw)
        problems.extend(check_case(partial, index_map, unchecked_ids))
        typed = {problem.path for problem in problems}  # a wrong value is not also reported as unknown
        problems.extend(problem for problem in check_raw_references(raw, invalid, known_ids(partial, unchecked_ids))
                        if problem.path not in typed)
        raise CaseError(sorted(dedupe(problems), key=_file_order)) from None
    problems = check_case(case)
    if problems:
        raise CaseError(sorted(problems, key=_file_order))
    return case


_FIELD_ORDER = {name: position for position, name in enumerate(Case.model_fields)}


def _file_order(problem: Problem) -> tuple:
    """Sort problems roughly as they appear in the file: by top-level field, then index, then the rest."""
    parts = re.findall(r"\.([^.\[]+)|\[(\d+)\]", problem.path)
    key: list[tuple[int, int, str]] = []
    for depth, (name, index) in enumerate(parts):
        if index:
            key.append((0, int(index), ""))
        elif depth == 0:
            key.append((0, _FIELD_ORDER.get(name, len(_FIELD_ORDER)), name))
        else:
            key.append((1, 0, name))
    return tuple(key)


def check_source(source: str | bytes | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Problem]:
    """Every problem in a case file; an empty list when it is valid."""
    try:
        load_case(source, max_bytes=max_bytes)
    except CaseError as exc:
        return exc.problems
    return []


def _friendlier(problem: Problem) -> Problem:
    if problem.path == "$.pseudonymised":
        return Problem(problem.path, "not_pseudonymised",
                       'het bestand moet verklaren dat het gepseudonimiseerd is: "pseudonymised": true',
                       'the file must declare it is pseudonymised: "pseudonymised": true')
    if problem.path == "$.schema_version" and problem.code == "literal_error":
        return Problem(problem.path, "schema_version",
                       "onbekende schemaversie; deze versie van casusbeeld leest versie 1.0 tot en met "
                       f"{SCHEMA_VERSION}",
                       f"unknown schema version; this version of casusbeeld reads versions 1.0 to {SCHEMA_VERSION}")
    return problem


def _partial_case(raw: dict[str, Any]) -> tuple[Case, Any, dict[str, set[str]], dict[str, list[int]]]:
    """The valid items of a broken file, so cross-item checks can still run on them.

    Also returns the ids of the invalid items, so references to them are not reported twice, and the
    positions of the invalid items (``layout``: ``[0]`` when it is invalid), whose references
    :func:`check_raw_references` reads from the raw JSON.
    """
    fields: dict[str, Any] = {}
    positions: dict[str, list[int]] = {}
    unchecked_ids: dict[str, set[str]] = {}
    invalid: dict[str, list[int]] = {}
    for name, adapter in _ADAPTERS.items():
        items = raw.get(name)
        kept, where = [], []
        if isinstance(items, list):
            for position, item in enumerate(items):
                try:
                    kept.append(adapter.validate_python(item))
                    where.append(position)
                except ValidationError:
                    invalid.setdefault(name, []).append(position)
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        unchecked_ids.setdefault(name, set()).add(item["id"])
        fields[name] = kept
        positions[name] = where
    index_person = raw.get("index_person")
    fields["index_person"] = index_person if isinstance(index_person, str) else None
    try:
        fields["layout"] = LayoutHints.model_validate(raw.get("layout", {}))
    except ValidationError:
        fields["layout"] = LayoutHints()
        invalid["layout"] = [0]

    def index_map(collection: str, position: int) -> int:
        where = positions.get(collection)
        return where[position] if where is not None and position < len(where) else position

    return Case.model_construct(**fields), index_map, unchecked_ids, invalid
