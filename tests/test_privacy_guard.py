"""The pseudonymisation guard: true and false positives, validate --strict, and pseudonymise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import BUNDLED_CASES, main
from models import load_case
from models.privacy_guard import bsn_valid, iban_valid, looks_like_full_name, privacy_findings, text_findings
from tests.case_builders import case_data as base_case_data


def case_data() -> dict:
    """The test case with the child's birth known to the month, as a pseudonymised file has it."""
    data = base_case_data()
    data["persons"][0]["birth"] = "2010-05"
    return data


def eleven_proof(start: str) -> str:
    """The first 9-digit number from ``start`` (8 digits) that passes the eleven test."""
    for last in range(10):
        if bsn_valid(start + str(last)):
            return start + str(last)
    return eleven_proof(str(int(start) + 1))


def codes(text: str) -> list[tuple[str, str]]:
    return [(span.code, span.text) for span in text_findings(text)]


# --- numbers, e-mail, addresses --------------------------------------------------------------------

def test_bsn_passing_the_eleven_test_is_found():
    bsn = eleven_proof("12345678")
    assert codes(f"BSN {bsn} van moeder") == [("bsn", bsn)]
    dotted = f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"
    assert codes(f"bsn: {dotted}") == [("bsn", dotted)]


def test_nine_digits_failing_the_eleven_test_are_not_a_bsn():
    assert not bsn_valid("123456789")
    assert codes("dossiernummer 123456789") == []


def test_eleven_test_valid_number_in_a_phone_number_is_a_phone_number_only():
    mobile = eleven_proof("61234567")  # 9 digits starting with 6: a mobile number after +31
    assert bsn_valid(mobile)
    assert codes(f"bereikbaar op +31 {mobile}") == [("phone", f"+31 {mobile}")]
    assert codes(f"tel. 0{mobile}") == [("phone", f"0{mobile}")]


@pytest.mark.parametrize("text", ["06-12345678", "020 - 123 45 67", "+31 20 1234567", "0031201234567", "(020) 1234567"])
def test_phone_numbers(text):
    assert [code for code, _ in codes(f"bel {text} vandaag")] == ["phone"]


@pytest.mark.parametrize("text", ["in 2015 en 2016", "2012-2015", "van 12-03-2015 tot 14-05-2016", "groep 4 (2012)",
                                  "1.234.567 euro", "periode 2010-2012-2014", "zaak 2019/12345"])
def test_years_dates_and_amounts_are_not_numbers_to_hide(text):
    assert codes(text) == []


def test_email_iban_and_addresses():
    assert codes("mail j.devries@example.nl") == [("email", "j.devries@example.nl")]
    assert iban_valid("NL91ABNA0417164300") and not iban_valid("NL92ABNA0417164300")
    assert codes("rekening NL91 ABNA 0417 1643 00") == [("iban", "NL91 ABNA 0417 1643 00")]
    assert codes("rekening NL92 ABNA 0417 1643 00") == []
    assert codes("woont op 1234 AB 12") == [("address", "1234 AB 12")]
    assert codes("verhuisd naar de Dorpsstraat 12a") == [("address", "Dorpsstraat 12a")]
    assert codes("postcodegebied 1234 AB") == [] and codes("de Dorpsstraat") == []


# --- names and dates of birth ----------------------------------------------------------------------

@pytest.mark.parametrize("label", ["Jan de Vries", "Fatima El Amrani", "Anna Jansen", "Pieter van den Berg",
                                   "Marie-Claire Dubois"])
def test_full_names_are_flagged(label):
    assert looks_like_full_name(label)


@pytest.mark.parametrize("label", ["Opa Z.", "Moeder", "Kind A.", "Oma van Dijk", "Huisarts West", "Mentor De Sprong",
                                   "Zus (2007)", "Partner vader (J.)", "Beste vriendin", "Noor",
                                   "Medewerker Veilig Thuis (2012)", "Psychiater Het Kompas", "Tante Els"])
def test_roles_and_pseudonyms_are_fine(label):
    assert not looks_like_full_name(label)


def test_findings_carry_json_paths_and_both_languages():
    data = case_data()
    data["persons"][0]["label"] = "Jan de Vries"
    data["persons"][0]["birth"] = "2012-03-14"
    data["events"][0]["description"] = f"Moeder gaf BSN {eleven_proof('12345678')} en mail m@example.nl"
    found = {(p.path, p.code) for p in privacy_findings(data)}
    assert found == {("$.persons[0].label", "full_name"), ("$.persons[0].birth", "birth_date"),
                     ("$.events[0].description", "bsn"), ("$.events[0].description", "email")}
    for problem in privacy_findings(data):
        assert problem.nl and problem.en and problem.nl != problem.en
        assert eleven_proof("12345678") not in problem.nl + problem.en  # numbers are shown masked


def test_month_of_birth_is_fine_and_a_full_one_is_not():
    assert privacy_findings(case_data()) == []
    assert [p.path for p in privacy_findings(base_case_data())] == ["$.persons[0].birth"]


@pytest.mark.parametrize("path", sorted(BUNDLED_CASES.glob("*.json")), ids=lambda p: p.stem)
def test_sample_cases_hold_only_full_dates_of_birth(path):
    """The bundled cases use roles and pseudonyms; only some children's full dates of birth remain."""
    assert {p.code for p in privacy_findings(load_case(path))} <= {"birth_date"}


# --- command line ---------------------------------------------------------------------------------

def write_case(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "casus.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def leaky_case() -> dict:
    data = case_data()
    data["persons"][0].update(label="Jan de Vries", birth="2012-03-14", role="zoon")
    data["events"][0]["description"] = "Jan de Vries woont op 1234 AB 12; moeder belt 06-12345678. Jan huilde."
    return data


def test_validate_strict_fails_on_findings(tmp_path, capsys):
    path = write_case(tmp_path, leaky_case())
    assert main(["validate", str(path)]) == 0
    assert main(["validate", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    assert "$.persons[0].label" in out and "$.events[0].description" in out and "telefoonnummer" in out
    assert main(["validate", "--strict", str(write_case(tmp_path, case_data()))]) == 0


def test_pseudonymise_replaces_and_keeps_the_mapping_apart(tmp_path, capsys):
    source = write_case(tmp_path, leaky_case())
    before = source.read_bytes()
    out, key = tmp_path / "uit.json", tmp_path / "sleutel.json"
    assert main(["pseudonymise", str(source), "-o", str(out), "--mapping", str(key)]) == 0
    assert source.read_bytes() == before
    case = load_case(out)
    person, event = case.persons[0], case.events[0]
    assert person.label == "Zoon" and person.birth.iso() == "2012-03"
    assert event.description == "Zoon woont op [adres]; moeder belt [telefoon]. Zoon huilde."
    assert privacy_findings(case) == []
    assert "Jan de Vries" not in out.read_text(encoding="utf-8")
    mapping = json.loads(key.read_text(encoding="utf-8"))
    originals = {r["original"] for r in mapping["replacements"]}
    assert {"Jan de Vries", "2012-03-14"} <= originals
    assert main(["validate", "--strict", str(out)]) == 0


def test_pseudonymise_refuses_to_overwrite_its_input(tmp_path):
    source = write_case(tmp_path, leaky_case())
    assert main(["pseudonymise", str(source), "-o", str(source), "--mapping", str(tmp_path / "k.json")]) == 2
