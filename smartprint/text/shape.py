"""A line of text as it is set with a font chain: which font draws each run, the order
of the runs on the paper, and the glyphs HarfBuzz chose for each.

A font name in a plan may be a chain (`register_chain`): the fonts, first to last,
that draw a run of text; each word is drawn in the first font that has all its letters.
Latin text in the chain's first font takes the old road (`is_plain`: one string, one
font, reportlab's own widths), so nothing a Norwegian teacher prints is slower. Any
other line is cut into runs by font and by direction (`text/bidi.py`); every run that is
not plain left-to-right text in the first font is shaped by HarfBuzz (through
uharfbuzz, in its own direction, from its logical order), which joins Arabic letters
and mirrors brackets, and the runs are then ordered for the eye (UAX #9, rule L2).

Shaped runs are reportlab `ShapedStr`s: each glyph is a character of the font
(a glyph with no character of its own, a joined Arabic form say, gets a private-use
code, given to every such glyph of a font at once in glyph order so a build's bytes
do not depend on what was shaped before it in the same process).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from smartprint.text import bidi

IGNORED = frozenset({"\n", "\r"})


@dataclass(frozen=True)
class Chain:
    """Fonts that draw text together: the first that has a word's letters draws it."""

    name: str
    fonts: tuple[str, ...]
    plain: frozenset[str]  # what the first font draws as it is, left to right, unshaped
    covered: frozenset[str]  # what some font of the chain has (with line breaks)


_CHAINS: dict[str, Chain] = {}


@cache
def glyphs_of(font: str) -> frozenset[str]:
    """The characters a registered font has glyphs for (plus line breaks, never drawn)."""
    face = pdfmetrics.getFont(font).face
    return frozenset({chr(code) for code in face.charToGlyph if code < 0xE000 or code > 0xF8FF} | IGNORED)


def _plain(font: str) -> frozenset[str]:
    return frozenset(
        ch
        for ch in glyphs_of(font)
        if bidi.refusal(ch) is None and bidi._bidi_class(ch) not in ("R", "AL", "AN")  # noqa: SLF001
    )


def register_chain(name: str, fonts: tuple[str, ...]) -> str:
    """Make `name` stand for the fonts `fonts`, first to last; returns `name`."""
    if name not in _CHAINS:
        covered = frozenset().union(*(glyphs_of(font) for font in fonts))
        _CHAINS[name] = Chain(name, fonts, _plain(fonts[0]), covered)
    return name


def chain_of(name: str) -> Chain:
    """The chain a font name stands for (a single registered font is a chain of one)."""
    chain = _CHAINS.get(name)
    if chain is None:
        chain = _CHAINS[name] = Chain(name, (name,), _plain(name), glyphs_of(name))
    return chain


def first_font(name: str) -> str:
    """The font reportlab knows for a chain name: its first."""
    return chain_of(name).fonts[0]


def is_plain(text: str, name: str) -> bool:
    """Whether `text` is drawn by the chain's first font as it is: the fast road."""
    return chain_of(name).plain.issuperset(text)


@dataclass(frozen=True)
class Piece:
    """One run of a set line, in the order it stands on the paper."""

    font: str
    text: str  # a ShapedStr when shaped
    x: float  # from the line's left end, at size 1


@dataclass(frozen=True)
class SetLine:
    pieces: tuple[Piece, ...]
    width: float  # at size 1


_WORDS = re.compile(r"\s+|\S+")


def _fonts_by_char(text: str, chain: Chain) -> list[str]:
    """The font of each character: a word's is the first font with all its letters (else
    letter by letter); white space goes with the word before it where that font has it."""
    out: list[str] = []
    previous: str | None = None
    for match in _WORDS.finditer(text):
        word = match.group()
        if word.isspace() and previous is not None and glyphs_of(previous).issuperset(word):
            out.extend([previous] * len(word))
            continue
        whole = next((font for font in chain.fonts if glyphs_of(font).issuperset(word)), None)
        if whole is not None:
            out.extend([whole] * len(word))
            previous = whole
        else:
            for ch in word:
                previous = next((font for font in chain.fonts if ch in glyphs_of(font)), chain.fonts[0])
                out.append(previous)
    return out


