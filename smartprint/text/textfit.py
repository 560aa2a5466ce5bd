"""Wrapping and shrinking text to fit a box: pure layout, no drawing.

The width of a string comes from an injected `measure(text, font, size)` so the
planning code stays free of reportlab and can be tested with any metric.
Text is never clipped: `fit` returns None when even the minimum size overflows,
and the caller turns that into an error naming the card and field.

A word too wide for its box is hyphenated where the dictionary of the run's
`language` allows (pyphen: nb, nn, en, pl, uk), else between any two letters; a line never
starts with a dash or a lone punctuation mark, and a number is never broken, nor a
word of a right-to-left script (its letters join; a cut would change them).

Lines are broken on the text as typed (logical order); a paragraph that runs right to
left (by its `language`, or by its first strong letter) is set from the right edge, and
each line keeps its direction (`Line.rtl`) so the text primitive orders it for the eye.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Literal

import pyphen

from smartprint.text.bidi import has_rtl, runs_rtl
from smartprint.text.origin import Label, Origin

UNPLACED = Label("text being measured", "")  # runs set without their origins, for the shared memory

Measure = Callable[[str, str, float], float]
Align = Literal["left", "center"]


@dataclass(frozen=True)
class Run:
    """A paragraph to set. `scale` is relative to the common body size; `space_before`
    is in multiples of that size; `bullet` hangs in front of the first line."""

    text: str
    font: str
    scale: float = 1.0
    space_before: float = 0.0
    bullet: str | None = None
    align: Align = "left"
    max_lines: int | None = None
    origin: Origin = field(kw_only=True)  # where the words come from (blamed for a letter the font lacks)
    language: str | None = field(default=None, kw_only=True)  # whose dictionary hyphenates it (nb, nn, en)


@dataclass(frozen=True)
class Line:
    text: str
    font: str
    size: float
    x: float  # from the box's left edge
    baseline: float  # distance from the box's top edge, downwards
    run: int = 0  # which of the fitted runs it was set from (its origin is `Fitted.origins[run]`)
    rtl: bool = field(default=False, kw_only=True)  # its paragraph runs right to left


@dataclass(frozen=True)
class Fitted:
    """Lines set in a box, and where each run's words come from. The lines carry no
    origin of their own, so the same text fitted on 500 cards shares one tuple of lines
    (the painter draws such a box once and places it by reference)."""

    size: float
    lines: tuple[Line, ...]
    height: float
    origins: tuple[Origin, ...]  # by run index: blamed for a letter the font lacks
    ink: tuple[float, float] | None = None  # left and right end of the widest ink, when known

    def origin(self, line: Line) -> Origin:
        """Where the words of `line` come from."""
        return self.origins[line.run]

    def placed(self, origins: tuple[Origin, ...]) -> Fitted:
        """The same lines with other origins (one per run)."""
        return Fitted(self.size, self.lines, self.height, origins, self.ink)


_UNIT_WIDTHS: dict[Measure, dict[tuple[str, str], float]] = {}


def _widths(measure: Measure) -> dict[tuple[str, str], float]:
    """The remembered size-1 widths for one measuring function."""
    table = _UNIT_WIDTHS.get(measure)
    if table is None or len(table) > 200_000:
        table = _UNIT_WIDTHS[measure] = {}
    return table


def unit_width(text: str, font: str, measure: Measure, table: dict[tuple[str, str], float] | None = None) -> float:
    """Width of `text` at size 1, remembered: TrueType widths scale linearly with the size
    and add up word by word, so a deck's thousands of wrap trials cost little."""
    if table is None:
        table = _widths(measure)
    width = table.get((font, text))
    if width is None:
        width = table[(font, text)] = measure(text, font, 1.0)
    return width


# A number, with the separators and punctuation that belong to it ("10.", "2024",
# "1-3", "3,5", "(12)"): never split, since "1-" on one line and "0." on the next
# reads as two other numbers.
_NUMBER = re.compile(r"[(\[«\"']?[-+\u2212]?\d(?:[\d.,:/\u2013-]*\d)?[.,;:!?%)\]»\"']*")


