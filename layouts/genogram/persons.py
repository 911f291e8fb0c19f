"""Persons, organisations, households and notes of the geno-sociogram: symbols with their marks and labels, the
organisation boxes (collapsed with a count), dotted household outlines and the ✎ of an analyst's note."""

from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache

from layouts.genogram.captions import age_on, chars_in, esc, fit, period_text, wrap, years_fitted, years_text
from layouts.genogram.context import FAMILY_SIZE, PERSON_HIT_PX, RING_SIZE, Context
from layouts.genogram.geometry import padded_boxes_outline, rounded_rect, symbol_outline
from layouts.genogram.layout import ROW
from layouts.genogram.legend import (
    CHAR_EM,
    HOUSEHOLD,
    HOUSEHOLD_FILL,
    NETWORK_FILL,
    ORG_BOX_FILL,
    ORG_EDGE,
    ORG_FILL,
    PRO_FILL,
)
from layouts.genogram.ring import COLLAPSED_H, HEADER_H, RingItem
from layouts.genogram.symbols import FillStyle, LineStyle
from layouts.organisation_names import first_fitting
from layouts.style import INK, MUTED, NETWORK_COLOUR, NOTE_COLOUR, NOTE_GLYPH, PAPER, PROFESSIONAL_COLOUR
from layouts.texts import text
from layouts.timeline.text import note_hover
from models.case import Annotation, Person
from models.vocabulary import label

MIN_AGE_FONT = 10  # px: the smallest age written in a symbol
WALL_PAD_PX = 4
"""px on the wall between a folded box's edge and its name (each side and above; half of it above the count)."""
MOST_CHARS_3 = 20  # characters a line of an organisation's name on three lines (a word like "jeugdgezondheidszorg")


def draw_person(ctx: Context, person: Person, node: dict, org_name: str | None) -> None:
    m = ctx.marks[person.id]
    s = ctx.scale
    emph = ctx.emph(person.id)
    gender = person.gender.value if person.gender.value in ("male", "female") else "other"
    ctx.used.add(gender)
    if m.family:
        size = FAMILY_SIZE
        style = FillStyle(PAPER, INK, s.line * 1.25)
    elif node["kind"] == "professional":
        size = RING_SIZE
        style = FillStyle(PRO_FILL, PROFESSIONAL_COLOUR, s.line * 1.1)
        ctx.used.add("professional")
    else:
        size = RING_SIZE
        style = FillStyle(NETWORK_FILL, NETWORK_COLOUR, s.line * 1.1)
        ctx.used.add("network")
    ctx.ink.fill(symbol_outline(gender, m.x, m.y, size), style, emph)
    if node.get("index"):
        ctx.ink.line(symbol_outline(gender, m.x, m.y, size * 0.74), LineStyle(style.colour, s.line * 1.25), emph, z=4)
        ctx.used.add("index")
    deceased = bool(node.get("deceased"))
    if deceased:
        h = size * 0.5 + 0.06
        cross = LineStyle(INK, s.line * 1.1)
        ctx.ink.line([(m.x - h, m.y - h), (m.x + h, m.y + h)], cross, emph, z=4)
        ctx.ink.line([(m.x - h, m.y + h), (m.x + h, m.y - h)], cross, emph, z=4)
        ctx.used.add("deceased")
    elif ctx.as_of is not None and person.birth is not None and m.family:
        age = str(age_on(person.birth, ctx.as_of))
        font = age_font(age, s.small, size * ctx.px_per_unit)
        if font:  # in its symbol, or not at all (the hover has it)
            ctx.ink.text(m.x, m.y, age, font, INK, emph, z=6)
            ctx.used.add("age")
    chars = m.label_chars or (15 if m.family else 16)
    y = m.y - size / 2 - 0.08 - m.label_drop
    if m.label_drop:  # a staggered name one name lower: a thin leader from its symbol says whose it is
        ctx.ink.line([(m.x, m.y - size / 2 - 0.12), (m.x, y + 0.1)], LineStyle(MUTED, s.line * 0.6), emph, z=0)
    if ctx.projector:
        # Across a room: the name only (the years are in the hover), as wide as the neighbours leave room for.
        font = m.label_font or (s.small if m.family else s.small - 2)
        ctx.ink.text(m.x, y, fit(person.label, chars, m.label_lines), font, INK, emph, position="bottom center")
    elif m.family:
        font = m.label_font or s.text
        name = fit(person.label, chars, m.label_lines)
        small = min(font, s.small)
        years = years_text(person, deceased)
        if m.label_chars:
            years = years_fitted(years, chars_in(2 * m.label_half_w, small, ctx.px_per_unit))
        caption = (f"{name}<br><span style='color:{MUTED};font-size:{small}px'>{esc(years)}</span>" if years
                   else name)
        ctx.ink.text(m.x, y, caption, font, INK, emph, position="bottom center")
    else:
        ctx.ink.text(m.x, y, fit(person.label, chars, m.label_lines), m.label_font or s.small, INK, emph,
                     position="bottom center")
    ctx.ink.person(m.x, m.y, person.id, _person_hover(ctx, person, node, org_name, deceased),
                   max(size * ctx.px_per_unit * 1.1, PERSON_HIT_PX))


