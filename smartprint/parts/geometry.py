"""Where things sit on a sheet: pure geometry in points, origin bottom-left as in PDF.

Shared by every kind that puts several units (cards, bingo sheets) on one page,
including the mirrored positions of backs for duplex printing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from smartprint.resolve.units import MM
from smartprint.write.duplex import Flip

# Many school and office printers print nothing within 5 mm of the paper's edge: nothing
# is placed nearer than this (half a millimetre to spare for the paper's feed), but in a
# print shop's layout with bleed.
PRINTER_MARGIN = 5.5 * MM


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y + self.h

    def inset(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)

    def outset(self, d: float) -> Rect:
        return self.inset(-d)

    def contains(self, other: Rect, tolerance: float = 0.5) -> bool:
        """Whether `other` lies inside this rectangle (to a tolerance in points)."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.top <= self.top + tolerance
        )

    def shifted(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)


@dataclass(frozen=True)
class Slot:
    index: int  # reading order: left to right, top to bottom
    col: int
    row: int  # 0 is the top row
    rect: Rect  # the trimmed size of the unit


def grid_slots(
    page_w: float,
    page_h: float,
    cols: int,
    rows: int,
    unit_w: float,
    unit_h: float,
    gap: float = 0.0,
    bleed: float = 0.0,
) -> list[Slot]:
    """A grid of units centred on the page; `bleed` keeps room around each unit."""
    cell_w, cell_h = unit_w + 2 * bleed, unit_h + 2 * bleed
    total_w = cols * cell_w + (cols - 1) * gap
    total_h = rows * cell_h + (rows - 1) * gap
    left = (page_w - total_w) / 2
    top = (page_h + total_h) / 2
    slots = []
    for row in range(rows):
        for col in range(cols):
            x = left + col * (cell_w + gap) + bleed
            y = top - row * (cell_h + gap) - bleed - unit_h
            slots.append(Slot(row * cols + col, col, row, Rect(x, y, unit_w, unit_h)))
    return slots


def mirror_axis(page_w: float, page_h: float, flip: Flip) -> Literal["x", "y"]:
    """Which coordinate a duplex back mirrors. Flipping on the long edge of a portrait
    page swaps left and right; on its short edge, top and bottom (and the reverse for
    a landscape page)."""
    portrait = page_h >= page_w
    if flip == "duplex-long":
        return "x" if portrait else "y"
    return "y" if portrait else "x"


def mirror(rect: Rect, page_w: float, page_h: float, flip: Flip, offset_x: float = 0.0, offset_y: float = 0.0) -> Rect:
    """The place on the back page that lies exactly behind `rect` after the flip,
    shifted by the printer's back offset."""
    if mirror_axis(page_w, page_h, flip) == "x":
        moved = Rect(page_w - rect.x - rect.w, rect.y, rect.w, rect.h)
    else:
        moved = Rect(rect.x, page_h - rect.y - rect.h, rect.w, rect.h)
    return moved.shifted(offset_x, offset_y)


def cut_lines(rects: list[Rect]) -> tuple[list[float], list[float]]:
    """The distinct x and y positions of all trim edges, for crop marks."""
    xs = sorted({round(v, 3) for r in rects for v in (r.x, r.right)})
    ys = sorted({round(v, 3) for r in rects for v in (r.y, r.top)})
    return xs, ys


def split_page(page_w: float, page_h: float, margin: float, per_page: int) -> list[Rect]:
    """1, 2 or 4 equal units on a page, reading order, each `margin` from the page edge
    and 2 × `margin` from its neighbour (room for a cut between them). Two units split
    the page across its long side, so each half keeps the page's proportions turned."""
    if per_page == 1:
        cols, rows = 1, 1
    elif per_page == 2:
        cols, rows = (1, 2) if page_h >= page_w else (2, 1)
    elif per_page == 4:
        cols, rows = 2, 2
    else:
        raise ValueError(f"per_page must be 1, 2 or 4, not {per_page}")
    cell_w, cell_h = page_w / cols, page_h / rows
    return [
        Rect(c * cell_w, page_h - (r + 1) * cell_h, cell_w, cell_h).inset(margin)
        for r in range(rows)
        for c in range(cols)
    ]