def is_number(word: str) -> bool:
    """Whether `word` is a number that must stay whole on one line."""
    return _NUMBER.fullmatch(word) is not None


# The hyphenation dictionaries of the languages a material may be written in.
DICTIONARIES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB", "pl": "pl_PL", "uk": "uk_UA"}
_LONGEST_WORD = 64  # letters; a longer run is no word a dictionary knows (a pasted code, say)


@cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    """The language's hyphenation dictionary, read on first use (a quarter of a second)."""
    code = DICTIONARIES.get(language)
    return pyphen.Pyphen(lang=code) if code else None


# A word a dictionary may hyphenate: letters, perhaps joined by hyphens or apostrophes,
# with punctuation around it ("«Vennskapsbånd»,"); not a web address, a code or a number.
_DICTIONARY_WORD = re.compile(r"[^\w]*([^\W\d_]+(?:[-'’][^\W\d_]+)*)[^\w]*")


@lru_cache(maxsize=4096)
def _cuts(word: str, language: str | None) -> tuple[tuple[int, ...], frozenset[int]]:
    """Where `word` may be cut, as indices (word[:i] ends a line, word[i:] starts the
    next): every place where the next line starts with a letter or digit, ascending;
    and the good ones among them, the place after a hyphen the word already has
    ("høst-ferie") and, in a word of letters, the syllable breaks of `language`'s dictionary."""
    allowed = tuple(i for i in range(1, len(word)) if word[i].isalnum() and not word[i - 1].isspace())
    good = {i for i in allowed if word[i - 1] == "-"}
    dictionary = _dictionary(language) if language else None
    whole = _DICTIONARY_WORD.fullmatch(word)
    if dictionary is not None and whole is not None:
        for match in re.finditer(r"[^\W\d_]+", word):
            if len(match.group()) <= _LONGEST_WORD:
                good.update(match.start() + p for p in dictionary.positions(match.group()))
    return allowed, frozenset(good) & frozenset(allowed)


def _break_word(
    word: str,
    font: str,
    size: float,
    width: float,
    measure: Measure,
    strict: bool = True,
    language: str | None = None,
) -> list[str] | None:
    """A word wider than the box, hyphenated: at the furthest syllable break of the
    `language`'s dictionary that fits, else between the two letters that fill the line
    (a long web address, say, in a narrow bingo square). The next line always starts
    with a letter or digit, and every piece has one.

    Each letter is measured once (size-1 widths, remembered) and summed, so the cut
    is a binary search over the sums: a word of 20,000 letters breaks in milliseconds,
    where re-measuring one letter shorter at a time took minutes. Strict (the fitter):
    None for a number, or when not even one letter and a hyphen fit; otherwise
    (`wrap`) a number stays whole and a letter too wide stands alone."""
    if is_number(word) or has_rtl(word):
        return None if strict else [word]
    table = _widths(measure)
    sums = [0.0]
    letters = [0]  # letters and digits before each index: a piece must hold one
    for ch in word:
        sums.append(sums[-1] + unit_width(ch, font, measure, table) * size)
        letters.append(letters[-1] + ch.isalnum())
    allowed, good = _cuts(word, language)
    own = frozenset(i for i in good if word[i - 1] == "-")  # after the word's own hyphens ("Self-control")
    limit = width + 1e-9

    def fits(start: int, cut: int) -> bool:
        piece = word[start:cut]
        return measure(piece if piece.endswith("-") else piece + "-", font, size) <= limit

    parts: list[str] = []
    start, end = 0, len(word)
    while sums[end] - sums[start] > limit:
        # the longest piece word[start:cut] that may fit (one that ends in the word's own
        # hyphen takes no other; `fits` measures each), leaving a letter
        cut = min(bisect_right(sums, sums[start] + limit) - 1, end - 1)
        chosen = _cut_at(allowed, own, good, start, cut, letters, fits)
        if chosen is None:
            chosen = _cut_anywhere(word, start, cut, end, strict, fits)
            if chosen is None:
                return None
        piece = word[start:chosen]
        parts.append(piece if piece.endswith("-") else piece + "-")
        start = chosen
    if start < end:
        parts.append(word[start:])
    return parts


