"""Pattern analysis on hand-made cases: the exact findings expected, and patterns that must not be reported."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from models import Case
from models.patterns.base import CaseView
from models.patterns.find import PatternKind, PatternRules, find_patterns, finding_by_id, placement_spells
from tests.pattern_builders import PARENTS, PERSONS, ev, kinds, make_case, only, place, ref
from tests.synthetic import generate_case

K = PatternKind

# --- repeated referrals ---------------------------------------------------------------------------------

def test_a_single_referral_is_not_repeated():
    case = make_case([ref("r1", "2020-01-10", "o-gp", "o-wt")])
    assert K.REPEATED_REFERRALS not in kinds(find_patterns(case))


def test_two_referrals_years_apart_are_not_reported():
    case = make_case([ref("r1", "2015-01-10", "o-gp", "o-wt"), ref("r2", "2020-01-10", "o-wt", "o-ggz")])
    assert K.REPEATED_REFERRALS not in kinds(find_patterns(case))


def test_back_and_forth_is_reported_with_its_two_referrals():
    case = make_case([ref("r1", "2020-01-10", "o-wt", "o-ggz"), ref("r2", "2020-03-01", "o-ggz", "o-wt")])
    finding = only(find_patterns(case), K.REPEATED_REFERRALS)
    assert finding.measure == 2
    assert finding.evidence_events == ("r1", "r2")
    assert finding.evidence_organisations == ("o-wt", "o-ggz")
    assert finding.details["back_and_forth"] == [{"organisations": ["o-wt", "o-ggz"], "events": ["r1", "r2"]}]
    assert finding.details["segments"] == [["o-wt", "o-ggz", "o-wt"]]
    assert finding.details["rereferrals"] == [{"event": "r2", "previous": "r1", "days": 51, "kind": "redo"}]
    assert finding.details["loops"] == []
    assert finding.details["to_heavier"] == ["r1"]
    # the pair has a finding of its own that asks about it: this one asks the general question (not the same twice)
    assert "doorgegeven" in finding.question_nl and "passed on" in finding.question_en
    pair = only(find_patterns(case), K.BACK_AND_FORTH)
    assert "Jeugd-ggz" in pair.question_nl and pair.evidence_events == ("r1", "r2")


def test_a_pair_without_a_finding_of_its_own_is_asked_about_in_the_referrals():
    rules = PatternRules(min_back_and_forth=3)
    case = make_case([ref("r1", "2020-01-10", "o-wt", "o-ggz"), ref("r2", "2020-03-01", "o-ggz", "o-wt")])
    found = find_patterns(case, rules=rules)
    assert not [f for f in found if f.kind is K.BACK_AND_FORTH]
    finding = only(found, K.REPEATED_REFERRALS)
    assert "Jeugd-ggz" in finding.question_nl and "back and forth" in finding.question_en


def test_loop_chain_and_referrals_to_heavier_care():
    case = make_case([
        ref("r1", "2019-01-15", "o-gp", "o-wt"),
        ref("r2", "2019-06-15", "o-wt", "o-ggz"),
        ref("r3", "2020-09-01", "o-ggz", "o-gp"),
        ev("m1", "2019-03-01", persons=["p1"]),
    ])
    finding = only(find_patterns(case), K.REPEATED_REFERRALS)
    assert finding.measure == 3
    assert finding.evidence_events == ("r1", "r2", "r3")
    assert finding.details["segments"] == [["o-gp", "o-wt", "o-ggz", "o-gp"]]
    assert finding.details["loops"] == [{"organisations": ["o-gp", "o-wt", "o-ggz", "o-gp"],
                                         "events": ["r1", "r2", "r3"]}]
    assert finding.details["back_and_forth"] == []
    assert finding.details["to_heavier"] == ["r1", "r2"]
    assert finding.details["rereferrals"] == [{"event": "r2", "previous": "r1", "days": 151, "kind": "redo"}]
    assert finding.lines_nl[0] == "Keten: Huisarts → Wijkteam → Jeugd-ggz → Huisarts"


def test_repeat_versus_redo_and_broken_chain():
    case = make_case([ref("r1", "2020-01-10", "o-wt", "o-ggz"), ref("r2", "2020-02-10", "o-wt", "o-jz"),
                      ref("r3", "2020-03-10", "o-pol", "o-wt")])
    finding = only(find_patterns(case), K.REPEATED_REFERRALS)
    assert [r["kind"] for r in finding.details["rereferrals"]] == ["repeat", "redo"]
    assert finding.details["segments"] == [["o-wt", "o-ggz"], ["o-wt", "o-jz"], ["o-pol", "o-wt"]]
    assert finding.details["to_heavier"] == ["r1", "r2"]  # police is not ranked


def test_date_window_leaves_out_referrals_outside_it():
    case = make_case([ref("r1", "2020-01-10", "o-wt", "o-ggz"), ref("r2", "2020-03-01", "o-ggz", "o-wt")])
    window = (dt.date(2020, 2, 1), dt.date(2020, 12, 31))
    assert K.REPEATED_REFERRALS not in kinds(find_patterns(case, date_window=window))
    finding = only(find_patterns(case, date_window=(dt.date(2020, 1, 1), None)), K.REPEATED_REFERRALS)
    assert "Periode: 1 januari 2020 – …" in finding.rules_nl


def test_rules_change_the_thresholds():
    case = make_case([ref("r1", "2015-01-10", "o-gp", "o-wt"), ref("r2", "2020-01-10", "o-wt", "o-ggz")])
    finding = only(find_patterns(case, rules=PatternRules(min_referrals=2)), K.REPEATED_REFERRALS)
    assert finding.evidence_events == ("r1", "r2")
    assert "vanaf 2 verwijzingen" in finding.rules_nl


# --- placements, carousel, escalation ---------------------------------------------------------------------

def test_one_placement_is_no_instability_carousel_or_escalation():
    case = make_case([place("pl1", "2020-01-01", "foster_family", "2021-01-01")])
    assert not kinds(find_patterns(case)) & {K.PLACEMENT_INSTABILITY, K.PLACEMENT_CAROUSEL, K.ESCALATION}


def test_moves_per_1000_days_with_cfsr_counting_rules():
    case = make_case([
        place("pl1", "2020-01-01", "foster_family", "2020-06-01"),
        place("pl2", "2020-06-01", "crisis_shelter", "2020-06-06", crisis=True),  # 5 days: not counted
        place("pl3", "2020-06-06", "open_residential", "2020-12-01"),
        place("pl4", "2020-12-01", "home"),
        place("pl5", "2021-03-01", "closed_youth_care", "2021-09-01"),
    ])
    findings = find_patterns(case)
    finding = only(findings, K.PLACEMENT_INSTABILITY)
    assert finding.evidence_events == ("pl1", "pl2", "pl3", "pl4", "pl5")
    assert finding.details["placements"] == 3
    assert finding.details["moves"] == [{"from": "pl1", "to": "pl3", "date": "2020-06-06",
                                         "from_setting": "foster_family", "to_setting": "open_residential",
                                         "direction": "up", "progress": False}]
    assert finding.details["reentries"] == [{"home": "pl4", "event": "pl5", "days_home": 90}]
    assert finding.details["days_in_care"] == 152 + 5 + 178 + 184
    assert finding.measure == 1  # one move, said in words: "1 keer overgeplaatst in bijna anderhalf jaar"
    assert finding.details["moves_per_1000_days"] == pytest.approx(1 / 519 * 1000, abs=0.01)
    assert finding.title_nl == "3 plaatsingen buiten huis, 1 keer overgeplaatst in bijna anderhalf jaar"
    assert not any("1.000" in line for line in finding.lines_nl)
    assert finding.details["crisis_days"] == 5
    assert (finding.details["progress_moves"], finding.details["non_progress_moves"]) == (0, 1)
    assert K.PLACEMENT_CAROUSEL not in kinds(findings)  # three placements, but not within 12 months
    escalation = only(findings, K.ESCALATION)
    assert [(u["from"], u["to"]) for u in escalation.details["step_ups"]] == [("pl1", "pl2"), ("pl3", "pl5")]
    assert escalation.details["sequence"] == ["foster_family", "crisis_shelter", "open_residential", "home",
                                              "closed_youth_care"]
    assert escalation.details["reached_closed_care"] is True
    assert escalation.measure == 2


def test_placements_of_a_sibling_are_not_the_childs_career():
    sibling = {"id": "zus", "label": "Zus", "kind": "family", "gender": "female", "birth": "2008"}
    events = [place("pl1", "2020-01-01", "foster_family", "2020-06-01"),
              {**place("s1", "2020-02-01", "foster_family", "2020-05-01"), "persons": ["zus"]},  # named child
              {**place("s2", "2020-05-01", "family_home", "2020-09-01"),
               "placement": {"setting": "family_home", "child": "zus"}},  # the file says whose placement
              {**place("s3", "2020-09-01", "open_residential"),
               "placement": {"setting": "open_residential", "child": "zus"}}]
    findings = find_patterns(make_case(events, persons=[*PERSONS, sibling]))
    assert not kinds(findings) & {K.PLACEMENT_INSTABILITY, K.PLACEMENT_CAROUSEL, K.ESCALATION}
    assert [s.event_id for s in placement_spells(make_case(events, persons=[*PERSONS, sibling]), child="zus")] == \
        ["s1", "s2", "s3"]


def test_informal_care_becoming_formal_at_the_same_place_is_not_a_move():
    events = [place("pl1", "2020-01-01", "kinship_care", location="bij oma"),
              place("pl2", "2020-09-01", "kinship_care", location="Bij oma"),
              place("pl3", "2021-09-01", "foster_family", "2022-06-01", location="Pleeggezin A")]
    spells = placement_spells(make_case(events))
    assert [(s.event_id, s.merged) for s in spells] == [("pl1", ("pl2",)), ("pl3", ())]
    finding = only(find_patterns(make_case(events)), K.PLACEMENT_INSTABILITY)
    assert finding.details["placements"] == 2 and len(finding.details["moves"]) == 1
    assert K.PLACEMENT_INSTABILITY not in kinds(find_patterns(make_case(events[:2])))  # one stay, not two


def test_carousel_of_three_placements_within_a_year():
    case = make_case([
        place("pl1", "2020-01-01", "foster_family", "2020-03-01", location="Pleeggezin A"),
        place("pl2", "2020-03-01", "family_home", "2020-06-01", location="Gezinshuis B"),
        place("pl3", "2020-06-01", "foster_family", "2020-10-01", location="Pleeggezin A"),
    ])
    findings = find_patterns(case)
    carousel = only(findings, K.PLACEMENT_CAROUSEL)
    assert carousel.measure == 3
    assert carousel.evidence_events == ("pl1", "pl2", "pl3")
    assert carousel.evidence_persons == ("kind",)
    assert carousel.details["returns_to_earlier_place"] == 1
    instability = only(findings, K.PLACEMENT_INSTABILITY)
    assert [m["progress"] for m in instability.details["moves"]] == [False, True]
    assert only(findings, K.ESCALATION).details["step_ups"] == [
        {"from": "pl1", "to": "pl2", "date": "2020-03-01", "from_setting": "foster_family",
         "to_setting": "family_home"}]


def test_short_stays_do_not_make_instability():
    case = make_case([
        place("pl1", "2020-01-01", "foster_family", "2020-05-01"),
        place("pl2", "2020-05-01", "crisis_shelter", "2020-05-04"),
        place("pl3", "2020-05-04", "home"),
    ])
    findings = find_patterns(case)
    assert K.PLACEMENT_INSTABILITY not in kinds(findings)
    assert only(findings, K.ESCALATION).details["step_ups"][0]["to"] == "pl2"


def test_step_down_only_is_no_escalation():
    case = make_case([place("pl1", "2020-01-01", "closed_youth_care", "2020-05-01"),
                      place("pl2", "2020-05-01", "open_residential", "2020-12-01")])
    assert K.ESCALATION not in kinds(find_patterns(case))


def test_placement_spells_are_cut_to_the_window():
    case = make_case([place("pl1", "2020-01-01", "foster_family", "2020-12-31")])
    spells = placement_spells(case, (dt.date(2020, 7, 1), None))
    assert [(s.start, s.end, s.days) for s in spells] == [(dt.date(2020, 7, 1), dt.date(2020, 12, 31), 183)]


# --- turnover and case managers ----------------------------------------------------------------------------

def test_turnover_per_year_with_first_appearances_as_evidence():
    events = [ev(f"m{k}", f"2021-{k:02d}-01", persons=["kind", f"p{k}"]) for k in range(1, 11)]
    events += [ev("m11", "2022-01-05", persons=["p1", "p11"])]
    finding = only(find_patterns(make_case(events)), K.TURNOVER)
    assert finding.measure == 10  # p11 works at the same team but never met the family
    assert finding.details["professionals"] == 11
    assert finding.evidence_events == tuple(f"m{k}" for k in range(1, 12))
    assert finding.details["per_year"] == [
        {"year": 2021, "professionals": 10, "organisations": 1, "new_professionals": 10},
        {"year": 2022, "professionals": 2, "organisations": 1, "new_professionals": 1}]
    # the total says how it stands to the title's count (10 told the story, 11 in all): not two counts of one thing
    assert finding.lines_nl[0].endswith("betrokken bij Kind en het gezin; 10 van hen spraken het gezin zelf")
    assert finding.lines_en[0].endswith("; 10 of them met the family")


def test_turnover_keeps_a_parents_own_treaters_and_those_after_the_death_apart():
    persons = [{**p, "death": "2022-01-01"} if p["id"] == "kind" else p for p in PERSONS]
    events = [ev(f"m{k}", f"2021-{k:02d}-01", persons=["kind", f"p{k}"]) for k in range(1, 11)]
    events += [ev("t1", "2021-03-01", "treatment", persons=["moeder", "p11"], organisation="o-gp"),
               ev("x1", "2022-03-01", "assessment", persons=["moeder", "p12"], organisation="o-gi")]
    finding = only(find_patterns(make_case(events, persons=persons)), K.TURNOVER)
    assert finding.details["professionals"] == 10
    assert finding.details["apart"] == {"p11": "other_family", "p12": "after_death"}
    assert not {"p11", "p12"} & set(finding.evidence_persons)
    assert "Apart, niet geteld (alleen met een ander gezinslid): Professional 11" in finding.lines_nl


def test_few_professionals_are_no_turnover():
    events = [ev(f"m{k}", f"2021-{k:02d}-01", persons=["kind", f"p{k}"]) for k in range(1, 4)]
    assert K.TURNOVER not in kinds(find_patterns(make_case(events)))


def _case_managers(*periods: tuple[str, str, str | None]) -> list[dict[str, Any]]:
    ties = []
    for person, start, end in periods:
        tie = {"id": f"cm-{person}", "type": "case_manager_of", "source": person, "target": "kind", "start": start}
        if end:
            tie["end"] = end
        ties.append(tie)
    return PARENTS + ties


def test_case_manager_changes_with_warm_and_cold_handovers():
    relationships = _case_managers(("p1", "2020-01", "2020-12"), ("p2", "2021-03", "2021-06"), ("p3", "2021-06", None))
    events = [ev("m1", "2020-02-01", persons=["p1", "kind"]), ev("m2", "2021-03-10", persons=["p2", "kind"]),
              ev("m3", "2021-06-15", persons=["p2", "p3", "kind"])]
    finding = only(find_patterns(make_case(events, relationships)), K.CASE_MANAGER_CHANGES)
    assert finding.measure == 2
    assert finding.details["changes"] == [
        {"from": "p1", "to": "p2", "date": "2021-03-01", "gap_days": 59, "handover_events": []},
        {"from": "p2", "to": "p3", "date": "2021-06-01", "gap_days": 0, "handover_events": ["m3"]}]
    assert finding.evidence_events == ("m1", "m2", "m3")  # first appearances and the warm handover
    assert "59 dagen zonder casusregisseur" in finding.lines_nl[0]
    assert finding.evidence_persons == ("p1", "p2", "p3")
    assert finding.evidence_relationships == ("cm-p1", "cm-p2", "cm-p3")


def test_one_change_or_parallel_case_managers_are_not_reported():
    one_change = _case_managers(("p1", "2020-01", "2020-12"), ("p2", "2021-01", None))
    assert K.CASE_MANAGER_CHANGES not in kinds(find_patterns(make_case([ev("m1", "2020-01-01")], one_change)))
    parallel = _case_managers(("p1", "2020-01", "2022-12"), ("p2", "2020-06", "2021-06"), ("p3", "2021-01", None))
    assert K.CASE_MANAGER_CHANGES not in kinds(find_patterns(make_case([ev("m1", "2020-01-01")], parallel)))


# --- repeated sequences -------------------------------------------------------------------------------------

def test_recurring_run_of_event_types_is_found_by_analysis():
    events = [ev("a1", "2020-01-01", "incident"), ev("a2", "2020-01-02", "incident"),
              ev("a3", "2020-01-10", "referral", organisation="o-wt", to_organisation="o-ggz"),
              ev("a4", "2020-02-01", "assessment"),
              ev("b1", "2021-01-01", "incident"),
              ev("b2", "2021-01-05", "referral", organisation="o-ggz", to_organisation="o-jz"),
              ev("b3", "2021-01-20", "assessment"),
              ev("x1", "2021-01-21", "experience", "lived", persons=["moeder"], perspective="moeder")]
    finding = only(find_patterns(make_case(events)), K.REPEATED_SEQUENCE)
    assert finding.id == "repeated_sequence:incident-referral-assessment"
    assert finding.measure == 2
    assert finding.details["occurrences"] == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3"]]
    assert finding.evidence_events == ("a1", "a2", "a3", "a4", "b1", "b2", "b3")


def test_no_sequence_strung_together_from_organisations_that_never_worked_together():
    steps = (("incident", "o-pol"), ("assessment", "o-ggz"), ("meeting", "o-plus"))
    apart = [ev(f"{p}{i}", f"{year}-0{i + 1}-01", t, organisation=org) for p, year in (("a", 2020), ("b", 2021))
             for i, (t, org) in enumerate(steps)]
    assert K.REPEATED_SEQUENCE not in kinds(find_patterns(make_case(apart)))
    contact = [ev("c1", "2019-01-01", "professional_contact", organisation="o-pol", to_organisation="o-ggz"),
               ev("c2", "2019-02-01", "professional_contact", organisation="o-ggz", to_organisation="o-plus")]
    finding = only(find_patterns(make_case(contact + apart)), K.REPEATED_SEQUENCE)
    assert finding.details["types"] == ["incident", "assessment", "meeting"]


def test_no_sequence_when_it_happens_once_or_steps_are_too_far_apart():
    once = [ev("a1", "2020-01-01", "incident"), ev("a2", "2020-01-10", "referral"),
            ev("a3", "2020-02-01", "assessment")]
    assert K.REPEATED_SEQUENCE not in kinds(find_patterns(make_case(once)))
    far = [ev(f"{p}{i}", f"{year}-{month:02d}-01", t) for p, year in (("a", 2020), ("b", 2022))
           for i, (month, t) in enumerate(((1, "incident"), (5, "referral"), (9, "assessment")))]
    assert K.REPEATED_SEQUENCE not in kinds(find_patterns(make_case(far)))


# --- decisions without the family's voice -------------------------------------------------------------------

def test_decisions_without_family_follow_the_file():
    events = [
        ev("d1", "2020-03-01", "decision", decision={"decided_by": ["o-gi", "p1"], "family_involved": "no",
                                                     "not_heard": ["kind"]}),
        ev("v1", "2020-03-02", "experience", "lived", persons=["moeder"], perspective="moeder"),  # near, yet "no"
        ev("d2", "2020-06-01", "decision", decision={"decided_by": ["o-gi"], "family_involved": "unknown"}),
        ev("d3", "2020-09-01", "decision"),  # no decision data: not recorded
        ev("d4", "2020-12-01", "decision", decision={"decided_by": ["p2"], "family_involved": "yes"}),
        ev("d5", "2021-01-01", "court_order", decision={"decided_by": ["p2"], "family_involved": "no"}),
    ]
    finding = only(find_patterns(make_case(events)), K.DECISIONS_WITHOUT_FAMILY)
    assert finding.evidence_events == ("d1", "d5")  # the lived entry next to d1 does not cancel the file's "no"
    assert finding.details["not_recorded"] == ["d2", "d3"]  # listed apart, never counted as "no"
    assert finding.title_nl == "2 van 5 besluiten zonder het gezin, bij 2 niet vastgelegd"
    assert finding.evidence_persons == ("kind",)
    assert "Kind niet gehoord: 1 keer" in finding.lines_nl
    assert finding.lines_nl[:2] == ("Jeugdbescherming: 1 besluit zonder het gezin",
                                    "Wijkteam: 1 besluit zonder het gezin")  # p2 decides for the local team
    assert any(line.startswith("Niet vastgelegd of het gezin meedeed: 2 besluiten") for line in finding.lines_nl)


def test_no_finding_when_every_decision_has_the_family_or_is_not_recorded():
    events = [ev("d1", "2020-03-01", "decision", decision={"family_involved": "yes"}),
              ev("d2", "2020-04-01", "decision", decision={"family_involved": "unknown"})]
    assert K.DECISIONS_WITHOUT_FAMILY not in kinds(find_patterns(make_case(events)))


# --- missing information -------------------------------------------------------------------------------------

def test_no_missing_information_before_the_story_or_after_the_childs_death():
    persons = [{**p, "death": "2016-01-01"} if p["id"] == "kind" else p for p in PERSONS]
    history = [ev("h1", "1980-01-01", "life_event", "lived"), ev("h2", "1990-06-01", "life_event", "lived")]
    story = [ev(f"s{k}", f"{2009 + k // 4}-{k % 4 * 3 + 1:02d}-01") for k in range(28)]  # every 3 months, to the death
    after = [ev("x1", "2017-06-01", "assessment"), ev("x2", "2018-06-01", "meeting")]
    assert K.INFORMATION_GAPS not in kinds(find_patterns(make_case(history + story + after, persons=persons)))
    finding = only(find_patterns(make_case(history + story[:12] + story[16:], persons=persons)),
                   K.INFORMATION_GAPS)  # october 2011 - january 2013, inside the story
    assert finding.evidence_events == ("s11", "s16")


def test_long_stretch_without_events():
    events = [ev("e1", "2020-01-01"), ev("e2", "2020-03-01"), ev("e3", "2021-01-01"), ev("e4", "2021-02-01")]
    finding = only(find_patterns(make_case(events)), K.INFORMATION_GAPS)
    assert finding.details["gaps"] == [{"start": "2020-03-02", "end": "2020-12-31", "days": 305,
                                        "before": "e2", "after": "e3"}]
    assert finding.evidence_events == ("e2", "e3")


def test_a_period_event_covers_its_span():
    events = [ev("e1", "2020-01-01", end="2020-12-01"), ev("e2", "2020-03-01"), ev("e3", "2021-01-01")]
    assert K.INFORMATION_GAPS not in kinds(find_patterns(make_case(events)))


def test_persons_missing_from_timeline_and_from_genogram():
    persons = [*PERSONS[:6], {"id": "p1", "label": "Professional 1", "kind": "professional",
                              "organisation": "o-wt"}]
    relationships = [*PARENTS, {"id": "ro", "type": "close", "source": "oma", "target": "kind"}]
    events = [ev("e1", "2020-01-01", persons=["kind", "vader", "moeder", "buurman", "p1"]),
              ev("e2", "2020-02-01", persons=["buurman"])]
    findings = find_patterns(make_case(events, relationships, persons=persons))
    absent = only(findings, K.ABSENT_FROM_TIMELINE)
    assert absent.evidence_persons == ("oma",)  # drawn with a tie in the geno-sociogram, named in no event
    assert absent.evidence_relationships == ("ro",)
    assert absent.lines_nl == ("Familie: Oma",)
    # The neighbour and the professional (drawn inside the organisation's box) are in the geno-sociogram
    # although they have no relationship line: no "no place in the geno-sociogram" finding.
    assert K.ABSENT_FROM_GENOGRAM not in kinds(findings)


def test_absent_from_genogram_uses_what_the_genosociogram_draws_over_the_whole_history():
    """User trial: "Kinderrechter West" was listed as missing while the geno-sociogram draws him in his
    organisation's box on the dates he is involved, just without a relationship line."""
    from models.network import build_graph

    persons = [*PERSONS[:3],
               {"id": "rechter", "label": "Kinderrechter", "kind": "professional", "organisation": "o-gi",
                "involvement": {"start": "2019-01-01", "end": "2019-12-31"}}]
    events = [ev("e1", "2019-06-01", persons=["kind", "vader", "moeder", "rechter"])]
    case = make_case(events, persons=persons)
    assert "rechter" not in build_graph(case, as_of=dt.date(2021, 1, 1))  # not drawn on the last date …
    assert "rechter" in build_graph(case, as_of=None)                    # … but over the whole history
    findings = find_patterns(case)
    assert K.ABSENT_FROM_GENOGRAM not in kinds(findings)
    assert K.ABSENT_FROM_TIMELINE not in kinds(findings)


