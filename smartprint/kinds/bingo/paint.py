"""Drawing bingo sheets. The parts every sheet shares (title, name line, rules, grid,
the name line in each square, the free square, footer) are one form. Each prompt's
text operators are made once per canvas and placed in a square by a translation:
a sheet is one form reference, 24 short placements and its number. Pages stay
small, and the page dictionaries name one form instead of one per prompt."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from smartprint.colors import lighten
from smartprint.document import Document, Section
from smartprint.kinds.bingo.face import SquareText
from smartprint.kinds.bingo.style import SHEET
from smartprint.output import prime_subset
from smartprint.parts import draw
from smartprint.parts.textpages.paint import paint_text_page

if TYPE_CHECKING:
    from smartprint.kinds.bingo import Prepared

FRAME = "bframe"


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
    _define_free_and_lines(c, prep)
    c.endForm()


def _define_free_and_lines(c: Canvas, prep: Prepared) -> None:
    """Inside the frame form: every square's name line and the free square's text."""
    face, grid = prep.face, prep.spec.grid
    mid = grid * grid // 2 if prep.free is not None else None
    if prep.spec.names and face.name_in_square:
        x0, x1, y = face.name_in_square
        c.setStrokeColorRGB(*SHEET.square_line_grey)
        c.setLineWidth(SHEET.square_line_width)
        for cell in range(grid * grid):
            if cell != mid:
                cx, cy = _cell_origin(prep, cell)
                c.line(cx + x0, cy + y, cx + x1, cy + y)
    if prep.free is not None and mid is not None:
        cx, cy = _cell_origin(prep, mid)
        box = prep.free.box
        draw.text_lines(c, box.fitted, cx + box.left, cy + box.top, prep.color)


def _cell_origin(prep: Prepared, cell: int) -> tuple[float, float]:
    """The bottom-left corner of a square in the sheet's unit."""
    face, grid = prep.face, prep.spec.grid
    return face.grid.x + (cell % grid) * face.side, face.grid.top - (cell // grid + 1) * face.side


_TM = re.compile(r"1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm")


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def _prompt_code(c: Canvas, square: SquareText) -> str:
    """The text operators of one prompt, relative to its square's corner, made short:
    each line's start as a move from the last one (Td), no text matrix or leading that
    is never used. Written once, placed on thousands of squares."""
    box = square.box
    text = c.beginText()
    font = None
    for line in box.fitted.lines:
        if (line.font, line.size) != font:
            font = (line.font, line.size)
            text.setFont(line.font, line.size)
        text.setTextOrigin(box.left + line.x, box.top - line.baseline)
        text.textOut(line.text)
    code = text.getCode().replace("BT 1 0 0 1 0 0 Tm ", "BT ")
    code = re.sub(r" -?[\d.]+ TL", "", code)
    at = [0.0, 0.0]

    def move(m: re.Match[str]) -> str:
        x, y = float(m.group(1)), float(m.group(2))
        dx, dy = x - at[0], y - at[1]
        at[0], at[1] = x, y
        return f"{_num(dx)} {_num(dy)} Td"

    return _TM.sub(move, code)


class _Painter:
    """Paints one run. The prompts' operators belong to the canvas they were encoded on
    (font subset codes are per PDF), so they are made anew by `setup` for each canvas
    the writer opens and used by the pages drawn on it."""

    def __init__(self, prep: Prepared):
        self.prep = prep
        self.canvas: Canvas | None = None
        self.codes: list[str] = []
        self.cells: list[str] = []

    def setup(self, c: Canvas) -> None:
        """Shared art, in one order on every canvas, so every part encodes the same
        characters with the same codes (and a reprint's page matches the first print)."""
        prep = self.prep
        w = prep.words
        prime_subset(c, prep.job.fonts.regular, f"0123456789 {w['board']}{w['of']}{w['seed']}·")
        _define_frame(c, prep)
        self.codes = [_prompt_code(c, square) for square in prep.squares]  # all, so a reprint encodes alike
        self.cells = [f"q 1 0 0 1 {fp_str(*_cell_origin(prep, cell))} cm " for cell in range(prep.spec.grid ** 2)]
        self.canvas = c

    def sheet(self, c: Canvas, number: int, unit_index: int) -> None:
        if id(c) != id(self.canvas):
            raise RuntimeError("setup runs on every canvas before its pages")
        prep = self.prep
        face = prep.face
        unit = prep.units[unit_index]
        c.saveState()
        c.translate(unit.x, unit.y)
        c.doForm(FRAME)
        c.setFillColorRGB(*SHEET.ink)
        code = c._code  # noqa: SLF001 - the page's operator list: placing ready-made text
        for cell, prompt in enumerate(prep.sheets[number - 1]):
            if prompt is not None:
                code.append(f"{self.cells[cell]}{self.codes[prompt]} Q")
        x, y, size = face.number_at
        c.setFillColorRGB(*SHEET.number_grey)
        c.setFont(prep.job.fonts.regular, size)
        c.drawString(x, y, prep.sheet_label(number))
        c.restoreState()

    def page(self, c: Canvas, numbers: tuple[int, ...]) -> None:
        for unit_index, number in enumerate(numbers):
            self.sheet(c, number, unit_index)
        _cut_lines(c, self.prep)


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


def bingo_document(prep: Prepared) -> Document:
    per_page = len(prep.units)
    pages = [tuple(prep.numbers[i:i + per_page]) for i in range(0, len(prep.numbers), per_page)]
    page = prep.job.page
    sections = []
    if prep.leader:
        sections.append(Section(page.width, page.height, prep.leader, lambda c, p: paint_text_page(c, p),
                                name="leader"))
    painter = _Painter(prep)
    sections.append(Section(prep.page_w, prep.page_h, pages, painter.page, name="sheets"))
    return Document(prep.spec.title, tuple(sections), "none", painter.setup, "Tegner brett")
