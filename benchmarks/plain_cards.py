"""A plain reportlab script that draws the same deck as smartprint does: the yardstick.

It draws 63 × 88 mm cards 3 × 3 on A4 with a coloured band, a title, wrapped body
text and questions, crop marks, and a mirrored back page per sheet. It does no
checking, no fitting search and no error reporting: what a hand-written script does.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
CARD_W, CARD_H = 63 * MM, 88 * MM
COLS, ROWS = 3, 3


def _fonts() -> None:
    if "PlainVera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PlainVera", "Vera.ttf"))
        pdfmetrics.registerFont(TTFont("PlainVeraBd", "VeraBd.ttf"))


def draw_plain(cards: list[dict], out: str) -> int:
    _fonts()
    page_w, page_h = A4
    left = (page_w - COLS * CARD_W) / 2
    top = (page_h + ROWS * CARD_H) / 2
    c = Canvas(out, pagesize=A4, invariant=1, initialFontName="PlainVera")
    per = COLS * ROWS
    pages = 0
    for start in range(0, len(cards), per):
        sheet = cards[start:start + per]
        for i, card in enumerate(sheet):
            x = left + (i % COLS) * CARD_W
            y = top - (i // COLS + 1) * CARD_H
            c.setFillColorRGB(0.18, 0.38, 0.66)
            c.rect(x, y + CARD_H - 25, CARD_W, 25, stroke=0, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont("PlainVeraBd", 8)
            c.drawString(x + 20, y + CARD_H - 16, card.get("group", ""))
            c.setFillColorRGB(0.1, 0.1, 0.1)
            c.setFont("PlainVeraBd", 14)
            c.drawCentredString(x + CARD_W / 2, y + CARD_H - 48, card["title"])
            c.setFont("PlainVera", 10)
            yy = y + CARD_H - 66
            for para in [card["text"], *card.get("questions", [])]:
                for line in simpleSplit(para, "PlainVera", 10, CARD_W - 24):
                    c.drawString(x + 12, yy, line)
                    yy -= 12.5
                yy -= 5
            c.setStrokeColorRGB(0.7, 0.7, 0.7)
            c.rect(x, y, CARD_W, CARD_H, stroke=1, fill=0)
        c.setStrokeColorRGB(0, 0, 0)
        for k in range(COLS + 1):
            xx = left + k * CARD_W
            c.line(xx, top + 4, xx, top + 18)
            c.line(xx, top - ROWS * CARD_H - 4, xx, top - ROWS * CARD_H - 18)
        c.showPage()
        for i, _card in enumerate(sheet):
            x = page_w - (left + (i % COLS) * CARD_W) - CARD_W
            y = top - (i // COLS + 1) * CARD_H
            c.setFillColorRGB(0.88, 0.9, 0.93)
            c.rect(x, y, CARD_W, CARD_H, stroke=0, fill=1)
            c.setFillColorRGB(0.11, 0.2, 0.34)
            c.setFont("PlainVeraBd", 22)
            c.drawCentredString(x + CARD_W / 2, y + CARD_H - 50, "SMART")
        c.showPage()
        pages += 2
    c.save()
    return pages
