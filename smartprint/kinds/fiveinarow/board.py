"""How a five-in-a-row board is set on its page: pure data, no reportlab.

The grid takes the left of a landscape page, as large as fits, with column letters
above and row numbers beside it, so a group can say "C4". The right holds the
title, the rules and the board's number and code. All of a board's entries share one
size: the largest at which every one of them fits with its words whole (children read
"Samarbeid", not "Samar-" and "beid"); a word is broken at a syllable only when it does
not fit a square even at the layout's smallest size. An entry that pulls the board's
size down by its length, not by a word, is named (`BoardFace.long_entries`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from smartprint.parts.geometry import Rect
from smartprint.resolve.layout import Page
from smartprint.resolve.units import MM
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label, Origin
from smartprint.text.run import TextRun
from smartprint.text.textfit import UNPLACED, Box, FitFailure, Fitted, Run, fit, fit_or_fail


@dataclass(frozen=True)
class BoardStyle:
    panel_share: float = 0.3  # of the width inside the margins, for title and rules
    label_band: float = 7 * MM  # room for the coordinates beside the grid
    coord_size: float = 0.32  # of the label band, at most
    coordinates: float = 10.2  # pt on A4: the letters and numbers beside the grid, whatever the entries' size
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
LONG_SHARE = 0.9  # an entry that sets the board below this share of what its words allow is named
LETTERS = "ABCDEFGHIJ"


@dataclass(frozen=True)
class LongEntry:
    """An entry whose length, not a word of it, sets every entry of the board smaller."""

    index: int
    size: float  # what it sets every entry at
    others: float  # what the other entries would share without it


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
    long_entries: tuple[LongEntry, ...] = ()  # to be warned about by name


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
    runs = [
        Run(e, fonts.regular, align="center", origin=("entries", i), language=language) for i, e in enumerate(entries)
    ]
    largest = side * style.entry_size

    def entry(i: int, size: float, smallest: float) -> Fitted:
        """Entry i at the largest size down to `smallest` that keeps its words whole (textfit
        breaks a word only at `smallest`)."""
        try:
            return fit_or_fail([runs[i]], box_w, box_w, size, smallest, m, "entries")
        except FitFailure as failure:
            raise FitFailure(f"entries.{i}", failure.ratio, failure.size) from None

    alone = [entry(i, largest, min_size).size for i in range(len(entries))]
    common = min(alone)
    boxes = []
    for i in range(len(entries)):
        f = entry(i, common, common)
        boxes.append(Box(inset, side - inset - (box_w - f.height) / 2, f))
    long_entries = _long_entries(
        alone,
        lambda kept: words_allow([entries[j] for j in kept], fonts, language, box_w, largest, min_size),
        min_size,
    )
    # the coordinates help say C4: one size on every board, however long its entries
    coord = min(style.label_band * style.coord_size * 2, style.coordinates * k)
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
        long_entries=long_entries,
    )


def words_allow(
    entries: list[str], fonts: Fonts, language: str, width: float, largest: float, smallest: float
) -> float:
    """The largest size at which every word of the entries fits a square's line whole: no
    entry can be larger, however it is worded (`smallest` if some word never fits)."""
    m = fonts.measure
    size = largest
    for word in {w for e in entries for w in e.split()}:
        one_line = Run(word, fonts.regular, max_lines=1, origin=UNPLACED, language=language)
        fitted = fit([one_line], width, width, size, smallest, m)
        size = smallest if fitted is None else fitted.size
    return size


def _long_entries(
    alone: list[float], allowed: Callable[[list[int]], float], smallest_size: float
) -> tuple[LongEntry, ...]:
    """The entries that set the board well below the size the others would share: by
    their length (below what the words of all entries allow), or by a word of their own
    so long that it takes the board to the smallest size (a long strength word such as
    «Nysgjerrigheit» that only takes it a step down is not named: it cannot be shortened),
    each with the size the others would share without them. `allowed(kept)`: what the
    words of the entries `kept` allow."""
    everyone = list(range(len(alone)))
    by_all = allowed(everyone)
    long = [i for i, size in enumerate(alone) if size < by_all * LONG_SHARE]
    smallest = min(alone, default=by_all)
    for i, size in enumerate(alone):  # only an entry at the board's size can pull it down by a word
        at_floor = size <= smallest_size + 1e-6
        if (
            i not in long
            and at_floor
            and size <= smallest
            and size < allowed([j for j in everyone if j != i]) * LONG_SHARE
        ):
            long.append(i)
    long.sort()
    others = min((size for i, size in enumerate(alone) if i not in long), default=by_all)
    return tuple(LongEntry(i, alone[i], others) for i in long)
