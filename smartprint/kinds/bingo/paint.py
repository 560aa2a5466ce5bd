"""Drawing bingo sheets. The parts every sheet shares (title, name line, rules, grid,
the name line in each square, the free square, footer) are one form. Each prompt's
text operators are made once per canvas and placed in a square by a translation:
a sheet is one form reference, 24 short placements and its number. Pages stay
small, and the page dictionaries name one form instead of one per prompt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from smartprint.kinds.bingo.face import SquareText
from smartprint.kinds.bingo.style import SHEET
from smartprint.parts.textpages.paint import paint_text_page
from smartprint.resolve.colors import lighten
from smartprint.text import ink
from smartprint.write.document import Document, Section
from smartprint.write.output import prime_subset

if TYPE_CHECKING:
    from smartprint.kinds.bingo.assemble import Prepared

FRAME = "bframe"


def _define_frame(c: Canvas, prep: Prepared) -> None:
    face, spec = prep.face, prep.spec
    w, h = prep.units[0].w, prep.units[0].h
    c.beginForm(FRAME, 0, 0, w, h)
    ink.draw_lines(c, face.title.fitted, face.title.left, face.title.top, prep.color)
    ink.draw_lines(c, face.name_label.fitted, face.name_label.left, face.name_label.top, SHEET.ink)
    x0, x1, y = face.name_line
    c.setStrokeColorRGB(*SHEET.name_line_grey)
    c.setLineWidth(SHEET.name_line_width)
    c.line(x0, y, x1, y)
    if face.instructions:
        ink.draw_lines(c, face.instructions.fitted, face.instructions.left, face.instructions.top, SHEET.ink)
    if face.footer:
        ink.draw_lines(c, face.footer.fitted, face.footer.left, face.footer.top, SHEET.footer_grey)
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
        ink.draw_lines(c, box.fitted, cx + box.left, cy + box.top, prep.color)


def _cell_origin(prep: Prepared, cell: int) -> tuple[float, float]:
    """The bottom-left corner of a square in the sheet's unit."""
    face, grid = prep.face, prep.spec.grid
    return face.grid.x + (cell % grid) * face.side, face.grid.top - (cell // grid + 1) * face.side


_TM = re.compile(r"1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm")


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"


@dataclass(frozen=True)
class _PromptText:
    """One prompt's text operators, made once per canvas: its first line starts at
    `first` (from its square's corner); `body` draws every line, moving from line to
    line with Td; the last line starts at `first` + `last`. `font` sets the font the
    body starts with, `end_font` is the one in force after it."""

    first: tuple[float, float]
    body: str
    last: tuple[float, float]
    font: str
    end_font: str


_TF = re.compile(r"/\S+ -?[\d.]+ Tf")


def _prompt_text(c: Canvas, square: SquareText) -> _PromptText:
    box = square.box
    code = ink.encoded_lines(c, box.fitted, box.left, box.top)
    fonts = _TF.findall(code)
    font = fonts[0] if fonts else ""
    code = code.replace(font, "", 1) if font else code  # set once per sheet, not per square
    pieces = _TM.split(code)  # [before, x, y, ops, x, y, ops, …]
    if len(pieces) < 4:  # no line was drawn (a letter the font lacks): the build fails after drawing
        return _PromptText((0.0, 0.0), "", (0.0, 0.0), font, font)
    first = (float(pieces[1]), float(pieces[2]))
    body = [" ".join(pieces[3].split())]
    at = first
    moved = (0.0, 0.0)
    for k in range(4, len(pieces), 3):
        x, y = float(pieces[k]), float(pieces[k + 1])
        dx, dy = float(_num(x - at[0])), float(_num(y - at[1]))
        body.append(f"{_num(dx)} {_num(dy)} Td {' '.join(pieces[k + 2].split())}")
        at = (at[0] + dx, at[1] + dy)
        moved = (moved[0] + dx, moved[1] + dy)
    return _PromptText(first, " ".join(part for part in body if part), moved, font, fonts[-1] if fonts else font)


class _Painter:
    """Paints one run. The prompts' operators belong to the canvas they were encoded on
    (font subset codes are per PDF), so they are made anew by `setup` for each canvas
    the writer opens and used by the pages drawn on it."""

    def __init__(self, prep: Prepared):
        self.prep = prep
        self.canvas: Canvas | None = None
        self.texts: list[_PromptText] = []
        self.origins: list[tuple[float, float]] = []

    def setup(self, c: Canvas) -> None:
        """Shared art, in one order on every canvas, so every part encodes the same
        characters with the same codes (and a reprint's page matches the first print)."""
        prep = self.prep
        w = prep.words
        prime_subset(c, prep.job.fonts.regular, f"0123456789 {w['bingo_sheet']}{w['of']}{w['seed']}·")
        if prep.pupils is not None:  # every name's letters, so a reprint encodes its name alike
            prime_subset(c, prep.job.fonts.bold, "".join(sorted({ch for p in prep.pupils.pupils for ch in p.name})))
        _define_frame(c, prep)
        self.texts = [_prompt_text(c, square) for square in prep.squares]  # all, so a reprint encodes alike
        self.origins = [_cell_origin(prep, cell) for cell in range(prep.spec.grid**2)]
        self.canvas = c

    def sheet(self, c: Canvas, number: int, unit_index: int) -> None:
        if id(c) != id(self.canvas):
            raise RuntimeError("setup runs on every canvas before its pages")
        prep = self.prep
        unit = prep.units[unit_index]
        c.saveState()
        c.translate(unit.x, unit.y)
        c.doForm(FRAME)
        c.setFillColorRGB(*SHEET.ink)
        # one text object for the whole grid: each prompt's ready-made lines, reached by a
        # move from where the last prompt ended (no save/restore or matrix per square)
        ops = ["BT"]
        at, font = (0.0, 0.0), ""
        for cell, prompt in enumerate(prep.sheets[number - 1]):
            if prompt is None:
                continue
            t = self.texts[prompt]
            if t.font != font:
                ops.append(t.font)
            ox, oy = self.origins[cell]
            dx = float(_num(ox + t.first[0] - at[0]))
            dy = float(_num(oy + t.first[1] - at[1]))
            ops.append(f"{_num(dx)} {_num(dy)} Td {t.body}")
            at = (at[0] + dx + t.last[0], at[1] + dy + t.last[1])
            font = t.end_font
        # the sheet's number, in the same text object
        run = prep.number_run(number)
        x, y = run.x, run.y
        shown = re.sub(
            r" -?[\d.]+ TL", "", ink.encoded_run(c, run).removeprefix("BT 1 0 0 1 0 0 Tm ").removesuffix(" ET")
        )
        grey = " ".join(_num(v) for v in SHEET.number_grey)
        ops.append(f"{grey} rg {_num(x - at[0])} {_num(y - at[1])} Td {shown} ET")
        c._code.append(" ".join(ops))  # noqa: SLF001 - the page's operator list: ready-made text
        if prep.names is not None:  # the pupil's name on the name line
            name = prep.names[number - 1]
            ink.draw_lines(c, name.fitted, name.left, name.top, SHEET.ink)
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
    pages = [tuple(prep.numbers[i : i + per_page]) for i in range(0, len(prep.numbers), per_page)]
    page = prep.job.page
    sections = []
    if prep.leader:
        sections.append(
            Section(page.width, page.height, prep.leader, lambda c, p: paint_text_page(c, p), name="leader")
        )
    painter = _Painter(prep)
    sections.append(Section(prep.page_w, prep.page_h, pages, painter.page, name="sheets"))
    return Document(prep.spec.title, tuple(sections), "none", painter.setup, "Tegner brett")
