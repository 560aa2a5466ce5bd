"""Drawing a planned deck onto a reportlab canvas: shared art as forms, then sheets."""

from __future__ import annotations

from functools import partial

from reportlab.pdfgen.canvas import Canvas

from smartprint.parts import draw
from smartprint.parts.deck.impose import SheetPage
from smartprint.parts.deck.plan import FRONT_TEXT, DeckPlan
from smartprint.parts.deck.style import BACK, FRONT, SHEET
from smartprint.parts.geometry import Rect
from smartprint.resolve.colors import RGB, WHITE, lighten
from smartprint.text import ink
from smartprint.text.textfit import Box
from smartprint.write.document import Section


def _box(c: Canvas, box: Box | None, color: RGB = FRONT.ink) -> None:
    if box is not None:
        ink.draw_lines(c, box.fitted, box.left, box.top, color)


def _band_form(plan: DeckPlan, key: int) -> str:
    return f"{plan.name}-band{key}"


def _back_form(plan: DeckPlan) -> str:
    return f"{plan.name}-back"


def _text_form(plan: DeckPlan, number: int) -> str:
    return f"{plan.name}-text{number}"


_TEXT_COLOR = {"title": FRONT.ink, "body": FRONT.ink, "drawing_label": FRONT.drawing_label_grey}


def _front_text(c: Canvas, plan: DeckPlan, role: str, box: Box | None) -> None:
    """A front's text box: placed by reference when other cards show the same text."""
    if box is None:
        return
    number = plan.shared_text.get((role, id(box.fitted.lines)))
    if number is None:
        _box(c, box, _TEXT_COLOR[role])
        return
    c.saveState()
    c.translate(box.left, box.top)
    c.doForm(_text_form(plan, number))
    c.restoreState()


def _define_text_forms(c: Canvas, plan: DeckPlan) -> None:
    """Each shared front text as a form, its box's top-left corner at the form's origin."""
    done: set[int] = set()
    for card in plan.expanded:
        face = plan.fronts[card]
        for role in FRONT_TEXT:
            box: Box | None = getattr(face, role)
            number = None if box is None else plan.shared_text.get((role, id(box.fitted.lines)))
            if box is None or number is None or number in done:
                continue
            done.add(number)
            fitted = box.fitted
            left, right = fitted.ink or (0.0, plan.geometry.face_w)
            room = fitted.size  # accents and descenders reach past the lines' box
            c.beginForm(_text_form(plan, number), left - room, -fitted.height - room, right + room, room)
            ink.draw_lines(c, fitted, 0.0, 0.0, _TEXT_COLOR[role])
            c.endForm()


def define_forms(c: Canvas, plan: DeckPlan) -> None:
    """Art that many cards share, drawn once and placed by reference: each category's
    band (colour, symbol, name) and the common back. A smaller PDF, a faster build."""
    geo = plan.geometry
    w, h, bleed = geo.face_w, geo.face_h, geo.bleed
    done: set[int] = set()
    for i, style in enumerate(plan.styles):
        key = plan.band_key(i)
        if key is None or key in done or style is None:
            continue
        done.add(key)
        face = plan.fronts[i]
        c.beginForm(_band_form(plan, key), -bleed, h - face.band_h, w + bleed, h + bleed)
        c.setFillColorRGB(*style.color)
        c.rect(-bleed, h - face.band_h, w + 2 * bleed, face.band_h + bleed, stroke=0, fill=1)
        if face.symbol_at:
            draw.symbol(c, style.symbol, *face.symbol_at, color=WHITE)
        _box(c, face.band_label, WHITE)
        c.endForm()
    _define_text_forms(c, plan)
    if plan.back is not None:
        back_bleed = 0.0 if geo.backs == "fold" else bleed
        c.beginForm(_back_form(plan), -back_bleed, -back_bleed, w + back_bleed, h + back_bleed)
        _back_art(c, plan, w, h, back_bleed)
        c.endForm()


def _front(c: Canvas, plan: DeckPlan, card: int, rect: Rect) -> None:
    face = plan.fronts[card]
    style = plan.styles[card]
    inset = plan.geometry.inset
    c.saveState()
    c.translate(rect.x + inset, rect.y + inset)
    key = plan.band_key(card)
    if key is not None:
        c.doForm(_band_form(plan, key))
    _front_text(c, plan, "title", face.title)
    if face.title_line:
        left, right, y = face.title_line
        draw.writing_lines(c, left, right, y + 1, 1, 1)
    image = plan.images[card]
    if face.image is not None and image is not None:
        draw.image_in(c, image.reader(face.image.w, face.image.h), face.image)
    _front_text(c, plan, "body", face.body)
    if face.lines:
        left, right, top, count, spacing = face.lines
        draw.writing_lines(c, left, right, top, count, spacing)
    if face.drawing is not None:
        c.setStrokeColorRGB(*(style.color if style else FRONT.outline))
        c.setLineWidth(FRONT.drawing_line_width)
        d = face.drawing
        c.roundRect(d.x, d.y, d.w, d.h, min(d.w, d.h) * FRONT.drawing_corner, stroke=1, fill=0)
        _front_text(c, plan, "drawing_label", face.drawing_label)
    c.restoreState()


