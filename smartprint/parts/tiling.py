"""Splitting a large page (a board, a poster) over smaller sheets that overlap, for
schools without a large printer: pure geometry, in points.

Content coordinates have their origin at the bottom-left of the large page. Tiles
are read left to right, top to bottom. Neighbours overlap by `overlap`: on the left
or upper tile that strip is the glue strip; the right or lower tile is cut along its
own edge (which is the far side of that strip) and laid over it, so the content
lines up.

Seams are chosen, not stepped off: a seam never runs through a rectangle the content
keeps whole (a board's square), and if it can, not through one it would rather keep
(a legend, the title); as few tiles as that allows, each about as full as the others.
The alignment marks stand beyond the ends of each seam, outside the content, at the
same positions on both tiles: nothing of them shows on the finished board.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from smartprint.parts.geometry import PRINTER_MARGIN, Rect
from smartprint.resolve.units import MM


@dataclass(frozen=True)
class Seam:
    """Where two neighbouring tiles meet: the line (content coordinates) the cut edge of
    the right or lower tile is laid on, and the alignment marks along it."""

    axis: Literal["x", "y"]  # "x": a vertical line at x = `at`; "y": a horizontal line at y = `at`
    at: float
    lo: float  # the stretch of the line both tiles show
    hi: float
    marks: tuple[float, ...]  # positions along the line, beyond lo and hi: a triangle on each tile touches it
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
    mark: float  # the alignment triangles' size (0: no room for them in the margins)

    def name(self, tile: Tile) -> str:
        """A tile's name as printed on it: a letter per row, a number per column (A1, A2, B1 …)."""
        return f"{chr(ord('A') + tile.row)}{tile.col + 1}"


MARK = 3 * MM  # an alignment triangle's depth; its base is 1.2 × that
MARK_GAP = 1 * MM  # between the content's edge and a triangle


