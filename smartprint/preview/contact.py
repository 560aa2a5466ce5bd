"""The contact sheet's plan: which pages it shows and where each thumbnail, label and
heading goes. Pure data (sizes in pixels); `compose.py` paints it.

Every page is drawn at one scale, so an A3 board looks twice an A4 page and a card
looks like a card. In a double-sided file a front (odd page) stands beside its back;
a long file shows its first and last pages and says how many are between."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_ALL = 24  # a file of at most this many pages is shown whole
FIRST_SHOWN = 16  # a longer one: its first pages …
LAST_SHOWN = 4  # … and its last (both even, so fronts stay beside their backs)
THUMB_LONG_PX = 260  # the longest page side of the file, in pixels
SHEET_WIDTH_PX = 1400
MIN_WIDTH_PX = 640  # room for the headings
MARGIN_PX = 24
GAP_PX = 18  # between thumbnails (or a front and back pair)
PAIR_GAP_PX = 4  # between a front and its back
LABEL_PX = 20  # the line under a thumbnail
HEADING_PX = 28


@dataclass(frozen=True)
class PageSize:
    number: int
    width_pt: float
    height_pt: float


@dataclass(frozen=True)
class Tile:
    """A thumbnail of page `number` (or, with number 0, the box saying `skipped` pages
    are left out) at (x, y), its label under it at (x, label_y)."""

    number: int
    x: int
    y: int
    width: int
    height: int
    label_y: int
    back: bool = False
    skipped: int = 0
    file: int = 0  # which of the sheet's files the page is from


@dataclass(frozen=True)
class Heading:
    y: int
    text: str
    size: int


@dataclass(frozen=True)
class FileOnSheet:
    """One PDF's pages as a contact sheet shows them (the first `heading` names it)."""

    heading: str
    pages: Sequence[PageSize]
    double_sided: bool
    chosen: Sequence[int] | None = None  # page numbers asked for; None: the default choice


@dataclass(frozen=True)
class ContactPlan:
    width: int
    height: int
    scale: float  # pixels per point
    headings: tuple[Heading, ...]
    tiles: tuple[Tile, ...]


def shown_pages(total: int, chosen: Sequence[int] | None) -> list[int]:
    """The pages a contact sheet shows: those asked for (inside the file), else every page
    of a short file, else the first and the last ones."""
    if chosen is not None:
        return [n for n in dict.fromkeys(chosen) if 1 <= n <= total]
    if total <= MAX_ALL:
        return list(range(1, total + 1))
    return [*range(1, FIRST_SHOWN + 1), *range(total - LAST_SHOWN + 1, total + 1)]


def _units(numbers: list[int], double_sided: bool) -> list[list[int]]:
    """Pages grouped as they stand: a front (odd page) with its back (the next) when both
    are shown in a double-sided file, else each alone. Where pages are left out between
    two shown ones, a unit [0, how many] stands between them."""
    units: list[list[int]] = []
    previous = 0
    for number in numbers:
        if previous and number > previous + 1:
            units.append([0, number - previous - 1])
        if double_sided and number % 2 == 0 and units and units[-1] == [number - 1]:
            units[-1].append(number)
        else:
            units.append([number])
        previous = number
    return units


def plan_contact_sheet(files: Sequence[FileOnSheet], title: str) -> ContactPlan:
    """Where everything goes on one contact sheet of `files` (in order)."""
    longest = max((max(p.width_pt, p.height_pt) for f in files for p in f.pages), default=1.0)
    scale = THUMB_LONG_PX / longest
    headings = [Heading(MARGIN_PX, title, 22)]
    tiles: list[Tile] = []
    y = MARGIN_PX + HEADING_PX + 8
    right = SHEET_WIDTH_PX - MARGIN_PX
    for file_index, file in enumerate(files):
        headings.append(Heading(y, file.heading, 15))
        y += HEADING_PX
        sizes = {p.number: p for p in file.pages}
        numbers = shown_pages(len(file.pages), file.chosen)
        x, row_height = MARGIN_PX, 0
        for unit in _units(numbers, file.double_sided):
            if unit[0] == 0:  # pages left out: a box the size of the next page, saying how many
                like = sizes[numbers[0]]
                parts = [(0, round(like.width_pt * scale), round(like.height_pt * scale))]
            else:
                parts = [(n, round(sizes[n].width_pt * scale), round(sizes[n].height_pt * scale)) for n in unit]
            unit_width = sum(w for _, w, _ in parts) + PAIR_GAP_PX * (len(parts) - 1)
            if x > MARGIN_PX and x + unit_width > right:
                x, y, row_height = MARGIN_PX, y + row_height + GAP_PX, 0
            for index, (number, width, height) in enumerate(parts):
                skipped = unit[1] if number == 0 else 0
                tiles.append(Tile(number, x, y, width, height, y + height + 4, index == 1, skipped, file_index))
                x += width + PAIR_GAP_PX
            x += GAP_PX - PAIR_GAP_PX
            row_height = max(row_height, max(h for _, _, h in parts) + LABEL_PX + 4)
        y += row_height + GAP_PX * 2
    used = max((t.x + t.width for t in tiles), default=0) + MARGIN_PX
    width = max(MIN_WIDTH_PX, min(SHEET_WIDTH_PX, used))
    return ContactPlan(width, y + MARGIN_PX - GAP_PX, scale, tuple(headings), tuple(tiles))
