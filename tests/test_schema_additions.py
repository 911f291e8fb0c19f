"""The case file says how Dutch youth care is organised (issue 16 item 4): more organisation types, events with
several organisations, a professional's organisations over time, ties between organisations (drawn in the
geno-sociogram's outer ring), an informant per event and relationship, the case manager as a role — all optional:
every existing file loads unchanged and saves back byte for byte."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from case_builders import case_data

from layouts.genogram.figure import genosociogram_figure
from layouts.view_state import Highlight, ViewState
from models import load_case
from models.editing import delete_item
from models.event_filter import EventFilter
from models.loading import validate_case_data
from models.problems import CaseError
from models.saving import case_bytes
from models.schema import case_json_schema
from models.vocabulary import LABELS, OrganisationRelationshipType, OrganisationType, label

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_cases").glob("*.json"))
NEW_TYPES = ["public_prosecution", "probation", "youth_health_care", "midwife", "compulsory_education",
             "special_education_partnership", "childcare", "housing_corporation", "debt_assistance"]


def rich_data() -> dict:
    """A small case using every new field."""
    data = case_data()
    orgs = [{"id": "org-om", "name": "Openbaar Ministerie", "type": "public_prosecution"},
            {"id": "org-rec", "name": "Reclassering Nederland", "type": "probation"},
            {"id": "org-wt", "name": "Wijkteam Noord", "type": "local_team"}]
    data["organisations"] = [*data.get("organisations", []), *orgs]
    persons = data["persons"]
    persons += [
        {"id": "pro-a", "label": "Reclasseringswerker", "kind": "professional", "organisation": "org-rec",
         "affiliations": [{"organisation": "org-wt", "start": "2019", "end": "2021-06", "role": "wijkcoach"}],
         "case_manager": True},
        {"id": "pro-b", "label": "Officier van justitie", "kind": "professional", "organisation": "org-om"},
        {"id": "pro-c", "label": "Wijkcoach", "kind": "professional", "organisation": "org-wt"},
    ]
    family = next(p["id"] for p in persons if p["kind"] == "family")
    data["events"] = [*data.get("events", []), {
        "id": "e-mdo", "date": "2022-03-01", "layer": "formal", "type": "meeting", "title": "Multidisciplinair overleg",
        "organisation": "org-wt", "organisations": ["org-om", "org-rec"], "persons": ["pro-a", "pro-b"],
        "informant": family}]
    data["relationships"] = [*data.get("relationships", []),
                             {"id": "r-told", "type": "works_with", "source": "pro-a", "target": "pro-c",
                              "informant": family}]
    data["organisation_relationships"] = [
        {"id": "or-1", "type": "refers_to", "source": "org-wt", "target": "org-rec", "start": "2020"},
        {"id": "or-2", "type": "conflict", "source": "org-om", "target": "org-wt", "informant": family,
         "certainty": "disputed"},
        {"id": "or-3", "type": "contracts", "source": "org-wt", "target": "org-om", "end": "2019"},
    ]
    return data


def test_new_organisation_types_have_dutch_and_english_labels() -> None:
    values = {t.value for t in OrganisationType}
    assert set(NEW_TYPES) <= values
    for value in [*NEW_TYPES, *(t.value for t in OrganisationRelationshipType)]:
        assert value in LABELS and LABELS[value]["nl"] and LABELS[value]["en"]
    assert label("public_prosecution", "nl") == "Openbaar Ministerie"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_existing_files_load_and_save_unchanged(path: Path) -> None:
    """Nothing new is written into a file that does not use the new fields."""
    saved = json.loads(case_bytes(load_case(path)))
    for key in ("organisation_relationships",):
        assert key not in saved or json.loads(path.read_bytes()).get(key)
    for event in saved["events"]:
        assert "organisations" not in event or event["organisations"]
    for person in saved["persons"]:
        assert "case_manager" not in person or person["case_manager"]


def test_new_fields_round_trip_byte_for_byte() -> None:
    first = case_bytes(validate_case_data(rich_data()))
    again = case_bytes(load_case(first))
    assert again == first
    assert b'"organisation_relationships"' in first and b'"affiliations"' in first and b'"informant"' in first


def test_unknown_references_in_the_new_fields_are_reported() -> None:
    data = rich_data()
    data["events"][-1]["organisations"] = ["org-om", "org-missing"]
    data["organisation_relationships"][0]["target"] = "org-nowhere"
    data["persons"][-3]["affiliations"][0]["organisation"] = "org-gone"
    with pytest.raises(CaseError) as error:
        validate_case_data(data)
    text = " ".join(p.render("en") for p in error.value.problems)
    assert "org-missing" in text and "org-nowhere" in text and "org-gone" in text


def test_deleting_an_organisation_unlinks_its_ties_and_stretches() -> None:
    result = delete_item(rich_data(), "organisations", "org-wt")
    assert result.data is not None, result.problems
    new = result.data
    assert all("org-wt" not in (t["source"], t["target"]) for t in new.get("organisation_relationships", []))
    pro_a = next(p for p in new["persons"] if p["id"] == "pro-a")
    assert "affiliations" not in pro_a
    meeting = next(e for e in new["events"] if e["id"] == "e-mdo")
    assert meeting["organisations"] == ["org-om", "org-rec"] and "organisation" not in meeting


def test_an_event_with_several_organisations_belongs_to_each() -> None:
    case = validate_case_data(rich_data())
    meeting = case.event_map()["e-mdo"]
    assert meeting.all_organisations() == ["org-wt", "org-om", "org-rec"]
    assert EventFilter(organisations=("org-rec",)).keeps(meeting)
    assert Highlight.of(organisations=["org-om"]).emphasises(meeting)


def test_organisation_ties_are_drawn_between_their_boxes() -> None:
    case = validate_case_data(rich_data())
    fig = genosociogram_figure(case, ViewState(as_of=dt.date(2022, 6, 1)), collapse_organisations=True)
    drawn = {str(v) for trace in fig.data if trace.customdata is not None for v in trace.customdata}
    # the referral and the conflict held on the day; the contract had ended
    assert {"orgrel:or-1", "orgrel:or-2"} <= drawn and "orgrel:or-3" not in drawn
    legend = fig.layout.meta["legend"]
    assert "org_refers_to" in legend and "org_conflict" in legend and "org_contracts" not in legend
    everything = genosociogram_figure(case, ViewState(), collapse_organisations=True)
    assert "org_contracts" in everything.layout.meta["legend"]
    hovers = " ".join(str(t) for trace in fig.data if trace.hovertext is not None for t in trace.hovertext)
    assert "verwijst naar" in hovers


def test_schema_publishes_the_new_fields() -> None:
    schema = case_json_schema()
    assert "organisation_relationships" in schema["properties"]
    event = schema["$defs"]["Event"]["properties"]
    assert "organisations" in event and "informant" in event
    person = schema["$defs"]["Person"]["properties"]
    assert "affiliations" in person and "case_manager" in person
    assert set(NEW_TYPES) <= set(schema["$defs"]["OrganisationType"]["enum"])
    assert copy.deepcopy(schema) == schema
