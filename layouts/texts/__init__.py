"""Interface text: one catalogue per language (:mod:`.nl`, :mod:`.en`) and one lookup, :func:`text`.

Each language is a package with one module per part of the interface (``shared``, ``page``, ``panels``,
``timeline``, ``network``, ``editing``, ``group``, ``workshop``, ``saving``, ``report``), each holding one dict;
the package combines them. A key lives in exactly one part, under the same part in both languages.

Every fixed word the app, the figures, the posters and the report show comes from here. It sits in
``layouts`` because that is the lowest layer that shows text (``app`` imports it; ``models`` never does). Keys
say what the text is for; one text used in several places (``timeline``, ``date``, ``do_not_share``…) is one
key, and ``tests/test_catalogue.py`` checks that every key exists in both languages with the same fields.

Not here, on purpose:

- Case content (titles, labels, notes) is never translated: it is shown as written.
- Labels of the case format's closed word lists (event types, organisation types, certainty…) stay in
  :data:`models.vocabulary.LABELS` beside the enums they name, so a new enum value and its labels are added
  together.
- Loader and validation messages stay with validation, in :mod:`models.messages`: the CLI prints them
  without the app.
- Pattern findings carry their own Dutch and English words, composed from the case's numbers by the rule
  that found them (:mod:`models.patterns`).
- Month names and date formatting are in :mod:`models.partial_date`.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from layouts.texts.en import EN
from layouts.texts.nl import NL

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

CATALOGUES: Mapping[str, Mapping[str, str]] = {"nl": NL, "en": EN}
"""Per language, key → text."""


def text(key: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """The interface string ``key`` in ``lang`` (Dutch when ``lang`` is unknown), ``{fields}`` filled in.

    An unknown key raises ``KeyError``: ``tests/test_catalogue.py`` checks every literal key in the code.

    >>> text("timeline", "en")
    'Timeline'
    >>> text("printed_on", "nl", date="5 december 2026")
    'afgedrukt op 5 december 2026'
    """
    catalogue = CATALOGUES.get(lang, CATALOGUES[DEFAULT_LANG])
    value = catalogue.get(key)
    if value is None:
        value = CATALOGUES[DEFAULT_LANG][key]
    return value.format(**fields) if fields else value


def has_text(key: str) -> bool:
    """Whether ``key`` is in the catalogue."""
    return key in CATALOGUES[DEFAULT_LANG]


def texts_of(key: str) -> set[str]:
    """The text of ``key`` in every language (to recognise a default the user left unchanged)."""
    return {CATALOGUES[lang][key] for lang in LANGS}


def fields_of(value: str) -> set[str]:
    """The names of the ``{fields}`` in a catalogue text.

    >>> sorted(fields_of("{n} van {total}"))
    ['n', 'total']
    """
    return {name for _, name, _, _ in string.Formatter().parse(value) if name}
