"""Saving case files: atomic, validated, and never over someone else's newer save."""

import json
import os
import threading
from pathlib import Path

import pytest

from models import SCHEMA_VERSION, load_case, validate_case_data
from models.case import Annotation, AnnotationTarget, Position
from models.editing import put_item
from models.saving import SaveOutcome, case_bytes, file_fingerprint, fingerprint, free_name, safe_file_name, save_case
from tests.case_builders import case_data

ROOT_MINIMAL = Path(__file__).resolve().parent.parent / "sample_cases" / "minimal.json"

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"


def _write(path: Path, data: dict) -> str:
    raw = case_bytes(validate_case_data(data))
    path.write_bytes(raw)
    return fingerprint(raw)


def test_save_back_replaces_the_file_and_returns_the_new_fingerprint(tmp_path):
    path = tmp_path / "casus.json"
    opened = _write(path, case_data())
    edited = validate_case_data(put_item(case_data(), "events", {"date": "2022", "layer": "lived",
                                                                   "type": "experience", "title": "Nieuw"}).data)
    result = save_case(edited, path, expected=opened)
    assert result.outcome == SaveOutcome.SAVED
    assert result.fingerprint == file_fingerprint(path) != opened
    assert load_case(path) == edited
    assert [p.name for p in tmp_path.iterdir()] == ["casus.json"]  # no temporary file left behind


def test_a_file_changed_since_opening_is_not_overwritten(tmp_path):
    path = tmp_path / "casus.json"
    opened = _write(path, case_data())
    theirs = case_data(title="Door een collega opgeslagen")
    _write(path, theirs)
    before = path.read_bytes()
    result = save_case(validate_case_data(case_data(title="Mijn versie")), path, expected=opened)
    assert result.outcome == SaveOutcome.CONFLICT
    assert path.read_bytes() == before


