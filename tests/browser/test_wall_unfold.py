"""On the wall the professionals are folded into their organisation's box (issue 16); a click on a box's "+"
unfolds it (its professionals' names appear) and a click on its "−" folds it back — the click is the box's, not a
selection of the organisation."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from layouts.texts import text
from models import load_case

from .conftest import SAMPLES
from .helpers import all_ids, choose_case, click_point, graph_data, graph_texts, wait_until

SEM = load_case(SAMPLES / "calamiteit_sem.json")


def _wall(page: Any) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    choose_case(page, SEM.title)
    assert wait_until(lambda: SEM.index_person in all_ids(graph_data(page, "genosociogram-graph")), 60)
    page.locator("#projector").check()
    expect(page.locator("#root")).to_have_class(re.compile(r"\bprojector\b"))
    page.locator("#wall label", has_text=text("wall_network", "nl")).click()
    expect(page.locator("#case-body")).to_have_class(re.compile(r"\bwall-network\b"))


def _names(page: Any) -> str:
    """The geno-sociogram's texts, a two-line label read as one line."""
    return "\n".join(str(t).replace("<br>", " ") for trace in graph_texts(page, "genosociogram-graph")
                     for t in trace["text"] or [])


def _shown(page: Any, members: list[tuple[str, str]]) -> list[str]:
    """The professionals of ``members`` (id, name) drawn by the date shown, if each is named (its name beginning
    its label)."""
    ids, names = all_ids(graph_data(page, "genosociogram-graph")), _names(page)
    drawn = [(pid, name) for pid, name in members if pid in ids]
    return [name for _, name in drawn] if all(name[:8] in names for _, name in drawn) else []


def _gone(page: Any, members: list[tuple[str, str]]) -> bool:
    return not {pid for pid, _ in members} & all_ids(graph_data(page, "genosociogram-graph"))


def _toggles(page: Any, action: str) -> list[str]:
    return sorted(i[len(action) + 1:] for i in all_ids(graph_data(page, "genosociogram-graph"))
                  if i.startswith(action + ":"))


def _click_until(page: Any, item: str, done: Any, attempts: int = 5) -> None:
    """Click ``item``'s mark until ``done()``: the wall may redraw for its measured frame just after the mark was
    located, and a click then lands where the mark was."""
    for _ in range(attempts):
        if item in all_ids(graph_data(page, "genosociogram-graph")):
            click_point(page, "genosociogram-graph", item)
        if wait_until(done, 6):
            return
        page.wait_for_timeout(500)
    raise AssertionError(f"clicking {item} did not take")


def test_a_box_unfolds_and_folds_on_the_wall(page: Any) -> None:
    _wall(page)
    assert wait_until(lambda: _toggles(page, "unfold"), 60)
    page.wait_for_timeout(700)  # the wall's redraw for its measured frame settled
    drawn = set(_toggles(page, "unfold"))
    org = max(drawn, key=lambda o: sum(p.organisation == o and p.kind.value == "professional" for p in SEM.persons))
    members = [(p.id, p.label) for p in SEM.persons if p.organisation == org and p.kind.value == "professional"]
    assert members and _gone(page, members)  # folded: counted, not drawn

    _click_until(page, f"unfold:{org}", lambda: org in _toggles(page, "fold"))
    assert wait_until(lambda: _shown(page, members), 30), members
    assert not page.locator("#details .details-title").is_visible()  # the "+" is not a selection

    _click_until(page, f"fold:{org}", lambda: org in _toggles(page, "unfold"))
    assert wait_until(lambda: _gone(page, members), 30)

    # the same "+" again: the same click as the first, and it unfolds again
    _click_until(page, f"unfold:{org}", lambda: org in _toggles(page, "fold"))
    assert wait_until(lambda: _shown(page, members), 30), members
