"""The canvas every PDF is drawn on: deterministic bytes and true size on print."""

from __future__ import annotations

from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from smartprint import __version__
from smartprint.resolve.fonts import FontSet
from smartprint.text.shape import first_font, glyphs_of
from smartprint.write import pagedicts

pagedicts.install()  # the same page dictionaries, formatted from a template

DUPLEX_PREF = {"duplex-long": "DuplexFlipLongEdge", "duplex-short": "DuplexFlipShortEdge"}


def new_canvas(
    out: str | BinaryIO, page_w: float, page_h: float, fonts: FontSet, title: str, backs: str = "none"
) -> Canvas:
    """A canvas in reportlab's invariant mode (same input, same bytes) that asks
    viewers to print at 100 % and, for duplex decks, which edge to flip on."""
    rl_config.useA85 = 0  # plain Flate streams: a quarter smaller than ASCII85-wrapped ones
    c = PageCanvas(
        out,
        pagesize=(page_w, page_h),
        invariant=1,
        pageCompression=1,
        initialFontName=first_font(fonts.regular),
        initialFontSize=10,
    )
    c.setTitle(title)
    c.setAuthor("smartprint")
    c.setCreator(f"smartprint {__version__}")
    c.setSubject(title)
    c.setViewerPreference("PrintScaling", "None")
    c.setViewerPreference("Duplex", DUPLEX_PREF.get(backs, "Simplex"))
    return c


PAGE_FORMS = "SmartprintPageForms"  # the internal name of the dictionary the pages share


class PageCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type information
    """reportlab's canvas, but every page that places forms names them through one
    dictionary all pages share, written once, instead of a dictionary of its own: a
    card sheet places a dozen forms (bands, shared texts, the back), and their names on
    each of 112 pages were a tenth of the file. A page may name forms it does not place;
    a PDF reader looks up only the names a page's content uses. Forms keep their own.
    (A method, not a function set on the canvas: that would be a reference cycle, and
    with the collector off during a build no part's canvas would ever be freed.)"""

    def _setXObjects(self, thing: object) -> None:  # noqa: N802 - reportlab's name
        forms = self._formsinuse
        if not isinstance(thing, pdfdoc.PDFPage) or not forms:
            super()._setXObjects(thing)
            return
        shared: pdfdoc.PDFDictionary | None = getattr(self, "_page_forms", None)
        if shared is None:
            shared = self._page_forms = pdfdoc.PDFDictionary({})
        for form in forms:
            internal = pdfdoc.xObjectName(form)
            shared.dict.setdefault(internal, pdfdoc.PDFObjectReference(internal))
        thing.XObjects = self._doc.Reference(shared, PAGE_FORMS)


def prime_subset(c: Canvas, font: str, text: str) -> None:
    """Give the characters of `text` their subset codes now, in this order.

    reportlab numbers a TrueType subset's characters in the order they are first drawn.
    A page whose text is drawn after other pages (a reprint of sheet 7 without the
    leader's page and sheets 1–6 before it) would otherwise encode the same words with
    other codes. Priming the characters every page shares makes that page's content
    byte-identical in both prints."""
    from reportlab.pdfbase import pdfmetrics

    first = first_font(font)  # a chain's first font: the others draw shaped runs, not primed
    have = glyphs_of(first)
    pdfmetrics.getFont(first).splitString("".join(ch for ch in text if ch in have), c._doc)  # noqa: SLF001


def name_fonts(c: Canvas, *fonts: str) -> None:
    """Give the fonts their names in the PDF (/F1, /F2, …) now, in this order, so the
    same page gets the same names whatever was drawn before it (a reprint with --only)."""
    from reportlab.pdfbase import pdfmetrics

    for font in fonts:
        pdfmetrics.getFont(first_font(font)).getSubsetInternalName(0, c._doc)  # noqa: SLF001 - the canvas's document
