"""A workshop in the browser: the wall and three participants, each in a browser context of their own.

They join with the code the wall shows, add events at the same time, and the wall shows them, ringed in their
perspectives' colours; the facilitator hides one and saves, and the saved file holds exactly what the wall shows,
with authors. A participant who reloads their phone is still in; one of another workshop is refused.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.workshop_store import STORE_NAME, WorkshopStore
from tests.browser.conftest import LISA, SAMPLES, Server
from tests.browser.helpers import graph_data, wait_for_graph, wait_until
from tests.browser.label_boxes import drawn_labels, drawn_point_texts, overlapping

PEOPLE = (("Anna", "school", "formal"), ("Bo", "ouder", "lived"), ("Chris", "jeugdbeschermer", "formal"))


@pytest.fixture(scope="module")
def workshop_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("workshop")
    for name in (LISA, "minimal.json"):
        shutil.copy(SAMPLES / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def workshop_server(workshop_folder: Path) -> Iterator[Server]:
    running = Server(workshop_folder).start()
    yield running
    running.stop()


@pytest.fixture
def wall(browser: Any, workshop_server: Server, workshop_folder: Path) -> Iterator[Any]:
    shutil.copy(SAMPLES / LISA, workshop_folder / LISA)
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(workshop_server.url + f"?case={LISA}")
    tab.locator("#events-table caption").wait_for(state="visible")
    wait_for_graph(tab, "timeline-graph")
    yield tab
    tab.evaluate("() => { window.casusbeeldUnsaved = false; }")
    if tab.locator("#workshop-close").is_visible():
        tab.locator("#workshop-close").click()
        tab.locator("#workshop-panel").wait_for(state="hidden")
    context.close()
    assert not errors


def open_workshop(wall: Any) -> tuple[str, str]:
    """Open a workshop on the wall: (join code, join address) as the wall shows them."""
    wall.locator("#workshop-open").click()
    code = wall.locator("#workshop-code")
    code.wait_for(state="visible")
    assert wall.locator(".workshop-qr").get_attribute("src").startswith("data:image/svg+xml")
    return code.inner_text().strip(), wall.locator(".workshop-url").inner_text().strip()


def participant(browser: Any, url: str, name: str, perspective: str) -> tuple[Any, Any]:
    """A phone-sized browser context of its own that joined the workshop at ``url``."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.set_default_timeout(60_000)
    phone.goto(url)
    phone.locator("#p-name").fill(name)
    phone.locator("#p-perspective").fill(perspective)
    phone.locator("#p-join").click()
    phone.locator("#p-forms").wait_for(state="visible")
    return context, phone


def fill_event(phone: Any, title: str, layer: str) -> None:
    phone.locator("#p-event-title").fill(title)
    phone.locator("#p-event-date").fill("3-2021")
    phone.locator(f"#p-event-layer input[value='{layer}']").check()


def rings(wall: Any) -> dict[str, str]:
    """Event id → colour of every workshop event the wall's timeline draws: over the timeline while unsaved
    (``workshop-overlay``), ringed in it once in the case (``workshop-ring``)."""
    found = wall.evaluate("""() => {
        const gd = document.getElementById('timeline-graph').querySelector('.js-plotly-plot');
        const out = {};
        for (const t of (gd && gd.data) || []) {
            if (t.name !== 'workshop-ring' && t.name !== 'workshop-overlay') continue;
            t.meta.ids.forEach(id => { out[id] = t.marker.line.color; });
        }
        return out;
    }""")
    return dict(found)


def arrows(wall: Any) -> dict[str, dict[str, Any]]:
    """Link id → the colour and ends (x, y, axis) of every arrow a participant drew, as the wall's timeline draws
    it (an annotation named ``workshop-link``)."""
    found = wall.evaluate("""() => {
        const gd = document.getElementById('timeline-graph').querySelector('.js-plotly-plot');
        const out = {};
        for (const a of ((gd && gd.layout && gd.layout.annotations) || [])) {
            if (a.name === 'workshop-link') out[a.meta.id] = {colour: a.arrowcolor, x: a.x, y: a.y, ax: a.ax,
                                                              ay: a.ay, axis: a.yref};
        }
        return out;
    }""")
    return dict(found)


