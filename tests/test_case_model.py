"""Behaviour of the case model: lookups, partner status over time, periods, JSON round trip."""

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import load_case, validate_case_data
from models.saving import case_bytes
from models.vocabulary import RESTRICTIVENESS, PartnerStatus, PlacementSetting, label
from tests.case_builders import case_data
from tests.synthetic import generate_case, generate_case_data

D = dt.date


def test_attribute_names_other_code_relies_on():
    case = validate_case_data(case_data())
    for name in ("persons", "organisations", "relationships", "events", "annotations", "index_person"):
        assert hasattr(case, name)
    assert {e.layer for e in case.events} == {"formal", "lived"}
    parent = case.relationships[0]
    assert (parent.source, parent.target) == ("vader", "kind")
    assert all(item.id for item in [*case.persons, *case.events, *case.relationships])


def test_partner_status_follows_the_dates():
    couple = validate_case_data(case_data()).relationships[2]
    assert couple.partner_status_on(D(2007, 6, 1)) == PartnerStatus.COHABITING
    assert couple.partner_status_on(D(2012, 1, 1)) == PartnerStatus.MARRIED
    assert couple.partner_status_on(D(2017, 1, 1)) == PartnerStatus.DIVORCED
    assert couple.partner_status_on(None) == PartnerStatus.DIVORCED
    assert couple.together_on(D(2012, 1, 1))
    assert not couple.together_on(D(2020, 1, 1))


def test_partner_status_before_they_met_is_none():
    data = case_data()
    data["relationships"][2]["start"] = "2005"
    couple = validate_case_data(data).relationships[2]
    assert couple.partner_status_on(D(2004, 1, 1)) is None
    assert couple.partner_status_on(D(2005, 6, 1)) == PartnerStatus.COHABITING


def test_person_alive_and_involved():
    case = validate_case_data(case_data())
    persons = case.person_map()
    assert not persons["kind"].alive_on(D(2009, 1, 1))
    assert persons["kind"].alive_on(D(2011, 1, 1))
    assert persons["jb"].involved_on(D(2022, 1, 1))
    assert not persons["jb"].involved_on(D(2024, 1, 1))
    assert persons["vader"].involved_on(D(1990, 1, 1))  # no period: always


def test_events_in_order_and_event_days():
    case = validate_case_data(case_data())
    assert [e.id for e in case.events_in_order()] == ["e1", "e2", "e3"]
    placement = case.event_map()["e2"]
    assert placement.is_period
    assert placement.end_day() == D(2022, 1, 31)
    assert placement.placement.restrictiveness == RESTRICTIVENESS[PlacementSetting.OPEN_RESIDENTIAL]


def test_approximate_flag_and_tilde_agree():
    data = case_data()
    data["events"][1]["approximate"] = True
    event = validate_case_data(data).events[1]
    assert event.date.approximate and event.end.approximate
    again = validate_case_data(json.loads(case_bytes(validate_case_data(data)))).events[1]
    assert again == event


def test_restrictiveness_orders_settings():
    assert RESTRICTIVENESS[PlacementSetting.HOME] < RESTRICTIVENESS[PlacementSetting.FOSTER_FAMILY] \
        < RESTRICTIVENESS[PlacementSetting.OPEN_RESIDENTIAL] < RESTRICTIVENESS[PlacementSetting.CLOSED_YOUTH_CARE]


def test_labels_in_both_languages():
    assert label("closed_youth_care", "nl").startswith("gesloten jeugdzorg")
    assert label("referral", "en") == "referral"
    assert label("referral", "nl") == "verwijzing"
    assert label("no-such-value") == "no-such-value"


def test_to_json_round_trips():
    case = validate_case_data(case_data())
    assert load_case(case_bytes(case)) == case


def test_synthetic_cases_are_valid_and_deterministic():
    first = generate_case_data(300, 60, seed=7)
    assert first == generate_case_data(300, 60, seed=7)
    case = generate_case(300, 60, seed=7)
    assert len(case.events) == 300
    assert {e.layer for e in case.events} == {"formal", "lived"}
    assert any(e.placement for e in case.events)
    assert any(r.type == "partner" and r.divorced for r in case.relationships)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=5, max_value=120),
       st.integers(min_value=2, max_value=4))
def test_load_save_load_on_generated_cases(seed, n_events, generations):
    case = generate_case(n_events, 40, seed=seed, n_generations=generations)
    assert load_case(case_bytes(case)) == case
