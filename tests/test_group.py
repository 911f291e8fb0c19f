"""What the group adds to a case (perspective colours, links between events, card 5's table): the case file,
its validation, the timeline's arrows and rings, and the event details."""

from __future__ import annotations

import glob
import json
from pathlib import Path

import pytest

from layouts.components.details import event_details
from layouts.timeline.figure import timeline_figure
from layouts.timeline.hover import point_ids
from layouts.timeline.links import LINK_NAME, RING_NAME
from layouts.view_state import ViewState
from models import CaseError, load_case
from models.case_view import CaseView
from models.editing import case_data, delete_item
from models.group import leads_to_chain
from models.saving import case_bytes
from tests.group_builders import LISA_LINKS, lisa_group_case, lisa_with_group


def _problems(data: dict) -> list:
    with pytest.raises(CaseError) as caught:
        load_case(json.dumps(data))
    return caught.value.problems


# --- the case file --------------------------------------------------------------------------------------------

PLAIN_FILES = sorted(glob.glob("sample_cases/*.json") + [path for path in glob.glob("tests/data/patterns/*.json")
                                                          if not path.endswith(".expected.json")])


@pytest.mark.parametrize("path", PLAIN_FILES)
def test_files_without_the_new_fields_save_byte_for_byte_as_before(path):
    saved = case_bytes(load_case(path))
    assert case_bytes(load_case(saved)) == saved
    document = json.loads(saved)
    assert not {"perspectives", "links", "perspective_switch"} & document.keys()
    assert document["schema_version"] == json.loads(Path(path).read_text("utf-8"))["schema_version"]


def test_perspectives_links_and_switch_rows_round_trip():
    data = lisa_with_group(perspective_switch=[{"person": "vader", "dilemma": "Ik verlies haar", "feeling": "bang"}])
    case = load_case(json.dumps(data))
    again = load_case(case_bytes(case))
    assert case_bytes(again) == case_bytes(case)
    saved = json.loads(case_bytes(case))
    assert saved["links"][0] == {"source": "e018", "target": "e019", "label": "leidde tot"}
    assert saved["perspectives"][0]["colour"] == "#7F3C8D"
    assert saved["perspective_switch"] == [{"person": "vader", "dilemma": "Ik verlies haar", "feeling": "bang"}]


def test_a_link_to_a_missing_event_is_reported_with_its_path():
    data = lisa_with_group()
    data["links"].append({"source": "e018", "target": "e999", "label": "leidde tot"})
    problems = _problems(data)
    assert [(p.path, p.code) for p in problems] == [(f"$.links[{len(LISA_LINKS)}].target", "unknown_reference")]
    assert "e999" in problems[0].message("nl") and "gebeurtenis" in problems[0].message("nl")


def test_a_link_to_itself_and_a_twice_drawn_link_are_reported():
    data = lisa_with_group()
    data["links"] += [{"source": "e018", "target": "e018"}, {"source": "e018", "target": "e019", "label": "Leidde tot"}]
    codes = {(p.path, p.code) for p in _problems(data)}
    n = len(LISA_LINKS)
    assert codes == {(f"$.links[{n}].target", "link_to_itself"), (f"$.links[{n + 1}]", "duplicate_link")}


@pytest.mark.parametrize("colour", ["red", "#12345", "#GG0000", "0072B2"])
def test_a_colour_must_be_rrggbb(colour):
    data = lisa_with_group()
    data["perspectives"][0]["colour"] = colour
    assert [p.path for p in _problems(data)] == ["$.perspectives[0].colour"]


def test_perspective_keys_are_unique_and_persons_exist():
    data = lisa_with_group()
    data["perspectives"].append({"key": "vader", "label": "Nog eens", "colour": "#000000", "persons": ["niemand"]})
    paths = {p.path: p.code for p in _problems(data)}
    assert paths == {"$.perspectives[3].key": "duplicate_perspective",
                     "$.perspectives[3].persons[0]": "unknown_reference"}


def test_a_broken_link_item_and_a_dangling_one_are_both_reported():
    data = lisa_with_group()
    data["links"] = [{"source": "e018"}, {"source": "e018", "target": "nergens"}]
    paths = {p.path for p in _problems(data)}
    assert paths == {"$.links[0].target", "$.links[1].target"}


