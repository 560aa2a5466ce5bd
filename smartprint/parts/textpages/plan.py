"""Pages of text and tables, planned as pure data: positioned lines, tick boxes and
rules. Used for a bingo leader's pages, rules pages, call lists and the like.

A heading, paragraphs, then a table whose header repeats on every page; a row never
splits across pages. Every line remembers where its text came from, so the glyph
check can name the field (or smartprint's own label) that a missing character is in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from smartprint.parts.geometry import Rect
from smartprint.text.bidi import runs_rtl
from smartprint.text.origin import Label, Origin
from smartprint.text.run import TextRun
from smartprint.text.textfit import Measure, wrap


@dataclass(frozen=True)
class Para:
    """A paragraph; a `subheading` is set bold with room above it, a `bullet` hangs
    behind a bullet sign, a `hanging` one behind the same room left empty (for a
    mark the kind draws there: a category's symbol)."""

    text: str
    origin: Origin
    role: Literal["text", "subheading", "bullet", "hanging"] = "text"
    mark: int | None = None  # for a hanging paragraph: which mark the kind draws in its room


@dataclass(frozen=True)
class Mark:
    """Room a hanging paragraph left before its first line, for the kind to draw in:
    `key` says what (a category's number), the square is `side` wide at (x, y)."""

    key: int
    x: float
    y: float
    side: float


@dataclass
class TextPage:
    lines: list[TextRun] = field(default_factory=list)
    boxes: list[Rect] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, y
    marks: list[Mark] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    """One row of a table: a cell of text per column, each with its origin; `tick`
    draws a box to tick before the first cell."""

    cells: tuple[str, ...]
    origins: tuple[Origin, ...]
    tick: bool = False


@dataclass(frozen=True)
class PageFonts:
    regular: str
    bold: str
    measure: Measure


@dataclass(frozen=True)
class TextStyle:
    size: float = 10.5
    leading: float = 1.3  # of the size
    heading: float = 1.7  # of the size
    column_pad: float = 0.8  # of the size, between columns
    rule_grey: tuple[float, float, float] = (0.75, 0.75, 0.75)
    rule_width: float = 0.4
    box_width: float = 0.8


TEXT = TextStyle()


def _column_widths(
    rows: list[Row], columns: tuple[float, ...], area: Rect, fonts: PageFonts, style: TextStyle
) -> list[float]:
    """Column widths from their shares, with the first column wide enough for its
    widest entry: a row number is never broken across lines."""
    size = style.size
    tick = size * 1.05 + size * 0.5 if any(r.tick for r in rows) else 0.0
    first = max((fonts.measure(r.cells[0], fonts.regular, size) for r in rows if r.cells), default=0.0)
    shares = [share * area.w for share in columns]
    need = first + tick + size * style.column_pad
    if len(shares) > 1 and shares[0] < need:
        rest = sum(shares[1:])
        scale = (area.w - need) / rest
        shares = [need] + [s * scale for s in shares[1:]]
    return shares


def paginate(
    heading: Para,
    *,
    intro: list[Para],
    columns: tuple[float, ...],
    header: tuple[str, ...],
    rows: list[Row],
    area: Rect,
    fonts: PageFonts,
    language: str,
    style: TextStyle = TEXT,
) -> list[TextPage]:
    """Flow a heading, paragraphs and a table over as many pages as it takes.
    `columns` are the columns' shares of the width; the table header repeats on every page.
    A paragraph that runs right to left (by `language`, else by its first strong letter)
    is mirrored: set from the right edge, its bullet or mark on the right; a table in
    such a language has its first column, and its tick boxes, on the right."""
    m = fonts.measure
    size = style.size
    leading = size * style.leading
    pages = [TextPage()]
    y = area.top

    def new_page() -> None:
        nonlocal y
        pages.append(TextPage())
        y = area.top

    def put(text: str, font: str, fsize: float, start: float, origin: Origin, rtl: bool) -> None:
        """A line whose reading starts `start` in from the area's edge: the left one, or
        for a right-to-left line the right one (the line then ends there)."""
        if rtl:
            pages[-1].lines.append(TextRun(text, font, fsize, area.right - start, y, origin, "end", True))
        else:
            pages[-1].lines.append(TextRun(text, font, fsize, area.x + start, y, origin, rtl=False))

    def left_of(start: float, w: float, rtl: bool) -> float:
        """The left edge of a thing `w` wide that stands `start` in from the reading edge."""
        return area.right - start - w if rtl else area.x + start

    title_size = size * style.heading
    heading_rtl = runs_rtl(heading.text, language)
    for line in wrap(heading.text, fonts.bold, title_size, area.w, m, language):
        y -= title_size * 1.2
        put(line, fonts.bold, title_size, 0.0, heading.origin, heading_rtl)
    y -= size * 0.6
    bullet_w = max(m("•", fonts.regular, size) + size * 0.5, size * 1.8)
    for paragraph in intro:
        font = fonts.bold if paragraph.role == "subheading" else fonts.regular
        indent = bullet_w if paragraph.role in ("bullet", "hanging") else 0.0
        if paragraph.role == "subheading":
            y -= size * 0.5
        lines = wrap(paragraph.text, font, size, area.w - indent, m, language)
        rtl = runs_rtl(paragraph.text, language)
        for k, line in enumerate(lines):
            # a subheading stays with the first line that follows it
            if y - leading * (2 if paragraph.role == "subheading" else 1) < area.y:
                new_page()
            y -= leading
            if k == 0 and paragraph.role == "bullet":
                put("•", fonts.regular, size, 0.0, Label("bullet", language), rtl)
            if k == 0 and paragraph.mark is not None:
                side = size * 1.15
                pages[-1].marks.append(Mark(paragraph.mark, left_of(0.0, side, rtl), y - size * 0.2, side))
            put(line, font, size, indent, paragraph.origin, rtl)
        y -= size * (0.2 if paragraph.role == "subheading" else 0.5)

    tick = size * 1.05
    shares = _column_widths(rows, columns, area, fonts, style) if rows else [area.w]
    table_rtl = runs_rtl(" ".join(header), language)
    lefts = [0.0]  # each column's start, from the reading edge
    for share in shares[:-1]:
        lefts.append(lefts[-1] + share)
    widths = [share - size * style.column_pad for share in shares]
    header_origin = Label("table header", language)

    def table_header() -> None:
        """The column heads, each wrapped in full (never cut to one line)."""
        nonlocal y
        y -= leading * 0.3
        top = y
        bottom = y
        for text, x, width in zip(header, lefts, widths):
            y = top
            for line in wrap(text, fonts.bold, size, width, m, language):
                y -= leading
                put(line, fonts.bold, size, x, header_origin, table_rtl)
            bottom = min(bottom, y)
        y = bottom
        pages[-1].rules.append((area.x, area.right, y - size * 0.45))
        y -= size * 0.3

    if header and rows:
        table_header()
    for row in rows:
        wrapped = [
            wrap(text, fonts.regular, size, width - (tick + size * 0.5 if k == 0 and row.tick else 0), m, language)
            if text
            else [""]
            for k, (text, width) in enumerate(zip(row.cells, widths))
        ]
        height = max(len(w) for w in wrapped) * leading + size * 0.35
        if y - height < area.y:
            new_page()
            if header:
                table_header()
        top = y
        for column, lines in enumerate(wrapped):
            y = top
            for line in lines:
                y -= leading
                x = lefts[column] + (tick + size * 0.5 if column == 0 and row.tick else 0)
                if line:
                    put(line, fonts.regular, size, x, row.origins[column], table_rtl)
        if row.tick:
            pages[-1].boxes.append(Rect(left_of(lefts[0], tick, table_rtl), top - leading - size * 0.1, tick, tick))
        y = top - height
        pages[-1].rules.append((area.x, area.right, y + size * 0.2))
    return pages


def rules_pages(
    heading: Para, paragraphs: list[Para], area: Rect, fonts: PageFonts, language: str, style: TextStyle = TEXT
) -> list[TextPage]:
    """A rules sheet: a heading and paragraphs, over as many pages as it takes."""
    return paginate(
        heading,
        intro=paragraphs,
        columns=(1.0,),
        header=(),
        rows=[],
        area=area,
        fonts=fonts,
        language=language,
        style=style,
    )
