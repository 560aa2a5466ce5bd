"""The one writer: draws any planned document to a PDF, in parts when it is long.

reportlab keeps every page of a canvas in memory until it saves, so a document of
more than PAGES_PER_PART pages is drawn as several canvases into a private temporary
folder and streamed into one file by `pdfjoin`; memory stays flat at any length.
Every canvas gets the document's shared setup (forms, primed font subsets), so a
page's content is the same bytes whichever part it lands in, and the build's glyph
ledger, in which the text primitive checks every string as it draws it: a letter a
font lacks stops the write before anything replaces the target.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, BinaryIO

from smartprint.resolve.fonts import FontSet
from smartprint.text.glyphs import GlyphLedger, GlyphsMissing
from smartprint.text.ink import attach_ledger
from smartprint.write.document import Document, Section
from smartprint.write.output import new_canvas
from smartprint.write.progress import bar_for
from smartprint.write.stopping import checkpoint, held

PAGES_PER_PART = 1200


class Sink(io.RawIOBase):
    """Where `validate` draws: every page is drawn, so every string is checked against
    its font, and nothing is saved (formatting and compressing pages that are thrown
    away was about a third of validating a 1,000-sheet file)."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return len(data)


def _draw_part(
    doc: Document,
    fonts: FontSet,
    out: str | BinaryIO,
    pages: Sequence[tuple[Section, Any]],
    step: Callable[[], None] | None,
    ledger: GlyphLedger,
) -> int:
    first = pages[0][0] if pages else doc.sections[0]
    c = new_canvas(out, first.width, first.height, fonts, doc.title, doc.duplex)
    attach_ledger(c, ledger)
    if doc.setup is not None:
        doc.setup(c)
    size = (first.width, first.height)
    for section, page in pages:
        if (section.width, section.height) != size:
            size = (section.width, section.height)
            c.setPageSize(size)
        section.paint(c, page)
        c.showPage()
        if step is not None:
            step()
        checkpoint()
    if ledger.failed:
        raise GlyphsMissing(ledger)  # nothing is saved: the build tells what the font lacks
    if not isinstance(out, Sink):
        c.save()
    return len(pages)


def write_document(
    doc: Document, fonts: FontSet, out: str | BinaryIO, ledger: GlyphLedger, progress: bool = False
) -> int:
    """Draw `doc` into `out` (a path or a binary stream); returns the page count. Raises
    GlyphsMissing, having saved nothing, if a string has letters its font lacks."""
    pages = doc.flat_pages()
    if not pages:
        raise ValueError("a document needs at least one page")
    bar = bar_for(progress, len(pages), doc.progress_label or "Tegner sider")
    step = bar.step if bar is not None else None
    parts = [pages[i : i + PAGES_PER_PART] for i in range(0, len(pages), PAGES_PER_PART)]
    with bar if bar is not None else nullcontext(), held():
        if len(parts) == 1 or isinstance(out, Sink):
            return sum(_draw_part(doc, fonts, out, part, step, ledger) for part in parts)
        from smartprint.write.pdfjoin import join
        from smartprint.write.target import parts_folder

        with parts_folder() as tmp:
            paths = []
            for k, part in enumerate(parts):
                path = Path(tmp) / f"part{k}.pdf"
                _draw_part(doc, fonts, str(path), part, step, ledger)
                paths.append(path)
            if isinstance(out, str):
                with open(out, "wb") as fh:
                    return join(paths, fh)
            return join(paths, out)