def test_calamity_sample_has_no_timeline_persons_missing_from_the_genosociogram():
    from pathlib import Path

    from models import load_case
    from models.network import build_graph

    sample = Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json"
    if not sample.exists():
        pytest.skip("no calamity sample")
    case = load_case(sample)
    drawn = {n for n, d in build_graph(case, as_of=None).nodes(data=True) if d.get("node") == "person"}
    findings = find_patterns(case)
    for finding in findings:
        if finding.kind == K.ABSENT_FROM_GENOGRAM:
            assert not set(finding.evidence_persons) & drawn, finding.lines_nl
        if finding.kind == K.ABSENT_FROM_TIMELINE:
            assert set(finding.evidence_persons) <= drawn
    assert K.ABSENT_FROM_GENOGRAM not in kinds(findings)
    assert "Kinderrechter West" not in " ".join(line for f in findings for line in f.lines_nl)


# --- mirrored patterns --------------------------------------------------------------------------------------

def test_conflict_in_family_mirrored_by_conflict_between_professionals():
    relationships = [*PARENTS,
                     {"id": "rf", "type": "conflict", "source": "vader", "target": "moeder", "start": "2019",
                      "end": "2021"},
                     {"id": "rp", "type": "conflict", "source": "p1", "target": "p2", "start": "2020-05",
                      "end": "2020-08"}]
    events = [ev("e1", "2020-06-01", persons=["p1", "p2"]), ev("e2", "2020-07-01", persons=["vader", "moeder"]),
              ev("e3", "2020-11-01", persons=["p1", "p2"]), ev("e4", "2020-06-15", persons=["p1", "kind"])]
    finding = only(find_patterns(make_case(events, relationships)), K.MIRRORED_CONFLICT)
    assert finding.id == "mirrored_conflict"
    assert finding.evidence_relationships == ("rp", "rf")
    assert finding.evidence_events == ("e1", "e2")
    assert finding.evidence_persons == ("p1", "p2", "vader", "moeder")
    assert finding.details["overlaps"] == [{"professional": "rp", "relationship": "rf", "start": "2020-05-01",
                                            "end": "2020-08-31"}]


