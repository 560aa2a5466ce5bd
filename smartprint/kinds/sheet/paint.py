"""Drawing planned sheet pages: every item was placed by the plan; nothing is decided here."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from smartprint.kinds.sheet import page as sp
from smartprint.parts import draw
from smartprint.resolve.colors import INK
from smartprint.resolve.placeholders import fill
from smartprint.text import ink
from smartprint.write.document import Document, Section
from smartprint.write.output import name_fonts

if TYPE_CHECKING:
    from smartprint.kinds.sheet.assemble import SheetPlan


def _page(plan: SheetPlan, c: Canvas, page: sp.PagePlan) -> None:
    note = plan.notes.get(next((i for i in plan.notes if plan.pages[i] is page), -1))
    if note is not None:
        ink.draw_run(c, note, INK)
    for item in page.items:
        if isinstance(item, sp.TextItem):
            ink.draw_lines(c, item.box.fitted, item.box.left, item.box.top, item.color)
        elif isinstance(item, sp.RuleItem):
            c.setStrokeColorRGB(*item.grey)
            c.setLineWidth(item.width)
            c.line(item.x0, item.y, item.x1, item.y)
        elif isinstance(item, sp.VRule):
            c.setStrokeColorRGB(*item.grey)
            c.setLineWidth(item.width)
            c.line(item.x, item.y0, item.x, item.y1)
        elif isinstance(item, sp.FrameItem):
            c.setStrokeColorRGB(*item.color)
            c.setLineWidth(item.width)
            r = item.rect
            if item.radius:
                c.roundRect(r.x, r.y, r.w, r.h, item.radius, stroke=1, fill=0)
            else:
                c.rect(r.x, r.y, r.w, r.h, stroke=1, fill=0)
        elif isinstance(item, sp.TickItem):
            c.setStrokeColorRGB(0.2, 0.2, 0.2)
            c.setLineWidth(0.9)
            r = item.rect
            c.rect(r.x, r.y, r.w, r.h, stroke=1, fill=0)
        elif isinstance(item, sp.QrItem):
            draw.qr(c, item.matrix, item.rect.x, item.rect.y, item.rect.w)
        elif isinstance(item, sp.ImageItem):
            r = item.rect
            c.drawImage(item.picture.reader(r.w, r.h), r.x, r.y, r.w, r.h, mask="auto")


def sheet_document(plan: SheetPlan) -> Document:
    page = plan.job.page
    fonts = plan.job.fonts

    def setup(c: Canvas) -> None:
        name_fonts(c, fonts.regular, fonts.bold)

    sections = [Section(page.width, page.height, plan.pages, partial(_page, plan), name="sheets")]
    if plan.poster_size is not None:  # the poster on its own paper: a file of its own
        own = len(plan.pages) - plan.shared
        sections = [
            Section(page.width, page.height, plan.pages[:own], partial(_page, plan), name="sheets"),
            Section(*plan.poster_size, plan.pages[own:], partial(_page, plan), name="poster", duplex="none"),
        ]
    # "…" for {navn}: the title names no one pupil, and the sentence stays whole in the viewer's title bar
    title = " ".join(fill(plan.job.spec.title, None, "…").split()) or plan.job.spec.title
    return Document(title, tuple(sections), "duplex-long" if plan.duplex else "none", setup, "Tegner ark")
