"""Drawing a board game: the board (drawn once as a form, placed whole on its page or
clipped into A4 parts), the rules, the question decks and the things to fold.

Every section but the decks is followed by an empty page when it ends on a front, so
the decks' fronts and backs pair up when the A4 pages are printed double-sided."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas

from smartprint.kinds.boardgame.board import STYLE, TILE_MAP_W, BoardFace, special_mark
from smartprint.kinds.boardgame.printables import printables_section
from smartprint.parts import draw
from smartprint.parts.categories import SPECIAL_MARK
from smartprint.parts.deck.paint import deck_section, define_forms
from smartprint.parts.geometry import Rect
from smartprint.parts.textpages.paint import paint_text_page
from smartprint.parts.tiling import Seam, Tile
from smartprint.resolve.colors import INK, WHITE, lighten
from smartprint.resolve.units import MM
from smartprint.text import ink
from smartprint.text.origin import Label
from smartprint.text.run import TextRun
from smartprint.write.document import Document, Section
from smartprint.write.output import name_fonts

if TYPE_CHECKING:
    from smartprint.kinds.boardgame.assemble import BoardGamePlan

BLANK = "blank"
BOARD_FORM = "board"
SPECIAL = (0.72, 0.53, 0.04)  # gold: squares where something happens
ROAD = (0.62, 0.62, 0.62)
GLUE = (0.86, 0.86, 0.86)
GLUE_WORD = (0.35, 0.35, 0.35)
CUT_LINE = 0.8  # pt


def _board_art(plan: BoardGamePlan, c: Canvas) -> None:
    """The whole board page, in its own coordinates."""
    face: BoardFace = plan.board
    fonts = plan.job.fonts
    side = face.track.side
    ink.draw_lines(c, face.title.fitted, face.title.left, face.title.top, INK)
    # the road: joins consecutive squares through the gutters, never lane neighbours
    c.setStrokeColorRGB(*ROAD)
    c.setLineWidth(side * STYLE.road_width)
    c.setLineCap(1)
    c.setLineJoin(1)
    path = c.beginPath()
    cells = face.track.cells
    path.moveTo(cells[0].rect.x + side / 2, cells[0].rect.y + side / 2)
    for cell in cells[1:]:
        path.lineTo(cell.rect.x + side / 2, cell.rect.y + side / 2)
    c.drawPath(path, stroke=1, fill=0)
    c.setLineCap(0)
    c.setLineJoin(0)
    for square in face.squares:
        _square(plan, c, square)
    for item in face.legend:
        s = item.swatch
        if item.category is None:
            _special_frame(c, s, side, special_mark(s, face.mark_left))
        else:
            style = plan.styles[item.category]
            c.setFillColorRGB(*lighten(style.color, STYLE.tint))
            c.setStrokeColorRGB(*style.color)
            c.setLineWidth(1.2)
            c.roundRect(s.x, s.y, s.w, s.h, s.w * 0.12, stroke=1, fill=1)
            draw.symbol(c, style.symbol, s.x + s.w / 2, s.y + s.h / 2, s.w * 0.32, style.color)
        ink.draw_lines(c, item.label.fitted, item.label.left, item.label.top, INK)
    del fonts


def _special_frame(c: Canvas, r: Rect, side: float, mark: tuple[float, float, float]) -> None:
    """A special square's frame and its "!" (placed by the plan)."""
    c.setFillColorRGB(*WHITE)
    c.setStrokeColorRGB(*SPECIAL)
    c.setLineWidth(max(1.5, side * 0.03))
    c.roundRect(r.x, r.y, r.w, r.h, r.w * 0.12, stroke=1, fill=1)
    draw.symbol(c, SPECIAL_MARK, *mark, SPECIAL)


def _square(plan: BoardGamePlan, c: Canvas, square: Any) -> None:
    r: Rect = square.rect
    fonts = plan.job.fonts
    last = plan.job.spec.squares + 1
    corner = r.w * 0.12
    if square.number in (0, last):
        c.setFillColorRGB(*INK)
        c.roundRect(r.x, r.y, r.w, r.h, corner, stroke=0, fill=1)
        ink.draw_lines(c, square.text.fitted, square.text.left, square.text.top, WHITE)
        return
    if square.category is None:
        assert square.mark_at is not None  # every special square has its mark planned
        _special_frame(c, r, r.w, square.mark_at)
        ink.draw_lines(c, square.text.fitted, square.text.left, square.text.top, INK)
    else:
        style = plan.styles[square.category]
        c.setFillColorRGB(*lighten(style.color, STYLE.tint))
        c.setStrokeColorRGB(*style.color)
        c.setLineWidth(max(1.0, r.w * 0.02))
        c.roundRect(r.x, r.y, r.w, r.h, corner, stroke=1, fill=1)
        cx, cy, rad = square.symbol_at
        draw.symbol(c, style.symbol, cx, cy, rad, style.color)
    x, y, size = square.number_at
    number = TextRun(str(square.number), fonts.bold, size, x, y, Label("square numbers", plan.job.spec.language))
    ink.draw_run(c, number, INK)


