"""What a fill-in sheet's page holds, and what every block type plans with: the items
a page is drawn from (fitted text, rules, frames, tick boxes, a QR matrix, a picture's
place), the sheet's style, a block ready to plan, and the context that fits its text.
Pure data: nothing here draws (`paint.py` does)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from smartprint.load.source import Path_
from smartprint.parts.geometry import Rect
from smartprint.resolve.colors import INK, RGB
from smartprint.resolve.placeholders import NAME_WORDS, fill, has_pupil
from smartprint.resolve.units import MM
from smartprint.text.bidi import runs_rtl
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Origin
from smartprint.text.textfit import Align, Box, FitFailure, Fitted, Line, Run, fit, fit_or_fail


def is_name_label(label: str) -> bool:
    """A field for the pupil's name: "Navn", "Elevens navn", "Mitt namn", "Navn og klasse"
    (a whole word; "Etternavn" or "Fornavn" are parts of a name, not the name)."""
    words = re.findall(r"\w+", label.casefold())
    return any(w in NAME_WORDS for w in words)


@dataclass(frozen=True)
class TextItem:
    box: Box
    origin: Origin
    color: RGB = INK
    named: bool = False  # holds the pupil's name (the glyph check names the class list for it)


@dataclass(frozen=True)
class RuleItem:
    x0: float
    x1: float
    y: float
    grey: RGB = (0.55, 0.55, 0.55)
    width: float = 0.7


@dataclass(frozen=True)
class FrameItem:
    rect: Rect
    color: RGB = (0.45, 0.45, 0.45)
    width: float = 1.0
    radius: float = 3 * MM


@dataclass(frozen=True)
class TickItem:
    rect: Rect


@dataclass(frozen=True)
class QrItem:
    matrix: tuple[tuple[bool, ...], ...]
    rect: Rect


@dataclass(frozen=True)
class ImageItem:
    picture: Any  # an assets.Picture (read and checked while resolving)
    rect: Rect


@dataclass(frozen=True)
class VRule:
    x: float
    y0: float
    y1: float
    grey: RGB = (0.45, 0.45, 0.45)
    width: float = 0.8


Item = TextItem | RuleItem | VRule | FrameItem | TickItem | QrItem | ImageItem


@dataclass
class PagePlan:
    pupil: int | None  # index into the class list, or None
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class SheetStyle:
    body: float
    title: float
    line: float  # between writing lines
    gap: float
    min_size: float
    words_max: float
    color: RGB
    ink: RGB = INK
    poster_title: float = 40.0  # a `words` block's title: read across a classroom (caps about 10 mm on A4)
    pad: float = 3 * MM  # inside a frame
    heading: float = 1.15  # a block title, of the body size
    leading: float = 1.35  # running text
    frame_grey: RGB = (0.45, 0.45, 0.45)
    rule_grey: RGB = (0.55, 0.55, 0.55)
    tick: float = 5 * MM  # the side of a tick box, at least
    drawing_min: float = 25 * MM
    band_min: float = 22 * MM  # a `words` line, at least
    table_row_min: float = 6 * MM  # a table's rows on a short page, at least


@dataclass(frozen=True)
class Entry:
    """A checklist entry: its text and where it came from (None: a blank to write on)."""

    text: str | None
    origin: Origin
    own: bool = False  # written in the sheet (placeholders filled), not a card deck's title


@dataclass(frozen=True)
class BlockIn:
    """A block ready to plan: its type, its (normalised) model, and what resolving found."""

    index: int
    type: str
    data: Any  # the block's own model (FieldBlock, BoxBlock, …), or None for new_page
    span: int
    found: Any = None  # what the block type found while resolving (a picture, a QR matrix, entries)

    @property
    def loc(self) -> Path_:
        return ("blocks", self.index, self.type)


class BlockError(Exception):
    """A block that cannot be placed or filled; `loc` is where it stands in the file."""

    def __init__(self, loc: Path_, message: str):
        super().__init__(message)
        self.loc, self.message = loc, message


Place = Callable[[float, float, float, float], list[Item]]  # (x, top, width, height) -> items


@dataclass(frozen=True)
class Measured:
    height: float
    flex: bool
    place: Place
    least: float | None = None  # the height it may shrink to when the page is short (a table's rows)
    # stands on a writing line (a field): such blocks in a row are placed with the height
    # of the tallest of them, so their lines and labels share one baseline
    on_line: bool = False

    @property
    def smallest(self) -> float:
        return self.height if self.least is None else min(self.least, self.height)


class Ctx:
    def __init__(
        self, style: SheetStyle, fonts: Fonts, name: str | None, first_name: str | None = None, language: str = "nb"
    ):
        self.s, self.fonts, self.name = style, fonts, name
        self.first_name = first_name  # for {fornavn}; None: the name
        self.language = language  # the file's `language`, for the words a block prints itself

    def text(self, raw: str) -> str:
        return fill(raw, self.name, first_name=self.first_name)

    def fit(
        self,
        text: str,
        font: str,
        *,
        w: float,
        h: float,
        size: float,
        loc: Path_,
        what: str,
        align: Align = "left",
        max_lines: int | None = None,
        leading: float = 1.25,
    ) -> Fitted:
        s = self.s
        size = max(size, s.min_size)
        fitted = fit(
            [Run(text, font, align=align, max_lines=max_lines, origin=loc, language=self.language)],
            w,
            h,
            size,
            s.min_size,
            self.fonts.measure,
            leading,
        )
        if fitted is None:
            try:
                fit_or_fail(
                    [Run(text, font, align=align, origin=loc, language=self.language)],
                    w,
                    h,
                    size,
                    s.min_size,
                    self.fonts.measure,
                    what,
                )
                ratio = 1.1
            except FitFailure as f:
                ratio = f.ratio
            need = "it needs a little more room" if ratio < 1.05 else f"it needs about {ratio:.1f}× the room"
            raise BlockError(
                loc,
                f"{what} does not fit even at {s.min_size:g} pt ({need}); shorten it"
                f"{', or give the block more columns (span)' if w < 400 else ''}",
            )
        return fitted

    def heading(
        self, raw: str | None, w: float, loc: Path_, size: float | None = None, align: Align = "left", wrap: int = 4
    ) -> Fitted | None:
        """A title, wrapped before it is made much smaller: up to `wrap` lines at (nearly)
        its size, then as few more lines (up to six) as fit at any size down to
        the body size; only then smaller, down to the layout's smallest size (a long name
        in a narrow box). A page's large title wraps onto two lines before it shrinks."""
        if not raw:
            return None
        s = self.s
        size = max(size if size is not None else s.body * s.heading, s.min_size)
        text = self.text(raw)
        stages = [(n, 0.95) for n in range(2, wrap + 1)] + [(n, 0.0) for n in range(max(wrap, 3), 7)]
        for lowest in (s.body, s.min_size):
            for lines, share in stages:
                floor = min(size, max(size * share, lowest, s.min_size))
                fitted = fit(
                    [Run(text, self.fonts.bold, align=align, max_lines=lines, origin=loc, language=self.language)],
                    w,
                    lines_height(size, lines),
                    size,
                    floor,
                    self.fonts.measure,
                )
                if fitted is not None:
                    return fitted
        return self.fit(
            text,
            self.fonts.bold,
            w=w,
            h=lines_height(size, 6),
            size=size,
            loc=loc,
            what="the title",
            align=align,
            max_lines=6,
        )

    def rtl(self, *texts: str | None) -> bool:
        """Whether a block runs right to left: by the material's language, else by the
        first strong letter of its texts (an Arabic checklist in a Norwegian sheet)."""
        return runs_rtl(" ".join(t for t in texts if t), self.language)

    def named(self, raw: str | None) -> bool:
        """Whether `raw` prints the pupil's name or first name (its letters come from the class list)."""
        return self.name is not None and has_pupil(raw)


