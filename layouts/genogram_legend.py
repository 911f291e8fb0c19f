"""Line styles of the geno-sociogram and its legend: only the symbols the drawing uses, in Dutch or English."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from layouts.genogram_symbols import FillStyle, Ink, LineStyle, Path, Point
from layouts.style import INK, MUTED, NETWORK_COLOUR, OKABE_ITO, PAPER, PROFESSIONAL_COLOUR

CONFLICT = OKABE_ITO["vermillion"]
CLOSE = OKABE_ITO["bluish_green"]
CARE = OKABE_ITO["orange"]
LEGAL = OKABE_ITO["yellow"]
SUPERVISED = OKABE_ITO["reddish_purple"]
NETWORK_FILL = "rgba(0, 158, 115, 0.14)"
PRO_FILL = "rgba(0, 114, 178, 0.13)"
ORG_FILL = "rgba(0, 114, 178, 0.05)"
ORG_EDGE = "rgba(0, 114, 178, 0.55)"
HOUSEHOLD = "#555555"
HOUSEHOLD_FILL = "rgba(240, 228, 66, 0.10)"  # a faint yellow: a household is a place, not a tie

# (key, Dutch, English); the order is the legend's order, grouped by the first element of each section.
SECTIONS: list[tuple[tuple[str, str], list[tuple[str, str, str]]]] = [
    (("Personen", "People"), [
        ("male", "man", "male"),
        ("female", "vrouw", "female"),
        ("other", "anders / onbekend", "other / unknown"),
        ("index", "indexpersoon (dubbele rand)", "index person (double outline)"),
        ("deceased", "overleden (met jaar)", "deceased (with year)"),
        ("age", "leeftijd op de peildatum", "age on the as-of date"),
        ("network", "informeel netwerk", "informal network"),
        ("professional", "professional", "professional"),
        ("organisation", "organisatie met aantal professionals", "organisation with number of professionals"),
        ("household", "huishouden (woont samen)", "household (living together)"),
    ]),
    (("Familie", "Family"), [
        ("married", "getrouwd", "married"),
        ("cohabiting", "samenwonend", "cohabiting"),
        ("separated", "uit elkaar", "separated"),
        ("divorced", "gescheiden", "divorced"),
        ("couple_unknown", "ouders (relatie onbekend)", "parents (relationship unknown)"),
        ("child_biological", "kind", "child"),
        ("child_adoptive", "adoptiekind", "adopted child"),
        ("child_foster", "pleegkind", "foster child"),
        ("step", "stiefouder", "step-parent"),
        ("sibling", "broer/zus (ouders niet in beeld)", "siblings (parents not shown)"),
    ]),
    (("Relaties", "Relationships"), [
        ("close", "hecht", "close"),
        ("supportive", "steunend", "supportive"),
        ("informal_care", "mantelzorg (pijl: naar wie)", "informal care (arrow: to whom)"),
        ("distant", "afstandelijk", "distant"),
        ("conflict", "conflict", "conflict"),
        ("cut_off", "contact verbroken", "cut-off"),
        ("abuse", "mishandeling / geweld (pijl: naar wie)", "abuse / violence (arrow: to whom)"),
        ("tentative", "vermoed of betwist (?)", "suspected or disputed (?)"),
    ]),
    (("Juridisch", "Legal"), [
        ("parental_authority", "gezag (G)", "parental authority (A)"),
        ("guardianship", "voogdij (V)", "guardianship (G)"),
        ("contact_ban", "contactverbod", "contact ban"),
        ("supervised_contact", "begeleide omgang", "supervised contact"),
    ]),
    (("Hulpverlening", "Professional"), [
        ("case_manager_of", "casusregie / jeugdbeschermer", "case manager"),
        ("treats", "behandelt", "treats"),
        ("works_with", "werkt met", "works with"),
    ]),
]

BADGE_LETTERS = {"parental_authority": {"nl": "G", "en": "A"}, "guardianship": {"nl": "V", "en": "G"}}

TITLES = {
    "legend": {"nl": "Legenda", "en": "Legend"},
    "history": {"nl": "hele geschiedenis", "en": "whole history"},
    "as_of": {"nl": "stand op", "en": "as of"},
    "view": {"nl": "visie van", "en": "view of"},
    "source": {"nl": "bron", "en": "source"},
    "professionals": {"nl": "professionals", "en": "professionals"},
    "professional_one": {"nl": "professional", "en": "professional"},
    "born": {"nl": "geboren", "en": "born"},
    "died": {"nl": "overleden", "en": "died"},
    "years": {"nl": "jaar", "en": "years"},
    "since": {"nl": "vanaf", "en": "from"},
    "until": {"nl": "tot", "en": "until"},
    "empty": {"nl": "Nog geen personen in deze casus.", "en": "No persons in this case yet."},
    "step_of": {"nl": "stiefouder van", "en": "step-parent of"},
    "over": {"nl": "over", "en": "over"},
    "no_org": {"nl": "zonder organisatie", "en": "no organisation"},
}


def word(key: str, lang: str) -> str:
    entry = TITLES[key]
    return entry.get(lang, entry["nl"])


def legend_label(key: str, lang: str) -> str:
    for _, entries in SECTIONS:
        for k, nl, en in entries:
            if k == key:
                return en if lang == "en" else nl
    return key


@dataclass
class Scale:
    """Pixel-dependent sizes for one presentation mode."""

    line: float          # kinship line width (px)
    text: int            # labels (px)
    small: int           # secondary labels (px)
    title: int


# --- relationship line styles ---------------------------------------------------------------------------

def relation_style(kind: str, s: Scale) -> LineStyle:
    w = s.line
    return {
        "close": LineStyle(CLOSE, w),
        "supportive": LineStyle(CLOSE, w),
        "informal_care": LineStyle(CARE, w * 1.2),
        "distant": LineStyle(MUTED, w * 1.2, "dot"),
        "conflict": LineStyle(CONFLICT, w * 1.1),
        "cut_off": LineStyle(INK, w),
        "abuse": LineStyle(INK, w * 1.8),
        "contact_ban": LineStyle(CONFLICT, w, "dash"),
        "supervised_contact": LineStyle(SUPERVISED, w * 1.2, "dashdot"),
        "parental_authority": LineStyle(MUTED, w * 0.8, "dashdot"),
        "guardianship": LineStyle(MUTED, w * 0.8, "dashdot"),
        "case_manager_of": LineStyle(PROFESSIONAL_COLOUR, w * 1.3),
        "treats": LineStyle(PROFESSIONAL_COLOUR, w * 0.9, "dash"),
        "works_with": LineStyle("rgba(0, 114, 178, 0.55)", w * 0.75),
        "sibling": LineStyle(INK, w * 0.8, "dot"),
        "step": LineStyle(MUTED, w, "dashdot"),
    }.get(kind, LineStyle(MUTED, w))


# --- the legend panel -----------------------------------------------------------------------------------

def draw_legend(ink: Ink, used: set[str], lang: str, s: Scale,
                draw_relation: Callable[[Ink, str, Path, bool], None]) -> tuple[float, float]:
    """Draw the legend into ``ink`` (its own axes); returns (width, height) in units."""
    row = 0.95
    y = 0.0
    ink.text(0.0, y, f"<b>{word('legend', lang)}</b>", s.text, INK, position="middle right")
    y -= row * 1.1
    width = 0.0
    for (nl_title, en_title), entries in SECTIONS:
        present = [e for e in entries if e[0] in used]
        if not present:
            continue
        ink.text(0.0, y, en_title if lang == "en" else nl_title, s.small, MUTED, position="middle right")
        y -= row * 0.9
        for key, nl, en in present:
            _glyph(ink, key, (0.9, y), s, draw_relation, lang)
            text = en if lang == "en" else nl
            ink.text(2.0, y, text, s.small, INK, position="middle right")
            width = max(width, 2.0 + 0.2 * len(text))
            y -= row
        y -= row * 0.3
    return (max(width, 6.0), -y)


def _glyph(ink: Ink, key: str, c: Point, s: Scale,
           draw_relation: Callable[[Ink, str, Path, bool], None], lang: str) -> None:
    from layouts.genogram_symbols import bars_across, symbol_outline

    x, y = c
    plain = FillStyle(PAPER, INK, s.line)
    seg: Path = [(x - 0.8, y), (x + 0.8, y)]
    if key in ("male", "female", "other"):
        ink.fill(symbol_outline(key, x, y, 0.6), plain)
    elif key == "index":
        ink.fill(symbol_outline("female", x, y, 0.6), plain)
        ink.line(symbol_outline("female", x, y, 0.42), LineStyle(INK, s.line), z=4)
    elif key == "deceased":
        ink.fill(symbol_outline("male", x, y, 0.6), plain)
        ink.line([(x - 0.3, y - 0.3), (x + 0.3, y + 0.3)], LineStyle(INK, s.line), z=4)
        ink.line([(x - 0.3, y + 0.3), (x + 0.3, y - 0.3)], LineStyle(INK, s.line), z=4)
    elif key == "age":
        ink.fill(symbol_outline("female", x, y, 0.6), plain)
        ink.text(x, y, "13", max(s.small - 4, 8), INK)
    elif key == "network":
        ink.fill(symbol_outline("female", x, y, 0.5), FillStyle(NETWORK_FILL, NETWORK_COLOUR, s.line))
    elif key == "professional":
        ink.fill(symbol_outline("male", x, y, 0.5), FillStyle(PRO_FILL, PROFESSIONAL_COLOUR, s.line))
    elif key == "organisation":
        from layouts.genogram_symbols import rounded_rect
        ink.fill(rounded_rect(x - 0.7, x + 0.7, y - 0.32, y + 0.32, 0.12),
                 FillStyle(PRO_FILL, PROFESSIONAL_COLOUR, s.line))
        ink.text(x, y, "12", max(s.small - 4, 8), PROFESSIONAL_COLOUR)
    elif key == "household":
        from layouts.genogram_symbols import rounded_rect
        ink.fill(rounded_rect(x - 0.75, x + 0.75, y - 0.33, y + 0.33, 0.15),
                 FillStyle(HOUSEHOLD_FILL, HOUSEHOLD, s.line, "dot"), z=0)
    elif key in ("married", "cohabiting", "separated", "divorced", "couple_unknown"):
        style = LineStyle(INK, s.line, {"cohabiting": "dash", "couple_unknown": "dot"}.get(key, "solid"))
        ink.line(seg, style)
        count = {"separated": 1, "divorced": 2}.get(key, 0)
        for bar in bars_across((x, y), (1.0, 0.0), 0.22, 0.16, count, slant=0.12) if count else []:
            ink.line(bar, LineStyle(INK, s.line))
    elif key.startswith("child_"):
        dash = {"child_adoptive": "dash", "child_foster": "dot"}.get(key, "solid")
        ink.line([(x - 0.5, y + 0.35), (x + 0.5, y + 0.35)], LineStyle(INK, s.line))
        ink.line([(x, y + 0.35), (x, y - 0.35)], LineStyle(INK, s.line, dash))
    elif key in ("parental_authority", "guardianship"):
        # The badge sits by the holder; a line leads to the child when the holder is not a parent.
        ink.line([(x - 0.3, y), (x + 0.8, y)], relation_style(key, s))
        ink.fill(symbol_outline("female", x - 0.35, y, 0.5), FillStyle(LEGAL, INK, s.line * 0.7), z=4)
        x -= 0.35
        ink.text(x, y, BADGE_LETTERS[key]["en" if lang == "en" else "nl"], max(s.small - 3, 8), INK)
    elif key == "tentative":
        draw_relation(ink, "tentative", seg, True)
    else:
        draw_relation(ink, key, seg, True)
