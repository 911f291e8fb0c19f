"""Browser code lives in app/assets/*.js, not in Python strings, and the callbacks find the functions they name.

The clientside callbacks are called through ``ClientsideFunction("casusbeeld", name)``; their code is in
``app/assets/casusbeeld.js``. Where ``node`` is installed, the pure ones also run here, outside a browser.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.factory import create_app

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
ASSETS = APP / "assets"
CASUSBEELD_JS = ASSETS / "casusbeeld.js"
SAMPLES = ROOT / "sample_cases"
NODE = shutil.which("node")

JS_FUNCTION = re.compile(r"\bfunction\s*\w*\s*\([^)]*\)\s*\{|=>\s*\{")


def _modules() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(APP.rglob("*.py"))]


def _js_names() -> set[str]:
    """The functions in the casusbeeld namespace (``name: function (`` at the namespace's indent), in
    casusbeeld.js and the assets that add to it (workshop.js, window.js)."""
    return {name for path in (CASUSBEELD_JS, ASSETS / "workshop.js", ASSETS / "window.js")
            for name in re.findall(r"^ {4}(\w+): (?:function\b|\w+,?$)", path.read_text(encoding="utf-8"), re.M)}


def test_no_javascript_in_python_strings() -> None:
    found = [f"{path.relative_to(ROOT)}:{node.lineno}" for path, tree in _modules() for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and JS_FUNCTION.search(node.value)]
    assert found == []


def _clientside_calls() -> list[tuple[str, ast.Call]]:
    return [(f"{path.relative_to(ROOT)}:{node.lineno}", node) for path, tree in _modules()
            for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "clientside_callback"]


def _function_named(call: ast.Call) -> tuple[Any, ...] | None:
    """(namespace, name) of a ``ClientsideFunction("ns", "name")`` first argument, else None."""
    first = call.args[0] if call.args else None
    if isinstance(first, ast.Call) and getattr(first.func, "id", None) == "ClientsideFunction":
        return tuple(arg.value for arg in first.args if isinstance(arg, ast.Constant))
    return None


def test_every_clientside_callback_names_a_function_in_casusbeeld_js() -> None:
    calls = _clientside_calls()
    assert len(calls) >= 7  # root class, wall fit, story step and scroll, title, filters toggle, unsaved flag
    named = {where: _function_named(call) for where, call in calls}
    assert {where for where, name in named.items() if name is None} == set()  # no inline code
    js = _js_names()
    assert {where: name for where, name in named.items() if name[0] != "casusbeeld" or name[1] not in js} == {}


def test_the_page_loads_casusbeeld_js() -> None:
    page = create_app(SAMPLES).server.test_client().get("/").get_data(as_text=True)
    assert "/assets/casusbeeld.js" in page and "/assets/keys.js" in page and "/assets/export.js" in page


# --- the pure functions, run by node -------------------------------------------------------------------------

_HARNESS = """
const vm = require("vm"), fs = require("fs");
const listeners = [];
const window = {addEventListener: (name) => listeners.push(name)};
const context = {window, document: {}, setTimeout: () => 0, Date: {now: () => 1}};
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), context);
const ns = window.dash_clientside.casusbeeld;
window.dash_clientside.no_update = "NO_UPDATE";
const results = JSON.parse(process.argv[2]).map(([name, args, fired]) => {
    window.dash_clientside.callback_context = {triggered: (fired || []).map((id) => ({prop_id: id}))};
    return ns[name].apply(null, args);
});
console.log(JSON.stringify({results, listeners}));
"""


def _run(*calls: tuple[Any, ...]) -> dict[str, Any]:
    """Each (function name, arguments[, fired prop ids]) called in casusbeeld.js under node; their results."""
    done = subprocess.run([NODE or "node", "-e", _HARNESS, str(CASUSBEELD_JS), json.dumps(calls)],
                          capture_output=True, text=True, timeout=30, check=True)
    return json.loads(done.stdout)


needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


@needs_node
def test_story_steps_follow_the_click_counts_and_stop_at_the_ends() -> None:
    meta = {"n": 3, "index": 1}
    on, = _run(("storyStep", [0, 0, True, False, None, meta], ["story-toggle.value"]))["results"]
    assert on["step"] == 1  # story mode starts at the selected event
    # two quick presses merged by the renderer into one callback with next = 2: both count
    twice, = _run(("storyStep", [0, 2, True, False, on, meta], ["story-next.n_clicks"]))["results"]
    assert twice["step"] == 2  # ... but not past the last event
    back, = _run(("storyStep", [1, 2, True, False, twice, meta], ["story-prev.n_clicks"]))["results"]
    assert back["step"] == 1
    off, = _run(("storyStep", [0, 0, False, False, None, meta], ["story-toggle.value"]))["results"]
    assert off == "NO_UPDATE"


@needs_node
def test_key_moments_only_steps_from_key_moment_to_key_moment() -> None:
    meta = {"n": 10, "index": 0, "keys": [2, 5, 9]}
    first, = _run(("storyStep", [0, 1, True, True, {"step": 0}, meta], ["story-next.n_clicks"]))["results"]
    assert first["step"] == 2  # step 1 (no key moment) is skipped
    second, = _run(("storyStep", [0, 2, True, True, first, meta], ["story-next.n_clicks"]))["results"]
    assert second["step"] == 5
    back, = _run(("storyStep", [1, 2, True, True, {"step": 7}, meta], ["story-prev.n_clicks"]))["results"]
    assert back["step"] == 5  # from a step between key moments, back to the one before it
    end, = _run(("storyStep", [0, 3, True, True, {"step": 9}, meta], ["story-next.n_clicks"]))["results"]
    assert end == "NO_UPDATE"  # no key moment after the last
    # switched off again: the click counts decide (from the step it stands on)
    plain, = _run(("storyStep", [1, 4, True, False, {"step": 5}, meta], ["story-next.n_clicks"]))["results"]
    assert plain["step"] == 6


@needs_node
def test_wall_classes_come_from_the_wall_choice_and_its_options() -> None:
    options = [{"label": "Beide", "value": "both"}, {"label": "Tijdlijn", "value": "timeline"}]
    out = _run(("wallFit", ["timeline", True, False, {}, {}, None, False, options]),
               ("wallFit", ["elsewhere", True, True, {}, {}, {"kind": "person", "id": "p1"}, True, options]),
               ("rootClass", [True]), ("rootClass", [None]),
               ("filtersToggle", [1]), ("filtersToggle", [2]), ("caseTitle", [["not", "text"]]))
    # a selection and the facilitator's notes switch give the details and notes their column
    assert out["results"] == ["workspace wall-timeline", "workspace wall-both wall-story wall-selected wall-notes",
                              "app-root projector", "app-root", [False, "true"], [True, "false"], ""]
    assert out["listeners"].count("resize") == 1 and "beforeunload" in out["listeners"]  # watched once