def _cut_at(
    allowed: tuple[int, ...],
    own: frozenset[int],
    good: frozenset[int],
    start: int,
    furthest: int,
    letters: list[int],
    fits: Callable[[int, int], bool],
) -> int | None:
    """The furthest cut in (start, furthest] that fits after a hyphen the word already has
    (a compound breaks between its parts, never "Self-con-trol"), else the furthest good
    one, else the furthest allowed one; None if there is none (then any place will do,
    see `_cut_anywhere`)."""
    top = bisect_right(allowed, furthest)
    low = bisect_right(allowed, start)
    candidates = [c for c in reversed(allowed[low:top]) if letters[c] > letters[start]]
    for pool in ([c for c in candidates if c in own], [c for c in candidates if c in good], candidates):
        for cut in pool:
            if fits(start, cut):  # the real width may differ from the sum by rounding (or kerning)
                return cut
    return None


def _cut_anywhere(
    word: str, start: int, cut: int, end: int, strict: bool, fits: Callable[[int, int], bool]
) -> int | None:
    """A cut between any two characters, for a word with no place where a line may start
    (a row of dashes): the longest piece that fits, never leaving a lone hyphen."""
    while cut > start + 1 and not fits(start, cut):
        cut -= 1
    if cut <= start + 1:
        if strict and not fits(start, start + 1):
            return None
        cut = start + 1
    while cut > start + 1 and not word[cut:].strip("-"):
        cut -= 1  # never leave a lone hyphen for the next line
    if not word[start:cut].strip("-"):  # nor a piece of hyphens only
        cut = min(end, start + len(word[start:]) - len(word[start:].lstrip("-")) + 1)
    return cut


def wrap(text: str, font: str, size: float, width: float, measure: Measure, language: str | None = None) -> list[str]:
    """Greedy word wrap; explicit newlines are kept and a word wider than the box is
    hyphenated (by `language`'s dictionary where it can be) rather than running over
    the edge (a number stays whole: it runs over instead)."""
    lines = _wrap(text, font, size, width, measure, allow_break=True, strict=False, language=language)
    assert lines is not None
    return lines


def _units(words: list[str]) -> list[str]:
    """The words of a paragraph as the wrapper moves them: a mark with no letter or
    digit in it (a dash between words, a lone "?" or "»") goes with the word before
    it, so no line starts with one ("Fem på rad – 17. mai" never turns "– 17. mai")."""
    units: list[str] = []
    for word in words:
        if units and not any(ch.isalnum() for ch in word):
            units[-1] += " " + word
        else:
            units.append(word)
    return units


def _wrap(
    text: str,
    font: str,
    size: float,
    width: float,
    measure: Measure,
    allow_break: bool,
    strict: bool = True,
    language: str | None = None,
) -> list[str] | None:
    """`wrap`, or None when a word is wider than the box and may not (`allow_break`
    False) or cannot (strict: a number, a letter wider than the box) be broken."""
    out: list[str] = []
    table = _widths(measure)
    space = unit_width(" ", font, measure, table) * size
    limit = width + 1e-9
    for paragraph in text.split("\n"):
        words = _units(paragraph.split())
        if not words:
            out.append("")
            continue
        line: list[str] = []
        line_w = 0.0
        for word in words:
            word_w = unit_width(word, font, measure, table) * size
            if line and line_w + space + word_w <= limit:
                line.append(word)
                line_w += space + word_w
                continue
            if line:
                out.append(" ".join(line))
            if word_w > limit:
                if not allow_break:
                    return None
                pieces = _break_word(word, font, size, width, measure, strict, language)
                if pieces is None:
                    return None
                *whole, word = pieces
                out.extend(whole)
                word_w = measure(word, font, size)
            line, line_w = [word], word_w
        out.append(" ".join(line))
    return out