def test_deleting_an_event_or_person_drops_what_names_it():
    case = lisa_group_case(perspective_switch=[{"person": "jb", "dilemma": "x"}])
    result = delete_item(case_data(case), "events", "e019")
    assert result.case is not None
    assert all("e019" not in (link.source, link.target) for link in result.case.links)
    assert len(result.case.links) == len(LISA_LINKS) - 1
    result = delete_item(case_data(case), "persons", "jb")
    assert result.case is not None and result.case.perspective_switch == []
    assert "persons" not in json.loads(case_bytes(result.case))["perspectives"][0]


def test_leads_to_chain_follows_the_links_both_ways_and_stops_at_loops():
    case = lisa_group_case()
    assert leads_to_chain(case.links, "e043") == ["e040", "e043", "e045", "e046"]
    assert leads_to_chain(case.links, "e059") == ["e059"]  # "reactie op" is no chain
    looped = lisa_group_case(links=[{"source": "e018", "target": "e019"}, {"source": "e019", "target": "e018"}])
    assert sorted(leads_to_chain(looped.links, "e018")) == ["e018", "e019"]


# --- the timeline ------------------------------------------------------------------------------------------------

def _paper(layout, y: float) -> float:
    bottom, top = layout.yaxis.range[0], layout.yaxis2.range[1]
    return (y - bottom) / (top - bottom)


def _mark_positions(figure) -> dict[str, tuple[float, float]]:
    """Event id → (x, y on the page) of every drawn mark, read from the traces' customdata."""
    found: dict[str, tuple[float, float]] = {}
    for trace in figure.data:
        if trace.customdata is None or trace.x is None or str(trace.name or "").startswith(RING_NAME):
            continue
        starts = trace.base if trace.type == "bar" else trace.x  # a period's bar starts at its base
        for x, y, event_id in zip(starts, trace.y, point_ids(trace.customdata), strict=True):
            found.setdefault(str(event_id), (float(x), _paper(figure.layout, float(y))))
    return found


def test_arrows_run_between_the_right_marks():
    figure = timeline_figure(lisa_group_case(), ViewState(case="lisa"))
    arrows = [a for a in figure.layout.annotations if a.name == LINK_NAME]
    assert len(arrows) == len(LISA_LINKS)
    marks = _mark_positions(figure)
    for arrow, (source, target, word) in zip(arrows, LISA_LINKS, strict=True):
        # drawn in the axis of the half it points at; the tail in that axis' scale, which runs on across the line
        assert arrow.yref == arrow.ayref == ("y2" if arrow.y > 0 else "y")
        assert (arrow.ax, _paper(figure.layout, arrow.ay)) == pytest.approx(marks[source], abs=1e-6)
        assert (arrow.x, _paper(figure.layout, arrow.y)) == pytest.approx(marks[target], abs=1e-6)
        assert arrow.showarrow and arrow.axref == "x"
        assert word in arrow.hovertext
    words = [a for a in figure.layout.annotations if a.name == f"{LINK_NAME}-word"]
    assert words and all(any(w in a.text for w in ("leidde tot", "reactie op", "herhaling van")) for a in words)


def test_filtered_out_events_take_their_arrows_with_them():
    from models.event_filter import EventFilter

    figure = timeline_figure(lisa_group_case(), ViewState(case="lisa", filters=EventFilter.of(layer="formal")))
    arrows = [a for a in figure.layout.annotations if a.name == LINK_NAME]
    assert len(arrows) == sum(1 for s, t, _ in LISA_LINKS if s not in {"e061"} and t not in {"e061"}
                              and s not in {"e018"} and t not in {"e018"} and s not in {"e062"})


def test_marks_of_a_perspective_get_a_ring_in_its_colour_and_a_legend_entry():
    case = lisa_group_case()
    figure = timeline_figure(case, ViewState(case="lisa"))
    rings = [t for t in figure.data if str(t.name or "").startswith(RING_NAME)]
    colours = {t.name.split(":")[1]: t.marker.line.color for t in rings}
    assert colours == {"jeugdbescherming": "#7F3C8D", "vader": "#E69F00", "lisa": "#CC79A7"}
    vader_events = {e.id for e in case.events if e.perspective == "vader" or e.informant == "vader"}
    marks = _mark_positions(figure)
    ringed = {(float(x), round(_paper(figure.layout, float(y)), 6)) for t in rings if t.name.endswith(":vader")
              for x, y in zip(t.x, t.y, strict=True)}
    assert ringed == {(marks[e][0], round(marks[e][1], 6)) for e in vader_events}
    legend = {t.name: t.marker.color for t in figure.data if t.showlegend is not False and t.x == (None,)}
    assert {"Jeugdbescherming": "#7F3C8D", "Vader": "#E69F00", "Lisa": "#CC79A7"}.items() <= legend.items()