def mark_position(wall: Any, event_id: str) -> list[Any] | None:
    """(x, y, axis) of the mark the wall's timeline draws for ``event_id``."""
    return wall.evaluate("""(id) => {
        const gd = document.getElementById('timeline-graph').querySelector('.js-plotly-plot');
        for (const t of gd._fullData) {
            const ids = t.customdata || [];
            for (let i = 0; i < ids.length; i++) {
                const row = ids[i];
                if ((Array.isArray(row) ? row[0] : row) === id) {
                    const x = t.type === 'bar' && t.base && t.base.length ? t.base[i] : t.x[i];
                    return [x, t.y[i], t.yaxis || 'y'];
                }
            }
        }
        return null;
    }""", event_id)


def add_link(phone: Any, source_index: int, target_title: str) -> None:
    """Pick a link on the phone: from the case's event at ``source_index`` to the event titled so."""
    phone.get_by_role("tab", name="Pijl").click()
    target = phone.locator("#p-link-target option", has_text=target_title)
    target.wait_for(state="attached")
    phone.locator("#p-link-target").select_option(target.get_attribute("value"))
    source = phone.locator("#p-link-source option").nth(source_index).get_attribute("value")
    phone.locator("#p-link-source").select_option(source)
    phone.locator("#p-link-word").select_option("leidde tot")


def check_arrow_form(phone: Any, shot: Path) -> None:
    """The phone's arrow form at 390 px: each select says what to choose and fits the screen, and the events
    are listed in date order with the date first."""
    phone.get_by_role("tab", name="Pijl").click()
    phone.locator("#p-link-target option", has_text="Inbreng van").first.wait_for(state="attached")
    shown = phone.evaluate("""() => ['p-link-source', 'p-link-word', 'p-link-target'].map(id => {
        const select = document.getElementById(id), box = select.getBoundingClientRect();
        return [select.options[select.selectedIndex].text, box.left, box.right,
                [...select.options].filter(o => !o.disabled).map(o => o.text)];
    })""")
    assert [text for text, *_ in shown] == ["Kies een gebeurtenis…", "Kies een woord…", "Kies een gebeurtenis…"]
    assert all(left >= 0 and right <= 390 for _, left, right, _ in shown)
    dates = [label.split(" · ")[0].removeprefix("ca. ") for label in shown[0][3]]  # the date first: d-m-yyyy
    assert len(dates) > 20 and all(date.replace("-", "").isdigit() for date in dates)
    years = [int(date.split("-")[-1]) for date in dates]
    assert years == sorted(years)
    phone.screenshot(path=str(shot))


def rgb(colour: str) -> str:
    """``#rrggbb`` as the browser writes a computed colour (``rgb(r, g, b)``); such a one unchanged."""
    if not colour.startswith("#"):
        return colour
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


WALL_WITHIN_S = 2.0
"""Issue 19: what participants add is on the wall within 2 s."""


def wall_limit_s() -> float:
    """:data:`WALL_WITHIN_S` on a machine with a core to spare; longer in proportion when the machine is busier
    than it has cores (the browser, the app and the phones share them with whatever else runs)."""
    return WALL_WITHIN_S * max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))


def shown_event_ids(wall: Any) -> set[str]:
    return {i for t in graph_data(wall, "timeline-graph") for i in (t["customdata"] or []) if isinstance(i, str)}


