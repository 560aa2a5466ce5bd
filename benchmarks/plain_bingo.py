"""A plain reportlab script that draws the same bingo sheets as smartprint: the yardstick.

Title, name line, instructions, a 5 × 5 grid with a free centre, each prompt wrapped at
a fixed size, the footer and the sheet number; one sheet a page, drawn directly on
every page (no forms), as a hand-written script would.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4


def _fonts() -> None:
    if "PlainVera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PlainVera", "Vera.ttf"))
        pdfmetrics.registerFont(TTFont("PlainVeraBd", "VeraBd.ttf"))


def draw_plain(title: str, instructions: str, footer: str, prompts: list[str], free: str,
               sheets: list[tuple[int | None, ...]], grid: int, out: str) -> int:
    _fonts()
    page_w, page_h = A4
    margin = 12 * MM
    side = (page_w - 2 * margin) / grid
    top = page_h - margin - 60 * MM
    c = Canvas(out, pagesize=A4, invariant=1, initialFontName="PlainVera")
    for number, sheet in enumerate(sheets, start=1):
        c.setFont("PlainVeraBd", 26)
        c.drawCentredString(page_w / 2, page_h - margin - 26, title)
        c.setFont("PlainVera", 12)
        c.drawString(margin, page_h - margin - 50, "Navn:")
        c.line(margin + 40, page_h - margin - 52, page_w - margin, page_h - margin - 52)
        y = page_h - margin - 72
        for line in simpleSplit(instructions, "PlainVera", 11, page_w - 2 * margin):
            c.drawString(margin, y, line)
            y -= 14
        for k in range(grid + 1):
            c.line(margin + k * side, top, margin + k * side, top - grid * side)
            c.line(margin, top - k * side, page_w - margin, top - k * side)
        c.setFont("PlainVera", 10)
        for cell, prompt in enumerate(sheet):
            x = margin + (cell % grid) * side
            yy = top - (cell // grid) * side - 16
            text = free if prompt is None else prompts[prompt]
            for line in simpleSplit(text, "PlainVera", 10, side - 10):
                c.drawCentredString(x + side / 2, yy, line)
                yy -= 12
            c.line(x + side * 0.1, top - (cell // grid + 1) * side + side * 0.15,
                   x + side * 0.9, top - (cell // grid + 1) * side + side * 0.15)
        c.setFont("PlainVera", 9)
        for i, line in enumerate(simpleSplit(footer, "PlainVera", 9, page_w - 2 * margin)):
            c.drawCentredString(page_w / 2, margin + 22 - i * 11, line)
        c.drawString(margin, margin, f"Brett {number} av {len(sheets)} · frø 2024")
        c.showPage()
    c.save()
    return len(sheets)
