"""Tables → a validated case, all or nothing; every problem names its sheet, row and column.

Cells are read by their column (dates, yes/no, word lists, references); references may name an item by
its id or by its (unique) name. The case is then checked by :func:`models.validate_case_data`, and the
problems it finds are traced back to the cell they came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from models.loading import validate_case_data
from models.problems import CaseError, Problem
from models.spreadsheet.columns import (
    CASE_FIELDS,
    CASE_SHEET,
    OTHER_PARTS,
    OTHER_SHEET,
    PERSONS,
    SHEETS,
    CellError,
    Column,
    Sheet,
    cell_text,
    is_empty,
    read_bool,
    read_date,
    read_enum,
    split_refs,
)
from models.spreadsheet.tables import Table


def cell_path(sheet: str, row: int | None = None, column: str | None = None) -> str:
    """``Gebeurtenissen!rij 12, kolom Datum``."""
    path = sheet
    if row is not None:
        path += f"!rij {row}"
    if column is not None:
        path += f"{',' if row is not None else '!'} kolom {column}"
    return path


@dataclass
class _Build:
    """The case being built, and where each item came from."""

    raw: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    origin: dict[tuple[str, int], tuple[Sheet, int]] = field(default_factory=dict)
    pending: list[tuple[dict, Column, Any, str]] = field(default_factory=list)  # refs to resolve by name
    missing: set[tuple[str, str]] = field(default_factory=set)  # paths of missing columns: not reported row by row

    def add(self, path: str, code: str, nl: str, en: str) -> None:
        self.problems.append(Problem(path, code, nl, en))


def build_case(tables: dict[str, Table], file_name: str) -> Any:
    """The case the tables describe; raise :class:`CaseError` with every problem, located by cell."""
    stem = PurePath(file_name).stem or "casus"
    build = _Build({"id": _slug(stem), "title": stem, "pseudonymised": True})
    if not any(sheet.name in tables for sheet in SHEETS):
        names = ", ".join(sheet.name for sheet in SHEETS)
        raise CaseError([Problem(file_name, "no_known_sheet", f"geen tabblad gevonden met een van de namen {names}",
                                 f"no sheet found named one of {names}")])
    _read_case_sheet(tables.get(CASE_SHEET), build)
    for sheet in SHEETS:
        if sheet.name in tables:
            _read_sheet(sheet, tables[sheet.name], build)
    _read_other_sheet(tables.get(OTHER_SHEET), build)
    _give_ids(build)
    _resolve_refs(build, create_persons=PERSONS.name not in tables)
    _choose_index(build)
    try:
        case = validate_case_data(build.raw)
    except CaseError as error:
        cells = {problem.path for problem in build.problems}
        traced = [_trace(problem, build) for problem in error.problems]
        build.problems.extend(problem for problem in traced
                              if problem.path not in cells and not _in_missing_column(problem.path, build))
        raise CaseError(build.problems) from None
    if build.problems:
        raise CaseError(build.problems)
    return case


def _in_missing_column(path: str, build: _Build) -> bool:
    return any(path.startswith(sheet + "!") and path.endswith(f"kolom {header}") for sheet, header in build.missing)


def _read_case_sheet(table: Table | None, build: _Build) -> None:
    if table is None:
        return
    names = {name.casefold(): key for name, key in CASE_FIELDS.items()}
    for number, cells in [(1, table.header), *table.rows]:
        label = cell_text(cells[0]) if cells and not is_empty(cells[0]) else ""
        value = cells[1] if len(cells) > 1 else None
        if label.casefold() in ("veld", "field", ""):
            continue
        key = names.get(label.casefold())
        if key is None:
            known = ", ".join(CASE_FIELDS)
            build.add(cell_path(CASE_SHEET, number, "A"), "unknown_case_field",
                      f"onbekend veld '{label[:40]}'; gebruik: {known}", f"unknown field '{label[:40]}'; use: {known}")
        elif not is_empty(value):
            build.raw[key] = cell_text(value) if key not in ("created", "updated") else _timestamp(value)


def _timestamp(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else cell_text(value)


def _read_sheet(sheet: Sheet, table: Table, build: _Build) -> None:
    columns: list[Column | None] = []
    for position, header in enumerate(table.header):
        column = sheet.column(header) if header else None
        if header and column is None:
            build.add(cell_path(sheet.name, 1, header[:40]), "unknown_column",
                      f"onbekende kolom; gebruik: {', '.join(c.header for c in sheet.columns)}",
                      f"unknown column; use: {', '.join(c.header for c in sheet.columns)}")
        if not header and any(position < len(cells) and not is_empty(cells[position]) for _, cells in table.rows):
            build.add(cell_path(sheet.name, 1), "column_without_header",
                      f"kolom {position + 1} heeft waarden maar geen kop",
                      f"column {position + 1} has values but no header")
        columns.append(column)
    present = {column.header for column in columns if column}
    missing = [column.header for column in sheet.columns if column.required and column.header not in present]
    for header in missing:
        build.add(cell_path(sheet.name, 1, header), "missing_column", "verplichte kolom ontbreekt",
                  "required column is missing")
        build.missing.add((sheet.name, header))
    items = build.raw.setdefault(sheet.collection, []) if table.rows else []
    for number, cells in table.rows:
        item: dict[str, Any] = {}
        for column, value in zip(columns, cells, strict=False):
            if column is not None and not is_empty(value):
                _read_cell(sheet, column, value, item, number, build)
        build.origin[(sheet.collection, len(items))] = (sheet, number)
        items.append(item)


def _read_cell(sheet: Sheet, column: Column, value: Any, item: dict, number: int, build: _Build) -> None:
    try:
        parsed = _parse(column, value)
    except CellError as error:
        build.add(cell_path(sheet.name, number, column.header), error.code, error.nl, error.en)
        return
    *parents, last = column.field.split(".")
    holder = item
    for part in parents:
        holder = holder.setdefault(part, {})
    holder[last] = parsed
    if column.kind in ("ref", "refs"):
        build.pending.append((holder, column, last, cell_path(sheet.name, number, column.header)))


def _parse(column: Column, value: Any) -> Any:
    if column.kind == "date":
        return read_date(value)
    if column.kind == "bool":
        return read_bool(value)
    if column.kind == "enum":
        assert column.enum is not None
        return read_enum(value, column.enum)
    if column.kind == "refs":
        return split_refs(value)
    if column.kind == "json":  # a small list the sheet cannot spread over columns (a professional's affiliations)
        try:
            return json.loads(cell_text(value))
        except ValueError:
            raise CellError("bad_json", "geen geldige JSON-lijst", "not a valid JSON list") from None
    if isinstance(value, str):
        return value if column.kind == "text" else value.strip()
    return cell_text(value)


def _read_other_sheet(table: Table | None, build: _Build) -> None:
    """The parts carried as JSON (households, annotations…), each possibly over several rows."""
    if table is None:
        return
    chunks: dict[str, list[str]] = {}
    first_row: dict[str, int] = {}
    for number, cells in table.rows:
        part = cell_text(cells[0]) if cells and not is_empty(cells[0]) else ""
        if part not in OTHER_PARTS:
            build.add(cell_path(OTHER_SHEET, number, "A"), "unknown_part",
                      f"onbekend onderdeel; gebruik: {', '.join(OTHER_PARTS)}",
                      f"unknown part; use: {', '.join(OTHER_PARTS)}")
            continue
        chunks.setdefault(part, []).append(cell_text(cells[1]) if len(cells) > 1 and not is_empty(cells[1]) else "")
        first_row.setdefault(part, number)
    for part, texts in chunks.items():
        try:
            build.raw[part] = json.loads("".join(texts))
        except ValueError:
            build.add(cell_path(OTHER_SHEET, first_row[part], "B"), "bad_json",
                      "geen geldige JSON (bewerk dit tabblad niet)", "not valid JSON (do not edit this sheet)")


def _give_ids(build: _Build) -> None:
    """Rows without an id get one: ``p1``, ``p2``… (never one already used)."""
    for sheet in SHEETS:
        items = build.raw.get(sheet.collection, [])
        used = {item["id"] for item in items if isinstance(item.get("id"), str)}
        count = 0
        for item in items:
            if "id" not in item:
                count += 1
                while f"{sheet.id_prefix}{count}" in used:
                    count += 1
                item["id"] = f"{sheet.id_prefix}{count}"


def _resolve_refs(build: _Build, create_persons: bool) -> None:
    """References by name become ids; without a Personen sheet, unknown names become new persons."""
    names = {
        "persons": _by_name(build.raw.get("persons", []), "label"),
        "organisations": _by_name(build.raw.get("organisations", []), "name"),
        "sources": _by_name(build.raw.get("sources", []), "title"),
    }
    for holder, column, key, _ in build.pending:
        kinds = ("persons", "organisations") if column.refers_to == "actors" else (column.refers_to or "",)
        values = holder[key] if isinstance(holder[key], list) else [holder[key]]
        resolved = [_resolve(value, [names[kind] for kind in kinds if kind in names]) for value in values]
        if create_persons and kinds[0] == "persons":
            resolved = [_new_person(value, build, names["persons"]) for value in resolved]
        holder[key] = resolved if isinstance(holder[key], list) else resolved[0]


def _by_name(items: list[dict], name_field: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in items:
        found.setdefault(str(item.get("id")), []).append(str(item.get("id")))
        name = item.get(name_field)
        if isinstance(name, str):
            found.setdefault(name.strip().casefold(), []).append(str(item.get("id")))
    return found


def _resolve(value: str, lookups: list[dict[str, list[str]]]) -> str:
    for lookup in lookups:
        if value in lookup:
            return value
    for lookup in lookups:
        ids = lookup.get(value.casefold(), [])
        if len(set(ids)) == 1:
            return ids[0]
    return value  # unknown or ambiguous: validation reports it at this cell


def _new_person(value: str, build: _Build, names: dict[str, list[str]]) -> str:
    if value in names or value.casefold() in names:
        return names.get(value, names.get(value.casefold(), [value]))[0]
    persons = build.raw.setdefault("persons", [])
    person_id = f"p{len(persons) + 1}"
    persons.append({"id": person_id, "label": value, "kind": "family"})
    names[value.casefold()] = names[person_id] = [person_id]
    return person_id


def _choose_index(build: _Build) -> None:
    """The index person: the Casus sheet's (by id or name), else the first family member, else a new "Kind"."""
    persons = build.raw.get("persons", [])
    chosen = build.raw.get("index_person")
    if chosen:
        build.raw["index_person"] = _resolve(chosen, [_by_name(persons, "label")])
        return
    family = [p for p in persons if p.get("kind") == "family"] or persons
    if not family:
        family = [{"id": "kind", "label": "Kind", "kind": "family"}]
        build.raw["persons"] = [*persons, *family]
    build.raw["index_person"] = family[0].get("id")


