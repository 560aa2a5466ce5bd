"""Drawing bingo sheets. The parts every sheet shares (title, name line, rules, grid,
footer) are one form; each prompt is one form; a sheet is a handful of references
plus its number. Pages stay tiny, so 10,000 sheets need little memory and disk."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from smartprint.colors import RGB, lighten
from smartprint.document import Document, Section
from smartprint.kinds.bingo.face import SquareText
from smartprint.kinds.bingo.style import SHEET
from smartprint.output import prime_subset
from smartprint.parts import draw
from smartprint.parts.textpages.paint import paint_text_page

if TYPE_CHECKING:
    from smartprint.kinds.bingo import Prepared

FRAME = "bframe"
FREE = "bfree"


def _prompt_form(i: int) -> str:
    return f"bp{i}"


def _define_frame(c: Canvas, prep: Prepared) -> None:
    face, spec = prep.face, prep.spec
    w, h = prep.units[0].w, prep.units[0].h
    c.beginForm(FRAME, 0, 0, w, h)
    draw.text_lines(c, face.title.fitted, face.title.left, face.title.top, prep.color)
    draw.text_lines(c, face.name_label.fitted, face.name_label.left, face.name_label.top, SHEET.ink)
    x0, x1, y = face.name_line
    c.setStrokeColorRGB(*SHEET.name_line_grey)
    c.setLineWidth(SHEET.name_line_width)
    c.line(x0, y, x1, y)
    if face.instructions:
        draw.text_lines(c, face.instructions.fitted, face.instructions.left, face.instructions.top, SHEET.ink)
    if face.footer:
        draw.text_lines(c, face.footer.fitted, face.footer.left, face.footer.top, SHEET.footer_grey)
    g, side = face.grid, face.side
    if prep.free is not None:
        mid = spec.grid // 2
        c.setFillColorRGB(*lighten(prep.color, SHEET.free_tint))
        c.rect(g.x + mid * side, g.y + (spec.grid - 1 - mid) * side, side, side, stroke=0, fill=1)
    c.setStrokeColorRGB(*SHEET.ink)
    c.setLineWidth(SHEET.grid_width)
    for k in range(1, spec.grid):
        c.line(g.x + k * side, g.y, g.x + k * side, g.top)
        c.line(g.x, g.y + k * side, g.right, g.y + k * side)
    c.setStrokeColorRGB(*prep.color)
    c.setLineWidth(SHEET.frame_width)
    c.rect(g.x, g.y, g.w, g.h, stroke=1, fill=0)
    c.endForm()


def _define_square(c: Canvas, name: str, square: SquareText, prep: Prepared, names: bool,
                   color: RGB = SHEET.ink) -> None:
    side = prep.face.side
    c.beginForm(name, 0, 0, side, side)
    draw.text_lines(c, square.box.fitted, square.box.left, square.box.top, color)
    if names and prep.face.name_in_square:
        x0, x1, y = prep.face.name_in_square
        c.setStrokeColorRGB(*SHEET.square_line_grey)
        c.setLineWidth(SHEET.square_line_width)
        c.line(x0, y, x1, y)
    c.endForm()


def _setup(prep: Prepared, c: Canvas) -> None:
    """The shared forms, defined on every canvas (every part of a long run)."""
    w = prep.words
    prime_subset(c, prep.job.fonts.regular, f"0123456789 {w['board']}{w['of']}{w['seed']}·")
    _define_frame(c, prep)
    for p in range(len(prep.squares)):  # all, so a reprint with --only encodes alike
        _define_square(c, _prompt_form(p), prep.squares[p], prep, prep.spec.names)
    if prep.free is not None:
        _define_square(c, FREE, prep.free, prep, False, prep.color)


def _sheet(c: Canvas, prep: Prepared, number: int, unit_index: int) -> None:
    face, grid = prep.face, prep.spec.grid
    unit = prep.units[unit_index]
    sheet = prep.sheets[number - 1]
    c.saveState()
    c.translate(unit.x, unit.y)
    c.doForm(FRAME)
    for cell, prompt in enumerate(sheet):
        x = face.grid.x + (cell % grid) * face.side
        y = face.grid.top - (cell // grid + 1) * face.side
        c.saveState()
        c.translate(x, y)
        c.doForm(FREE if prompt is None else _prompt_form(prompt))
        c.restoreState()
    x, y, size = face.number_at
    c.setFillColorRGB(*SHEET.number_grey)
    c.setFont(prep.job.fonts.regular, size)
    c.drawString(x, y, prep.sheet_label(number))
    c.restoreState()


def _cut_lines(c: Canvas, prep: Prepared) -> None:
    """Dashed lines between sheets that share a page."""
    if len(prep.units) == 1:
        return
    margin = prep.job.page.margin
    page_w, page_h = prep.page_w, prep.page_h
    c.setStrokeColorRGB(*SHEET.cut_grey)
    c.setLineWidth(SHEET.cut_width)
    c.setDash(SHEET.cut_dash, SHEET.cut_dash)
    xs = {round(u.right + margin, 2) for u in prep.units if u.right + margin < page_w - 1}
    ys = {round(u.y - margin, 2) for u in prep.units if u.y - margin > 1}
    for x in xs:
        c.line(x, 0, x, page_h)
    for y in ys:
        c.line(0, y, page_w, y)
    c.setDash()


def _sheet_page(prep: Prepared, c: Canvas, numbers: tuple[int, ...]) -> None:
    for unit_index, number in enumerate(numbers):
        _sheet(c, prep, number, unit_index)
    _cut_lines(c, prep)


def bingo_document(prep: Prepared) -> Document:
    per_page = len(prep.units)
    pages = [tuple(prep.numbers[i:i + per_page]) for i in range(0, len(prep.numbers), per_page)]
    page = prep.job.page
    sections = []
    if prep.leader:
        sections.append(Section(page.width, page.height, prep.leader, lambda c, p: paint_text_page(c, p),
                                name="leader"))
    sections.append(Section(prep.page_w, prep.page_h, pages, partial(_sheet_page, prep), name="sheets"))
    return Document(prep.spec.title, tuple(sections), "none", partial(_setup, prep), "Tegner brett")