def test_mirrored_conflicts_dedupe_unordered_pairs_and_group_into_one_finding():
    """User trial: "Moeder en Vader" and "Vader en Moeder" listed as two conflicts, and one finding per
    conflict between professionals flooded the panel."""
    relationships = [*PARENTS,
                     {"id": "rf1", "type": "conflict", "source": "moeder", "target": "vader", "start": "2015"},
                     {"id": "rf2", "type": "conflict", "source": "vader", "target": "moeder", "start": "2015"},
                     *({"id": f"rp{k}", "type": "conflict", "source": f"p{k}", "target": f"p{k + 1}",
                        "start": f"{2016 + k}-01", "end": f"{2016 + k}-06"} for k in range(1, 6)),
                     {"id": "rp1b", "type": "conflict", "source": "p2", "target": "p1", "start": "2017-02"}]
    findings = find_patterns(make_case([ev("e1", "2020-06-01")], relationships))
    finding = only(findings, K.MIRRORED_CONFLICT)
    assert finding.measure == 5  # five pairs of professionals (p1–p2 recorded both ways counts once)
    assert set(finding.evidence_relationships) == {"rf1", "rf2", "rp1b", *(f"rp{k}" for k in range(1, 6))}
    for lang in ("nl", "en"):
        family_lines = [line for line in finding.lines(lang) if line.startswith(("Gezin", "Family"))]
        assert len(family_lines) == 1, family_lines
        assert family_lines[0].count("conflict") == 1  # the same tie twice is shown once
        text = " ".join(finding.lines(lang)) + finding.question(lang) + finding.title(lang)
        assert ("Vader en Moeder" if lang == "nl" else "Vader and Moeder") not in text
        assert len([line for line in finding.lines(lang) if line.startswith("Professionals")]) == 5


