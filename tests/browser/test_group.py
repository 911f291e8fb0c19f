"""The group's additions in the browser: draw an arrow between two events in edit mode and see it on the timeline;
open "compare two moments" and see two geno-sociograms of different people; the wall with a case's links."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.group_builders import lisa_with_group

from .conftest import LISA, OUT
from .helpers import all_ids, choose_option, graph_data, open_lisa, wait_until

_ANNOTATIONS_JS = """([id, name]) => {
    const gd = document.getElementById(id).querySelector('.js-plotly-plot');
    if (!gd || !gd.layout || !gd.layout.annotations) { return []; }
    return gd.layout.annotations.filter(a => a.name === name).map(a => ({x: a.x, ax: a.ax, hovertext: a.hovertext}));
}"""


def arrows(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(_ANNOTATIONS_JS, ["timeline-graph", "timeline-link"])


def test_draw_an_arrow_in_edit_mode_and_see_it_on_the_timeline(lisa_page: Any, folder_server: Any) -> None:
    page = lisa_page
    page.goto(folder_server.url + f"?case={LISA}&select=event:e018")  # the marks of Nov 2021 lie close together
    expect(page.locator("#details")).to_contain_text("Vader vertelt de huisarts")
    assert wait_until(lambda: "e018" in all_ids(graph_data(page, "timeline-graph")), 30)
    assert arrows(page) == []
    page.locator("label[for=edit-mode]").click()
    expect(page.locator("#edit-toolbar")).to_be_visible()
    editor = page.locator("#link-editor")
    expect(editor).to_be_visible()
    choose_option(page, page.locator("#link-target"), "Huisarts verwijst naar het wijkteam")
    expect(page.locator("#link-word")).to_have_value("leidde tot")  # the first word offered
    page.locator("#link-add").click()
    assert wait_until(lambda: len(arrows(page)) == 1, 30)
    drawn = arrows(page)[0]
    assert "leidde tot" in drawn["hovertext"] and "Huisarts verwijst" in drawn["hovertext"]
    expect(page.locator("#link-list")).to_contain_text("Huisarts verwijst naar het wijkteam")
    expect(page.locator("#details")).to_contain_text("Verbanden vanaf hier")
    # undo takes the arrow away again
    page.locator("#edit-undo").click()
    assert wait_until(lambda: arrows(page) == [], 20)


def test_compare_two_moments_shows_two_networks_of_different_people(page: Any) -> None:
    open_lisa(page)
    page.locator("#compare-toggle").click()
    expect(page.locator("#compare-body")).to_be_visible()
    page.locator("#compare-a").fill("2021-11-20")
    page.locator("#compare-a").press("Enter")
    page.locator("#compare-b").fill("2023-06-30")
    page.locator("#compare-b").press("Enter")

    def drawn(graph: str) -> set[str]:
        return all_ids(graph_data(page, graph))

    assert wait_until(lambda: "org:org-thuisbasis" in drawn("compare-graph-b"), 40)
    assert wait_until(lambda: "oudere-jongen" in drawn("compare-graph-a"), 20)
    assert "org:org-thuisbasis" not in drawn("compare-graph-a") and "oudere-jongen" not in drawn("compare-graph-b")
    assert {"lisa", "vader", "moeder"} <= drawn("compare-graph-a") & drawn("compare-graph-b")
    expect(page.locator("#compare-timeline")).to_contain_text("A: 20 november 2021")
    page.locator("#compare").screenshot(path=str(OUT / "compare-two-moments.png"))


def test_the_wall_shows_a_case_with_links_and_perspectives(context: Any, case_folder: Path,
                                                          folder_server: Any) -> None:
    name = "lisa_verbanden.json"
    (case_folder / name).write_text(json.dumps(lisa_with_group(), ensure_ascii=False, indent=2), encoding="utf-8")
    tab = context.new_page()
    try:
        tab.set_viewport_size({"width": 1280, "height": 720})
        tab.goto(folder_server.url + f"?case={name}&wall=timeline&window=2021-09-01,2023-07-01")
        tab.locator("#timeline-graph .js-plotly-plot").wait_for(state="attached")
        assert wait_until(lambda: len(tab.evaluate(_ANNOTATIONS_JS, ["timeline-graph", "timeline-link"])) == 9, 40)
        tab.wait_for_timeout(800)
        OUT.mkdir(exist_ok=True)
        tab.screenshot(path=str(OUT / "wall-links.png"))
    finally:
        tab.set_viewport_size({"width": 1600, "height": 1000})
        tab.close()


_RINGS_JS = """id => {
    const gd = document.getElementById(id).querySelector('.js-plotly-plot');
    if (!gd || !gd.data) { return {}; }
    const out = {};
    gd.data.filter(t => (t.name || '').startsWith('timeline-perspective:'))
        .forEach(t => { out[t.name.split(':')[1]] = t.marker.line.color; });
    return out;
}"""


def test_name_a_perspective_choose_its_colour_and_voices_and_see_the_rings(lisa_page: Any) -> None:
    page = lisa_page
    assert wait_until(lambda: "e018" in all_ids(graph_data(page, "timeline-graph")), 30)
    page.locator("label[for=edit-mode]").click()
    card = page.locator("#perspectives-card")
    expect(card).to_be_visible()
    page.locator("#perspective-new").fill("Vader")
    page.locator("#perspective-add").click()
    row = card.locator(".perspective-row")
    expect(row).to_have_count(1)
    colour = page.locator("""[id='{"key":"vader","type":"perspective-colour"}']""")
    expect(colour).to_contain_text("#0072B2")  # the first free colour offered
    choose_option(page, page.locator("""[id='{"key":"vader","type":"perspective-persons"}']"""), "Vader")
    page.keyboard.press("Escape")  # the persons' list stays open after a choice (several may be chosen): close it
    assert wait_until(lambda: page.evaluate(_RINGS_JS, "timeline-graph").get("vader") == "#0072B2", 30)
    choose_option(page, page.locator("""[id='{"key":"vader","type":"perspective-colour"}']"""), "#9C6A00")
    assert wait_until(lambda: page.evaluate(_RINGS_JS, "timeline-graph").get("vader") == "#9C6A00", 30)
