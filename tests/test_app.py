"""The app without a browser: state, opening files, navigation, filters, table, patches and privacy rules."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from dash import Patch, dcc
from dash._utils import to_json

from app import timeline_view
from app.callbacks.address import address, days_range, popped_case_opening, range_days, restored_controls
from app.callbacks.case import error_panel, first_case, open_case, open_from_address, unknown_case
from app.callbacks.table import PAGE_SIZE, render_table, table_events, table_state
from app.edit_store import with_last_pop
from app.factory import create_app
from app.filters import case_bounds
from app.navigation import (
    highlights,
    navigate,
    selection_from_network,
    timeline_output,
)
from app.state import BoundedLRU, case_view, clear_cache, list_case_files, open_case_bytes
from app.view_state_io import controls_of, filters_from_controls, query_state, read_state
from layouts.components.details import details
from layouts.components.i18n import format_day
from layouts.texts import text
from layouts.timeline.hover import point_ids
from layouts.view_state import Selection, ViewState
from models import load_case
from models.event_filter import EventFilter
from tests.synthetic import generate_case_data

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_cases"
BROKEN = ROOT / "tests" / "data" / "broken"
LISA = SAMPLES / "lisa_gesloten_jeugdzorg.json"


@pytest.fixture
def lisa_store() -> dict[str, Any]:
    store, error = open_case_bytes(LISA.read_bytes())
    assert error is None and store is not None
    return store


def _texts(component: Any) -> str:
    """All text in a Dash component tree."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(_texts(c) for c in component)
    return _texts(getattr(component, "children", None))


# --- dates (the string catalogue: tests/test_catalogue.py) ----------------------------------------------

def test_dutch_dates() -> None:
    import datetime as dt

    assert format_day(dt.date(2015, 3, 12), "nl") == "12 maart 2015"
    assert format_day(dt.date(2015, 3, 12), "en") == "12 March 2015"


# --- state -----------------------------------------------------------------------------------------------

def test_store_is_compressed_and_cache_is_by_content(lisa_store: dict[str, Any]) -> None:
    assert set(lisa_store) == {"blob"}
    assert len(lisa_store["blob"]) < LISA.stat().st_size
    first = case_view(lisa_store)
    assert first is not None and first.case.title.startswith("Lisa")
    clear_cache()  # a fresh worker: re-parses what the browser sent
    again = case_view(lisa_store)
    assert again is not None and again is not first and again.key == first.key
    assert case_view({"blob": "bm90IGEgY2FzZQ=="}) is None
    assert case_view({"text": "{}"}) is None
    assert case_view(None) is None


def test_bounded_lru_evicts_oldest() -> None:
    cache: BoundedLRU[int, int] = BoundedLRU(2)
    for key in (1, 2, 3):
        cache.get_or_create(key, lambda key=key: key * 10)
    assert len(cache) == 2 and cache.get(1) is None and cache.get(3) == 30


def test_bounded_lru_keeps_what_was_read_recently() -> None:
    cache: BoundedLRU[int, int] = BoundedLRU(2)
    cache.get_or_create(1, lambda: 10)
    cache.get_or_create(2, lambda: 20)
    assert cache.get_or_create(1, lambda: -1) == 10  # a hit: not rebuilt, and now the most recent
    cache.get_or_create(3, lambda: 30)
    assert cache.get(2) is None and cache.get(1) == 10


def test_no_case_content_in_process_globals_after_opening(lisa_store: dict[str, Any]) -> None:
    app = create_app(SAMPLES)
    assert "Lisa" not in json.dumps(app.config, default=str)


def test_stores_never_use_local_storage() -> None:
    app = create_app(SAMPLES)
    layout = app.layout()
    stores = []

    def walk(node: Any) -> None:
        if isinstance(node, dcc.Store):
            stores.append(node)
        for child in node if isinstance(node, list) else [getattr(node, "children", None)]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(layout)
    assert len(stores) >= 5
    assert {store.storage_type for store in stores} <= {"memory", "session"}