def mirrored(rtl: bool, x: float, width: float, left: float, w: float) -> float:
    """The left edge of a thing `w` wide that stands at `left` in the span [x, x + width]
    of a left-to-right block; in a block that runs right to left, its mirror image (a tick
    box before its label stands after it, on the right)."""
    return x + width - (left - x) - w if rtl else left


def lines_height(size: float, lines: int, leading: float = 1.25) -> float:
    """The height `lines` lines of text at `size` take (as `fit` sets them)."""
    return size * 0.95 + (lines - 1) * size * leading + size * 0.25 + 0.01


def heading_items(ctx: Ctx, fitted: Fitted | None, x: float, top: float, loc: Path_, raw: str | None) -> list[Item]:
    if fitted is None:
        return []
    return [TextItem(Box(x, top, fitted), loc, ctx.s.color, ctx.named(raw))]


def one_line_first(ctx: Ctx, text: str, font: str, w: float, size: float, loc: Path_, what: str) -> Fitted:
    """`text` on one line, made smaller down to the smallest size if need be; if it is still
    too long, on as few lines as it fits on at any size down to the smallest (two, then
    three, then four), as large as it fits on them."""
    s = ctx.s
    size = max(size, s.min_size)
    one = fit(
        [Run(text, font, max_lines=1, origin=loc, language=ctx.language)],
        w,
        size * 1.6,
        size,
        s.min_size,
        ctx.fonts.measure,
    )
    if one is not None:
        return one
    for lines in (2, 3):
        more = fit(
            [Run(text, font, max_lines=lines, origin=loc, language=ctx.language)],
            w,
            lines_height(size, lines),
            size,
            s.min_size,
            ctx.fonts.measure,
        )
        if more is not None:
            return more
    return ctx.fit(text, font, w=w, h=lines_height(size, 4), size=size, loc=loc, what=what, max_lines=4)


def one_line(text: str, font: str, size: float, origin: Origin) -> Fitted:
    """A single line at its natural size (a number in front of a line to write on)."""
    return Fitted(size, (Line(text, font, size, 0.0, size * 0.95),), size * 1.2, (origin,))
