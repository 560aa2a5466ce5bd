"""The markers to cut out for five-in-a-row, planned as pure data: two teams, told
apart by shape (round, square) as well as colour, enough of each to cover half a
full board, with the team's number on every marker. They run on as many pages as
they need; nothing is dropped for want of room."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from smartprint.resolve.layout import Page
from smartprint.resolve.units import MM
from smartprint.text.origin import Label
from smartprint.text.run import TextRun

GAP = 3 * MM  # between markers: room for the scissors
TEAM_GAP = 4 * MM  # between the two teams' blocks
HEADING_ROOM = 10 * MM  # from the top margin to the first row of markers
LARGEST = 22 * MM


@dataclass(frozen=True)
class Marker:
    team: Literal[0, 1]
    shape: Literal["circle", "square"]
    cx: float
    cy: float
    size: float
    number: TextRun


@dataclass(frozen=True)
class MarkerPage:
    heading: TextRun
    markers: tuple[Marker, ...]


def plan_markers(
    *, page: Page, grid: int, square_side: float, regular: str, bold: str, heading: str, language: str
) -> tuple[MarkerPage, ...]:
    """Every marker of both teams, row by row, on as many pages as they take."""
    per_team = math.ceil(grid * grid / 2)
    size = min(square_side * 0.8, LARGEST)
    cell = size + GAP
    cols = max(1, int((page.width - 2 * page.margin) // cell))
    top = page.height - page.margin - HEADING_ROOM
    bottom = page.margin
    head = TextRun(
        heading,
        regular,
        max(page.min_text_size, 10.0),
        page.margin,
        page.height - page.margin - 5 * MM,
        Label("markers", language),
    )
    said = Label("marker numbers", language)
    pages: list[list[Marker]] = [[]]
    y = top
    teams: tuple[tuple[Literal[0, 1], Literal["circle", "square"]], ...] = ((0, "circle"), (1, "square"))
    for team, shape in teams:
        if team == 1:
            y -= TEAM_GAP
        for k in range(per_team):
            col = k % cols
            if col == 0:
                if k or team:
                    y -= cell
                if y - cell < bottom:
                    pages.append([])
                    y = top
            cx = page.margin + col * cell + cell / 2
            cy = y - cell / 2
            number = TextRun(str(team + 1), bold, size * 0.35, cx, cy - size * 0.12, said, "middle")
            pages[-1].append(Marker(team, shape, cx, cy, size, number))
    return tuple(MarkerPage(head, tuple(markers)) for markers in pages if markers)
