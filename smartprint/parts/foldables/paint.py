"""Drawing a die net and pawns as planned: solid lines to cut, dashed lines to fold,
light grey glue tabs with the caller's word on them (the part prints no words of
its own language), black pips, pawn panels in the player's colour lightened so the
black number and shape stay readable, also on a black-and-white copier."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from smartprint.parts import draw
from smartprint.parts.foldables.plan import (
    DieNet,
    Mark,
    Pawn,
    PawnSide,
    Point,
    Segment,
    glue_word_size,
    number_size,
    tab_word_size,
)
from smartprint.parts.geometry import Rect
from smartprint.resolve.colors import INK, RGB, WHITE, lighten
from smartprint.text import shape
from smartprint.text.ink import draw_run
from smartprint.text.origin import Origin
from smartprint.text.run import TextRun

TAB_FILL: RGB = (0.88, 0.88, 0.88)
CUT_WIDTH = 0.9
FOLD_WIDTH = 0.6
FOLD_DASH = (4.0, 3.0)
PANEL_LIGHTEN = 0.62  # the palette's dark colours, light enough under black text


def _lines(c: Canvas, segments: Sequence[Segment], ink: RGB, width: float, dashed: bool) -> None:
    c.saveState()
    c.setStrokeColorRGB(*ink)
    c.setLineWidth(width)
    c.setLineCap(1)
    if dashed:
        c.setDash(*FOLD_DASH)
    path = c.beginPath()
    for (x0, y0), (x1, y1) in segments:
        path.moveTo(x0, y0)
        path.lineTo(x1, y1)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


def _word(
    c: Canvas, text: str, font: str, at: Point, angle: float, size: float | None, ink: RGB, origin: Origin
) -> None:
    """A word centred on `at`, turned by `angle`; ValueError if it did not fit (None),
    never clipped."""
    if size is None:
        raise ValueError(f"'{text}' does not fit where it goes; check it with the plan's *_size functions")
    face = pdfmetrics.getFont(shape.first_font(font)).face
    ascent = getattr(face, "capHeight", 0) or getattr(face, "ascent", 700) * 0.9
    c.saveState()
    c.translate(*at)
    c.rotate(angle)
    draw_run(c, TextRun(text, font, size, 0, -ascent / 1000 * size / 2, origin, "middle"), ink)
    c.restoreState()


def paint_die(
    c: Canvas,
    net: DieNet,
    *,
    label_origin: Origin,
    ink: RGB = INK,
    tab_fill: RGB = TAB_FILL,
    tab_label: str | None = None,
    font: str | None = None,
) -> None:
    """The net: grey tabs (with `tab_label` in `font`, e.g. the word for glue), pips,
    dashed folds, solid cuts. `label_origin` is where the label's words come from, for the glyph check."""
    for tab in net.tabs:
        draw.polygon(c, tab.polygon, tab_fill)
    if tab_label:
        if font is None:
            raise ValueError("a tab label needs a font")
        size = tab_word_size(net, tab_label, font, shape.width)
        for tab in net.tabs:
            _word(c, tab_label, font, tab.label_at, tab.label_angle, size, ink, label_origin)
    c.setFillColorRGB(*ink)
    for face in net.faces:
        for x, y in face.pip_centres:
            c.circle(x, y, face.pip_radius, stroke=0, fill=1)
    _lines(c, net.folds, ink, FOLD_WIDTH, dashed=True)
    _lines(c, net.cuts, ink, CUT_WIDTH, dashed=False)


def _mark(c: Canvas, mark: Mark, ink: RGB) -> None:
    if mark.is_circle:
        c.setFillColorRGB(*ink)
        c.circle(mark.centre[0], mark.centre[1], mark.radius * 0.9, stroke=0, fill=1)
    else:
        draw.polygon(c, mark.polygon, ink)


def _side(c: Canvas, side: PawnSide, number: int, fill: RGB, font: str, ink: RGB, origin: Origin) -> None:
    p = side.panel
    c.setFillColorRGB(*fill)
    c.rect(p.x, p.y, p.w, p.h, stroke=0, fill=1)
    _mark(c, side.mark, ink)
    box = side.number_box
    centre = (box.x + box.w / 2, box.y + box.h / 2)
    _word(
        c,
        str(number),
        font,
        centre,
        0.0 if side.upright else 180.0,
        number_size(side, number, font, shape.width),
        ink,
        origin,
    )


def paint_pawns(
    c: Canvas,
    pawns: Sequence[Pawn],
    colors: Sequence[RGB],
    font: str,
    *,
    glue_origin: Origin,
    number_origin: Origin,
    ink: RGB = INK,
    glue_label: str | None = None,
    glue_fill: RGB = TAB_FILL,
    lighten_by: float = PANEL_LIGHTEN,
) -> None:
    """Each pawn: both panels in its player's colour (lightened) with shape and number in
    `font` (a bold one reads best), the glue foot grey with `glue_label`, dashed folds,
    a solid outline. The origins say where the glue word and the numbers come from, for the glyph check."""
    for pawn in pawns:
        fill = lighten(colors[pawn.color_index % len(colors)], lighten_by)
        g = pawn.glue_foot
        c.setFillColorRGB(*glue_fill)
        c.rect(g.x, g.y, g.w, g.h, stroke=0, fill=1)
        f = pawn.plain_foot
        c.setFillColorRGB(*WHITE)
        c.rect(f.x, f.y, f.w, f.h, stroke=0, fill=1)
        if glue_label:
            _word(
                c,
                glue_label,
                font,
                (g.x + g.w / 2, g.y + g.h / 2),
                0.0,
                glue_word_size(pawn, glue_label, font, shape.width),
                ink,
                glue_origin,
            )
        _side(c, pawn.front, pawn.number, fill, font, ink, number_origin)
        _side(c, pawn.back, pawn.number, fill, font, ink, number_origin)
        _lines(c, pawn.folds, ink, FOLD_WIDTH, dashed=True)
        o = pawn.outline
        _lines(c, _rect_sides(o), ink, CUT_WIDTH, dashed=False)


def _rect_sides(r: Rect) -> list[Segment]:
    a, b, d, e = (r.x, r.y), (r.right, r.y), (r.right, r.top), (r.x, r.top)
    return [(a, b), (b, d), (d, e), (e, a)]