def _board_page(plan: BoardGamePlan, c: Canvas, page: Any) -> None:
    if page != BLANK:
        c.doForm(BOARD_FORM)
        _print_note(plan, c, "board")


def _print_note(plan: BoardGamePlan, c: Canvas, where: str) -> None:
    """How to print the file, on its first page (planned only for the pages that start one)."""
    note = plan.notes.get(where)
    if note is not None:
        c.setFillColorRGB(*INK)
        ink.draw_run(c, note)


def _triangle(c: Canvas, x: float, y: float, size: float, direction: str) -> None:
    """A small filled triangle with its tip at (x, y), pointing `direction` (the seam)."""
    dx, dy = {"left": (1, 0), "right": (-1, 0), "up": (0, -1), "down": (0, 1)}[direction]
    px, py = -dy, dx
    draw.polygon(
        c,
        [
            (x, y),
            (x + dx * size + px * size * 0.6, y + dy * size + py * size * 0.6),
            (x + dx * size - px * size * 0.6, y + dy * size - py * size * 0.6),
        ],
        INK,
    )


def _seam_line(tile: Tile, seam: Seam) -> tuple[float, float, float, float]:
    if seam.axis == "x":
        (x0, y0), (x1, y1) = tile.to_page(seam.at, seam.lo), tile.to_page(seam.at, seam.hi)
    else:
        (x0, y0), (x1, y1) = tile.to_page(seam.lo, seam.at), tile.to_page(seam.hi, seam.at)
    return x0, y0, x1, y1


def _tile_page(plan: BoardGamePlan, c: Canvas, page: Any) -> None:
    if page == BLANK:
        return
    assert plan.tiling is not None
    tiling = plan.tiling
    tile = tiling.tiles[page]
    words = plan.words
    fonts = plan.job.fonts
    lang = plan.job.spec.language
    p = tile.place
    c.saveState()
    path = c.beginPath()
    path.rect(p.x, p.y, p.w, p.h)
    c.clipPath(path, stroke=0, fill=0)
    content = plan.board.content  # the tiles' coordinates start at its corner, the form's at the page's
    c.translate(p.x - tile.window.x - content.x, p.y - tile.window.y - content.y)
    c.doForm(BOARD_FORM)
    c.restoreState()
    mark = tiling.mark
    for seam in tile.glue:  # the strip the neighbour covers: grey, with the word for glue
        g = seam.glue
        x, y = tile.to_page(g.x, g.y)
        c.setFillColorRGB(*GLUE)
        c.setFillAlpha(0.9)
        c.rect(x, y, g.w, g.h, stroke=0, fill=1)
        c.setFillAlpha(1)
        c.saveState()
        c.translate(x + g.w / 2, y + g.h / 2)
        if seam.axis == "x":
            c.rotate(90)
        ink.draw_run(c, TextRun(words["glue"], fonts.bold, 9, 0, -3, Label("glue", lang), "middle"), GLUE_WORD)
        c.restoreState()
        _marks(c, tile, seam, mark, on_glue=True)
    for seam in tile.cut:  # this edge is cut and laid on the neighbour's strip
        x0, y0, x1, y1 = _seam_line(tile, seam)
        c.setStrokeColorRGB(*INK)
        c.setLineWidth(CUT_LINE)
        # the line lies just outside the board's art, on the part that is cut away
        if seam.axis == "x":
            c.line(x0 - CUT_LINE / 2, y0, x1 - CUT_LINE / 2, y1)
        else:
            c.line(x0, y0 + CUT_LINE / 2, x1, y1 + CUT_LINE / 2)
        _marks(c, tile, seam, mark, on_glue=False)
        c.setFillColorRGB(*INK)
        if seam.axis == "x":
            c.saveState()
            c.translate(x0 - 2 * MM, (y0 + y1) / 2)  # its letters clear of the line and of the edge
            c.rotate(90)
            ink.draw_run(c, TextRun(words["cut"], fonts.bold, 8, 0, 0, Label("cut", lang), "middle"))
            c.restoreState()
        else:
            cut = TextRun(words["cut"], fonts.bold, 8, (x0 + x1) / 2, y0 + 1.5 * MM, Label("cut", lang), "middle")
            ink.draw_run(c, cut)
    # the foot: which part this is, how to join it, and a map of all parts
    m = plan.job.page.margin
    c.setFillColorRGB(*INK)
    for run in plan.tile_feet[page]:
        ink.draw_run(c, run)
    if page == 0:
        _print_note(plan, c, "parts")
    _map(c, plan, tile, Rect(tiling.sheet_w - m - TILE_MAP_W, m, TILE_MAP_W, p.y - m - 3 * MM))


