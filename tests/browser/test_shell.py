"""Opening cases, the error panel, the table, languages, projector mode and privacy."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from layouts.components.i18n import format_partial
from models import load_case

from .conftest import ROOT, Recorder
from .helpers import choose_case, open_lisa, sample_titles, switch_lang

BROKEN = ROOT / "tests" / "data" / "broken"


def test_open_each_sample_case(page: Any) -> None:
    for _name, (title, n_events) in sample_titles().items():
        choose_case(page, title)
        expect(page.locator("#events-table caption")).to_contain_text(f"{n_events} rijen")
        expect(page.locator("#pseudo-badge")).to_have_text("Gepseudonimiseerde casus")


def test_broken_upload_shows_every_problem_and_keeps_the_case(page: Any, tmp_path: Path) -> None:
    title = page.locator("#case-title").inner_text()
    page.set_input_files("#upload input[type=file]", str(BROKEN / "many_problems.json"))
    panel = page.locator("#error-box")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("7 problemen gevonden in many_problems.json")
    expect(panel.locator("tbody tr")).to_have_count(7)
    expect(panel).to_contain_text("$.persons[1].gender")
    expect(page.locator("#case-title")).to_have_text(title)
    expect(page.locator("#events-table caption")).to_be_visible()
    # the panel follows the language switch
    switch_lang(page, "en")
    expect(panel).to_contain_text("7 problems found in many_problems.json")
    page.locator("#error-close").click()
    expect(page.locator("#error-box")).to_have_count(0)
    # a file that is not JSON at all
    bad = tmp_path / "kapot.json"
    bad.write_text("{ dit is geen json", encoding="utf-8")
    page.set_input_files("#upload input[type=file]", str(bad))
    expect(page.locator("#error-box")).to_contain_text("not valid JSON")
    expect(page.locator("#case-title")).to_have_text(title)


@pytest.mark.parametrize(("note_id", "upload", "words"), [
    ("upload-too-large", {"name": "enorm.json", "mimeType": "application/json", "buffer": b" " * (21 * 1024 * 1024)},
     "te groot om te openen"),
    # the upload component drops a .docx without a word (trial: "nothing happens")
    ("upload-wrong-kind", {"name": "verslag.docx", "buffer": b"PK\x03\x04 not a case",
                           "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
     "kan casusbeeld niet openen"),
], ids=["too-large", "wrong-kind"])
def test_a_file_it_cannot_open_is_said_so_at_once_and_keeps_the_case(page: Any, note_id: str, upload: dict,
                                                                      words: str) -> None:
    title = page.locator("#case-title").inner_text()
    note = page.locator(f"#{note_id}")
    expect(note).to_have_count(1)
    expect(note).to_be_hidden()
    page.set_input_files("#upload input[type=file]", files=[upload])
    expect(note).to_be_visible()
    expect(note).to_contain_text(words)
    expect(page.locator("#case-title")).to_have_text(title)
    page.set_input_files("#upload input[type=file]", str(ROOT / "sample_cases" / "minimal.json"))
    expect(note).to_be_hidden()
    expect(page.locator("#case-title")).to_have_text("Minimale casus")


def test_valid_upload_opens_the_case(page: Any) -> None:
    page.set_input_files("#upload input[type=file]", str(ROOT / "sample_cases" / "minimal.json"))
    expect(page.locator("#case-title")).to_have_text("Minimale casus")
    expect(page.locator("#error-box")).to_have_count(0)


def test_table_row_selects_event_by_keyboard(page: Any) -> None:
    event = open_lisa(page)[0]
    first = page.locator("#events-table tbody tr").first.locator("button.row-button")
    expect(first).to_have_text(event.title)
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#details")).to_contain_text(event.title)
    expect(page.locator("#details")).to_contain_text(format_partial(event.date, "nl"))
    expect(page.locator("#events-table tbody tr").first).to_have_attribute("aria-current", "true")
    # sort by title, descending after a second press
    sort = page.locator("#events-table th[scope=col] button", has_text="Gebeurtenis")
    sort.click()
    expect(page.locator("#events-table th[scope=col]", has_text="Gebeurtenis")).to_have_attribute("aria-sort",
                                                                                          "ascending")
    page.locator("#events-table th[scope=col] button", has_text="Gebeurtenis").click()
    expect(page.locator("#events-table th[scope=col]", has_text="Gebeurtenis")).to_have_attribute("aria-sort",
                                                                                          "descending")
    # search
    page.fill("#table-search", "paard")
    expect(page.locator("#events-table caption")).to_contain_text(re.compile(r"\b[1-9]\d? rijen"))
    page.locator("#clear-selection").click()
    expect(page.locator("#details")).to_contain_text("Klik op een persoon")


def test_language_and_projector(page: Any) -> None:
    day = load_case(ROOT / "sample_cases" / "minimal.json").events[0].date
    expect(page.locator("#events-table tbody tr").first).to_contain_text(format_partial(day, "nl"))
    switch_lang(page, "en")
    expect(page.locator("#pseudo-badge")).to_have_text("Pseudonymised case")
    expect(page.locator("#events-table tbody tr").first).to_contain_text(format_partial(day, "en"))
    expect(page.locator("#root")).to_have_attribute("lang", "en")
    expect(page.locator("#genosociogram-title")).to_contain_text("Network on")
    expect(page.locator("#timeline-wrap")).to_contain_text("Kind of event")  # the figure speaks English too
    switch_lang(page, "nl")
    expect(page.locator("#pseudo-badge")).to_have_text("Gepseudonimiseerde casus")
    page.locator("#projector").check()
    expect(page.locator("#root")).to_have_class(re.compile(r"\bprojector\b"))
    expect(page.locator("#table-section")).to_be_hidden()
    page.locator("#projector").uncheck()
    expect(page.locator("#table-section")).to_be_visible()


def test_everything_stays_local(page: Any, recorder: Recorder) -> None:
    page.locator("#events-table button.row-button").first.click()
    switch_lang(page, "en")
    expect(page.locator("#pseudo-badge")).to_have_text("Pseudonymised case")
    assert recorder.requests, "no requests recorded"
    hosts = {urlparse(url).hostname for url in recorder.requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.length") == 0
    assert not [e for e in recorder.errors if "favicon" not in e], recorder.errors


def test_a_file_holding_real_data_gets_a_warning_badge_not_the_green_one(page: Any, tmp_path: Path) -> None:
    """A file that declares itself pseudonymised but holds a real-looking name and a phone number: on a projector
    the badge must not vouch for it (trial: it opened under "Gepseudonimiseerde casus")."""
    data = json.loads((ROOT / "sample_cases" / "minimal.json").read_text(encoding="utf-8"))
    data["persons"][0]["label"] = "Jan de Vries"
    data["description"] = "Bel moeder op 06-12345678"
    leaky = tmp_path / "echt.json"
    leaky.write_text(json.dumps(data), encoding="utf-8")
    page.set_input_files("#upload input[type=file]", str(leaky))
    badge = page.locator("#pseudo-badge")
    expect(badge).to_have_text("Controleer pseudonimisering (2)")
    expect(badge).to_have_class(re.compile(r"\bpseudo-badge-check\b"))
    expect(badge).to_have_attribute("title", re.compile(r"persons\[0\]\.label"))
    page.set_input_files("#upload input[type=file]", str(ROOT / "sample_cases" / "minimal.json"))
    expect(badge).to_have_text("Gepseudonimiseerde casus")
