"""Fonts: embedded TrueType only, set as a chain, and a check that every character has a glyph.

A material's text is drawn with a font chain (`text/shape.py`): its first font (the
built-in DejaVu Sans, or the file named by `font:`), then the files named by `fonts:`,
then the built-in fonts for the other scripts. DejaVu Sans is shipped in `fontdata/`
cut down to Latin, Greek and Cyrillic: it draws every letter of a Norwegian class list
(æøå, and the ę, ą, ś, ū, ș, ğ, ő of Polish, Lithuanian, Romanian, Turkish and
Hungarian names, Vietnamese tone marks, Northern Sámi's ŋ, đ, ŧ, ž, č, š, Ukrainian),
with the widths of reportlab's Bitstream Vera, from which DejaVu grew. Noto Sans
Arabic draws the Arabic script (Arabic, Persian and Dari, Urdu, Sorani). We check
characters before drawing because reportlab would otherwise print an empty box.
See docs/FONTS.md.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from smartprint.text import bidi, shape

_BUNDLED = Path(__file__).parent.parent / "fontdata"
DEFAULT_LABEL = "DejaVu Sans"
# The built-in chain after the first font, (regular, bold, name) each: the scripts it adds
FALLBACKS = (("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", "Noto Sans Arabic"),)


@dataclass(frozen=True)
class FontSet:
    regular: str  # a font chain's name (text/shape.py)
    bold: str
    label: str  # how messages name the fonts of the chain ("DejaVu Sans and Noto Sans Arabic")

    def measure(self, text: str, font: str, size: float) -> float:
        return shape.width(text, font, size)


@cache
def _register(path: Path, trusted: bool = False) -> str:
    """Register a TrueType file under a name of its own; `trusted`: smartprint's own
    font, whose glyphs need no trial subset."""
    digest = hashlib.sha1(os.fsencode(path)).hexdigest()[:8]
    name = f"{path.stem}-{digest}"
    try:
        font = TTFont(name, str(path), shapable=True)
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


def _chain(first: str, added: Sequence[str], bundled: Sequence[str]) -> str:
    """The chain of `first`, the material's `added` fonts and the `bundled` ones, by name:
    the first font's own name when nothing is added (so that name means one chain)."""
    fonts = tuple(dict.fromkeys((first, *added, *bundled)))
    name = "+".join((first, *added)) if added else first
    return shape.register_chain(name, fonts)


def load_fonts(
    regular: Path | None = None, bold: Path | None = None, added: Sequence[tuple[Path, Path | None]] = ()
) -> FontSet:
    """Register the font chains to use: the first font (without arguments the bundled
    DejaVu Sans pair), then `added` (regular, bold) files, then the bundled fallbacks."""
    bundled_regular = [_register(_BUNDLED / reg, True) for reg, _, _ in FALLBACKS]
    bundled_bold = [_register(_BUNDLED / bold, True) for _, bold, _ in FALLBACKS]
    names = [name for *_, name in FALLBACKS]
    if regular is None:
        first_regular = _register(_BUNDLED / "DejaVuSans.ttf", True)
        first_bold = _register(_BUNDLED / "DejaVuSans-Bold.ttf", True)
        names.insert(0, DEFAULT_LABEL)
    else:
        dejavu = (_register(_BUNDLED / "DejaVuSans.ttf", True), _register(_BUNDLED / "DejaVuSans-Bold.ttf", True))
        bundled_regular.insert(0, dejavu[0])
        bundled_bold.insert(0, dejavu[1])
        first_regular = _register(regular)
        first_bold = _register(bold) if bold else first_regular
        names[:0] = [regular.name, DEFAULT_LABEL]
    added_regular = [_register(reg) for reg, _ in added]
    added_bold = [_register(b) if b else _register(reg) for reg, b in added]
    names[1:1] = [reg.name for reg, _ in added]
    return FontSet(
        _chain(first_regular, added_regular, bundled_regular),
        _chain(first_bold, added_bold, bundled_bold),
        ", ".join(names[:-1]) + " and " + names[-1],
    )


def check_font_files(*paths: Path | None) -> None:
    """Register font files now: ValueError (naming the file) if one cannot be used."""
    for path in paths:
        if path is not None:
            _register(path)


def missing_glyphs(text: str, font: str) -> list[str]:
    """Characters of `text`, exactly as given, that no font of the chain `font` can draw,
    or that cannot be laid out correctly in any font (`bidi.refusal`); in order, once each."""
    chain = shape.chain_of(font)
    if chain.plain.issuperset(text):
        return []
    covered = chain.covered
    return list(dict.fromkeys(ch for ch in text if ch not in covered or bidi.refusal(ch) is not None))


def font_names(font: str) -> tuple[str, ...]:
    """The registered fonts of a chain, first to last (for a check of what a PDF embeds)."""
    return shape.chain_of(font).fonts


def describe_char(ch: str) -> str:
    name = unicodedata.name(ch, "unnamed character")
    shown = ch if ch.isprintable() and not ch.isspace() else ""
    return f"'{shown}' (U+{ord(ch):04X} {name})" if shown else f"U+{ord(ch):04X} {name}"