def test_the_mirror_question_names_one_pair_a_side_in_words_that_fit_its_tie():
    """Read aloud in a meeting: one pair on each side and a count of the rest, and a cut-off is no clash."""
    relationships = [*PARENTS,
                     {"id": "rc", "type": "cut_off", "source": "moeder", "target": "vader", "start": "1995"},
                     {"id": "rp", "type": "conflict", "source": "p1", "target": "p2", "start": "2020-05"},
                     {"id": "rq", "type": "conflict", "source": "p2", "target": "p3", "start": "2020-07"}]
    finding = only(find_patterns(make_case([ev("e1", "2020-06-01")], relationships)), K.MIRRORED_CONFLICT)
    assert "is het contact tussen Moeder en Vader verbroken" in finding.question_nl
    assert "botsen Moeder" not in finding.question_nl
    assert "botsen Professional 1 en Professional 2 (en nog 1 tweetal)" in finding.question_nl
    assert "Moeder and Vader have cut off contact" in finding.question_en
    assert "(and 1 more pair)" in finding.question_en


def test_no_mirror_when_the_conflicts_do_not_overlap():
    relationships = [*PARENTS,
                     {"id": "rf", "type": "conflict", "source": "vader", "target": "moeder", "start": "2015",
                      "end": "2016"},
                     {"id": "rp", "type": "conflict", "source": "p1", "target": "p2", "start": "2020-05"}]
    assert K.MIRRORED_CONFLICT not in kinds(find_patterns(make_case([ev("e1", "2020-06-01")], relationships)))


