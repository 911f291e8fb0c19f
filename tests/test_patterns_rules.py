"""The newer pattern rules on hand-made cases: each must fire where the file shows it, and must not where it
does not (the small family of tests/pattern_builders.py)."""

from __future__ import annotations

from typing import Any

from models.patterns.find import PatternKind, find_patterns
from tests.pattern_builders import PARENTS, PERSONS, ev, kinds, make_case, only, place, ref

K = PatternKind
ORGS_VT = "o-vt"


def _report(event_id: str, date: str, sender: str) -> dict[str, Any]:
    return {**ref(event_id, date, sender, ORGS_VT), "persons": ["kind"]}


# --- Veilig Thuis ---------------------------------------------------------------------------------------------

def test_repeated_reports_to_veilig_thuis_before_an_investigation():
    events = [_report("v1", "2019-01-10", "o-gp"), _report("v2", "2019-09-01", "o-pol"),
              _report("v3", "2020-06-01", "o-wt"),
              ev("i1", "2020-07-01", "assessment", organisation=ORGS_VT, persons=["kind"])]
    finding = only(find_patterns(make_case(events)), K.VEILIG_THUIS_REPORTS)
    assert finding.evidence_events == ("v1", "v2", "v3", "i1")
    assert finding.details["reports_before_investigation"] == 3
    assert finding.title_nl == "3 keer in anderhalf jaar een melding bij Veilig Thuis, door 3 verschillende melders"
    assert "(bijna 8 maanden na de vorige)" in finding.lines_nl[1]


def test_one_report_to_veilig_thuis_is_no_pattern():
    events = [_report("v1", "2019-01-10", "o-gp"), ref("r1", "2019-05-01", "o-gp", "o-wt")]
    assert K.VEILIG_THUIS_REPORTS not in kinds(find_patterns(make_case(events)))


def test_reports_to_veilig_thuis_do_not_melt_into_repeated_referrals():
    """Three reports and two referrals: the reports are their own finding, the referrals alone are no pattern."""
    events = [_report("v1", "2019-01-10", "o-gp"), _report("v2", "2019-09-01", "o-pol"),
              _report("v3", "2020-06-01", "o-wt"),
              ref("r1", "2020-09-01", "o-wt", "o-ggz"), ref("r2", "2022-09-01", "o-ggz", "o-jz")]
    found = kinds(find_patterns(make_case(events)))
    assert K.VEILIG_THUIS_REPORTS in found and K.REPEATED_REFERRALS not in found


def test_repeated_referrals_count_referrals_to_help_only():
    events = [_report("v1", "2019-01-10", "o-gp"), ref("r1", "2019-03-01", "o-gp", "o-wt"),
              ref("r2", "2019-09-01", "o-wt", "o-ggz"), ref("r3", "2020-06-01", "o-ggz", "o-jz"),
              ref("r4", "2021-06-01", "o-jz", "o-plus")]
    finding = only(find_patterns(make_case(events)), K.REPEATED_REFERRALS)
    assert finding.evidence_events == ("r1", "r2", "r3", "r4")
    assert finding.title_nl.startswith("4 keer verwezen")


# --- back and forth -------------------------------------------------------------------------------------------

def test_the_ball_passed_back_between_the_same_two_organisations():
    events = [ref("r1", "2020-01-01", "o-wt", "o-ggz"), ref("r2", "2020-04-01", "o-ggz", "o-wt"),
              ref("r3", "2020-07-01", "o-wt", "o-ggz"), ref("r4", "2020-08-01", "o-ggz", "o-jz")]
    finding = only(find_patterns(make_case(events)), K.BACK_AND_FORTH)
    assert finding.evidence_events == ("r1", "r2", "r3")
    assert finding.title_nl == "De bal gaat heen en weer tussen Wijkteam en Jeugd-ggz: 3 keer in 6 maanden"


def test_referrals_onward_are_not_back_and_forth():
    events = [ref("r1", "2020-01-01", "o-wt", "o-ggz"), ref("r2", "2020-04-01", "o-ggz", "o-jz"),
              ref("r3", "2020-07-01", "o-wt", "o-ggz")]  # the same way twice is not back
    assert K.BACK_AND_FORTH not in kinds(find_patterns(make_case(events)))


# --- long waits -----------------------------------------------------------------------------------------------