def test_a_case_without_the_group_fields_draws_as_before():
    plain = load_case("sample_cases/lisa_gesloten_jeugdzorg.json")
    figure = timeline_figure(plain, ViewState(case="lisa"))
    assert not [a for a in figure.layout.annotations if str(a.name or "").startswith(LINK_NAME)]
    assert not [t for t in figure.data if str(t.name or "").startswith(RING_NAME)]


# --- the event details ---------------------------------------------------------------------------------------------

def _texts(component) -> str:
    if isinstance(component, str):
        return component
    children = getattr(component, "children", None)
    if children is None:
        return ""
    if not isinstance(children, list):
        children = [children]
    return " ".join(_texts(child) for child in children if child is not None)


def test_event_details_show_the_links_and_the_leads_to_chain():
    case = lisa_group_case()
    shown = _texts(event_details(CaseView.build(case, "lisa"), "e043", "nl"))
    titles = case.event_map()
    assert "Keten (leidde tot)" in shown
    for event_id in ("e040", "e045", "e046"):
        assert titles[event_id].title in shown
    assert shown.index(titles["e040"].title) < shown.index(titles["e046"].title)
    assert "Verbanden vanaf hier" in shown and "Verbanden hierheen" in shown
    voice = _texts(event_details(CaseView.build(case, "lisa"), "e061", "en"))
    assert "Perspective (group)" in voice and "Lisa" in voice and "reactie op" in voice


# --- pattern evidence ----------------------------------------------------------------------------------------------

def test_a_finding_whose_events_are_linked_cites_the_links_words():
    from models.case_view import findings_for

    plain = {f.id: f for f in findings_for(CaseView.build(load_case("sample_cases/lisa_gesloten_jeugdzorg.json"), "a"))}
    linked = {f.id: f for f in findings_for(CaseView.build(lisa_group_case(), "b"))}
    assert plain.keys() == linked.keys()
    cited = {fid: [line for line in f.lines("nl") if line not in plain[fid].lines("nl")] for fid, f in linked.items()}
    cited = {fid: lines for fid, lines in cited.items() if lines}
    assert cited  # at least one finding has two linked events among its evidence
    titles = lisa_group_case().event_map()
    for fid, lines in cited.items():
        evidence = set(linked[fid].evidence_events)
        expected = [f"De groep trok een pijl: ‘{titles[a].title}’ {word} ‘{titles[b].title}’"
                    for a, b, word in LISA_LINKS if a in evidence and b in evidence]
        assert lines == expected[:3]
        assert linked[fid].measure == plain[fid].measure  # what the finding counts is unchanged


# --- the geno-sociogram -------------------------------------------------------------------------------------------

def test_persons_of_a_perspective_get_a_ring_in_its_colour_and_a_key():
    import datetime as dt

    from layouts.genogram.figure import genosociogram_figure
    from layouts.genogram.perspective_rings import KEY_NAME

    case = lisa_group_case()
    figure = genosociogram_figure(case, ViewState(case="lisa", as_of=dt.date(2022, 6, 1)))
    positions = figure.layout.meta["positions"]
    for perspective in case.perspectives:
        person = perspective.persons[0]
        ring = [t for t in figure.data if t.mode == "lines" and t.line.color == perspective.colour
                and t.line.width >= 3]
        assert ring, perspective.key
        xs = [x for x in ring[0].x if x is not None]
        ys = [y for y in ring[0].y if y is not None]
        centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        assert centre == pytest.approx(tuple(positions[person]), abs=0.05)  # round the person's own mark
    key = [a for a in figure.layout.annotations if a.name == KEY_NAME]
    assert len(key) == 1
    for perspective in case.perspectives:
        assert f"color:{perspective.colour}" in key[0].text and perspective.label in key[0].text
    plain = genosociogram_figure(load_case("sample_cases/lisa_gesloten_jeugdzorg.json"),
                                 ViewState(case="lisa", as_of=dt.date(2022, 6, 1)))
    assert not [a for a in plain.layout.annotations if a.name == KEY_NAME]
