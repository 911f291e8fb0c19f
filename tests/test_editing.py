"""Edits to a case: each is checked by the loader's rules, references are unlinked, history undoes."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import load_case, validate_case_data
from models.editing import (
    History,
    case_data,
    delete_item,
    new_case,
    next_id,
    put_item,
    references,
    set_fields,
)
from models.vocabulary import EventType, Gender, Layer, PersonKind
from tests.case_builders import case_data as base_data

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"


def test_add_event_appends_and_validates():
    data = base_data()
    result = put_item(data, "events", {"date": "2022-05", "layer": "formal", "type": "referral",
                                       "title": "Verwijzing naar jeugd-ggz", "persons": ["kind"], "end": ""})
    assert result.ok
    added = result.data["events"][-1]
    assert added["id"] == "e4" and "end" not in added  # empty form fields are dropped
    assert result.item_path == "$.events[3]"
    assert len(data["events"]) == 3  # the input is not changed in place
    assert validate_case_data(result.data).event_map()["e4"].title == "Verwijzing naar jeugd-ggz"


def test_change_replaces_the_item_with_the_same_id():
    result = put_item(base_data(), "events", {**base_data()["events"][0], "title": "OTS verlengd"})
    assert result.ok
    assert result.data["events"][0]["title"] == "OTS verlengd"
    assert len(result.data["events"]) == 3


@pytest.mark.parametrize(("item", "field", "words"), [
    ({"date": "2021-02-30", "layer": "formal", "type": "meeting", "title": "x"}, "date", "2021-02-30"),
    ({"date": "2022", "end": "2020", "layer": "formal", "type": "meeting", "title": "x"}, "end", "vóór"),
    ({"date": "2022", "layer": "formal", "type": "meeting", "title": "x", "persons": ["niemand"]}, "persons",
     "niemand"),
    ({"date": "2022", "layer": "boven", "type": "meeting", "title": "x"}, "layer", ""),
    ({"date": "2022", "layer": "formal", "type": "meeting", "title": "  "}, "title", ""),
])
def test_a_rejected_edit_says_which_field_and_why(item, field, words):
    result = put_item(base_data(), "events", item)
    assert not result.ok
    by_field = result.field_problems()
    assert field in by_field, by_field
    problem = by_field[field][0]
    assert words in problem.nl
    assert problem.en and problem.path.startswith("$.events[3]")


def test_an_edit_that_breaks_another_item_is_refused():
    data = base_data()
    kind = {**data["persons"][0], "birth": "2023"}  # events in 2021 now happen before the birth
    result = put_item(data, "persons", kind)
    assert not result.ok
    assert any(p.path.startswith("$.events") for p in result.problems)


def test_next_id_is_unique_across_collections():
    data = base_data()
    data["persons"].append({"id": "e9", "label": "X", "kind": "network"})
    assert next_id(data, "events") == "e10"
    assert next_id(data, "persons") == "p1"


def _with_ids(**collections: list[str]) -> dict:
    return {name: [{"id": item_id} for item_id in ids] for name, ids in collections.items()}


@pytest.mark.parametrize(("ids", "expected"), [
    (["n01", "n02", "n12"], "n13"),  # same prefix and zero-padding
    (["e034", "e001", "e182"], "e183"),  # the highest number, not the last one
    (["n08", "n09"], "n10"),
    (["r98", "r99"], "r100"),  # padding is a minimum width
    (["x7"], "x8"),
    (["n01", "n02", "los", "n03"], "n04"),  # most ids follow the pattern
    ([], "a1"),  # empty: the default prefix
    (["moeder", "vader", "kind"], "a1"),  # no numbered ids
    (["moeder", "vader", "onderzoeker1"], "a1"),  # a few numbered ids are no pattern
])
def test_next_id_follows_the_collections_own_pattern(ids, expected):
    assert next_id(_with_ids(annotations=ids), "annotations") == expected


def test_next_id_following_a_pattern_stays_unique_across_the_case():
    data = _with_ids(annotations=["n01", "n02"], persons=["n03", "n04x"], events=["n007"])
    assert next_id(data, "annotations") == "n08"
    data = _with_ids(annotations=["n01", "n02"], reflections=["n03"], sources=["n3"])
    assert next_id(data, "annotations") == "n04"


def test_next_id_on_a_sample_case():
    data = json.loads((SAMPLES / "calamiteit_sem.json").read_text("utf-8"))
    assert next_id(data, "annotations") == "n13"
    assert next_id(data, "events") == "e183"
    assert next_id(data, "relationships") == "r070"
    assert next_id(data, "persons") == "p1"  # sem, zus, moeder…: no numbered pattern
    added = put_item(data, "annotations", {"target": {"events": ["e001"]}, "tag": "vraag", "text": "Waarom?"})
    assert added.ok and added.data["annotations"][-1]["id"] == "n13"


def test_next_id_ignores_items_that_are_not_objects_and_overlong_prefixes():
    data = {"annotations": [None, 5, {"id": 7}, {"id": "n1"}]}
    assert next_id(data, "annotations") == "n2"
    long_prefix = "x" * 63
    assert next_id(_with_ids(annotations=[f"{long_prefix}9"]), "annotations") == "a1"


def test_delete_person_unlinks_every_reference():
    data = base_data()
    refs = references(data, "persons", "vader")
    assert {(r.collection, r.field) for r in refs} >= {("relationships", "source")}
    result = delete_item(data, "persons", "vader")
    assert result.ok
    case = validate_case_data(result.data)
    assert "vader" not in case.person_map()
    assert all("vader" not in (r.source, r.target, r.view) for r in case.relationships)


def test_delete_person_removes_them_from_events_and_annotations():
    data = base_data()
    data["annotations"].append({"id": "a2", "target": {"persons": ["jb"]}, "tag": "question", "text": "?"})
    result = delete_item(data, "persons", "jb")
    assert result.ok
    case = validate_case_data(result.data)
    assert all("jb" not in e.persons for e in case.events)
    assert [a.id for a in case.annotations] == ["a1"]  # a2 had no other target


def test_delete_organisation_clears_event_and_person_links():
    result = delete_item(base_data(), "organisations", "gi")
    assert result.ok
    case = validate_case_data(result.data)
    assert case.event_map()["e1"].organisation is None
    assert case.event_map()["e1"].decision.decided_by == []
    assert case.person_map()["jb"].organisation is None


def test_delete_event_drops_annotations_left_without_target():
    result = delete_item(base_data(), "events", "e1")
    assert result.ok
    assert "annotations" not in result.data


def test_the_index_person_cannot_be_deleted():
    result = delete_item(base_data(), "persons", "kind")
    assert not result.ok
    assert result.problems[0].code == "delete_index_person"


def test_new_case_from_nothing_is_valid_and_editable():
    result = new_case("Nieuwe casus", "Kind", child_birth="2015")
    assert result.ok
    more = put_item(result.data, "events", {"date": "2020", "layer": "lived", "type": "experience",
                                            "title": "Verhuisd", "persons": ["p1"]})
    assert more.ok
    assert validate_case_data(more.data).index().label == "Kind"


def test_set_fields_changes_the_title_and_refuses_an_empty_one():
    assert set_fields(base_data(), title="Andere titel").data["title"] == "Andere titel"
    assert not set_fields(base_data(), title=None).ok


def test_history_undoes_and_redoes_in_order():
    history = History()
    history = history.record("v1")
    history = history.record("v2")
    history, current = history.step_back("v3")
    assert current == "v2"
    history, current = history.step_back(current)
    assert current == "v1"
    assert history.step_back(current) is None
    history, current = history.step_forward(current)
    assert current == "v2"
    history = history.record(current)  # a new edit forgets what was undone
    assert history.step_forward("v4") is None
    assert History.from_dict(history.to_dict()) == history
    assert History.from_dict("rubbish") == History()


# --- load → save → load on generated cases -------------------------------------------------------

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip())
_date = st.builds(lambda y, m, d, form, approx: ("~" if approx else "") + [f"{y}", f"{y}-{m:02d}",
                                                                            f"{y}-{m:02d}-{d:02d}"][form],
                  st.integers(2000, 2024), st.integers(1, 12), st.integers(1, 28), st.integers(0, 2), st.booleans())


@st.composite
def _cases(draw: st.DrawFn) -> dict:
    result = new_case(draw(_text), draw(_text), child_birth="1999")
    data = result.data
    for _ in range(draw(st.integers(0, 5))):
        data = put_item(data, "persons", {"label": draw(_text), "kind": draw(st.sampled_from(list(PersonKind))),
                                          "gender": draw(st.sampled_from(list(Gender))),
                                          "note": draw(st.none() | _text)}).data
    persons = [p["id"] for p in data["persons"]]
    for _ in range(draw(st.integers(0, 8))):
        start = draw(_date)
        item = {"date": start, "layer": draw(st.sampled_from(list(Layer))),
                "type": draw(st.sampled_from([t for t in EventType if t != EventType.PLACEMENT])),
                "title": draw(_text), "description": draw(st.none() | _text),
                "persons": draw(st.lists(st.sampled_from(persons), unique=True, max_size=3)),
                "approximate": draw(st.booleans())}
        outcome = put_item(data, "events", item)
        data = outcome.data if outcome.ok else data
    events = [e["id"] for e in data.get("events", [])]
    if events:
        data = put_item(data, "annotations", {"target": {"events": draw(st.lists(st.sampled_from(events), min_size=1,
                                                                                  unique=True))},
                                              "tag": draw(_text), "text": draw(_text),
                                              "created": "2026-11-23T10:00:00"}).data
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_cases())
def test_load_save_load_gives_an_equal_case(tmp_path_factory, data):
    from models.saving import save_case

    case = validate_case_data(data)
    path = tmp_path_factory.mktemp("roundtrip") / "casus.json"
    assert save_case(case, path, expected=None).outcome == "saved"
    again = load_case(path)
    assert again == case
    assert case_data(again) == case_data(case)
    saved = json.loads(path.read_text("utf-8"))
    assert saved == case_data(case)
    assert _keys(saved) <= _keys(data) | {"$.events.approximate"}  # no defaults the edits did not write


def _keys(value: object, path: str = "$") -> set[str]:
    """Every object key in JSON data, by its path without list positions ("persons.gender")."""
    if isinstance(value, list):
        return set().union(*(_keys(item, path) for item in value))
    if not isinstance(value, dict):
        return set()
    return set().union(*({f"{path}.{key}"} | _keys(item, f"{path}.{key}") for key, item in value.items()))
