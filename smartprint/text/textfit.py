"""Wrapping and shrinking text to fit a box: pure layout, no drawing.

The width of a string comes from an injected `measure(text, font, size)` so the
planning code stays free of reportlab and can be tested with any metric.
Text is never clipped: `fit` returns None when even the minimum size overflows,
and the caller turns that into an error naming the card and field.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

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


@dataclass(frozen=True)
class Line:
    text: str
    font: str
    size: float
    x: float  # from the box's left edge
    baseline: float  # distance from the box's top edge, downwards
    run: int = 0  # which of the fitted runs it was set from
    origin: Origin = field(kw_only=True)  # its run's


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[Line, ...]
    height: float


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


def _break_word(
    word: str, font: str, size: float, width: float, measure: Measure, strict: bool = True
) -> list[str] | None:
    """A word wider than the box, cut between letters with a hyphen (a long web address,
    say, or a compound noun in a narrow bingo square at the smallest size).

    Each letter is measured once (size-1 widths, remembered) and summed, so the cut
    is a binary search over the sums: a word of 20,000 letters breaks in milliseconds,
    where re-measuring one letter shorter at a time took minutes. Strict (the fitter):
    None for a number, or when not even one letter and a hyphen fit; otherwise
    (`wrap`) a number stays whole and a letter too wide stands alone."""
    if is_number(word):
        return None if strict else [word]
    table = _widths(measure)
    hyphen = unit_width("-", font, measure, table) * size
    sums = [0.0]
    for ch in word:
        sums.append(sums[-1] + unit_width(ch, font, measure, table) * size)
    limit = width + 1e-9
    parts: list[str] = []
    start, end = 0, len(word)
    while sums[end] - sums[start] > limit:
        # the longest piece word[start:cut] that fits with its hyphen, leaving a letter
        cut = min(bisect_right(sums, sums[start] + limit - hyphen) - 1, end - 1)
        while cut > start + 1 and measure(word[start:cut] + "-", font, size) > limit:
            cut -= 1  # the real width may differ from the sum by rounding (or kerning)
        if cut <= start + 1:
            if strict and measure(word[start] + "-", font, size) > limit:
                return None
            cut = start + 1
        while cut > start + 1 and not word[cut:].strip("-"):
            cut -= 1  # never leave a lone hyphen for the next line
        if not word[start:cut].strip("-"):  # nor a piece of hyphens only
            cut = min(end, start + len(word[start:]) - len(word[start:].lstrip("-")) + 1)
        piece = word[start:cut]
        parts.append(piece if piece.endswith("-") else piece + "-")
        start = cut
    if start < end:
        parts.append(word[start:])
    return parts


def wrap(text: str, font: str, size: float, width: float, measure: Measure) -> list[str]:
    """Greedy word wrap; explicit newlines are kept and a word wider than the box is
    hyphenated between letters rather than running over the edge (a number stays
    whole: it runs over instead)."""
    lines = _wrap(text, font, size, width, measure, allow_break=True, strict=False)
    assert lines is not None
    return lines


def _wrap(
    text: str, font: str, size: float, width: float, measure: Measure, allow_break: bool, strict: bool = True
) -> list[str] | None:
    """`wrap`, or None when a word is wider than the box and may not (`allow_break`
    False) or cannot (strict: a number, a letter wider than the box) be broken."""
    out: list[str] = []
    table = _widths(measure)
    space = unit_width(" ", font, measure, table) * size
    limit = width + 1e-9
    for paragraph in text.split("\n"):
        words = paragraph.split()
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
                pieces = _break_word(word, font, size, width, measure, strict)
                if pieces is None:
                    return None
                *whole, word = pieces
                out.extend(whole)
                word_w = measure(word, font, size)
            line, line_w = [word], word_w
        out.append(" ".join(line))
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
) -> tuple[list[Line], float] | None:
    """The lines of `runs` at body size `size`, or None if a word cannot be set, a run
    has more than its `max_lines`, or the lines pass `max_height` (checked line by
    line, so a text far too long for the box is given up on early)."""
    lines: list[Line] = []
    y = 0.0
    first = True
    descent = size * 0.25
    for index, run in enumerate(runs):
        fs = size * run.scale
        if not first and run.space_before:
            y += run.space_before * size
        indent = measure(run.bullet + " ", run.font, fs) if run.bullet else 0.0
        wrapped = _wrap(run.text, run.font, fs, width - indent, measure, allow_break, strict)
        if wrapped is None:
            return None
        if run.max_lines is not None and len(wrapped) > run.max_lines:
            return None
        for j, text in enumerate(wrapped):
            y += fs * 0.95 if first else fs * leading
            first = False
            if max_height is not None and y + descent > max_height + 1e-6:
                return None
            if run.bullet and j == 0:
                lines.append(Line(run.bullet, run.font, fs, 0.0, y, index, origin=run.origin))
            if run.align == "center":
                x = indent + (width - indent - measure(text, run.font, fs)) / 2
            else:
                x = indent
            lines.append(Line(text, run.font, fs, x, y, index, origin=run.origin))
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
    bare = tuple(replace(r, origin=UNPLACED) for r in runs)
    fitted = _fit(bare, width, height, max_size, min_size, measure, leading, step)
    return None if fitted is None else _with_origins(fitted, origins)


def _with_origins(fitted: Fitted, origins: tuple[Origin, ...]) -> Fitted:
    """The fitted lines, each with the origin of the run it was set from."""
    return Fitted(fitted.size, tuple(replace(line, origin=origins[line.run]) for line in fitted.lines), fitted.height)


@lru_cache(maxsize=4096)
def _fit(
    runs: tuple[Run, ...],
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
    whenever some size allows it; only at the smallest size is a word hyphenated."""
    sizes_count = max(0, int(round((max_size - min_size) / step)))

    def attempt(k: int, allow_break: bool = False) -> tuple[list[Line], float] | None:
        result = _set(runs, min_size + k * step, width, measure, leading, allow_break, max_height=height)
        if result is None or result[1] > height + 1e-6:
            return None
        return result

    at_max = attempt(sizes_count)  # short texts fit at the largest size: one trial
    if at_max is not None:
        return Fitted(min_size + sizes_count * step, tuple(at_max[0]), at_max[1])
    at_min = attempt(0)
    if at_min is None:
        broken = attempt(0, allow_break=True)
        return None if broken is None else Fitted(min_size, tuple(broken[0]), broken[1])
    lo, hi = 0, sizes_count  # attempt(lo) fits, attempt(hi) does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if attempt(mid) is not None:
            lo = mid
        else:
            hi = mid
    lines, used = attempt(lo)  # type: ignore[misc]
    return Fitted(min_size + lo * step, tuple(lines), used)


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
