"""Opening a spreadsheet through the app's upload: imported whole or refused with every cell named."""

from __future__ import annotations

import base64
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from app.callbacks.case import error_panel
from app.cli import BUNDLED_CASES
from app.factory import create_app
from app.spreadsheet_upload import shown_path
from app.state import unpack
from tests.dash_calls import find_callback, payload
from tests.test_spreadsheet import events_book

GOOD_CSV = ("Datum;Laag;Soort;Titel;Personen\n12-3-2015;formeel;overleg;Eerste overleg;Kind\n"
            "4-2016;beleving;beleving;Verhuizing naar oma;Kind, Oma\n")


@pytest.fixture()
def client(tmp_path: Path):
    shutil.copy(BUNDLED_CASES / "minimal.json", tmp_path / "minimal.json")
    return create_app(tmp_path).server.test_client()


def upload(client, data: bytes, name: str) -> dict:
    dependencies = json.loads(client.get("/_dash-dependencies").data)
    spec = find_callback(dependencies, "upload", "contents", output="case-store")
    url = "data:application/octet-stream;base64," + base64.b64encode(data).decode()
    body = payload(spec, "upload.contents", {"upload.contents": url, "upload.filename": name})
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    return json.loads(response.data)["response"]


def test_a_csv_upload_opens_as_an_unsaved_case(client) -> None:
    answer = upload(client, GOOD_CSV.encode(), "dossier.csv")
    store = answer["case-store"]["data"]
    data = json.loads(unpack(store["blob"]))
    assert store["name"] == "dossier.json" and store["dirty"] and store["source"] == "upload"
    assert [event["title"] for event in data["events"]] == ["Eerste overleg", "Verhuizing naar oma"]
    assert answer["error-store"]["data"] is None


def test_a_workbook_upload_opens_as_a_case(client) -> None:
    book = events_book(["12-3-2015", "formeel", "overleg", "Zorgoverleg", "kind"])
    data = json.loads(unpack(upload(client, book, "dossier.xlsx")["case-store"]["data"]["blob"]))
    assert [event["title"] for event in data["events"]] == ["Zorgoverleg"]


def test_a_bad_cell_refuses_the_whole_workbook_and_names_sheet_row_and_column(client) -> None:
    book = events_book(["12-3-2015", "formeel", "overleg", "Goed", "kind"],
                       ["31-2-2016", "formeel", "overleg", "Slechte datum", "kind"])
    answer = upload(client, book, "dossier.xlsx")
    assert "case-store" not in answer  # nothing imported, the open case stays
    error = answer["error-store"]["data"]
    assert [problem["path"] for problem in error["problems"]] == ["Gebeurtenissen!rij 3, kolom Datum"]
    dutch, english = json.dumps(error_panel(error, "nl").to_plotly_json(), default=str), \
        json.dumps(error_panel(error, "en").to_plotly_json(), default=str)
    assert "Gebeurtenissen!rij 3, kolom Datum" in dutch and "is geen datum" in dutch
    assert "Gebeurtenissen, row 3, column Datum" in english and "is not a date" in english


def test_problem_places_in_english() -> None:
    assert shown_path("Personen!rij 4, kolom Geboren", "en") == "Personen, row 4, column Geboren"
    assert shown_path("Personen!kolom Soort", "en") == "Personen, column Soort"
    assert shown_path("Personen!rij 4, kolom Geboren", "nl") == "Personen!rij 4, kolom Geboren"
    assert shown_path("$.persons[0].birth", "en") == "$.persons[0].birth"


def test_the_template_workbook_can_be_downloaded(client) -> None:
    response = client.get("/sjabloon.xlsx")
    assert response.status_code == 200 and "sjabloon.xlsx" in response.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert {"Personen", "Organisaties", "Relaties", "Gebeurtenissen"} <= set(book.sheetnames)
