"""Shorter names for organisations, in the words a Dutch youth-care team uses, for places too small for the full name.

On the wall a folded organisation's box or a timeline lane may have room for six or eight letters. "Jeu…" tells the
room nothing; "JB Oost" is what the team says anyway. Each organisation gets a *ladder* of names, longest first:

1. its full name, as the file writes it;
2. the file's own short name (``Organisation.short_name``: the team's word wins over any rule here);
3. the name abbreviated: its qualifier in brackets or after a comma left out ("Rechtbank West, kinderrechter" →
   "Rechtbank West", a place kept: "Politie, basisteam West" → "Politie West"), and the long words of Dutch youth care
   in their usual short form ("Jeugdbescherming" → "JB", "Veilig Thuis" → "VT", "Huisartsenpraktijk" → "Huisarts");
4. its own name without the kind of organisation, where the name has one that starts with an article
   ("Crisisopvang Het Baken" → "Het Baken", "Gezinshuis De Linde" → "De Linde"; "Traumacentrum Jeugd" has none).

A drawing takes the first rung that fits. Rungs 3 and 4 are left out where two organisations of the case would get
the same one (two "Rivierland"s tell the room nothing), and where they are no shorter than the rung above.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from models.case import Case

ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("Raad voor de Kinderbescherming", "RvdK"),
    ("Samenwerkingsverband passend onderwijs", "SWV"),
    ("Kinder- en jeugdpsychiatrische kliniek", "Kliniek"),
    ("School voor speciaal onderwijs", "SO"),
    ("Voortgezet speciaal onderwijs", "VSO"),
    ("Justitiële jeugdinrichting", "JJI"),
    ("Externe onderzoekscommissie", "Onderzoekscie."),
    ("GGD jeugdgezondheidszorg", "GGD"),
    ("Openbaar Ministerie", "OM"),
    ("Veilig Thuis", "VT"),
    ("Jeugdbescherming", "JB"),
    ("Jeugdgezondheidszorg", "JGZ"),
    ("Huisartsenpraktijk", "Huisarts"),
    ("Verloskundigenpraktijk", "Verloskundige"),
    ("Schuldhulpverlening", "Schuldhulp"),
    ("Woningcorporatie", "Corporatie"),
    ("Kinderdagverblijf", "KDV"),
    ("Scholengemeenschap", "School"),
    ("Advocatenkantoor", "Advocaat"),
    ("Volwassenen-ggz", "Volw.-ggz"),
    ("Trajectbegeleiding", "Traject"),
    ("Observatiegroep", "Observatie"),
    ("Gemeente(?= \\w)", "Gem."),  # "Gem. West"; "Gemeente" alone stays whole
)
"""Long words and phrases of Dutch youth care (regular expressions, matched at word starts, any case) and their
usual short form."""

PLACES = frozenset({"noord", "oost", "zuid", "west", "centrum", "midden", "north", "east", "south"})
"""Words that tell two branches apart but name nobody on their own."""
ARTICLES = frozenset({"de", "het", "'t", "the"})
_PATTERNS = tuple((re.compile(rf"(?<![\w-]){long}(?![\w])", re.IGNORECASE), short)
                  for long, short in ABBREVIATIONS)


def without_qualifier(name: str) -> str:
    """``name`` without what is in brackets or after a comma, a place in that kept ("Politie West")."""
    name = " ".join(re.sub(r"\s*\([^)]*\)", "", name).split())
    if ", " in name:
        head, tail = name.split(", ", 1)
        last = tail.split()[-1] if tail.split() else ""
        name = f"{head} {last}" if last.lower() in PLACES and last.lower() not in head.lower() else head
    return name


def abbreviated(name: str) -> str:
    """``name`` with its qualifier left out (a place in it kept) and Dutch youth care's long words shortened."""
    name = without_qualifier(name)
    name = re.sub(r"\b[Rr]egio (?=\w)", "", name)
    for pattern, short in _PATTERNS:
        name = pattern.sub(short, name)
    return " ".join(name.split())


def own_name(name: str) -> str:
    """The organisation's own name after its kind, led by an article ("Crisisopvang Het Baken" → "Het Baken"), or ""
    when the name has none ("Jeugdbescherming Oost", "Traumacentrum Jeugd")."""
    words = re.sub(r"\s*\([^)]*\)", "", name).split(", ")[0].split()
    start = next((k for k in range(1, len(words) - 1) if words[k].lower() in ARTICLES), 0)
    if not start or words[-1].lower() in PLACES:
        return ""
    return " ".join(words[start:])


def name_ladders(organisations: Iterable[tuple[str, str, str | None]]) -> dict[str, tuple[str, ...]]:
    """Each organisation's names, longest first (``organisations``: (id, name, short name or None) each)."""
    items = list(organisations)
    derived: list[Callable[[str], str]] = [abbreviated, own_name]
    counts = [Counter(rule(name) for _, name, _ in items) for rule in derived]
    ladders: dict[str, tuple[str, ...]] = {}
    for oid, name, short in items:
        ladder = [" ".join(name.split())]
        if short and short.strip():
            ladder.append(" ".join(short.split()))
        for rule, count in zip(derived, counts, strict=True):
            rung = rule(name)
            if rung and count[rung] == 1 and len(rung) < len(ladder[-1]):
                ladder.append(rung)
        ladders[oid] = tuple(dict.fromkeys(ladder))
    return ladders


def case_name_ladders(case: Case) -> dict[str, tuple[str, ...]]:
    """:func:`name_ladders` of every organisation in ``case``."""
    return name_ladders((o.id, o.name, o.short_name) for o in case.organisations)


def first_fitting(ladder: tuple[str, ...], fits: Callable[[str], bool]) -> str:
    """The longest name of ``ladder`` that ``fits``; else its shortest that does not start with an article, to be cut
    where it is drawn ("JB…" says more than "De…")."""
    return next((name for name in ladder if fits(name)),
                next((name for name in reversed(ladder) if name.split()[0].lower() not in ARTICLES), ladder[0]))
