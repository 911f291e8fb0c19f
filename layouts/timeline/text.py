"""Words on the timeline: inert case strings, hover texts and lane labels (fixed words: layouts.texts)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache

from layouts.inert import drawn_text
from layouts.organisation_names import case_name_ladders, without_qualifier
from layouts.style import NOTE_GLYPH
from layouts.texts import text
from layouts.timeline.style import INVOLVEMENT_GLYPH
from models.case import Annotation, Case, Event
from models.vocabulary import SUGGESTED_ANNOTATION_TAGS, EventType, label

_TYPE_VALUES = frozenset(value.value for value in EventType)

HOVER_WIDTH = 64        # characters per hover line
HOVER_MAX_CHARS = 420   # descriptions and rationales are cut here in the hover (the side panel has them all)


def esc(text: object) -> str:
    """A case string made inert for plotly's HTML-like labels (:func:`layouts.inert.drawn_text`)."""
    return drawn_text(text)


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
        self._case = case
        self.sources = {source.id: source for source in case.sources}
        self._memo: dict[tuple, str] = {}  # lines many events share: dates, kind and organisation, persons

    def _line(self, key: tuple, make: Callable[[], str]) -> str:
        line = self._memo.get(key)
        if line is None:
            line = self._memo[key] = make()
        return line

    @cached_property
    def ladders(self) -> dict[str, tuple[str, ...]]:
        """Each organisation's names, longest first (worked out only where a lane label needs them, not for the
        hover text the figure's other writer makes)."""
        return case_name_ladders(self._case)

    def name(self, item_id: str) -> str:
        """A person's label or an organisation's name (raw, unescaped)."""
        if item_id in self.persons:
            return self.persons[item_id].label
        if item_id in self.organisations:
            return self.organisations[item_id].name
        return item_id

    def __call__(self, event: Event) -> str:
        """The whole hover text of ``event`` (what the browser shows from its trace's template and its fields)."""
        title, when, rest = self.parts(event)
        return f"<b>{title}</b><br>{when}<br>{esc(label(event.type.value, self.lang))}{rest}"

    def parts(self, event: Event) -> tuple[str, str, str]:
        """The fields of ``event``'s hover that differ per event, escaped: its title, its dates, and the rest
        (the organisations after the type, then one ``<br>`` and line per further detail). The type's word
        is the same for every point of a trace and is written once, in the trace's hover template
        (:func:`layouts.timeline.hover.mark_template`)."""
        lang = self.lang
        lines = [self._line(("kind", event.organisation, event.to_organisation), lambda: self._organisations(event))]
        if event.placement is not None:
            setting = label(event.placement.setting.value, lang)
            extra = [event.placement.location or "", text("crisis", lang) if event.placement.crisis else ""]
            lines.append(esc(" · ".join([f"{text('f_placement', lang)}: {setting}", *filter(None, extra)])))
        if event.persons:
            lines.append(self._line(("persons", *event.persons), lambda: wrap(
                f"{text('f_persons', lang)}: " + ", ".join(self.name(p) for p in event.persons))))
        if event.perspective:
            voice = f"{text('hover_voice', lang)}: {self.name(event.perspective)}"
            if event.statement_kind is not None:
                voice += f" · {label(event.statement_kind.value, lang)}"
            lines.append(self._line(("voice", voice), lambda: esc(voice)))
        elif event.statement_kind is not None:
            lines.append(esc(label(event.statement_kind.value, lang)))
        if event.source and event.source in self.sources:
            source = self.sources[event.source]
            lines.append(self._line(("source", source.id), lambda: wrap(
                f"{text('f_source', lang)}: {source.title} ({label(source.kind.value, lang)})")))
        if event.certainty.value != "confirmed":
            lines.append(f"<b>{esc(text('f_certainty', lang))}: {esc(label(event.certainty.value, lang))}</b>")
        if event.decision is not None:
            lines += self._decision_lines(event)
        if event.description:
            lines.append(f"<i>{wrap(event.description)}</i>")
        return (wrap(event.title), self._line(("when", event.date, event.end), lambda: self._when(event)),
                lines[0] + "".join(f"<br>{line}" for line in lines[1:]))

    def _decision_lines(self, event: Event) -> list[str]:
        lang, decision, lines = self.lang, event.decision, []
        assert decision is not None
        if decision.decided_by:
            lines.append(wrap(f"{text('f_decided_by', lang)}: "
                              + ", ".join(self.name(item) for item in decision.decided_by)))
        involved = decision.family_involved.value
        lines.append(f"<b>{esc(text('hover_family_involved', lang))}: "
                     f"{INVOLVEMENT_GLYPH[decision.family_involved]} {esc(label(involved, lang))}</b>")
        if decision.rationale:
            lines.append(wrap(f"{text('hover_rationale', lang)}: {decision.rationale}"))
        return lines

    def _when(self, event: Event) -> str:
        when = event.date.format(self.lang)
        if event.end is not None:
            when += f" – {event.end.format(self.lang)}"
        return esc(when)

    def _organisations(self, event: Event) -> str:
        """" · organisation → receiving organisation" after the type's word (escaped; "" without)."""
        kind = ""
        if event.organisation:
            kind += f" · {shorten(self.name(event.organisation), 60)}"
        if event.to_organisation:
            kind += f" → {shorten(self.name(event.to_organisation), 60)}"
        return esc(kind)