def _passing_on_case(referrals: int) -> Case:
    households = [
        {"id": "hh-ouders", "members": [{"person": "kind", "start": "2010-05-04", "end": "2019-12"},
                                        {"person": "moeder", "start": "2010"}]},
        {"id": "hh-oma", "label": "Bij oma", "members": [{"person": "kind", "start": "2020-01"},
                                                         {"person": "oma"}]},
    ]
    events = [place("pk", "2021-02-01", "kinship_care", location="bij tante"),
              ref("r1", "2020-03-01", "o-wt", "o-ggz"), ref("r2", "2020-09-01", "o-ggz", "o-jz"),
              ref("r3", "2023-01-01", "o-jz", "o-gi")][:1 + referrals]
    return make_case(events, households=households)


def test_family_passing_the_child_on_alongside_referrals():
    finding = only(find_patterns(_passing_on_case(3)), K.MIRRORED_PASSING_ON)
    assert finding.evidence_events == ("r1", "r2", "pk")
    assert finding.details["household_moves"] == [{"date": "2020-01-01", "from": "hh-ouders", "to": "hh-oma",
                                                   "persons": ["oma"]}]
    assert finding.details["kinship_placements"] == ["pk"]
    assert finding.evidence_persons == ("kind", "oma")


def test_no_passing_on_mirror_with_a_single_referral():
    assert K.MIRRORED_PASSING_ON not in kinds(find_patterns(_passing_on_case(1)))


