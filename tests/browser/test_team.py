"""Team use in the browser: opening a spreadsheet through the upload, the template link, and logging in."""

from __future__ import annotations

import io
import logging
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from app.auth import AuthConfig, set_password
from app.factory import create_app
from tests.test_spreadsheet import events_book

from .conftest import SAMPLES, _free_port
from .helpers import switch_lang

CSV = ("Datum;Laag;Soort;Titel;Personen\n12-3-2015;formeel;overleg;Eerste zorgoverleg;Kind\n"
       "4-2016;beleving;beleving;Verhuizing naar oma;Kind, Oma\n")


def test_a_bad_cell_in_a_workbook_is_named_and_nothing_is_imported(page: Any, tmp_path: Path) -> None:
    title = page.locator("#case-title").inner_text()
    bad = tmp_path / "dossier.xlsx"
    bad.write_bytes(events_book(["12-3-2015", "formeel", "overleg", "Goed", "kind"],
                                ["31-2-2016", "formeel", "overleg", "Slechte datum", "kind"]))
    page.set_input_files("#upload input[type=file]", str(bad))
    panel = page.locator("#error-box")
    expect(panel).to_contain_text("Gebeurtenissen!rij 3, kolom Datum")
    expect(panel).to_contain_text("'31-2-2016' is geen datum")
    expect(page.locator("#case-title")).to_have_text(title)  # the open case stays, nothing half-imported
    switch_lang(page, "en")
    expect(panel).to_contain_text("Gebeurtenissen, row 3, column Datum")
    expect(panel).to_contain_text("is not a date")


def test_a_csv_upload_opens_as_an_unsaved_case(page: Any, tmp_path: Path) -> None:
    good = tmp_path / "dossier.csv"
    good.write_text(CSV, encoding="utf-8")
    page.set_input_files("#upload input[type=file]", str(good))
    expect(page.locator("#case-title")).to_have_text("dossier")
    expect(page.locator("#events-table")).to_contain_text("Verhuizing naar oma")
    expect(page.locator("#save-status")).to_contain_text("Niet-opgeslagen wijzigingen")
    page.evaluate("() => { window.casusbeeldUnsaved = false; }")


def test_the_template_link_downloads_the_workbook(page: Any, tmp_path: Path) -> None:
    with page.expect_download() as download:
        page.locator("#template-link").click()
    target = tmp_path / "sjabloon.xlsx"
    download.value.save_as(target)
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    assert {"Personen", "Organisaties", "Relaties", "Gebeurtenissen"} <= set(book.sheetnames)


@pytest.fixture(scope="module")
def login_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("cases")
    shutil.copy(SAMPLES / "minimal.json", folder / "minimal.json")
    accounts = folder.parent / "accounts.txt"
    set_password(accounts, "anna", "wachtwoord-van-anna")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    port = _free_port()
    server = make_server("127.0.0.1", port, create_app(folder, auth=AuthConfig(users_file=accounts)).server,
                         threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


def test_login_wrong_password_and_logout(browser: Any, login_server: str) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})  # a cookie jar of its own
    page = context.new_page()
    try:
        page.goto(login_server + "?case=minimal.json")
        expect(page.locator("h1")).to_have_text("casusbeeld")
        page.fill("#name", "anna")
        page.fill("#password", "geraden")
        page.click("button[type=submit]")
        expect(page.locator(".error")).to_have_text("Onbekende naam of verkeerd wachtwoord.")
        page.fill("#name", "anna")
        page.fill("#password", "wachtwoord-van-anna")
        page.click("button[type=submit]")
        expect(page.locator("#account-name")).to_have_text("Ingelogd als anna")
        expect(page.locator("#events-table caption")).to_be_visible()  # the case the address asked for
        assert "case=minimal.json" in page.url
        page.locator("#logout").click()
        expect(page.locator("#password")).to_be_visible()
        page.goto(login_server)
        expect(page.locator("#password")).to_be_visible()  # logged out: the login page again
    finally:
        context.close()
