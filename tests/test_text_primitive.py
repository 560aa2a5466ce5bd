"""Every string that reaches a page goes through the text primitive (smartprint/text/ink.py),
and every string the primitive draws was checked against its font.

Each built-in and each kind's starter is built on a recording canvas: it notes every
string handed to reportlab's text operators (drawString and friends, and the text
objects that `beginText` makes). The build's glyph ledger notes every string the
primitive checked. The two lists must be the same: a paint function that draws a
string around the primitive leaves a string on the page that nobody checked, and fails
here (as the deliberate breakage below shows)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from smartprint import pipeline
from smartprint.load import resources
from smartprint.resolve.fonts import missing_glyphs
from smartprint.text.glyphs import GlyphLedger
from smartprint.write import output

KINDS_DIR = Path(__file__).resolve().parent.parent / "smartprint" / "kinds"
STARTERS = sorted(KINDS_DIR.glob("*/starter.yaml"))


class _RecordingText(PDFTextObject):  # type: ignore[misc]
    def __init__(self, canvas: Any, drawn: list[str]) -> None:
        super().__init__(canvas)
        self._drawn = drawn

    def textOut(self, text: str) -> None:  # noqa: N802 - reportlab's name
        if not self._canvas.inside:
            self._drawn.append(text)
        super().textOut(text)

    def textLine(self, text: str = "") -> None:  # noqa: N802
        if not self._canvas.inside:
            self._drawn.append(text)
        super().textLine(text)

    def textLines(self, stuff: Any, trim: int = 1) -> None:  # noqa: N802
        raise AssertionError("textLines is never used: every line is placed by the primitive")


class RecordingCanvas(output.PageCanvas):
    """A real canvas that also notes every string given to a text operator (once: the
    outermost call, not the text object reportlab makes inside drawString)."""

    drawn: list[str]
    inside = 0

    def _note(self, text: str, draw: Any, *args: Any, **kwargs: Any) -> None:
        if not self.inside:
            self.drawn.append(text)
        self.inside += 1
        try:
            draw(*args, **kwargs)
        finally:
            self.inside -= 1

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:  # noqa: N802
        text = _RecordingText(self, self.drawn)
        text.setTextOrigin(x, y)
        return text

    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        self._note(text, super().drawString, x, y, text, *args, **kwargs)

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        self._note(text, super().drawCentredString, x, y, text, *args, **kwargs)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        self._note(text, super().drawRightString, x, y, text, *args, **kwargs)

    def drawAlignedString(self, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        raise AssertionError("drawAlignedString is never used")


def _record(monkeypatch: pytest.MonkeyPatch, target: str, out: Path, *options: str) -> tuple[list[str], GlyphLedger]:
    """Build `target` onto recording canvases; what reached the text operators, and the ledger."""
    drawn: list[str] = []
    real_canvas = output.PageCanvas

    def recording(*args: Any, **kwargs: Any) -> Canvas:
        c = RecordingCanvas(*args, **kwargs)
        c.drawn = drawn
        return c

    monkeypatch.setattr(output, "PageCanvas", recording)
    try:
        opts = pipeline.Options(pupils=options[0]) if options else pipeline.Options()
        built = pipeline.plan(pipeline.prepare(target, opts))
        ledger = GlyphLedger(missing_glyphs, record=True)
        pipeline.render(built, str(out), ledger)
    finally:
        monkeypatch.setattr(output, "PageCanvas", real_canvas)
    return drawn, ledger


def unchecked(drawn: list[str], ledger: GlyphLedger) -> Counter[str]:
    """Strings that reached a text operator more often than the primitive checked them."""
    return Counter(drawn) - Counter(text for text, _, _ in ledger.seen)


def _materials() -> Iterator[Any]:
    for name in resources.builtin_names("decks"):
        yield pytest.param(name, (), id=name)
    for starter in STARTERS:
        yield pytest.param(str(starter), (), id=f"starter-{starter.parent.name}")
    klasse = Path(__file__).resolve().parent.parent / "examples" / "klasseliste" / "2b.txt"
    yield pytest.param("klassebamse", (str(klasse),), id="klassebamse-with-class-list")
    yield pytest.param("bli-kjent-bingo", (str(klasse),), id="bingo-with-class-list")


@pytest.mark.parametrize(("target", "options"), list(_materials()))
def test_every_string_drawn_was_checked(monkeypatch, tmp_path, target, options):
    monkeypatch.chdir(tmp_path)
    drawn, ledger = _record(monkeypatch, target, tmp_path / "out.pdf", *options)
    assert drawn, "the build drew no text at all"
    assert not unchecked(drawn, ledger), f"drawn around the text primitive: {unchecked(drawn, ledger)}"
    assert not ledger.failed
    # and nothing was checked that was not drawn: the check is the drawing
    assert not Counter(text for text, _, _ in ledger.seen) - Counter(drawn)


def test_a_paint_function_drawing_around_the_primitive_is_caught(monkeypatch, tmp_path):
    """The breakage of issue 16: a board label drawn by paint code that no check knew of."""
    from smartprint.kinds.fiveinarow import paint

    real_board = paint._board

    def board_with_a_stray_label(plan: Any, c: Canvas, page: Any) -> None:
        real_board(plan, c, page)
        c.setFont(plan.job.fonts.regular, 9)
        c.drawString(20, 20, "·")  # as the old five-in-a-row paint did, beside printed()

    monkeypatch.setattr(paint, "_board", board_with_a_stray_label)
    monkeypatch.chdir(tmp_path)
    drawn, ledger = _record(monkeypatch, "fem-paa-rad", tmp_path / "out.pdf")
    assert set(unchecked(drawn, ledger)) == {"·"}  # on every board page, and nothing else


def test_every_run_carries_where_it_comes_from(monkeypatch, tmp_path):
    """The ledger's origins are places in the file or smartprint's own labels, never
    a stand-in left from measuring."""
    from smartprint.text.origin import Label, Mixed
    from smartprint.text.textfit import UNPLACED

    monkeypatch.chdir(tmp_path)
    for name in ("relasjonsspill", "paaskebingo", "styrkekort", "fem-paa-rad", "megselvhelten"):
        _, ledger = _record(monkeypatch, name, tmp_path / "out.pdf")
        origins = {origin for _, _, origin in ledger.seen}
        assert UNPLACED not in origins
        for origin in origins:
            assert isinstance(origin, tuple | Label | Mixed), origin
            if isinstance(origin, Label):
                assert origin.language == "nb", origin
