"""Spreadsheet import and export: every column read, every kind of bad cell located, nothing half-imported."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.cli import BUNDLED_CASES, main
from models import CaseError, load_case
from models.spreadsheet import case_workbook_bytes, import_files, import_spreadsheet, template_bytes
from models.spreadsheet.columns import SHEETS, choice_labels
from models.vocabulary import LABELS, OrganisationType

SAMPLES = sorted(BUNDLED_CASES.glob("*.json"))


def workbook(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx with the given sheets, each a list of rows (the first the header)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        target = book.create_sheet(name)
        for row in rows:
            target.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


PERSONS = [["Id", "Naam of rol", "Soort", "Geslacht", "Geboren"],
           ["kind", "Kind", "familie", "vrouw", "3-2012"],
           ["moeder", "Moeder", "familie", "vrouw", "1985"]]
EVENT_HEADER = ["Datum", "Laag", "Soort", "Titel", "Personen"]


def events_book(*rows: list, header: list | None = None, **extra: list[list]) -> bytes:
    return workbook({"Personen": PERSONS, "Gebeurtenissen": [header or EVENT_HEADER, *rows], **extra})


def problems_of(data: bytes, name: str = "dossier.xlsx") -> dict[str, tuple[str, str, str]]:
    with pytest.raises(CaseError) as caught:
        import_spreadsheet(data, name)
    return {p.path: (p.code, p.nl, p.en) for p in caught.value.problems}


# --- round trip ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_case_survives_workbook_round_trip(path: Path):
    case = load_case(path)
    back = import_spreadsheet(case_workbook_bytes(case), "terug.xlsx")
    if case.perspectives or case.links:  # the workbook has no sheets for the group's additions and authors yet
        assert not (back.perspectives or back.links or back.perspective_switch)
        assert _without_group(back) == _without_group(case)
        return
    assert back == case


def _without_group(case: Any) -> dict[str, Any]:
    """The case as data without what a workshop adds (perspectives, links, card 5's rows, authors)."""
    data = case.model_dump(mode="json", exclude={"perspectives", "links", "perspective_switch", "schema_version"})
    for items in data.values():
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                item.pop("added_by", None)
    return data


def test_exported_workbook_reads_as_people_write_it():
    case = load_case(BUNDLED_CASES / "noor_jeugd_ggz.json")
    book = openpyxl.load_workbook(io.BytesIO(case_workbook_bytes(case)))
    assert {"Casus", "Personen", "Organisaties", "Relaties", "Gebeurtenissen", "Bronnen"} <= set(book.sheetnames)
    events = book["Gebeurtenissen"]
    header = [cell.value for cell in events[1]]
    first = dict(zip(header, [cell.value for cell in events[2]], strict=False))
    event = case.events[0]
    day = event.date
    expected = "-".join(str(part) for part in (day.day, day.month, day.year) if part)
    assert first["Datum"].removeprefix("ca. ") == expected
    assert first["Laag"] == LABELS[event.layer.value]["nl"]  # Dutch label, as in the drop-down
    assert book["Lijsten"].sheet_state == "hidden"


def test_text_that_looks_like_a_formula_is_exported_as_text():
    case = load_case(BUNDLED_CASES / "minimal.json")
    case = case.model_copy(update={"title": '=HYPERLINK("http://x.example","klik")'})
    data = case_workbook_bytes(case)
    cell = openpyxl.load_workbook(io.BytesIO(data))["Casus"]["B3"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert import_spreadsheet(data, "x.xlsx").title == case.title


# --- template --------------------------------------------------------------------------------------

def test_template_has_drop_down_lists_with_dutch_labels():
    book = openpyxl.load_workbook(io.BytesIO(template_bytes()))
    organisations = book["Organisaties"]
    rules = {str(rule.sqref): rule.formula1 for rule in organisations.data_validations.dataValidation}
    kind_rule = rules["C2:C1000"]  # the Soort column
    sheet_name, cells = kind_rule.lstrip("=").split("!")
    first, last = (cell.replace("$", "") for cell in cells.split(":"))
    values = [cell.value for row in book[sheet_name][first:last] for cell in row]
    assert values == choice_labels(OrganisationType) and "Veilig Thuis" in values
    assert book["Gebeurtenissen"]["B2"].number_format == "@"  # Datum: Excel keeps 3-2015 as typed
    assert {"Uitleg", "Casus", "Personen", "Organisaties", "Relaties", "Gebeurtenissen"} <= set(book.sheetnames)


def test_filled_in_template_imports():
    book = openpyxl.load_workbook(io.BytesIO(template_bytes()))
    book["Casus"]["B2"] = "casus-7"
    book["Casus"]["B3"] = "Casus 7"
    book["Personen"].append([None, "Kind", "familie", "man", "12-3-2015"])
    book["Gebeurtenissen"].append([None, "ca. 3-2016", None, None, "formele acties (boven de lijn)", "overleg",
                                   "Eerste overleg", None, "Kind"])
    buffer = io.BytesIO()
    book.save(buffer)
    case = import_spreadsheet(buffer.getvalue(), "sjabloon.xlsx")
    assert (case.id, case.title, case.index_person) == ("casus-7", "Casus 7", "p1")
    assert case.events[0].date.iso() == "~2016-03" and case.events[0].persons == ["p1"]


# --- every column --------------------------------------------------------------------------------

FULL = {
    "Bronnen": {"Id": "s1", "Soort": "gesprek", "Titel": "Gesprek met moeder", "Datum": "4-2016", "Notitie": "n"},
    "Organisaties": {"Id": "vt", "Naam": "Veilig Thuis regio", "Soort": "Veilig Thuis", "Notitie": "n",
                     "Korte naam": "VT"},
    "Personen": {"Id": "kind", "Naam of rol": "Kind", "Soort": "familie", "Geslacht": "vrouw", "Geboren": "3-2012",
                 "Overleden op": "ca. 2030", "Overleden": "ja", "Rol": "index", "Organisatie": "vt",
                 "Betrokken vanaf": "2013", "Betrokken tot": "2014", "Tweeling van": "Zus", "Eeneiig": "x",
                 "Casusregisseur": "ja", "Werkte ook bij": '[{"organisation": "vt", "start": "2013"}]',
                 "Notitie": "notitie"},
    "Relaties": {"Id": "r1", "Van": "Zus", "Soort": "partners", "Naar": "kind", "Soort ouderschap": None,
                 "Status": "gescheiden", "Getrouwd": "2010", "Uit elkaar": "2011", "Gescheiden": "1-1-2012",
                 "Begin": "2009", "Einde": "2012", "Gezien door": "kind", "Zekerheid": "vermoed", "Bron": "s1",
                 "Verteld door": "Zus", "Notitie": "n"},
    "Gebeurtenissen": {"Id": "e1", "Datum": "12-3-2015", "Einddatum": "4-2015", "Ongeveer": "nee",
                       "Laag": "formal", "Soort": "placement", "Titel": "Plaatsing", "Beschrijving": "lang",
                       "Personen": "kind; Zus", "Organisatie": "vt", "Ook betrokken organisaties": "vt",
                       "Naar organisatie": "Veilig Thuis regio",
                       "Bron": "Gesprek met moeder", "Verteld door": "Zus",
                       "Perspectief van": "kind", "Soort uitspraak": "feit",
                       "Zekerheid": "betwist", "Kernmoment": "ja", "Plaatsing": "pleeggezin",
                       "Plaatsing: kind": "Zus", "Plaatsing: locatie": "Pleeggezin B.",
                       "Plaatsing: crisis": "ja", "Besluit door": "vt, kind",
                       "Besluit: familie betrokken": "ja", "Besluit: motivering": "omdat",
                       "Besluit: niet gehoord": "kind"},
}
SISTER = {"Id": "zus", "Naam of rol": "Zus", "Soort": "family"}


def full_book() -> bytes:
    sheets = {}
    for name, row in FULL.items():
        rows = [row, SISTER] if name == "Personen" else [row]
        headers = list(row)
        sheets[name] = [headers, *[[r.get(h) for h in headers] for r in rows]]
    sheets["Casus"] = [["Veld", "Waarde"], ["Casusnummer", "c1"], ["Titel", "Casus 1"], ["Omschrijving", "o"],
                       ["Indexpersoon", "Kind"], ["Aangemaakt", dt.datetime(2024, 1, 2, 3, 4)],
                       ["Bijgewerkt", "2024-02-03T04:05:00"]]
    return workbook(sheets)


def test_the_every_column_test_fills_every_column():
    for sheet in SHEETS:
        assert [c.header for c in sheet.columns] == list(FULL[sheet.name]), sheet.name


def test_every_column_is_read_into_its_field():
    case = import_spreadsheet(full_book(), "x.xlsx")
    dumped = case.model_dump(mode="json", exclude_none=True)
    assert (case.id, case.title, case.description, case.index_person) == ("c1", "Casus 1", "o", "kind")
    assert (dumped["created"], dumped["updated"]) == ("2024-01-02T03:04:00", "2024-02-03T04:05:00")
    assert dumped["sources"] == [{"id": "s1", "kind": "interview", "title": "Gesprek met moeder",
                                  "date": "2016-04", "note": "n"}]
    assert dumped["organisations"] == [{"id": "vt", "name": "Veilig Thuis regio", "short_name": "VT",
                                        "type": "veilig_thuis", "note": "n"}]
    assert dumped["persons"][0] == {
        "id": "kind", "label": "Kind", "kind": "family", "gender": "female", "birth": "2012-03", "death": "~2030",
        "deceased": True, "role": "index", "organisation": "vt", "involvement": {"start": "2013", "end": "2014"},
        "twin": {"of": "zus", "identical": True}, "note": "notitie", "case_manager": True,
        "affiliations": [{"organisation": "vt", "start": "2013"}]}
    assert dumped["relationships"] == [{
        "id": "r1", "type": "partner", "source": "zus", "target": "kind", "status": "divorced", "married": "2010",
        "separated": "2011", "divorced": "2012-01-01", "start": "2009", "end": "2012", "view": "kind",
        "certainty": "suspected", "info_source": "s1", "informant": "zus", "note": "n"}]
    assert dumped["events"] == [{
        "id": "e1", "date": "2015-03-12", "end": "2015-04", "approximate": False, "layer": "formal",
        "type": "placement", "title": "Plaatsing", "description": "lang", "persons": ["kind", "zus"],
        "organisation": "vt", "organisations": ["vt"], "to_organisation": "vt", "source": "s1",
        "informant": "zus", "perspective": "kind",
        "statement_kind": "fact", "certainty": "disputed", "key_moment": True,
        "placement": {"setting": "foster_family", "location": "Pleeggezin B.", "crisis": True, "child": "zus"},
        "decision": {"decided_by": ["vt", "kind"], "family_involved": "yes", "rationale": "omdat",
                     "not_heard": ["kind"]},
        "topics": [], "responds_to": [], "contradicts": []}]


@pytest.mark.parametrize(("cell", "expected"), [
    ("12-3-2015", "2015-03-12"), ("12/03/2015", "2015-03-12"), ("3-2015", "2015-03"), ("2015", "2015"),
    ("ca. 2015", "~2015"), ("circa 3-2015", "~2015-03"), ("2015-03-12", "2015-03-12"), (2015, "2015"),
    (dt.datetime(2015, 3, 12), "2015-03-12"),
])
def test_dates_as_people_type_them(cell, expected):
    case = import_spreadsheet(events_book([cell, "formeel", "overleg", "Gesprek", "kind"]), "x.xlsx")
    assert case.events[0].date.iso() == expected


def test_references_by_name_and_generated_ids():
    case = import_spreadsheet(events_book(["2016", "lived", "experience", "Boos", "Moeder, Kind"]), "x.xlsx")
    assert case.events[0].persons == ["moeder", "kind"] and case.events[0].id == "e1"


# --- every kind of bad cell ----------------------------------------------------------------------

@pytest.mark.parametrize(("row", "column", "code", "nl_part"), [
    (["31-2-2015", "formeel", "overleg", "T", "kind"], "Datum", "bad_date", "12-3-2015"),
    (["morgen", "formeel", "overleg", "T", "kind"], "Datum", "bad_date", "geen datum"),
    ([dt.datetime(2015, 3, 1, 14, 30), "formeel", "overleg", "T", "kind"], "Datum", "date_with_time", "zonder tijd"),
    (["2015", "bovenaan", "overleg", "T", "kind"], "Laag", "bad_choice", "kies uit"),
    (["2015", "formeel", "kat", "T", "kind"], "Soort", "bad_choice", "overleg"),
    (["2015", "formeel", "overleg", None, "kind"], "Titel", "missing", "ontbreekt"),
    (["2015", "formeel", "overleg", "   ", "kind"], "Titel", "missing", "ontbreekt"),
    (["2015", "formeel", "overleg", "T", "Oom"], "Personen", "unknown_reference", "Oom"),
    (["2015", "formeel", "overleg", "x" * 301, "kind"], "Titel", "string_too_long", "te lang"),
])
def test_bad_cell_is_located_and_nothing_is_imported(row, column, code, nl_part):
    good = ["2014", "formeel", "overleg", "Goed", "kind"]
    problems = problems_of(events_book(good, good, row))
    path = f"Gebeurtenissen!rij 4, kolom {column}"
    assert path in problems, problems
    found_code, nl, en = problems[path]
    assert nl_part in nl and en and en != nl
    assert found_code == code


def test_bad_yes_no_cell():
    header = [*EVENT_HEADER, "Ongeveer"]
    problems = problems_of(events_book(["2015", "formeel", "overleg", "T", "kind", "misschien"], header=header))
    assert problems["Gebeurtenissen!rij 2, kolom Ongeveer"][0] == "bad_yes_no"


def test_ambiguous_name_is_reported_at_its_cell():
    persons = [*PERSONS, ["moeder2", "Moeder", "familie", "vrouw", None]]
    data = workbook({"Personen": persons, "Gebeurtenissen": [EVENT_HEADER, ["2015", "formeel", "overleg", "T",
                                                                             "Moeder"]]})
    assert "Gebeurtenissen!rij 2, kolom Personen" in problems_of(data)


def test_duplicate_id_is_located_by_row():
    persons = [*PERSONS, ["kind", "Ander kind", "familie", "man", None]]
    problems = problems_of(workbook({"Personen": persons}))
    code, nl, en = problems["Personen!rij 4, kolom Id"]
    assert code == "duplicate_id" and "Personen!rij 2" in nl and "Personen!rij 2" in en


def test_unknown_and_missing_columns():
    data = workbook({"Personen": PERSONS, "Gebeurtenissen": [["Datumm", "Laag", "Soort", "Titel"],
                                                              ["2015", "formeel", "overleg", "T"]]})
    problems = problems_of(data)
    assert problems["Gebeurtenissen!rij 1, kolom Datumm"][0] == "unknown_column"
    assert problems["Gebeurtenissen!rij 1, kolom Datum"][0] == "missing_column"
    assert len(problems) == 2  # the missing column is not reported again on every row


def test_values_without_a_header():
    data = events_book(["2015", "formeel", "overleg", "T", "kind", "los"])
    assert problems_of(data)["Gebeurtenissen!rij 1"][0] == "column_without_header"


def test_bad_case_sheet_and_other_sheet():
    data = events_book(["2015", "formeel", "overleg", "T", "kind"],
                       Casus=[["Veld", "Waarde"], ["Kleur", "rood"], ["Indexpersoon", "Niemand"]],
                       Overig=[["Onderdeel", "JSON"], ["annotations", "[{kapot"], ["iets", "[]"]])
    problems = problems_of(data)
    assert problems["Casus!rij 2, kolom A"][0] == "unknown_case_field"
    assert "Casus!Indexpersoon" in problems
    assert problems["Overig!rij 2, kolom B"][0] == "bad_json"
    assert problems["Overig!rij 3, kolom A"][0] == "unknown_part"


@pytest.mark.parametrize(("data", "name", "code"), [
    (b"PK\x03\x04 not really", "x.xlsx", "not_a_workbook"),
    (b"\x00\x01", "x.xlsx", "not_a_workbook"),
    (b"{}", "x.json", "unknown_file_type"),
])
def test_files_that_are_not_spreadsheets(data, name, code):
    assert [p[0] for p in problems_of(data, name).values()] == [code]


def test_workbook_without_known_sheets():
    assert [p[0] for p in problems_of(workbook({"Blad1": [["a"], [1]]})).values()] == ["no_known_sheet"]


def test_workbook_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr("models.spreadsheet.tables.MAX_UNPACKED_BYTES", 1000)
    assert [p[0] for p in problems_of(events_book()).values()] == ["file_too_large"]


# --- CSV -----------------------------------------------------------------------------------------

def test_single_events_csv_from_dutch_excel():
    text = "Datum;Laag;Soort;Titel;Personen\r\n12-3-2015;formeel;overleg;Overleg met école;Kind, Moeder\r\n" \
           "\r\nca. 2016;beleving;beleving;Bang;Kind\r\n"
    case = import_spreadsheet(text.encode("cp1252"), "tijdlijn.csv")
    assert [p.label for p in case.persons] == ["Kind", "Moeder"] and case.index_person == "p1"
    assert case.events[0].title == "Overleg met école" and case.events[1].date.iso() == "~2016"


def test_csv_problem_names_the_row_as_a_spreadsheet_shows_it():
    text = "Datum,Laag,Soort,Titel\n2015,formeel,overleg,A\n\n2015-13,formeel,overleg,B\n"
    assert problems_of(text.encode(), "gebeurtenissen.csv")["Gebeurtenissen!rij 4, kolom Datum"][0] == "bad_date"


def test_one_csv_per_sheet():
    persons = "Id,Naam of rol,Soort\nkind,Kind,familie\noma,Oma,familie\n"
    events = "Datum,Laag,Soort,Titel,Personen\n2015,formeel,overleg,A,Oma\n"
    case = import_files([("personen.csv", persons.encode()), ("gebeurtenissen.csv", events.encode())])
    assert case.events[0].persons == ["oma"] and case.index_person == "kind"


# --- command line --------------------------------------------------------------------------------

def test_cli_import_template_and_workbook(tmp_path, capsys):
    sample = BUNDLED_CASES / "lisa_gesloten_jeugdzorg.json"
    assert main(["workbook", str(sample), "-o", str(tmp_path / "lisa.xlsx")]) == 0
    assert main(["import", str(tmp_path / "lisa.xlsx"), "-o", str(tmp_path / "lisa.json")]) == 0
    assert load_case(tmp_path / "lisa.json") == load_case(sample)
    assert main(["template", "-o", str(tmp_path / "sjabloon.xlsx")]) == 0
    assert "Uitleg" in openpyxl.load_workbook(tmp_path / "sjabloon.xlsx").sheetnames


def test_cli_import_of_a_bad_file_writes_nothing(tmp_path, capsys):
    (tmp_path / "dossier.xlsx").write_bytes(events_book(["morgen", "formeel", "overleg", "T", "kind"]))
    assert main(["import", str(tmp_path / "dossier.xlsx"), "-o", str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err
    assert "Gebeurtenissen!rij 2, kolom Datum" in err and "niets geïmporteerd" in err
    assert not (tmp_path / "out.json").exists()


def test_cli_import_warns_about_what_is_not_pseudonymised(tmp_path, capsys):
    persons = [*PERSONS, ["jan", "Jan de Vries", "familie", "man", "12-3-1980"]]
    (tmp_path / "dossier.xlsx").write_bytes(workbook({"Personen": persons}))
    assert main(["import", str(tmp_path / "dossier.xlsx"), "-o", str(tmp_path / "out.json")]) == 0
    err = capsys.readouterr().err
    assert "niet gepseudonimiseerd" in err and "$.persons[2].label" in err and "$.persons[2].birth" in err
