"""A run of text placed on a page: what a plan decides and the text primitive draws.

Pure data (no reportlab). Text set in a box is a `textfit.Fitted` (lines relative to
the box); a single line placed by a plan (a footer, a square's number, a label) is a
`TextRun`. Both carry their origin, so the glyph check can blame the right place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from smartprint.text.origin import Origin

Anchor = Literal["start", "middle", "end"]  # where x is: the run's start, middle or end


@dataclass(frozen=True, slots=True)
class TextRun:
    """One run of text as it is drawn: on one baseline, in one font and size."""

    text: str
    font: str
    size: float
    x: float
    y: float  # the baseline
    origin: Origin
    anchor: Anchor = "start"
    # its paragraph runs right to left (True), left to right (False), or as its first strong letter says (None)
    rtl: bool | None = None