def test_three_participants_build_the_picture_and_the_facilitator_saves_it(browser: Any, wall: Any,
                                                                           workshop_folder: Path,
                                                                           tmp_path: Path) -> None:
    code, url = open_workshop(wall)
    assert len(code) == 5 and url.endswith(f"/meedoen?code={code}")
    phones = [participant(browser, url, name, perspective) for name, perspective, _ in PEOPLE]
    expect_count = wall.locator("#workshop-count")
    wait_until(lambda: "3" in expect_count.inner_text())
    for (_, phone), (name, _, layer) in zip(phones, PEOPLE, strict=True):
        fill_event(phone, f"Inbreng van {name}", layer)
    start = time.monotonic()
    for _, phone in phones:  # all three press "add" at once
        phone.locator("#p-event-add").dispatch_event("click")
    drawn = wait_until(lambda: len(rings(wall)) == 3 and rings(wall), timeout_s=30)
    took, limit = time.monotonic() - start, wall_limit_s()
    print(f"\nthree participants' events on the wall after {took:.2f} s (limit {limit:.1f} s)")
    assert drawn, "the wall never showed the three events"
    assert took <= limit, f"the wall showed the three events after {took:.2f} s"
    assert len(set(drawn.values())) == 3  # one colour per perspective
    assert set(drawn) <= shown_event_ids(wall)
    for _, phone in phones:
        assert "Toegevoegd" in phone.locator("#p-event-feedback").inner_text()
    # their titles (two of them added on one day above the line) overlap neither each other nor the drawn labels,
    # read together once the wall has settled (a refit of the timeline's words is followed, a moment later, by the
    # titles placed again clear of them: app/callbacks/zoom.py)
    def read_both() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        return drawn_point_texts(wall, "Inbreng van"), (drawn_labels(wall) or {}).get("labels", [])

    def crossing(titles: list[dict[str, Any]], labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return overlapping(titles) + [pair for pair in overlapping(titles + labels)
                                      if pair[0].startswith("Inbreng") != pair[1].startswith("Inbreng")]

    settled = wait_until(lambda: (both := read_both()) and len(both[0]) == 3 and both[1]
                         and not crossing(*both) and both, timeout_s=10)
    titles, labels = settled or read_both()
    assert len(titles) == 3, "the added events' titles are not all drawn"
    assert labels and not crossing(titles, labels)
    # each draws an arrow from one of the case's events to their own, at the same time
    check_arrow_form(phones[0][1], tmp_path / "arrow-form-390.png")
    for index, ((_, phone), (name, _, _)) in enumerate(zip(phones, PEOPLE, strict=True)):
        add_link(phone, 3 + 10 * index, f"Inbreng van {name}")
    start = time.monotonic()
    for _, phone in phones:
        phone.locator("#p-link-add").dispatch_event("click")
    linked = wait_until(lambda: len(arrows(wall)) == 3 and arrows(wall), timeout_s=30)
    took, limit = time.monotonic() - start, wall_limit_s()
    print(f"three participants' arrows on the wall after {took:.2f} s (limit {limit:.1f} s)")
    assert linked, "the wall never showed the three arrows"
    assert took <= limit, f"the wall showed the three arrows after {took:.2f} s"
    by_colour = {colour: event_id for event_id, colour in drawn.items()}
    for arrow in linked.values():  # each arrow in its author's colour, ending at their event's mark
        assert mark_position(wall, by_colour[arrow["colour"]]) == [arrow["x"], arrow["y"], arrow["axis"]]
    legend = wall.evaluate("""() => [...document.querySelectorAll('#workshop-legend .perspective-chip')]
        .map(chip => [chip.textContent, getComputedStyle(chip).borderTopColor])""")
    assert len(legend) == 3
    items = wall.locator(".workshop-item")
    assert items.count() == 6
    # the facilitator hides Bo's event: Bo's arrow to it goes with it
    bo = wall.locator(".workshop-item", has_text="Inbreng van Bo").filter(has_text="Gebeurtenis")
    bo.locator(".workshop-hide").click()
    assert wait_until(lambda: len(rings(wall)) == 2 and len(arrows(wall)) == 2, timeout_s=15)
    on_wall = rings(wall)
    assert len(on_wall) == 2 and wall.locator(".workshop-item.workshop-hidden").count() == 1
    # undo brings it back, hiding again takes it away
    wall.locator("#workshop-undo").click()
    assert wait_until(lambda: len(rings(wall)) == 3 and len(arrows(wall)) == 3, timeout_s=15)
    bo.locator(".workshop-hide").click()
    assert wait_until(lambda: len(rings(wall)) == 2 and len(arrows(wall)) == 2, timeout_s=15)
    arrows_before_save = arrows(wall)
    # the facilitator saves: the file holds exactly the events the wall shows, with their authors
    wall.locator("#edit-save").click()
    wall.locator("#save-status", has_text=f"Opgeslagen in {LISA}").wait_for()
    saved = json.loads((workshop_folder / LISA).read_text(encoding="utf-8"))
    added = {e["id"]: e for e in saved["events"] if "added_by" in e}
    assert set(added) == set(rings(wall))
    assert sorted((e["title"], e["added_by"]["name"], e["added_by"]["perspective"]) for e in added.values()) == [
        ("Inbreng van Anna", "Anna", "school"), ("Inbreng van Chris", "Chris", "jeugdbeschermer")]
    assert {e["layer"] for e in added.values()} == {"formal"}
    original = json.loads((SAMPLES / LISA).read_text(encoding="utf-8"))
    assert len(saved["events"]) == len(original["events"]) + 2
    # the arrows the wall showed, with their authors, to the events they showed
    assert {link["id"] for link in saved["links"]} == set(arrows_before_save)
    assert sorted((link["added_by"]["name"], link["added_by"]["perspective"], link["label"], link["target"] in added)
                  for link in saved["links"]) == [("Anna", "school", "leidde tot", True),
                                                  ("Chris", "jeugdbeschermer", "leidde tot", True)]
    # the perspectives, in the colours the wall drew them (the rings, the arrows, the legend)
    ring_colours = {added[i]["added_by"]["perspective"]: colour.upper() for i, colour in rings(wall).items()}
    saved_colours = {p["label"]: p["colour"].upper() for p in saved["perspectives"]}
    assert {p: saved_colours[p] for p in ring_colours} == ring_colours
    assert set(saved_colours) == {"school", "ouder", "jeugdbeschermer"}  # everyone in the wall's legend
    assert {link["added_by"]["perspective"]: saved_colours[link["added_by"]["perspective"]]
            for link in saved["links"]} == {p: c for p, c in ring_colours.items()}
    assert {text: rgb(colour) for text, colour in legend} == {p: rgb(c) for p, c in saved_colours.items()}
    for context, _ in phones:
        context.close()


def test_a_participant_who_reloads_stays_in_and_answers_reach_the_wall(browser: Any, wall: Any) -> None:
    code, url = open_workshop(wall)
    context, phone = participant(browser, url, "Dana", "wijkteam")
    phone.reload()
    phone.locator("#p-forms").wait_for(state="visible")
    assert "Dana" in phone.locator("#p-who").inner_text()
    assert phone.locator("#p-join-form").is_hidden()
    phone.get_by_role("tab", name="Vragen").click()
    phone.locator("#p-answer-missing").fill("De stem van het kind")
    phone.locator("#p-answer-send").click()
    phone.locator("#p-answer-feedback", has_text="Verstuurd").wait_for()
    toggle = wall.locator("#workshop-answers-toggle")
    wait_until(lambda: "(1)" in toggle.inner_text())
    assert wall.locator("#workshop-answers").count() == 0  # each answers first: not on the wall until opened
    toggle.click()
    wall.locator("#workshop-answers", has_text="De stem van het kind").wait_for()
    # the wall reloads too: the open workshop, and what was added, are still there
    wall.evaluate("() => { window.casusbeeldUnsaved = false; }")
    wall.reload()
    wall.locator("#workshop-code", has_text=code).wait_for()
    wall.locator("#workshop-answers", has_text="De stem van het kind").wait_for()
    context.close()


def test_a_participant_of_one_workshop_is_refused_in_another(browser: Any, wall: Any,
                                                             workshop_folder: Path) -> None:
    _, url = open_workshop(wall)
    context, phone = participant(browser, url, "Eva", "school")
    other = WorkshopStore(workshop_folder / STORE_NAME).open_workshop("minimal.json")
    phone.goto(url.split("?")[0] + f"?code={other.code}")
    phone.locator("#p-join-form").wait_for(state="visible")  # asked to join B: Eva's token counts for A only
    assert phone.locator("#p-forms").is_hidden()
    assert WorkshopStore(workshop_folder / STORE_NAME).participants(other.id) == []
    WorkshopStore(workshop_folder / STORE_NAME).close_workshop(other.id)
    context.close()


def overlay(wall: Any) -> dict[str, str]:
    """Event id → the half ("y": below the line, "y2": above) of every event drawn over the timeline."""
    return dict(wall.evaluate("""() => {
        const gd = document.getElementById('timeline-graph').querySelector('.js-plotly-plot');
        const out = {};
        for (const t of (gd && gd.data) || []) {
            if (t.name === 'workshop-overlay') t.meta.ids.forEach(id => { out[id] = t.yaxis || 'y'; });
        }
        return out;
    }"""))


def test_the_facilitator_merges_moves_and_undoes_and_the_file_keeps_both_authors(wall: Any,
                                                                                workshop_folder: Path) -> None:
    code, _ = open_workshop(wall)
    store = WorkshopStore(workshop_folder / STORE_NAME)
    workshop = store.by_code(code)
    assert workshop is not None
    _, anna = store.join(code, "Anna", "school") or (None, "")
    _, bo = store.join(code, "Bo", "ouder") or (None, "")
    event = {"date": "2021-03", "layer": "lived", "type": "experience"}
    first = store.contribute(anna, workshop.id, "event", {**event, "title": "Ruzie over school"})
    second = store.contribute(bo, workshop.id, "event", {**event, "title": "Ruzie om school"})
    assert first and second
    ids = {c.id: f"ws{workshop.id}-e{c.id}" for c in (first, second)}
    wait_until(lambda: len(overlay(wall)) == 2, timeout_s=15)
    assert wall.locator("#workshop-undo").is_disabled()
    # Bo's event says the same as Anna's: pick both, merge
    for contribution in (first, second):
        wall.locator(f".workshop-item[data-contribution='{contribution.id}'] .workshop-pick input").check()
    wall.locator("#workshop-merge").click()
    wait_until(lambda: overlay(wall) == {ids[first.id]: "y"}, timeout_s=15)
    wall.locator(".workshop-item", has_text="ook: Bo (ouder)").wait_for()
    # Anna's goes above the line
    wall.locator(f".workshop-item[data-contribution='{first.id}'] .workshop-pick input").check()
    wall.locator("#workshop-move-side").click()
    wait_until(lambda: overlay(wall) == {ids[first.id]: "y2"}, timeout_s=15)
    # undo: below the line again; undo again: the two are apart again
    wall.locator("#workshop-undo").click()
    wait_until(lambda: overlay(wall) == {ids[first.id]: "y"}, timeout_s=15)
    wall.locator("#workshop-undo").click()
    wait_until(lambda: len(overlay(wall)) == 2, timeout_s=15)
    # merged once more and saved: the file holds one event with both authors, as the wall shows one
    wall.locator(".workshop-pick input").first.wait_for()
    for contribution in (first, second):
        wall.locator(f".workshop-item[data-contribution='{contribution.id}'] .workshop-pick input").check()
    wall.locator("#workshop-merge").click()
    wait_until(lambda: len(overlay(wall)) == 1, timeout_s=15)
    wall.locator("#edit-save").click()
    wall.locator("#save-status", has_text=f"Opgeslagen in {LISA}").wait_for()
    saved = json.loads((workshop_folder / LISA).read_text(encoding="utf-8"))
    added = [e for e in saved["events"] if "added_by" in e]
    assert [(e["id"], e["added_by"]) for e in added] == [(ids[first.id], {
        "name": "Anna", "perspective": "school", "also": [{"name": "Bo", "perspective": "ouder"}]})]
    wait_until(lambda: not overlay(wall) and set(rings(wall)) == {ids[first.id]}, timeout_s=15)  # now in the case


def test_after_save_as_the_wall_keeps_the_workshop_and_saves_to_the_new_file(wall: Any,
                                                                               workshop_folder: Path) -> None:
    code, _ = open_workshop(wall)
    store = WorkshopStore(workshop_folder / STORE_NAME)
    workshop = store.by_code(code)
    assert workshop is not None
    _, anna = store.join(code, "Anna", "school") or (None, "")
    event = {"date": "2021-03", "layer": "lived", "type": "experience"}
    first = store.contribute(anna, workshop.id, "event", {**event, "title": "Voor het opslaan"})
    assert first
    assert wait_until(lambda: len(overlay(wall)) == 1, timeout_s=15)
    wall.locator("#edit-save-as").click()
    wall.locator("#save-as-modal").wait_for(state="visible")
    wall.locator("#save-as-name").fill("lisa-werkplaats.json")
    wall.locator("#save-as-confirm").click()
    wall.locator("#save-status", has_text="Opgeslagen in lisa-werkplaats.json").wait_for()
    new_file = workshop_folder / "lisa-werkplaats.json"
    # the wall still shows the workshop, and what is added after reaches it
    assert wall.locator("#workshop-code").inner_text().strip() == code
    second = store.contribute(anna, workshop.id, "event", {**event, "title": "Na het opslaan"})
    assert second
    assert wait_until(lambda: set(overlay(wall)) == {f"ws{workshop.id}-e{second.id}"}, timeout_s=15)
    wall.locator("#workshop-list", has_text="Na het opslaan").wait_for()
    assert store.open_for_case("lisa-werkplaats.json") == store.workshop(workshop.id)
    # Opslaan now writes the new file; the old one keeps what it had
    before = (workshop_folder / LISA).read_bytes()
    wall.locator("#edit-save").click()
    wall.locator("#save-status", has_text="Opgeslagen in lisa-werkplaats.json").wait_for()
    assert wait_until(lambda: [e["title"] for e in json.loads(new_file.read_text(encoding="utf-8"))["events"]
                        if "added_by" in e] == ["Voor het opslaan", "Na het opslaan"], timeout_s=15)
    assert (workshop_folder / LISA).read_bytes() == before
    new_file.unlink()