def test_app_serves_locally_without_debug() -> None:
    app = create_app(SAMPLES)
    assert app.config.serve_locally
    assert not app.config.external_stylesheets and not app.config.external_scripts
    client = app.server.test_client()
    page = client.get("/").get_data(as_text=True)
    assert "http://" not in page.replace("http://127.0.0.1", "") and "https://" not in page
    assert "bootstrap.min.css" in page and "casusbeeld.css" in page and "keys.js" in page
    assert client.get("/_dash-layout").status_code == 200


# --- opening files -----------------------------------------------------------------------------------------

def test_case_files_and_first_case() -> None:
    files = list_case_files(SAMPLES)
    names = [f.name for f in files]
    assert "minimal.json" in names and LISA.name in names
    assert first_case(SAMPLES, "?case=minimal.json") == "minimal.json"
    assert first_case(SAMPLES, None) == next(f.name for f in files if f.looks_valid)
    assert first_case(LISA, None) == LISA.name


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unknown_case_in_the_address_opens_none_and_says_so(lang: str) -> None:
    # never silently another family: a wrong ?case= opens nothing and the panel names the file asked for
    assert first_case(SAMPLES, "?case=../etc/passwd") is None
    assert unknown_case(SAMPLES, "?case=nobody.json") == "nobody.json"
    assert unknown_case(SAMPLES, "?case=minimal.json") is None and unknown_case(SAMPLES, "") is None
    store, error, _, _ = open_from_address(None, "?case=nobody.json", None, None, SAMPLES)
    assert store is dash_no_update() and error == {"kind": "unknown_case", "name": "nobody.json"}
    shown = to_json(error_panel(error, lang))
    assert text("unknown_case_title", lang) in shown and "nobody.json" in shown
    store, error, chosen, _ = open_from_address(None, "?case=minimal.json", None, None, SAMPLES)
    assert store["name"] == chosen == "minimal.json" and error is None
    # the open case stays when the address names it (or names none)
    assert open_from_address("url-pop", "?case=minimal.json", store, None, SAMPLES)[0] is dash_no_update()


def test_the_address_carries_the_view_and_brings_it_back(lisa_store: dict[str, Any]) -> None:
    store = {**lisa_store, "name": LISA.name, "source": "file"}
    view = case_view(store)
    first, last = case_bounds(view)
    event = view.ordered[3]
    controls = (store, {"kind": "event", "id": event.id}, event.start_day().toordinal(), ["vader"], [], [],
                "lived", None, "event_type", "en", True, "network", None, False)
    _, state = read_state(*controls)
    assert state.case == LISA.name and state.as_of == event.start_day() and state.lang == "en"
    assert state.filters == EventFilter.of(persons=["vader"], layer="lived") and state.lanes == "event_type"
    assert state.selection == Selection(kind="event", id=event.id) and state.projector and state.wall == "network"
    search = address(None, *controls)
    assert ViewState.from_query(search) == state
    assert address(search, *controls) is dash_no_update()  # unchanged: no new history entry
    # back/forward to another case, still opening: no half-restored entry that would cut the history
    popped = {"search": "?case=minimal.json", "at": 1000}
    assert popped_case_opening(popped, store)
    assert address("?case=minimal.json", *controls, opening=True) is dash_no_update()
    assert not popped_case_opening(popped, {**store, "pop_at": 1000})  # opened since (any case: the list's)
    assert not popped_case_opening({**popped, "search": f"?case={LISA.name}"}, store)  # back within the case
    assert not popped_case_opening(None, store)
    assert address("?case=minimal.json", *controls) == search  # the list chose this case
    assert with_last_pop((store, None, None, None), popped)[0]["pop_at"] == 1000
    # back/forward to that address puts every control back
    values = restored_controls(search, store, popped=True)
    assert values[:5] == ["en", True, "network", "event_type", False]
    assert values[5] == ["vader"] and values[8] == "lived" and values[9] == [first.toordinal(), last.toordinal()]
    assert values[10] == event.start_day().toordinal() and values[11] == {"kind": "event", "id": event.id}
    # on load only what the address names; the case's part follows when the case opens
    assert restored_controls(f"?case={LISA.name}&lang=en", None, popped=False)[:2] == ["en", dash_no_update()]


