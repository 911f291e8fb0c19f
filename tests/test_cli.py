"""The command line: validate, schema, and serve's argument handling."""

import json
from pathlib import Path

from app.cli import BUNDLED_CASES, build_parser, main
from models.schema import SCHEMA_PATH, case_json_schema_text
from tests.case_builders import case_data


def write(tmp_path: Path, name: str, data) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_validate_accepts_a_valid_file(tmp_path, capsys):
    path = write(tmp_path, "ok.json", case_data())
    assert main(["validate", str(path)]) == 0
    assert "geldig" in capsys.readouterr().out


def test_validate_reports_every_problem_and_exits_1(tmp_path, capsys):
    bad = case_data(index_person="niemand")
    bad["events"][0]["date"] = "2021-02-30"
    good = write(tmp_path, "ok.json", case_data())
    path = write(tmp_path, "bad.json", bad)
    assert main(["validate", str(good), str(path)]) == 1
    out = capsys.readouterr().out
    assert "2 problemen" in out
    assert "$.index_person" in out and "$.events[0].date" in out
    assert "bestaat niet in de kalender" in out


def test_validate_in_english(tmp_path, capsys):
    path = write(tmp_path, "bad.json", "{oops")
    assert main(["validate", "--lang", "en", str(path)]) == 1
    assert "not valid JSON" in capsys.readouterr().out


def test_validate_size_limit_option(tmp_path, capsys):
    path = write(tmp_path, "ok.json", case_data())
    assert main(["validate", "--max-mb", "0.0001", str(path)]) == 1
    assert "te groot" in capsys.readouterr().out


def test_validate_bundled_minimal_case():
    assert main(["validate", str(BUNDLED_CASES / "minimal.json")]) == 0


def test_schema_prints_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "casusbeeld case file"
    assert "Event" in schema["$defs"]
    assert schema["properties"]["pseudonymised"]["const"] is True


def test_committed_schema_is_in_sync():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == case_json_schema_text(), \
        "run: casusbeeld schema -o schema/casusbeeld-case.schema.json"


def test_serve_defaults_are_private():
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    assert args.port == 8050
    assert args.debug is False
    assert args.lang == "nl"
