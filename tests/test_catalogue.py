"""The string catalogues (layouts/texts, one per language): complete in both languages, and every key the
code asks for exists.

The source scan reads app/, layouts/ and models/ with :mod:`ast`. A key the code asks for is the first
argument of a call to ``text`` (or the page's wrappers ``T`` and ``field``): a literal, either branch of a
conditional, or a pattern — ``f"timeline_legend_from_{name}"`` and ``"timeline_legend_fuzzy" + suffix``
must match at least one key. A key counts as used when it appears as a string anywhere in that code (keys
also sit in tables such as ``QUESTIONS`` or ``SECTIONS``) or matches one of those patterns; any other key is
dead and fails the test.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from layouts.texts import CATALOGUES, DEFAULT_LANG, LANGS, fields_of, text
from layouts.texts.en import PARTS as EN_PARTS
from layouts.texts.nl import PARTS as NL_PARTS

KEYS = CATALOGUES[DEFAULT_LANG]

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("app", "layouts", "models")
LOOKUPS = {"text", "T", "field"}  # text(key, lang); page.T(key, lang) and page.field(key, control, width) wrap it


def _sources() -> Iterator[tuple[Path, ast.Module]]:
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "texts" not in path.relative_to(ROOT).parts:
                yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _key_patterns(node: ast.expr) -> Iterator[tuple[str, bool]]:
    """(literal key, False) or (regex of keys, True) for the key expression ``node``; nothing when unknowable."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value, False
    elif isinstance(node, ast.IfExp):
        yield from _key_patterns(node.body)
        yield from _key_patterns(node.orelse)
    elif isinstance(node, ast.JoinedStr):
        parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"\w+" for v in node.values]
        yield "".join(parts), True
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
        yield re.escape(str(node.left.value)) + r"\w*", True


def _scan() -> tuple[dict[str, list[str]], set[str], set[str]]:
    """(literal keys asked for → where, regexes of dynamic keys, every string constant in the code)."""
    literal: dict[str, list[str]] = {}
    patterns: set[str] = set()
    strings: set[str] = set()
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in LOOKUPS
                    and node.args):
                for key, is_pattern in _key_patterns(node.args[0]):
                    if is_pattern:
                        patterns.add(key)
                    else:
                        literal.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return literal, patterns, strings


def test_every_key_exists_in_every_language() -> None:
    assert set(CATALOGUES) == set(LANGS)
    for lang, catalogue in CATALOGUES.items():
        assert set(catalogue) == set(KEYS), lang
        assert all(isinstance(value, str) and value.strip() for value in catalogue.values()), lang


@pytest.mark.parametrize("parts", [NL_PARTS, EN_PARTS], ids=LANGS)
def test_every_key_is_defined_in_exactly_one_part(parts: dict[str, dict[str, str]]) -> None:
    where: dict[str, list[str]] = {}
    for part, texts in parts.items():
        for key in texts:
            where.setdefault(key, []).append(part)
    twice = {key: found for key, found in where.items() if len(found) > 1}
    assert not twice, f"keys defined in more than one part: {twice}"
    assert set(where) == set(KEYS)


def test_both_languages_have_the_same_parts_and_keys_per_part() -> None:
    assert list(NL_PARTS) == list(EN_PARTS)
    for part in NL_PARTS:
        assert set(NL_PARTS[part]) == set(EN_PARTS[part]), part
        assert NL_PARTS[part], f"part {part} is empty"


def test_each_part_module_holds_one_dict_named_after_it() -> None:
    for lang in LANGS:
        for path in sorted((ROOT / "layouts" / "texts" / lang).glob("*.py")):
            if path.name == "__init__.py":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            assigned = [node.target.id for node in tree.body
                        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)]
            assert assigned == [path.stem.upper()], f"{lang}/{path.name} defines {assigned}"
            assert path.stem in (NL_PARTS if lang == "nl" else EN_PARTS), f"{lang}/{path.name} is not combined"


def test_fields_match_between_languages() -> None:
    for key in KEYS:
        assert fields_of(CATALOGUES["nl"][key]) == fields_of(CATALOGUES["en"][key]), key


def test_keys_are_explanatory_identifiers() -> None:
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", key) for key in KEYS)


def test_lookup_fills_fields_and_falls_back_to_dutch() -> None:
    assert text("printed_on", "en", date="1 May 2024") == "printed on 1 May 2024"
    assert text("timeline", "fr") == KEYS["timeline"] == "Tijdlijn"
    assert text("timeline") == "Tijdlijn"
    with pytest.raises(KeyError):
        text("no_such_key", "nl")


def test_every_key_the_code_asks_for_exists() -> None:
    literal, patterns, _ = _scan()
    assert literal, "the scan found no lookups: has text() been renamed?"
    missing = {key: where for key, where in literal.items() if key not in KEYS}
    assert not missing, f"keys missing from layouts/texts: {missing}"
    unmatched = {p for p in patterns if not any(re.fullmatch(p, key) for key in KEYS)}
    assert not unmatched, f"dynamic keys that match no catalogue key: {unmatched}"


def test_no_dead_keys() -> None:
    _, patterns, strings = _scan()
    dead = sorted(key for key in KEYS
                  if key not in strings and not any(re.fullmatch(p, key) for p in patterns))
    assert not dead, f"catalogue keys nothing uses: {dead}"


def test_no_other_string_tables() -> None:
    """No module keeps its own {"nl": …, "en": …} table of words, except the vocabulary's enum labels and date
    formatting (see the docstring of layouts/texts)."""
    allowed = {"vocabulary.py", "partial_date.py"}
    offenders = []
    for path, tree in _sources():
        if path.name in allowed:
            continue
        for node in ast.walk(tree):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)} if isinstance(node, ast.Dict) else set()
            if keys >= {"nl", "en"} and all(isinstance(v, ast.Constant) and isinstance(v.value, str)
                                            for v in node.values):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, f"interface strings outside layouts/texts: {offenders}"
