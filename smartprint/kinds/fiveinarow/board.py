"""How a five-in-a-row board is set on its page: pure data, no reportlab.

The grid takes the left of a landscape page, as large as fits, with column letters
above and row numbers beside it, so a group can say "C4". The right holds the
title, the rules and the board's number and code. Every entry is fitted once, and
all of a board's entries share one size (the largest every one of them fits)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from smartprint.parts.geometry import Rect
from smartprint.resolve.layout import Page
from smartprint.resolve.units import MM
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label, Origin
from smartprint.text.run import TextRun
from smartprint.text.textfit import Box, FitFailure, Fitted, Run, fit_or_fail


@dataclass(frozen=True)
class BoardStyle:
    panel_share: float = 0.3  # of the width inside the margins, for title and rules
    label_band: float = 7 * MM  # room for the coordinates beside the grid
    coord_size: float = 0.32  # of the label band
    square_inset: float = 0.08  # of the side
    entry_size: float = 0.2  # of the side, the largest entry size
    title_size: float = 26.0
    rules_size: float = 11.0
    number_size: float = 8.0
    grid_width: float = 0.8
    frame_width: float = 2.2
    ink: tuple[float, float, float] = (0.1, 0.1, 0.1)
    number_grey: tuple[float, float, float] = (0.3, 0.3, 0.3)
    second_team: tuple[float, float, float] = (0.2, 0.25, 0.45)  # the first team has the board's colour
    marker_outline: tuple[float, float, float] = (0.6, 0.6, 0.6)
    marker_outline_width: float = 0.4


STYLE = BoardStyle()
ENTRY_FLOOR = 12.0  # pt on A4: the smallest size an entry is set at while hyphenating can keep it
COORDINATES_SHARE = 0.85  # the letters and numbers beside the grid, of the entries' size
LETTERS = "ABCDEFGHIJ"


@dataclass(frozen=True)
class BoardFace:
    grid: Rect
    side: float
    coordinates: tuple[TextRun, ...]  # the column letters above the grid, the row numbers beside it
    title: Box
    rules: Box
    number_at: tuple[float, float, float]  # x, y, size
    panel_width: float  # of the panel beside the grid: title, rules, the board's number
    entries: tuple[Box, ...]  # per entry, relative to a square's bottom-left corner


def plan_board(
    *,
    page: Page,
    grid: int,
    title: str,
    rules: str,
    rules_origin: Origin,
    entries: list[str],
    fonts: Fonts,
    language: str,
    style: BoardStyle = STYLE,
) -> BoardFace:
    """The board's geometry and every entry fitted; FitFailure names what does not fit."""
    m = fonts.measure
    min_size = page.min_text_size
    k = max(1.0, max(page.width, page.height) / 842)  # sizes grow with paper larger than A4
    style = replace(
        style,
        label_band=style.label_band * k,
        title_size=style.title_size * k,
        rules_size=style.rules_size * k,
        number_size=style.number_size * k,
    )
    inner_w, inner_h = page.width - 2 * page.margin, page.height - 2 * page.margin
    panel_w = inner_w * style.panel_share
    room_w = inner_w - panel_w - style.label_band - 6 * MM
    room_h = inner_h - style.label_band
    side = min(room_w, room_h) / grid
    if side < 12 * MM:
        raise FitFailure("grid", 99.0, min_size)
    gx = page.margin + style.label_band
    gy = page.margin + (room_h - side * grid) / 2
    g = Rect(gx, gy, side * grid, side * grid)
    px = g.right + 6 * MM
    pw = page.width - page.margin - px
    top = page.height - page.margin
    title_fit = fit_or_fail(
        [Run(title, fonts.bold, max_lines=3, origin=("title",), language=language)],
        pw,
        inner_h * 0.3,
        style.title_size,
        min_size,
        m,
        "title",
    )
    title_box = Box(px, top, title_fit)
    top -= title_fit.height + 5 * MM
    number_size = max(min_size, style.number_size)
    rules_fit = fit_or_fail(
        [Run(rules, fonts.regular, origin=rules_origin, language=language)],
        pw,
        top - page.margin - number_size * 6,  # room below for the board's number and how to print
        style.rules_size,
        min_size,
        m,
        "rules",
    )
    rules_box = Box(px, top, rules_fit)
    inset = side * style.square_inset
    box_w = side - 2 * inset
    # the words are what the children read, across the table: at least 12 pt on A4 (more
    # on larger paper), a long word hyphenated at its syllables rather than made smaller
    floor = max(min_size, min(ENTRY_FLOOR * k, side * style.entry_size))

    def entry(i: int, text: str, largest: float, smallest: float) -> Fitted:
        run = Run(text, fonts.regular, align="center", origin=("entries", i), language=language)
        try:
            return fit_or_fail([run], box_w, box_w, largest, max(smallest, floor), m, "entries")
        except FitFailure:  # not even hyphenated: smaller, down to the layout's smallest size
            try:
                return fit_or_fail([run], box_w, box_w, min(largest, floor), min_size, m, "entries")
            except FitFailure as failure:
                raise FitFailure(f"entries.{i}", failure.ratio, failure.size) from None

    fitted = [entry(i, e, side * style.entry_size, min_size) for i, e in enumerate(entries)]
    common = min(f.size for f in fitted)
    boxes = []
    for i, e in enumerate(entries):
        f = entry(i, e, common, common)
        boxes.append(Box(inset, side - inset - (box_w - f.height) / 2, f))
    # the coordinates help say C4; they are labels, smaller than the words they label
    coord = min(style.label_band * style.coord_size * 2, common * COORDINATES_SHARE)
    said = Label("coordinates", language)
    columns = tuple(
        TextRun(LETTERS[c], fonts.bold, coord, gx + (c + 0.5) * side, g.top + style.label_band * 0.3, said, "middle")
        for c in range(grid)
    )
    rows = tuple(
        TextRun(
            str(r + 1),
            fonts.bold,
            coord,
            gx - style.label_band * 0.25,
            g.top - (r + 0.5) * side - coord * 0.35,
            said,
            "end",
        )
        for r in range(grid)
    )
    return BoardFace(
        grid=g,
        side=side,
        coordinates=columns + rows,
        title=title_box,
        rules=rules_box,
        number_at=(px, page.margin, number_size),
        panel_width=pw,
        entries=tuple(boxes),
    )