def _wrap_directed(
    run: Run,
    size: float,
    width: float,
    measure: Measure,
    allow_break: bool,
    strict: bool,
    language: str | None,
) -> list[tuple[str, bool]] | None:
    """`_wrap` of a run's text, each line with its paragraph's direction (True: right to
    left, by the run's language or else the paragraph's first strong letter)."""
    if not has_rtl(run.text) and not runs_rtl("", run.language):  # the usual case: one call, no tables
        lines = _wrap(run.text, run.font, size, width, measure, allow_break, strict, language)
        return None if lines is None else [(line, False) for line in lines]
    out: list[tuple[str, bool]] = []
    for paragraph in run.text.split("\n"):
        lines = _wrap(paragraph, run.font, size, width, measure, allow_break, strict, language)
        if lines is None:
            return None
        rtl = runs_rtl(paragraph, run.language)
        out.extend((line, rtl) for line in lines)
    return out


def _set(
    runs: Sequence[Run],
    size: float,
    width: float,
    measure: Measure,
    leading: float,
    allow_break: bool = True,
    strict: bool = True,
    max_height: float | None = None,
    dictionary: bool = True,
) -> tuple[list[Line], float] | None:
    """The lines of `runs` at body size `size`, or None if a word cannot be set, a run
    has more than its `max_lines`, or the lines pass `max_height` (checked line by
    line, so a text far too long for the box is given up on early). `dictionary`
    False: long words are cut only to fill each line, never at a syllable."""
    lines: list[Line] = []
    y = 0.0
    first = True
    descent = size * 0.25
    for index, run in enumerate(runs):
        fs = size * run.scale
        if not first and run.space_before:
            y += run.space_before * size
        indent = measure(run.bullet + " ", run.font, fs) if run.bullet else 0.0
        language = run.language if dictionary else None
        directed = _wrap_directed(run, fs, width - indent, measure, allow_break, strict, language)
        if directed is None:
            return None
        if run.max_lines is not None and len(directed) > run.max_lines:
            return None
        for j, (text, rtl) in enumerate(directed):
            y += fs * 0.95 if first else fs * leading
            first = False
            if max_height is not None and y + descent > max_height + 1e-6:
                return None
            if run.bullet and j == 0:
                bullet_x = width - measure(run.bullet, run.font, fs) if rtl else 0.0
                lines.append(Line(run.bullet, run.font, fs, bullet_x, y, index, rtl=rtl))
            if run.align == "center":
                x = indent + (width - indent - measure(text, run.font, fs)) / 2
            elif rtl:  # from the right edge, the bullet hanging on the right
                x = width - indent - measure(text, run.font, fs)
            else:
                x = indent
            lines.append(Line(text, run.font, fs, x, y, index, rtl=rtl))
    return lines, y + descent


def fit(
    runs: Sequence[Run],
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    measure: Measure,
    leading: float = 1.25,
    step: float = 0.25,
) -> Fitted | None:
    """`_fit`, remembered: the same group label on 500 cards is set once. The runs are
    set without their origins (so the memory is shared) and each line then gets its run's."""
    origins = tuple(r.origin for r in runs)
    fitted = _fit(tuple(_run_key(r) for r in runs), width, height, max_size, min_size, measure, leading, step)
    return None if fitted is None else fitted.placed(origins)


_RunKey = tuple[str, str, float, float, str | None, Align, int | None, str | None]


def _run_key(r: Run) -> _RunKey:
    """Every field of `r` but its origin (a field added to Run must be added here)."""
    return (r.text, r.font, r.scale, r.space_before, r.bullet, r.align, r.max_lines, r.language)


def _bare_run(key: _RunKey) -> Run:
    """The run `key` was made from, without an origin."""
    text, font, scale, before, bullet, align, max_lines, language = key
    return Run(text, font, scale, before, bullet, align, max_lines, origin=UNPLACED, language=language)