def test_long_wait_from_referral_to_care_and_a_waiting_list():
    events = [ref("r1", "2020-01-10", "o-gp", "o-ggz"),
              ev("w1", "2020-01-15", "professional_contact", organisation="o-ggz", end="2020-05-31",
                 topics=["waiting"]),
              ev("t1", "2020-06-01", "assessment", organisation="o-ggz", persons=["kind"]),
              ref("r2", "2020-07-01", "o-ggz", "o-jz"), ev("t2", "2020-07-20", "treatment", organisation="o-jz")]
    finding = only(find_patterns(make_case(events)), K.LONG_WAITS)
    assert finding.evidence_events == ("r1", "w1", "t1")  # three weeks to the next care is no long wait
    assert finding.details["waits"] == [{"referral": "r1", "start": "t1", "days": 143}]
    assert finding.title_nl == "Lang wachten op hulp: samen bijna 5 maanden, het langst bijna 5 maanden"


def test_care_that_starts_within_eight_weeks_is_no_long_wait():
    events = [ref("r1", "2020-01-10", "o-gp", "o-ggz"), ev("t1", "2020-02-20", "assessment", organisation="o-ggz"),
              ref("r2", "2020-03-01", "o-gp", ORGS_VT), ev("i1", "2020-09-01", "assessment", organisation=ORGS_VT)]
    assert K.LONG_WAITS not in kinds(find_patterns(make_case(events)))  # Veilig Thuis is not care waited for


def test_a_referral_back_to_the_certified_institution_is_no_wait_for_care():
    # the clinic hands the case back to the guardian; the guardian's next plan meeting is no start of care
    events = [ref("r1", "2020-01-10", "o-ggz", "o-gi"),
              ev("m1", "2020-05-01", "meeting", organisation="o-gi", persons=["kind"])]
    assert K.LONG_WAITS not in kinds(find_patterns(make_case(events)))
    events = [ref("r1", "2020-01-10", "o-gi", "o-jz"),  # the same wait at a care provider is one
              ev("m1", "2020-05-01", "treatment", organisation="o-jz", persons=["kind"])]
    assert only(find_patterns(make_case(events)), K.LONG_WAITS).details["waits"][0]["days"] == 112


def test_still_waiting_for_care_when_the_child_died():
    # Sem's last weeks: referred for treatment, a waiting time, care not started when he died
    persons = [{**p, "death": "2022-06-11"} if p["id"] == "kind" else p for p in PERSONS]
    events = [ev("e0", "2021-01-01", persons=["kind"]), ref("r1", "2022-03-24", "o-gi", "o-ggz"),
              ev("d1", "2022-04-05", "decision", organisation="o-ggz", persons=["kind"]),
              ev("x1", "2022-06-11", "life_event", "lived", persons=["kind"]),
              ev("t1", "2022-07-01", "treatment", organisation="o-ggz")]  # after the death: never started
    finding = only(find_patterns(make_case(events, persons=persons)), K.LONG_WAITS)
    assert finding.details["waits"] == [{"referral": "r1", "start": None, "days": 79}]
    assert finding.title_nl.endswith("; bij het overlijden wachtte Kind nog")
    assert "toen Kind bijna 3 maanden later overleed, was de zorg nog niet begonnen" in finding.lines_nl[0]
    assert finding.salience > 0.85  # a child who died waiting for care is among the most telling findings
    # a referral shortly before the death is no long wait; nor, without a death, a referral with no start yet
    short = [*events[:1], ref("r1", "2022-05-01", "o-gi", "o-ggz"), events[3]]
    assert K.LONG_WAITS not in kinds(find_patterns(make_case(short, persons=persons)))
    assert K.LONG_WAITS not in kinds(find_patterns(make_case([*events[:3], ev("e9", "2022-12-01")])))


def test_care_bridging_the_wait_is_not_itself_a_wait_by_keyword():
    bridging = {**ev("c1", "2020-03-01", "meeting", organisation="o-wt", end="2021-09-30", persons=["kind"]),
                "title": "Wijkteam overbrugt de wachttijd met gezinscoaching"}
    events = [ref("r1", "2020-02-15", "o-gp", "o-ggz"), bridging,
              ev("t1", "2020-06-07", "assessment", organisation="o-ggz", persons=["kind"])]
    finding = only(find_patterns(make_case(events)), K.LONG_WAITS)
    assert finding.details["waiting_lists"] == [] and finding.details["total_days"] == 113  # not 19 months
    listed = {**ev("w1", "2020-03-01", "professional_contact", organisation="o-ggz", end="2020-06-01"),
              "title": "Op de wachtlijst bij de jeugd-ggz"}  # no topics in the file: the word counts
    finding = only(find_patterns(make_case([ref("r1", "2020-02-15", "o-gp", "o-ggz"), listed])), K.LONG_WAITS)
    assert finding.details["waiting_lists"] == ["w1"] and finding.details["keyword_fallback"] is True


