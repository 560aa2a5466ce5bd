"""How one bingo sheet is set inside its unit (w × h, origin bottom-left): pure data.

Everything that is the same on every sheet (title, name line, instructions, grid,
footer) is planned once; each prompt is fitted once for the square size, so a
thousand sheets cost no more fitting than one."""

from __future__ import annotations

from dataclasses import dataclass

from smartprint.kinds.bingo.style import SHEET, SheetStyle
from smartprint.load.source import Path_
from smartprint.parts.geometry import Rect
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label
from smartprint.text.textfit import Box, FitFailure, Run, fit_or_fail


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
    language: str  # the file's, whose dictionary hyphenates the prompts


@dataclass(frozen=True)
class SquareText:
    """A prompt (or the free text) fitted to the square's text box, vertically centred."""

    box: Box


def plan_face(
    *,
    title: str,
    instructions: str | None,
    footer: str | None,
    names: bool,
    grid: int,
    w: float,
    h: float,
    fonts: Fonts,
    min_size: float,
    name_label: str,
    language: str,
    style: SheetStyle = SHEET,
) -> SheetFace:
    """Set what every sheet shares in a w × h unit; its texts come from the file's
    `title`, `instructions` and `footer` and smartprint's name label."""
    m = fonts.measure
    top = h
    title_fit = fit_or_fail(
        [Run(title, fonts.bold, align="center", max_lines=2, origin=("title",), language=language)],
        w,
        w * style.title_box,
        max(min_size, min(w * style.title_size, style.title_max)),
        min_size,
        m,
        "title",
    )
    title_box = Box(0, top, title_fit)
    top -= title_fit.height + w * style.title_gap

    label_size = max(min_size, min(w * style.label_size, style.label_max))
    label_fit = fit_or_fail(
        [Run(f"{name_label}:", fonts.regular, max_lines=1, origin=Label("name label", language), language=language)],
        w * style.label_box_w,
        label_size * 1.6,
        label_size,
        min_size,
        m,
        "title",
    )
    label_w = m(f"{name_label}:", fonts.regular, label_fit.size)
    label_box = Box(0, top, label_fit)
    name_y = top - label_fit.size * 0.95
    name_line = (label_w + label_fit.size * 0.4, w, name_y - 1.5)
    top -= label_fit.height + w * style.block_gap

    instr_box = None
    if instructions:
        size = max(min_size, min(w * style.instructions_size, style.instructions_max))
        fitted = fit_or_fail(
            [Run(instructions, fonts.regular, origin=("instructions",), language=language)],
            w,
            h * style.instructions_box,
            size,
            min_size,
            m,
            "instructions",
        )
        instr_box = Box(0, top, fitted)
        top -= fitted.height + w * style.block_gap

    number_size = max(min_size, min(w * style.number_size, style.number_max))
    bottom = number_size * 1.2
    footer_box = None
    if footer:
        size = max(min_size, min(w * style.footer_size, style.footer_max))
        fitted = fit_or_fail(
            [Run(footer, fonts.regular, align="center", origin=("footer",), language=language)],
            w,
            h * style.footer_box,
            size,
            min_size,
            m,
            "footer",
        )
        footer_box = Box(0, bottom + fitted.height + number_size * 0.4, fitted)
        bottom += fitted.height + number_size * 0.4
    bottom += w * style.grid_gap

    room = top - bottom
    side = min(w, room) / grid
    if side < style.min_square:
        raise FitFailure("grid", 99.0, min_size)
    grid_w = side * grid
    grid_rect = Rect((w - grid_w) / 2, top - grid_w - (room - grid_w) * style.grid_raise, grid_w, grid_w)

    inset = side * style.square_inset
    name_zone = side * style.name_zone if names else 0.0
    prompt_box = Rect(inset, inset + name_zone, side - 2 * inset, side - 2 * inset - name_zone)
    x0, x1, y = style.name_line
    name_in_square = (side * x0, side * x1, side * y) if names else None
    return SheetFace(
        title=title_box,
        name_label=label_box,
        name_line=name_line,
        instructions=instr_box,
        grid=grid_rect,
        side=side,
        number_at=(0.0, number_size * 0.3, number_size),
        footer=footer_box,
        prompt_box=prompt_box,
        name_in_square=name_in_square,
        language=language,
    )


def fit_square(
    text: str,
    origin: Path_,
    face: SheetFace,
    fonts: Fonts,
    min_size: float,
    bold: bool = False,
    max_size: float | None = None,
    style: SheetStyle = SHEET,
) -> SquareText:
    """Fit a prompt into a square's text box, or raise FitFailure."""
    box = face.prompt_box
    max_size = max(min_size, max_size if max_size is not None else face.side * style.prompt_size)
    fitted = fit_or_fail(
        [Run(text, fonts.bold if bold else fonts.regular, align="center", origin=origin, language=face.language)],
        box.w,
        box.h,
        max_size,
        min_size,
        fonts.measure,
        "prompts",
    )
    top = box.top - (box.h - fitted.height) / 2
    return SquareText(Box(box.x, top, fitted))
