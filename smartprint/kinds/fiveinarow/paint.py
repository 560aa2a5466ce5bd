"""Drawing five-in-a-row boards, the markers to cut out and the question cards.

Printed double-sided for the question cards' backs, so every board and the marker
sheet are followed by an empty page: each lands on a sheet of its own."""

from __future__ import annotations

import math
from functools import partial
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas

from smartprint.kinds.fiveinarow.board import STYLE
from smartprint.parts import draw
from smartprint.resolve.colors import lighten
from smartprint.resolve.units import MM
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
    fonts = plan.job.fonts
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
        draw.text_lines(c, box.fitted, g.x + col * side + box.left, g.top - (r + 1) * side + box.top, STYLE.ink)
    c.setStrokeColorRGB(*STYLE.ink)
    c.setLineWidth(STYLE.grid_width)
    for k in range(1, grid):
        c.line(g.x + k * side, g.y, g.x + k * side, g.top)
        c.line(g.x, g.y + k * side, g.right, g.y + k * side)
    c.setStrokeColorRGB(*plan.color)
    c.setLineWidth(STYLE.frame_width)
    c.rect(g.x, g.y, g.w, g.h, stroke=1, fill=0)
    c.setFillColorRGB(*STYLE.ink)
    c.setFont(fonts.bold, face.coord_size)
    for letter, x, y in face.columns:
        c.drawCentredString(x, y, letter)
    for digit, x, y in face.rows:
        c.drawRightString(x, y, digit)
    draw.text_lines(c, face.title.fitted, face.title.left, face.title.top, plan.color)
    draw.text_lines(c, face.rules.fitted, face.rules.left, face.rules.top, STYLE.ink)
    x, y, size = face.number_at
    c.setFillColorRGB(0.3, 0.3, 0.3)
    c.setFont(fonts.regular, size)
    c.drawString(x, y, plan.board_label(number))


def _markers(plan: FiveInARowPlan, c: Canvas, page: Any) -> None:
    """Two teams' markers, told apart by shape (round, square) as well as colour,
    enough for a full board, with cut lines."""
    if page == BLANK:
        return
    job = plan.job
    grid = job.spec.grid
    p = job.page
    per_team = math.ceil(grid * grid / 2)
    size = min(plan.face.side * 0.8, 22 * MM)
    cell = size + 3 * MM
    top = p.height - p.margin - 10 * MM
    c.setFillColorRGB(*STYLE.ink)
    c.setFont(job.fonts.regular, max(p.min_text_size, 10))
    c.drawString(p.margin, p.height - p.margin - 5 * MM, plan.words["markers"])
    cols = int((p.width - 2 * p.margin) // cell)
    team_colors = (plan.color, (0.2, 0.25, 0.45))
    y0 = top
    for team in range(2):
        rows = math.ceil(per_team / cols)
        for k in range(per_team):
            r, col = divmod(k, cols)
            cx = p.margin + col * cell + cell / 2
            cy = y0 - r * cell - cell / 2
            c.setFillColorRGB(*team_colors[team])
            c.setStrokeColorRGB(0.6, 0.6, 0.6)
            c.setLineWidth(0.4)
            if team == 0:
                c.circle(cx, cy, size / 2, stroke=1, fill=1)
            else:
                c.rect(cx - size / 2, cy - size / 2, size, size, stroke=1, fill=1)
            c.setFillColorRGB(1, 1, 1)
            c.setFont(job.fonts.bold, size * 0.35)
            c.drawCentredString(cx, cy - size * 0.12, str(team + 1))
        y0 -= rows * cell + 4 * MM


def _marker_pages(plan: FiveInARowPlan) -> int:
    grid = plan.job.spec.grid
    p = plan.job.page
    size = min(plan.face.side * 0.8, 22 * MM)
    cell = size + 3 * MM
    cols = int((p.width - 2 * p.margin) // cell)
    rows = 2 * math.ceil(math.ceil(grid * grid / 2) / cols)
    fits = int((p.height - 2 * p.margin - 10 * MM - 4 * MM) // cell)
    return 1 if rows <= fits else 0


def five_document(plan: FiveInARowPlan) -> Document:
    p = plan.job.page
    pages: list[Any] = []
    duplex = plan.questions is not None
    for number in plan.numbers:
        pages.append(number)
        if duplex:
            pages.append(BLANK)
    sections = [Section(p.width, p.height, pages, partial(_board, plan), name="boards")]
    if plan.job.spec.markers and plan.job.options.only is None and _marker_pages(plan):
        sections.append(
            Section(p.width, p.height, [1, BLANK] if duplex else [1], partial(_markers, plan), name="markers")
        )
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
    bold = [line.text for line in face.title.fitted.lines] + [letter for letter, _, _ in face.columns]
    prime_subset(c, fonts.bold, "0123456789" + "".join(bold))
    if plan.questions is not None:
        from smartprint.parts.deck.paint import define_forms

        define_forms(c, plan.questions)