# --- statements of need ---------------------------------------------------------------------------------------

def _need(event_id: str, date: str) -> dict[str, Any]:
    return ev(event_id, date, "statement_of_need", "lived", persons=["moeder"], perspective="moeder")


def test_a_statement_of_need_nobody_answered():
    events = [_need("n1", "2020-01-01"), _need("n2", "2020-03-01"),
              ev("a1", "2020-02-01", "meeting", organisation="o-wt", persons=["moeder"], responds_to=["n1"])]
    finding = only(find_patterns(make_case(events)), K.UNANSWERED_NEEDS)
    assert finding.evidence_events == ("n2",)
    assert finding.details["fallback"] is False


def test_answered_needs_give_no_finding_and_the_fallback_says_so():
    answered = [_need("n1", "2020-01-01"),
                ev("a1", "2020-02-01", "meeting", organisation="o-wt", persons=["moeder"], responds_to=["n1"])]
    assert K.UNANSWERED_NEEDS not in kinds(find_patterns(make_case(answered)))
    fallback = [_need("n1", "2020-01-01"), ev("a1", "2020-01-20", "meeting", persons=["moeder", "p1"]),
                _need("n2", "2020-06-01")]
    finding = only(find_patterns(make_case(fallback)), K.UNANSWERED_NEEDS)
    assert finding.evidence_events == ("n2",) and "terugval" in finding.rules_nl


# --- disputed accounts ----------------------------------------------------------------------------------------

def test_accounts_that_contradict_each_other():
    events = [ev("f1", "2020-01-01", "assessment", organisation="o-gi", statement_kind="interpretation"),
              ev("d1", "2020-02-01", "experience", "lived", persons=["moeder"], perspective="moeder",
                 statement_kind="opinion", contradicts=["f1"])]
    finding = only(find_patterns(make_case(events)), K.DISPUTED_ACCOUNTS)
    assert finding.evidence_events == ("f1", "d1")
    assert finding.lines_nl[0] == ("'Gebeurtenis f1' (Jeugdbescherming, interpretatie) tegenover "
                                   "'Gebeurtenis d1' (Moeder, mening)")


def test_accounts_only_marked_disputed_are_named_so_and_weigh_less_than_contradictions():
    marked = [ev(f"d{k}", f"2020-0{k}-01", "experience", "lived", persons=["moeder"], perspective="moeder",
                 certainty="disputed") for k in range(1, 4)]
    finding = only(find_patterns(make_case([ev("e0", "2019-12-01", persons=["kind"]), *marked])), K.DISPUTED_ACCOUNTS)
    assert finding.title_nl == "Betwist in het dossier: 3 keer"  # one account each: nothing "contradicts"
    assert finding.title_en == "Disputed in the file: 3 times"
    facts = [ev(f"f{k}", f"2020-0{k}-01", "assessment", organisation="o-gi") for k in range(1, 4)]
    answers = [ev(f"a{k}", f"2020-0{k}-15", "experience", "lived", persons=["moeder"], perspective="moeder",
                  contradicts=[f"f{k}"]) for k in range(1, 4)]
    contradicted = only(find_patterns(make_case([*facts, *answers])), K.DISPUTED_ACCOUNTS)
    assert contradicted.title_nl == "Verhalen spreken elkaar tegen: 3 keer"
    assert contradicted.salience > finding.salience


def test_no_disputed_accounts_when_nothing_is_contradicted():
    events = [ev("f1", "2020-01-01", "assessment", certainty="suspected"), ev("f2", "2020-02-01")]
    assert K.DISPUTED_ACCOUNTS not in kinds(find_patterns(make_case(events)))


# --- turning points -------------------------------------------------------------------------------------------

def _troubled(calm_until: str) -> list[dict[str, Any]]:
    trouble = [ev(f"i{k}", f"2019-0{k + 1}-01", "incident", persons=["kind"]) for k in range(4)]
    return [*trouble, ev("c1", "2019-06-01", "treatment", organisation="o-jz", persons=["kind"]),
            ev("c2", calm_until, "meeting", persons=["kind"])]


