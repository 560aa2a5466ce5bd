"""A fitted box's lines move from line to line inside one text object (T* and Td, as a
hand-written PDF does) and still land exactly where the plan set them: every line of
a box with paragraphs, a hanging bullet, a title in another font and a right-to-left
line is read back from the saved PDF at its planned place."""

from __future__ import annotations

import ctypes
from io import BytesIO

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader

from smartprint.resolve.fonts import load_fonts
from smartprint.text import ink
from smartprint.text.glyphs import GlyphLedger
from smartprint.text.origin import Label
from smartprint.text.textfit import Run, fit
from smartprint.write.output import new_canvas

HERE = Label("test", "")
LEFT, TOP = 40.0, 500.0


def _saved_box() -> tuple[bytes, list[tuple[str, float, float]], str]:
    """A box drawn with `ink.draw_lines` and saved: the PDF, each plain line's planned
    (text, x, y) and the page's content stream."""
    fonts = load_fonts()
    runs = [
        Run("Tittel på kortet", fonts.bold, scale=1.3, origin=HERE),
        Run("Du finner på nye ideer og nye måter å gjøre ting på, og du liker å lage noe.", fonts.regular, origin=HERE),
        Run("Når fikk du en idé som ingen andre hadde tenkt på?", fonts.regular, 1.0, 0.6, "•", origin=HERE),
        Run("مرحبا بكم في الصف", fonts.regular, 1.0, 0.6, origin=HERE, language="ar"),
    ]
    fitted = fit(runs, 160, 300, 12, 6, fonts.measure)
    assert fitted is not None
    out = BytesIO()
    canvas = new_canvas(out, 300, 600, fonts, "test")
    ink.attach_ledger(canvas, GlyphLedger(lambda text, font: []))
    ink.draw_lines(canvas, fitted, LEFT, TOP)
    canvas.showPage()
    canvas.save()
    pdf = out.getvalue()
    plain = [(line.text, LEFT + line.x, TOP - line.baseline) for line in fitted.lines if not line.rtl]
    contents = PdfReader(BytesIO(pdf)).pages[0].get_contents()
    assert contents is not None
    stream = contents.get_data().decode("latin-1")
    return pdf, plain, stream


def test_every_line_lands_where_it_was_planned() -> None:
    pdf, plain, _ = _saved_box()
    page = pdfium.PdfDocument(pdf)[0]
    text = page.get_textpage()
    origins: list[tuple[float, float]] = []  # where pdfium puts each letter's pen
    for i in range(text.count_chars()):
        ox, oy = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(text, i, ctypes.byref(ox), ctypes.byref(oy))
        origins.append((ox.value, oy.value))
    assert len(plain) >= 6  # a title, a wrapped paragraph, a bullet and its hanging lines
    for line, x, y in plain:
        assert any(abs(ox - x) < 1e-3 and abs(oy - y) < 1e-3 for ox, oy in origins), (line, x, y)


def test_one_text_object_and_one_matrix_for_the_plain_lines() -> None:
    _, plain, stream = _saved_box()
    assert stream.count("BT") == 1
    assert stream.count(" T*") >= 3  # the lines of a paragraph follow each other by the leading
    # one matrix to start, and the right-to-left line's shaped pieces set their own
    matrices = stream.count(" Tm")
    assert 2 <= matrices < len(plain), stream
