"""A case → a workbook of the import's shape, and the empty template to fill in.

Both carry drop-down lists (Dutch labels of the closed word lists, on a hidden sheet Lijsten), date
columns formatted as text (so Excel keeps ``3-2015`` as typed) and an Uitleg sheet. Text that looks
like a formula is written as plain text, never as a formula.
"""

from __future__ import annotations

import io
import json
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from models.case import Case, LayoutHints
from models.partial_date import PartialDate, dutch_date
from models.spreadsheet.columns import (
    CASE_FIELDS,
    CASE_SHEET,
    LISTS_SHEET,
    OTHER_PARTS,
    OTHER_SHEET,
    SHEETS,
    Column,
    Sheet,
    choice_labels,
)
from models.vocabulary import LABELS

CHUNK = 30_000
"""Characters of JSON per cell on the Overig sheet (Excel keeps at most 32,767 in a cell)."""

MIN_VALIDATED_ROWS = 1000

_KIND_HELP = {
    "id": "vrij te laten: casusbeeld geeft een id; nodig om ernaar te verwijzen met iets anders dan de naam",
    "text": "tekst",
    "date": "datum: 12-3-2015, 3-2015, 2015 of ca. 2015",
    "bool": "ja of leeg",
    "enum": "kies uit de lijst",
    "ref": "id of naam",
    "refs": "ids of namen, gescheiden door komma's",
    "json": 'JSON, bijvoorbeeld [{"organisation": "org-1", "start": "2017"}]',
}


def case_workbook_bytes(case: Case) -> bytes:
    """The case as an ``.xlsx`` workbook that :func:`models.spreadsheet.import_spreadsheet` reads back."""
    book = _new_workbook(case)
    for sheet in SHEETS:
        items = getattr(case, sheet.collection)
        target = book[sheet.name]
        for row, item in enumerate(items, start=2):
            for position, column in enumerate(sheet.columns, start=1):
                _put(target.cell(row=row, column=position), _export_value(item, column))
        _validate_columns(target, sheet, max(MIN_VALIDATED_ROWS, len(items) + 500))
    _write_other(book, case)
    return _save(book)


def template_bytes() -> bytes:
    """An empty workbook to fill in, with drop-down lists and an explanation sheet."""
    book = _new_workbook(None)
    for sheet in SHEETS:
        _validate_columns(book[sheet.name], sheet, MIN_VALIDATED_ROWS)
    _write_help(book)
    return _save(book)


def _new_workbook(case: Case | None) -> Workbook:
    book = Workbook()
    info = book.active
    info.title = CASE_SHEET
    _header(info, ["Veld", "Waarde"])
    for row, (name, key) in enumerate(CASE_FIELDS.items(), start=2):
        info.cell(row=row, column=1, value=name)
        value = getattr(case, key) if case is not None else None
        if value is not None:
            _put(info.cell(row=row, column=2), value.isoformat() if hasattr(value, "isoformat") else str(value))
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 60
    for sheet in SHEETS:
        _header(book.create_sheet(sheet.name), [column.header for column in sheet.columns])
    _write_lists(book)
    return book


def _header(target: Worksheet, headers: list[str]) -> None:
    for position, header in enumerate(headers, start=1):
        cell = target.cell(row=1, column=position, value=header)
        cell.font = Font(bold=True)
        target.column_dimensions[get_column_letter(position)].width = max(12, len(header) + 4)
    target.freeze_panes = "A2"


def _list_columns() -> list[tuple[str, list[str]]]:
    """The drop-down lists: one per word list used by a column, and ja/nee."""
    lists: dict[str, list[str]] = {"ja/nee": ["ja", "nee"]}
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.enum is not None:
                lists.setdefault(column.enum.__name__, choice_labels(column.enum))
    return list(lists.items())


def _write_lists(book: Workbook) -> None:
    lists = book.create_sheet(LISTS_SHEET)
    for position, (name, labels) in enumerate(_list_columns(), start=1):
        lists.cell(row=1, column=position, value=name)
        for row, entry in enumerate(labels, start=2):
            lists.cell(row=row, column=position, value=entry)
    lists.sheet_state = "hidden"


def _list_range(column: Column) -> str:
    name = column.enum.__name__ if column.enum is not None else "ja/nee"
    for position, (list_name, labels) in enumerate(_list_columns(), start=1):
        if list_name == name:
            letter = get_column_letter(position)
            return f"{LISTS_SHEET}!${letter}$2:${letter}${len(labels) + 1}"
    raise KeyError(name)


def _validate_columns(target: Worksheet, sheet: Sheet, rows: int) -> None:
    """Drop-downs on word-list and yes/no columns; date columns formatted as text."""
    for position, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(position)
        cells = f"{letter}2:{letter}{rows}"
        if column.kind in ("enum", "bool"):
            rule = DataValidation(type="list", formula1=f"={_list_range(column)}", allow_blank=True,
                                  showErrorMessage=True, errorTitle="Kies uit de lijst",
                                  error="Deze waarde staat niet in de lijst. / This value is not in the list.")
            rule.add(cells)
            target.add_data_validation(rule)
        elif column.kind == "date":
            for row in range(2, rows + 1):
                target.cell(row=row, column=position).number_format = "@"


def _export_value(item: Any, column: Column) -> str | None:
    owner, value = None, item
    for part in column.field.split("."):
        owner, value = value, getattr(value, part, None)
        if value is None:
            return None
    field = type(owner).model_fields.get(column.field.split(".")[-1])
    if column.kind == "enum" and field is not None and value == field.default:
        return None  # the default (bevestigd, onbekend…) goes without saying, as in the case file
    if column.kind == "date":
        assert isinstance(value, PartialDate)
        return dutch_date(value)
    if column.kind == "bool":
        return "ja" if value else None
    if column.kind == "enum":
        return LABELS.get(str(value), {}).get("nl", str(value))
    if column.kind == "refs":
        return ", ".join(value) or None
    if column.kind == "json":
        return json.dumps([part.model_dump(mode="json", exclude_none=True) for part in value],
                          ensure_ascii=False) if value else None
    return str(value)


def _put(cell: Any, value: str | None) -> None:
    """Write text as text: a value starting with ``=`` stays a string, never a formula."""
    if value is None:
        return
    cell.value = value
    cell.data_type = "s"


def _write_other(book: Workbook, case: Case) -> None:
    from models.saving import case_document

    document = case_document(case)
    parts = [(part, document[part]) for part in OTHER_PARTS
             if part in document and document[part] not in ([], {}, LayoutHints().model_dump(mode="json"))]
    if not parts:
        return
    other = book.create_sheet(OTHER_SHEET)
    _header(other, ["Onderdeel", "JSON (niet bewerken)"])
    row = 2
    for part, data in parts:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        for start in range(0, len(text), CHUNK):
            other.cell(row=row, column=1, value=part)
            _put(other.cell(row=row, column=2), text[start:start + CHUNK])
            row += 1


def _write_help(book: Workbook) -> None:
    help_sheet = book.create_sheet("Uitleg", 0)
    _header(help_sheet, ["Tabblad", "Kolom", "Wat erin hoort", "Verplicht"])
    lines = [("Casus", name, "tekst (Indexpersoon: id of naam van het kind)", "") for name in CASE_FIELDS]
    for sheet in SHEETS:
        lines += [(sheet.name, column.header, _KIND_HELP[column.kind], "ja" if column.required else "")
                  for column in sheet.columns]
    for row, line in enumerate(lines, start=2):
        for position, value in enumerate(line, start=1):
            help_sheet.cell(row=row, column=position, value=value)
    help_sheet.column_dimensions["C"].width = 80


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