def test_turning_point_marked_in_the_notes_wins():
    note = {"id": "a1", "target": {"events": ["c1"]}, "tag": "turning_point", "text": "Hier."}
    finding = only(find_patterns(make_case(_troubled("2021-01-01"), annotations=[note])), K.TURNING_POINT)
    assert finding.evidence_events == ("c1",) and finding.details["computed"] is False


def test_turning_point_computed_when_the_trouble_stops_for_good():
    finding = only(find_patterns(make_case(_troubled("2021-01-01"))), K.TURNING_POINT)
    assert finding.evidence_events == ("c1",) and finding.details["computed"] is True
    assert "i3" not in finding.evidence_events  # an incident is never the turning point


def test_no_turning_point_while_the_trouble_goes_on():
    events = [*_troubled("2019-07-01"), ev("i9", "2020-01-01", "incident", persons=["kind"])]
    assert K.TURNING_POINT not in kinds(find_patterns(make_case(events)))


# --- out of school --------------------------------------------------------------------------------------------

def test_months_out_of_school():
    events = [ev("s1", "2020-02-01", "life_event", "lived", persons=["kind"], end="2020-09-30",
                 topics=["out_of_school"]), ev("s2", "2020-10-01", "meeting", topics=["school"])]
    finding = only(find_patterns(make_case(events)), K.OUT_OF_SCHOOL)
    assert finding.evidence_events == ("s1",)
    assert finding.title_nl == "8 maanden zonder school of dagbesteding"


def test_school_events_are_not_out_of_school_and_keywords_only_without_topics():
    events = [ev("s1", "2020-02-01", "meeting", topics=["school"], end="2020-09-30"),
              {**ev("s2", "2020-10-01", "meeting", end="2020-12-31", topics=["health"]),
               "title": "Kind zit thuis"}]  # has topics, so the words do not count
    assert K.OUT_OF_SCHOOL not in kinds(find_patterns(make_case(events)))
    worded = [{**ev("s3", "2020-02-01", "life_event", "lived", end="2020-06-01"), "title": "Kind thuiszitter"}]
    finding = only(find_patterns(make_case(worded)), K.OUT_OF_SCHOOL)
    assert finding.details["keyword_fallback"] is True and "terugval" in finding.rules_nl


# --- a parent fading ------------------------------------------------------------------------------------------

def test_a_parent_fading_from_contact():
    contact = [ev(f"c{k}", f"2020-0{k}-01", "meeting", persons=["kind", "vader"], topics=["contact"])
               for k in range(1, 5)]
    later = [ev(f"m{k}", f"202{k}-06-01", "meeting", persons=["kind", "moeder"]) for k in range(1, 4)]
    finding = only(find_patterns(make_case(contact + later)), K.PARENT_FADING)
    assert finding.evidence_events == ("c1", "c2", "c3", "c4") and finding.evidence_persons == ("vader",)
    assert finding.title_nl == "Vader raakt uit beeld: ruim 3 jaar niets meer"


def test_a_parent_last_seen_as_the_file_winds_down_does_not_fade():
    # Noor's shape: father back in her life, at her diploma; after it only the closing talks
    events = [ev("m0", "2019-01-01", "meeting", persons=["kind", "vader"]),
              ev("c1", "2020-03-01", "life_event", "lived", persons=["kind", "vader"]),
              ev("c2", "2021-07-01", "life_event", "lived", persons=["kind", "vader", "moeder"]),
              ev("m1", "2021-12-16", "meeting", persons=["kind", "p1"]),
              ev("m2", "2022-10-12", "meeting", persons=["kind", "moeder"])]
    assert K.PARENT_FADING not in kinds(find_patterns(make_case(events)))
    events.append(ev("m3", "2022-11-01", "meeting", persons=["kind", "p1"]))  # the help goes on: he fades
    assert only(find_patterns(make_case(events)), K.PARENT_FADING).evidence_persons == ("vader",)


def test_parents_who_stay_in_the_story_do_not_fade():
    events = [ev(f"m{k}", f"202{k}-06-01", "meeting", persons=["kind", "moeder", "vader"]) for k in range(4)]
    assert K.PARENT_FADING not in kinds(find_patterns(make_case(events)))


# --- loss followed by trouble ---------------------------------------------------------------------------------

