"""The page renderer: pictures come from the real PDF, at the size asked, on white, with
the paper named as a teacher names it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from smartprint.preview.render import page_count, render_pages
from smartprint.resolve.units import paper_name


@pytest.fixture(scope="module")
def three_papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A4 portrait, A3 landscape and a 63 × 88 mm card; each page has a black square in
    its top-left quarter only, so the picture shows whether it is upright."""
    pdf = tmp_path_factory.mktemp("render") / "three.pdf"
    drawing = canvas.Canvas(str(pdf))
    for size in (A4, landscape(A3), (63 * mm, 88 * mm)):
        width, height = size
        drawing.setPageSize(size)
        drawing.rect(0, height / 2, width / 2, height / 2, stroke=0, fill=1)
        drawing.showPage()
    drawing.save()
    return pdf


def test_page_count_reads_the_pdf(three_papers: Path) -> None:
    assert page_count(three_papers) == 3


def test_every_page_is_a_png_of_its_paper_at_the_dpi_asked(three_papers: Path) -> None:
    pictures = render_pages(three_papers, dpi=36)
    assert [p.number for p in pictures] == [1, 2, 3]
    assert [p.paper for p in pictures] == ["A4", "A3", "63 × 88 mm"]
    sizes_mm = [(210, 297), (420, 297), (63, 88)]
    for picture, (width_mm, height_mm) in zip(pictures, sizes_mm):
        assert abs(picture.width_px - width_mm / 25.4 * 36) <= 1
        assert abs(picture.height_px - height_mm / 25.4 * 36) <= 1
        image = Image.open(io.BytesIO(picture.png))
        assert image.format == "PNG" and image.size == (picture.width_px, picture.height_px)
        gray = image.convert("L")
        w, h = image.size
        assert gray.getpixel((w // 4, h // 4)) < 40  # the black square, top left
        assert gray.getpixel((3 * w // 4, 3 * h // 4)) > 240  # white paper, not transparent
        assert gray.getpixel((3 * w // 4, h // 4)) > 240


def test_chosen_pages_come_in_the_order_asked(three_papers: Path) -> None:
    pictures = render_pages(three_papers, dpi=20, pages=[3, 1])
    assert [(p.number, p.paper) for p in pictures] == [(3, "63 × 88 mm"), (1, "A4")]


def test_a_page_outside_the_pdf_is_named(three_papers: Path) -> None:
    with pytest.raises(ValueError, match="page 4 .* 3 pages"):
        render_pages(three_papers, pages=[1, 4])


@pytest.mark.parametrize(
    ("width_mm", "height_mm", "words"),
    [(210, 297, "A4"), (297, 210, "A4"), (297.3, 420.2, "A3"), (105, 148, "A6"), (100, 150, "100 × 150 mm")],
)
def test_the_paper_is_named_as_a_teacher_names_it(width_mm: float, height_mm: float, words: str) -> None:
    assert paper_name(width_mm * mm, height_mm * mm) == words
