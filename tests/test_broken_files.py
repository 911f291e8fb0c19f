"""Every deliberately broken file in tests/data/broken is rejected with the right paths and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from models import DEFAULT_MAX_BYTES, CaseError, load_case

BROKEN = Path(__file__).resolve().parent / "data" / "broken"

# file -> every expected problem: (JSON path, Dutch substring, English substring).
# The set of paths must match exactly: a broken file reports all of its problems and nothing else.
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "not_json.json": [
        ("$", "geen geldige JSON: regel 9", "not valid JSON: line 9"),
    ],
    "not_utf8.json": [
        ("$", "geen UTF-8-tekst", "not UTF-8 text"),
    ],
    "not_object.json": [
        ("$", "moet een JSON-object zijn", "must be a JSON object"),
    ],
    "missing_fields.json": [
        ("$.title", "verplicht veld ontbreekt", "required field is missing"),
        ("$.index_person", "verplicht veld ontbreekt", "required field is missing"),
        ("$.pseudonymised", "gepseudonimiseerd", "pseudonymised"),
        ("$.persons[1].kind", "verplicht veld ontbreekt", "required field is missing"),
        ("$.events[1].layer", "verplicht veld ontbreekt", "required field is missing"),
    ],
    "wrong_types.json": [
        ("$.persons[0].birth", "datum moet tekst zijn", "a date must be text"),
        ("$.persons[1].deceased", "true of false", "true or false"),
        ("$.organisations", "moet een lijst zijn", "must be a list"),
        ("$.events[0].persons", "moet een lijst zijn", "must be a list"),
        ("$.events[1].layer", "kies uit", "choose one of"),
    ],
    "unknown_field.json": [
        ("$.persons[0].lable", "onbekend veld", "unknown field"),
        ("$.events[0].perpsective", "onbekend veld", "unknown field"),
    ],
    "duplicate_ids.json": [
        ("$.persons[2].id", "id 'moeder' komt twee keer voor (ook bij $.persons[1])",
         "id 'moeder' is used twice (also at $.persons[1])"),
        ("$.events[1].id", "id 'e1' komt twee keer voor", "id 'e1' is used twice"),
        ("$.events[2].id", "ook bij $.organisations[0]", "also at $.organisations[0]"),
    ],
    "dangling_references.json": [
        ("$.index_person", "onbekende persoon 'kindje'", "unknown person 'kindje'"),
        ("$.persons[2].organisation", "onbekende organisatie 'org-gi'", "unknown organisation 'org-gi'"),
        ("$.relationships[1].source", "onbekende persoon 'vader'", "unknown person 'vader'"),
        ("$.households[0].members[1].person", "onbekende persoon 'oma'", "unknown person 'oma'"),
        ("$.events[0].persons[1]", "onbekende persoon 'wijkteamer'", "unknown person 'wijkteamer'"),
        ("$.events[0].to_organisation", "onbekende organisatie 'org-ggz'", "unknown organisation 'org-ggz'"),
        ("$.events[0].source", "onbekende bron 'src-interview'", "unknown source 'src-interview'"),
        ("$.events[1].perspective", "onbekende persoon 'mama'", "unknown person 'mama'"),
        ("$.events[2].decision.decided_by[1]", "onbekende persoon of organisatie 'org-onbekend'",
         "unknown person or organisation 'org-onbekend'"),
        ("$.annotations[0].target.events[0]", "onbekende gebeurtenis 'e9'", "unknown event 'e9'"),
    ],
    "impossible_dates.json": [
        ("$.events[0].date", "'2015-02-30' bestaat niet in de kalender", "'2015-02-30' does not exist in the calendar"),
        ("$.events[1].date", "'2014-13' bestaat niet in de kalender", "'2014-13' does not exist in the calendar"),
        ("$.events[2].date", "'12-03-2015' is geen datum zoals 2015", "'12-03-2015' is not a date like 2015"),
    ],
    "end_before_start.json": [
        ("$.persons[1].death", "overlijden (1948) ligt vóór geboorte (1950)", "death (1948) is before birth (1950)"),
        ("$.persons[2].involvement.end", "einde (juni 2020) ligt vóór begin (september 2021)",
         "end (June 2020) is before start (September 2021)"),
        ("$.events[0].end", "einde (1 maart 2022) ligt vóór begin (4 april 2022)",
         "end (1 March 2022) is before start (4 April 2022)"),
    ],
    "parent_born_after_child.json": [
        ("$.relationships[0]", "ouder 'Moeder' is geboren (2015) na kind 'Kind A.' (mei 2012)",
         "parent 'Moeder' was born (2015) after child 'Kind A.' (May 2012)"),
    ],
    "own_ancestor.json": [
        ("$.relationships[0]", "eigen voorouder", "their own ancestor"),
        ("$.relationships[1]", "eigen voorouder", "their own ancestor"),
        ("$.relationships[2]", "eigen voorouder", "their own ancestor"),
    ],
    "not_pseudonymised.json": [
        ("$.pseudonymised", '"pseudonymised": true', '"pseudonymised": true'),
    ],
    "types_and_references.json": [  # type problems do not hide ids that refer to nothing, even in the same item
        ("$.persons[1].deceased", "true of false", "true or false"),
        ("$.persons[1].organisation", "onbekende organisatie 'org-weg'", "unknown organisation 'org-weg'"),
        ("$.relationships[0].certainty", "kies uit", "choose one of"),
        ("$.relationships[0].source", "onbekende persoon 'moeder'", "unknown person 'moeder'"),
        ("$.events[0].date", "datum moet tekst zijn", "a date must be text"),
        ("$.events[1].persons[0]", "onbekende persoon 'spook'", "unknown person 'spook'"),
        ("$.events[2].date", "datum moet tekst zijn", "a date must be text"),
        ("$.events[2].persons[1]", "onbekende persoon 'geest'", "unknown person 'geest'"),
        ("$.annotations[0].tag", "moet tekst zijn", "must be text"),
        ("$.annotations[0].target.events[0]", "onbekende gebeurtenis 'e9'", "unknown event 'e9'"),
    ],
    "many_problems.json": [
        ("$.persons[1].gender", "kies uit", "choose one of"),
        ("$.persons[3].id", "id 'kind' komt twee keer voor", "id 'kind' is used twice"),
        ("$.relationships[0]", "is geboren (2016) na kind", "was born (2016) after child"),
        ("$.relationships[1].divorced", "scheiding (2008) ligt vóór huwelijk (2010)",
         "divorce (2008) is before marriage (2010)"),
        ("$.events[0].date", "bestaat niet in de kalender", "does not exist in the calendar"),
        ("$.events[1].perspective", "onbekende persoon 'oma'", "unknown person 'oma'"),
        ("$.events[2].organisaton", "onbekend veld", "unknown field"),
    ],
}


def problems_of(name: str) -> list:
    with pytest.raises(CaseError) as info:
        load_case(BROKEN / name)
    return info.value.problems


def test_every_broken_file_is_listed():
    assert sorted(path.name for path in BROKEN.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_is_rejected_with_expected_problems(name):
    problems = problems_of(name)
    expected = EXPECTED[name]
    assert sorted(p.path for p in problems) == sorted(path for path, _, _ in expected), \
        "\n".join(p.render("en") for p in problems)
    for path, nl, en in expected:
        at_path = [p for p in problems if p.path == path]
        assert any(nl in p.nl for p in at_path), (path, nl, [p.nl for p in at_path])
        assert any(en in p.en for p in at_path), (path, en, [p.en for p in at_path])
    for problem in problems:
        assert problem.code and problem.nl and problem.en
        assert problem.nl != problem.en or problem.path == "$.pseudonymised"
        assert "Traceback" not in problem.nl + problem.en


def test_many_problems_reports_at_least_five_different_kinds():
    problems = problems_of("many_problems.json")
    assert len({p.code for p in problems}) >= 5


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_also_rejected_as_bytes_and_text(name):
    data = (BROKEN / name).read_bytes()
    with pytest.raises(CaseError) as from_bytes:
        load_case(data)
    assert [p.path for p in from_bytes.value.problems] == [p.path for p in problems_of(name)]
    if name not in ("not_utf8.json", "not_json.json"):
        with pytest.raises(CaseError) as from_text:
            load_case(data.decode("utf-8"))
        assert [p.path for p in from_text.value.problems] == [p.path for p in from_bytes.value.problems]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_rejects_broken_file_and_prints_paths(name, capsys):
    path = BROKEN / name
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "✗" in out and str(path) in out
    for expected_path, nl, _ in EXPECTED[name]:
        assert f"{expected_path}: " in out
        assert nl in out


@pytest.mark.parametrize("name", ["dangling_references.json", "many_problems.json", "not_utf8.json"])
def test_cli_reports_in_english(name, capsys):
    assert main(["validate", "--lang", "en", str(BROKEN / name)]) == 1
    out = capsys.readouterr().out
    for expected_path, _, en in EXPECTED[name]:
        assert f"{expected_path}: " in out and en in out


def test_cli_with_valid_and_broken_file_exits_1(capsys):
    minimal = Path(__file__).resolve().parent.parent / "sample_cases" / "minimal.json"
    assert main(["validate", str(minimal), str(BROKEN / "own_ancestor.json")]) == 1
    out = capsys.readouterr().out
    assert "✓" in out and "✗" in out and "3 problemen" in out


# --- size limit -------------------------------------------------------------------------------

def _padded_valid_case(size: int) -> bytes:
    """A valid minimal case followed by whitespace, ``size`` bytes long."""
    case = {"schema_version": "1.0", "id": "casus-groot", "title": "Groot bestand", "index_person": "kind",
            "pseudonymised": True,
            "persons": [{"id": "kind", "label": "Kind A.", "kind": "family", "gender": "female"}]}
    text = json.dumps(case).encode("utf-8")
    return text + b" " * (size - len(text))


@pytest.fixture(scope="module")
def huge_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("huge") / "huge.json"
    path.write_bytes(_padded_valid_case(DEFAULT_MAX_BYTES + 1_500_000))
    assert path.stat().st_size > 20 * 1024 * 1024
    return path


def test_huge_file_is_refused_with_its_size(huge_file):
    with pytest.raises(CaseError) as info:
        load_case(huge_file)
    [problem] = info.value.problems
    assert problem.path == "$"
    assert problem.code == "file_too_large"
    assert "bestand is te groot (21,4 MB; maximaal 20 MB)" in problem.nl
    assert "file is too large (21.4 MB; at most 20 MB)" in problem.en


def test_huge_bytes_are_refused_too(huge_file):
    with pytest.raises(CaseError) as info:
        load_case(huge_file.read_bytes())
    assert info.value.problems[0].code == "file_too_large"


def test_max_bytes_override_accepts_the_huge_file(huge_file):
    case = load_case(huge_file, max_bytes=30 * 1024 * 1024)
    assert case.id == "casus-groot"


def test_max_bytes_override_refuses_a_small_file(tmp_path):
    path = tmp_path / "klein.json"
    path.write_bytes(_padded_valid_case(3 * 1024 * 1024))
    assert load_case(path).id == "casus-groot"
    with pytest.raises(CaseError) as info:
        load_case(path, max_bytes=2 * 1024 * 1024)
    [problem] = info.value.problems
    assert problem.code == "file_too_large"
    assert "3,0 MB; maximaal 2 MB" in problem.nl
    assert "3.0 MB; at most 2 MB" in problem.en


def test_cli_size_limit(huge_file, capsys):
    assert main(["validate", str(huge_file)]) == 1
    out = capsys.readouterr().out
    assert str(huge_file) in out and "$: bestand is te groot" in out
    assert main(["validate", "--max-mb", "30", str(huge_file)]) == 0