def _with_death(day: str) -> list[dict[str, Any]]:
    return [{**p, "death": day} if p["id"] == "oma" else p for p in PERSONS]


def test_a_loss_followed_by_trouble():
    events = [ev("e0", "2019-01-01", persons=["kind"]),
              ev("d1", "2020-03-01", "life_event", "lived", persons=["oma", "kind"]),
              ev("i1", "2020-04-01", "incident", persons=["kind"]), ev("i2", "2020-06-01", "incident"),
              ev("i3", "2021-06-01", "incident")]
    finding = only(find_patterns(make_case(events, persons=_with_death("2020-03-01"))), K.LOSS_THEN_TROUBLE)
    assert finding.evidence_events == ("d1", "i1", "i2")  # i3 is more than half a year later
    assert finding.title_nl == "Na een verlies (Oma): 2 incidenten binnen 6 maanden"
    crisis = place("c1", "2020-05-01", "crisis_shelter", "2020-06-01", crisis=True)  # Sem's third crisis placement
    found = find_patterns(make_case([*events[:3], crisis], persons=_with_death("2020-03-01")))
    assert only(found, K.LOSS_THEN_TROUBLE).title_nl == "Na een verlies (Oma): 2 incidenten of crises binnen 6 maanden"


def test_a_loss_without_trouble_after_it_is_no_pattern():
    events = [ev("e0", "2019-01-01", persons=["kind"]), ev("i1", "2019-06-01", "incident"),
              ev("i2", "2019-08-01", "incident"), ev("e1", "2021-01-01")]
    assert K.LOSS_THEN_TROUBLE not in kinds(find_patterns(make_case(events, persons=_with_death("2020-03-01"))))


# --- the informal network -------------------------------------------------------------------------------------

def test_the_informal_network_dropping_out():
    ties = [{"id": "s1", "type": "supportive", "source": "buurman", "target": "kind", "start": "2018",
             "end": "2020-05"}]
    events = [ev("e0", "2019-01-01", persons=["kind"]), ev("b1", "2020-05-10", "life_event", "lived",
                                                            persons=["buurman"]), ev("e2", "2021-01-01")]
    finding = only(find_patterns(make_case(events, relationships=ties)), K.NETWORK_DROPPING_OUT)
    assert finding.evidence_events == ("b1",) and finding.evidence_relationships == ("s1",)


def test_a_foster_carer_who_came_with_the_placement_is_not_the_familys_own_network():
    persons = [*PERSONS, {"id": "pleegmoeder", "label": "Pleegmoeder", "kind": "family", "gender": "female"}]
    ties = [{"id": "s1", "type": "close", "source": "pleegmoeder", "target": "kind", "start": "2019-01",
             "end": "2020-05"},
            {"id": "s2", "type": "supportive", "source": "oma", "target": "kind", "end": "2020-06"}]
    foster = {**place("pl1", "2019-01-10", "foster_family", "2020-05-01"), "persons": ["kind", "pleegmoeder"]}
    kin = {**place("pl2", "2020-05-01", "kinship_care", "2020-06-01"), "persons": ["kind", "oma"]}
    events = [ev("e0", "2018-06-01", persons=["kind"]), foster, kin, ev("e2", "2021-01-01")]
    finding = only(find_patterns(make_case(events, relationships=ties, persons=persons)), K.NETWORK_DROPPING_OUT)
    assert finding.details["persons"] == ["oma"]  # the grandmother who took the child in is; the foster mother not


def test_support_ending_by_death_or_before_the_story_is_not_dropping_out():
    ties = [{"id": "s1", "type": "close", "source": "oma", "target": "kind", "end": "2020-03-01"},
            {"id": "s2", "type": "supportive", "source": "buurman", "target": "kind", "end": "2012-01"}]
    events = [ev("e0", "2019-01-01", persons=["kind"]), ev("e2", "2021-01-01")]
    found = find_patterns(make_case(events, relationships=ties, persons=_with_death("2020-03-01")))
    assert K.NETWORK_DROPPING_OUT not in kinds(found)


# --- separations and generations ------------------------------------------------------------------------------

