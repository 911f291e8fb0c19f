"""Case text as captions of the geno-sociogram: escaped (inert), wrapped or fitted to a width, years and periods."""

from __future__ import annotations

import datetime as dt

from layouts.genogram.legend import CHAR_EM
from layouts.inert import drawn_text
from layouts.texts import text
from models.case import Person
from models.partial_date import PartialDate


def esc(text: object) -> str:
    """Case text as inert text for Plotly's HTML subset, shown as typed (:func:`layouts.inert.drawn_text`)."""
    return drawn_text(text)


def wrap(text: str, width: int = 14, lines: int = 2) -> str:
    """Escaped text wrapped to at most ``lines`` lines of about ``width`` characters, joined with <br>."""
    words = str(text).split()
    out: list[str] = []
    current = ""
    for w in words:
        if not current:
            current = w
        elif len(current) + 1 + len(w) <= width:
            current += " " + w
        else:
            out.append(current)
            current = w
    if current:
        out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1:])]
    out = [line if len(line) <= width + 3 else line[: width + 1] + "…" for line in out]
    return "<br>".join(esc(line) for line in out)


def fit(text: str, chars: int, lines: int = 2) -> str:
    """Escaped text in at most ``lines`` lines of at most ``chars`` characters (cut with "…"), joined with <br>."""
    chars = max(chars, 3)
    words = str(text).split()
    out: list[str] = []
    current = ""
    for w in words:
        if current and len(current) + 1 + len(w) <= chars:
            current += " " + w
        elif current:
            out.append(current)
            current = w
        else:
            current = w
    if current:
        out.append(current)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1:])]
    out = [line if len(line) <= chars else line[: chars - 1].rstrip() + "…" for line in out]
    return "<br>".join(esc(line) for line in out)


def chars_in(width_units: float, font_px: float, px_per_unit: float, bold: bool = False) -> int:
    """How many characters of a ``font_px`` label fit in ``width_units``."""
    return int(width_units * px_per_unit / (font_px * CHAR_EM * (1.1 if bold else 1.0)))


def age_on(birth: PartialDate, day: dt.date) -> int:
    born = birth.earliest()
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def years_text(person: Person, deceased: bool) -> str:
    """``1976``, ``~1946–2018``, ``† 2018`` or ``†``."""
    born = f"{'~' if person.birth.approximate else ''}{person.birth.year}" if person.birth else ""
    if deceased:
        died = f"{'~' if person.death.approximate else ''}{person.death.year}" if person.death else ""
        if born and died:
            return f"{born}–{died}"
        return f"† {died}".strip()
    return born


def years_fitted(years: str, chars: int) -> str:
    """``years`` in at most ``chars`` characters: ``1923–1993``, else ``1923–93``, else the birth year."""
    if len(years) <= chars or "–" not in years:
        return years
    born, died = years.split("–", 1)
    short = f"{born}–{died[-2:]}"
    return short if len(short) <= chars else born


def period_text(start: PartialDate | None, end: PartialDate | None, lang: str) -> str:
    if start and end:
        return f"{start.format(lang)} – {end.format(lang)}"
    if start:
        return f"{text('geno_since', lang)} {start.format(lang)}"
    if end:
        return f"{text('until', lang)} {end.format(lang)}"
    return ""