_JSON_PATH = re.compile(r"^\$\.(\w+)\[(\d+)\](.*)$")


def _trace(problem: Problem, build: _Build) -> Problem:
    """A validation problem at a JSON path, moved to the cell it came from."""
    match = _JSON_PATH.match(problem.path)
    top = problem.path[2:].split(".")[0].split("[")[0] if problem.path.startswith("$.") else ""
    if match and (match[1], int(match[2])) in build.origin:
        sheet, row = build.origin[(match[1], int(match[2]))]
        column = _column_for(sheet, re.sub(r"\[\d+\]", "", match[3]).lstrip("."))
        return Problem(cell_path(sheet.name, row, column.header if column else None), problem.code,
                       _cells_in(problem.nl, build), _cells_in(problem.en, build))
    if top in OTHER_PARTS:
        return Problem(f"{OTHER_SHEET}!{top}: {problem.path}", problem.code, problem.nl, problem.en)
    names = {key: name for name, key in CASE_FIELDS.items()}
    if top in names:
        return Problem(f"{CASE_SHEET}!{names[top]}", problem.code, problem.nl, problem.en)
    return problem


def _cells_in(message: str, build: _Build) -> str:
    """``(ook bij $.persons[0])`` → ``(ook bij Personen!rij 2)``."""
    def replace(match: re.Match[str]) -> str:
        origin = build.origin.get((match[1], int(match[2])))
        return cell_path(origin[0].name, origin[1]) if origin else match[0]

    return re.sub(r"\$\.(\w+)\[(\d+)\]", replace, message)


def _column_for(sheet: Sheet, field_path: str) -> Column | None:
    if not field_path:
        return None
    exact = sheet.column_for(field_path)
    if exact:
        return exact
    parts = field_path.split(".")
    for end in range(len(parts) - 1, 0, -1):  # a problem deeper than the column (e.g. twin.of.x)
        column = sheet.column_for(".".join(parts[:end]))
        if column:
            return column
    return next((c for c in sheet.columns if c.field.startswith(field_path + ".")), None)


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_.:-]+", "-", text).strip("-")[:64]
    return slug or "casus"
