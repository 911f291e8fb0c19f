"""Load test: N concurrent sessions against ``casusbeeld serve --workers 2`` on loopback (locust, headless).

Each simulated session behaves like a browser tab: it loads the page and the callback map, opens a case
(the chooser's callback, then every server callback the page fires when the case arrives), clicks events on
the timeline and people in the geno-sociogram, filters by event type, adds an event (an unsaved edit held in
its own tab only) and saves it to a file of its own. The session keeps the page's state as Dash's renderer
does: every callback's outputs go back into the values the next callbacks send.

Printed: p50/p95 per action (an action = all the requests one click causes) and per request, errors, the
largest resident memory of each worker, and the isolation check: every response a session gets is searched
(case blobs unpacked) for another session's unsaved edits; the goal is zero.

Run: ``.venv/bin/pip install -e '.[bench]'`` once, then
``.venv/bin/python bench/bench_team.py --users 50 --duration 120``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import gevent
import psutil
from locust import HttpUser, between, events, task
from locust.env import Environment
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.state import unpack  # noqa: E402
from tests.dash_calls import payload  # noqa: E402

SAMPLES = ROOT / "sample_cases"
MARK = re.compile(r"LOADTEST-U(\d+)-E\d+")
LEAKS: list[str] = []
LOG = open(Path(tempfile.gettempdir()) / "casusbeeld-load-server.log", "wb")  # noqa: SIM115  (the server's log)
ISOLATION_CHECKS = [0, 0]  # responses checked, responses holding the session's own edit (the check can see one)


def layout_values(node: Any, values: dict[str, Any]) -> None:
    """``{"id.prop": value}`` for every component with a plain id in the layout JSON (the page's start state)."""
    if isinstance(node, list):
        for item in node:
            layout_values(item, values)
        return
    if not isinstance(node, dict) or "props" not in node:
        return
    props = node["props"]
    if isinstance(props.get("id"), str):
        for key, value in props.items():
            if not (isinstance(value, dict) and "props" in value) and key != "children":
                values[f"{props['id']}.{key}"] = value
    for value in props.values():
        if isinstance(value, list | dict):
            layout_values(value, values)


class Page:
    """The callback map of the app and which server callbacks a changed property fires."""

    def __init__(self, dependencies: list[dict[str, Any]]) -> None:
        # the browser runs clientside callbacks itself; those writing pattern-matched outputs (the edit form's
        # live messages) need the form's fields on the page and are left out
        self.callbacks = [spec for spec in dependencies if not spec.get("clientside_function")
                          and '"ALL"' not in spec["output"] and "[\"ALL\"]" not in spec["output"]]

    def fired_by(self, changed: set[str]) -> list[tuple[dict[str, Any], str]]:
        """(callback, the changed input that fires it) for each callback one of ``changed`` fires."""
        fired = []
        for spec in self.callbacks:
            trigger = next((name for name in inputs_of(spec) if name in changed), None)
            if trigger is not None:
                fired.append((spec, trigger))
        return fired


def inputs_of(spec: dict[str, Any]) -> set[str]:
    return {f"{dep['id']}.{dep['property']}" for dep in spec["inputs"]}


def outputs_of(spec: dict[str, Any]) -> set[str]:
    return {part.split("@")[0] for part in spec["output"].strip(".").split("...")}


def output_name(spec: dict[str, Any]) -> str:
    return spec["output"].strip(".").split("...")[0].split("@")[0]


class Tab(HttpUser):
    """One browser tab of one person."""

    wait_time = between(0.5, 2.0)
    counter = 0

    def on_start(self) -> None:
        Tab.counter += 1
        self.number, self.edits, self.own_file = Tab.counter, 0, None
        # as a browser does: a request sent on a kept-alive connection just as the server closed it goes again once
        retry = Retry(total=1, connect=1, read=1, status=0, other=0, allowed_methods=None, raise_on_status=False)
        self.client.mount("http://", HTTPAdapter(max_retries=retry, pool_maxsize=6))
        self.values: dict[str, Any] = {}
        while True:  # a page that failed to load is loaded again (the failure is counted)
            page, layout, dependencies = (self.client.get(path, name=name) for path, name in (
                ("/", "page"), ("/_dash-layout", "layout"), ("/_dash-dependencies", "dependencies")))
            if page.ok and layout.ok and dependencies.ok:
                break
            gevent.sleep(1)
        layout_values(layout.json(), self.values)
        self.page = Page(dependencies.json())
        self.cases = [option["value"] for option in self.values.get("case-chooser.options") or []
                      if not str(option["value"]).startswith("load-")]
        self.open_case()

    # --- the renderer ---------------------------------------------------------------------------------------
    def fire(self, action: str, changed: dict[str, Any], waves: int = 12) -> None:
        """Set ``changed`` props and run the callbacks they fire, in the renderer's order (a callback waits while
        another pending one still writes one of its inputs), and those their outputs fire, as one action."""
        start = time.perf_counter()
        self.values.update(changed)
        queue = self.page.fired_by(set(changed))
        for _ in range(waves):
            if not queue:
                break
            writes = {id(spec): outputs_of(spec) for spec, _ in queue}
            ready = [(spec, trigger) for spec, trigger in queue
                     if not any(inputs_of(spec) & writes[id(other)] for other, _ in queue if other is not spec)]
            ready = ready or queue[:1]
            queue = [item for item in queue if item not in ready]
            # like the browser, the callbacks that are ready go out at once, each on a connection of its own
            calls = [gevent.spawn(self.call, spec, trigger) for spec, trigger in ready]
            gevent.joinall(calls)
            for (spec, _), done in zip(ready, calls, strict=True):
                queue += [(other, why) for other, why in self.page.fired_by(done.value or set())
                          if other is not spec and all(other is not waiting for waiting, _ in queue)]
        events.request.fire(request_type="ACTION", name=action, response_time=(time.perf_counter() - start) * 1000,
                            response_length=0, exception=None, context={})

    def call(self, spec: dict[str, Any], trigger: str) -> set[str]:
        body = payload(spec, trigger, self.values)
        with self.client.post("/_dash-update-component", json=body, name=f"cb {output_name(spec)}",
                              catch_response=True) as response:
            if response.status_code == 204:
                response.success()
                return set()
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code} {response.error or ''}".strip())
                return set()
            answer = response.json().get("response", {})
            response.success()
        self.check_isolation(response.text, answer)
        changed = set()
        for component, props in answer.items():
            for prop, value in props.items():
                self.values[f"{component}.{prop}"] = value
                changed.add(f"{component}.{prop}")
        return changed

    def check_isolation(self, raw: str, answer: dict[str, Any]) -> None:
        """No response may hold another session's edit marker (case blobs are compressed: unpack them)."""
        texts = [raw]
        for props in answer.values():
            for value in props.values():
                if isinstance(value, dict) and isinstance(value.get("blob"), str):
                    texts.append(unpack(value["blob"]).decode("utf-8"))
        ISOLATION_CHECKS[0] += 1
        sessions = {int(found.group(1)) for found in MARK.finditer("\n".join(texts))}
        ISOLATION_CHECKS[1] += self.number in sessions
        LEAKS.extend(f"session {self.number} saw an edit of session {other}" for other in sessions - {self.number})

    # --- what people do ---------------------------------------------------------------------------------------
    def open_case(self) -> None:
        if self.values.get("case-store.data", {}) and (self.values["case-store.data"] or {}).get("dirty"):
            return
        self.fire("open case", {"case-chooser.value": random.choice(self.cases)})

    def case(self) -> dict[str, Any]:
        blob = (self.values.get("case-store.data") or {}).get("blob")
        return json.loads(unpack(blob)) if blob else {}

    @task(3)
    def click_event(self) -> None:
        data = self.case()
        if data.get("events"):
            event = random.choice(data["events"])["id"]
            self.fire("click event", {"timeline-graph.clickData": {"points": [{"customdata": [event]}]}})

    @task(2)
    def click_person(self) -> None:
        data = self.case()
        if data.get("persons"):
            person = random.choice(data["persons"])["id"]
            self.fire("click person", {"genosociogram-graph.clickData": {"points": [{"customdata": person}]}})

    @task(2)
    def filter_types(self) -> None:
        kinds = sorted({event.get("type") for event in self.case().get("events", []) if event.get("type")})
        chosen = random.sample(kinds, k=min(len(kinds), random.randint(0, 2))) if kinds else []
        self.fire("filter", {"filter-types.value": chosen})

    @task(1)
    def other_case(self) -> None:
        if self.own_file is None:
            self.open_case()

    @task(1)
    def edit_and_save(self) -> None:
        self.edits += 1
        fields = {"date": f"{random.randint(2010, 2023)}", "layer": "formal", "type": "meeting",
                  "title": f"LOADTEST-U{self.number}-E{self.edits}", "persons": [], "approximate": False,
                  "key_moment": False}
        self.values["edit-form-store.data"] = {"collection": "events", "id": None}
        self.values["edit-field.value"] = [{"id": {"type": "edit-field", "field": name}, "property": "value",
                                            "value": value} for name, value in fields.items()]
        self.fire("add event", {"edit-submit.n_clicks": self.edits})
        if self.own_file is None:  # the first save: a file of its own, through "save as"
            self.own_file = f"load-{self.number}.json"
            self.values["save-as-name.value"] = self.own_file
            self.fire("save as", {"save-as-confirm.n_clicks": self.edits}, waves=1)
        else:
            self.fire("save", {"edit-save.n_clicks": self.edits}, waves=1)


