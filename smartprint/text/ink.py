"""The one way a string reaches a page.

Every text a kind draws goes through `draw_run` (one run: text, font, size, position,
anchor, direction) or `draw_lines` (the fitted lines of a box, in one text object).
Both check the run against its font in the canvas's `GlyphLedger` at the moment it is
drawn, so the glyph check, the list of what was printed and the PDF come from the same
calls. A run's font is a font chain (`text/shape.py`): Latin text in the chain's first
font is drawn as one string, as it always was; any other line is drawn as the pieces
`shape.set_line` made of it, each in its font, shaped, in the order they stand on the
paper (right to left where the text runs so). No other module calls reportlab's
text operators (`drawString`, `beginText`, `textOut` …); a test draws every built-in
on a recording canvas and fails if any string reaches the page around this module.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.rl_accel import fp_str

from smartprint.resolve.colors import INK, RGB
from smartprint.text import shape
from smartprint.text.glyphs import GlyphLedger
from smartprint.text.run import Anchor, TextRun
from smartprint.text.textfit import Fitted, Line

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
    if not shape.is_plain(run.text, run.font):
        text = canvas.beginText()
        _pieces(text, run.text, run.font, run.size, run.x - _anchored(run), run.y, run.rtl)
        canvas.drawText(text)
        return
    canvas.setFont(shape.first_font(run.font), run.size)
    if run.anchor == "start":
        canvas.drawString(run.x, run.y, run.text)
    elif run.anchor == "middle":
        canvas.drawCentredString(run.x, run.y, run.text)
    else:
        canvas.drawRightString(run.x, run.y, run.text)


def _lines_object(canvas: Any, fitted: Fitted, left: float, top: float) -> Any:
    """A text object holding a box's lines, each checked, each set at its own origin
    (no cursor arithmetic: bingo turns these matrices into its own moves)."""
    ledger = _ledger(canvas)
    text = canvas.beginText()
    current: tuple[str, float] | None = None
    for line in fitted.lines:
        if not ledger.check(line.text, line.font, fitted.origin(line)):
            continue
        if not shape.is_plain(line.text, line.font):
            current = _pieces(text, line.text, line.font, line.size, left + line.x, top - line.baseline, line.rtl)
            continue
        if (line.font, line.size) != current:
            current = (line.font, line.size)
            text.setFont(shape.first_font(line.font), line.size)
        text.setTextOrigin(left + line.x, top - line.baseline)
        text.textOut(line.text)
    return text


def draw_lines(canvas: Any, fitted: Fitted, left: float, top: float, color: RGB = INK) -> None:
    """Draw a fitted box's lines with its top-left corner at (left, top), in one text object."""
    canvas.setFillColorRGB(*color)
    canvas.drawText(_moving_lines(canvas, fitted, left, top))


def _moving_lines(canvas: Any, fitted: Fitted, left: float, top: float) -> Any:
    """A text object holding a box's lines, each checked, moving from line to line as
    a hand-written PDF does: `T*` (the leading) to the next line of a paragraph, a
    relative `Td` elsewhere, an absolute `Tm` only at the start and after a shaped
    line (whose pieces set their own origins): a card page's content a quarter shorter."""
    ledger = _ledger(canvas)
    lines = [line for line in fitted.lines if ledger.check(line.text, line.font, fitted.origin(line))]
    plain = [shape.is_plain(line.text, line.font) for line in lines]
    at: tuple[float, float] | None = None  # the text line's start as the PDF has it; None: set with Tm
    if lines and plain[0]:
        at = (left + lines[0].x, top - lines[0].baseline)
    text = canvas.beginText(*(at or (0.0, 0.0)))
    current: tuple[str, float] | None = None
    leading = 0.0
    for k, line in enumerate(lines):
        x, y = left + line.x, top - line.baseline
        if not plain[k]:
            current = _pieces(text, line.text, line.font, line.size, x, y, line.rtl)
            at = None
            continue
        if (line.font, line.size) != current:
            current = (line.font, line.size)
            leading = _pitch(lines, plain, k) or line.size * 1.2
            text.setFont(shape.first_font(line.font), line.size, leading)
            leading = float(fp_str(leading))  # as T* will move
        if at is None:
            text.setTextOrigin(x, y)
            at = (x, y)
        elif abs(x - at[0]) > _SAME or abs(y - at[1]) > _SAME:
            dx, dy = float(fp_str(x - at[0])), float(fp_str(y - at[1]))
            text.moveCursor(dx, -dy)  # reportlab's dy counts downwards
            at = (at[0] + dx, at[1] + dy)
        text.textLine(line.text)  # its T* puts the next line of a paragraph in place
        at = (at[0], at[1] - leading)
    return text


def _pitch(lines: list[Line], plain: list[bool], k: int) -> float:
    """The distance from line k to the next, when that one continues k's paragraph
    (plain, same font and size, same left edge); 0 when none does."""
    if k + 1 < len(lines) and plain[k + 1]:
        line, after = lines[k], lines[k + 1]
        if (after.font, after.size, after.x) == (line.font, line.size, line.x):
            return after.baseline - line.baseline
    return 0.0


_SAME = 1e-4  # points: closer than this is the same place (a ten-thousandth of a point)


def encoded_lines(canvas: Any, fitted: Fitted, left: float, top: float) -> str:
    """The PDF text operators that draw a box's lines (no BT/ET, Tm moves from (0, 0)),
    checked like `draw_lines`, for a painter that places the same text many times by
    reference (bingo prompts: encoded once per canvas, placed on every sheet)."""
    return _bare(str(_lines_object(canvas, fitted, left, top).getCode()))


def encoded_run(canvas: Any, run: TextRun) -> str:
    """The PDF text operators that draw one run at the text object's origin (its x and
    y are the caller's to apply), checked like `draw_run`."""
    if not _ledger(canvas).check(run.text, run.font, run.origin):
        return ""
    text = canvas.beginText()
    if shape.is_plain(run.text, run.font):
        text.setFont(shape.first_font(run.font), run.size)
        text.textOut(run.text)
    else:
        _pieces(text, run.text, run.font, run.size, -_anchored(run), 0.0, run.rtl, relative=True)
    return _bare(str(text.getCode()))


def _anchored(run: TextRun) -> float:
    """How far left of x the run starts (its anchor: start, middle or end)."""
    share: dict[Anchor, float] = {"start": 0.0, "middle": 0.5, "end": 1.0}
    factor = share[run.anchor]
    return shape.width(run.text, run.font, run.size) * factor if factor else 0.0


def _pieces(
    text: Any, line: str, font: str, size: float, x: float, y: float, rtl: bool | None, relative: bool = False
) -> tuple[str, float]:
    """Put a line that is not plain into a text object: its pieces (shape.set_line), each
    in its own font at its own place, left end at (x, y); `relative`: moved to with Td
    from the text object's origin (for `encoded_run`), else placed with Tm."""
    at = 0.0
    current = ("", 0.0)
    for piece in shape.set_line(line, font, rtl).pieces:
        if (piece.font, size) != current:
            current = (piece.font, size)
            text.setFont(piece.font, size)
        if relative:
            text.moveCursor(x + piece.x * size - at, 0.0)
            at = x + piece.x * size
        else:
            text.setTextOrigin(x + piece.x * size, y)
        text.textOut(piece.text)
    return current


_LEADING = re.compile(r" -?[\d.]+ TL")


def _bare(code: str) -> str:
    """A text object's operators without BT, its initial matrix, leading and ET."""
    return _LEADING.sub("", code.removeprefix("BT 1 0 0 1 0 0 Tm ").removesuffix(" ET"))
