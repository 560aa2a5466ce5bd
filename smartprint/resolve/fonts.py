"""Fonts: embedded TrueType only, and a check that every character has a glyph.

The default is DejaVu Sans, shipped in `fontdata/` cut down to the Latin script: it
draws every letter of a Norwegian class list (æøå, and the ę, ą, ś, ū, ș, ğ, ő of
Polish, Lithuanian, Romanian, Turkish and Hungarian names, Vietnamese tone marks),
where reportlab's Bitstream Vera, from which DejaVu grew with the same widths,
lacks most of them. A deck or layout may name other TTF files. We check characters
before drawing because reportlab would otherwise print an empty box.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

_VERA = Path(reportlab.__file__).parent / "fonts"
_BUNDLED = Path(__file__).parent.parent / "fontdata"
DEFAULT_LABEL = "DejaVu Sans"
IGNORED = {"\n", "\r"}


@dataclass(frozen=True)
class FontSet:
    regular: str
    bold: str
    label: str  # how messages name the font

    def measure(self, text: str, font: str, size: float) -> float:
        return float(pdfmetrics.stringWidth(text, font, size))


@cache
def _register(path: Path, trusted: bool = False) -> str:
    """Register a TrueType file under a name of its own; `trusted`: smartprint's own
    font, whose glyphs need no trial subset."""
    digest = hashlib.sha1(os.fsencode(path)).hexdigest()[:8]
    name = f"{path.stem}-{digest}"
    try:
        font = TTFont(name, str(path))
        # reportlab shares one font object between files whose internal names agree
        # (a trimmed copy of Vera is still "BitstreamVeraSans-Roman"): give a second
        # file with a taken name a name of its own, or it would silently print as the first
        taken = pdfmetrics._dynFaceNames.get(font.face.name)  # noqa: SLF001
        if taken is not None and taken.face.filename != str(path):
            own = font.face.name
            suffix = f"-{digest}"
            font.face.name = own + suffix.encode() if isinstance(own, bytes) else own + suffix
        if not trusted:
            _trial_subset(font)
        pdfmetrics.registerFont(font)
    except Exception as exc:  # noqa: BLE001 - a damaged font fails in many ways inside reportlab
        reason = exc if isinstance(exc, (TTFError, OSError, ValueError)) else "the file is damaged"
        raise ValueError(f"cannot use the font file {path.name}: {reason}; choose another font file") from None
    return name


def _trial_subset(font: TTFont) -> None:
    """Build the subset of every glyph the font maps, as saving the PDF will: a font
    whose glyph data is damaged fails here, before anything is drawn, and not in the
    middle of writing the PDF."""
    codes = sorted(font.face.charToGlyph)[:4000]
    for start in range(0, len(codes), 255):
        font.face.makeSubset([0, *codes[start : start + 255]])


def load_fonts(regular: Path | None = None, bold: Path | None = None) -> FontSet:
    """Register the fonts to use; without arguments the bundled DejaVu Sans pair."""
    if regular is None:
        return FontSet(
            _register(_BUNDLED / "DejaVuSans.ttf", True),
            _register(_BUNDLED / "DejaVuSans-Bold.ttf", True),
            DEFAULT_LABEL,
        )
    reg = _register(regular)
    return FontSet(reg, _register(bold) if bold else reg, regular.name)


@cache
def _glyphs(font: str) -> frozenset[str]:
    """The characters a registered font has glyphs for (plus line breaks, never drawn)."""
    face = pdfmetrics.getFont(font).face
    return frozenset({chr(code) for code in face.charToGlyph} | IGNORED)


def missing_glyphs(text: str, font: str) -> list[str]:
    """Characters of `text`, exactly as given, that `font` cannot draw; in order, once each."""
    have = _glyphs(font)
    if have.issuperset(text):
        return []
    return list(dict.fromkeys(ch for ch in text if ch not in have))


def describe_char(ch: str) -> str:
    name = unicodedata.name(ch, "unnamed character")
    shown = ch if ch.isprintable() and not ch.isspace() else ""
    return f"'{shown}' (U+{ord(ch):04X} {name})" if shown else f"U+{ord(ch):04X} {name}"
