"""How to print a file, on the paper itself: one small line in the bottom margin of a
file's first page ("A3 · skriv ut ensidig, skriv ut i 100 % størrelse"), since the terminal
that said it is long closed when the pages come out of a printer in the staff room."""

from __future__ import annotations

from smartprint.parts.geometry import PRINTER_MARGIN
from smartprint.resolve.units import MM, paper_name
from smartprint.text.labels import paper_note
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label
from smartprint.text.run import TextRun

NOTE_SIZE = 8.0
SMALLEST = 6.0
_CAP = 0.73  # DejaVu Sans capitals, as a share of the size
_DESCENT = 0.24


def note_text(language: str, duplex: str, width: float, height: float) -> str:
    """The paper, then how to print it: a sentence of its own."""
    return paper_note(language, duplex, paper_name(width, height))


def footer_note(
    language: str, duplex: str, *, width: float, height: float, margin: float, right: float, fonts: Fonts
) -> TextRun | None:
    """The note right-aligned at `right`, in the bottom margin and never closer to the edge
    than a school printer prints; smaller down to 6 pt where the margin is narrow, and
    left out where even that does not fit (the summary in the terminal still says it)."""
    text = note_text(language, duplex, width, height)
    room = margin - PRINTER_MARGIN - 1 * MM  # 1 mm clear of what the margin holds
    size = min(NOTE_SIZE, room / (_CAP + _DESCENT))
    if size < SMALLEST:
        return None
    available = right - margin
    size = min(size, available / max(fonts.measure(text, fonts.regular, 1.0), 1e-6))
    if size < SMALLEST:
        return None
    baseline = PRINTER_MARGIN + _DESCENT * size
    return TextRun(text, fonts.regular, size, right, baseline, Label("print note", language), "end")