def test_a_judge_ordered_kinship_placement_is_not_the_family_passing_the_child_on():
    ordered = {**place("pk", "2020-01-01", "kinship_care", location="bij oma"), "type": "court_order",
               "organisation": "o-gi", "decision": {"decided_by": ["o-gi"], "family_involved": "unknown"}}
    households = [
        {"id": "hh-ouders", "members": [{"person": "kind", "start": "2010-05-04", "end": "2019-12-31"},
                                        {"person": "moeder", "start": "2010"}]},
        {"id": "hh-oma", "members": [{"person": "kind", "start": "2020-01-01"}, {"person": "oma"}]},
    ]
    events = [ordered, ref("r1", "2020-03-01", "o-wt", "o-ggz"), ref("r2", "2020-09-01", "o-ggz", "o-jz")]
    assert K.MIRRORED_PASSING_ON not in kinds(find_patterns(make_case(events, households=households)))
    by_family = {**ordered, "decision": {"decided_by": ["moeder", "oma"], "family_involved": "yes"}}
    finding = only(find_patterns(make_case([by_family, *events[1:]], households=households)), K.MIRRORED_PASSING_ON)
    assert finding.details["kinship_placements"] == ["pk"]


# --- general properties -------------------------------------------------------------------------------------

def test_empty_and_minimal_cases_give_no_findings():
    assert find_patterns(make_case([ev("e1", "2020-01-01", persons=["kind"])], relationships=[])) == []