def _person_hover(ctx: Context, person: Person, node: dict, org_name: str | None, deceased: bool) -> str:
    lang = ctx.lang
    lines = [f"<b>{esc(person.label)}</b>"]
    if person.role:
        lines.append(esc(person.role))
    if org_name:
        lines.append(esc(org_name))
    lines.append(esc(label(person.kind.value, lang)))
    if person.birth:
        born = f"{text('geno_born', lang)} {person.birth.format(lang)}"
        if ctx.as_of and not deceased:
            born += f" ({age_on(person.birth, ctx.as_of)} {text('geno_years', lang)})"
        lines.append(esc(born))
    if deceased:
        died = f"{text('geno_died', lang)} {person.death.format(lang)}" if person.death else text("geno_died", lang)
        lines.append(esc(died))
    if person.involvement and (person.involvement.start or person.involvement.end):
        lines.append(esc(period_text(person.involvement.start, person.involvement.end, lang)))
    if person.note:
        lines.append(f"<i>{wrap(person.note, 48, 3)}</i>")
    return "<br>".join(lines)


def draw_organisation(ctx: Context, item: RingItem, names: tuple[str, ...], count_total: int) -> None:
    """An organisation's box: folded (its name and how many professionals) or unfolded around them. ``names``: its
    names, longest first (:mod:`layouts.organisation_names`); the longest that fits is drawn, the hover has the full."""
    name = names[0]
    s = ctx.scale
    if ctx.org_font:
        s = replace(s, small=ctx.org_font)
    key = item.key
    emph = ctx.emph(key)
    x0, x1, y0, y1 = item.box
    if item.collapsed:
        ctx.ink.fill(rounded_rect(x0 + 0.2, x1 - 0.2, y0 + 0.2, y1 - 0.2, 0.25),
                     FillStyle(ORG_BOX_FILL, PROFESSIONAL_COLOUR, s.line * 1.2), emph)
        unit = text("geno_professional_one" if count_total == 1 else "geno_professionals", ctx.lang)
        # Name and count fit the box (cut with "…"); the hover has them in full.
        room = folded_title_room(x1 - x0, ctx.px_per_unit, ctx.title_lines)
        lines = folded_title_lines(y1 - y0, s.small, ctx.px_per_unit, ctx.projector, ctx.title_lines)
        count_y = item.y - 0.6 if y1 - y0 <= COLLAPSED_H + 1e-6 else y0 + 0.2 + s.small * 0.6 / ctx.px_per_unit
        title = _fitted_name(names, chars_in(room, s.small, ctx.px_per_unit, True), lines)
        title_y = item.y + 0.3
        if (y1 - y0 - 0.4) * ctx.px_per_unit < 2.4 * s.small:  # a small box drawn small: name and count apart
            title_y, count_y = item.y + 0.6 * s.small / ctx.px_per_unit, item.y - 0.6 * s.small / ctx.px_per_unit
        if title.count("<br>") and y1 - y0 > COLLAPSED_H + 1e-6:
            top = y1 - 0.2 - WALL_PAD_PX / ctx.px_per_unit if ctx.title_lines >= 3 else y1 - 0.25
            ctx.ink.text(item.x, top, f"<b>{title}</b>", s.small, INK, emph, position="bottom center")
        else:
            ctx.ink.text(item.x, title_y, f"<b>{title}</b>", s.small, INK, emph)
        chars = chars_in(room, s.small, ctx.px_per_unit)
        words = f"{count_total} {unit}" if count_total != 1 else ctx.names.get(item.members[0], "")
        count = esc(words) if len(words) <= chars else str(count_total)  # the number alone, rather than cut
        ctx.ink.text(item.x, count_y, count, s.small, PROFESSIONAL_COLOUR, emph)
        ctx.ink.hover(item.x, item.y, key, f"<b>{esc(name)}</b><br>{count_total} {esc(unit)}"
                      + _member_list(ctx, item.members), 3.0 * ctx.px_per_unit)
        ctx.used.add("organisation")
        # on the drawn box's corner, raised a little: clear of a name on the box's top line
        _fold_button(ctx, item, x1 - 0.2, y1 - 0.2 + 0.3 * FOLD_BUTTON_PX / ctx.px_per_unit, unfold=True)
        return
    if item.organisation is None:
        return
    ctx.ink.fill(rounded_rect(x0, x1, y0, y1, 0.3), FillStyle(ORG_FILL, ORG_EDGE, s.line * 0.8), emph, z=0)
    # The name fits its box (cut with "…"); the hover has it in full.
    font = s.small
    chars = chars_in(x1 - x0 - 0.3, font, ctx.px_per_unit, bold=True)
    label = _fitted_name(names, chars, title_lines(font, ctx.px_per_unit, item.header_h, ctx.title_lines))
    ctx.ink.text(item.x, y1 - 0.12, f"<b>{label}</b>", font, PROFESSIONAL_COLOUR, emph, position="bottom center")
    ctx.ink.hover(item.x, y1 - 0.45, key, f"<b>{esc(name)}</b>" + _member_list(ctx, item.members), 18)
    _fold_button(ctx, item, x1, y1, unfold=False)