@lru_cache(maxsize=4096)
def _fit(
    key: tuple[_RunKey, ...],
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    measure: Measure,
    leading: float,
    step: float,
) -> Fitted | None:
    """The largest body size in [min_size, max_size] (in `step`s) at which all runs
    fit the box, or None if they overflow even at `min_size`. Words are kept whole
    whenever some size allows it; only at the smallest size is a word hyphenated. The
    runs come as their fields (plain tuples hash fast, and without their origins the
    same text on many cards is one entry)."""
    runs = tuple(_bare_run(k) for k in key)
    sizes_count = max(0, int(round((max_size - min_size) / step)))

    def attempt(k: int, allow_break: bool = False, dictionary: bool = True) -> tuple[list[Line], float] | None:
        result = _set(
            runs, min_size + k * step, width, measure, leading, allow_break, max_height=height, dictionary=dictionary
        )
        if result is None or result[1] > height + 1e-6:
            return None
        return result

    at_max = attempt(sizes_count)  # short texts fit at the largest size: one trial
    if at_max is not None:
        return _fitted(min_size + sizes_count * step, at_max, measure)
    at_min = attempt(0)
    if at_min is None:
        # syllable breaks may take a line more than cutting where each line is full:
        # then the full lines, rather than a text that does not fit
        broken = attempt(0, allow_break=True) or attempt(0, allow_break=True, dictionary=False)
        return None if broken is None else _fitted(min_size, broken, measure)
    lo, hi = 0, sizes_count  # attempt(lo) fits, attempt(hi) does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if attempt(mid) is not None:
            lo = mid
        else:
            hi = mid
    return _fitted(min_size + lo * step, attempt(lo), measure)  # type: ignore[arg-type]


def _fitted(size: float, set_lines: tuple[list[Line], float], measure: Measure) -> Fitted:
    """The lines `_set` made, with where their ink starts and ends (measured once, for
    every card that shares them: the check that nothing leaves its card reads it)."""
    lines, used = set_lines
    ink = (
        (min(line.x for line in lines), max(line.x + measure(line.text, line.font, line.size) for line in lines))
        if lines
        else (0.0, 0.0)
    )
    return Fitted(size, tuple(lines), used, (), ink)


def overflow_ratio(
    runs: Sequence[Run], width: float, height: float, size: float, measure: Measure, leading: float = 1.25
) -> float:
    """How many times the box the runs need at `size`, for error messages: the height
    they take, or the width of a number (or letter) too wide to break, whichever is more."""
    result = _set(
        [replace(r, max_lines=None) for r in runs],
        size,
        width,
        measure,
        leading,
        allow_break=True,
        strict=False,
    )
    assert result is not None
    lines, used = result
    widest = max((line.x + measure(line.text, line.font, line.size) for line in lines), default=0.0)
    return max(used / max(height, 1e-6), widest / max(width, 1e-6))


@dataclass(frozen=True)
class Box:
    """A fitted block whose top-left corner is at (left, top) in its unit's coordinates."""

    left: float
    top: float
    fitted: Fitted


class FitFailure(Exception):
    """A field that does not fit even at the minimum size; the caller names the card,
    square or block it belongs to."""

    def __init__(self, field: str, ratio: float, size: float):
        super().__init__(field)
        self.field, self.ratio, self.size = field, ratio, size

    def need(self) -> str:
        """How far off it is, in words for the error message."""
        if self.ratio >= 90:
            return "there is no room left for it"
        if self.ratio < 1.05:
            return "it needs a little more room"
        return f"it needs about {self.ratio:.1f}× the room"


def cut_to_fit(text: str, fits: Callable[[str], bool]) -> str:
    """`text`, or as much of it as `fits` allows with "…" at the end (a title in a footer
    or a label); "" when not even that fits."""
    shown = text
    while shown and not fits(shown):
        shown = shown[:-2].rstrip() + "…" if len(shown) > 2 else ""
    return shown


def fit_or_fail(
    runs: Sequence[Run],
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    measure: Measure,
    field_name: str,
) -> Fitted:
    """`fit`, or a FitFailure that says how much room the text would need at the minimum size."""
    max_size = max(max_size, min_size)
    fitted = fit(runs, width, height, max_size, min_size, measure)
    if fitted is None:
        raise FitFailure(field_name, overflow_ratio(runs, width, height, min_size, measure), min_size)
    return fitted
