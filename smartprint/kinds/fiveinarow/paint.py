"""Drawing five-in-a-row boards, the markers to cut out and the question cards.

Printed double-sided for the question cards' backs, so every board and the marker
sheet are followed by an empty page: each lands on a sheet of its own."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas

from smartprint.kinds.fiveinarow.board import STYLE
from smartprint.kinds.fiveinarow.markers import MarkerPage
from smartprint.resolve.colors import WHITE, lighten
from smartprint.text import ink
from smartprint.write.document import Document, Section
from smartprint.write.output import name_fonts, prime_subset

if TYPE_CHECKING:
    from smartprint.kinds.fiveinarow.assemble import FiveInARowPlan

BLANK = "blank"


def _board(plan: FiveInARowPlan, c: Canvas, page: Any) -> None:
    if page == BLANK:
        return
    number = page
    face, grid = plan.face, plan.job.spec.grid
    g, side = face.grid, face.side
    board = plan.boards[number - 1]
    c.setFillColorRGB(*lighten(plan.color, 0.9))  # every other square tinted: rows easy to follow
    for cell in range(grid * grid):
        r, col = divmod(cell, grid)
        if (r + col) % 2 == 0:
            c.rect(g.x + col * side, g.top - (r + 1) * side, side, side, stroke=0, fill=1)
    for cell, entry in enumerate(board):
        r, col = divmod(cell, grid)
        box = face.entries[entry]
        ink.draw_lines(c, box.fitted, g.x + col * side + box.left, g.top - (r + 1) * side + box.top, STYLE.ink)
    c.setStrokeColorRGB(*STYLE.ink)
    c.setLineWidth(STYLE.grid_width)
    for k in range(1, grid):
        c.line(g.x + k * side, g.y, g.x + k * side, g.top)
        c.line(g.x, g.y + k * side, g.right, g.y + k * side)
    c.setStrokeColorRGB(*plan.color)
    c.setLineWidth(STYLE.frame_width)
    c.rect(g.x, g.y, g.w, g.h, stroke=1, fill=0)
    c.setFillColorRGB(*STYLE.ink)
    for run in face.coordinates:
        ink.draw_run(c, run)
    ink.draw_lines(c, face.title.fitted, face.title.left, face.title.top, plan.color)
    ink.draw_lines(c, face.rules.fitted, face.rules.left, face.rules.top, STYLE.ink)
    ink.draw_run(c, plan.number_run(number), STYLE.number_grey)
    if number == 1:
        for run in plan.print_note():
            ink.draw_run(c, run, STYLE.number_grey)


def _markers(plan: FiveInARowPlan, c: Canvas, page: MarkerPage | str) -> None:
    """One page of the planned markers: each team's shape in its colour on a light cell
    of the same colour (the piece is told by colour, shape and number), and the cut lines."""
    if not isinstance(page, MarkerPage):
        return
    c.setFillColorRGB(*STYLE.ink)
    ink.draw_run(c, page.heading)
    team_colors = (plan.color, STYLE.second_team)
    for m in page.markers:
        color = team_colors[m.team]
        half = m.size / 2
        c.setFillColorRGB(*lighten(color, 0.85))
        c.rect(m.cx - half, m.cy - half, m.size, m.size, stroke=0, fill=1)
        c.setFillColorRGB(*color)
        if m.shape == "circle":
            c.circle(m.cx, m.cy, half * 0.78, stroke=0, fill=1)
        else:
            c.rect(m.cx - half * 0.7, m.cy - half * 0.7, half * 1.4, half * 1.4, stroke=0, fill=1)
        ink.draw_run(c, m.number, WHITE)
    c.setStrokeColorRGB(*STYLE.marker_outline)
    c.setLineWidth(STYLE.marker_outline_width)
    for x0, y0, x1, y1 in page.cuts:
        c.line(x0, y0, x1, y1)


def five_document(plan: FiveInARowPlan) -> Document:
    p = plan.job.page
    pages: list[Any] = []
    duplex = plan.questions is not None
    for number in plan.numbers:
        pages.append(number)
        if duplex:
            pages.append(BLANK)
    sections = [Section(p.width, p.height, pages, partial(_board, plan), name="boards")]
    if plan.markers:
        marker_pages: list[MarkerPage | str] = []
        for marker_page in plan.markers:
            marker_pages += [marker_page, BLANK] if duplex else [marker_page]
        sections.append(Section(p.width, p.height, marker_pages, partial(_markers, plan), name="markers"))
    if plan.questions is not None:
        from smartprint.parts.deck.paint import deck_section

        sections.append(deck_section(plan.questions))
    return Document(
        plan.job.spec.title, tuple(sections), "duplex-long" if duplex else "none", partial(_setup, plan), "Tegner brett"
    )


def _setup(plan: FiveInARowPlan, c: Canvas) -> None:
    """On every canvas, in one order: the characters every board prints get their font
    subset codes first, so a board reprinted alone (--only) is byte-identical to the
    same board in the full run; then the question deck's shared art."""
    face, fonts = plan.face, plan.job.fonts
    name_fonts(c, fonts.regular, fonts.bold)
    regular = [line.text for box in (*face.entries, face.rules) for line in box.fitted.lines]
    prime_subset(c, fonts.regular, "0123456789 " + plan.board_label(0) + "".join(regular))
    bold = [line.text for line in face.title.fitted.lines] + [
        run.text for run in face.coordinates[: plan.job.spec.grid]
    ]
    prime_subset(c, fonts.bold, "0123456789" + "".join(bold))
    if plan.questions is not None:
        from smartprint.parts.deck.paint import define_forms

        define_forms(c, plan.questions)
