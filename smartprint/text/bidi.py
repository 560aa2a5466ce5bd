"""Which way text runs: the Unicode bidirectional algorithm (UAX #9), and the scripts
smartprint cannot lay out.

Pure (no reportlab). A line of Arabic with a pupil's Latin name and a date in it is
stored in the order it is typed (logical order); `levels` gives each character its
embedding level and `visual_runs` the order in which the runs stand on the paper, left
to right. Only the implicit rules are needed: the explicit embeddings and isolates
(U+202A–202E, U+2066–2069) are refused by `refusal` instead, as a teacher never types
them and a copy from a word processor that carries them is better cleaned than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

STRONG_RTL = frozenset({"R", "AL"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})
_REMOVED = frozenset({"BN"})  # rule X9: joiners and the like take their neighbour's level

# Languages written right to left (BCP 47 primary subtags): a paragraph in them starts
# from the right even when it opens with a Latin name.
RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ur", "ckb", "ps", "he", "yi", "sd", "ug", "dv"})


def is_rtl_language(language: str | None) -> bool:
    return bool(language) and str(language).split("-")[0].lower() in RTL_LANGUAGES


# Letters of the scripts written right to left (Hebrew to NKo, their presentation forms,
# the historic ones of plane 1): a text without one needs no reordering
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")


def has_rtl(text: str) -> bool:
    """Whether `text` has a letter of a right-to-left script (a quick test, no tables)."""
    return _RTL_LETTER.search(text) is not None


def runs_rtl(text: str, language: str | None) -> bool:
    """Whether a paragraph is set right to left: by its language, else by its first strong letter."""
    return is_rtl_language(language) or (has_rtl(text) and paragraph_rtl(text))


@lru_cache(maxsize=4096)
def _bidi_class(ch: str) -> str:
    return unicodedata.bidirectional(ch) or "L"


def paragraph_rtl(text: str) -> bool:
    """Rules P2–P3: a paragraph runs right to left when its first strong letter does."""
    for ch in text:
        kind = _bidi_class(ch)
        if kind == "L":
            return False
        if kind in STRONG_RTL:
            return True
    return False


def levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of each character of one line (rules W1–W7, N1–N2, I1–I2, L1);
    odd levels run right to left. `rtl`: the paragraph's direction."""
    base = 1 if rtl else 0
    base_dir = "R" if rtl else "L"
    kept = [i for i, ch in enumerate(text) if _bidi_class(ch) not in _REMOVED]
    types = [_bidi_class(text[i]) for i in kept]
    n = len(types)
    # W1: a combining mark takes the type of what it sits on
    for i in range(n):
        if types[i] == "NSM":
            types[i] = types[i - 1] if i else base_dir
    # W2, W3: a European number after Arabic letters is an Arabic number; AL is R
    last_strong = base_dir
    for i in range(n):
        t = types[i]
        if t in ("L", "R", "AL"):
            last_strong = t
        elif t == "EN" and last_strong == "AL":
            types[i] = "AN"
    types = ["R" if t == "AL" else t for t in types]
    # W4: one separator between two numbers of the same kind joins them
    for i in range(1, n - 1):
        t, before, after = types[i], types[i - 1], types[i + 1]
        if t == "ES" and before == after == "EN":
            types[i] = "EN"
        elif t == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    # W5: currency and percent signs next to a European number belong to it
    for i in range(n):
        if types[i] != "ET":
            continue
        j = i
        while j < n and types[j] == "ET":
            j += 1
        if (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
            for k in range(i, j):
                types[k] = "EN"
    # W6: other separators are neutral
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]
    # W7: a European number after Latin letters is Latin
    last_strong = base_dir
    for i in range(n):
        t = types[i]
        if t in ("L", "R"):
            last_strong = t
        elif t == "EN" and last_strong == "L":
            types[i] = "L"
    # N1, N2: neutrals between two runs of one direction take it, else the paragraph's
    i = 0
    while i < n:
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < n and types[j] in _NEUTRAL:
            j += 1
        before = _strong_of(types[i - 1]) if i else base_dir
        after = _strong_of(types[j]) if j < n else base_dir
        resolved = before if before == after else base_dir
        for k in range(i, j):
            types[k] = resolved
        i = j
    # I1, I2
    resolved_levels = []
    for t in types:
        if base == 0:
            resolved_levels.append(1 if t == "R" else 2 if t in ("AN", "EN") else 0)
        else:
            resolved_levels.append(2 if t in ("L", "EN", "AN") else 1)
    out = [base] * len(text)
    for index, level in zip(kept, resolved_levels):
        out[index] = level
    for i, ch in enumerate(text):  # X9: a removed character stands with the one before it
        if _bidi_class(ch) in _REMOVED and i:
            out[i] = out[i - 1]
    # L1: white space at the end of the line goes back to the paragraph's level
    end = len(text)
    while end and _bidi_class(text[end - 1]) in ("WS", "S", "B", "BN"):
        end -= 1
        out[end] = base
    return out