def test_synthetic_case_findings_are_ordered_exact_and_serialisable():
    case = generate_case(n_events=1000, n_persons=80, seed=3)
    findings = find_patterns(case)
    assert findings == find_patterns(case)  # pure and deterministic
    assert [f.salience for f in findings] == sorted((f.salience for f in findings), reverse=True)
    events, persons = case.event_map(), case.person_map()
    order = {e.id: i for i, e in enumerate(case.events_in_order())}
    organisations = case.organisation_map()
    relationships = {r.id for r in case.relationships}
    assert len({f.id for f in findings}) == len(findings)
    for finding in findings:
        assert set(finding.evidence_events) <= set(events)
        assert [order[e] for e in finding.evidence_events] == sorted(order[e] for e in finding.evidence_events)
        assert set(finding.evidence_persons) <= set(persons)
        assert set(finding.evidence_organisations) <= set(organisations)
        assert set(finding.evidence_relationships) <= relationships
        assert finding.title_nl and finding.title_en and finding.rules_nl and finding.rules_en
        assert "?" in finding.question_nl and "?" in finding.question_en
        json.dumps(finding.to_dict())
    assert finding_by_id(findings, findings[0].id) is findings[0]
    assert len({hash(f) for f in findings}) == len(findings)
    highlight = findings[0].highlight()
    assert highlight["highlight_events"] == list(findings[0].evidence_events)
    assert finding_by_id(findings, "nope") is None


