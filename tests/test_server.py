"""``casusbeeld serve --workers 2`` on gunicorn: two worker processes on loopback, racing saves, the guard."""

from __future__ import annotations

import contextlib
import http.client
import json
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.cli import BUNDLED_CASES, build_parser
from app.edit_store import data_bytes
from app.server import gunicorn_options
from app.state import pack
from models import load_case
from models.saving import SaveOutcome, fingerprint, save_case

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port: int, method: str, path: str, body: dict | None = None, host: str = "127.0.0.1"
            ) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        payload = json.dumps(body).encode() if body is not None else None
        connection.request(method, path, body=payload, headers={"Host": host, "Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@contextlib.contextmanager
def serving(arguments: list[str], ready: Callable[[int], bool]) -> Iterator[tuple[int, subprocess.Popen]]:
    """``casusbeeld serve <arguments> --port <free port>`` in a process of its own until ``ready(port)``; stopped
    (SIGTERM, then kill) when the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "app.cli", "serve", *arguments, "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if ready(port):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("gunicorn did not answer: " + process.stdout.read1().decode(errors="replace"))
        yield port, process
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cases")
    shutil.copy(BUNDLED_CASES / "minimal.json", folder / "minimal.json")
    with serving([str(folder), "--workers", "2", "--allow-host", "casus.example.nl"],
                 lambda port: request(port, "GET", "/_dash-layout")[0] == 200) as (port, process):
        yield port, folder, process


def test_two_worker_processes_serve_the_folder(server):
    """Both workers run: the first may answer while gunicorn still forks (or, on a loaded machine, restarts) the
    second, so the count is read until it is two, for at most 30 s."""
    port, _, process = server
    deadline = time.monotonic() + 30
    while len(children(process.pid)) != 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(children(process.pid)) == 2
    status, body = request(port, "GET", "/")
    assert status == 200 and b"casusbeeld" in body


def test_guard_still_refuses_unknown_hosts(server):
    port, _, _ = server
    assert request(port, "GET", "/", host="evil.example")[0] == 421
    assert request(port, "GET", "/_dash-layout", host="casus.example.nl")[0] == 200  # --allow-host
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/", headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy", "")
    connection.close()


def save_payload(port: int, store: dict) -> dict:
    status, body = request(port, "GET", "/_dash-dependencies")
    assert status == 200
    spec = next(cb for cb in json.loads(body)
                if any(i["id"] == "edit-save" and i["property"] == "n_clicks" for i in cb["inputs"]))
    outputs = []
    for part in spec["output"].strip(".").split("..."):
        component, prop = part.split(".", 1)
        outputs.append({"id": component, "property": prop})
    return {"output": spec["output"], "outputs": outputs, "changedPropIds": ["edit-save.n_clicks"],
            "inputs": [{"id": "edit-save", "property": "n_clicks", "value": 1}],
            "state": [{"id": "case-store", "property": "data", "value": store},
                      {"id": "lang", "property": "value", "value": "nl"}]}


def edited_store(folder: Path, title: str) -> dict:
    original = (folder / "minimal.json").read_bytes()
    data = json.loads(original)
    data["title"] = title
    return {"blob": pack(data_bytes(data)), "name": "minimal.json", "source": "file", "base": fingerprint(original),
            "revision": 1, "clean": "opened", "dirty": True}


def test_racing_saves_from_two_sessions_one_saves_the_other_is_offered_save_as(server):
    port, folder, _ = server
    for round_number in range(4):  # each round starts from the file as it is on disk
        stores = [edited_store(folder, f"Ronde {round_number} sessie {who}") for who in "AB"]
        payloads = [save_payload(port, store) for store in stores]
        answers: list[dict] = [{}, {}]
        barrier = threading.Barrier(2)

        def save(who: int, payloads: list = payloads, answers: list = answers, barrier=barrier) -> None:
            barrier.wait()
            status, body = request(port, "POST", "/_dash-update-component", payloads[who])
            assert status == 200
            answers[who] = json.loads(body)["response"]

        threads = [threading.Thread(target=save, args=(who,)) for who in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        saved = [who for who in range(2) if "case-store" in answers[who]]
        refused = [who for who in range(2) if answers[who].get("save-as-modal", {}).get("is_open") is True]
        assert len(saved) == 1 and len(refused) == 1, answers
        winner = "AB"[saved[0]]
        assert load_case(folder / "minimal.json").title == f"Ronde {round_number} sessie {winner}"
        assert "iemand anders heeft minimal.json opgeslagen" in json.dumps(answers[refused[0]]["save-status"])
        assert "Opgeslagen in minimal.json" in json.dumps(answers[saved[0]]["save-status"])


def _save_in_process(path: str, title: str, expected: str, start, results) -> None:
    case = load_case(path).model_copy(update={"title": title})
    start.wait()
    results.put((title, save_case(case, Path(path), expected=expected).outcome.value, os.getpid()))


def test_conflict_detection_holds_across_processes(tmp_path):
    """Two processes (as two gunicorn workers) save the same opened version at once: exactly one wins."""
    path = tmp_path / "minimal.json"
    shutil.copy(BUNDLED_CASES / "minimal.json", path)
    context = multiprocessing.get_context("fork")
    for round_number in range(5):  # new titles each round: a save of identical bytes is no change
        expected = fingerprint(path.read_bytes())
        start, results = context.Barrier(2), context.Queue()
        workers = [context.Process(target=_save_in_process, args=(str(path), title, expected, start, results))
                   for title in (f"Ronde {round_number} proces A", f"Ronde {round_number} proces B")]
        for worker in workers:
            worker.start()
        outcomes = [results.get(timeout=30) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
        assert sorted(outcome for _, outcome, _ in outcomes) == [SaveOutcome.CONFLICT.value, SaveOutcome.SAVED.value]
        assert len({pid for _, _, pid in outcomes}) == 2
        winner = next(title for title, outcome, _ in outcomes if outcome == SaveOutcome.SAVED.value)
        assert load_case(path).title == winner


def test_serve_options():
    args = build_parser().parse_args(["serve", "--workers", "3"])
    assert args.workers == 3 and not args.debug
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--workers", "0"])
    options = gunicorn_options("127.0.0.1:8050", 3)
    assert options["workers"] == 3 and options["accesslog"] is None and not options["preload_app"]
