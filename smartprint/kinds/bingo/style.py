"""The design of a bingo sheet as data: proportions of the sheet's width (w), height
(h) or square side, greys and line widths."""

from __future__ import annotations

from dataclasses import dataclass

from smartprint.resolve.colors import INK, RGB


@dataclass(frozen=True)
class SheetStyle:
    title_size: float = 0.06  # of w, at most title_max
    title_max: float = 30.0
    title_box: float = 0.16  # of w
    title_gap: float = 0.015  # of w
    label_size: float = 0.026  # of w, at most label_max
    label_max: float = 13.0
    label_box_w: float = 0.3  # of w
    block_gap: float = 0.02  # of w, after the name line and the instructions
    instructions_size: float = 0.024  # of w, at most instructions_max
    instructions_max: float = 12.5
    instructions_box: float = 0.16  # of h
    number_size: float = 0.02  # of w, at most number_max
    number_max: float = 9.0
    footer_size: float = 0.022  # of w, at most footer_max
    footer_max: float = 10.5
    footer_box: float = 0.09  # of h
    grid_gap: float = 0.015  # of w, above the footer
    min_square: float = 40.0  # pt (14 mm): smaller is too small to write in or read
    grid_raise: float = 0.3  # of the spare height, above the grid (a little above centre)
    square_inset: float = 0.07  # of the side
    name_zone: float = 0.27  # of the side, for the line to write a name on
    name_line: tuple[float, float, float] = (0.1, 0.9, 0.15)  # x0, x1, y as shares of the side
    prompt_size: float = 0.15  # of the side, the largest prompt size
    ink: RGB = INK
    name_line_grey: RGB = (0.35, 0.35, 0.35)
    name_line_width: float = 0.7
    footer_grey: RGB = (0.25, 0.25, 0.25)
    free_tint: float = 0.82
    grid_width: float = 0.8
    frame_width: float = 2.0
    square_line_grey: RGB = (0.55, 0.55, 0.55)
    square_line_width: float = 0.5
    number_grey: RGB = (0.3, 0.3, 0.3)
    cut_grey: RGB = (0.6, 0.6, 0.6)
    cut_width: float = 0.4
    cut_dash: float = 4.0


SHEET = SheetStyle()