def test_repeated_separations_the_child_lives_through():
    ties = [{"id": "rv", "type": "parent", "source": "vader", "target": "kind"},
            {"id": "rm", "type": "parent", "source": "moeder", "target": "kind"},
            {"id": "pa1", "type": "partner", "source": "vader", "target": "moeder", "separated": "2014-05"},
            {"id": "pa2", "type": "partner", "source": "moeder", "target": "buurman", "start": "2016",
             "separated": "2019-02"}]
    events = [ev("e0", "2011-01-01", persons=["kind"]), ev("s1", "2014-05-10", "life_event", "lived",
                                                            persons=["vader", "moeder"]), ev("e2", "2021-01-01")]
    finding = only(find_patterns(make_case(events, relationships=ties)), K.REPEATED_SEPARATIONS)
    assert finding.evidence_relationships == ("pa1", "pa2") and finding.evidence_events == ("s1",)
    assert K.REPEATED_SEPARATIONS not in kinds(find_patterns(make_case(events, relationships=ties[:3])))


def _three_generations(placed: list[str]) -> Any:
    persons = [{**p, "birth": {"moeder": "1985", "oma": "1960"}.get(p["id"], p.get("birth"))}
               if p["id"] in ("moeder", "oma") else p for p in PERSONS]
    ties = [{"id": "rm", "type": "parent", "source": "moeder", "target": "kind"},
            {"id": "ro", "type": "parent", "source": "oma", "target": "moeder"},
            {"id": "rt", "type": "parent", "source": "oma", "target": "tante"}]
    events = [{**place(f"pl-{p}", f"{ {'oma': 1968, 'moeder': 1995, 'tante': 1996, 'kind': 2018}[p]}-01-01",
                       "foster_family"), "persons": [p], "placement": {"setting": "foster_family", "child": p}}
              for p in placed]
    return make_case([*events, ev("e9", "2020-01-01", persons=["kind"])], relationships=ties, persons=persons)


def test_out_of_home_care_in_two_generations():
    finding = only(find_patterns(_three_generations(["moeder", "kind"])), K.INTERGENERATIONAL)
    assert finding.evidence_events == ("pl-moeder", "pl-kind") and finding.details["generations"] == [-1, 0]
    # when, and how old each was: a line with a name only says nothing to the group
    assert finding.lines_nl == ("Moeder: 1 januari 1995 (ongeveer 9 jaar oud)", "Kind: 1 januari 2018 (7 jaar oud)")
    assert finding.lines_en == ("Moeder: 1 January 1995 (aged about 9)", "Kind: 1 January 2018 (aged 7)")


def test_parents_separating_in_two_generations_says_when_without_an_event():
    persons = [{**p, "birth": "1984-07"} if p["id"] == "moeder" else p for p in PERSONS]
    ties = [*PARENTS, {"id": "ro", "type": "parent", "source": "oma", "target": "moeder"},
            {"id": "rb", "type": "parent", "source": "buurman", "target": "moeder"},
            {"id": "po", "type": "partner", "source": "oma", "target": "buurman", "status": "divorced",
             "divorced": "1988"},
            {"id": "pv", "type": "partner", "source": "vader", "target": "moeder", "status": "separated",
             "separated": "2014-04"}]
    events = [ev("e0", "2012-01-01", persons=["kind"]), ev("e1", "2014-04-10", "life_event", "lived",
                                                           persons=["vader", "moeder"])]
    finding = only(find_patterns(make_case(events, relationships=ties, persons=persons)), K.INTERGENERATIONAL)
    assert finding.lines_nl == ("Moeder: 1988 (ongeveer 3 jaar oud)", "Kind: april 2014 (ongeveer 3 jaar oud)")


def test_placements_within_one_generation_are_not_intergenerational():
    assert K.INTERGENERATIONAL not in kinds(find_patterns(_three_generations(["moeder", "tante"])))


# --- turnover wording -----------------------------------------------------------------------------------------

def test_turnover_title_does_not_read_the_years_total_as_new_faces():
    meetings = [ev(f"m{k}", f"2020-{k:02d}-01", persons=["kind", "moeder", f"p{k}"]) for k in range(1, 11)]
    meetings.append(ev("m11", "2021-03-01", persons=["kind", "moeder", "p1", "p11"]))
    finding = only(find_patterns(make_case(meetings)), K.TURNOVER)
    assert finding.title_nl == ("Het gezin vertelde zijn verhaal aan 11 verschillende professionals; in 2020 alleen "
                                "al waren er 10 betrokken")
    assert "2021: 2 professionals, 1 nieuw" in finding.lines_nl  # the year's line: everyone, and the new ones