def _fitted_name(names: tuple[str, ...], chars: int, lines: int) -> str:
    """The longest of ``names`` that fits ``lines`` lines of ``chars`` characters, escaped; else the shortest, cut."""
    return fit(first_fitting(names, lambda name: "…" not in fit(name, chars, lines)), chars, lines)


FOLD_BUTTON_PX = 22  # px: the diameter of an organisation box's fold / unfold button on the wall


def _fold_button(ctx: Context, item: RingItem, x: float, y: float, *, unfold: bool) -> None:
    """On the wall (``ctx.foldable``) a round button on the box's upper right corner ``(x, y)``: "+" unfolds the box
    into its professionals, "−" folds them back into it; a click on it carries ``unfold:<id>`` or ``fold:<id>``."""
    x0, x1, _, _ = item.box
    if not ctx.foldable or item.organisation is None or (x1 - x0) * ctx.px_per_unit < 3 * FOLD_BUTTON_PX:
        return  # a box drawn small has no room for it: it would hide the box's name
    size = FOLD_BUTTON_PX / ctx.px_per_unit
    x -= size / 4  # a little inside the box: the corner of a box at the drawing's edge stays in the figure
    ctx.ink.fill(symbol_outline("female", x, y, size), FillStyle(PAPER, PROFESSIONAL_COLOUR, ctx.scale.line), z=6)
    ctx.ink.text(x, y, "<b>+</b>" if unfold else "<b>−</b>", FOLD_BUTTON_PX - 4, PROFESSIONAL_COLOUR, z=7)
    action = "unfold" if unfold else "fold"
    ctx.ink.hover(x, y, f"{action}:{item.organisation}", esc(text(f"geno_{action}", ctx.lang)), FOLD_BUTTON_PX + 6)


def folded_title_lines(height: float, font: float, px_per_unit: float, projector: bool, most: int = 2) -> int:
    """How many lines of its name a folded box ``height`` units high has above its count: one in a small box,
    two in a box sized for them (see ring_layout's titles), and on the projector with ``most`` 3 (the wall) three
    in a box sized for three."""
    lines = 1 if projector or (COLLAPSED_H - 0.4) * px_per_unit < 3.6 * font * 1.2 else 2
    count_top = (-0.6 if height <= COLLAPSED_H + 1e-6 else -height / 2 + 0.2 + font * 0.6 / px_per_unit) \
        + font * 0.6 / px_per_unit  # from the box's centre
    pad = 0.25 if most < 3 else 0.2 + 1.5 * WALL_PAD_PX / px_per_unit  # on the wall: above the name and the count
    for k in range(2, (most if projector else 2) + 1):
        if height / 2 - pad - k * font * 1.2 / px_per_unit - count_top > 0:
            lines = k
    return lines


def folded_title_room(width: float, px_per_unit: float, most: int = 2) -> float:
    """Units of a folded box ``width`` units wide its name may take (on the wall, ``most`` 3: clear of its edges by
    :data:`WALL_PAD_PX` where that is more than the page's margin, as in a box drawn large)."""
    return width - 0.7 if most < 3 else max(width - 0.7, width - 0.4 - 2 * WALL_PAD_PX / px_per_unit)


def title_lines(font: float, px_per_unit: float, header_h: float = HEADER_H, most: int = 2) -> int:
    """How many lines of an organisation's name fit above its members (one or two; with ``most`` 3, on the wall,
    three in a header made taller for them: three lines as drawn, 1.3 times the type each)."""
    if most >= 3 and header_h > HEADER_H + 1e-6 and (header_h + 0.08) * px_per_unit >= 3 * font * 1.3:
        return 3
    return 2 if (header_h + 0.08) * px_per_unit >= 2 * font * 1.2 else 1


