"""The yardstick for card decks: the script a competent programmer would write by hand.

    python benchmarks/plain_cards.py DECK.yaml OUT.pdf

Same job as `smartprint build DECK`: 63 × 88 mm cards 3 × 3 on A4, a coloured band
with the group's name, the title, wrapped text and questions, an outline, crop
marks, and a back page per sheet with every back mirrored behind its front. Done
well: the same fonts (smartprint's DejaVu Sans, embedded) and compression, each
distinct text wrapped once, each group's band and the common back drawn once as
forms. No checks.
"""

from __future__ import annotations

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
CARD_W, CARD_H = 63 * MM, 88 * MM
COLS, ROWS = 3, 3
COLOURS = {
    "blå": (0.18, 0.38, 0.66),
    "rød": (0.75, 0.22, 0.17),
    "rosa": (0.69, 0.23, 0.48),
    "grønn": (0.18, 0.49, 0.31),
    "lilla": (0.42, 0.29, 0.65),
    "oransje": (0.78, 0.39, 0.12),
}


def main(deck_path: str, out: str) -> None:
    with open(deck_path, encoding="utf-8") as fh:
        deck = yaml.load(fh, Loader=yaml.CSafeLoader)
    pdfmetrics.registerFont(TTFont("Sans", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("SansBd", str(FONTS / "DejaVuSans-Bold.ttf")))
    cards = [card for card in deck["cards"] for _ in range(card.get("count", 1))]
    colours = {g["name"]: COLOURS.get(g.get("color", ""), (0.2, 0.2, 0.2)) for g in deck.get("groups", [])}
    wrap_cache: dict[str, list[str]] = {}

    def wrapped(text: str) -> list[str]:
        if text not in wrap_cache:
            wrap_cache[text] = simpleSplit(text, "Sans", 9.5, CARD_W - 24)
        return wrap_cache[text]

    rl_config.useA85 = 0
    page_w, page_h = A4
    c = Canvas(out, pagesize=A4, invariant=1, pageCompression=1, initialFontName="Sans")
    c.setTitle(deck["title"])
    for name, colour in colours.items():
        c.beginForm(f"band-{len(name)}-{abs(hash(name)) % 10_000}")
        c.setFillColorRGB(*colour)
        c.rect(0, CARD_H - 25, CARD_W, 25, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.circle(12, CARD_H - 12.5, 6, stroke=0, fill=1)
        c.setFont("SansBd", 8)
        c.drawString(24, CARD_H - 16, name)
        c.endForm()
    back = deck.get("back", {})
    c.beginForm("back")
    c.setFillColorRGB(0.88, 0.9, 0.93)
    c.rect(0, 0, CARD_W, CARD_H, stroke=0, fill=1)
    c.setStrokeColorRGB(0.11, 0.2, 0.34)
    c.setFillColorRGB(1, 1, 1)
    c.roundRect(8, 8, CARD_W - 16, CARD_H - 16, 8, stroke=1, fill=1)
    c.setFillColorRGB(0.11, 0.2, 0.34)
    c.setFont("SansBd", 22)
    c.drawCentredString(CARD_W / 2, CARD_H - 50, back.get("title", ""))
    text = c.beginText()
    text.setFont("Sans", 11)
    for k, line in enumerate((back.get("text") or "").splitlines()):
        text.setTextOrigin(CARD_W / 2 - pdfmetrics.stringWidth(line, "Sans", 11) / 2, CARD_H - 90 - 14 * k)
        text.textOut(line)
    c.drawText(text)
    c.endForm()

    left = (page_w - COLS * CARD_W) / 2
    top = (page_h + ROWS * CARD_H) / 2
    per = COLS * ROWS
    for start in range(0, len(cards), per):
        sheet = cards[start : start + per]
        for i, card in enumerate(sheet):
            x = left + (i % COLS) * CARD_W
            y = top - (i // COLS + 1) * CARD_H
            c.saveState()
            c.translate(x, y)
            if card.get("group"):
                name = card["group"]
                c.doForm(f"band-{len(name)}-{abs(hash(name)) % 10_000}")
            c.setFillColorRGB(0.1, 0.1, 0.1)
            c.setFont("SansBd", 14)
            if card.get("title"):
                c.drawCentredString(CARD_W / 2, CARD_H - 48, card["title"])
            text = c.beginText(12, CARD_H - 66)
            text.setFont("Sans", 9.5)
            text.setLeading(11.9)
            for para in [card.get("text") or "", *card.get("questions", [])]:
                for line in wrapped(para):
                    text.textLine(line)
                text.moveCursor(0, 5)
            c.drawText(text)
            c.setStrokeColorRGB(0.72, 0.72, 0.72)
            c.setLineWidth(0.4)
            c.rect(0, 0, CARD_W, CARD_H, stroke=1, fill=0)
            c.restoreState()
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(0.25)
        for k in range(COLS + 1):
            xx = left + k * CARD_W
            c.line(xx, top + 4, xx, top + 18)
            c.line(xx, top - ROWS * CARD_H - 4, xx, top - ROWS * CARD_H - 18)
        for k in range(ROWS + 1):
            yy = top - k * CARD_H
            c.line(left - 4, yy, left - 18, yy)
            c.line(left + COLS * CARD_W + 4, yy, left + COLS * CARD_W + 18, yy)
        c.showPage()
        for i, _card in enumerate(sheet):
            x = page_w - (left + (i % COLS) * CARD_W) - CARD_W
            y = top - (i // COLS + 1) * CARD_H
            c.saveState()
            c.translate(x, y)
            c.doForm("back")
            c.restoreState()
        c.showPage()
    c.save()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
