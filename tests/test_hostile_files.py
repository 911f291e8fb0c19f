"""Files that are not what a case folder should hold, and JSON that hides things: clear messages, no traceback."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli import main
from app.state import list_case_files, read_case_file
from models import CaseError, load_case
from models.limits import MAX_DEPTH, MAX_PROBLEMS_SHOWN
from models.loading import parse_json

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
MINIMAL = (SAMPLES / "minimal.json").read_text(encoding="utf-8")


def problems_of(text: str) -> list[str]:
    with pytest.raises(CaseError) as caught:
        load_case(text.encode("utf-8"))
    return [f"{p.path}: {p.nl} | {p.en}" for p in caught.value.problems]


def test_duplicate_keys_are_refused_with_their_path() -> None:
    doubled = MINIMAL.replace('"title":', '"title": "Eerste", "title":', 1)
    found = problems_of(doubled)
    assert any(line.startswith('$.title: de sleutel "title" staat twee keer') for line in found), found


def test_duplicate_keys_deep_inside_are_located() -> None:
    assert problems_of('{"events": [{"id": "e1", "id": "e2"}]}')[0].startswith("$.events[0].id: de sleutel")


@pytest.mark.parametrize("char", ["\u0000", "\u202e", "\u2066", "\u0007"])
def test_control_and_bidi_characters_are_refused(char: str) -> None:
    data = json.loads(MINIMAL)
    data["title"] = f"Casus{char}Lisa"
    found = problems_of(json.dumps(data))
    assert any(line.startswith("$.title: onzichtbaar stuurteken") for line in found), found


def test_ordinary_line_breaks_and_tabs_are_fine() -> None:
    data = json.loads(MINIMAL)
    data["title"] = "Casus\tLisa\nregel twee"
    assert load_case(json.dumps(data).encode()).title.startswith("Casus")


def test_deep_nesting_and_long_numbers_say_so_plainly() -> None:
    deep = problems_of("[" * 100_000 + "]" * 100_000)
    assert deep == [f"$: het bestand is te diep genest (meer dan {MAX_DEPTH} niveaus) | "
                    f"the file is nested too deeply (more than {MAX_DEPTH} levels)"]
    number = problems_of('{"n": ' + "9" * 5000 + "}")
    assert "te lang (5000 cijfers" in number[0] and "int_max_str_digits" not in number[0]


def test_fifo_and_device_are_refused_unread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "hangt.json"
    os.mkfifo(fifo)
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(main(["validate", str(fifo), "/dev/zero"])), daemon=True)
    worker.start()
    worker.join(10)
    assert result == [1], "validate hung on a FIFO or /dev/zero"
    out = capsys.readouterr().out
    assert "geen gewoon bestand" in out and "Traceback" not in out


def test_case_folder_offers_regular_files_inside_it_only(tmp_path: Path) -> None:
    folder = tmp_path / "casussen"
    folder.mkdir()
    (folder / "lisa.json").write_text(MINIMAL, encoding="utf-8")
    outside = tmp_path / "geheim.json"
    outside.write_text(MINIMAL, encoding="utf-8")
    (folder / "link.json").symlink_to(outside)
    os.mkfifo(folder / "fifo.json")
    (folder / "inside-link.json").symlink_to(folder / "lisa.json")
    names = [file.name for file in list_case_files(folder)]
    assert names == ["inside-link.json", "lisa.json"]
    listed = {file.name: file.skipped for file in list_case_files(folder, include_skipped=True)}
    assert listed == {"fifo.json": True, "inside-link.json": False, "link.json": True, "lisa.json": False}
    from layouts.components.page import case_options

    options = {o["value"]: o for o in case_options(list_case_files(folder, include_skipped=True), "nl")}
    assert options["link.json"]["disabled"] and "overgeslagen: geen gewoon bestand" in options["link.json"]["label"]
    assert not options["lisa.json"].get("disabled")
    assert read_case_file(folder, "link.json") is None
    assert read_case_file(folder, "fifo.json") is None
    assert read_case_file(folder, "../geheim.json") is None


def test_problem_list_is_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(MINIMAL)
    data["events"] = [{"id": f"x{i}", "date": "nooit"} for i in range(400)]
    path = tmp_path / "veel.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + MAX_PROBLEMS_SHOWN + 1
    assert lines[-1].strip().startswith("… en nog ") and lines[-1].strip().endswith(" andere")


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "0", "abc"])
def test_max_mb_must_be_a_sensible_size(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["validate", "--max-mb", value, str(SAMPLES / "minimal.json")])
    assert stopped.value.code == 2
    assert "tussen 0 en 1024" in capsys.readouterr().err


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=30)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_problems_never_a_traceback(data: bytes) -> None:
    try:
        load_case(data)
    except CaseError as error:
        assert error.problems and all(p.nl and p.en and p.path.startswith("$") for p in error.problems)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "persons", "events", "schema_version", "pseudonymised",
                                        "organisations", "relationships", "index_person"]), JSON, max_size=6))
def test_random_json_gives_problems_never_a_traceback(raw: dict) -> None:
    try:
        load_case(json.dumps(raw).encode("utf-8"))
    except CaseError as error:
        assert all(p.nl and p.en for p in error.problems)


def test_parse_json_keeps_plain_dicts() -> None:
    assert type(parse_json(b'{"a": {"b": 1}}')["a"]) is dict



@pytest.mark.parametrize(("text", "clean"), [
    ('["ok", 1, null, {"d": [true, 2.5]}]', True), (r'{"a": {"b": "Zorgen\tover\nveiligheid"}}', True),
    ("[" * 64 + "]" * 64, True), (json.dumps(["x" * 20_000]), True),
    ('{"a": 1, "a": 2}', False), (r'{"b": [1, {"c": "x\u202ey"}]}', False), (r'{"k\u0007": 1}', False),
    ("[" * 70 + "]" * 70, False), ("[" * 64 + "1" + "]" * 64, True),
    ("[" * 65 + "1" + "]" * 65, False), (json.dumps({"long": "x" * 20_001}), False),
])
def test_the_quick_check_finds_what_the_full_walk_finds(text: str, clean: bool) -> None:
    """The quick walk (no paths) passes a tree only when the full walk finds nothing in it."""
    from models import json_guard

    data = json.loads(text, object_pairs_hook=json_guard._object)
    assert json_guard._surely_clean(data) is clean
    assert (json_guard.full_check(data) == []) is clean
    assert json_guard.check_tree(data) == json_guard.full_check(data)
