"""The board page of a board game set as pure data: title, track and legend, every
text fitted and every part checked to lie on the page, before anything is drawn.

Coordinates are those of the board page (origin bottom-left), margins included; the
tiled A4 print shows the same page's content box in pieces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from smartprint.kinds.boardgame.track import Shape, Track, plan_track
from smartprint.parts.geometry import Rect
from smartprint.parts.inside import escaping
from smartprint.resolve.units import MM
from smartprint.text.bidi import is_rtl_language, runs_rtl
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label, Origin
from smartprint.text.textfit import Box, FitFailure, Run, fit_or_fail


@dataclass(frozen=True)
class BoardStyle:
    title_band: float = 0.075  # of the content height
    legend_band: float = 0.085
    gutter: float = 0.11  # white space around each square, of a cell's side
    number_size: float = 0.15  # of a square's side
    symbol_radius: float = 0.24
    special_text: float = 0.105  # largest special text, of the side
    end_label: float = 0.2  # START and MÅL, of the side
    tint: float = 0.72  # how much lighter a category square is than its colour
    road_width: float = 0.3  # the road that joins consecutive squares, of the side


STYLE = BoardStyle()

# The foot of each A4 part of a tiled board: its name, how to join it, and a small map.
TILE_LABEL_SIZE = 10.0  # the part's name, bold
TILE_MAP_W = 30 * MM  # the map of all parts, at the foot's right
TILE_LABEL_ROOM = 16 * MM
TILE_FOOT = 8 * MM  # the part's name: its baseline below the board, clear of the alignment triangles


@dataclass(frozen=True)
class Square:
    number: int  # 0 start, n + 1 finish
    rect: Rect
    category: int | None
    number_at: tuple[float, float, float] | None  # x, baseline, size (the number's left end, in a top corner)
    symbol_at: tuple[float, float, float] | None  # cx, cy, r
    text: Box | None  # a special's text, or the start/finish label
    mark_at: tuple[float, float, float] | None = None  # a special square's "!": cx, cy, r


@dataclass(frozen=True)
class LegendItem:
    swatch: Rect
    category: int | None  # None: the special squares
    label: Box


@dataclass(frozen=True)
class BoardFace:
    width: float
    height: float
    content: Rect  # the page inside its margins
    title: Box
    track: Track
    squares: tuple[Square, ...]
    legend: tuple[LegendItem, ...]
    number_font_size: float
    mark_left: bool = False  # the special squares' "!" in the top-left corner: right to left, the number is top right


def special_mark(r: Rect, left: bool) -> tuple[float, float, float]:
    """Where a special square's (or its legend swatch's) "!" stands: cx, cy, r, in the top
    corner the square's number leaves free (top right, or top left when the numbers are
    at the right, right to left)."""
    mark = r.w * 0.13
    return (r.x + mark * 1.4 if left else r.right - mark * 1.4, r.top - mark * 1.4, mark)


class BoardFitFailures(Exception):
    """Every text of the board that does not fit, so one build reports them all."""

    def __init__(self, failures: list[FitFailure]):
        super().__init__(", ".join(f.field for f in failures))
        self.failures = failures


def _legend_try(
    entries: list[tuple[str, int | None, Origin]], band: Rect, rows: int, fonts: Fonts, min_size: float, language: str
) -> list[LegendItem] | FitFailure:
    """The legend in `rows` rows, every name at one size (the largest all fit at)."""
    per_row = -(-len(entries) // rows)
    col_w = band.w / per_row
    row_h = band.h / rows
    sw = min(row_h * 0.8, col_w * 0.3)
    text_w = col_w - sw * 1.3 - sw * 0.5  # room before the next swatch
    largest = min(row_h * 0.34 * rows, 18.0)
    size = largest
    for name, category, origin in entries:
        field = f"legend.{category}" if category is not None else "legend.special"
        try:
            size = min(
                size,
                fit_or_fail(
                    [Run(name, fonts.bold, max_lines=2, origin=origin, language=language)],
                    text_w,
                    row_h,
                    largest,
                    min_size,
                    fonts.measure,
                    field,
                ).size,
            )
        except FitFailure as f:
            return f
    # right to left: the entries from the right, each swatch to the right of its name
    rtl = runs_rtl(" ".join(name for name, _, _ in entries), language)
    items = []
    for i, (name, category, origin) in enumerate(entries):
        row, col = divmod(i, per_row)
        x = band.right - (col + 1) * col_w if rtl else band.x + col * col_w
        y = band.top - (row + 1) * row_h
        swatch = Rect(x + col_w - sw if rtl else x, y + (row_h - sw) / 2, sw, sw)
        run = Run(name, fonts.bold, max_lines=2, origin=origin, language=language)
        fitted = fit_or_fail([run], text_w, row_h, size, size, fonts.measure, "legend")
        left = swatch.x - sw * 0.3 - text_w if rtl else swatch.right + sw * 0.3
        items.append(LegendItem(swatch, category, Box(left, y + row_h / 2 + fitted.height / 2, fitted)))
    return items


def _legend(
    names: Sequence[str], special: str | None, band: Rect, fonts: Fonts, min_size: float, language: str
) -> list[LegendItem]:
    """A swatch and its name for each category (and the special squares): one row, or
    two when the names need it."""
    entries: list[tuple[str, int | None, Origin]] = [(n, i, ("categories", i, "name")) for i, n in enumerate(names)]
    if special is not None:
        entries.append((special, None, Label("legend", language)))
    one = _legend_try(entries, band, 1, fonts, min_size, language)
    if isinstance(one, list) and (len(entries) <= 4 or one[0].label.fitted.size >= 11):
        return one
    two = _legend_try(entries, band, 2, fonts, min_size, language)
    if isinstance(two, list):
        if isinstance(one, list) and one[0].label.fitted.size >= two[0].label.fitted.size:
            return one
        return two
    if isinstance(one, list):
        return one
    raise one


def plan_board(
    *,
    width: float,
    height: float,
    margin: float,
    title: str,
    squares: int,
    categories: Sequence[int | None],
    names: Sequence[str],
    specials: dict[int, str],
    special_origins: dict[int, Origin],
    start: str,
    finish: str,
    ends_origins: tuple[Origin, Origin],
    special_label: str,
    fonts: Fonts,
    min_size: float,
    language: str,
    shape: Shape = "snake",
    style: BoardStyle = STYLE,
) -> BoardFace:
    """Set the board on a width × height page; a text that does not fit its square even
    at `min_size` is a FitFailure naming its field ("specials.3", "start", "title")."""
    content = Rect(margin, margin, width - 2 * margin, height - 2 * margin)
    title_h = content.h * style.title_band
    legend_h = content.h * style.legend_band
    gap = title_h * 0.25
    failures: list[FitFailure] = []
    try:
        title_fit = fit_or_fail(
            [Run(title, fonts.bold, max_lines=2, origin=("title",), language=language)],
            content.w,
            title_h,
            title_h * 0.75,
            min_size,
            fonts.measure,
            "title",
        )
    except FitFailure as f:
        failures.append(f)
        empty = Run("", fonts.bold, origin=("title",))
        title_fit = fit_or_fail([empty], content.w, title_h, min_size, min_size, fonts.measure, "title")
    title_box = Box(content.x, content.top - (title_h - title_fit.height) / 2, title_fit)
    try:
        legend = _legend(
            names,
            special_label if specials else None,
            Rect(content.x, content.y, content.w, legend_h),
            fonts,
            min_size,
            language,
        )
    except FitFailure as f:
        failures.append(f)
        legend = []
    area = Rect(content.x, content.y + legend_h + gap, content.w, content.h - title_h - legend_h - 2 * gap)
    rtl = is_rtl_language(language)  # the track starts at the top right, each number in its square's right corner
    track = plan_track(squares, area, shape, rtl)
    side = track.side
    inset = side * style.gutter / 2
    number_size = max(min_size, side * style.number_size)
    out = []
    specials_order = {at: i for i, at in enumerate(sorted(specials))}
    for cell in track.cells:
        rect = cell.rect.inset(inset)
        pad = rect.w * 0.07
        number_at = None
        symbol_at = None
        text = None
        category = None
        try:
            if cell.index in (0, squares + 1):
                label = start if cell.index == 0 else finish
                field = "start" if cell.index == 0 else "finish"
                fitted = fit_or_fail(
                    [
                        Run(
                            label,
                            fonts.bold,
                            align="center",
                            origin=ends_origins[0 if cell.index == 0 else 1],
                            language=language,
                        )
                    ],
                    rect.w - 2 * pad,
                    rect.h - 2 * pad,
                    side * style.end_label,
                    min_size,
                    fonts.measure,
                    field,
                )
                text = Box(rect.x + pad, rect.y + (rect.h + fitted.height) / 2, fitted)
            elif cell.index in specials:
                below = rect.top - max(pad + number_size * 1.1, rect.w * 0.3)  # under the number and the mark
                room = below - rect.y - pad
                fitted = fit_or_fail(
                    [
                        Run(
                            specials[cell.index],
                            fonts.regular,
                            align="center",
                            origin=special_origins[cell.index],
                            language=language,
                        )
                    ],
                    rect.w - 2 * pad,
                    room,
                    side * style.special_text,
                    min_size,
                    fonts.measure,
                    f"specials.{specials_order[cell.index]}",
                )
                text = Box(rect.x + pad, below - (room - fitted.height) / 2, fitted)
        except FitFailure as f:
            failures.append(f)
        if cell.index not in (0, squares + 1):
            number_w = fonts.measure(str(cell.index), fonts.bold, number_size)
            number_x = rect.right - pad - number_w if rtl else rect.x + pad
            number_at = (number_x, rect.top - pad - number_size * 0.75, number_size)
            if cell.index not in specials:
                category = categories[cell.index - 1]
                r = side * style.symbol_radius
                symbol_at = (rect.x + rect.w / 2, rect.y + rect.h * 0.44, r)
        mark_at = special_mark(rect, rtl) if cell.index in specials else None
        square = Square(cell.index, rect, category, number_at, symbol_at, text, mark_at)
        if escaping(rect, [("text", text)], fonts) is not None:
            failures.append(
                FitFailure(
                    "start"
                    if cell.index == 0
                    else "finish"
                    if cell.index == squares + 1
                    else f"specials.{specials_order.get(cell.index, 0)}",
                    99.0,
                    min_size,
                )
            )
        out.append(square)
    page = Rect(0, 0, width, height)
    for item in legend:
        if escaping(content, [("legend", item.label)], fonts) is not None:
            failures.append(
                FitFailure(f"legend.{item.category if item.category is not None else 'special'}", 99.0, min_size)
            )
    if failures:
        raise BoardFitFailures(failures)
    assert page.contains(track.area)
    return BoardFace(
        width=width,
        height=height,
        content=content,
        title=title_box,
        track=track,
        squares=tuple(out),
        legend=tuple(legend),
        number_font_size=number_size,
        mark_left=rtl,
    )