# --- running it ------------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(folder: Path, port: int, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "app.cli", "serve", str(folder), "--workers", str(workers), "--port",
               str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=LOG, stderr=subprocess.STDOUT)
    import urllib.request

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=5) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not start")


def watch_memory(pid: int, peaks: dict[int, float], stop: threading.Event) -> None:
    """The largest RSS (MB) of each worker process, sampled every half second."""
    master = psutil.Process(pid)
    while not stop.wait(0.5):
        for child in master.children():
            try:
                peaks[child.pid] = max(peaks.get(child.pid, 0.0), child.memory_info().rss / 2**20)
            except psutil.Error:
                continue


def report(env: Environment, peaks: dict[int, float], users: int, duration: int, workers: int) -> None:
    stats = env.stats
    print(f"\n{users} sessions, {duration} s, {workers} gunicorn workers on loopback "
          f"({stats.total.num_requests} requests, {stats.total.total_rps:.1f}/s); {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[1]:.1f} over the last 5 minutes (this test and anything else running)")
    print(f"{'action / request':<34} {'count':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'errors':>6}")
    for kind in ("ACTION", "GET", "POST"):
        rows = sorted((entry for entry in stats.entries.values() if entry.method == kind), key=lambda e: e.name)
        for entry in rows:
            print(f"{entry.name:<34} {entry.num_requests:>6} {entry.get_response_time_percentile(0.5):>7.0f} "
                  f"{entry.get_response_time_percentile(0.95):>7.0f} {entry.max_response_time:>7.0f} "
                  f"{entry.num_failures:>6}")
    print(f"errors: {stats.total.num_failures} of {stats.total.num_requests} requests")
    for error in list(stats.errors.values())[:10]:
        print(f"  {error.occurrences} × {error.method} {error.name}: {error.error}")
    print("peak RSS per worker: " + ", ".join(f"{mb:.0f} MB" for mb in sorted(peaks.values())))
    print(f"isolation: {ISOLATION_CHECKS[0]} responses checked, {ISOLATION_CHECKS[1]} held the session's own "
          f"edits, {len(LEAKS)} showed another session's unsaved edit")
    for leak in LEAKS[:5]:
        print("  " + leak)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=120, help="seconds of load after all sessions started")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--spawn-rate", type=float, default=10.0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="casusbeeld-load-"))
    for sample in SAMPLES.glob("*.json"):
        shutil.copy(sample, folder / sample.name)
    port = free_port()
    server = start_server(folder, port, args.workers)
    peaks: dict[int, float] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=watch_memory, args=(server.pid, peaks, stop), daemon=True)
    watcher.start()
    try:
        Tab.host = f"http://127.0.0.1:{port}"
        env = Environment(user_classes=[Tab], events=events)
        runner = env.create_local_runner()
        runner.start(args.users, spawn_rate=args.spawn_rate)
        gevent.sleep(args.users / args.spawn_rate + args.duration)
        runner.quit()
        report(env, peaks, args.users, args.duration, args.workers)
    finally:
        stop.set()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    failures = env.stats.total.num_failures
    return 0 if failures == 0 and not LEAKS else 1


if __name__ == "__main__":
    raise SystemExit(main())
