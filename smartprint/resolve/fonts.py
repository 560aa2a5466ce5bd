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
# The PostScript names of the bundled fonts (a test checks them): a material's own file
# of one of these names is given another, without loading the bundled files to ask
BUNDLED_FACES = frozenset({"DejaVuSans", "DejaVuSans-Bold", "NotoSansArabic-Regular", "NotoSansArabic-Bold"})


@dataclass(frozen=True)
class FontSet:
    regular: str  # a font chain's name (text/shape.py)
    bold: str
    label: str  # how messages name the fonts of the chain ("DejaVu Sans and Noto Sans Arabic")

    def measure(self, text: str, font: str, size: float) -> float:
        return shape.width(text, font, size)


def _register(path: Path, trusted: bool = False, own_name: bool = True) -> str:
    """Register a TrueType file under a name of its own; `trusted`: smartprint's own
    font, whose glyphs need no trial subset. `own_name` False: the PostScript name the
    PDF shows gets the file's digest (`_face_names`)."""
    return _registered(path, _digest(path), trusted, own_name)


def _digest(path: Path) -> str:
    """A file's content, in short: a file replaced by another is another font."""
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()[:8]
    except OSError:
        return hashlib.sha1(os.fsencode(path)).hexdigest()[:8]  # TTFont says what is wrong with it


@cache
def _registered(path: Path, digest: str, trusted: bool, own_name: bool) -> str:
    """One registration of a file, by its content. reportlab would hand a second file
    whose PostScript name is taken the first file's font object (a trimmed copy of Vera
    is still "BitstreamVeraSans-Roman"), so which font printed would depend on what an
    earlier build in the process registered: every file gets a font object of its own."""
    name = f"{path.stem}-{digest}" + ("" if own_name else "-own")
    try:
        font = TTFont(name, str(path), shapable=True)
        if not own_name:
            own = font.face.name
            suffix = f"-{digest}"
            font.face.name = own + suffix.encode() if isinstance(own, bytes) else own + suffix
        if not trusted:
            _trial_subset(font)
        pdfmetrics.registerFont(font)
        pdfmetrics._fonts[name] = font  # noqa: SLF001 - this file's object, not another's of the same name
    except Exception as exc:  # noqa: BLE001 - a damaged font fails in many ways inside reportlab
        reason = exc if isinstance(exc, (TTFError, OSError, ValueError)) else "the file is damaged"
        raise ValueError(f"cannot use the font file {path.name}: {reason}; choose another font file") from None
    return name


def _face_names(files: Sequence[Path]) -> dict[Path, str]:
    """The material's font files registered so that no two fonts in its PDF have one
    PostScript name (a viewer would take one for the other): a file whose name is taken
    by a bundled font or by an earlier file of another content gets its digest added.
    Decided by the material alone, so a build's bytes never depend on earlier builds."""
    out: dict[Path, str] = {}
    seen: dict[str, str] = {}  # PostScript name -> the digest of the file that has it
    for path in files:
        if path in out:
            continue
        digest = _digest(path)
        name = _registered(path, digest, False, True)
        face = _face(name)
        if face in BUNDLED_FACES or seen.setdefault(face, digest) != digest:
            name = _registered(path, digest, False, False)
        out[path] = name
    return out


def _face(name: str) -> str:
    """The PostScript name a registered font shows in a PDF."""
    face = pdfmetrics.getFont(name).face.name
    return face.decode("latin-1") if isinstance(face, bytes) else str(face)


def _trial_subset(font: TTFont) -> None:
    """Build the subset of every glyph the font maps, as saving the PDF will: a font
    whose glyph data is damaged fails here, before anything is drawn, and not in the
    middle of writing the PDF."""
    codes = sorted(font.face.charToGlyph)[:4000]
    for start in range(0, len(codes), 255):
        font.face.makeSubset([0, *codes[start : start + 255]])


def _chain(first: str, added: Sequence[str], bundled: Sequence[Path]) -> str:
    """The chain of `first`, the material's `added` fonts and the `bundled` files (loaded
    when first needed), by name: the first font's own name when nothing is added (so
    that name means one chain)."""
    name = "+".join((first, *added)) if added else first
    return shape.register_chain(name, first, lambda: (*added, *(_register(path, True) for path in bundled)))


def load_fonts(
    regular: Path | None = None, bold: Path | None = None, added: Sequence[tuple[Path, Path | None]] = ()
) -> FontSet:
    """Register the font chains to use: the first font (without arguments the bundled
    DejaVu Sans pair), then `added` (regular, bold) files, then the bundled fallbacks."""
    bundled_regular = [_BUNDLED / reg for reg, _, _ in FALLBACKS]
    bundled_bold = [_BUNDLED / bold for _, bold, _ in FALLBACKS]
    names = [name for *_, name in FALLBACKS]
    own = [p for p in (regular, bold) if p is not None] + [p for pair in added for p in pair if p is not None]
    registered = _face_names(own)
    if regular is None:
        first_regular = _register(_BUNDLED / "DejaVuSans.ttf", True)
        first_bold = _register(_BUNDLED / "DejaVuSans-Bold.ttf", True)
        names.insert(0, DEFAULT_LABEL)
    else:
        bundled_regular.insert(0, _BUNDLED / "DejaVuSans.ttf")
        bundled_bold.insert(0, _BUNDLED / "DejaVuSans-Bold.ttf")
        first_regular = registered[regular]
        first_bold = registered[bold] if bold else first_regular
        names[:0] = [regular.name, DEFAULT_LABEL]
    added_regular = [registered[reg] for reg, _ in added]
    added_bold = [registered[b or reg] for reg, b in added]
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
