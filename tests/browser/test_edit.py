"""Edit mode in the browser: add through the forms, see both views change, undo, annotate, save safely.

These tests run their own server on a temporary copy of the sample cases, so saving never touches
the repository's files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from models import load_case
from models.editing import next_id
from models.saving import case_bytes

from .conftest import LISA, SAMPLES
from .helpers import address_of, all_ids, choose_option, graph_data, wait_until


@pytest.fixture
def edit_page(lisa_page: Any) -> Any:
    """Lisa's case from the temporary folder, in edit mode."""
    lisa_page.locator("label[for=edit-mode]").click()
    expect(lisa_page.locator("#edit-toolbar")).to_be_visible()
    return lisa_page


def field(page: Any, name: str) -> Any:
    """A form field by its dotted name."""
    return page.locator(f"""[id='{{"field":"{name}","type":"edit-field"}}']""")


def feedback(page: Any, name: str) -> Any:
    return page.locator(f"""[id='{{"field":"{name}","type":"edit-feedback"}}']""")


def fill(page: Any, name: str, value: str) -> None:
    box = field(page, name)
    box.fill(value)
    box.press("Tab")  # inputs are debounced: leaving the field sends the value


def pick(page: Any, name: str, option: str) -> None:
    """Choose ``option`` in a dropdown field."""
    choose_option(page, field(page, name), option)
    page.locator("#edit-modal-title").click()  # closes the menu (Escape would close the dialog)


def radio(page: Any, name: str, label: str) -> None:
    field(page, name).locator("label", has_text=label).click()


def submit(page: Any) -> None:
    page.locator("#edit-submit").click()


def add_event(page: Any, date: str, title: str) -> None:
    """Quick-add an event (date and title, the rest as the form suggests) and wait for it in the table."""
    page.locator("#edit-add-event").click()
    fill(page, "date", date)
    fill(page, "title", title)
    submit(page)
    expect(page.locator("#events-table")).to_contain_text(title)


def test_add_a_person_and_an_event_and_see_them_in_both_views(edit_page: Any, fresh_file: Path) -> None:
    page = edit_page
    new_person = next_id(json.loads(fresh_file.read_text("utf-8")), "persons")
    page.locator("#edit-add-person").click()
    expect(page.locator("#edit-modal-title")).to_have_text("Persoon toevoegen")
    fill(page, "label", "Buurvrouw T.")
    radio(page, "kind", "netwerk")
    submit(page)
    expect(page.locator("#edit-modal")).to_have_count(0)
    assert wait_until(lambda: new_person in all_ids(graph_data(page, "genosociogram-graph")), 20)
    expect(page.locator("#details")).to_contain_text("Buurvrouw T.")  # the new person is selected

    page.locator("#edit-add-event").click()
    expect(page.locator("#edit-modal-title")).to_have_text("Gebeurtenis toevoegen")
    # she is selected because she was just added, not clicked: the event does not quietly include her
    expect(field(page, "persons")).not_to_contain_text("Buurvrouw T.")
    pick(page, "persons", "Buurvrouw T.")
    expect(field(page, "persons")).to_contain_text("Buurvrouw T.")
    fill(page, "date", "3-2021")
    radio(page, "layer", "onder de lijn")
    expect(field(page, "type")).to_contain_text("eleving")  # below the line: an experience, not an "overleg"
    fill(page, "title", "Buurvrouw vangt Lisa op")
    submit(page)
    expect(page.locator("#edit-modal")).to_have_count(0)
    expect(page.locator("#events-table")).to_contain_text("Buurvrouw vangt Lisa op")
    assert wait_until(lambda: any(i not in {e.id for e in load_case(fresh_file).events}
                                  for i in all_ids(graph_data(page, "timeline-graph"))), 20)
    assert new_person in all_ids(graph_data(page, "genosociogram-graph"))
    expect(page.locator("#save-status")).to_contain_text("Niet-opgeslagen wijzigingen")


