"""What must not be in a pseudonymised case file: BSNs, e-mail addresses, phone numbers, IBANs, addresses,
full dates of birth of family and network members, and person labels that look like full names.

Each finding is a :class:`~models.problems.Problem` with the JSON path of the value and a plain message in
Dutch and English; numbers are shown masked (``12•••••82``), never whole.

>>> [p.code for p in privacy_findings({"persons": [{"label": "Jan de Vries", "kind": "family"}]})]
['full_name']
>>> privacy_findings({"persons": [{"label": "Opa Z.", "kind": "family"}]})
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from models.problems import Problem, json_path


@dataclass(frozen=True)
class Span:
    """One finding inside a text: what kind, where, and the text found."""

    code: str
    start: int
    end: int
    text: str


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().-]{7,17}\d(?!\w)")
_BSN = re.compile(r"(?<![\w.-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[. ]\d{3}[. ]\d{3}|\d{3}[. ]\d{2}[. ]\d{2}[. ]\d{2})"
                  r"(?![\w-]|\.\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
_POSTCODE_NUMBER = re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b[ ,]*\d{1,5}[a-zA-Z]?\b")
_STREET_NUMBER = re.compile(
    r"\b[A-Z][\w'-]*(?:straat|weg|laan|plein|gracht|kade|dijk|singel|hof|pad|steeg|dreef|park|markt|plantsoen)"
    r" +\d{1,5}(?: ?[a-zA-Z]\b|-\d+)?\b")

MESSAGES: dict[str, tuple[str, str]] = {
    "bsn": ("lijkt een burgerservicenummer (BSN): {shown}", "looks like a citizen service number (BSN): {shown}"),
    "email": ("e-mailadres: {shown}", "e-mail address: {shown}"),
    "phone": ("telefoonnummer: {shown}", "phone number: {shown}"),
    "iban": ("bankrekeningnummer (IBAN): {shown}", "bank account number (IBAN): {shown}"),
    "address": ("adres (postcode of straat met huisnummer): {shown}",
                "address (postcode or street with house number): {shown}"),
}


def bsn_valid(digits: str) -> bool:
    """The eleven test of a 9-digit BSN (``123456782`` passes).

    >>> bsn_valid("123456782"), bsn_valid("123456789")
    (True, False)
    """
    if len(digits) != 9 or not digits.isdigit() or digits == "0" * 9:
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def iban_valid(text: str) -> bool:
    """The ISO 13616 mod-97 check (``NL91ABNA0417164300`` passes)."""
    compact = text.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


def _phone(text: str) -> bool:
    """A Dutch phone number (10 digits from 0; +31/0031 and 9 digits) or an international one (+, 10–13)."""
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or text.startswith("00"):
        digits = digits[2:] if text.startswith("00") else digits
        return 10 <= len(digits) <= 13 and (not digits.startswith("31") or len(digits) == 11)
    return len(digits) == 10 and digits.startswith("0") and not re.search(r"\d{4}\s*-\s*\d{4}", text)


def text_findings(text: str) -> list[Span]:
    """Every sensitive number, address or e-mail in ``text``; phone numbers before BSNs, so a phone number
    whose digits pass the eleven test is reported once, as a phone number."""
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []

    def add(code: str, match: re.Match[str]) -> None:
        if any(start < match.end() and match.start() < end for start, end in taken):
            return
        spans.append(Span(code, match.start(), match.end(), match.group()))
        taken.append((match.start(), match.end()))

    for match in _EMAIL.finditer(text):
        add("email", match)
    for match in _IBAN.finditer(text):
        if iban_valid(match.group()):
            add("iban", match)
        else:  # shaped like an IBAN but failing mod-97: not a finding, and its digits are no phone number
            taken.append((match.start(), match.end()))
    for pattern in (_POSTCODE_NUMBER, _STREET_NUMBER):
        for match in pattern.finditer(text):
            add("address", match)
    for match in _PHONE.finditer(text):
        if _phone(match.group().strip()):
            add("phone", match)
    for match in _BSN.finditer(text):
        if bsn_valid(re.sub(r"\D", "", match.group())):
            add("bsn", match)
    return sorted(spans, key=lambda span: span.start)


def masked(span: Span) -> str:
    """What a message may show of a finding: names and addresses as they are, numbers masked."""
    if span.code in ("bsn", "phone", "iban"):
        visible = span.text.strip()
        return visible[:2] + "•" * max(3, len(visible) - 4) + visible[-2:]
    if span.code == "email":
        local, _, domain = span.text.partition("@")
        return f"{local[:1]}•••@{domain}"
    return span.text


# --- names --------------------------------------------------------------------------------------------

_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in", "op", "la", "le", "du",
                        "da", "di", "von", "d'", "bin", "ben", "el", "al", "y"})
_ROLE_ENDINGS = (
    "moeder", "vader", "ouder", "ouders", "opa", "oma", "tante", "oom", "broer", "broertje", "zus", "zusje",
    "kind", "dochter", "zoon", "nicht", "nichtje", "neef", "neefje", "vriend", "vriendin", "buurman", "buurvrouw",
    "partner", "baby", "meisje", "jongen", "juf", "meester", "arts", "loog", "kundige", "leider", "werker",
    "begeleider", "behandelaar", "onderzoeker", "coach", "agent", "rechter", "voogd", "mentor", "trainer", "docent",
    "consulent", "therapeut", "chiater", "ambtenaar", "beschermer", "reclasseerder", "advocaat", "kracht",
    "directeur", "manager", "regisseur", "wetenschapper", "assistent", "adviseur", "functionaris", "coördinator",
    "coordinator", "medewerkster", "verpleegkundige", "kennis", "collega", "stiefmoeder", "stiefvader", "pleeg",
    "grootmoeder", "grootvader", "overgrootmoeder", "overgrootvader", "gezin", "familie", "mother", "father",
    "sister", "brother", "child", "grandma", "grandpa", "aunt", "uncle", "friend", "neighbour", "teacher", "doctor",
)
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ'’]+)*$")


def looks_like_full_name(label: str) -> bool:
    """Whether a person label reads as a first name and a surname ("Jan de Vries"), not a role or a
    pseudonym ("Opa Z.", "Moeder", "Huisarts West", "Kind (2009)").

    >>> [looks_like_full_name(x) for x in ("Jan de Vries", "Fatima El Amrani", "Opa Z.", "Mentor De Sprong")]
    [True, True, False, False]
    """
    words = re.sub(r"\([^)]*\)", " ", label).split()
    if len(words) < 2 or any(word.endswith(".") or len(word) == 1 for word in words):
        return False
    if words[0].casefold().endswith(_ROLE_ENDINGS):
        return False
    capitals = 0
    for word in words:
        if word.casefold() in _PARTICLES and word != words[0]:
            continue
        if not _NAME_WORD.match(word) or word.casefold().endswith(_ROLE_ENDINGS):
            return False
        capitals += 1
    return capitals >= 2


# --- the whole file -----------------------------------------------------------------------------------

def _strings(data: Any, location: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield location, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*location, key))
    elif isinstance(data, list):
        for position, value in enumerate(data):
            yield from _strings(value, (*location, position))


def privacy_findings(data: Any) -> list[Problem]:
    """Everything in a case (a :class:`~models.Case` or its JSON data) that a pseudonymised file must not hold."""
    if hasattr(data, "model_dump"):
        data = data.model_dump(mode="json", exclude_none=True)
    findings: list[Problem] = []
    for location, text in _strings(data):
        for span in text_findings(text):
            nl, en = MESSAGES[span.code]
            shown = masked(span)
            findings.append(Problem(json_path(location), span.code, nl.format(shown=shown), en.format(shown=shown)))
    persons = data.get("persons") if isinstance(data, dict) else None
    for position, person in enumerate(persons if isinstance(persons, list) else []):
        if isinstance(person, dict):
            findings.extend(_person_findings(person, position))
    return findings


def _person_findings(person: dict, position: int) -> list[Problem]:
    found = []
    label = person.get("label")
    if isinstance(label, str) and looks_like_full_name(label):
        found.append(Problem(json_path(("persons", position, "label")), "full_name",
                             f"'{label}' lijkt een echte voor- en achternaam; gebruik een rol of pseudoniem "
                             "(bijv. 'Opa Z.')",
                             f"'{label}' looks like a real first and last name; use a role or pseudonym "
                             "(e.g. 'Opa Z.')"))
    birth = person.get("birth")
    if person.get("kind") in ("family", "network") and isinstance(birth, str) and \
            re.fullmatch(r"~?\d{4}-\d{2}-\d{2}", birth):
        found.append(Problem(json_path(("persons", position, "birth")), "birth_date",
                             "volledige geboortedatum; de methode heeft alleen jaar of maand nodig",
                             "full date of birth; the method needs only the year or month"))
    return found
