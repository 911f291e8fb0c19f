"""Opening a spreadsheet through the app's upload: the import of :mod:`models.spreadsheet`, all or nothing.

A workbook (``.xlsx``) or CSV file becomes a case held in the browser tab only, unsaved, named after the file
(``dossier.xlsx`` → ``dossier.json``); any problem refuses the whole file and each one is shown with its sheet,
row and column in the interface language.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from models.problems import CaseError
from models.saving import case_bytes
from models.spreadsheet import SPREADSHEET_SUFFIXES, import_spreadsheet

_CELL = re.compile(r"^(?P<sheet>[^!]+)!(?:rij (?P<row>\d+))?(?:, )?(?:kolom (?P<column>.+))?$")


def is_spreadsheet(name: str | None) -> bool:
    """Whether an uploaded file's name says it is a workbook or CSV file (not a case file)."""
    return PurePath(name or "").suffix.lower() in SPREADSHEET_SUFFIXES


def spreadsheet_case(data: bytes, name: str) -> tuple[bytes, str]:
    """The case file bytes and file name for an uploaded spreadsheet; :class:`CaseError` lists every problem."""
    case = import_spreadsheet(data, name)
    return case_bytes(case), PurePath(name).stem + ".json"


def shown_path(path: str, lang: str) -> str:
    """Where a problem is, in the interface language: ``Gebeurtenissen!rij 12, kolom Datum`` in English reads
    ``Gebeurtenissen, row 12, column Datum`` (sheet and column names stay as the template has them)."""
    match = _CELL.match(path)
    if match is None or lang != "en":
        return path
    parts = [match["sheet"]]
    if match["row"]:
        parts.append(f"row {match['row']}")
    if match["column"]:
        parts.append(f"column {match['column']}")
    return ", ".join(parts)


__all__ = ["CaseError", "is_spreadsheet", "shown_path", "spreadsheet_case"]