def test_invalid_input_says_why_and_is_not_accepted(edit_page: Any) -> None:
    page = edit_page
    page.locator("#edit-add-event").click()
    fill(page, "date", "30-2-2021")
    expect(feedback(page, "date")).to_contain_text("2021-02-30")
    fill(page, "title", "Te vroeg")
    fill(page, "end", "2019")
    submit(page)
    expect(page.locator("#edit-modal")).to_be_visible()  # refused: the form stays open, nothing is lost
    expect(field(page, "title")).to_have_value("Te vroeg")
    fill(page, "date", "2018")
    expect(feedback(page, "date")).to_be_empty()
    expect(feedback(page, "end")).to_be_empty()
    submit(page)
    expect(page.locator("#edit-modal")).to_have_count(0)
    expect(page.locator("#events-table")).to_contain_text("Te vroeg")


def test_undo_and_redo(edit_page: Any) -> None:
    page = edit_page
    add_event(page, "2021", "Even proberen")
    page.locator("#edit-undo").click()
    expect(page.locator("#events-table")).not_to_contain_text("Even proberen")
    expect(page.locator("#save-status")).to_be_empty()  # back to the saved version: nothing unsaved
    page.locator("#edit-redo").click()
    expect(page.locator("#events-table")).to_contain_text("Even proberen")
    page.keyboard.press("Control+z")
    expect(page.locator("#events-table")).not_to_contain_text("Even proberen")


def test_save_writes_the_file_and_reloading_it_gives_the_same_case(edit_page: Any, fresh_file: Path) -> None:
    page = edit_page
    add_event(page, "~2022-06", "Gesprek met <b>oma</b>")  # inert text
    page.locator("#edit-save").click()
    expect(page.locator("#save-status")).to_contain_text(f"Opgeslagen in {LISA}")
    page.wait_for_timeout(2000)  # the confirmation stays until the next change (it once vanished in 0.2 s)
    expect(page.locator("#save-status")).to_contain_text(f"Opgeslagen in {LISA}")
    saved = load_case(fresh_file)
    added = [e for e in saved.events if e.title == "Gesprek met <b>oma</b>"]
    assert len(added) == 1 and added[0].approximate
    assert case_bytes(load_case(fresh_file)) == fresh_file.read_bytes()  # the saved file is in canonical form
    assert wait_until(lambda: page.evaluate("() => window.sessionStorage.length") == 0, 10), page.evaluate(
        "() => Object.keys(window.sessionStorage)")  # saved: no draft kept
    assert page.evaluate("() => window.localStorage.length") == 0


def test_a_save_after_someone_elses_save_is_refused_and_save_as_keeps_the_work(
        edit_page: Any, fresh_file: Path, case_folder: Path) -> None:
    page = edit_page
    add_event(page, "2023", "Mijn aanvulling")
    theirs = json.loads(fresh_file.read_text("utf-8"))
    theirs["title"] = "Versie van een collega"
    fresh_file.write_text(json.dumps(theirs, ensure_ascii=False), "utf-8")  # someone else saved meanwhile
    page.locator("#edit-save").click()
    expect(page.locator("#save-status")).to_contain_text("iemand anders heeft")
    assert load_case(fresh_file).title == "Versie van een collega"  # their work is untouched
    expect(page.locator("#save-as-modal")).to_be_visible()
    name = page.locator("#save-as-name").input_value()
    assert name.endswith(".json") and name != LISA
    page.locator("#save-as-confirm").click()
    expect(page.locator("#save-status")).to_contain_text(f"Opgeslagen in {name}")
    mine = load_case(case_folder / name)
    assert any(e.title == "Mijn aanvulling" for e in mine.events)
    (case_folder / name).unlink()


def test_an_unsaved_case_survives_a_reload_and_the_page_warns_before_closing(edit_page: Any) -> None:
    page = edit_page
    add_event(page, "2021", "Niet kwijtraken")
    assert wait_until(lambda: page.evaluate("() => window.sessionStorage.length") > 0, 10)
    assert page.evaluate("() => window.localStorage.length") == 0
    # the new event's date, in the address
    assert wait_until(lambda: "date=2021" in address_of(page), 10), address_of(page)
    day = page.locator("#as-of-text").inner_text()
    page.reload()
    expect(page.locator("#events-table")).to_contain_text("Niet kwijtraken")
    expect(page.locator("#as-of-text")).to_have_text(day)  # the network keeps its date (not the case's start)
    expect(page.locator("#save-status")).to_contain_text("Niet-opgeslagen wijzigingen")
    assert page.evaluate(ASKS_BEFORE_LEAVING) is True
    expect(page.locator("#edit-toolbar")).to_be_visible()  # unsaved work: the edit tools are shown
    page.locator("#edit-download").click()  # downloaded: the work is safe, no more warning
    expect(page.locator("#save-status")).to_contain_text("Gedownload als")
    assert wait_until(lambda: page.evaluate(ASKS_BEFORE_LEAVING) is False, 10)
    assert wait_until(lambda: page.evaluate("() => window.sessionStorage.length") == 0, 10)


