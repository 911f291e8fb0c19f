"""The code's parts import one way: ``app`` → ``layouts`` → ``models``; no callback module imports another;
and the parts stay small: no module over ``MAX_MODULE_LINES`` lines, no function over ``MAX_FUNCTION_LINES``.

Every module is imported (so a broken import shows here first) and its imports are read with :mod:`ast`.
The size limits are ratchets: what is longer today is listed with its length, which may only go down — a new
long module or function fails, and one that got shorter must have its number here lowered (or its entry
removed once it is within the limit).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("models", "layouts", "app")
ALLOWED = {"models": {"models"}, "layouts": {"layouts", "models"}, "app": {"app", "layouts", "models"}}


def _modules() -> list[tuple[str, Path]]:
    out = []
    for part in PARTS:
        for path in sorted((ROOT / part).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out.append((name, path))
    return out


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize(("name", "path"), _modules(), ids=lambda value: str(value))
def test_module_imports_and_respects_the_layers(name: str, path: Path) -> None:
    importlib.import_module(name)
    part = name.split(".")[0]
    wrong = sorted(n for n in _imported(path) if n.split(".")[0] in PARTS and n.split(".")[0] not in ALLOWED[part])
    assert not wrong, f"{name} imports {wrong}: {part} may import only {sorted(ALLOWED[part])}"


def test_no_callback_module_imports_another() -> None:
    folder = ROOT / "app" / "callbacks"
    for path in folder.glob("*.py"):
        if path.name == "__init__.py":
            continue
        others = sorted(n for n in _imported(path) if n.startswith("app.callbacks"))
        assert not others, f"{path.name} imports {others}"


MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

LONG_MODULES: dict[str, int] = {  # being split; lower the number as they shrink, remove the entry at 400 or below
}

LONG_FUNCTIONS = {  # qualified name → lines (def to last line, nested functions included); may only shrink
    "app.callbacks.edit.register": 178,
    "app.callbacks.save.register": 160,
    "app.callbacks.view.register": 133,
    "app.callbacks.group.register": 115,
    "app.callbacks.workshop.register": 89,
    "models.patterns.parallel.find_mirrored_conflicts": 80,
    "layouts.timeline.figure_layout.layout_dict": 66,
    "models.network.generations": 79,
    "app.cli.build_parser": 77,
    "models.patterns.parallel.find_mirrored_passing_on": 75,
    "app.participant._register_forms": 70,
    "layouts.genogram.ring.ring_layout": 63,
    "models.patterns.people.find_absent_persons": 66,
    "models.patterns.people.find_case_manager_changes": 65,
    "app.report.report_html": 62,
    "layouts.timeline.figure.timeline_figure": 62,
}


def _line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def _function_lengths() -> dict[str, int]:
    """Qualified name (module.Class.function, nested functions under their parent) → lines, for every function
    in app/, layouts/ and models/."""
    lengths: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}.{child.name}"
                if not isinstance(child, ast.ClassDef):
                    lengths[name] = (child.end_lineno or child.lineno) - child.lineno + 1
                visit(child, name)
            else:
                visit(child, prefix)

    for name, path in _modules():
        module = name + ".__init__" if path.name == "__init__.py" else name
        visit(ast.parse(path.read_text(encoding="utf-8")), module)
    return lengths


def test_no_module_is_longer_than_the_limit() -> None:
    counts = {str(path.relative_to(ROOT)): _line_count(path) for _, path in _modules()}
    too_long = {path: n for path, n in counts.items()
                if n > LONG_MODULES.get(path, MAX_MODULE_LINES)}
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines (or longer than listed): {too_long}; split them"
    shrunk = {path: counts.get(path) for path, listed in LONG_MODULES.items() if counts.get(path) != listed}
    assert not shrunk, f"listed long modules that changed length (or are gone): {shrunk}; lower LONG_MODULES"


def test_no_function_is_longer_than_the_limit() -> None:
    lengths = _function_lengths()
    assert lengths, "the scan found no functions"
    too_long = {name: n for name, n in lengths.items() if n > LONG_FUNCTIONS.get(name, MAX_FUNCTION_LINES)}
    assert not too_long, (f"functions over {MAX_FUNCTION_LINES} lines (or longer than listed): {too_long}; "
                          "split them where that makes them clearer")
    shrunk = {name: lengths.get(name) for name, listed in LONG_FUNCTIONS.items() if lengths.get(name) != listed}
    assert not shrunk, f"listed long functions that got shorter (or are gone): {shrunk}; lower LONG_FUNCTIONS"
