"""Reading JSON a case file may contain, and nothing else: duplicate keys, hidden characters, absurd sizes.

:func:`load_json` decodes JSON text and then checks the whole tree against :mod:`models.limits`, so every
problem comes back with its JSON path and a plain message in Dutch and English (no Python internals).
"""

from __future__ import annotations

import json
import re
from typing import Any

from models.limits import MAX_DEPTH, MAX_ITEMS, MAX_NUMBER_DIGITS, MAX_STRING_CHARS
from models.problems import CaseError, Problem, json_path

HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
"""Control characters and the bidirectional overrides that can make text read differently than it is stored
(tab, line feed and carriage return are allowed)."""

_JSON_REASONS_NL = {
    "Expecting value": "hier wordt een waarde verwacht",
    "Expecting property name": "hier wordt een veldnaam tussen dubbele aanhalingstekens verwacht",
    "Expecting ',' delimiter": "hier ontbreekt een komma",
    "Expecting ':' delimiter": "hier ontbreekt een dubbele punt",
    "Unterminated string": "een tekst tussen aanhalingstekens wordt niet afgesloten",
    "Extra data": "na het einde van het object staat nog meer tekst",
    "Invalid control character": "ongeldig teken in een tekst (bijvoorbeeld een tab of regeleinde)",
    "Invalid \\escape": "ongeldige backslash-code in een tekst",
}


class _Pairs(dict):
    """A JSON object that remembers which keys it had more than once."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = _Pairs(obj)
    seen: set[str] = set()
    marked.duplicates = tuple(dict.fromkeys(key for key, _ in pairs if key in seen or seen.add(key)))
    return marked


class _Refused(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.en)
        self.problem = problem


def _number(kind: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_DIGITS:
            raise _Refused(Problem("$", "number_too_long",
                                   f"een getal is te lang ({len(text)} cijfers; maximaal {MAX_NUMBER_DIGITS})",
                                   f"a number is too long ({len(text)} digits; at most {MAX_NUMBER_DIGITS})"))
        return kind(text)
    return parse


def _constant(name: str) -> Any:
    raise _Refused(Problem("$", "invalid_json", f"geen geldige JSON: {name} is geen getal in JSON",
                           f"not valid JSON: {name} is not a number in JSON"))


def load_json(text: str) -> Any:
    """Decode ``text`` as JSON and check it; raise :class:`CaseError` listing every problem."""
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_int=_number(int), parse_float=_number(float),
                          parse_constant=_constant)
    except json.JSONDecodeError as exc:
        reason_nl = next((nl for en, nl in _JSON_REASONS_NL.items() if exc.msg.startswith(en)), "syntaxfout")
        raise CaseError([Problem("$", "invalid_json",
                                 f"geen geldige JSON: regel {exc.lineno}, kolom {exc.colno} ({reason_nl})",
                                 f"not valid JSON: line {exc.lineno}, column {exc.colno} ({exc.msg})")]) from None
    except _Refused as exc:
        raise CaseError([exc.problem]) from None
    except RecursionError:
        raise CaseError([_too_deep()]) from None
    problems = list(check_tree(data))
    if problems:
        raise CaseError(problems)
    return data


def _too_deep() -> Problem:
    return Problem("$", "too_deep", f"het bestand is te diep genest (meer dan {MAX_DEPTH} niveaus)",
                   f"the file is nested too deeply (more than {MAX_DEPTH} levels)")


def check_tree(data: Any) -> list[Problem]:
    """Problems in decoded JSON: duplicate keys, hidden characters, too long texts or lists, too deep."""
    return [] if _surely_clean(data) else full_check(data)


def full_check(data: Any) -> list[Problem]:
    """:func:`check_tree` by a walk that keeps every value's path."""
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_DEPTH:
            return [_too_deep()]
        if isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                problems.append(Problem(json_path((*where, key)), "duplicate_key",
                                        f'de sleutel "{key}" staat twee keer in hetzelfde object',
                                        f'the key "{key}" appears twice in the same object'))
            for key, item in value.items():
                problems.extend(_string_problems(key, (*where, key), is_key=True))
                stack.append((item, (*where, key)))
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                count = f"{len(value):,}; maximaal {MAX_ITEMS:,}".replace(",", ".")
                problems.append(Problem(json_path(where), "too_many_items", f"te veel onderdelen ({count})",
                                        f"too many items ({len(value):,}; at most {MAX_ITEMS:,})"))
                continue
            stack.extend((item, (*where, index)) for index, item in enumerate(value))
        elif isinstance(value, str):
            problems.extend(_string_problems(value, where))
    return sorted(problems, key=lambda problem: problem.path)


def _surely_clean(data: Any) -> bool:
    """Whether the tree has none of :func:`check_tree`'s problems, by a quick walk that writes no paths and
    reads all texts at once (False on any doubt: the full walk then finds and places every problem)."""
    if not isinstance(data, (dict, list)):
        return False
    strings: list[str] = []
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if (depth >= MAX_DEPTH and len(children)) or getattr(value, "duplicates", ()) or (
                isinstance(value, list) and len(value) > MAX_ITEMS):
            return False
        if isinstance(value, dict):
            strings.extend(value)
        for item in children:
            if isinstance(item, str):
                strings.append(item)
            elif isinstance(item, (dict, list)):
                stack.append((item, depth + 1))
    return max(map(len, strings), default=0) <= MAX_STRING_CHARS and HIDDEN.search(" ".join(strings)) is None


def _string_problems(value: str, where: tuple[Any, ...], is_key: bool = False) -> list[Problem]:
    """The string's problems (its path is written only for a string that has one: most have none)."""
    if len(value) > MAX_STRING_CHARS:
        return [Problem(json_path(where), "text_too_long",
                        f"tekst is te lang ({len(value):,} tekens; maximaal {MAX_STRING_CHARS:,})".replace(",", "."),
                        f"text is too long ({len(value):,} characters; at most {MAX_STRING_CHARS:,})")]
    found = HIDDEN.search(value)
    if found is None:
        return []
    code = f"U+{ord(found.group()):04X}"
    where_nl = "in een veldnaam" if is_key else "in deze tekst"
    where_en = "in a field name" if is_key else "in this text"
    return [Problem(json_path(where), "hidden_character",
                    f"onzichtbaar stuurteken {code} {where_nl} (op positie {found.start() + 1}); haal het weg: "
                    "het kan tekst anders laten lezen dan er staat",
                    f"invisible control character {code} {where_en} (at position {found.start() + 1}); remove "
                    "it: it can make text read differently than it is stored")]
