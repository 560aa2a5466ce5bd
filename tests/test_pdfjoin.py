"""Joining parts (smartprint/write/pdfjoin.py): a long document is drawn as several
reportlab PDFs and streamed into one. Every part carries the same fonts and forms; the
join writes each shared object once, so the file does not grow with the number of
parts, and the pages, their text and their order are those of a document drawn whole.

The objects are counted in the file itself (every object pypdf finds through the
cross-reference table), not through the pages, so a copy no page uses counts too."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, StreamObject

from conftest import page_texts, run
from smartprint.write import writer
from smartprint.write.pdfjoin import join


@dataclass(frozen=True)
class Census:
    objects: int  # every object in the file
    fonts: int  # /Type /Font dictionaries
    font_files: int  # embedded TrueType programs (FontFile2 streams)
    forms: int  # form XObjects
    size: int  # bytes


def census(pdf: Path | bytes) -> Census:
    data = pdf if isinstance(pdf, bytes) else pdf.read_bytes()
    reader = PdfReader(io.BytesIO(data), strict=True)
    objects = fonts = forms = 0
    font_files: set[int] = set()
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(number)
        if obj is None:
            continue
        objects += 1
        if not isinstance(obj, DictionaryObject):
            continue
        if obj.get("/Type") == "/Font":
            fonts += 1
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Form":
            forms += 1
        if "/FontFile2" in obj:
            font_files.add(obj.raw_get("/FontFile2").idnum)
    # every object is written once: a copy written again under the same number would hide
    # from the cross-reference table (it keeps the last) but not from the file's size
    written = re.findall(rb"(?m)^(\d+) 0 obj\r?\n", data)
    assert len(written) == len(set(written)) == objects, (len(written), len(set(written)), objects)
    return Census(objects, fonts, len(font_files), forms, len(data))


def qpdf_check(pdf: Path) -> None:
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout


# --- a whole build, drawn in more and more parts ----------------------------------------


SHEETS = 60  # and the leader's page: 61 pages


PARTS = {1: 10_000, 3: 25, 7: 10, 16: 4, 31: 2}  # parts → pages per part (61 pages)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[int, Path]:
    """The same bingo run drawn whole (one part) and in 3, 7, 16 and 31 parts; the part
    files the join receives are counted on the way."""
    from typer.testing import CliRunner

    from smartprint.write import pdfjoin

    tmp = tmp_path_factory.mktemp("joined")
    received: list[int] = []
    real = pdfjoin.join

    def counting(parts, out):
        received.append(len(parts))
        return real(parts, out)

    out: dict[int, Path] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pdfjoin, "join", counting)
        for parts, per_part in PARTS.items():
            mp.setattr(writer, "PAGES_PER_PART", per_part)
            received.clear()
            out[parts] = tmp / f"bingo-{parts}.pdf"
            result = run(CliRunner(), "build", "paaskebingo", "--sheets", str(SHEETS), "-o", str(out[parts]), "-q")
            assert result.exit_code == 0, result.output
            assert received == ([] if parts == 1 else [parts]), (parts, received)
    return out


def test_fonts_and_forms_do_not_grow_with_the_number_of_parts(builds):
    counts = {parts: census(path) for parts, path in builds.items()}
    whole = counts[1]
    assert whole.fonts >= 2 and whole.font_files >= 2 and whole.forms >= 1, whole
    sizes = {p: c.size for p, c in counts.items()}
    assert max(sizes[p] for p in PARTS if p > 1) <= 1.01 * sizes[3], sizes  # only object numbers differ
    joined = {dataclasses.replace(counts[p], size=0) for p in PARTS if p > 1}
    # 3 parts or 31: the same objects. The first part (with the leader's page, whose
    # letters change the font subsets) and the last, shorter one may keep their own
    # copies: at most three of each, however many parts there are.
    assert len(joined) == 1, counts
    (same,) = joined
    assert same.fonts <= 3 * whole.fonts and same.font_files <= 3 * whole.font_files, counts
    assert same.forms <= 3 * whole.forms, counts
    # nothing else is copied per part either: the same pages and contents, a few extra copies
    assert same.objects - whole.objects <= 20, counts


def test_joined_pages_are_the_pages_drawn_whole(builds):
    whole = PdfReader(str(builds[1]))
    whole_texts = page_texts(builds[1])
    assert len(whole.pages) == SHEETS + 1
    numbers = [int(m.group(1)) for t in whole_texts[1:] for m in [re.search(r"Brett (\d+) av 60", t)] if m]
    assert numbers == list(range(1, SHEETS + 1))
    for parts in (3, 31):
        joined = PdfReader(str(builds[parts]))
        assert len(joined.pages) == SHEETS + 1
        assert joined.trailer["/Root"]["/Pages"]["/Count"] == SHEETS + 1
        assert joined.metadata.title == whole.metadata.title
        assert page_texts(builds[parts]) == whole_texts
        for k, (a, b) in enumerate(zip(whole.pages, joined.pages)):
            assert a.get_contents().get_data() == b.get_contents().get_data(), f"{parts} parts, page {k + 1}"
            assert sorted(a["/Resources"].get("/Font", {})) == sorted(b["/Resources"].get("/Font", {}))
        qpdf_check(builds[parts])


# --- the join itself, on parts made here ------------------------------------------------


VERA = Path(__import__("reportlab").__file__).parent / "fonts" / "Vera.ttf"


def _part(path: Path, first: int, pages: int, frame_text: str = "ramme") -> Path:
    """A reportlab PDF as the writer makes them: the same setup in every part (a form,
    a TrueType subset primed with every letter the pages use), then its pages."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if "JoinTestVera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("JoinTestVera", str(VERA)))
    c = Canvas(str(path), pagesize=(300, 200), invariant=1, pageCompression=1)
    pdfmetrics.getFont("JoinTestVera").splitString("Side 0123456789ramevRAMEV", c._doc)
    c.beginForm("frame")
    c.setFont("JoinTestVera", 9)
    c.drawString(10, 180, frame_text)
    c.rect(5, 5, 290, 190)
    c.endForm()
    for number in range(first, first + pages):
        c.doForm("frame")
        c.setFont("JoinTestVera", 20)
        c.drawString(40, 100, f"Side {number}")
        c.showPage()
    c.save()
    return path


