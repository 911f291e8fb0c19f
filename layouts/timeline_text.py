"""Words on the timeline: the fixed texts in Dutch and English, inert case strings, hover texts."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable
from functools import lru_cache

from layouts.timeline_style import INVOLVEMENT_GLYPH
from models.case import Case, Event
from models.vocabulary import label

WORDS: dict[str, dict[str, str]] = {
    "formal": {"nl": "▲ Formeel", "en": "▲ Formal"},
    "lived": {"nl": "▼ Beleving", "en": "▼ Lived experience"},
    "family_lane": {"nl": "Gezin", "en": "Family"},
    "other_lane": {"nl": "Overig", "en": "Other"},
    "no_information": {"nl": "geen informatie", "en": "no information"},
    "age": {"nl": "{age} jr", "en": "{age} yrs"},
    "age_one": {"nl": "{age} jr", "en": "{age} yr"},
    "as_of": {"nl": "peildatum {date}", "en": "as of {date}"},
    "persons": {"nl": "Betrokkenen", "en": "Persons"},
    "voice": {"nl": "Stem van", "en": "Voice of"},
    "source": {"nl": "Bron", "en": "Source"},
    "certainty": {"nl": "Zekerheid", "en": "Certainty"},
    "decided_by": {"nl": "Besloten door", "en": "Decided by"},
    "family_involved": {"nl": "Gezin betrokken", "en": "Family involved"},
    "rationale": {"nl": "Waarom", "en": "Why"},
    "placement": {"nl": "Plaatsing", "en": "Placement"},
    "crisis": {"nl": "crisis", "en": "crisis"},
    # legend
    "legend_types": {"nl": "Soort gebeurtenis", "en": "Kind of event"},
    "legend_from": {"nl": "Informatie van", "en": "Information from"},
    "legend_decision": {"nl": "Besluit: gezin betrokken?", "en": "Decision: family involved?"},
    "legend_dates": {"nl": "Datum en zekerheid", "en": "Dates and certainty"},
    "from_professional": {"nl": "professionals", "en": "professionals"},
    "from_family": {"nl": "gezin", "en": "family"},
    "from_network": {"nl": "netwerk", "en": "informal network"},
    "involved_yes": {"nl": "✓ ja", "en": "✓ yes"},
    "involved_no": {"nl": "✗ nee", "en": "✗ no"},
    "involved_unknown": {"nl": "? onbekend", "en": "? unknown"},
    "approximate": {"nl": "open: datum bij benadering", "en": "open: approximate date"},
    "approximate_short": {"nl": "open: ca.", "en": "open: approx."},
    "fuzzy": {"nl": "streep: onzekere datum", "en": "whisker: uncertain date"},
    "fuzzy_short": {"nl": "streep: onzeker", "en": "whisker: uncertain"},
    "suspected": {"nl": "?  vermoed", "en": "?  suspected"},
    "disputed": {"nl": "≠  betwist", "en": "≠  disputed"},
    "period": {"nl": "balk: periode", "en": "bar: period"},
    "gap": {"nl": "geen informatie", "en": "no information"},
    "guide": {"nl": "stippellijn: in het gezin", "en": "dotted line: in the family"},
}

HOVER_WIDTH = 64        # characters per hover line
HOVER_MAX_CHARS = 420   # descriptions and rationales are cut here in the hover (the side panel has them all)


def word(key: str, lang: str) -> str:
    entry = WORDS[key]
    return entry.get(lang) or entry["nl"]


def esc(text: object) -> str:
    """A case string made inert for plotly's HTML-like labels: ``<``, ``>`` and ``&`` become entities."""
    return html.escape(str(text), quote=False)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (cut before escaping)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


@lru_cache(maxsize=16_384)
def wrap(text: str, width: int = HOVER_WIDTH, limit: int = HOVER_MAX_CHARS) -> str:
    """Shortened, wrapped and escaped text, lines joined with ``<br>``."""
    if len(text) <= width and "\n" not in text:
        return esc(text)
    return "<br>".join(esc(line) for line in textwrap.wrap(shorten(text, limit), width) or [""])