def lane_label(kind: str, ref: str, case_names: HoverWriter, lang: str, limit: int, lines: int = 1) -> list[str]:
    """The readable (raw, unescaped) label of a lane, in at most ``lines`` lines of ``limit`` characters."""
    if kind == "event_type":
        name = label(ref, lang)
        return [name[:1].upper() + name[1:]]
    if kind == "family":
        return [text("timeline_lane_family", lang)]
    if kind == "other":
        return [text("timeline_lane_other", lang)]
    name = " ".join(case_names.name(ref).split())
    ladder = case_names.ladders.get(ref, (name,))  # an organisation's names, longest first
    # on one line, else without its qualifier ("Politie, basisteam West" → "Politie West"), else on ``lines``
    # lines, else the shorter names ("JB Noord") on one line or on ``lines``
    tries = [(name, 1), (without_qualifier(name), 1), (name, lines)] + [(rung, n) for rung in ladder[1:]
                                                                        for n in (1, lines)]
    for rung, most in tries:
        wrapped = textwrap.wrap(rung, limit, break_long_words=False)
        if len(wrapped) <= most and all(len(line) <= limit for line in wrapped):
            return wrapped
    short = short_name(ladder[-1], limit)
    if lines == 1 or "…" not in short:  # whole, or only its qualifier left out ("Politie")
        return [short]
    wrapped = textwrap.wrap(ladder[-1], limit, break_long_words=False)
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], short_name(" ".join(wrapped[lines - 1:]), limit)]
    return wrapped


def note_hover(notes: Sequence[Annotation], lang: str, about: str = "") -> str:
    """Hover text of one or more analysts' notes: tag, text (shortened, wrapped) and author, all escaped.

    ``about``: whom the notes are about, when the mark stands for more (an organisation's box)."""
    parts = []
    for note in notes:
        tag = label(note.tag, lang) if note.tag in SUGGESTED_ANNOTATION_TAGS else note.tag
        head = f"<b>{NOTE_GLYPH} {esc(tag)}</b>" + (f" · {esc(about)}" if about else "")
        part = f"{head}<br>{wrap(note.text)}"
        if note.author:
            part += f"<br><i>— {esc(note.author)}</i>"
        parts.append(part)
    return "<br><br>".join(parts)


def lane_hover(kind: str, ref: str, members: Sequence[str], case_names: HoverWriter, lang: str,
               without_organisation: bool = False) -> str:
    """The lane label's tooltip (escaped): the full name, or for a merged lane what is in it."""
    if kind == "other" and members:
        names = sorted((label(ref_, lang) if ref_ in _TYPE_VALUES else case_names.name(ref_)) for ref_ in members)
        if without_organisation:
            names.append(text("timeline_lane_without_organisation", lang))
    elif kind == "others":
        names = sorted(case_names.name(ref_) for ref_ in members)
    else:
        return "<br>".join(esc(line) for line in textwrap.wrap(
            " ".join(lane_label(kind, ref, case_names, lang, 200)), HOVER_WIDTH)) or esc(ref)
    shown = names[:24] + (["…"] if len(names) > 24 else [])
    return "<br>".join(esc(name) for name in shown)


def merged_lane_label(kind: str, count: int, lane_mode: str, lang: str, short: bool) -> str:
    """The (raw) label of a lane that holds the organisations, event types or voices merged into it."""
    if kind == "others":
        return text("timeline_lane_others", lang, count=count)
    if short:
        return text("timeline_lane_other_short", lang, count=count)
    if lane_mode == "event_type":
        return text("timeline_lane_other_types", lang, count=count)
    return text("timeline_lane_other_orgs", lang, count=count)


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
    words = name.split(" ")
    last = words[-1]
    if len(words) > 1 and len(last) <= limit // 2 and not last.startswith("("):
        # keep the word that tells two branches apart: "Jeugdbescherming West" → "Jeugdbescher… West"
        head = " ".join(words[:-1])[: limit - len(last) - 2].rstrip(" ,(-–")
        if len(head) >= 3:
            return f"{head}… {last}"
    cut = name[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,(-–") + "…"
