"""Time one edit during a meeting: check the edited case, pack it for the browser, save it to disk.

An edit re-validates the whole case with the loader's rules (so a form never accepts what the loader
would refuse); this measures what that costs as cases grow, and what saving (validate, atomic write,
conflict check) costs on top.

Run: .venv/bin/python bench/bench_edit.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.edit_store import committed, data_bytes
from app.state import content_hash, pack
from layouts.components.edit_forms import form_values, read_form
from models import validate_case_data
from models.editing import put_item
from models.saving import case_bytes, fingerprint, save_case
from tests.synthetic import generate_case_data

SIZES = (100, 1_000, 5_000)
RUNS = 5
TARGET_S = 0.3  # an edit should show up in both views well within a second


def median_time(action: Callable[[], object]) -> float:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    print(f"{'events':>8} {'check edit s':>13} {'pack for store s':>17} {'save to disk s':>15} {'store KB':>9}")
    for n_events in SIZES:
        data = generate_case_data(n_events, 300, seed=2)
        values = form_values("events", None)
        values.update(date="2020-05", title="Snel toegevoegd in het overleg", persons=[data["index_person"]])
        item = read_form("events", values)
        check = median_time(lambda d=data, i=item: put_item(d, "events", i))
        edited = put_item(data, "events", item).data
        blob = pack(data_bytes(data))
        store = {"blob": blob, "clean": content_hash(blob), "revision": 0}
        pack_time = median_time(lambda s=store, e=edited: committed(s, {"undo": [], "redo": []}, e))
        case = validate_case_data(edited)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "casus.json"
            path.write_bytes(case_bytes(validate_case_data(data)))

            def save(p: Path = path, c: object = case) -> None:
                save_case(c, p, expected=fingerprint(p.read_bytes()))

            save_time = median_time(save)
        size = len(committed(store, None, edited)[0]["blob"]) // 1024
        print(f"{n_events:>8} {check:>13.3f} {pack_time:>17.3f} {save_time:>15.3f} {size:>9}")
        if n_events == 5_000:
            total = check + pack_time
            verdict = "within" if total <= TARGET_S else "OVER"
            print(f"{'':>8} 5,000 events: an edit costs {total:.3f} s on the server, {verdict} the {TARGET_S} s "
                  f"target (ratio {total / TARGET_S:.2f}); saving adds {save_time:.3f} s")


if __name__ == "__main__":
    main()