class HoverWriter:
    """Builds the hover text of events of one case in one language (lookups made once)."""

    def __init__(self, case: Case, lang: str) -> None:
        self.lang = lang
        self.persons = case.person_map()
        self.organisations = case.organisation_map()
        self.sources = {source.id: source for source in case.sources}
        self._memo: dict[tuple, str] = {}  # lines many events share: dates, kind and organisation, persons

    def _line(self, key: tuple, make: Callable[[], str]) -> str:
        line = self._memo.get(key)
        if line is None:
            line = self._memo[key] = make()
        return line

    def name(self, item_id: str) -> str:
        """A person's label or an organisation's name (raw, unescaped)."""
        if item_id in self.persons:
            return self.persons[item_id].label
        if item_id in self.organisations:
            return self.organisations[item_id].name
        return item_id

    def __call__(self, event: Event) -> str:
        lang = self.lang
        lines = [f"<b>{wrap(event.title)}</b>",
                 self._line(("when", event.date, event.end), lambda: self._when(event)),
                 self._line(("kind", event.type, event.organisation, event.to_organisation),
                            lambda: self._kind(event))]
        if event.placement is not None:
            setting = label(event.placement.setting.value, lang)
            extra = [event.placement.location or "", word("crisis", lang) if event.placement.crisis else ""]
            lines.append(esc(" · ".join([f"{word('placement', lang)}: {setting}", *filter(None, extra)])))
        if event.persons:
            lines.append(self._line(("persons", *event.persons), lambda: wrap(
                f"{word('persons', lang)}: " + ", ".join(self.name(p) for p in event.persons))))
        if event.perspective:
            voice = f"{word('voice', lang)}: {self.name(event.perspective)}"
            if event.statement_kind is not None:
                voice += f" · {label(event.statement_kind.value, lang)}"
            lines.append(esc(voice))
        elif event.statement_kind is not None:
            lines.append(esc(label(event.statement_kind.value, lang)))
        if event.source and event.source in self.sources:
            source = self.sources[event.source]
            lines.append(wrap(f"{word('source', lang)}: {source.title} ({label(source.kind.value, lang)})"))
        if event.certainty.value != "confirmed":
            lines.append(f"<b>{esc(word('certainty', lang))}: {esc(label(event.certainty.value, lang))}</b>")
        if event.decision is not None:
            decision = event.decision
            if decision.decided_by:
                lines.append(wrap(f"{word('decided_by', lang)}: "
                                  + ", ".join(self.name(item) for item in decision.decided_by)))
            involved = decision.family_involved.value
            lines.append(f"<b>{esc(word('family_involved', lang))}: {INVOLVEMENT_GLYPH[decision.family_involved]} "
                         f"{esc(label(involved, lang))}</b>")
            if decision.rationale:
                lines.append(wrap(f"{word('rationale', lang)}: {decision.rationale}"))
        if event.description:
            lines.append(f"<i>{wrap(event.description)}</i>")
        return "<br>".join(lines)

    def _when(self, event: Event) -> str:
        when = event.date.format(self.lang)
        if event.end is not None:
            when += f" – {event.end.format(self.lang)}"
        return esc(when)

    def _kind(self, event: Event) -> str:
        kind = label(event.type.value, self.lang)
        if event.organisation:
            kind += f" · {shorten(self.name(event.organisation), 60)}"
        if event.to_organisation:
            kind += f" → {shorten(self.name(event.to_organisation), 60)}"
        return esc(kind)


def lane_label(kind: str, ref: str, case_names: HoverWriter, lang: str, limit: int, lines: int = 1) -> list[str]:
    """The readable (raw, unescaped) label of a lane, in at most ``lines`` lines of ``limit`` characters."""
    if kind == "event_type":
        text = label(ref, lang)
        return [text[:1].upper() + text[1:]]
    if kind == "family":
        return [word("family_lane", lang)]
    if kind == "other":
        return [word("other_lane", lang)]
    name = " ".join(case_names.name(ref).split())
    short = short_name(name, limit)
    if lines == 1 or not short.endswith("…"):
        return [short]
    wrapped = textwrap.wrap(name, limit)
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], short_name(" ".join(wrapped[lines - 1:]), limit)]
    return wrapped


def short_name(name: str, limit: int) -> str:
    """A name that fits ``limit``: first without its qualifier ("Politie, basisteam Centrum" → "Politie"),
    then cut at a word."""
    name = " ".join(name.split())
    if len(name) <= limit:
        return name
    for separator in (", ", " (", " - ", " – "):
        head = name.split(separator)[0]
        if 2 < len(head) <= limit:
            return head
    cut = name[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,(-–") + "…"
