"""Join PDFs that reportlab wrote into one, object by object, without holding them all.

reportlab keeps every page of a canvas in memory until it saves. For 10,000 bingo
sheets we draw in parts of a bounded size and stream the parts into one file here:
each object is copied once with a new number, the pages get one common parent, and
only the table of offsets (a number per object) grows with the size of the job.

This reads only what reportlab itself writes (a classic cross-reference table,
uncompressed object dictionaries, streams with a direct /Length), which is why it
can be a few dozen lines and fast; it is not a general PDF merger. The result is
deterministic: the same parts give the same bytes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from smartprint.write.stopping import checkpoint

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_HEAD = re.compile(rb"xref\s+0\s+(\d+)\s+")
_REF = re.compile(rb"(\d+) 0 R")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_LENGTH = re.compile(rb"/Length (\d+)")


class JoinError(RuntimeError):
    """A part is not in the shape reportlab writes (a bug here, never a user's mistake)."""


# A literal string (reportlab escapes every parenthesis inside one, so no nesting),
# a hex string, or an indirect reference; only the last is rewritten.
_TOKENS = re.compile(rb"\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]*>|(?<![\d.])(\d+) 0 R", re.S)


# The same references, in text that holds no PDF string (most dictionaries: pages,
# fonts, forms); three times faster to look through.
_PLAIN_REF = re.compile(rb"(?<![\d.])(\d+) 0 R")
# How reportlab starts a page dictionary: its content stream comes first.
_PAGE_START = re.compile(rb"<<\n/Contents (\d+) 0 R")


def _tokens(text: bytes) -> re.Pattern[bytes]:
    """The pattern that finds the references in `text`: the plain one when `text` has no
    literal string and no hex string (no '(' and no '<' but those of '<<')."""
    if b"(" in text or b"<" in text.replace(b"<<", b""):
        return _TOKENS
    return _PLAIN_REF


def _renumber(text: bytes, new: Callable[[int], int]) -> bytes:
    """Replace every `N 0 R` outside PDF strings with `new(N) 0 R`."""

    def swap(m: re.Match[bytes]) -> bytes:
        return m.group(0) if m.group(1) is None else b"%d 0 R" % new(int(m.group(1)))

    return _tokens(text).sub(swap, text)


class _Part:
    """One reportlab PDF held as bytes, with its objects found through the xref table."""

    def __init__(self, data: bytes):
        self.data = data
        tail = _STARTXREF.search(data[-64:])
        if tail is None:
            raise JoinError("no startxref")
        at = int(tail.group(1))
        self.xref_at = at
        self._ends: dict[int, int] | None = None
        head = _XREF_HEAD.match(data, at)
        if head is None:
            raise JoinError("no classic xref table")
        count = int(head.group(1))
        rows = data[head.end() : head.end() + 20 * count].split(b"\n")
        self.offsets = {k: int(row[:10]) for k, row in enumerate(rows[:count]) if row[17:18] == b"n"}
        trailer = data[head.end() + 20 * count :]
        self.root = int(re.search(rb"/Root (\d+) 0 R", trailer).group(1))  # type: ignore[union-attr]
        self._parsed: dict[int, tuple[bytes, bytes | None, list[int]]] = {}
        self._refs_in: dict[bytes, list[int]] = {}
        info = re.search(rb"/Info (\d+) 0 R", trailer)
        self.info = int(info.group(1)) if info else None

    def body(self, number: int) -> bytes:
        """The object's text between `obj` and its own `endobj`: the last one before the
        next object starts, so a title containing "endobj" cannot cut it short."""
        start = self.data.index(b"obj", self.offsets[number]) + 3
        end = self.data.rindex(b"endobj", start, self._next_offset(number))
        return self.data[start:end].strip()

    def parsed(self, number: int) -> tuple[bytes, bytes | None, list[int]]:
        """(dictionary part, stream data or None, the objects it refers to), found once:
        the content keys and the copy both need it."""
        known = self._parsed.get(number)
        if known is None:
            head, data = _split(self.body(number))
            page = _PAGE_START.match(head)
            if page is None:
                refs = self._refs(head)
            else:  # a page: its content stream, then what every page of its shape says
                refs = [int(page.group(1)), *self._refs(head[page.end() :])]
            known = self._parsed[number] = (head, data, refs)
        return known

    def _refs(self, text: bytes) -> list[int]:
        """The objects `text` refers to (remembered: pages repeat the same text)."""
        refs = self._refs_in.get(text)
        if refs is None:
            found = _tokens(text).finditer(text) if b" R" in text else ()
            refs = self._refs_in[text] = [int(m.group(1)) for m in found if m.group(1) is not None]
        return refs

    def _next_offset(self, number: int) -> int:
        if self._ends is None:
            positions = sorted(self.offsets.values()) + [self.xref_at]
            self._ends = {offset: positions[i + 1] for i, offset in enumerate(positions[:-1])}
        return self._ends[self.offsets[number]]

    def pages_root(self) -> int:
        return int(re.search(rb"/Pages (\d+) 0 R", self.body(self.root)).group(1))  # type: ignore[union-attr]

    def kids(self) -> list[int]:
        kids = re.search(rb"/Kids \[([^\]]*)\]", self.body(self.pages_root()))
        if kids is None:
            raise JoinError("no /Kids")
        return [int(n) for n in _REF.findall(kids.group(1))]


class _Out:
    """The output file with a running digest (for the document ID) and the offset table."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.position = 0
        self.digest = hashlib.md5(usedforsecurity=False)
        self.offsets: list[int] = [0]  # index = object number; 0 is the free head

    def write(self, data: bytes) -> None:
        self.stream.write(data)
        self.digest.update(data)
        self.position += len(data)

    def reserve(self) -> int:
        self.offsets.append(-1)
        return len(self.offsets) - 1

    def object(self, number: int, body: bytes) -> None:
        self.offsets[number] = self.position
        self.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")


def _split(body: bytes) -> tuple[bytes, bytes | None]:
    """(dictionary part, stream data or None) of an object's body."""
    stream = _STREAM.search(body)
    if stream is None:
        return body, None
    head = body[: stream.start() + 2]
    length = _LENGTH.search(head)
    if length is None:
        raise JoinError("stream without a direct /Length")
    return head, body[stream.end() : stream.end() + int(length.group(1))]


class _ContentKeys:
    """A key per object that is the same for objects with the same content in any part:
    a digest of its bytes with every reference replaced by the key of what it refers to.
    Objects on a cycle (pages and their parent) or referring to a skipped object get
    None: they are never shared. (A class rather than a recursive closure, which would
    keep itself, and the part's bytes, alive until a garbage-collection pass.)"""

    def __init__(self, part: _Part, skip: set[int]):
        self.part, self.skip = part, skip
        self.keys: dict[int, bytes | None] = {}
        self.visiting: set[int] = set()

    def key(self, number: int) -> bytes | None:
        if number in self.keys:
            return self.keys[number]
        if number in self.visiting or number in self.skip or number not in self.part.offsets:
            return None
        self.visiting.add(number)
        head, data, refs = self.part.parsed(number)
        inner = [self.key(n) for n in refs]
        self.visiting.discard(number)
        if any(k is None for k in inner):
            self.keys[number] = None
            return None
        digest = hashlib.sha256(head)
        for k in inner:
            digest.update(k or b"")
        digest.update(data or b"")
        self.keys[number] = digest.digest()
        return self.keys[number]


def _content_keys(part: _Part, skip: set[int]) -> dict[int, bytes | None]:
    keys = _ContentKeys(part, skip)
    for number in part.offsets:
        keys.key(number)
    return keys.keys


def join(parts: Sequence[Path], out: BinaryIO) -> int:
    """Write the pages of `parts`, in order, as one PDF to `out`; returns the page count.
    The viewer preferences and document information come from the first part."""
    o = _Out(out)
    o.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    catalog, pages_root, info = o.reserve(), o.reserve(), o.reserve()
    kids: list[int] = []
    preferences = b""
    shared: dict[bytes, int] = {}  # content key → object already written (fonts, forms of every part)

    for index, path in enumerate(parts):
        checkpoint()
        part = _Part(Path(path).read_bytes())
        old_root, old_pages = part.root, part.pages_root()
        skip = {old_root, old_pages} | ({part.info} if part.info is not None else set())
        mapping: dict[int, int] = {old_pages: pages_root}
        if index == 0 and part.info is not None:
            mapping[part.info] = info
        keys = _content_keys(part, skip)
        again: set[int] = set()  # this part's copies of objects an earlier part wrote
        for number in sorted(part.offsets):
            if number in skip:
                continue
            k = keys.get(number)
            if k is not None and k in shared:
                mapping[number] = shared[k]
                again.add(number)
            else:
                mapping[number] = o.reserve()
                if k is not None:
                    shared[k] = mapping[number]

        def new(number: int, mapping: dict[int, int] = mapping) -> int:
            if number not in mapping:
                raise JoinError(f"reference to unknown object {number}")
            return mapping[number]

        if index == 0:
            prefs = re.search(rb"/ViewerPreferences (\d+) 0 R", part.body(old_root))
            if prefs:
                preferences = b" /ViewerPreferences %d 0 R" % new(int(prefs.group(1)))
            if part.info is not None:
                o.object(info, _renumber(part.body(part.info), new))
        kids.extend(new(k) for k in part.kids())
        renumbered: dict[bytes, bytes] = {}  # the rest of a page dictionary, as written in this part
        for number in sorted(part.offsets):
            if number in skip or number in again:
                continue
            head, data, refs = part.parsed(number)
            page = _PAGE_START.match(head)
            if page is not None:  # the rest of a page is renumbered once for all pages like it
                rest = head[page.end() :]
                if rest not in renumbered:
                    renumbered[rest] = _renumber(rest, new)
                head = b"<<\n/Contents %d 0 R" % new(int(page.group(1))) + renumbered[rest]
            elif refs:
                head = _renumber(head, new)
            if data is None:
                o.object(mapping[number], head)
            else:
                o.object(mapping[number], head + b"\nstream\n" + data + b"\nendstream")
        del part

    if o.offsets[info] < 0:
        o.object(info, b"<< >>")
    o.object(
        pages_root, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    )
    o.object(catalog, b"<< /Type /Catalog /Pages %d 0 R%s >>" % (pages_root, preferences))

    xref_at = o.position
    rows = [b"0000000000 65535 f \n"] + [b"%010d 00000 n \n" % offset for offset in o.offsets[1:]]
    ident = o.digest.hexdigest().encode()
    o.write(b"xref\n0 %d\n" % len(o.offsets) + b"".join(rows))
    o.write(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(o.offsets), catalog, info, ident, ident, xref_at)
    )
    return len(kids)
