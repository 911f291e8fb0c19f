"""The phone's arrow form: its selects say what to choose ("Kies een gebeurtenis…", "Kies een woord…") and list
the events in date order, the date first as people type it, so a phone user finds them on a 390 px screen."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from app.factory import create_app
from app.participant import COOKIE, PREFIX
from app.workshop_store import STORE_NAME, WorkshopStore
from layouts.components.participant_page import participant_layout
from layouts.texts import text
from models.contribution import item_id
from tests.test_workshop_app import call

ROOT = Path(__file__).resolve().parent.parent
DAAN = "werkplaats_daan.json"


def component(tree: Any, ident: str) -> Any:
    """The component with id ``ident`` in a Dash layout."""
    if getattr(tree, "id", None) == ident:
        return tree
    children = getattr(tree, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found = component(child, ident)  # a component without children is falsy: compare with None
            if found is not None:
                return found
    return None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_arrow_select_says_what_to_choose_and_starts_empty(lang: str) -> None:
    page = participant_layout(lang)
    for ident, key in (("p-link-source", "participant_link_pick_event"), ("p-link-word", "participant_link_pick_word"),
                       ("p-link-target", "participant_link_pick_event")):
        select = component(page, ident)
        assert select is not None and not select.value
        assert select.placeholder == text(key, lang) and select.placeholder.endswith("…")
    assert component(page, "p-link-source").placeholder != component(page, "p-link-word").placeholder
    assert text("participant_link_pick_event", "nl") == "Kies een gebeurtenis…"
    assert text("participant_link_pick_word", "nl") == "Kies een woord…"


def test_the_events_are_offered_in_date_order_with_the_date_first(tmp_path: Path) -> None:
    shutil.copy(ROOT / "sample_cases" / DAAN, tmp_path / DAAN)
    client = create_app(tmp_path).server.test_client()
    store = WorkshopStore(tmp_path / STORE_NAME)
    workshop = store.open_workshop(DAAN, events=[("e01", "2014-02-11 · Geboorte van Daan"),
                                                 ("e02", "2019-06 · Daan gaat naar de bovenbouw")])
    _, anna = store.join(workshop.code, "Anna", "school") or (None, "")
    client.set_cookie(COOKIE, anna, path=PREFIX)
    later = store.contribute(anna, workshop.id, "event", {"title": "Verhuizing", "date": "2016", "layer": "lived",
                                                          "type": "experience"})
    long_title = "Moeder vertelt op school dat het thuis al maanden niet goed gaat en dat zij hulp zoekt"
    earliest = store.contribute(anna, workshop.id, "event", {"title": long_title, "date": "~2010-05",
                                                             "layer": "lived", "type": "experience"})
    assert later and earliest
    _, out = call(client, PREFIX, "p-tabs", "link", {"p-session.data": {"code": workshop.code}}, "p-mine")
    options = out["p-link-source"]["options"]
    assert options == out["p-link-target"]["options"]
    assert [o["value"] for o in options] == [item_id(workshop.id, "event", earliest.id), "e01",
                                             item_id(workshop.id, "event", later.id), "e02"]
    assert [o["label"].split(" · ")[0] for o in options] == ["ca. 5-2010", "11-2-2014", "2016", "6-2019"]
    assert options[1]["label"] == "11-2-2014 · Geboorte van Daan"
    assert len(options[0]["label"]) <= 60 and options[0]["label"].endswith("…")  # a long title cut short
    assert options[0]["label"].split(" · ")[1].rstrip("…") in long_title
    assert options[0]["title"] == f"ca. 5-2010 · {long_title}" and "title" not in options[1]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_person_select_of_the_relation_form_says_what_to_choose(lang: str) -> None:
    page = participant_layout(lang)
    for ident in ("p-rel-source", "p-rel-target"):
        select = component(page, ident)
        assert select is not None and not select.value
        assert select.placeholder == text("participant_relation_pick_person", lang)
    assert text("participant_relation_pick_person", "nl") == "Kies een persoon…"


def test_what_i_added_shows_dates_as_the_participant_typed_them() -> None:
    from layouts.components.participant_page import mine
    from models.contribution import Contribution

    def event(ident: int, date: str) -> Contribution:
        return Contribution(id=ident, workshop=1, name="Anna", perspective="school", kind="event",
                            payload={"title": f"Gebeurtenis {ident}", "date": date, "layer": "lived"})

    shown = [str(item.children[2]) for item in mine([event(1, "2021-03-12"), event(2, "~2015"), event(3, "2021-03")],
                                                    {}, "nl")]
    assert shown == ["3-2021 · Gebeurtenis 3 (onder de lijn)", "ca. 2015 · Gebeurtenis 2 (onder de lijn)",
                     "12-3-2021 · Gebeurtenis 1 (onder de lijn)"]
    assert str(mine([event(1, "2021-03-12")], {}, "en")[0].children[2]).startswith("2021-03-12 · ")
