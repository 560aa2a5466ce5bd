"""Splitting a large page (a board, a poster) over smaller sheets that overlap, for
schools without a large printer: pure geometry, in points.

Content coordinates have their origin at the bottom-left of the large page. Tiles
are read left to right, top to bottom. Neighbours overlap by `overlap`: on the left
or upper tile that strip is the glue strip; the right or lower tile is cut along its
own edge (which is the far side of that strip) and laid over it, so the content
lines up. Alignment marks sit on each seam at the same content positions on both
tiles: the cut edge of one meets the marks of the other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from smartprint.parts.geometry import Rect


@dataclass(frozen=True)
class Seam:
    """Where two neighbouring tiles meet: the line (content coordinates) the cut edge of
    the right or lower tile is laid on, and the alignment marks along it."""

    axis: Literal["x", "y"]  # "x": a vertical line at x = `at`; "y": a horizontal line at y = `at`
    at: float
    lo: float  # the stretch of the line both tiles show
    hi: float
    marks: tuple[float, ...]  # positions along the line
    glue: Rect  # the strip of the first tile that the second covers


@dataclass(frozen=True)
class Tile:
    index: int
    col: int
    row: int  # 0 is the top row
    window: Rect  # the part of the content this tile prints, content coordinates
    place: Rect  # where that window is printed on the sheet, same size (1:1)
    glue: tuple[Seam, ...]  # seams whose glue strip lies on this tile
    cut: tuple[Seam, ...]  # seams along which this tile is cut

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        """A content point's place on this tile's sheet."""
        return self.place.x + x - self.window.x, self.place.y + y - self.window.y


@dataclass(frozen=True)
class Tiling:
    content_w: float
    content_h: float
    sheet_w: float
    sheet_h: float
    cols: int
    rows: int
    overlap: float
    tiles: tuple[Tile, ...]

    def name(self, tile: Tile) -> str:
        """A tile's name as printed on it: a letter per row, a number per column (A1, A2, B1 …)."""
        return f"{chr(ord('A') + tile.row)}{tile.col + 1}"


def _count(length: float, window: float, overlap: float) -> int:
    if length <= window + 1e-6:
        return 1
    return math.ceil((length - overlap - 1e-6) / (window - overlap))


def _starts(length: float, window: float, overlap: float, count: int) -> list[tuple[float, float]]:
    """Each tile's stretch along one axis: fixed steps of window − overlap; the last one ends at the content's end."""
    step = window - overlap
    return [(k * step, min(length, k * step + window)) for k in range(count)]


def _marks(lo: float, hi: float) -> tuple[float, ...]:
    """Two marks a quarter in from each end (one for a short seam)."""
    if hi - lo < 60:
        return ((lo + hi) / 2,)
    return (lo + (hi - lo) * 0.25, lo + (hi - lo) * 0.75)


def plan_tiling(
    content_w: float, content_h: float, paper_w: float, paper_h: float, margin: float, overlap: float, label_room: float
) -> Tiling:
    """The fewest sheets of the paper (either way round) that carry the content at full
    size, keeping `margin` free on every side and `label_room` at the foot of each sheet."""
    best: tuple[int, float, float] | None = None
    for sw, sh in ((paper_w, paper_h), (paper_h, paper_w)):
        w, h = sw - 2 * margin, sh - 2 * margin - label_room
        if w <= 2 * overlap or h <= 2 * overlap:
            continue
        count = _count(content_w, w, overlap) * _count(content_h, h, overlap)
        if best is None or count < best[0]:
            best = (count, sw, sh)
    if best is None:
        raise ValueError("the sheet is too small for tiles with this overlap")
    _, sw, sh = best
    w, h = sw - 2 * margin, sh - 2 * margin - label_room
    cols, rows = _count(content_w, w, overlap), _count(content_h, h, overlap)
    xs = _starts(content_w, w, overlap, cols)
    tops = [(content_h - b, content_h - a) for a, b in _starts(content_h, h, overlap, rows)]  # (y0, y1) per row

    vertical: dict[tuple[int, int], Seam] = {}  # between (col, row) and (col + 1, row)
    horizontal: dict[tuple[int, int], Seam] = {}  # between (col, row) and (col, row + 1)
    for r, (y0, y1) in enumerate(tops):
        for c in range(cols - 1):
            at = xs[c + 1][0]
            glue = Rect(at, y0, xs[c][1] - at, y1 - y0)
            vertical[(c, r)] = Seam("x", at, y0, y1, _marks(y0, y1), glue)
    for c, (x0, x1) in enumerate(xs):
        for r in range(rows - 1):
            at = tops[r + 1][1]
            glue = Rect(x0, tops[r][0], x1 - x0, at - tops[r][0])
            horizontal[(c, r)] = Seam("y", at, x0, x1, _marks(x0, x1), glue)

    tiles = []
    for r, (y0, y1) in enumerate(tops):
        for c, (x0, x1) in enumerate(xs):
            window = Rect(x0, y0, x1 - x0, y1 - y0)
            place = Rect(margin, sh - margin - window.h, window.w, window.h)
            glued = tuple(s for s in (vertical.get((c, r)), horizontal.get((c, r))) if s is not None)
            cut = tuple(s for s in (vertical.get((c - 1, r)), horizontal.get((c, r - 1))) if s is not None)
            tiles.append(Tile(r * cols + c, c, r, window, place, glued, cut))
    return Tiling(content_w, content_h, sw, sh, cols, rows, overlap, tuple(tiles))