def test_the_address_keeps_the_stretch_of_time_zoomed_into(lisa_store: dict[str, Any]) -> None:
    store = {**lisa_store, "name": LISA.name, "source": "file"}
    controls = (store, None, None, [], [], [], "both", None, "organisation", "nl", False, "both", None, False)
    kept = {"case": LISA.name, "days": [18628, 19509]}  # window.js: days since 1970
    search = address(None, *controls, shown=kept)
    state = ViewState.from_query(search)
    assert state.shown == (dt.date(2021, 1, 1), dt.date(2023, 6, 1)) and "shown=2021-01-01,2023-06-01" in search
    # another case's zoom (the case just changed), nothing, or nonsense: no stretch in the address
    for other in ({"case": "minimal.json", "days": [18628, 19509]}, {"case": LISA.name, "days": None}, None,
                  {"case": LISA.name, "days": [19509, 18628]}, {"case": LISA.name, "days": ["a", 2]},
                  {"case": LISA.name, "days": [0, 10**12]}):
        assert "shown=" not in address(None, *controls, shown=other)
    assert ViewState.from_query("case=x.json&shown=2023-01-01,2021-01-01").shown is None  # backwards
    assert ViewState.from_query("case=x.json&shown=2021-13-01,2023-01-01").shown is None
    # a reload and back/forward give the store the address's stretch; window.js shows it once the timeline is drawn
    assert restored_controls(search, store, popped=False)[16] == kept
    assert restored_controls(f"?case={LISA.name}", store, popped=True)[16] == {"case": LISA.name, "days": None}
    assert range_days(state) == kept and days_range(kept, LISA.name) == state.shown


def test_broken_upload_keeps_the_open_case(lisa_store: dict[str, Any]) -> None:
    current = {**lisa_store, "name": LISA.name, "source": "file"}
    raw = (BROKEN / "many_problems.json").read_bytes()
    upload = "data:application/json;base64," + base64.b64encode(raw).decode()
    store, error, chooser, contents = open_case("upload", LISA.name, upload, "many_problems.json", current, SAMPLES)
    assert store is dash_no_update()
    assert error["name"] == "many_problems.json" and len(error["problems"]) == 7
    assert chooser == LISA.name and contents is None
    panel = error_panel(error, "en")
    text = _texts(panel)
    assert "7 problems found in many_problems.json" in text
    assert "$.persons[1].gender" in text
    assert "stays open" in text


def test_a_switch_with_unsaved_changes_is_a_warning_not_a_broken_file(lisa_store: dict[str, Any]) -> None:
    current = {**lisa_store, "name": LISA.name, "source": "file", "dirty": True}
    store, error, chooser, _ = open_case("case-chooser", "minimal.json", None, None, current, SAMPLES)
    assert store is dash_no_update() and chooser == LISA.name
    panel = error_panel(error, "nl")
    words = _texts(panel)
    assert "Eerst opslaan" in words and "open dan minimal.json" in words
    assert "kan niet worden geopend" not in words and "alert-warning" in panel.className


def test_chooser_only_reads_offered_files() -> None:
    store, error, *_ = open_case("case-chooser", "../pyproject.toml", None, None, None, SAMPLES)
    assert store is dash_no_update() and error["problems"][0]["code"] == "file_not_found"


def test_valid_upload_opens_it() -> None:
    upload = "data:application/json;base64," + base64.b64encode((SAMPLES / "minimal.json").read_bytes()).decode()
    store, error, chooser, _ = open_case("upload", None, upload, "minimal.json", None, SAMPLES)
    assert error is None and chooser is None
    assert case_view(store).case.title == "Minimale casus"


def dash_no_update() -> Any:
    from dash import no_update

    return no_update


# --- navigation, details, filters, table ------------------------------------------------------------------

