"""Comparing two moments and card 5's table without a browser: the figures, the table and the stored rows."""

from __future__ import annotations

import datetime as dt
import json

from app.callbacks.group import switch_rows
from layouts.compare import COMPARE_LINE_NAME, compare_networks, compare_timeline, default_moments
from layouts.components.compare import link_rows, switch_table
from layouts.view_state import ViewState
from models import load_case
from models.editing import checked
from models.group_editing import event_links, with_event_links, with_perspective, without_perspective
from tests.group_builders import lisa_data, lisa_group_case

INTAKE, NOW = dt.date(2021, 11, 20), dt.date(2023, 6, 30)


def _drawn(figure) -> set[str]:
    """Mark keys: person ids, "org:<id>" for organisations (their professionals folded in), "rel:", "household:"."""
    return {str(c) for trace in figure.data if getattr(trace, "customdata", None) is not None
            for c in trace.customdata if isinstance(c, str)}


def test_two_moments_draw_two_networks_of_different_people():
    case = load_case(json.dumps(lisa_data()))
    before, after = compare_networks(case, ViewState(case="lisa"), INTAKE, NOW)
    assert before.layout.meta["as_of"] == INTAKE.isoformat() and after.layout.meta["as_of"] == NOW.isoformat()
    early, late = _drawn(before), _drawn(after)
    assert "org:org-thuisbasis" in late and "org:org-thuisbasis" not in early  # the care coordination of 2023
    assert "oudere-jongen" in early and "oudere-jongen" not in late  # the older boy was out of the picture
    assert {"lisa", "vader", "moeder"} <= early & late
    assert before.layout.width == after.layout.width <= 640  # two fit side by side


def test_the_compare_timeline_marks_both_dates():
    case = load_case(json.dumps(lisa_data()))
    figure = compare_timeline(case, ViewState(case="lisa", lang="en"), INTAKE, NOW)
    notes = [a.text for a in figure.layout.annotations if a.name == COMPARE_LINE_NAME]
    assert notes == ["<b>A: 20 November 2021</b>", "<b>B: 30 June 2023</b>"]
    assert len([s for s in figure.layout.shapes if s.name == COMPARE_LINE_NAME]) == 2


def test_default_moments_are_the_first_formal_event_and_the_last_day():
    first, last = default_moments(load_case(json.dumps(lisa_data())))
    assert first == dt.date(2013, 4, 16) and last is not None and last > dt.date(2023, 1, 1)


def test_card5_rows_are_kept_per_person_and_an_emptied_row_goes():
    data = lisa_data()
    data = switch_rows(data, "vader", "dilemma", "Dat ik haar kwijtraak")
    data = switch_rows(data, "vader", "feeling", "Bang")
    data = switch_rows(data, "jb", "dilemma", "Dat het misgaat")
    case = checked(data).case
    assert case is not None
    assert [(r.person, r.dilemma, r.feeling) for r in case.perspective_switch] == [
        ("vader", "Dat ik haar kwijtraak", "Bang"), ("jb", "Dat het misgaat", None)]
    data = switch_rows(switch_rows(data, "jb", "dilemma", " "), "vader", "dilemma", "")
    data = switch_rows(data, "vader", "feeling", "")
    assert "perspective_switch" not in data


def test_card5_table_shows_a_row_per_chosen_person_with_the_case_text():
    case = lisa_group_case(perspective_switch=[{"person": "vader", "dilemma": "Dat ik haar kwijtraak"}])
    table = switch_table(case, ["vader", "lisa", "niemand"], "nl", editable=False)
    rows = table.children[1].children
    assert [row.children[0].children for row in rows] == ["Vader", "Lisa"]
    assert rows[0].children[1].children.value == "Dat ik haar kwijtraak" and rows[0].children[1].children.readOnly


def test_links_are_added_and_removed_per_event():
    data = lisa_data()
    data = with_event_links(data, "e017", [{"target": "e018", "label": "leidde tot"}])
    data = with_event_links(data, "e019", [{"target": "e021", "label": "reactie op"}])
    assert [(link["source"], link["target"]) for link in data["links"]] == [("e017", "e018"), ("e019", "e021")]
    assert event_links(data, "e017") == [{"source": "e017", "target": "e018", "label": "leidde tot"}]
    case = checked(data).case
    assert case is not None and len(link_rows(case, "e017", "nl")) == 1
    data = with_event_links(with_event_links(data, "e017", []), "e019", [])
    assert "links" not in data


def test_perspectives_are_set_with_a_free_colour_and_removed():
    data = with_perspective(lisa_data(), "school", "School", persons=["mentor"])
    data = with_perspective(data, "ouders", "Ouders")
    assert [p["colour"] for p in data["perspectives"]] == ["#0072B2", "#D55E00"]
    data = with_perspective(data, "school", "De school", colour="#112233")
    assert data["perspectives"][0] == {"key": "school", "label": "De school", "colour": "#112233",
                                       "persons": ["mentor"]}
    assert checked(data).ok
    assert "perspectives" not in without_perspective(without_perspective(data, "school"), "ouders")


def test_a_new_perspective_gets_a_key_of_its_own():
    from app.callbacks.group import perspective_key

    data = with_perspective(lisa_data(), "school", "School")
    assert perspective_key(data, "School") == "school-2"
    assert perspective_key(data, "Jeugdbescherming (GI)") == "jeugdbescherming-gi"
    assert perspective_key(data, "!!!") == "perspectief"


def test_the_perspectives_card_has_a_row_per_perspective_with_its_colour_and_voices():
    from layouts.components.compare import colour_options, perspective_rows

    case = lisa_group_case()
    rows = perspective_rows(case, "nl")
    assert len(rows) == len(case.perspectives)
    first = rows[0].children
    colour = first[0].children[0].children
    persons = first[1]
    assert colour.value == "#7F3C8D" and "#7F3C8D" in [o["value"] for o in colour.options]
    assert persons.value == ["jb"]
    assert [o["value"] for o in colour_options()][:2] == ["#0072B2", "#D55E00"]