def _blocked(length: float, rects: Sequence[tuple[float, float]], clearance: float) -> list[tuple[float, float]]:
    """Where along an axis of `length` a seam would cross one of the spans (each widened
    by `clearance`), merged and sorted."""
    spans = sorted((max(0.0, a - clearance), min(length, b + clearance)) for a, b in rects if b > 0 and a < length)
    merged: list[tuple[float, float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _candidates(length: float, blocked: list[tuple[float, float]], step: float) -> list[float]:
    """Places a seam may go: the middle of each gap between blocked spans (as far from
    both as can be), and every `step` along a wider stretch of free content."""
    out: list[float] = []
    edges = [0.0] + [v for span in blocked for v in span] + [length]
    for a, b in zip(edges[::2], edges[1::2]):
        if b - a <= 1e-6:
            continue
        middle = (a + b) / 2
        out.append(middle)
        k = 1
        while middle - k * step > a or middle + k * step < b:
            out += [v for v in (middle - k * step, middle + k * step) if a < v < b]
            k += 1
    return sorted(v for v in out if 0 < v < length)


Option = tuple[float, int, tuple[int, ...]]  # the longest tile, the soft spans crossed, the seams chosen


def _crossings(at: float, soft: Sequence[tuple[float, float]]) -> int:
    return sum(1 for a, b in soft if a < at < b)


def _seams(
    length: float,
    window: float,
    overlap: float,
    hard: Sequence[tuple[float, float]],
    soft: Sequence[tuple[float, float]],
    clearance: float,
) -> list[float] | None:
    """The seams along one axis (distances from its start) for the fewest tiles whose
    windows, each at most `window` long and overlapping the next by `overlap`, carry the
    content without a seam through a `hard` span; among those, the tiles most even in
    length, crossing as few `soft` spans as can be. None if no such seams exist."""
    if length <= window + 1e-6:
        return []
    points = _candidates(length, _blocked(length, hard, clearance), 2 * MM)
    if not points:
        return None
    least = math.ceil((length - overlap - 1e-6) / (window - overlap))
    most = least + 3
    for count in range(least, most + 1):
        # best[k][i]: the best choice of k + 1 seams, the last at points[i]: (longest tile, crossings)
        best: list[dict[int, Option]] = []
        first: dict[int, Option] = {
            i: (at + overlap, _crossings(at, soft), (i,))
            for i, at in enumerate(points)
            if at + overlap <= window + 1e-6
        }
        best.append(first)
        for _ in range(count - 2):
            layer: dict[int, Option] = {}
            for i, at in enumerate(points):
                options = [
                    (max(longest, at + overlap - points[j]), crossed + _crossings(at, soft), chosen + (i,))
                    for j, (longest, crossed, chosen) in best[-1].items()
                    if 2 * overlap <= at - points[j] and at + overlap - points[j] <= window + 1e-6
                ]
                if options:
                    layer[i] = min(options, key=_cost)
            best.append(layer)
        ends = [
            (max(longest, length - points[i]), crossed, chosen)
            for i, (longest, crossed, chosen) in best[-1].items()
            if length - points[i] <= window + 1e-6
        ]
        if ends:
            return [points[i] for i in min(ends, key=_cost)[2]]
    return None


def _cost(option: Option) -> tuple[float, float]:
    """Even tiles first (to the millimetre's tenth), then fewer soft crossings (each as bad as 20 mm more)."""
    longest, crossed, _ = option
    return (longest + crossed * 20 * MM, longest)


def _spans(rects: Sequence[Rect], axis: Literal["x", "y"], height: float) -> list[tuple[float, float]]:
    """Each rectangle's stretch along the axis the seams step along: x, or y measured down from the top."""
    if axis == "x":
        return [(r.x, r.right) for r in rects]
    return [(height - r.top, height - r.y) for r in rects]


def _even(length: float, window: float, overlap: float) -> list[float]:
    """Seams stepped off evenly, for content with no rectangles to keep whole (or none that allow it)."""
    count = 1 if length <= window + 1e-6 else math.ceil((length - overlap - 1e-6) / (window - overlap))
    return [length * k / count for k in range(1, count)]


def _marks(lo: float, hi: float, mark: float) -> tuple[float, ...]:
    """Where the triangles go along a seam: just beyond each end of the stretch both tiles show."""
    if mark <= 0:
        return ()
    beyond = MARK_GAP + mark * 0.6
    return (lo - beyond, hi + beyond)


def plan_tiling(
    content_w: float,
    content_h: float,
    *,
    paper_w: float,
    paper_h: float,
    margin: float,
    overlap: float,
    label_room: float,
    keep_whole: Sequence[Rect] = (),
    rather_whole: Sequence[Rect] = (),
    clearance: float = 1 * MM,
) -> Tiling:
    """The fewest sheets of the paper (either way round) that carry the content at full
    size, keeping `margin` free on every side and `label_room` at the foot of each sheet,
    with no seam through a rectangle of `keep_whole` (content coordinates; nor nearer
    to one than `clearance`) and, where it can, none through one of `rather_whole`."""
    best: tuple[int, float, float, float, list[float], list[float]] | None = None
    for sw, sh in ((paper_w, paper_h), (paper_h, paper_w)):
        w, h = sw - 2 * margin, sh - 2 * margin - label_room
        if w <= 2 * overlap or h <= 2 * overlap:
            continue
        across = _seams(
            content_w, w, overlap, _spans(keep_whole, "x", content_h), _spans(rather_whole, "x", content_h), clearance
        )
        down = _seams(
            content_h, h, overlap, _spans(keep_whole, "y", content_h), _spans(rather_whole, "y", content_h), clearance
        )
        if across is None or down is None:  # nothing can stay whole (a rectangle wider than a sheet)
            across, down = _even(content_w, w, overlap), _even(content_h, h, overlap)
        count = (len(across) + 1) * (len(down) + 1)
        fill = (content_w + len(across) * overlap) * (content_h + len(down) * overlap) / (count * w * h)
        if best is None or (count, -fill) < (best[0], -best[1]):
            best = (count, fill, sw, sh, across, down)
    if best is None:
        raise ValueError("the sheet is too small for tiles with this overlap")
    _, _, sw, sh, across, down = best
    bounds_x = [0.0, *across, content_w]
    xs = [
        (bounds_x[k], bounds_x[k + 1] + (overlap if k + 1 < len(bounds_x) - 1 else 0.0))
        for k in range(len(bounds_x) - 1)
    ]
    bounds_y = [0.0, *down, content_h]  # measured down from the top
    tops = [
        (content_h - bounds_y[k + 1] - (overlap if k + 1 < len(bounds_y) - 1 else 0.0), content_h - bounds_y[k])
        for k in range(len(bounds_y) - 1)
    ]  # (y0, y1) per row, top row first
    cols, rows = len(xs), len(tops)
    # the triangles stand in the margins beyond the content: as large as the margin allows
    # while keeping clear of the edge a printer cannot print on
    room = margin - PRINTER_MARGIN - MARK_GAP
    mark = min(MARK, room / 1.2) if room / 1.2 >= 1.5 * MM else 0.0

    vertical: dict[tuple[int, int], Seam] = {}  # between (col, row) and (col + 1, row)
    horizontal: dict[tuple[int, int], Seam] = {}  # between (col, row) and (col, row + 1)
    for r, (y0, y1) in enumerate(tops):
        for c in range(cols - 1):
            at = xs[c + 1][0]
            glue = Rect(at, y0, xs[c][1] - at, y1 - y0)
            vertical[(c, r)] = Seam("x", at, y0, y1, _marks(y0, y1, mark), glue)
    for c, (x0, x1) in enumerate(xs):
        for r in range(rows - 1):
            at = tops[r + 1][1]
            glue = Rect(x0, tops[r][0], x1 - x0, at - tops[r][0])
            horizontal[(c, r)] = Seam("y", at, x0, x1, _marks(x0, x1, mark), glue)

    tiles = []
    for r, (y0, y1) in enumerate(tops):
        for c, (x0, x1) in enumerate(xs):
            window = Rect(x0, y0, x1 - x0, y1 - y0)
            place = Rect(margin, sh - margin - window.h, window.w, window.h)
            glued = tuple(s for s in (vertical.get((c, r)), horizontal.get((c, r))) if s is not None)
            cut = tuple(s for s in (vertical.get((c - 1, r)), horizontal.get((c, r - 1))) if s is not None)
            tiles.append(Tile(r * cols + c, c, r, window, place, glued, cut))
    return Tiling(content_w, content_h, sw, sh, cols, rows, overlap, tuple(tiles), mark)