def test_navigation_rules(lisa_store: dict[str, Any]) -> None:
    view = case_view(lisa_store)
    event = view.ordered[10]
    nav = navigate(view, "timeline-graph", {"points": [{"customdata": event.id}]}, None, None, False)
    assert nav.selection == {"kind": "event", "id": event.id}
    assert nav.as_of == event.start_day().toordinal()
    nav = navigate(view, "genosociogram-graph", {"points": [{"customdata": "vader"}]}, None, None, False)
    assert nav.selection == {"kind": "person", "id": "vader"}
    org = view.case.organisations[0].id
    assert selection_from_network(view, f"org:{org}") == {"kind": "organisation", "id": org}
    assert selection_from_network(view, "rel:r1") is None
    assert navigate(view, "clear-selection", 1, nav.selection, None, False).selection is None
    assert navigate(view, "details-close", 1, nav.selection, None, False).selection is None  # its own button
    row = navigate(view, {"type": "row-select", "id": event.id}, 1, None, None, False)
    assert row.selection["id"] == event.id
    assert navigate(view, {"type": "row-select", "id": event.id}, 0, None, None, False).selection is dash_no_update()
    # story: a step taken in the browser selects that event and moves the date
    story = navigate(view, "story-store", {"step": 5}, None, {"step": 5}, True)
    assert story.selection["id"] == view.ordered[5].id
    assert navigate(view, "story-store", {"step": 5}, None, {"step": 5}, False).selection is dash_no_update()


def test_highlights_for_each_kind(lisa_store: dict[str, Any]) -> None:
    view = case_view(lisa_store)
    event = next(e for e in view.ordered if e.organisation and len(e.persons) > 1)
    timeline, network = highlights(view, {"kind": "event", "id": event.id})
    assert timeline == {"highlight_events": [event.id]}
    assert set(network["highlight_persons"]) == set(event.persons)
    assert event.organisation in network["highlight_organisations"]
    assert highlights(view, {"kind": "person", "id": "vader"})[0] == {"highlight_persons": ["vader"]}
    assert highlights(view, None) == ({}, {})


def test_details_are_plain_text(lisa_store: dict[str, Any]) -> None:
    view = case_view(lisa_store)
    event = next(e for e in view.ordered if e.description)
    panel = details(view, {"kind": "event", "id": event.id}, "nl")
    text = _texts(panel)
    assert event.title in text and event.description in text
    assert "dangerously" not in to_json(panel)
    person = details(view, {"kind": "person", "id": "vader"}, "en")
    assert "Vader" in _texts(person)
    assert "Klik op een persoon" in _texts(details(view, None, "nl"))


def test_filters_and_table(lisa_store: dict[str, Any]) -> None:
    view = case_view(lisa_store)
    bounds = case_bounds(view)
    assert filters_from_controls(view, [], [], [], "both", [b.toordinal() for b in bounds]).active is False
    lived = filters_from_controls(view, [], [], [], "lived", None)
    assert lived.apply(view.ordered) and all(e.layer.value == "lived" for e in lived.apply(view.ordered))
    # a person filter keeps the events the person took part in and those told in their voice, as the timeline
    vader = EventFilter.of(persons=["vader"])
    table = {e.id for e in table_events(view, vader, "", "date", True, "nl")}
    assert table == {e.id for e in view.ordered if "vader" in e.persons or e.perspective == "vader"}
    timeline = timeline_output(view, ViewState(filters=vader))[0]
    assert table == {i for trace in timeline.data if trace.customdata is not None for i in point_ids(trace.customdata)}
    assert any(e.perspective == "vader" and "vader" not in e.persons for e in view.ordered)
    rows = table_events(view, EventFilter(), "", "title", True, "nl")
    assert [e.title.casefold() for e in rows] == sorted(e.title.casefold() for e in rows)
    searched = table_events(view, EventFilter(), "paard", "date", True, "nl")
    assert 0 < len(searched) < len(view.ordered)
    table = render_table(view, rows, 0, "title", True, rows[0].id, "nl")
    html_json = to_json(table)
    assert '"aria-sort":"ascending"' in html_json and '"aria-current":"true"' in html_json
    assert '"type":"Caption"' in html_json and '"scope":"col"' in html_json
    # each row carries the event's number in time order (as on the posters and in the report)
    first_row = table.children[2].children[0]
    assert first_row.children[0].children == str(view.order[rows[0].id] + 1)
    # a selected event on page 3 moves the table there
    state = table_state("selection-store", None, {"sort": "date", "asc": True, "page": 0}, 93, 2 * PAGE_SIZE + 1)
    assert state["page"] == 2
    state = table_state({"type": "sort", "col": "type"}, 1, state, 93, None)
    assert state == {"sort": "type", "asc": True, "page": 0}


