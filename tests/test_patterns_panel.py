"""The pattern panel and its inline charts: pure rendering, every finding shown, case strings inert."""

from __future__ import annotations

import json
from typing import Any

import plotly.io as pio
from dash import dcc, html

from layouts.pattern_panel import (
    FINDING_TYPE,
    finding_charts,
    measure_words,
    panel_for_case,
    pattern_panel,
    placement_step_chart,
    professionals_per_year_chart,
)
from models.patterns.find import PatternKind, find_patterns
from tests.pattern_builders import PERSONS, ev, make_case, place
from tests.synthetic import generate_case


def _walk(component: Any):
    yield component
    children = getattr(component, "children", None)
    if isinstance(children, (list, tuple)):
        for child in children:
            yield from _walk(child)
    elif children is not None:
        yield from _walk(children)


def _text(component: Any) -> str:
    return " ".join(str(c) for c in _walk(component) if isinstance(c, (str, int, float)))


def _buttons(component: Any) -> list[html.Button]:
    return [c for c in _walk(component) if isinstance(c, html.Button)]


def test_panel_shows_every_finding_title_question_and_rules():
    case = generate_case(n_events=600, n_persons=60, seed=2)
    findings = find_patterns(case)
    assert findings
    for lang in ("nl", "en"):
        panel = pattern_panel(findings, lang)
        text = _text(panel)
        for finding in findings:
            assert finding.title(lang) in text
            assert finding.question(lang) in text
            assert finding.rules(lang) in text
        ids = [b.id for b in _buttons(panel)]
        assert ids == [{"type": FINDING_TYPE, "index": f.id} for f in findings]


def test_selected_finding_is_marked_for_assistive_technology():
    case = generate_case(n_events=300, n_persons=40, seed=5)
    findings = find_patterns(case)
    chosen = findings[1].id
    pressed = {b.id["index"]: getattr(b, "aria-pressed") for b in _buttons(pattern_panel(findings, selected=chosen))}
    assert pressed[chosen] == "true"
    assert sum(value == "true" for value in pressed.values()) == 1


def test_empty_panel_says_so():
    assert "Geen patronen gevonden" in _text(pattern_panel([], "nl"))
    assert "No patterns found" in _text(pattern_panel([], "en"))


def test_long_lists_are_cut_with_a_count():
    events = [ev(f"m{k}", f"2021-{(k % 12) + 1:02d}-{(k // 12) + 1:02d}", persons=["kind", f"p{k % 12 + 1}"])
              for k in range(12)]
    events += [ev(f"n{k}", f"{2010 + k}-01-01") for k in range(12)]  # a gap every year
    findings = find_patterns(make_case(events))
    panel = pattern_panel(findings, "en", max_lines=3)
    assert "… and" in _text(panel)


def test_case_strings_stay_text_in_components_and_escaped_in_figures():
    nasty = "<img src=x onerror=alert(1)>"
    persons = [dict(p, label=nasty) if p["id"] == "p1" else p for p in PERSONS]
    events = [place("pl1", "2020-01-01", "foster_family", "2020-03-01", location=nasty),
              place("pl2", "2020-03-01", "family_home", "2020-06-01", location=nasty),
              place("pl3", "2020-06-01", "open_residential", "2020-10-01", location=nasty)]
    events += [ev(f"m{k}", f"2020-0{k}-01", persons=["p1", f"p{k + 1}"]) for k in range(1, 9)]
    relationships = [{"id": "c1", "type": "conflict", "source": "vader", "target": "moeder"},
                     {"id": "c2", "type": "conflict", "source": "p1", "target": "p2"}]
    case = make_case(events, relationships, persons=persons)
    panel = panel_for_case(case, "nl")
    assert nasty in _text(panel)  # shown as plain text (Dash never parses strings as HTML)
    assert not any(isinstance(c, dcc.Markdown) for c in _walk(panel))
    figure_json = pio.to_json(placement_step_chart(case, "nl"))
    assert nasty not in figure_json
    assert "&lt;img" in figure_json


def test_step_chart_follows_the_placements():
    case = make_case([place("pl1", "2020-01-01", "open_residential", "2020-05-01"),
                      place("pl2", "2020-05-01", "closed_youth_care", "2020-12-01"),
                      place("pl3", "2020-12-01", "home")])
    figure = placement_step_chart(case, "en")
    line = figure.data[0]
    assert line.line.shape == "hv"
    assert list(line.y) == [4, 4, 6, 6, 0, 0]
    assert "closed youth care" in json.dumps(list(figure.layout.yaxis.ticktext))
    empty = placement_step_chart(make_case([ev("e1", "2020-01-01")]), "nl")
    assert empty.layout.annotations[0].text == "Geen plaatsingen"


