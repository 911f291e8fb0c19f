"""How wide a drawn title is and how it wraps: DejaVu Sans' advance widths (the font plotly's SVG text falls
back to on Linux and in exports), line wrapping at word boundaries and an ellipsis only where a title does not
fit (pure)."""

from __future__ import annotations

from functools import lru_cache

# Advance widths of DejaVu Sans, in em (read from DejaVuSans.ttf's hmtx table); others count as _WIDE_EM.
_EM = {" ": .318, "!": .401, '"': .46, "#": .838, "$": .636, "%": .95, "&": .78, "'": .275, "(": .39, ")": .39,
       "*": .5, "+": .838, ",": .318, "-": .361, ".": .318, "/": .337, ":": .337, ";": .337, "<": .838,
       "=": .838, ">": .838, "?": .531, "@": 1.0, "[": .39, "]": .39, "_": .5, "|": .337, "–": .5, "—": 1.0,
       "…": 1.0, "‘": .318, "’": .318, "“": .518, "”": .518, "I": .295, "J": .295, "M": .863, "W": .989,
       "D": .77, "G": .775, "H": .752, "N": .748, "O": .787, "Q": .787, "U": .732, "F": .575, "L": .557,
       "f": .352, "i": .278, "j": .278, "l": .278, "m": .974, "r": .411, "s": .521, "t": .392, "w": .818,
       "c": .55, "k": .579, "v": .592, "x": .592, "y": .592, "z": .525, "ï": .278, "í": .278, "ç": .55}
_EM.update(dict.fromkeys("0123456789", .636))
_UPPER_EM = 0.69   # other capitals
_LOWER_EM = 0.625  # other lower-case letters (a b d e g h n o p q u and their accented forms)
_WIDE_EM = 0.84    # symbols outside the table
ELLIPSIS = "…"


@lru_cache(maxsize=65_536)
def text_width(text: str, font_px: float) -> float:
    """Estimated width in px of ``text`` in DejaVu Sans at ``font_px``.

    >>> round(text_width("Besluit", 10), 1)
    34.1
    """
    em = 0.0
    for char in text:
        width = _EM.get(char)
        if width is None:
            width = _UPPER_EM if char.isupper() else _LOWER_EM if char.isalpha() else _WIDE_EM
        em += width
    return em * font_px


@lru_cache(maxsize=16_384)
def wrap_title(title: str, max_px: float, font_px: float, max_lines: int = 2) -> tuple[str, ...]:
    """``title`` in at most ``max_lines`` lines no wider than ``max_px``, broken at spaces; the last line ends
    in an ellipsis only when the rest does not fit (a single word wider than a line is cut too).

    >>> wrap_title("Uithuisplaatsing bij pleeggezin V.", 120, 12)
    ('Uithuisplaatsing bij', 'pleeggezin V.')
    >>> wrap_title("Uithuisplaatsing bij pleeggezin V. na melding", 120, 12)
    ('Uithuisplaatsing bij', 'pleeggezin V.…')
    """
    words = title.split()
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, font_px) <= max_px:
            line = candidate
            continue
        if line:
            lines.append(line)
            if len(lines) == max_lines:
                return _with_ellipsis(lines, max_px, font_px)
        if text_width(word, font_px) > max_px:  # one word wider than a line: cut, and stop there
            return (*lines, _cut(word, max_px, font_px))
        line = word
    if line:
        lines.append(line)
    return tuple(lines)


def _cut(text: str, max_px: float, font_px: float) -> str:
    """``text`` cut so that it and an ellipsis fit ``max_px``."""
    while text and text_width(text + ELLIPSIS, font_px) > max_px:
        text = text[:-1]
    return text.rstrip(" ,;:-–") + ELLIPSIS


def _with_ellipsis(lines: list[str], max_px: float, font_px: float) -> tuple[str, ...]:
    last = _unhung(lines[-1].removesuffix(ELLIPSIS))
    if text_width(last + ELLIPSIS, font_px) > max_px:
        return (*lines[:-1], _cut(last, max_px, font_px))
    return (*lines[:-1], last.rstrip(" ,;:-–") + ELLIPSIS)


# Words a cut title must not end on: "Plaatsing in…" says nothing the room can use, "Plaatsing in pleeggezin…" does.
_FUNCTION_WORDS = frozenset((
    "de", "het", "een", "in", "op", "bij", "naar", "van", "met", "voor", "door", "aan", "om", "te", "tot", "en",
    "of", "uit", "over", "na", "als", "dat", "die",
    "the", "a", "an", "on", "at", "to", "for", "with", "by", "from", "and", "or", "after", "about", "as"))


def dangling(word: str) -> bool:
    """Whether a cut after ``word`` leaves the title hanging (an article, preposition or conjunction)."""
    return word.lower().strip(",;:'\"") in _FUNCTION_WORDS


def _unhung(line: str) -> str:
    """``line`` without the words at its end that would leave a cut title hanging ("Sem loopt weg van de" →
    "Sem loopt weg"), when what is left still says something (two words, twelve characters or more)."""
    words = line.split(" ")
    while len(words) > 2 and dangling(words[-1]):
        words.pop()
    kept = " ".join(words)
    return kept if len(kept) >= 12 and not dangling(words[-1]) else line
