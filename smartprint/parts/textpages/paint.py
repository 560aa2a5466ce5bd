"""Drawing planned text pages (parts.textpages.plan) on a reportlab canvas."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from smartprint.parts.textpages.plan import TEXT, TextPage, TextStyle
from smartprint.resolve.colors import INK
from smartprint.text import ink


def paint_text_page(c: Canvas, page: TextPage, style: TextStyle = TEXT) -> None:
    c.setFillColorRGB(*INK)
    for line in page.lines:
        ink.draw_run(c, line)
    c.setStrokeColorRGB(*style.rule_grey)
    c.setLineWidth(style.rule_width)
    for x0, x1, y in page.rules:
        c.line(x0, y, x1, y)
    c.setStrokeColorRGB(*INK)
    c.setLineWidth(style.box_width)
    for box in page.boxes:
        c.rect(box.x, box.y, box.w, box.h, stroke=1, fill=0)