# --- the timeline: cached layouts and highlight patches ------------------------------------------------

def test_highlight_patch_matches_a_full_build() -> None:
    store, _ = open_case_bytes(json.dumps(generate_case_data(900, 60, seed=3)).encode())
    view = case_view(store)
    timeline_view.clear()
    base, shown = timeline_output(view, ViewState())
    assert not isinstance(base, Patch) and shown
    person = next(p for p in view.person_events if len(view.person_events[p]) > 5)
    state = ViewState(selection=Selection(kind="person", id=person))
    patch, same = timeline_output(view, state, shown)
    assert isinstance(patch, Patch) and same is dash_no_update()
    assert not isinstance(timeline_output(view, state, "unknown")[0], Patch)  # another worker's
    full, _ = timeline_output(view, state)

    def alphas(fig: Any, patched: dict[tuple, Any] | None = None) -> dict[str, float]:
        out = {}
        for index, trace in enumerate(fig.data):
            if getattr(trace, "customdata", None) is None or not len(trace.customdata):
                continue
            values = patched[("data", index, "marker", "opacity")] if patched else trace.marker.opacity
            out.update(zip(point_ids(trace.customdata), map(float, values), strict=True))
        return out

    operations = {tuple(op["location"]): op["params"]["value"] for op in patch.to_plotly_json()["operations"]}
    patched, rebuilt = alphas(base, operations), alphas(full)
    assert patched.keys() == rebuilt.keys() and len(patched) == len(view.ordered)
    assert patched == pytest.approx(rebuilt)
    assert 0 < sum(a == 1.0 for a in patched.values()) < len(patched)


def test_selection_and_date_are_patched_at_any_size(lisa_store: dict[str, Any]) -> None:
    view = case_view(lisa_store)
    timeline_view.clear()
    first, last = case_bounds(view)
    _, shown = timeline_output(view, ViewState())
    event = view.ordered[5]
    moved = ViewState(selection=Selection(kind="person", id="vader"), as_of=event.start_day())
    again, sig = timeline_output(view, moved, shown)
    assert isinstance(again, Patch) and sig is dash_no_update()  # a small case too: never rebuilt for a click
    operations = {tuple(op["location"]): op["params"]["value"] for op in again.to_plotly_json()["operations"]}
    line = next(value for where, value in operations.items() if where[:2] == ("layout", "shapes"))
    at = timeline_view.cached_layout(view, ViewState()).x_of(event.start_day())  # the date's place on the axis
    assert line["visible"] and line["x0"] == line["x1"] == at
    full, _ = timeline_output(view, moved)  # the same date line as a full build draws
    assert next(s for s in full.layout.shapes if s.name == "timeline-as-of").x0 == line["x0"]
    assert full.layout.title.text is None
    # another drawing (the filters changed) is built anew
    assert not isinstance(timeline_output(view, moved.replace(filters=EventFilter.of(layer="lived")), shown)[0],
                          Patch)
    assert first < last


def test_translation_catalogue_and_sample_titles_render() -> None:
    for path in SAMPLES.glob("*.json"):
        case = load_case(path)
        assert case.title
    assert text("filters_active", "en", n=3, total=9) == "3 of 9 events shown"