def _strong_of(t: str) -> str:
    return "R" if t in ("R", "AN", "EN") else "L"


def visual_order(run_levels: Sequence[int]) -> list[int]:
    """Rule L2: the indices of runs (or characters) in the order they stand, left to right."""
    order = list(range(len(run_levels)))
    if not run_levels:
        return order
    highest = max(run_levels)
    lowest_odd = min(level for level in run_levels if level % 2) if any(lv % 2 for lv in run_levels) else highest + 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if run_levels[order[i]] >= level:
                j = i
                while j < len(order) and run_levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


# Scripts smartprint cannot set correctly even with a font that has them: their lines
# break by a dictionary or by rules of their own, not at spaces.
_DICTIONARY_SCRIPTS = (
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x1000, 0x109F, "Myanmar"),
    (0xA9E0, 0xA9FF, "Myanmar"),
    (0xAA60, 0xAA7F, "Myanmar"),
    (0x1780, 0x17FF, "Khmer"),
    (0x19E0, 0x19FF, "Khmer"),
    (0x3040, 0x30FF, "Japanese kana"),
    (0x3400, 0x4DBF, "Han (Chinese and Japanese)"),
    (0x4E00, 0x9FFF, "Han (Chinese and Japanese)"),
    (0xF900, 0xFAFF, "Han (Chinese and Japanese)"),
    (0x20000, 0x3FFFF, "Han (Chinese and Japanese)"),
)
_DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@lru_cache(maxsize=1024)
def refusal(ch: str) -> str | None:
    """Why `ch` cannot be printed correctly whatever the font, or None if it can."""
    if ch in _DIRECTION_CONTROLS:
        return (
            "it is an invisible direction control (from a word processor), which smartprint does not follow; "
            "delete it (retype the text around it)"
        )
    code = ord(ch)
    for low, high, script in _DICTIONARY_SCRIPTS:
        if low <= code <= high:
            return (
                f"{script} text breaks into lines by a dictionary or rules of its own, which smartprint does not "
                "have, so it would print wrong; it cannot be used"
            )
    return None


# The first word of a letter's Unicode name, when it names a script, and a free font for it
_SCRIPT_FONTS = {
    "ETHIOPIC": ("Ethiopic (Tigrinya, Amharic)", "Noto Sans Ethiopic or Abyssinica SIL"),
    "HEBREW": ("Hebrew", "Noto Sans Hebrew"),
    "DEVANAGARI": ("Devanagari", "Noto Sans Devanagari"),
    "BENGALI": ("Bengali", "Noto Sans Bengali"),
    "GURMUKHI": ("Gurmukhi (Punjabi)", "Noto Sans Gurmukhi"),
    "GUJARATI": ("Gujarati", "Noto Sans Gujarati"),
    "TAMIL": ("Tamil", "Noto Sans Tamil"),
    "TELUGU": ("Telugu", "Noto Sans Telugu"),
    "KANNADA": ("Kannada", "Noto Sans Kannada"),
    "MALAYALAM": ("Malayalam", "Noto Sans Malayalam"),
    "SINHALA": ("Sinhala", "Noto Sans Sinhala"),
    "ARMENIAN": ("Armenian", "Noto Sans Armenian"),
    "GEORGIAN": ("Georgian", "Noto Sans Georgian"),
    "HANGUL": ("Hangul (Korean)", "Noto Sans CJK KR"),
    "TIBETAN": ("Tibetan", "Noto Serif Tibetan"),
    "SYRIAC": ("Syriac", "Noto Sans Syriac"),
    "THAANA": ("Thaana (Dhivehi)", "Noto Sans Thaana"),
    "NKO": ("N'Ko", "Noto Sans NKo"),
    "TIFINAGH": ("Tifinagh (Berber)", "Noto Sans Tifinagh"),
    "CHEROKEE": ("Cherokee", "Noto Sans Cherokee"),
    "MONGOLIAN": ("Mongolian", "Noto Sans Mongolian"),
}


def script_advice(ch: str) -> str:
    """How to get `ch` printed: the script it belongs to and a free font that has it."""
    first = unicodedata.name(ch, "").split(" ")[0]
    if first in _SCRIPT_FONTS:
        script, font = _SCRIPT_FONTS[first]
        return f"it is {script} script: add a font that has it with 'fonts:' (for example {font})"
    if unicodedata.category(ch) == "So":
        return "it is a symbol (an emoji, perhaps) that no built-in font has; add a font that has it with 'fonts:'"
    return "add a font that has it with 'fonts:'"
