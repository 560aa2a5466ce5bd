"""How one bingo sheet is set inside its unit (w × h, origin bottom-left): pure data.

Everything that is the same on every sheet (title, name line, instructions, grid,
footer) is planned once; each prompt is fitted once for the square size, so a
thousand sheets cost no more fitting than one."""

from __future__ import annotations

from dataclasses import dataclass

from smartprint.imposition import Rect
from smartprint.textfit import Box, FitFailure, Run, fit_or_fail


@dataclass(frozen=True)
class SheetFace:
    title: Box
    name_label: Box
    name_line: tuple[float, float, float]  # x0, x1, y
    instructions: Box | None
    grid: Rect
    side: float  # of one square
    number_at: tuple[float, float, float]  # x, y, size of "Brett 7 av 40 · frø 2024"
    footer: Box | None
    prompt_box: Rect  # inside a square, relative to the square's bottom-left
    name_in_square: tuple[float, float, float] | None  # x0, x1, y relative to the square


@dataclass(frozen=True)
class SquareText:
    """A prompt (or the free text) fitted to the square's text box, vertically centred."""

    box: Box


def plan_face(title: str, instructions: str | None, footer: str | None, names: bool, grid: int,
              w: float, h: float, fonts, min_size: float, name_label: str) -> SheetFace:
    m = fonts.measure
    top = h
    title_fit = fit_or_fail([Run(title, fonts.bold, align="center", max_lines=2)], w, w * 0.16,
                             max(min_size, min(w * 0.06, 30)), min_size, m, "title")
    title_box = Box(0, top, title_fit)
    top -= title_fit.height + w * 0.015

    label_size = max(min_size, min(w * 0.026, 13))
    label_fit = fit_or_fail([Run(f"{name_label}:", fonts.regular, max_lines=1)], w * 0.3, label_size * 1.6,
                             label_size, min_size, m, "title")
    label_w = m(f"{name_label}:", fonts.regular, label_fit.size)
    label_box = Box(0, top, label_fit)
    name_y = top - label_fit.size * 0.95
    name_line = (label_w + label_fit.size * 0.4, w, name_y - 1.5)
    top -= label_fit.height + w * 0.02

    instr_box = None
    if instructions:
        size = max(min_size, min(w * 0.024, 12.5))
        fitted = fit_or_fail([Run(instructions, fonts.regular)], w, h * 0.16, size, min_size, m, "instructions")
        instr_box = Box(0, top, fitted)
        top -= fitted.height + w * 0.02

    number_size = max(min_size, min(w * 0.02, 9))
    bottom = number_size * 1.2
    footer_box = None
    if footer:
        size = max(min_size, min(w * 0.022, 10.5))
        fitted = fit_or_fail([Run(footer, fonts.regular, align="center")], w, h * 0.09, size, min_size, m,
                              "footer")
        footer_box = Box(0, bottom + fitted.height + number_size * 0.4, fitted)
        bottom += fitted.height + number_size * 0.4
    bottom += w * 0.015

    room = top - bottom
    side = min(w, room) / grid
    if side < 40:  # 14 mm: too small to write in or read
        raise FitFailure("grid", 99.0, min_size)
    grid_w = side * grid
    grid_rect = Rect((w - grid_w) / 2, top - grid_w - (room - grid_w) * 0.3, grid_w, grid_w)  # a little above centre

    inset = side * 0.07
    name_zone = side * 0.27 if names else 0.0
    prompt_box = Rect(inset, inset + name_zone, side - 2 * inset, side - 2 * inset - name_zone)
    name_in_square = (side * 0.1, side * 0.9, side * 0.15) if names else None
    return SheetFace(title_box, label_box, name_line, instr_box, grid_rect, side,
                     (0.0, number_size * 0.3, number_size), footer_box, prompt_box, name_in_square)


def fit_square(text: str, face: SheetFace, fonts, min_size: float, bold: bool = False,
               max_size: float | None = None) -> SquareText:
    """Fit a prompt into a square's text box, or raise FitFailure."""
    box = face.prompt_box
    max_size = max(min_size, max_size if max_size is not None else face.side * 0.15)
    fitted = fit_or_fail([Run(text, fonts.bold if bold else fonts.regular, align="center")], box.w, box.h,
                          max_size, min_size, fonts.measure, "prompts")
    top = box.top - (box.h - fitted.height) / 2
    return SquareText(Box(box.x, top, fitted))