def _marks(c: Canvas, tile: Tile, seam: Seam, size: float, on_glue: bool) -> None:
    """Triangles at the same board positions on both parts, beyond the ends of the seam
    and so outside the board's art, each on its own part's side of the line with its tip
    on it: laid right, the cut part's triangles meet the glue part's tip to tip."""
    if size <= 0:
        return
    c.setFillColorRGB(*INK)
    for pos in seam.marks:
        if seam.axis == "x":
            x, y = tile.to_page(seam.at, pos)
            _triangle(c, x, y, size, "right" if on_glue else "left")
        else:
            x, y = tile.to_page(pos, seam.at)
            _triangle(c, x, y, size, "down" if on_glue else "up")


def _map(c: Canvas, plan: BoardGamePlan, tile: Tile, box: Rect) -> None:
    """A small map of all parts, this one filled: where it goes."""
    assert plan.tiling is not None
    t = plan.tiling
    scale = min(box.w / t.content_w, box.h / t.content_h)
    w, h = t.content_w * scale, t.content_h * scale
    x0, y0 = box.right - w, box.y + (box.h - h) / 2
    c.setLineWidth(0.5)
    for other in t.tiles:
        r = other.window
        c.setStrokeColorRGB(*INK)
        c.setFillColorRGB(*((0.7, 0.7, 0.7) if other.index == tile.index else WHITE))
        c.rect(x0 + r.x * scale, y0 + r.y * scale, r.w * scale, r.h * scale, stroke=1, fill=1)
    said = Label("part names", plan.job.spec.language)
    for other in t.tiles:  # names on top, where the next part's outline would cross them
        r = other.window
        visible_x = r.x + (t.overlap if other.col else 0)
        visible_top = r.top - (t.overlap if other.row else 0)
        cx = x0 + (visible_x + r.right) / 2 * scale
        cy = y0 + (r.y + visible_top) / 2 * scale
        ink.draw_run(c, TextRun(t.name(other), plan.job.fonts.bold, 7, cx, cy - 2.5, said, "middle"), INK)


def _rules_page(plan: BoardGamePlan, c: Canvas, page: Any) -> None:
    """The rules; each category's name has its swatch and symbol before it, as on the board."""
    if page == BLANK:
        return
    text_page = plan.rules[page]
    paint_text_page(c, text_page)
    if page == 0:
        _print_note(plan, c, "rules")
    for mark in text_page.marks:
        style = plan.styles[mark.key]
        side = mark.side
        c.setFillColorRGB(*lighten(style.color, STYLE.tint))
        c.setStrokeColorRGB(*style.color)
        c.setLineWidth(0.8)
        c.roundRect(mark.x, mark.y, side, side, side * 0.15, stroke=1, fill=1)
        draw.symbol(c, style.symbol, mark.x + side / 2, mark.y + side / 2, side * 0.34, style.color)


def _padded(pages: list[Any]) -> list[Any]:
    """Pages with an empty back after each, so every one starts a sheet of its own."""
    out: list[Any] = []
    for page in pages:
        out += [page, BLANK]
    return out


def board_game_document(plan: BoardGamePlan) -> Document:
    job = plan.job
    p = job.page
    geo = plan.geometry
    sections: list[Section] = []
    if plan.tiling is None:
        # its own file when its paper is larger (one page, one-sided); on the rules' paper it
        # gets an empty back, so the cards' fronts and backs still pair in one double-sided job
        same_paper = {round(geo.width), round(geo.height)} == {round(p.width), round(p.height)}
        board_pages: list[Any] = [0, BLANK] if same_paper else [0]
        board = Section(geo.width, geo.height, board_pages, partial(_board_page, plan), name="board", duplex="none")
        sections.append(board)
    else:
        t = plan.tiling
        sections.append(
            Section(
                t.sheet_w, t.sheet_h, _padded(list(range(len(t.tiles)))), partial(_tile_page, plan), name="board parts"
            )
        )
    rules: list[Any] = list(range(len(plan.rules)))
    if len(rules) % 2:
        rules.append(BLANK)
    sections.append(Section(p.width, p.height, rules, partial(_rules_page, plan), name="rules"))
    if plan.printables is not None:
        sections.append(printables_section(plan, BLANK))
    sections += [deck_section(deck) for deck in plan.decks]
    return Document(job.spec.title, tuple(sections), "duplex-long", partial(_setup, plan), "Tegner brettspill")


def _setup(plan: BoardGamePlan, c: Canvas) -> None:
    fonts = plan.job.fonts
    name_fonts(c, fonts.regular, fonts.bold)
    face = plan.board
    c.beginForm(BOARD_FORM, 0, 0, face.width, face.height)
    _board_art(plan, c)
    c.endForm()
    for deck in plan.decks:
        define_forms(c, deck)