@lru_cache(maxsize=8192)
def set_line(text: str, name: str, rtl: bool | None = None) -> SetLine:
    """`text` (one line, logical order) set with the chain `name` at size 1; `rtl`: the
    paragraph's direction, None to take it from the text (its first strong letter)."""
    chain = chain_of(name)
    if not text:
        return SetLine((), 0.0)
    paragraph_rtl = bidi.paragraph_rtl(text) if rtl is None else rtl
    char_levels = bidi.levels(text, paragraph_rtl)
    char_fonts = _fonts_by_char(text, chain)
    spans: list[tuple[int, int, str, int]] = []  # start, end, font, level
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or char_fonts[i] != char_fonts[start] or char_levels[i] != char_levels[start]:
            spans.append((start, i, char_fonts[start], char_levels[start]))
            start = i
    pieces: list[Piece] = []
    x = 0.0
    for index in bidi.visual_order([level for *_, level in spans]):
        begin, end, font, level = spans[index]
        run = text[begin:end]
        if font == chain.fonts[0] and level % 2 == 0 and chain.plain.issuperset(run):
            drawn, width = run, float(pdfmetrics.stringWidth(run, font, 1.0))
        else:
            drawn, width = _shape(run, font, level % 2 == 1)
        pieces.append(Piece(font, drawn, x))
        x += width
    return SetLine(tuple(pieces), x)


def width(text: str, name: str, size: float, rtl: bool | None = None) -> float:
    """The width of one line of `text` in the chain `name` at `size`."""
    if is_plain(text, name):
        return float(pdfmetrics.stringWidth(text, first_font(name), size))
    return set_line(text, name, rtl).width * size


@cache
def _private_codes(font: str) -> None:
    """Give every glyph of `font` that no character maps to a private-use character, in
    glyph order (so the codes never depend on what was shaped first)."""
    ttf = pdfmetrics.getFont(font)
    hb_font = ttf.hbFont(1000)  # also gives the font its hbAddPrivate
    mapped = ttf.face.glyphToChar
    unmapped = [gid for gid in range(ttf.face.numGlyphs) if gid not in mapped]
    for gid in unmapped[: 0xF800 - 0xE000 - 1]:
        ttf.hbAddPrivate(hb_font.glyph_to_string(gid), gid, ttf.pdfScale(hb_font.get_glyph_h_advance(gid)))


def _shape(run: str, font: str, rtl: bool) -> tuple[str, float]:
    """`run` shaped by HarfBuzz in `font`, in visual order: a ShapedStr and its width at size 1."""
    _private_codes(font)
    ttf = pdfmetrics.getFont(font)
    hb_font = ttf.hbFont(1000)
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(run)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(hb_font, buffer, {"kern": True, "liga": True})
    chars: list[str] = []
    data: list[ShapeData] = []
    total = 0.0
    to_char = ttf.face.glyphToChar
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions):
        gid = info.codepoint
        codes = to_char.get(gid)
        if codes:
            code = codes[0]
        else:  # a glyph past the private range (a font of many thousand glyphs)
            code = ttf.hbAddPrivate(hb_font.glyph_to_string(gid), gid, ttf.pdfScale(pos.x_advance))
        advance = ttf.pdfScale(pos.x_advance)
        chars.append(chr(code))
        data.append(
            ShapeData(
                info.cluster,
                advance,
                ttf.pdfScale(pos.y_advance),
                ttf.pdfScale(pos.x_offset),
                ttf.pdfScale(pos.y_offset),
                ttf.face.charWidths.get(code, advance),
            )
        )
        total += advance
    return ShapedStr("".join(chars), shapeData=data), total / 1000.0