def test_two_saves_racing_on_one_file_exactly_one_wins(tmp_path):
    path = tmp_path / "casus.json"
    opened = _write(path, case_data())
    versions = [validate_case_data(case_data(title=f"Versie {i}")) for i in range(8)]
    results: list = [None] * len(versions)
    start = threading.Barrier(len(versions))

    def save(i: int) -> None:
        start.wait()
        results[i] = save_case(versions[i], path, expected=opened)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(versions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [i for i, r in enumerate(results) if r.outcome == SaveOutcome.SAVED]
    assert len(winners) == 1
    assert all(r.outcome == SaveOutcome.CONFLICT for i, r in enumerate(results) if i != winners[0])
    assert load_case(path) == versions[winners[0]]  # the winner's work is on disk, whole


def test_two_processes_racing_one_wins(tmp_path):
    path = tmp_path / "casus.json"
    opened = _write(path, case_data())
    read, write = os.pipe()
    pids = []
    for i in range(2):
        pid = os.fork()
        if pid == 0:  # child: save one version and report the outcome
            try:
                outcome = save_case(validate_case_data(case_data(title=f"Proces {i}")), path, expected=opened).outcome
                os.write(write, outcome.value[:1].encode())
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    os.close(write)
    outcomes = sorted(os.read(read, 10).decode())
    os.close(read)
    assert outcomes == ["c", "s"]  # one conflict, one saved


def test_save_as_never_overwrites_an_existing_file(tmp_path):
    path = tmp_path / "casus.json"
    _write(path, case_data())
    before = path.read_bytes()
    result = save_case(validate_case_data(case_data(title="Nieuw")), path, expected=None)
    assert result.outcome == SaveOutcome.EXISTS
    assert path.read_bytes() == before
    fresh = tmp_path / free_name(tmp_path, "casus")
    assert fresh.name == "casus-2.json"
    assert save_case(validate_case_data(case_data()), fresh, expected=None).outcome == SaveOutcome.SAVED


def test_a_disk_error_is_reported_not_raised_and_the_file_is_kept(tmp_path, monkeypatch):
    import errno

    path = tmp_path / "casus.json"
    opened = _write(path, case_data())

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("models.saving.os.replace", disk_full)
    result = save_case(validate_case_data(case_data(title="x")), path, expected=opened)
    assert result.outcome == SaveOutcome.FAILED and result.detail
    assert load_case(path).title == "Testcasus"
    assert [p.name for p in tmp_path.iterdir()] == ["casus.json"]  # the temporary file is cleaned up


@pytest.mark.parametrize(("name", "safe"), [
    ("casus.json", "casus.json"), ("../../etc/passwd", "passwd.json"), (".verborgen", "verborgen.json"),
    ("Lisa en Noor", "Lisa-en-Noor.json"), ("", "casus.json"), ("x.JSON", "x.json"),
])
def test_safe_file_names(name, safe):
    assert safe_file_name(name) == safe


def test_every_sample_case_saves_to_the_same_case(tmp_path):
    for sample in sorted(SAMPLES.glob("*.json")):
        case = load_case(sample)
        target = tmp_path / sample.name
        assert save_case(case, target, expected=None).outcome == SaveOutcome.SAVED
        assert load_case(target) == case


def _json_diff(before: object, after: object, path: str = "$") -> list[str]:
    """Where two JSON values differ: ``+path`` added, ``-path`` dropped, ``~path`` changed."""
    if isinstance(before, dict) and isinstance(after, dict):
        found = [f"+{path}.{key}" for key in after.keys() - before.keys()]
        found += [f"-{path}.{key}" for key in before.keys() - after.keys()]
        for key in before.keys() & after.keys():
            found += _json_diff(before[key], after[key], f"{path}.{key}")
        return found
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [line for i, (x, y) in enumerate(zip(before, after, strict=True)) for line in _json_diff(x, y, path)]
    return [] if before == after else [f"~{path}"]


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_an_unchanged_sample_case_saves_as_the_file_it_was(sample):
    saved = case_bytes(load_case(sample))
    differences = _json_diff(json.loads(sample.read_bytes()), json.loads(saved))
    # the only change: an approximate date marks its event approximate, and vice versa (a model rule)
    assert set(differences) <= {"+$.events.approximate", "~$.events.date", "~$.events.end"}
    if len(sample.read_bytes()) > 10_000:  # the big samples are written in the saved layout
        assert abs(len(saved) - len(sample.read_bytes())) < len(saved) / 100


def test_default_values_that_were_not_in_the_file_are_not_written():
    sample = SAMPLES / "calamiteit_sem.json"
    data = json.loads(sample.read_bytes())
    edited = put_item(data, "annotations", {"target": {"persons": ["sem"]}, "tag": "vraag", "text": "Waarom?"})
    saved = case_bytes(validate_case_data(edited.data))
    assert len(saved) - len(sample.read_bytes()) < 400
    assert b'"deceased": false' not in saved and b'"approximate": false' not in saved
    sem = next(p for p in json.loads(saved)["persons"] if p["id"] == "sem")
    assert sem["death"] == "2022-06-11" and "deceased" not in sem


def test_default_values_the_file_states_are_kept():
    data = case_data()
    data["persons"][0]["deceased"] = False
    data["events"][0]["approximate"] = False
    data["sources"][0]["kind"] = "dossier"
    saved = json.loads(case_bytes(validate_case_data(data)))
    assert saved["persons"][0]["deceased"] is False and saved["events"][0]["approximate"] is False
    assert saved["sources"][0]["kind"] == "dossier"


def test_schema_version_and_required_fields_are_always_written():
    data = case_data()
    del data["schema_version"]
    data["events"][0]["decision"] = {}  # an empty decision still says there was one
    case = validate_case_data(data)
    saved = json.loads(case_bytes(case))
    assert list(saved)[:2] == ["schema_version", "id"] and saved["schema_version"] == SCHEMA_VERSION == "1.3"
    assert saved["pseudonymised"] is True and saved["events"][0]["decision"] == {}
    assert load_case(case_bytes(case)) == case


def test_a_default_collection_changed_in_place_is_written():
    data = case_data()
    data.pop("annotations", None)
    data.pop("layout", None)
    case = validate_case_data(data)
    case.annotations.append(Annotation(id="n1", target=AnnotationTarget(events=["e1"]), tag="vraag", text="Hoe?"))
    case.layout.pinned["kind"] = Position(x=1, y=2)
    saved = json.loads(case_bytes(case))
    assert [a["id"] for a in saved["annotations"]] == ["n1"]
    assert saved["layout"] == {"pinned": {"kind": {"x": 1.0, "y": 2.0}}}
    assert load_case(case_bytes(case)) == case


def test_long_save_as_names_are_shortened_and_save(tmp_path: Path) -> None:
    from models.saving import MAX_STEM, safe_file_name

    name = safe_file_name("Casus " + "heel lang " * 60)
    assert len(name) <= MAX_STEM + 5
    case = load_case(ROOT_MINIMAL)
    assert save_case(case, tmp_path / name, expected=None).outcome == SaveOutcome.SAVED


def test_saving_onto_a_link_writes_through_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "lisa.json"
    target.write_bytes(ROOT_MINIMAL.read_bytes())
    link = tmp_path / "lisa-link.json"
    link.symlink_to(target)
    case = load_case(ROOT_MINIMAL)
    result = save_case(case, link, expected=file_fingerprint(target))
    assert result.outcome == SaveOutcome.SAVED
    assert link.is_symlink() and link.resolve() == target


def test_saving_onto_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "casussen"
    folder.mkdir()
    outside = tmp_path / "elders.json"
    outside.write_bytes(ROOT_MINIMAL.read_bytes())
    before = outside.read_bytes()
    (folder / "link.json").symlink_to(outside)
    result = save_case(load_case(ROOT_MINIMAL), folder / "link.json", expected=file_fingerprint(outside))
    assert result.outcome == SaveOutcome.FAILED
    assert outside.read_bytes() == before and (folder / "link.json").is_symlink()
