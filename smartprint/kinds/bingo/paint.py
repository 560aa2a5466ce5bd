"""Drawing bingo sheets. The parts every sheet shares (title, name line, rules, grid,
footer) are one form; each prompt is one form; a sheet is a handful of references
plus its number. Pages stay tiny, so 10,000 sheets need little memory and disk."""

from __future__ import annotations

from contextlib import nullcontext
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from smartprint import draw
from smartprint.colors import lighten
from smartprint.kinds.bingo.face import SquareText
from smartprint.output import new_canvas, prime_subset
from smartprint.progress import bar_for

INK = (0.1, 0.1, 0.1)
FRAME = "bframe"
FREE = "bfree"


def _prompt_form(i: int) -> str:
    return f"bp{i}"


def _define_frame(c: Canvas, prep) -> None:
    face, spec = prep.face, prep.spec
    w, h = prep.units[0].w, prep.units[0].h
    c.beginForm(FRAME, 0, 0, w, h)
    draw.text_lines(c, face.title.fitted, face.title.left, face.title.top, prep.color)
    draw.text_lines(c, face.name_label.fitted, face.name_label.left, face.name_label.top, INK)
    x0, x1, y = face.name_line
    c.setStrokeColorRGB(0.35, 0.35, 0.35)
    c.setLineWidth(0.7)
    c.line(x0, y, x1, y)
    if face.instructions:
        draw.text_lines(c, face.instructions.fitted, face.instructions.left, face.instructions.top, INK)
    if face.footer:
        draw.text_lines(c, face.footer.fitted, face.footer.left, face.footer.top, (0.25, 0.25, 0.25))
    g, side = face.grid, face.side
    if prep.free is not None:
        mid = spec.grid // 2
        c.setFillColorRGB(*lighten(prep.color, 0.82))
        c.rect(g.x + mid * side, g.y + (spec.grid - 1 - mid) * side, side, side, stroke=0, fill=1)
    c.setStrokeColorRGB(*INK)
    c.setLineWidth(0.8)
    for k in range(1, spec.grid):
        c.line(g.x + k * side, g.y, g.x + k * side, g.top)
        c.line(g.x, g.y + k * side, g.right, g.y + k * side)
    c.setStrokeColorRGB(*prep.color)
    c.setLineWidth(2)
    c.rect(g.x, g.y, g.w, g.h, stroke=1, fill=0)
    c.endForm()


def _define_square(c: Canvas, name: str, square: SquareText, prep, names: bool, color=INK) -> None:
    side = prep.face.side
    c.beginForm(name, 0, 0, side, side)
    draw.text_lines(c, square.box.fitted, square.box.left, square.box.top, color)
    if names and prep.face.name_in_square:
        x0, x1, y = prep.face.name_in_square
        c.setStrokeColorRGB(0.55, 0.55, 0.55)
        c.setLineWidth(0.5)
        c.line(x0, y, x1, y)
    c.endForm()


def _sheet(c: Canvas, prep, number: int, unit) -> None:
    face, grid = prep.face, prep.spec.grid
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
    c.setFillColorRGB(0.3, 0.3, 0.3)
    c.setFont(prep.job.fonts.regular, size)
    w = prep.words
    c.drawString(x, y, f"{w['board']} {number} {w['of']} {prep.count} · {w['seed']} {prep.seed}")
    c.restoreState()


def _cut_lines(c: Canvas, prep) -> None:
    """Dashed lines between sheets that share a page."""
    if len(prep.units) == 1:
        return
    layout = prep.job.layout
    page_w, page_h = prep.page_w, prep.page_h
    c.setStrokeColorRGB(0.6, 0.6, 0.6)
    c.setLineWidth(0.4)
    c.setDash(4, 4)
    xs = {round(u.right + layout.margin, 2) for u in prep.units if u.right + layout.margin < page_w - 1}
    ys = {round(u.y - layout.margin, 2) for u in prep.units if u.y - layout.margin > 1}
    for x in xs:
        c.line(x, 0, x, page_h)
    for y in ys:
        c.line(0, y, page_w, y)
    c.setDash()


def _leader_page(c: Canvas, page, fonts) -> None:
    c.setFillColorRGB(*INK)
    for line in page.lines:
        c.setFont(line.font, line.size)
        c.drawString(line.x, line.y, line.text)
    c.setStrokeColorRGB(0.75, 0.75, 0.75)
    c.setLineWidth(0.4)
    for x0, x1, y in page.rules:
        c.line(x0, y, x1, y)
    c.setStrokeColorRGB(*INK)
    c.setLineWidth(0.8)
    for box in page.boxes:
        c.rect(box.x, box.y, box.w, box.h, stroke=1, fill=0)


PAGES_PER_PART = 500


def _draw_part(prep, out: str | BinaryIO, pages: list[list[int]], with_leader: bool, bar) -> int:
    """One canvas: the shared forms, optionally the leader's pages, then `pages` of sheets."""
    job = prep.job
    fonts = job.fonts
    c = new_canvas(out, job.layout.page_w, job.layout.page_h, fonts, job.spec.title, "none")
    w = prep.words
    prime_subset(c, fonts.regular, f"0123456789 {w['board']}{w['of']}{w['seed']}·")
    _define_frame(c, prep)
    for p in range(len(prep.squares)):  # all, so a reprint with --only encodes alike
        _define_square(c, _prompt_form(p), prep.squares[p], prep, prep.spec.names)
    if prep.free is not None:
        _define_square(c, FREE, prep.free, prep, False, prep.color)
    count = 0
    if with_leader:
        for page in prep.leader:
            _leader_page(c, page, fonts)
            c.showPage()
            count += 1
    c.setPageSize((prep.page_w, prep.page_h))  # sheets two a page turn the paper
    for numbers in pages:
        for unit, number in zip(prep.units, numbers):
            _sheet(c, prep, number, unit)
        _cut_lines(c, prep)
        c.showPage()
        count += 1
        if bar is not None:
            bar.step(len(numbers))
    c.save()
    return count


def draw_bingo(prep, out: str | BinaryIO) -> int:
    """Draw all sheets. Up to PAGES_PER_PART pages go straight to `out`; beyond that the
    pages are drawn in parts and streamed into one file, so memory stays flat however
    many sheets are asked for."""
    per_page = len(prep.units)
    pages = [prep.numbers[i:i + per_page] for i in range(0, len(prep.numbers), per_page)]
    parts = [pages[i:i + PAGES_PER_PART] for i in range(0, len(pages), PAGES_PER_PART)] or [[]]
    bar = bar_for(prep.job.options.progress, len(prep.numbers), "Tegner brett")
    with bar if bar is not None else nullcontext():
        if len(parts) == 1:
            return _draw_part(prep, out, parts[0], True, bar)
        import tempfile
        from pathlib import Path

        from smartprint.pdfjoin import join

        with tempfile.TemporaryDirectory(prefix="smartprint-") as tmp:
            paths = []
            for k, part in enumerate(parts):
                path = Path(tmp) / f"part{k}.pdf"
                _draw_part(prep, str(path), part, k == 0, bar)
                paths.append(path)
            if isinstance(out, str):
                with open(out, "wb") as fh:
                    return join(paths, fh)
            return join(paths, out)
