"""Files → tables: an ``.xlsx`` workbook (openpyxl) or CSV files (pandas), each sheet a header and rows.

Row numbers are the ones a spreadsheet program shows (the header is row 1), so a problem can name them.
A workbook is a zip: its unpacked size is checked before anything is parsed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from models.limits import MAX_FILE_BYTES, MAX_ITEMS
from models.problems import Problem

MAX_UNPACKED_BYTES = 200 * 1_048_576
"""A workbook that unpacks to more than this is refused (a zip bomb, or far beyond any case)."""

MAX_COLUMNS = 100

SHEET_NAMES: dict[str, str] = {
    "personen": "Personen", "persons": "Personen", "organisaties": "Organisaties",
    "organisations": "Organisaties", "relaties": "Relaties", "relationships": "Relaties",
    "gebeurtenissen": "Gebeurtenissen", "events": "Gebeurtenissen", "tijdlijn": "Gebeurtenissen",
    "bronnen": "Bronnen", "sources": "Bronnen", "casus": "Casus", "case": "Casus", "overig": "Overig",
}
"""Sheet (or CSV file) names read, in Dutch or English, to the workbook's own name."""


@dataclass
class Table:
    """One sheet: its header (row 1) and its non-empty rows as ``(row number, cells)``."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


class TableError(Exception):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems[0].en if problems else "")
        self.problems = list(problems)


def _problem(path: str, code: str, nl: str, en: str) -> TableError:
    return TableError([Problem(path, code, nl, en)])


def read_tables(files: Sequence[tuple[str, bytes]]) -> dict[str, Table]:
    """The known sheets in ``files`` (one workbook, or one or more CSV files), by the workbook's sheet name."""
    tables: dict[str, Table] = {}
    for name, data in files:
        if len(data) > MAX_FILE_BYTES:
            raise _problem(name, "file_too_large", "bestand is te groot", "file is too large")
        suffix = PurePath(name).suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            found = _workbook_tables(name, data)
        elif suffix in (".csv", ".txt", ".tsv"):
            found = {_csv_sheet_name(name): _csv_table(name, data)}
        else:
            raise _problem(name, "unknown_file_type", "kies een .xlsx- of .csv-bestand",
                           "choose an .xlsx or .csv file")
        for sheet, table in found.items():
            table.name = sheet
            tables[sheet] = table
    if sum(len(table.rows) for table in tables.values()) > MAX_ITEMS:
        raise _problem("$", "too_many_rows", f"meer dan {MAX_ITEMS:,} rijen".replace(",", "."),
                       f"more than {MAX_ITEMS:,} rows")
    return tables


def _csv_sheet_name(file_name: str) -> str:
    """``personen.csv`` fills Personen; any other single CSV is a list of events."""
    stem = PurePath(file_name).stem.casefold()
    for word, sheet in SHEET_NAMES.items():
        if stem == word or stem.endswith(("_" + word, "-" + word, " " + word)):
            return sheet
    return "Gebeurtenissen"


def _csv_table(name: str, data: bytes) -> Table:
    import pandas as pd

    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)  # the header's separator: Dutch Excel writes ";"
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                            skip_blank_lines=False, header=None, engine="python")
    except (ValueError, pd.errors.ParserError) as exc:
        raise _problem(name, "bad_csv", f"CSV-bestand kan niet gelezen worden: {exc}",
                       f"CSV file cannot be read: {exc}") from None
    rows = frame.values.tolist()
    if not rows:
        return Table("", [])
    return _table([row for row in rows], name)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252: what Excel writes as "CSV" on Dutch Windows."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _workbook_tables(name: str, data: bytes) -> dict[str, Table]:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise _problem(name, "not_a_workbook", "geen Excel-werkmap (.xlsx)", "not an Excel workbook (.xlsx)") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise _problem(name, "file_too_large", "werkmap is uitgepakt te groot", "workbook is too large unpacked")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _problem(name, "not_a_workbook", f"werkmap kan niet gelezen worden ({type(exc).__name__})",
                       f"workbook cannot be read ({type(exc).__name__})") from None
    try:
        tables = {}
        for sheet in book.worksheets:
            known = SHEET_NAMES.get(sheet.title.strip().casefold())
            if known is None:
                continue  # a sheet of the user's own (notes, the drop-down lists) is not part of the case
            rows = []
            for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                rows.append(list(values))
                if len(rows) > MAX_ITEMS + 1:
                    break
            tables[known] = _table(rows, name)
        return tables
    finally:
        book.close()


def _table(rows: list[list[Any]], name: str) -> Table:
    """Header from the first row; empty rows dropped, each kept row with its number."""
    from models.spreadsheet.columns import cell_text, is_empty

    if not rows:
        return Table(name, [])
    header = ["" if is_empty(value) else cell_text(value) for value in rows[0]]
    body = [(number, list(values)) for number, values in enumerate(rows[1:], start=2)
            if not all(is_empty(value) for value in values)]
    return Table(name, header, body)