def test_professionals_per_year_bars():
    events = [ev(f"m{k}", f"{2020 + k % 2}-0{k % 9 + 1}-01", persons=["kind", f"p{k + 1}"]) for k in range(6)]
    figure = professionals_per_year_chart(make_case(events), "nl")
    assert list(figure.data[0].x) == ["2020", "2021"]
    assert list(figure.data[0].y) == [3, 3]


def test_charts_are_attached_to_their_findings():
    case = make_case([place("pl1", "2020-01-01", "foster_family", "2020-03-01"),
                      place("pl2", "2020-03-01", "family_home", "2020-06-01"),
                      place("pl3", "2020-06-01", "open_residential", "2020-10-01")])
    findings = find_patterns(case)
    charts = finding_charts(case, findings, "nl")
    assert set(charts) == {str(PatternKind.ESCALATION)}
    graphs = [c for c in _walk(pattern_panel(findings, "nl", charts=charts)) if isinstance(c, dcc.Graph)]
    assert len(graphs) == 1


def test_each_finding_starts_with_its_question_and_says_its_measure_in_words():
    case = make_case([place("pl1", "2020-01-01", "foster_family", "2020-03-01"),
                      place("pl2", "2020-03-01", "family_home", "2020-06-01"),
                      place("pl3", "2020-06-01", "open_residential", "2020-10-01")])
    findings = find_patterns(case)
    item = pattern_panel(findings, "nl").children[-1].children[0]
    first, button = item.children[:2]
    assert first.children == findings[0].question("nl") and "finding-question" in first.className
    assert isinstance(button, html.Button)
    text = _text(pattern_panel(findings, "nl"))
    assert "2 keer overgeplaatst" in text
    for jargon in ("recurrence", "per 1.000 dagen", "Herhalingsgraad"):
        assert jargon not in text


def test_no_analysts_chart_for_repeated_sequences():
    events = [ev("a1", "2020-01-01", "incident"), ev("a2", "2020-01-10", "referral"),
              ev("a3", "2020-02-01", "assessment"), ev("b1", "2021-01-01", "incident"),
              ev("b2", "2021-01-05", "referral"), ev("b3", "2021-01-20", "assessment")]
    case = make_case(events)
    findings = find_patterns(case)
    assert any(f.kind == PatternKind.REPEATED_SEQUENCE for f in findings)
    assert not finding_charts(case, findings, "nl")


def test_panel_says_how_it_counted_in_plain_words_and_numbers_without_trailing_zero():
    events = [ev("e1", "2020-01-01"), ev("e2", "2020-03-01"), ev("e3", "2021-01-01")]
    findings = find_patterns(make_case(events))
    assert findings
    for lang, phrase in (("nl", "Zo is geteld: "), ("en", "How this was counted: ")):
        text = _text(pattern_panel(findings, lang))
        assert phrase in text
        assert "Telregels" not in text and "Counting rules" not in text
        assert ",0 " not in text and ".0 " not in text and not text.endswith((",0", ".0"))
    assert "telregels" not in _text(pattern_panel([], "nl")).lower()


def test_measures_read_right_for_one_and_for_many():
    one = make_case([place("pl1", "2020-01-01", "open_residential", "2020-05-01"),
                     place("pl2", "2020-05-01", "closed_youth_care", "2020-12-01")])
    text = _text(pattern_panel(find_patterns(one), "nl")) + _text(pattern_panel(find_patterns(one), "en"))
    assert "1 stap naar een zwaardere plek" in text and "1 step up to a heavier place" in text
    two = make_case([place("pl1", "2020-01-01", "foster_family", "2020-03-01"),
                     place("pl2", "2020-03-01", "open_residential", "2020-06-01"),
                     place("pl3", "2020-06-01", "closed_youth_care", "2020-10-01")])
    assert "2 stappen naar een zwaardere plek" in _text(pattern_panel(find_patterns(two), "nl"))


def test_a_measure_in_months_reads_as_the_span_the_title_says():
    # a parent out of view for 1,141 days: "ruim 3 jaar uit beeld", not "37,5 maanden uit beeld"
    events = [ev("c1", "2018-01-01", persons=["kind", "vader"]), ev("c2", "2019-03-01", persons=["kind", "vader"]),
              *(ev(f"m{k}", f"202{k}-04-15", persons=["kind", "moeder"]) for k in range(3)),
              ev("m9", "2022-04-15", persons=["kind", "moeder"])]
    finding = next(f for f in find_patterns(make_case(events)) if f.kind == PatternKind.PARENT_FADING)
    assert finding.title_nl.endswith("ruim 3 jaar niets meer")
    assert measure_words(finding, "nl") == "ruim 3 jaar uit beeld"
    assert measure_words(finding, "en") == "over 3 years out of view"
    text = _text(pattern_panel([finding], "nl"))
    assert "ruim 3 jaar uit beeld" in text and "maanden uit beeld" not in text
