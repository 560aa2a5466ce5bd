"""The one way a string reaches a page.

Every text a kind draws goes through `draw_run` (one run: text, font, size, position,
anchor, direction) or `draw_lines` (the fitted lines of a box, in one text object).
Both check the run against its font in the canvas's `GlyphLedger` at the moment it is
drawn, so the glyph check, the list of what was printed and the PDF come from the same
calls. This is the one place to add what other scripts need: a font chain with a
fallback per run, shaping, and right-to-left order. No other module calls reportlab's
text operators (`drawString`, `beginText`, `textOut` …); a test draws every built-in
on a recording canvas and fails if any string reaches the page around this module.
"""

from __future__ import annotations

import re
from typing import Any

from smartprint.resolve.colors import INK, RGB
from smartprint.text.glyphs import GlyphLedger
from smartprint.text.run import TextRun
from smartprint.text.textfit import Fitted

LEDGER_ATTRIBUTE = "smartprint_ledger"


def attach_ledger(canvas: Any, ledger: GlyphLedger) -> None:
    """Give a canvas the ledger its text is checked in (the writer does this for every canvas it opens)."""
    setattr(canvas, LEDGER_ATTRIBUTE, ledger)


def _ledger(canvas: Any) -> GlyphLedger:
    ledger = getattr(canvas, LEDGER_ATTRIBUTE, None)
    if ledger is None:
        raise RuntimeError("text drawn on a canvas without a glyph ledger (open canvases with write.output.new_canvas)")
    assert isinstance(ledger, GlyphLedger)
    return ledger


def draw_run(canvas: Any, run: TextRun, color: RGB | None = None) -> None:
    """Draw one run (after checking its letters), in `color` if given, else the current fill."""
    if not _ledger(canvas).check(run.text, run.font, run.origin):
        return  # the build fails with the ledger's message; never a blank where a letter should be
    if color is not None:
        canvas.setFillColorRGB(*color)
    canvas.setFont(run.font, run.size)
    if run.anchor == "start":
        canvas.drawString(run.x, run.y, run.text)
    elif run.anchor == "middle":
        canvas.drawCentredString(run.x, run.y, run.text)
    else:
        canvas.drawRightString(run.x, run.y, run.text)


def _lines_object(canvas: Any, fitted: Fitted, left: float, top: float, newline: bool) -> Any:
    """A text object holding a box's lines, each checked, each set at its own origin
    (no cursor arithmetic); `newline` ends each line as drawText wants it."""
    ledger = _ledger(canvas)
    text = canvas.beginText()
    current = None
    for line in fitted.lines:
        if not ledger.check(line.text, line.font, line.origin):
            continue
        if (line.font, line.size) != current:
            current = (line.font, line.size)
            text.setFont(line.font, line.size)
        text.setTextOrigin(left + line.x, top - line.baseline)
        if newline:
            text.textLine(line.text)
        else:
            text.textOut(line.text)
    return text


def draw_lines(canvas: Any, fitted: Fitted, left: float, top: float, color: RGB = INK) -> None:
    """Draw a fitted box's lines with its top-left corner at (left, top), in one text object."""
    canvas.setFillColorRGB(*color)
    canvas.drawText(_lines_object(canvas, fitted, left, top, newline=True))


def encoded_lines(canvas: Any, fitted: Fitted, left: float, top: float) -> str:
    """The PDF text operators that draw a box's lines (no BT/ET, Tm moves from (0, 0)),
    checked like `draw_lines`, for a painter that places the same text many times by
    reference (bingo prompts: encoded once per canvas, placed on every sheet)."""
    return _bare(str(_lines_object(canvas, fitted, left, top, newline=False).getCode()))


def encoded_run(canvas: Any, run: TextRun) -> str:
    """The PDF text operators that draw one run at the text object's origin (its x and
    y are the caller's to apply), checked like `draw_run`."""
    if not _ledger(canvas).check(run.text, run.font, run.origin):
        return ""
    text = canvas.beginText()
    text.setFont(run.font, run.size)
    text.textOut(run.text)
    return _bare(str(text.getCode()))


_LEADING = re.compile(r" -?[\d.]+ TL")


def _bare(code: str) -> str:
    """A text object's operators without BT, its initial matrix, leading and ET."""
    return _LEADING.sub("", code.removeprefix("BT 1 0 0 1 0 0 Tm ").removesuffix(" ET"))
