"""The track of a board game: squares from start to finish, and which category each
square asks from. Pure data, no reportlab.

Two shapes, both on a grid of equal cells so consecutive squares always share an
edge, and both sized for the largest squares the board area allows:
- `snake`: lanes (rows, or columns on a tall board), turning at the ends;
- `spiral`: round the edge of the board and inwards, finishing in the middle.
The road drawn between consecutive squares (and not between neighbours that are
not consecutive) shows the way.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Literal

from smartprint.parts.geometry import Rect

Shape = Literal["snake", "spiral"]


@dataclass(frozen=True)
class Cell:
    index: int  # 0 is start, squares are 1 … n, n + 1 is finish
    lane: int  # the snake's lane, or the spiral's ring (0 outermost)
    rect: Rect  # the cell; the square drawn inside it keeps a small gutter


@dataclass(frozen=True)
class Track:
    cells: tuple[Cell, ...]
    side: float  # a cell's side
    lanes: int
    per_lane: int
    across: bool  # lanes run across the board (rows); False: up and down (columns)
    area: Rect  # the rectangle the cells fill (inside the board area, centred)

    @property
    def squares(self) -> int:
        return len(self.cells) - 2

    def turns(self) -> list[tuple[Cell, Cell]]:
        """The pairs of consecutive cells in different lanes: where the track turns."""
        return [(a, b) for a, b in zip(self.cells, self.cells[1:]) if a.lane != b.lane]


def _shape(cells: int, area: Rect) -> tuple[int, int, bool, float]:
    """(per lane, lanes, across, side) giving the largest cells, then the fullest last lane."""
    best: tuple[float, int, int, int, bool] | None = None
    for across in (True, False):
        long_side, short_side = (area.w, area.h) if across else (area.h, area.w)
        for per_lane in range(3, cells + 1):
            lanes = -(-cells // per_lane)
            if lanes < 2:
                break
            side = min(long_side / per_lane, short_side / lanes)
            waste = lanes * per_lane - cells
            key = (round(side, 1), -waste, per_lane, lanes, across)
            if best is None or key[:2] > best[:2]:
                best = key
    assert best is not None
    side, _, per_lane, lanes, across = best
    long_side, short_side = (area.w, area.h) if across else (area.h, area.w)
    side = min(long_side / per_lane, short_side / lanes)
    return per_lane, lanes, across, side


def _spiral_shape(cells: int, area: Rect) -> tuple[int, int, float]:
    """(columns, rows, side) of the grid a spiral of `cells` fills: the largest cells,
    then the smallest empty middle."""
    best: tuple[float, int, int, int] | None = None
    for cols in range(3, cells + 1):
        for rows in range(3, cells + 1):
            if cols * rows < cells:
                continue
            side = min(area.w / cols, area.h / rows)
            key = (round(side, 1), -(cols * rows - cells), cols, rows)
            if best is None or key[:2] > best[:2]:
                best = key
            break  # more rows only make the cells smaller
    assert best is not None
    _, _, cols, rows = best
    return cols, rows, min(area.w / cols, area.h / rows)


def _spiral_order(cols: int, rows: int) -> list[tuple[int, int, int]]:
    """(column, row, ring) of every grid cell, clockwise from the top-left corner inwards."""
    out: list[tuple[int, int, int]] = []
    left, right, top, bottom, ring = 0, cols - 1, 0, rows - 1, 0
    while left <= right and top <= bottom:
        out += [(c, top, ring) for c in range(left, right + 1)]
        out += [(right, r, ring) for r in range(top + 1, bottom + 1)]
        if top < bottom:
            out += [(c, bottom, ring) for c in range(right - 1, left - 1, -1)]
        if left < right:
            out += [(left, r, ring) for r in range(bottom - 1, top, -1)]
        left, right, top, bottom, ring = left + 1, right - 1, top + 1, bottom - 1, ring + 1
    return out


def _plan_spiral(squares: int, area: Rect) -> Track:
    cells = squares + 2
    cols, rows, side = _spiral_shape(cells, area)
    box = Rect(area.x + (area.w - cols * side) / 2, area.y + (area.h - rows * side) / 2, cols * side, rows * side)
    out = [
        Cell(i, ring, Rect(box.x + c * side, box.top - (r + 1) * side, side, side))
        for i, (c, r, ring) in enumerate(_spiral_order(cols, rows)[:cells])
    ]
    return Track(tuple(out), side, max(c.lane for c in out) + 1, cols, True, box)


def plan_track(squares: int, area: Rect, shape: Shape = "snake", rtl: bool = False) -> Track:
    """Start, `squares` numbered squares and finish in `area`, from its top-left corner:
    a snake (left to right first, then back) or a spiral to the middle; `rtl` (a game
    written right to left) mirrors it, so it starts at the top right, as its reader reads."""
    track = _plan_spiral(squares, area) if shape == "spiral" else _plan_snake(squares, area)
    if not rtl:
        return track
    box = track.area
    mirrored = [replace(c, rect=replace(c.rect, x=box.x + box.right - c.rect.right)) for c in track.cells]
    return replace(track, cells=tuple(mirrored))


def _plan_snake(squares: int, area: Rect) -> Track:
    cells = squares + 2
    per_lane, lanes, across, side = _shape(cells, area)
    w, h = (per_lane * side, lanes * side) if across else (lanes * side, per_lane * side)
    box = Rect(area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h)
    out = []
    for i in range(cells):
        lane, k = divmod(i, per_lane)
        along = k if lane % 2 == 0 else per_lane - 1 - k
        if across:
            rect = Rect(box.x + along * side, box.top - (lane + 1) * side, side, side)
        else:
            rect = Rect(box.x + lane * side, box.top - (along + 1) * side, side, side)
        out.append(Cell(i, lane, rect))
    return Track(tuple(out), side, lanes, per_lane, across, box)


def assign_categories(squares: int, specials: set[int], categories: int, seed: int) -> list[int | None]:
    """The category of squares 1 … n (index 0 is square 1); None on special squares.

    Categories take turns in shuffled rounds, so each stands about equally often
    (counts differ by at most one) and, with two or more, no two squares in a row
    (specials skipped) ask from the same one."""
    rng = random.Random(seed)
    plain = squares - len(specials)
    order: list[int] = []
    while len(order) < plain:
        round_ = list(range(categories))
        rng.shuffle(round_)
        if categories > 1 and order and round_[0] == order[-1]:
            round_[0], round_[-1] = round_[-1], round_[0]
        order.extend(round_)
    order = order[:plain]
    out: list[int | None] = []
    taken = iter(order)
    for number in range(1, squares + 1):
        out.append(None if number in specials else next(taken))
    return out
