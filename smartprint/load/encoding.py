"""What text encoding a file a teacher saved is in, decided the same way for a material
and a class list: editors and spreadsheets on Windows save UTF-16 (with or without a
byte-order mark) and Windows-1252; an office file renamed to .csv or .yaml is not text
at all and is named as what it is."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

# Office files by their first bytes, whatever the file is called.
_OFFICE = (
    (b"PK\x03\x04", "a spreadsheet or office file (Excel .xlsx, LibreOffice .ods, Word .docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel or Word file (.xls, .doc)"),
    (b"%PDF", "a PDF"),
)
_PUNCTUATION = "«»–—‘’‚“”„…°§€·•×"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),  # before UTF-16 LE: its mark starts the same
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


class NotText(ValueError):
    """The bytes are not a text file; the message says what they look like."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "UTF-8", "UTF-16", "Windows-1252" …: how the file was read

    @property
    def doubt(self) -> tuple[int, int] | None:
        """Read as Windows-1252 and something in it is not a letter or common punctuation:
        the (line, column) of the first such character, since the guess may be wrong there.
        Letters alone (æ, ø, å, é: a Norwegian Excel export) are read silently; for those,
        Windows-1252 is almost certainly right."""
        if self.encoding != "Windows-1252":
            return None
        for line_no, line in enumerate(self.text.splitlines(), 1):
            for col, ch in enumerate(line, 1):
                if not ch.isascii() and not unicodedata.category(ch).startswith("L") and ch not in _PUNCTUATION:
                    return line_no, col
        return None


def office_file(data: bytes) -> str | None:
    """What office format `data` starts like, in words, or None."""
    return next((what for magic, what in _OFFICE if data.startswith(magic)), None)


def _utf16_without_mark(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in UTF-16 text of Latin
    letters saved without a byte-order mark; else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        other = even if zeros is odd else odd
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return codec
    return None


def decode(data: bytes) -> Decoded:
    """Text from a file's bytes: a byte-order mark decides; else UTF-16 recognised by its
    NULs, UTF-8, and Windows-1252 last (every byte is a letter there, so it is only a
    guess, which the caller says). Raises NotText for an office file; a stray NUL is
    left for the caller, who can say where it stands."""
    what = office_file(data)
    if what is not None:
        raise NotText(f"this is {what}, not a text file")
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError:
                raise NotText(f"the file starts like {name} text but is not") from None
    codec16 = _utf16_without_mark(data)
    if codec16 is not None:
        try:
            return Decoded(data.decode(codec16), "UTF-16")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        return Decoded(data.decode("cp1252", errors="replace"), "Windows-1252")


WINDOWS_ADVICE = (
    "the file is not UTF-8 and was read as Windows text (Windows-1252), but not everything in it "
    "came out as letters; check the text here, or save the file as UTF-8 (in Excel: CSV UTF-8; in Notepad: "
    "Save as, Encoding UTF-8)"
)
"""The one warning for a doubtful Windows-1252 reading, material or class list alike."""


def readable_name(name: str) -> str:
    """A file name as letters that can be printed: one whose bytes are not UTF-8 (a folder
    unpacked from an old Windows zip) reaches Python with stand-ins for those bytes, which
    no font has; they are read as Windows-1252, the likeliest source ('kort\\udcf8' → 'kortø')."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    raw = name.encode("utf-8", "surrogateescape")
    return raw.decode("cp1252", errors="replace")
