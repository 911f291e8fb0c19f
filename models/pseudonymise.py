"""Replace what the privacy guard finds, where it can: names → roles, dates of birth → month, numbers,
e-mail addresses and addresses in text → a placeholder. Every replacement is listed, for a mapping file
kept apart from the case (it re-identifies the case, so it must never travel with it).
"""

from __future__ import annotations

import copy
import re
from dataclasses import asdict, dataclass
from typing import Any

from models.privacy_guard import looks_like_full_name, text_findings
from models.problems import json_path

PLACEHOLDERS = {"bsn": "[BSN]", "email": "[e-mail]", "phone": "[telefoon]", "iban": "[IBAN]", "address": "[adres]"}
TEXT_KEYS = frozenset({"title", "description", "note", "label", "role", "location", "rationale", "text", "question",
                       "name", "author"})
"""Free-text fields: only these are rewritten (ids and references keep their form)."""

_KIND_WORDS = {"family": "Familielid", "network": "Netwerklid", "professional": "Professional"}


@dataclass(frozen=True)
class Replacement:
    path: str
    kind: str  # full_name | birth_date | bsn | email | phone | iban | address | name_in_text
    original: str
    replacement: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def pseudonymise(data: dict[str, Any]) -> tuple[dict[str, Any], list[Replacement]]:
    """A copy of the case data with what can be replaced replaced, and the list of replacements."""
    data = copy.deepcopy(data)
    done: list[Replacement] = []
    names = _rename_persons(data, done)
    _month_births(data, done)
    _rewrite_texts(data, (), names, done)
    return data, done


def _rename_persons(data: dict, done: list[Replacement]) -> list[tuple[str, str]]:
    """Full-name labels become roles; returns (name, new label) pairs to replace in text, longest first."""
    persons = [p for p in data.get("persons", []) if isinstance(p, dict)]
    used = {p.get("label") for p in persons}
    pairs: list[tuple[str, str]] = []
    for position, person in enumerate(persons):
        label = person.get("label")
        if not isinstance(label, str) or not looks_like_full_name(label):
            continue
        new = _role_label(person, used)
        used.add(new)
        person["label"] = new
        done.append(Replacement(json_path(("persons", position, "label")), "full_name", label, new))
        words = label.split()
        pairs += [(label, new), (words[0], new), (" ".join(words[1:]), new)]
    return sorted(set(pairs), key=lambda pair: -len(pair[0]))


def _role_label(person: dict, used: set) -> str:
    role = person.get("role")
    base = role.strip().capitalize() if isinstance(role, str) and 0 < len(role.strip()) <= 30 else \
        _KIND_WORDS.get(str(person.get("kind")), "Persoon")
    if base not in used:
        return base
    number = 2
    while f"{base} {number}" in used:
        number += 1
    return f"{base} {number}"


def _month_births(data: dict, done: list[Replacement]) -> None:
    for position, person in enumerate(data.get("persons", [])):
        birth = person.get("birth") if isinstance(person, dict) else None
        if person.get("kind") in ("family", "network") and isinstance(birth, str) and \
                re.fullmatch(r"~?\d{4}-\d{2}-\d{2}", birth):
            person["birth"] = birth[:-3]
            done.append(Replacement(json_path(("persons", position, "birth")), "birth_date", birth, birth[:-3]))


def _rewrite_texts(data: Any, location: tuple, names: list[tuple[str, str]], done: list[Replacement]) -> None:
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in list(items):
        here = (*location, key)
        if isinstance(value, dict | list):
            _rewrite_texts(value, here, names, done)
        elif isinstance(value, str) and _text_key(here):
            new = _rewrite(value, names)
            if new != value:
                data[key] = new
                done.append(Replacement(json_path(here), "text", value, new))


def _text_key(location: tuple) -> bool:
    named = [part for part in location if isinstance(part, str)]
    return bool(named) and named[-1] in TEXT_KEYS and named[0] != "layout"


def _rewrite(text: str, names: list[tuple[str, str]]) -> str:
    for span in reversed(text_findings(text)):
        text = text[:span.start] + PLACEHOLDERS[span.code] + text[span.end:]
    for name, new in names:
        if len(name) >= 3:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", new, text)
    return text
