"""Every validation rule of the case loader, with its JSON path and bilingual message."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import CaseError, load_case, validate_case_data
from tests.case_builders import BASE_CASE, case_data


def problems_of(data) -> list:
    with pytest.raises(CaseError) as info:
        validate_case_data(data)
    return info.value.problems


def paths(problems) -> list[str]:
    return [p.path for p in problems]


def test_base_case_is_valid():
    case = validate_case_data(case_data())
    assert case.index().label == "Kind"
    assert case.events[2].approximate  # "~" date makes the event approximate


def test_load_accepts_path_bytes_and_text(tmp_path):
    text = json.dumps(BASE_CASE)
    file = tmp_path / "case.json"
    file.write_text(text, encoding="utf-8")
    assert load_case(file) == load_case(str(file)) == load_case(text.encode()) == load_case(text)


def test_missing_required_fields_are_all_reported():
    data = case_data()
    del data["title"]
    del data["persons"][0]["kind"]
    found = problems_of(data)
    assert {"$.title", "$.persons[0].kind"} <= set(paths(found))
    title = next(p for p in found if p.path == "$.title")
    assert title.nl == "verplicht veld ontbreekt"
    assert title.en == "required field is missing"


def test_unknown_field_is_reported_as_possible_typo():
    data = case_data()
    data["events"][0]["titel"] = "typo"
    found = problems_of(data)
    assert paths(found) == ["$.events[0].titel"]
    assert "typfout" in found[0].nl


def test_wrong_enum_lists_the_choices_in_both_languages():
    data = case_data()
    data["events"][1]["layer"] = "boven"
    problem = problems_of(data)[0]
    assert problem.path == "$.events[1].layer"
    assert "'formal' of 'lived'" in problem.nl
    assert "'formal' or 'lived'" in problem.en


def test_wrong_types():
    data = case_data()
    data["events"][0]["persons"] = "kind"
    data["persons"][0]["birth"] = 2010
    found = problems_of(data)
    assert set(paths(found)) >= {"$.events[0].persons", "$.persons[0].birth"}


def test_duplicate_ids_across_collections():
    data = case_data()
    data["events"][1]["id"] = "kind"
    problem = problems_of(data)[0]
    assert problem.path == "$.events[1].id"
    assert problem.code == "duplicate_id"
    assert "$.persons[0]" in problem.nl


def test_dangling_references_everywhere():
    data = case_data(index_person="niemand")
    data["events"][0]["persons"].append("spook")
    data["events"][0]["organisation"] = "onbekend"
    data["events"][0]["source"] = "s9"
    data["events"][0]["decision"]["decided_by"] = ["x"]
    data["relationships"][0]["target"] = "spook"
    data["relationships"][3]["view"] = "spook"
    data["annotations"][0]["target"]["events"] = ["e404"]
    data["persons"][3]["organisation"] = "gone"
    found = problems_of(data)
    assert set(paths(found)) == {
        "$.index_person", "$.events[0].persons[2]", "$.events[0].organisation", "$.events[0].source",
        "$.events[0].decision.decided_by[0]", "$.relationships[0].target", "$.relationships[3].view",
        "$.annotations[0].target.events[0]", "$.persons[3].organisation",
    }
    assert all(p.code == "unknown_reference" for p in found)
    assert "onbekende persoon 'spook'" in next(p.nl for p in found if p.path == "$.relationships[0].target")


def test_end_before_start():
    data = case_data()
    data["events"][1]["end"] = "2020-12"
    problem = problems_of(data)[0]
    assert problem.path == "$.events[1].end"
    assert problem.nl == "einde (december 2020) ligt vóór begin (maart 2021)"
    assert problem.en == "end (December 2020) is before start (March 2021)"


def test_overlapping_partial_dates_are_not_an_error():
    data = case_data()
    data["events"][1]["date"] = "2021"
    data["events"][1]["end"] = "2021-01"
    validate_case_data(data)


def test_death_before_birth():
    data = case_data()
    data["persons"][1]["death"] = "1975"
    assert paths(problems_of(data)) == ["$.persons[1].death"]


def test_parent_born_after_child():
    data = case_data()
    data["persons"][1]["birth"] = "2012"
    problem = problems_of(data)[0]
    assert problem.path == "$.relationships[0]"
    assert problem.code == "parent_born_after_child"


def test_own_ancestor_loop():
    data = case_data()
    data["persons"][0].pop("birth")
    data["persons"][1].pop("birth")
    data["relationships"].append({"id": "r9", "type": "parent", "source": "kind", "target": "vader"})
    found = problems_of(data)
    assert {p.code for p in found} == {"own_ancestor"}
    assert set(paths(found)) == {"$.relationships[0]", "$.relationships[4]"}


def test_three_biological_parents():
    data = case_data()
    data["persons"].append({"id": "x", "label": "Derde", "kind": "family"})
    data["relationships"].append({"id": "r9", "type": "parent", "source": "x", "target": "kind"})
    assert [p.code for p in problems_of(data)] == ["too_many_parents"]


def test_step_parent_is_not_a_third_biological_parent():
    data = case_data()
    data["persons"].append({"id": "x", "label": "Stiefvader", "kind": "family"})
    data["relationships"].append({"id": "r9", "type": "parent", "source": "x", "target": "kind",
                                  "parent_kind": "step"})
    validate_case_data(data)


def test_partner_fields_only_on_partner_relationships():
    data = case_data()
    data["relationships"][3]["divorced"] = "2016"
    problem = problems_of(data)[0]
    assert problem.path == "$.relationships[3]"
    assert "partner" in problem.nl and "partner" in problem.en


def test_relationship_with_oneself():
    data = case_data()
    data["relationships"][3]["target"] = "vader"
    assert [p.code for p in problems_of(data)] == ["self_relationship"]


def test_event_long_before_birth():
    data = case_data()
    data["events"][0]["date"] = "2005"
    data["events"][0]["persons"] = ["kind"]
    problem = problems_of(data)[0]
    assert problem.path == "$.events[0].persons[0]"
    assert problem.code == "before_birth"


def test_annotation_needs_a_target():
    data = case_data()
    data["annotations"][0]["target"] = {}
    assert [p.code for p in problems_of(data)] == ["empty_target"]


def test_not_pseudonymised_is_explained():
    data = case_data(pseudonymised=False)
    problem = problems_of(data)[0]
    assert problem.path == "$.pseudonymised"
    assert '"pseudonymised": true' in problem.nl


def test_unknown_schema_version():
    problem = problems_of(case_data(schema_version="9.9"))[0]
    assert problem.code == "schema_version"


def test_structural_and_reference_problems_reported_together():
    data = case_data()
    data["events"][0]["date"] = "2021-02-31"          # structural
    data["events"][1]["persons"] = ["spook"]          # reference in a valid item
    found = problems_of(data)
    assert set(paths(found)) == {"$.events[0].date", "$.events[1].persons[0]"}


def test_index_mapping_survives_dropped_invalid_items():
    data = case_data()
    data["persons"].insert(0, {"id": "kapot", "label": "", "kind": "family"})
    data["events"][2]["perspective"] = "spook"
    found = problems_of(data)
    assert set(paths(found)) == {"$.persons[0].label", "$.events[2].perspective"}


@pytest.mark.parametrize(("raw", "code"), [
    (b"{not json", "invalid_json"),
    (b"\xff\xfe\x00{", "not_utf8"),
    (b"[1, 2]", "not_an_object"),
    (b"   ", "empty_file"),
    (b'{"a": NaN}', "invalid_json"),
])
def test_file_level_problems(raw, code):
    with pytest.raises(CaseError) as info:
        load_case(raw)
    assert [p.code for p in info.value.problems] == [code]
    assert info.value.problems[0].path == "$"


def test_invalid_json_names_line_and_column():
    with pytest.raises(CaseError) as info:
        load_case(b'{\n  "id": "x",\n  "title": \n}')
    assert "regel 4, kolom 1" in info.value.problems[0].nl


def test_size_limit(tmp_path):
    file = tmp_path / "big.json"
    file.write_bytes(b" " * 2_000)
    with pytest.raises(CaseError) as info:
        load_case(file, max_bytes=1_000)
    assert info.value.problems[0].code == "file_too_large"


def test_missing_file(tmp_path):
    with pytest.raises(CaseError) as info:
        load_case(tmp_path / "nope.json")
    assert info.value.problems[0].code == "file_not_found"


def test_case_error_message_summarises():
    with pytest.raises(CaseError) as info:
        load_case(b"[]")
    assert "1 problem" in str(info.value)
    assert info.value.report("nl").startswith("$: ")


def test_references_in_an_item_with_a_type_problem_are_still_checked():
    data = case_data()
    data["events"][0]["date"] = 2021  # the same event refers to nobody
    data["events"][0]["persons"] = ["kind", "spook"]
    data["events"][1]["date"] = None
    data["events"][1]["decision"] = {"decided_by": ["gi", "niemand"]}
    data["relationships"][0]["type"] = "ouder"
    data["relationships"][0]["source"] = "opa"
    data["households"] = [{"id": "hh", "members": [{"person": "tante", "start": 3}]}]
    data["layout"] = {"sibling_order": ["kind", "neef"], "pinned": {"nicht": {"x": "links", "y": 0}}}
    found = {p.path: p for p in problems_of(data) if p.code == "unknown_reference"}
    assert set(found) == {"$.events[0].persons[1]", "$.events[1].decision.decided_by[1]",
                          "$.relationships[0].source", "$.households[0].members[0].person",
                          "$.layout.sibling_order[1]", "$.layout.pinned.nicht"}
    assert found["$.events[0].persons[1]"].nl == "verwijst naar onbekende persoon 'spook'"
    assert found["$.events[0].persons[1]"].en == "refers to unknown person 'spook'"
    assert "persoon of organisatie 'niemand'" in found["$.events[1].decision.decided_by[1]"].nl


def test_ids_of_broken_items_are_known_and_bad_values_are_reported_once():
    data = case_data()
    data["persons"][1]["birth"] = 1980  # vader is broken but still exists
    data["events"][0]["date"] = 2021
    data["events"][0]["persons"] = ["vader", "bad id!", 5, None]
    problems = problems_of(data)
    assert [p.path for p in problems if p.code == "unknown_reference"] == []
    assert len({p.path for p in problems}) == len(problems)  # one problem per place


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.sampled_from(["", "kind", "spook", "e1", "2020"]),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                         st.sampled_from(["id", "persons", "events", "target", "date", "source", "members", "x"]),
                         inner, max_size=3), max_leaves=8)


def _replace(data: object, path: list[int], value: object) -> object:
    """``data`` with the node chosen by ``path`` (indexes into the node's children) replaced by ``value``."""
    if not path or not isinstance(data, dict | list) or not data:
        return value
    keys = list(data) if isinstance(data, dict) else list(range(len(data)))
    key = keys[path[0] % len(keys)]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[key] = _replace(data[key], path[1:], value)
    return copy


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.integers(0, 50), max_size=6), _json), min_size=1, max_size=4))
def test_any_broken_case_is_reported_without_crashing(changes):
    data: object = case_data()
    for path, value in changes:
        data = _replace(data, path, value)
    try:
        validate_case_data(data)
    except CaseError as exc:
        keys = [(p.path, p.en) for p in exc.problems]
        assert keys and len(keys) == len(set(keys))
        assert all(p.path.startswith("$") and p.nl and p.en for p in exc.problems)


@pytest.mark.parametrize("nasty", [
    {"persons": {"id": "kind"}}, {"persons": [None, [], "kind", 3]}, {"events": [{"id": 5, "persons": "kind"}]},
    {"events": [{"persons": [[], {}, None]}]}, {"annotations": [{"target": [], "id": None}]},
    {"relationships": [{"source": 1, "target": None}]}, {"households": [{"members": {"person": "x"}}]},
    {"layout": {"pinned": ["kind"], "sibling_order": "kind"}}, {"layout": None}, {"index_person": 3},
    {"events": None, "persons": None, "organisations": None, "sources": None},
])
def test_nasty_values_are_problems_not_crashes(nasty):
    problems = problems_of({**case_data(), **nasty})
    assert problems and len({(p.path, p.en) for p in problems}) == len(problems)
