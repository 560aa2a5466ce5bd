"""The yardstick for bingo: the script a competent programmer would write by hand.

    python benchmarks/plain_bingo.py DECK.yaml SHEETS SEED OUT.pdf

Same job as `smartprint build DECK --sheets SHEETS --seed SEED`: different sheets
(a random arrangement each, checked unique), one a page on A4, title, name line,
instructions, a grid with a free centre, a line to write a name in each square,
the footer and the sheet's number. Done well: the same fonts (smartprint's DejaVu Sans,
embedded), the same stream compression, every text wrapped once, the prompts set
in one size that fits them all (found once), and the art every sheet shares drawn
once as a form. No checks, no messages, no streaming: one canvas.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
FONTS = Path(__file__).resolve().parent.parent / "smartprint" / "fontdata"  # the fonts smartprint uses
GRID = 5


def main(deck_path: str, count: int, seed: int, out: str) -> None:
    with open(deck_path, encoding="utf-8") as fh:
        deck = yaml.load(fh, Loader=yaml.CSafeLoader)
    pdfmetrics.registerFont(TTFont("Sans", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("SansBd", str(FONTS / "DejaVuSans-Bold.ttf")))
    prompts: list[str] = deck["prompts"]
    rng = random.Random(seed)
    sheets: list[tuple[int, ...]] = []
    seen: set[tuple[int, ...]] = set()
    while len(sheets) < count:
        sheet = tuple(rng.sample(range(len(prompts)), GRID * GRID - 1))
        if sheet not in seen:
            seen.add(sheet)
            sheets.append(sheet)

    page_w, page_h = A4
    margin = 12 * MM
    width = page_w - 2 * margin
    side = width / GRID
    grid_top = page_h - margin - 62 * MM
    inner = side - 0.14 * side
    name_zone = 0.27 * side

    def fits(size: float) -> bool:
        return all(len(simpleSplit(p, "Sans", size, inner)) * size * 1.2 <= inner - name_zone for p in prompts)

    size = 16.0
    while size > 6 and not fits(size):
        size -= 0.25
    wrapped = [simpleSplit(p, "Sans", size, inner) for p in prompts]

    rl_config.useA85 = 0
    c = Canvas(out, pagesize=A4, invariant=1, pageCompression=1, initialFontName="Sans")
    c.setTitle(deck["title"])
    c.beginForm("frame")
    c.setFillColorRGB(0.75, 0.4, 0.1)
    c.setFont("SansBd", 26)
    c.drawCentredString(page_w / 2, page_h - margin - 26, deck["title"])
    c.setFillColorRGB(0.1, 0.1, 0.1)
    c.setFont("Sans", 12)
    c.drawString(margin, page_h - margin - 50, "Navn:")
    c.line(margin + 40, page_h - margin - 52, page_w - margin, page_h - margin - 52)
    text = c.beginText(margin, page_h - margin - 72)
    text.setFont("Sans", 11)
    text.setLeading(14)
    for line in simpleSplit(deck.get("instructions", ""), "Sans", 11, width):
        text.textLine(line)
    c.drawText(text)
    c.setLineWidth(0.8)
    for k in range(GRID + 1):
        c.line(margin + k * side, grid_top, margin + k * side, grid_top - GRID * side)
        c.line(margin, grid_top - k * side, page_w - margin, grid_top - k * side)
    c.setStrokeColorRGB(0.55, 0.55, 0.55)
    c.setLineWidth(0.5)
    for cell in range(GRID * GRID):
        x = margin + (cell % GRID) * side
        y = grid_top - (cell // GRID + 1) * side
        c.line(x + side * 0.1, y + side * 0.15, x + side * 0.9, y + side * 0.15)
    mid = GRID * GRID // 2
    c.setFont("SansBd", size)
    c.drawCentredString(margin + (mid % GRID + 0.5) * side, grid_top - (mid // GRID + 0.5) * side, deck.get("free", ""))
    c.setFont("Sans", 10)
    for i, line in enumerate(simpleSplit(deck.get("footer", ""), "Sans", 10, width)):
        c.drawCentredString(page_w / 2, margin + 26 - i * 12, line)
    c.endForm()

    for number, sheet in enumerate(sheets, start=1):
        c.doForm("frame")
        text = c.beginText()
        text.setFont("Sans", size)
        cells = list(sheet[:mid]) + [-1] + list(sheet[mid:])
        for cell, prompt in enumerate(cells):
            if prompt < 0:
                continue
            cx = margin + (cell % GRID + 0.5) * side
            top = grid_top - (cell // GRID) * side - 0.07 * side - size
            for k, line in enumerate(wrapped[prompt]):
                text.setTextOrigin(cx - pdfmetrics.stringWidth(line, "Sans", size) / 2, top - k * size * 1.2)
                text.textOut(line)
        c.drawText(text)
        c.setFont("Sans", 9)
        c.drawString(margin, margin, f"Brett {number} av {count} · kode {seed}")
        c.showPage()
    c.save()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