def _outline(c: Canvas, plan: DeckPlan, rect: Rect) -> None:
    """The card's edge, to cut along: a thin grey line, left out where it would run
    along the paper's edge (a card that fills its quarter of the sheet) or within the
    margin a printer cannot print."""
    printable = plan.printable
    c.saveState()
    if not printable.contains(rect.outset(FRONT.outline_width / 2), tolerance=0.0):
        path = c.beginPath()  # clipped only where the stroke would reach past the printable area
        path.rect(printable.x, printable.y, printable.w, printable.h)
        c.clipPath(path, stroke=0, fill=0)
    c.setStrokeColorRGB(*FRONT.outline)
    c.setLineWidth(FRONT.outline_width)
    c.rect(rect.x, rect.y, rect.w, rect.h, stroke=1, fill=0)
    c.restoreState()


def _back(c: Canvas, plan: DeckPlan, rect: Rect) -> None:
    if plan.back is None:
        return
    c.saveState()
    c.translate(rect.x + plan.geometry.inset, rect.y + plan.geometry.inset)
    c.doForm(_back_form(plan))
    c.restoreState()


def _back_art(c: Canvas, plan: DeckPlan, w: float, h: float, bleed: float) -> None:
    face = plan.back
    assert face is not None
    color = plan.back_color
    c.setFillColorRGB(*lighten(color, BACK.tint))
    c.rect(-bleed, -bleed, w + 2 * bleed, h + 2 * bleed, stroke=0, fill=1)
    f = face.frame
    c.setFillColorRGB(*WHITE)
    c.setStrokeColorRGB(*color)
    c.setLineWidth(max(1.0, w * BACK.frame_width))
    c.roundRect(f.x, f.y, f.w, f.h, min(f.w, f.h) * BACK.frame_corner, stroke=1, fill=1)
    if face.image is not None and plan.back_image is not None:
        draw.image_in(c, plan.back_image.reader(face.image.w, face.image.h), face.image)
    if face.symbol_at is not None and plan.back_spec is not None and plan.back_spec.symbol:
        draw.symbol(c, plan.back_spec.symbol, *face.symbol_at, color=color)
    _box(c, face.title, color)
    _box(c, face.body, BACK.ink)
    if face.qr is not None and plan.qr is not None:
        draw.qr(c, plan.qr, face.qr.x, face.qr.y, face.qr.w)
    _box(c, face.qr_label, BACK.qr_label_grey)


def paint_sheet(plan: DeckPlan, c: Canvas, index: int) -> None:
    """Draw page `index` of the deck: its cards, crop marks and footer."""
    page: SheetPage = plan.pages[index]
    geo = plan.geometry
    if geo.page_is_card:
        c.setTrimBox((geo.bleed, geo.bleed, geo.bleed + geo.card_w, geo.bleed + geo.card_h))
        c.setBleedBox((0, 0, plan.page.width, plan.page.height))
    outline = not geo.page_is_card
    rects: list[Rect] = []
    for p in page.placements:
        if page.side == "back":
            _back(c, plan, p.rect)
            continue
        card = plan.expanded[p.card]
        _front(c, plan, card, p.rect)
        if outline:
            _outline(c, plan, p.rect)
        if page.side == "front":
            rects.append(p.rect)
        elif p.back_rect is not None:
            _back(c, plan, p.back_rect)
            # cut around the pair, not along the fold
            rects.append(Rect(p.rect.x, p.rect.y, p.rect.w + p.back_rect.w, p.rect.h))
            c.setStrokeColorRGB(*SHEET.fold_grey)
            c.setLineWidth(SHEET.fold_width)
            c.setDash(SHEET.fold_dash, SHEET.fold_dash)
            c.line(p.back_rect.x, p.back_rect.y, p.back_rect.x, p.back_rect.top)
            c.setDash()
    if plan.page.crop_marks and page.side != "back":
        draw.crop_marks(c, rects, plan.page.width, plan.page.height, geo.bleed)
    footer = plan.footers[index]
    if footer is not None:
        ink.draw_run(c, footer, SHEET.footer_grey)


def deck_section(plan: DeckPlan) -> Section:
    """The deck's sheets as one section of a document."""
    return Section(
        plan.page.width, plan.page.height, range(len(plan.pages)), partial(paint_sheet, plan), name=plan.name
    )