def test_failures_are_logged_without_case_content(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(SAMPLES)

    @app.server.route("/boom")
    def boom() -> str:
        raise ValueError("Lisa zegt iets geheims")

    with caplog.at_level("ERROR"):
        response = app.server.test_client().get("/boom")
    assert response.status_code == 500
    assert "geheim" not in caplog.text and "ValueError" in caplog.text


def test_slider_marks_fit_the_length_of_the_case():
    import datetime as dt

    from app.filters import year_marks

    long = year_marks((dt.date(2005, 3, 1), dt.date(2023, 6, 1)))
    assert min(long.items())[1] == "2006" and len(long) <= 12
    short = year_marks((dt.date(2020, 9, 1), dt.date(2021, 3, 15)))
    assert list(short.values()) == ["9-2020", "10-2020", "11-2020", "12-2020", "1-2021", "2-2021", "3-2021"]
    tiny = year_marks((dt.date(2020, 9, 3), dt.date(2020, 9, 20)))
    assert list(tiny.values()) == ["3-9-2020", "20-9-2020"]
    assert all(isinstance(k, int) for k in (*long, *short, *tiny))


def test_a_case_without_events_spans_from_birth_to_today():
    import datetime as dt

    from app.filters import year_marks
    from app.navigation import with_no_events_note
    from app.state import CaseView
    from models.case import Case
    from models.editing import new_case

    view = CaseView.build(Case.model_validate(new_case("T", "Kind", child_birth="2015").data), "new")
    first, last = case_bounds(view)
    assert first == dt.date(2015, 1, 1) and last == dt.date.today()
    assert "2015" in year_marks((first, last)).values()
    from layouts.timeline.figure import timeline_figure

    fig = with_no_events_note(timeline_figure(view.case, ViewState()), "nl", False)
    assert fig.layout.annotations[-1].text == text("timeline_no_events", "nl")


def test_the_network_opens_on_the_childs_death_in_a_calamity_review():
    import datetime as dt

    from app.filters import opening_day
    from app.state import CaseView

    def opening(name: str) -> tuple[dt.date, tuple[dt.date, dt.date]]:
        view = CaseView.build(load_case(SAMPLES / name), name)
        bounds = case_bounds(view)
        return opening_day(view, bounds), bounds

    day, _ = opening("calamiteit_sem.json")
    assert day == dt.date(2022, 6, 11)  # Sem's death, not the investigators' last meeting in 2023
    day, (_, last) = opening("lisa_gesloten_jeugdzorg.json")
    assert day == last  # a living child: the network as it is now


def test_a_reload_with_unsaved_edits_keeps_the_networks_date(lisa_store: dict[str, Any]) -> None:
    from app.callbacks.view import opened
    from app.filters import opening_day

    # after a reload the unsaved case comes back from the tab's draft ("restored"): the date is the address's
    store = {**lisa_store, "name": LISA.name, "source": "file", "revision": 2, "dirty": True, "restored": True}
    view = case_view(store)
    day = view.ordered[2].start_day()
    search = f"?case={LISA.name}&date={day.isoformat()}&select=event:{view.ordered[2].id}"
    selection, _, value, *_ = opened(view, store, None, None, search)
    assert value == day.toordinal() and selection == {"kind": "event", "id": view.ordered[2].id}
    # an edit (no reload) keeps the slider where it stands
    edited = {key: item for key, item in store.items() if key != "restored"}
    assert opened(view, edited, None, day.toordinal() + 1, "")[2] == day.toordinal() + 1
    # a case chosen from the list opens on its own opening day, whatever the address still says
    chosen = {**lisa_store, "name": "other.json", "source": "file"}
    assert opened(view, chosen, None, None, search)[2] == opening_day(view, case_bounds(view)).toordinal()


def test_error_panel_lists_the_first_problems_and_counts_the_rest() -> None:
    from models.limits import MAX_PROBLEMS_SHOWN

    problems = [{"path": f"$.events[{i}].date", "nl": "geen datum", "en": "not a date"} for i in range(400)]
    panel = error_panel({"name": "groot.json", "problems": problems}, "nl")
    rows = panel.children[2].children.children[1].children
    assert len(rows) == MAX_PROBLEMS_SHOWN + 1
    assert rows[-1].children.children == f"… en nog {400 - MAX_PROBLEMS_SHOWN} andere problemen"
    assert "400 problemen" in panel.children[1].children


def test_a_story_link_without_a_date_shows_the_network_on_the_steps_day(lisa_store: dict[str, Any]) -> None:
    view = case_view(lisa_store)
    step = 5
    controls = controls_of(view, query_state("?case=lisa_gesloten_jeugdzorg.json&story=5"))
    assert controls["as_of"] == view.ordered[step].start_day().toordinal()
    dated = controls_of(view, query_state("?case=lisa_gesloten_jeugdzorg.json&story=5&date=2020-01-01"))
    assert dated["as_of"] == dt.date(2020, 1, 1).toordinal()  # a date named wins
