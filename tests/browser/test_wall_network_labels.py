"""The geno-sociogram read off the screen and the wall as drawn (issue 16): the browser's own text boxes (each SVG
``<text>``'s ``getBoundingClientRect``) of Sem (the largest bundled case) and of a generated 70-person calamity, at
1920×1080 and 1280×720, on the screen, on the network wall and beside the timeline ("Beide"): no two labels overlap,
and every family and network name is drawn in full (no "…"). A selection reaches the geno-sociogram as a patch, not
a new figure."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from layouts.texts import text
from models import load_case
from tests.calamity_builder import calamity_case_data

from .conftest import SAMPLES, Server
from .helpers import all_ids, choose_case, click_point_until, graph_data, wait_until

SEM = load_case(SAMPLES / "calamiteit_sem.json")
BIG_FILE = "calamiteit_70_personen.json"
SIZES = [(1920, 1080), (1280, 720)]
VIEWS = ["screen", "network", "both"]
KNOWN_GAPS: dict[tuple[str, int, str], str] = {}
"""Issue 16's open gaps, as measured in Chromium (strict: a gap closed fails here until it is taken off)."""

_TEXTS_JS = """() => {
    const gd = document.querySelector('#genosociogram-graph .js-plotly-plot');
    const texts = gd ? gd.querySelectorAll('.main-svg .scatterlayer text') : [];
    return Array.from(texts).filter(t => getComputedStyle(t).opacity !== '0' && t.getClientRects().length)
        .map(t => { const r = t.getBoundingClientRect();
                    return {text: t.textContent, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom,
                            size: parseFloat(t.style.fontSize || '0')}; });
}"""


@pytest.fixture(scope="module")
def calamity_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on a folder with Sem and the generated 70-person calamity."""
    folder = tmp_path_factory.mktemp("calamities")
    (folder / BIG_FILE).write_text(json.dumps(calamity_case_data()), encoding="utf-8")
    (folder / "calamiteit_sem.json").write_bytes((SAMPLES / "calamiteit_sem.json").read_bytes())
    running = Server(folder).start()
    yield running
    running.stop()


@pytest.fixture
def wall_page(context: Any, calamity_server: Server) -> Iterator[Any]:
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    tab.goto(calamity_server.url + f"?case={BIG_FILE}")
    tab.locator("#events-table caption").wait_for(state="visible")
    yield tab
    tab.close()


def _open(page: Any, which: str, size: tuple[int, int], view: str) -> dict[str, Any]:
    """Open the case at ``size`` in ``view``; the case's data."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    data = calamity_case_data() if which == "big" else json.loads((SAMPLES / "calamiteit_sem.json").read_text())
    choose_case(page, data["title"])
    assert wait_until(lambda: data["index_person"] in all_ids(graph_data(page, "genosociogram-graph")), 60)
    if view != "screen":
        page.locator("#projector").check()
        expect(page.locator("#root")).to_have_class(re.compile(r"\bprojector\b"))
        page.locator("#wall label", has_text=text(f"wall_{view}", "nl")).click()
        expect(page.locator("#case-body")).to_have_class(re.compile(rf"\bwall-{view}\b"))
        page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
        assert wait_until(lambda: _drawn_for_its_frame(page, size, view), 60)
    else:  # drawn for the card's measured width (not a wider figure shrunk into it)
        assert wait_until(lambda: _drawn_for_its_card(page), 60)
    page.locator("#genosociogram-graph").scroll_into_view_if_needed()
    page.wait_for_timeout(700)  # the last redraw settled
    return data


def _drawn_for_its_frame(page: Any, size: tuple[int, int], view: str) -> bool:
    """The figure shown is drawn for a wall frame (not the screen's figure, still shown while the wall's is drawn)
    about as wide as the view leaves."""
    box = page.locator("#genosociogram-graph .main-svg").first.bounding_box()
    share = (0.8, 1.01) if view == "network" else (0.35, 0.55)
    framed = page.evaluate("""() => { const gd = document.querySelector('#genosociogram-graph .js-plotly-plot');
        return Boolean(gd && gd.layout && gd.layout.meta && gd.layout.meta.frame); }""")
    return bool(box) and framed and share[0] * size[0] <= box["width"] <= share[1] * size[0]


def _drawn_for_its_card(page: Any) -> bool:
    return bool(page.evaluate("""() => { const graph = document.querySelector('#genosociogram-graph');
        const wrap = document.querySelector('#genosociogram-wrap');
        return graph && wrap && parseFloat(graph.style.maxWidth) <= wrap.clientWidth + 1; }"""))


def _overlapping(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for a, b in itertools.combinations(boxes, 2)
            if min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 2 and min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]) > 2]


def _squeezed(value: str) -> str:
    return re.sub(r"\s+", "", value)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("which", ["sem", "big"])
def test_labels_read_in_full_and_apart(wall_page: Any, which: str, size: tuple[int, int], view: str,
                                       request: pytest.FixtureRequest) -> None:
    gap = KNOWN_GAPS.get((which, size[0], view))
    if gap:
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"known gap (issue 16): {gap}"))
    data = _open(wall_page, which, size, view)
    boxes = [b for b in wall_page.evaluate(_TEXTS_JS) if len(b["text"].strip()) > 2]  # not ages, ✎, +
    assert boxes
    assert not _overlapping(boxes)
    drawn = all_ids(graph_data(wall_page, "genosociogram-graph"))
    texts = {_squeezed(b["text"]) for b in boxes}
    names = [p for p in data["persons"] if p.get("kind") in ("family", "network") and p["id"] in drawn]
    assert len(names) >= 15
    # every family and network name drawn in full (on the screen a line of years may follow it)
    cut = [p["label"] for p in names if not any(t.startswith(_squeezed(p["label"])) for t in texts)]
    assert not cut, cut
    if view != "screen":
        label_sizes = [b["size"] for b in boxes if _squeezed(b["text"]) in {_squeezed(p["label"]) for p in names}]
        assert label_sizes and min(label_sizes) >= 14  # projector type


def test_a_selection_reaches_the_wall_as_a_patch(wall_page: Any) -> None:
    requests: list[Any] = []

    def keep(request: Any) -> None:
        if "_dash-update-component" in request.url and "genosociogram-graph.figure" in (request.post_data or ""):
            requests.append(request)

    def answers() -> list[str]:  # read outside the event handler (Playwright dispatches events while it waits)
        wall_page.wait_for_timeout(200)
        return [r.response().text() for r in list(requests) if r.response() is not None]

    _open(wall_page, "sem", (1920, 1080), "network")
    wall_page.on("requestfinished", keep)
    drawn = all_ids(graph_data(wall_page, "genosociogram-graph"))
    person = next(p.id for p in SEM.persons if p.kind.value == "network" and p.id in drawn)
    click_point_until(wall_page, "genosociogram-graph", person,
                      lambda: wall_page.locator("#details .details-title").is_visible())
    assert wait_until(lambda: any("__dash_patch_update" in a for a in answers()), 30), len(requests)