def test_case_view_keeps_the_timeline_order():
    case = generate_case(n_events=800, n_persons=40, seed=9)
    view = CaseView(case)
    assert [e.id for e in view.events] == [e.id for e in case.events_in_order()]
    assert all(view.start(e) == e.start_day() and view.end(e) == e.end_day() for e in case.events)


# --- number formatting ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "digits", "nl", "en"), [
    (22.0, 1, "22", "22"), (21.97, 1, "22", "22"), (2.5, 1, "2,5", "2.5"), (3.05, 2, "3,05", "3.05"),
    (3.10, 2, "3,1", "3.1"), (0.0, 1, "0", "0"), (-0.01, 1, "0", "0"), (13.6, 1, "13,6", "13.6"),
])
def test_numbers_without_trailing_zero_and_with_decimal_comma_in_dutch(value: float, digits: int, nl: str,
                                                                       en: str):
    from models.patterns.base import fmt_number

    assert fmt_number(value, "nl", digits) == nl
    assert fmt_number(value, "en", digits) == en


def test_gap_finding_lines_show_whole_months_without_decimal_zero():
    # 2020-03-01 .. 2021-01-01 is 306 days = 10.05 months: shown as "10,1" / "10.1", a whole 22 months as "22"
    events = [ev("e1", "2020-01-01"), ev("e2", "2020-03-01"), ev("e3", "2021-01-01"),
              ev("e4", "2023-11-01")]
    finding = only(find_patterns(make_case(events)), K.INFORMATION_GAPS)
    for lang in ("nl", "en"):
        assert not any(line.endswith((",0 maanden", ".0 months")) for line in finding.lines(lang))
    assert finding.lines_nl[0].endswith("10,1 maanden") and finding.lines_en[0].endswith("10.1 months")
