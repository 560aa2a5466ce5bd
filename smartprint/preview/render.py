"""A built PDF's pages as PNG pictures, rendered by PDFium from the real file (never a
second drawing of the plan), so what a teacher sees is what the printer gets."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from smartprint.resolve.units import paper_name

POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class PagePicture:
    """One page of a PDF as a PNG, with what a contact sheet writes under it."""

    number: int  # 1-based page number in the PDF
    png: bytes  # the page rendered by pypdfium2 from the real PDF
    width_px: int
    height_px: int
    paper: str  # "A4", "A3", "63 × 88 mm" ...: the page size in words


def page_count(pdf: Path) -> int:
    """How many pages the PDF has (read without rendering any)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def render_pages(pdf: Path, *, dpi: float = 60.0, pages: Sequence[int] | None = None) -> list[PagePicture]:
    """The given pages (1-based, in the order given; all when None) rendered at `dpi`.
    A page number outside the PDF is a ValueError naming it and the page count."""
    if dpi <= 0:
        raise ValueError(f"dpi must be above 0, not {dpi}")
    document = pdfium.PdfDocument(str(pdf))
    try:
        total = len(document)
        wanted = list(range(1, total + 1)) if pages is None else list(pages)
        outside = [number for number in wanted if not 1 <= number <= total]
        if outside:
            raise ValueError(f"page {outside[0]} is not in {pdf.name}, which has {total} pages")
        return [_picture(document, number, dpi) for number in wanted]
    finally:
        document.close()


def _picture(document: pdfium.PdfDocument, number: int, dpi: float) -> PagePicture:
    """One page rendered on white (no transparency: paper is white) and encoded as PNG."""
    page = document[number - 1]
    width_pt, height_pt = page.get_size()
    image = page.render(scale=dpi / POINTS_PER_INCH, fill_color=(255, 255, 255, 255)).to_pil().convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return PagePicture(
        number=number,
        png=buffer.getvalue(),
        width_px=image.width,
        height_px=image.height,
        paper=paper_name(width_pt, height_pt),  # as the summary names it: "A4", or "63 × 88 mm"
    )
