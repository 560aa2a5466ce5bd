"""The leader's pages, planned as pure data: positioned text lines and tick boxes.

`people` mode: the rules and the full prompt list. `called` mode: the call order
with a tick box per call and, beside each call, the sheets that get their first
full line at that call (from then on they may call bingo)."""

from __future__ import annotations

from dataclasses import dataclass, field

from smartprint.imposition import Rect
from smartprint.textfit import Measure, wrap


@dataclass(frozen=True)
class TextLine:
    text: str
    font: str
    size: float
    x: float
    y: float  # baseline, PDF coordinates


@dataclass
class LeaderPage:
    lines: list[TextLine] = field(default_factory=list)
    boxes: list[Rect] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, y


@dataclass(frozen=True)
class Row:
    """One row of the leader's table: cells of text in columns; `tick` draws a box first."""

    cells: tuple[str, ...]
    tick: bool = False


@dataclass(frozen=True)
class LeaderFonts:
    regular: str
    bold: str
    measure: Measure


def paginate(heading: str, intro: list[str], columns: tuple[float, ...], header: tuple[str, ...],
             rows: list[Row], area: Rect, fonts: LeaderFonts, size: float = 10.5) -> list[LeaderPage]:
    """Flow a heading, paragraphs and a table over as many pages as it takes.
    `columns` are the columns' shares of the width; the table header repeats on every page."""
    m = fonts.measure
    leading = size * 1.3
    pages = [LeaderPage()]
    y = area.top

    def new_page() -> None:
        nonlocal y
        pages.append(LeaderPage())
        y = area.top

    def put(text: str, font: str, fsize: float, x: float) -> None:
        pages[-1].lines.append(TextLine(text, font, fsize, x, y))

    title_size = size * 1.7
    for line in wrap(heading, fonts.bold, title_size, area.w, m):
        y -= title_size * 1.2
        put(line, fonts.bold, title_size, area.x)
    y -= size * 0.6
    for paragraph in intro:
        for line in wrap(paragraph, fonts.regular, size, area.w, m):
            if y - leading < area.y:
                new_page()
            y -= leading
            put(line, fonts.regular, size, area.x)
        y -= size * 0.5

    tick = size * 1.05
    lefts = [area.x]
    for share in columns[:-1]:
        lefts.append(lefts[-1] + share * area.w)
    widths = [share * area.w - size * 0.8 for share in columns]

    def table_header() -> None:
        nonlocal y
        y -= leading * 1.3
        for text, x, width in zip(header, lefts, widths):
            for line in wrap(text, fonts.bold, size, width, m)[:1]:
                put(line, fonts.bold, size, x)
        pages[-1].rules.append((area.x, area.right, y - size * 0.45))
        y -= size * 0.3

    if header:
        table_header()
    for row in rows:
        wrapped = [wrap(text, fonts.regular, size, width, m) if text else [""]
                   for text, width in zip(row.cells, widths)]
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
                    put(line, fonts.regular, size, x)
        if row.tick:
            pages[-1].boxes.append(Rect(lefts[0], top - leading + size * -0.1, tick, tick))
        y = top - height
        pages[-1].rules.append((area.x, area.right, y + size * 0.2))
    return pages
