"""Annotations panel and reflection notes in the browser: click an annotation and see its targets; write a
facilitator's note in edit mode, see the case unsaved, save and find the note in the file.

Like ``test_edit``, these tests run their own server on a temporary copy of the sample cases, so saving
never touches the repository's files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from models import load_case

from .conftest import LISA
from .helpers import all_ids, choose_option, graph_data, marked_ids, wait_for_graph, wait_until


def annotation_button(page: Any, note_id: str) -> Any:
    return page.locator(f"""[id='{{"index":"{note_id}","type":"annotation"}}']""")


def reflection_box(page: Any, card: int, key: str) -> Any:
    return page.locator(f"""[id='{{"card":{card},"key":"{key}","type":"reflection"}}']""")


def _dimmed(traces: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    return traces if marked_ids(traces) != all_ids(traces) else None


def test_clicking_an_annotation_highlights_its_event(lisa_page: Any, fresh_file: Path) -> None:
    page = lisa_page
    case = load_case(fresh_file)
    note = next(a for a in case.annotations if a.id == "n03")  # "Niet bekend of vader en Lisa … gehoord"
    expect(page.locator("#annotations-card")).to_be_visible()
    expect(page.locator("#annotations")).to_contain_text(note.text)
    wait_for_graph(page, "timeline-graph")
    annotation_button(page, note.id).click()
    expect(page.locator("#details")).to_contain_text("Aantekening")
    traces = wait_until(lambda: _dimmed(graph_data(page, "timeline-graph")), 20)
    assert traces, "the timeline never highlighted the annotation's event"
    assert marked_ids(traces) == set(note.target.events) & all_ids(traces) == {"e034"}
    expect(annotation_button(page, note.id)).to_have_attribute("aria-pressed", "true")

    # the tag filter keeps only annotations with that tag
    choose_option(page, page.locator("#annotation-tag"), "vraag")
    expect(page.locator("#annotations li")).to_have_count(sum(a.tag == "question" for a in case.annotations))
    expect(page.locator("#annotations")).not_to_contain_text(note.text)


def test_a_reflection_note_is_saved_with_the_case(lisa_page: Any, fresh_file: Path) -> None:
    page = lisa_page
    expect(page.locator("#reflections-card")).to_be_hidden()  # no notes yet, not editing
    page.locator("label[for=edit-mode]").click()
    expect(page.locator("#edit-toolbar")).to_be_visible()
    expect(page.locator("#reflections-card")).to_be_visible()
    expect(page.locator("#reflections-card")).to_contain_text("Welke informatie ontbreekt?")
    box = reflection_box(page, 3, "card3_q2")
    expect(box).to_be_editable()
    box.fill("Hoe <i>Lisa</i> zelf de overplaatsing beleefde.")
    box.press("Tab")  # debounced: leaving the box sends the text
    expect(page.locator("#save-status")).to_contain_text("Niet-opgeslagen wijzigingen")
    page.locator("#edit-save").click()
    expect(page.locator("#save-status")).to_contain_text(f"Opgeslagen in {LISA}")
    notes = load_case(fresh_file).reflections
    assert [(n.card, n.question, n.text) for n in notes] == [
        (3, "Welke informatie ontbreekt?", "Hoe <i>Lisa</i> zelf de overplaatsing beleefde.")]
    assert notes[0].updated is not None

    # outside edit mode the note is still shown, read only
    page.locator("label[for=edit-mode]").click()
    expect(page.locator("#reflections-card")).to_be_visible()
    expect(box).to_have_value("Hoe <i>Lisa</i> zelf de overplaatsing beleefde.")
    expect(box).not_to_be_editable()