ASKS_BEFORE_LEAVING = """() => {
    const leaving = new Event("beforeunload", {cancelable: true});
    window.dispatchEvent(leaving);
    return leaving.defaultPrevented;
}"""


def test_annotate_an_event(edit_page: Any) -> None:
    page = edit_page
    row = page.locator("#events-table tbody tr").first.locator("button.row-button")
    title = row.inner_text()
    row.click()
    expect(page.locator("#details")).to_contain_text(title)
    page.locator("#edit-add-annotation").click()
    expect(field(page, "target.events")).to_contain_text(title)  # the selected event is the target
    pick(page, "tag", "kantelpunt")
    fill(page, "text", "Hier had de familie gehoord moeten worden.")
    submit(page)
    expect(page.locator("#edit-modal")).to_have_count(0)
    expect(page.locator("#details")).to_contain_text("Hier had de familie gehoord moeten worden.")


def test_start_a_new_case_from_nothing(edit_page: Any, case_folder: Path) -> None:
    page = edit_page
    page.locator("#edit-new").click()
    page.locator("#new-case-title").fill("Oefencasus werkkaart 3")
    page.locator("#new-case-child").fill("Kind B.")
    page.locator("#new-case-birth").fill("2014")
    page.locator("#new-case-create").click()
    expect(page.locator("#case-title")).to_have_text("Oefencasus werkkaart 3")
    assert wait_until(lambda: "p1" in all_ids(graph_data(page, "genosociogram-graph")), 20)
    add_event(page, "2020", "Eerste melding")
    # it has no file yet: Save asks for a name in the case folder
    expect(page.locator("#edit-save")).to_be_enabled()
    page.locator("#edit-save").click()
    expect(page.locator("#save-as-modal")).to_be_visible()
    name = page.locator("#save-as-name").input_value()
    page.locator("#save-as-confirm").click()
    expect(page.locator("#save-status")).to_contain_text(f"Opgeslagen in {name}")
    assert load_case(case_folder / name).title == "Oefencasus werkkaart 3"
    (case_folder / name).unlink()


def test_opening_another_case_with_unsaved_changes_is_refused(edit_page: Any) -> None:
    page = edit_page
    add_event(page, "2021", "Nog niet bewaard")
    page.set_input_files("#upload input[type=file]", str(SAMPLES / "minimal.json"))
    expect(page.locator("#error-box")).to_contain_text("niet-opgeslagen wijzigingen")
    expect(page.locator("#events-table")).to_contain_text("Nog niet bewaard")


def key_moment_lines(page: Any) -> int:
    return page.evaluate("""() => {
        const gd = document.querySelector('#timeline-graph .js-plotly-plot');
        return ((gd && gd.layout && gd.layout.shapes) || []).filter(s => s.type === 'line' && s.xref === 'x'
            && s.yref === 'paper' && s.x0 === s.x1 && s.y0 === 0 && s.y1 === 1 && s.layer === 'below').length;
    }""")


def test_the_facilitator_marks_a_key_moment(edit_page: Any) -> None:
    page = edit_page
    assert wait_until(lambda: key_moment_lines(page) > 0, 30)  # Lisa's placements and court orders
    before = key_moment_lines(page)
    page.locator("#edit-add-event").click()
    fill(page, "date", "2021-05")
    fill(page, "title", "Het keerpunt")
    page.locator("#edit-form-body label", has_text="Kernmoment").click()
    submit(page)
    expect(page.locator("#events-table")).to_contain_text("Het keerpunt")
    assert wait_until(lambda: key_moment_lines(page) == before + 1, 20), (before, key_moment_lines(page))