def title_room(name: str, font: float, px_per_unit: float, most: int = 30, most_lines: int = 2
               ) -> tuple[float, float]:
    """(width, height) in units an organisation's name needs above its members: on two lines as narrow as
    they go (at most ``most`` characters a line; else on ``most_lines`` lines; a longer name is cut with "…")."""
    chars, lines = _title_chars(name, most, most_lines)
    width = (chars + 0.5) * font * CHAR_EM * 1.1 / px_per_unit + 0.3
    return width, max(HEADER_H, lines * font * 1.3 / px_per_unit + 0.1)


@lru_cache(maxsize=4096)
def _title_chars(name: str, most: int, most_lines: int = 2) -> tuple[int, int]:
    """(characters a line, lines) of an organisation's name on two lines as narrow as they go, at most ``most``
    characters a line (with ``most_lines`` 3: else on three lines of up to :data:`MOST_CHARS_3` characters)."""
    chars = next((k for k in range(8, most + 1) if "…" not in fit(name, k, 2)), 0)
    lines = 2
    if not chars and most_lines > 2:
        lines = 3
        chars = next((k for k in range(8, max(most, MOST_CHARS_3) + 1) if "…" not in fit(name, k, 3)), 0)
    chars = min(chars or most, max(8, len(name)))
    return chars, fit(name, chars, lines).count("<br>") + 1


def _member_list(ctx: Context, members: list[str]) -> str:
    shown = [esc(ctx.names.get(m, m)) for m in members[:12]]
    more = f"<br>+{len(members) - 12}" if len(members) > 12 else ""
    return "<br>" + "<br>".join(shown) + more if shown else ""


def draw_households(ctx: Context, households: dict[str, list[str]]) -> None:
    names = {h.id: h.label for h in ctx.case.households}
    for hid, members in sorted(households.items()):
        keys = [ctx.anchor.get(m) for m in members]
        marks = [ctx.marks[k] for k in keys if k is not None and k in ctx.marks and not k.startswith("org:")]
        if not marks:
            continue
        boxes = []
        for m in marks:
            below = 1.45 if m.family else 1.05
            boxes.append((m.x - 0.95, m.x + 0.95, m.y - m.half_h - below, m.y + m.half_h + 0.3))
        outline = padded_boxes_outline(boxes, 0.35)
        emph = not ctx.any_highlight or any(ctx.highlighted(k) for k in keys if k)
        ctx.ink.fill(outline, FillStyle(HOUSEHOLD_FILL, HOUSEHOLD, ctx.scale.line * 1.1, "dot"), emph, z=0)
        top = max(outline, key=lambda p: (p[1], -p[0]))
        ctx.ink.hover(top[0], top[1], f"household:{hid}", f"<b>{esc(names.get(hid) or hid)}</b>", 14)
        ctx.used.add("household")


def row_of(y: float) -> int:
    return round(-y / ROW)


def draw_notes(ctx: Context, annotations: list[Annotation]) -> None:
    """A ✎ at the upper right of each person an analyst's note is about (or of the organisation box a
    professional is counted in), the notes in its hover; dimmed with the person."""
    marked: dict[str, list[tuple[Annotation, str]]] = {}
    for note in annotations:
        for pid in dict.fromkeys(note.target.persons):
            key = ctx.anchor.get(pid)
            if key is not None and key in ctx.marks:
                marked.setdefault(key, []).append((note, pid))
    size = ctx.scale.text + 8
    for key in sorted(marked):
        m = ctx.marks[key]
        x, y = m.x - m.half_w - 0.18, m.y + m.half_h + 0.12  # upper left: legal badges sit upper right
        if key.startswith("org:"):  # a little above a folded box's corner: clear of the name on its top line
            y += 0.3 * size / ctx.px_per_unit
        notes = list({note.id: note for note, _ in marked[key]}.values())
        about = ", ".join(dict.fromkeys(ctx.names.get(pid, pid) for _, pid in marked[key])) if key.startswith(
            "org:") else ""
        ctx.ink.text(x, y, f"<b>{NOTE_GLYPH}</b>", size, NOTE_COLOUR, ctx.emph(key), z=6)
        # The hover spot stays clear of the person's click target (36 px) when the drawing is drawn small.
        apart = math.hypot(m.x - x, m.y - y) * ctx.px_per_unit
        ctx.ink.note(x, y, note_hover(notes, ctx.lang, about), max(10.0, min(size + 6, 2 * apart - 26)))
        ctx.used.add("annotation")


def age_font(age: str, font: int, symbol_px: float) -> int:
    """px of an age written in a symbol ``symbol_px`` wide: ``font``, or smaller to stay inside it; 0 when it would
    be smaller than :data:`MIN_AGE_FONT` (a drawing drawn that small leaves the age to the hover)."""
    fitting = min(font, int(symbol_px * 0.9 / (max(1, len(age)) * CHAR_EM)), int(symbol_px * 0.9))
    return fitting if fitting >= MIN_AGE_FONT else 0
