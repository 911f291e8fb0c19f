"""The code's parts import one way: ``app`` → ``layouts`` → ``models``; no callback module imports another.

Every module is imported (so a broken import shows here first) and its imports are read with :mod:`ast`.
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
