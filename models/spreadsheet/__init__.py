"""Cases from spreadsheets and back: an ``.xlsx`` workbook (sheets Casus, Personen, Organisaties, Relaties,
Gebeurtenissen, Bronnen) or CSV files, read all or nothing, every problem located by sheet, row and column.

>>> from models.spreadsheet import import_spreadsheet, case_workbook_bytes, template_bytes
"""

from __future__ import annotations

from collections.abc import Sequence

from models.case import Case
from models.problems import CaseError
from models.spreadsheet.reading import build_case, cell_path
from models.spreadsheet.tables import TableError, read_tables
from models.spreadsheet.writing import case_workbook_bytes, template_bytes

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv", ".txt")


def import_spreadsheet(data: bytes, file_name: str) -> Case:
    """The case in one uploaded workbook or CSV file; raise :class:`CaseError` listing every problem."""
    return import_files([(file_name, data)])


def import_files(files: Sequence[tuple[str, bytes]]) -> Case:
    """The case in a workbook, or in CSV files named after their sheets (``personen.csv``, …).

    A single CSV with another name is read as the Gebeurtenissen sheet; the persons it names are created.
    """
    try:
        tables = read_tables(files)
    except TableError as error:
        raise CaseError(error.problems) from None
    return build_case(tables, files[0][0] if files else "casus")


__all__ = ["SPREADSHEET_SUFFIXES", "case_workbook_bytes", "cell_path", "import_files", "import_spreadsheet",
           "template_bytes"]