def _join(paths: list[Path]) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    count = join(paths, buffer)
    return buffer.getvalue(), count


def test_parts_with_the_same_setup_share_every_font_and_form(tmp_path):
    one = census(_part(tmp_path / "one.pdf", 1, 4))
    assert one.fonts == 2 and one.font_files == 1 and one.forms == 1, one  # Vera's subset and Helvetica
    for parts in (2, 5, 12):
        paths = [_part(tmp_path / f"p{parts}-{k}.pdf", 1 + 4 * k, 4) for k in range(parts)]
        data, count = _join(paths)
        assert count == 4 * parts
        joined = census(data)
        assert (joined.fonts, joined.font_files, joined.forms) == (2, 1, 1), (parts, joined)
        assert joined.size < one.size * (1 + parts) / 2, (parts, joined, one)  # the font program once
        reader = PdfReader(io.BytesIO(data), strict=True)
        assert len(reader.pages) == 4 * parts
        texts = [" ".join(p.extract_text().split()) for p in reader.pages]
        assert texts == [f"ramme Side {n}" for n in range(1, 4 * parts + 1)], texts
        # the pages share the one copy, and each part's objects appear once: 4 pages, 4 contents
        assert joined.objects == one.objects + 8 * (parts - 1), (parts, joined, one)
        assert _join(paths)[0] == data  # the same parts give the same bytes


def test_objects_that_differ_are_not_shared(tmp_path):
    """Two parts whose form says different things: both forms stay, each page keeps its own."""
    a = _part(tmp_path / "a.pdf", 1, 2, frame_text="ramme")
    b = _part(tmp_path / "b.pdf", 3, 2, frame_text="RAMME")
    c = _part(tmp_path / "c.pdf", 5, 2, frame_text="ramme")
    data, count = _join([a, b, c])
    assert count == 6
    joined = census(data)
    assert joined.forms == 2 and joined.fonts == 2 and joined.font_files == 1, joined
    reader = PdfReader(io.BytesIO(data), strict=True)
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert texts == ["ramme Side 1", "ramme Side 2", "RAMME Side 3", "RAMME Side 4", "ramme Side 5", "ramme Side 6"]
    out = tmp_path / "joined.pdf"
    out.write_bytes(data)
    qpdf_check(out)
