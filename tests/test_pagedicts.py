"""Page dictionaries from templates (smartprint/write/pagedicts.py) are the bytes
reportlab's own formatting writes: whole files compared, made both ways."""

import io

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc

from smartprint.options import Options
from smartprint.pipeline import build
from smartprint.resolve.fonts import load_fonts
from smartprint.write import output, pagedicts


def _counting_generic(monkeypatch) -> list[object]:
    calls: list[object] = []
    real = pagedicts._generic

    def counted(page, document):
        calls.append(page)
        return real(page, document)

    monkeypatch.setattr(pagedicts, "_generic", counted)
    return calls


def test_a_bingo_is_built_byte_for_byte_as_reportlab_formats_it(tmp_path, monkeypatch):
    """A form on every sheet, the leader's page without it."""
    assert output.pagedicts is pagedicts and pdfdoc.PDFPage.format is pagedicts.format_page
    generic = _counting_generic(monkeypatch)
    fast, _ = build("paaskebingo", Options(sheets=3, seed=7), tmp_path / "fast.pdf")
    assert len(generic) < fast[0].pages  # some pages did come from a template
    monkeypatch.setattr(pdfdoc.PDFPage, "format", pagedicts._generic)
    plain, _ = build("paaskebingo", Options(sheets=3, seed=7), tmp_path / "plain.pdf")
    assert fast[0].path.read_bytes() == plain[0].path.read_bytes()


def _mixed_pages() -> bytes:
    """Pages of two sizes, turned and not, with and without a form, a picture, a
    transparency and a link: each its own shape."""
    picture = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(picture, "PNG")
    out = io.BytesIO()
    c = output.new_canvas(out, 595.0, 842.0, load_fonts(), "shapes")
    c.beginForm("frame")
    c.rect(10, 10, 100, 100)
    c.endForm()
    for k in range(12):
        c.setPageSize((842.0, 1191.0) if k % 3 == 0 else (595.0, 842.0))
        c.setPageRotation(90 if k == 5 else 0)
        if k % 2:
            c.doForm("frame")
        if k == 4:
            c.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 50, 50, 40, 30)
        if k == 6:
            c.setFillAlpha(0.5)
            c.rect(20, 20, 50, 50, fill=1)
        if k == 7:
            c.linkURL("https://example.invalid/", (10, 10, 60, 30))
        c.drawString(72, 72, f"side {k + 1}")
        c.showPage()
    c.save()
    return out.getvalue()


def test_pages_of_many_shapes_are_formatted_as_reportlab_formats_them(monkeypatch):
    generic = _counting_generic(monkeypatch)
    fast = _mixed_pages()
    assert 0 < len(generic) < 12
    monkeypatch.setattr(pdfdoc.PDFPage, "format", pagedicts._generic)
    assert fast == _mixed_pages()
