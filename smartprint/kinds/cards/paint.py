"""Drawing a planned deck onto a reportlab canvas."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from smartprint import draw
from smartprint.assets import image_reader
from smartprint.colors import lighten
from smartprint.imposition import Rect
from smartprint.kinds.cards.plan import BackFace, FrontFace
from smartprint.textfit import Box
from smartprint.labels import labels
from smartprint.output import new_canvas
from smartprint.units import MM

INK = (0.1, 0.1, 0.1)
OUTLINE = (0.72, 0.72, 0.72)


def _box(c: Canvas, box: Box | None, color=INK) -> None:
    if box is not None:
        draw.text_lines(c, box.fitted, box.left, box.top, color)


def _band_forms(prep) -> list[str]:
    """Per card, a PDF name for its group's band form: the group's number, never its
    (spaced) name."""
    numbers: dict[str | None, int] = {}
    return [f"band{numbers.setdefault(card.group, len(numbers))}" for card in prep.job.spec.cards]


def _define_bands(c: Canvas, prep, bands: list[str], bleed: float) -> None:
    """Each group's coloured band (colour, symbol, name) is the same on all its cards:
    draw it once as a form and place it by reference."""
    w, h = prep.job.layout.card_w, prep.job.layout.card_h
    done: set[str] = set()
    for i, style in enumerate(prep.styles):
        name = bands[i]
        face = prep.fronts[i]
        if style is None or name in done or not face.band_h:
            continue
        done.add(name)
        c.beginForm(name, -bleed, h - face.band_h, w + bleed, h + bleed)
        c.setFillColorRGB(*style.color)
        c.rect(-bleed, h - face.band_h, w + 2 * bleed, face.band_h + bleed, stroke=0, fill=1)
        if face.symbol_at:
            draw.symbol(c, style.symbol, *face.symbol_at, color=(1, 1, 1))
        _box(c, face.band_label, (1, 1, 1))
        c.endForm()


def _front(c: Canvas, prep, card_index: int, band: str, rect: Rect, outline: bool) -> None:
    face: FrontFace = prep.fronts[card_index]
    style = prep.styles[card_index]
    w, h = rect.w, rect.h
    c.saveState()
    c.translate(rect.x, rect.y)
    if style is not None and face.band_h:
        c.doForm(band)
    _box(c, face.title)
    if face.title_line:
        left, right, y = face.title_line
        draw.writing_lines(c, left, right, y + 1, 1, 1)
    if face.image is not None:
        draw.image_in(c, image_reader(prep.images[card_index]), face.image)
    _box(c, face.body)
    if face.lines:
        left, right, top, count, spacing = face.lines
        draw.writing_lines(c, left, right, top, count, spacing)
    if face.drawing is not None:
        c.setStrokeColorRGB(*(style.color if style else OUTLINE))
        c.setLineWidth(1.2)
        d = face.drawing
        c.roundRect(d.x, d.y, d.w, d.h, min(d.w, d.h) * 0.04, stroke=1, fill=0)
        _box(c, face.drawing_label, (0.45, 0.45, 0.45))
    if outline:
        c.setStrokeColorRGB(*OUTLINE)
        c.setLineWidth(0.4)
        c.rect(0, 0, w, h, stroke=1, fill=0)
    c.restoreState()


BACK_FORM = "deck-back"


def _define_back(c: Canvas, prep, bleed: float) -> None:
    """The common back is drawn once as a form and placed by reference on every card:
    a smaller PDF and a faster build."""
    w, h = prep.job.layout.card_w, prep.job.layout.card_h
    c.beginForm(BACK_FORM, -bleed, -bleed, w + bleed, h + bleed)
    _back_art(c, prep, w, h, bleed)
    c.endForm()


def _back(c: Canvas, prep, rect: Rect) -> None:
    if prep.back is None:
        return
    c.saveState()
    c.translate(rect.x, rect.y)
    c.doForm(BACK_FORM)
    c.restoreState()


def _back_art(c: Canvas, prep, w: float, h: float, bleed: float) -> None:
    face: BackFace = prep.back
    color = prep.back_color
    rect = Rect(0, 0, w, h)
    c.setFillColorRGB(*lighten(color, 0.86))
    c.rect(-bleed, -bleed, rect.w + 2 * bleed, rect.h + 2 * bleed, stroke=0, fill=1)
    f = face.frame
    c.setFillColorRGB(1, 1, 1)
    c.setStrokeColorRGB(*color)
    c.setLineWidth(max(1.0, rect.w * 0.008))
    c.roundRect(f.x, f.y, f.w, f.h, min(f.w, f.h) * 0.05, stroke=1, fill=1)
    if face.image is not None:
        draw.image_in(c, image_reader(prep.back_image), face.image)
    _box(c, face.title, color)
    _box(c, face.body)
    if face.qr is not None and prep.qr is not None:
        draw.qr(c, prep.qr, face.qr.x, face.qr.y, face.qr.w)
    _box(c, face.qr_label, (0.35, 0.35, 0.35))


def _footer(c: Canvas, prep, page, fonts, text_top: float) -> None:
    layout = prep.job.layout
    words = labels(prep.job.spec.language)
    if layout.page_is_card or text_top < 5 * MM:
        return
    side = words[page.side]
    parts = [prep.job.spec.title, f"{words['sheet']} {page.sheet} {words['of']} {page.sheets}", side]
    if page.side == "front" and page.sheet == 1:
        hint = {"duplex-long": words["flip_long"], "duplex-short": words["flip_short"]}.get(
            layout.backs, words["one_sided"])
        parts.append(f"{hint}, {words['scale']}")
    c.setFillColorRGB(0.45, 0.45, 0.45)
    c.setFont(fonts.regular, 7)
    c.drawCentredString(layout.page_w / 2, min(text_top - 4.5 * MM, 6 * MM), "  ·  ".join(parts))


def draw_deck(prep, out: str | BinaryIO) -> int:
    job = prep.job
    layout, fonts = job.layout, job.fonts
    c = new_canvas(out, layout.page_w, layout.page_h, fonts, job.spec.title, layout.backs)
    outline = not layout.page_is_card
    bands = _band_forms(prep)
    _define_bands(c, prep, bands, layout.bleed)
    if prep.back is not None:
        _define_back(c, prep, 0.0 if layout.backs == "fold" else layout.bleed)
    for page in prep.pages:
        if layout.page_is_card:
            trim = (layout.bleed, layout.bleed, layout.bleed + layout.card_w, layout.bleed + layout.card_h)
            c.setTrimBox(trim)
            c.setBleedBox((0, 0, layout.page_w, layout.page_h))
        rects: list[Rect] = []
        for p in page.placements:
            if page.side == "back":
                _back(c, prep, p.rect)
                continue
            card = prep.expanded[p.card]
            _front(c, prep, card, bands[card], p.rect, outline)
            if page.side != "fold":
                rects.append(p.rect)
            if page.side == "fold" and p.back_rect is not None:
                _back(c, prep, p.back_rect)
                # cut around the pair, not along the fold
                rects.append(Rect(p.rect.x, p.rect.y, p.rect.w + p.back_rect.w, p.rect.h))
                c.setStrokeColorRGB(0.5, 0.5, 0.5)
                c.setLineWidth(0.5)
                c.setDash(3, 3)
                c.line(p.back_rect.x, p.back_rect.y, p.back_rect.x, p.back_rect.top)
                c.setDash()
        if layout.crop_marks and page.side != "back":
            draw.crop_marks(c, rects, layout.page_w, layout.page_h, layout.bleed)
        if page.placements:
            lowest = min(p.rect.y for p in page.placements)
            _footer(c, prep, page, fonts, lowest - layout.bleed)
        c.showPage()
    c.save()
    return len(prep.pages)
