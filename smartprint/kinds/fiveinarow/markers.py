"""The markers to cut out for five-in-a-row, planned as pure data: two teams, told
apart by shape (round, square) as well as colour, enough of each to cover half a full
board, with the team's number on every marker. They stand in a grid of touching cells,
so straight cuts right across the sheet part them all (no marker cut out on its own);
they run on as many pages as they need; nothing is dropped for want of room."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from smartprint.resolve.layout import Page
from smartprint.resolve.units import MM
from smartprint.text.origin import Label
from smartprint.text.run import TextRun

HEADING_ROOM = 10 * MM  # from the top margin to the first row of markers
LARGEST = 22 * MM
SMALLEST = 12 * MM  # a child's fingers still pick it up


@dataclass(frozen=True)
class Marker:
    team: Literal[0, 1]
    shape: Literal["circle", "square"]
    cx: float
    cy: float
    size: float  # of its cell: the piece the cuts leave
    number: TextRun


Cut = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class MarkerPage:
    heading: TextRun
    markers: tuple[Marker, ...]
    cuts: tuple[Cut, ...]  # straight lines right across the grid of cells


def plan_markers(
    *, page: Page, grid: int, square_side: float, regular: str, bold: str, heading: str, language: str, sets: int = 1
) -> tuple[MarkerPage, ...]:
    """Every marker of both teams, `sets` times (one set per board: each group plays with
    its own), row by row in a grid of touching cells, on as many pages as they take;
    each team starts a row of its own, and a set that fits a page is not split."""
    per_team = math.ceil(grid * grid / 2)
    cell = max(SMALLEST, min(square_side * 0.8, LARGEST))
    left = page.margin
    cols = max(1, int((page.width - 2 * page.margin) // cell))
    top = page.height - page.margin - HEADING_ROOM
    rows_per_page = max(1, int((top - page.margin) // cell))
    head = TextRun(
        heading,
        regular,
        max(page.min_text_size, 10.0),
        page.margin,
        page.height - page.margin - 5 * MM,
        Label("markers", language),
    )
    said = Label("marker numbers", language)
    Row = list[tuple[Literal[0, 1], Literal["circle", "square"]]]
    one_set: list[Row] = []
    teams: tuple[tuple[Literal[0, 1], Literal["circle", "square"]], ...] = ((0, "circle"), (1, "square"))
    for team, shape in teams:
        for k in range(per_team):
            if k % cols == 0:
                one_set.append([])
            one_set[-1].append((team, shape))
    blocks: list[list[Row]] = [[]]
    for _ in range(sets):
        if blocks[-1] and len(blocks[-1]) + len(one_set) > rows_per_page:
            blocks.append([])  # the next set starts a page rather than being split
        for row in one_set:
            if len(blocks[-1]) == rows_per_page:
                blocks.append([])
            blocks[-1].append(list(row))
    pages = []
    for block in blocks:
        markers = []
        for r, row in enumerate(block):
            cy = top - (r + 0.5) * cell
            for c, (team, shape) in enumerate(row):
                cx = left + (c + 0.5) * cell
                number = TextRun(str(team + 1), bold, cell * 0.3, cx, cy - cell * 0.1, said, "middle")
                markers.append(Marker(team, shape, cx, cy, cell, number))
        width = max(len(row) for row in block) * cell
        bottom = top - len(block) * cell
        cuts: list[Cut] = [(left, top - r * cell, left + width, top - r * cell) for r in range(len(block) + 1)]
        cuts += [(left + c * cell, bottom, left + c * cell, top) for c in range(int(round(width / cell)) + 1)]
        pages.append(MarkerPage(head, tuple(markers), tuple(cuts)))
    return tuple(pages)
