"""Bingo PDFs: numbered sheets, reprints identical to the first print, leader's pages, errors."""

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import LOCATION, page_texts, run
from smartprint.resolve.units import MM

PROMPTS_24 = [f"ord {chr(ord('a') + i)}{i}" for i in range(24)]


def bingo(tmp_path: Path, name: str = "b.yaml", **keys) -> Path:
    import yaml

    doc = {"kind": "bingo", "title": "Testbingo", "prompts": PROMPTS_24, "grid": 5, "free": "Fri", **keys}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_thousand_sheets_each_numbered_and_different(runner, tmp_path):
    src = bingo(tmp_path, sheets=1000, seed=2024, leader=False)
    out = tmp_path / "b.pdf"
    result = run(runner, "build", str(src), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    texts = page_texts(out)
    assert len(texts) == 1000
    grids = set()
    for number, text in enumerate(texts, start=1):
        flat = " ".join(text.split())
        assert f"Brett {number} av 1000 · kode 2024" in flat
        found = re.findall(r"ord [a-x]\d+", flat)
        assert sorted(found) == sorted(PROMPTS_24)  # every prompt once on every sheet
        grids.add(tuple(found))  # in drawing order, i.e. the arrangement
    assert len(grids) == 1000


def test_thousand_sheets_from_eight_prompts_look_different_on_paper(runner, tmp_path):
    """Eight prompts on 3 × 3 with a free centre make 8! = 40,320 grids: a thousand sheets
    drawn at random would repeat about a dozen of them. Read back from the PDF, in drawing
    order, every sheet is a different grid."""
    prompts = PROMPTS_24[:8]
    src = bingo(tmp_path, prompts=prompts, grid=3, sheets=1000, seed=11, leader=False)
    out = tmp_path / "b.pdf"
    result = run(runner, "build", str(src), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    texts = page_texts(out)
    assert len(texts) == 1000
    first: dict[tuple[str, ...], int] = {}
    for number, text in enumerate(texts, start=1):
        found = tuple(re.findall(r"ord [a-h]\d", " ".join(text.split())))
        assert sorted(found) == sorted(prompts), f"sheet {number}: {found}"
        assert found not in first, f"sheets {first.get(found)} and {number} are the same grid"
        first[found] = number


def test_same_seed_is_byte_identical_and_cli_seed_overrides(runner, tmp_path):
    src = bingo(tmp_path, sheets=12, seed=5)
    a, b, c = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    for out, extra in ((a, []), (b, []), (c, ["--seed", "6"])):
        assert run(runner, "build", str(src), "-o", str(out), *extra).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    assert "kode 6" in page_texts(c)[1]


def test_only_reprints_exactly_sheet_seven(runner, tmp_path):
    src = bingo(tmp_path, sheets=40, seed=99)
    full, only = tmp_path / "full.pdf", tmp_path / "only.pdf"
    assert run(runner, "build", str(src), "-o", str(full)).exit_code == 0
    assert run(runner, "build", str(src), "-o", str(only), "--only", "7").exit_code == 0
    full_pages, only_pages = PdfReader(str(full)).pages, PdfReader(str(only)).pages
    assert len(full_pages) == 41 and len(only_pages) == 1  # the leader's page is not reprinted
    assert only_pages[0].get_contents().get_data() == full_pages[7].get_contents().get_data()
    assert "Brett 7 av 40 · kode 99" in " ".join(page_texts(only)[0].split())


def test_only_range_and_out_of_range(runner, tmp_path):
    src = bingo(tmp_path, sheets=10)
    out = tmp_path / "o.pdf"
    assert run(runner, "build", str(src), "-o", str(out), "--only", "3-5,9").exit_code == 0
    assert [re.search(r"Brett (\d+) av", t).group(1) for t in page_texts(out)] == ["3", "4", "5", "9"]
    result = run(runner, "build", str(src), "-o", str(out), "--only", "11")
    assert result.exit_code == 2 and "only 10 sheets" in result.output
    assert run(runner, "build", str(src), "--only", "x").exit_code == 2


@pytest.mark.parametrize("per_page, pages, landscape", [(1, 8, False), (2, 4, True), (4, 2, False)])
def test_sheets_per_page(runner, tmp_path, per_page, pages, landscape):
    src = bingo(tmp_path, sheets=8, per_page=per_page, leader=False)
    out = tmp_path / "p.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out))
    assert len(reader.pages) == pages
    box = reader.pages[0].mediabox
    assert (float(box.width) > float(box.height)) == landscape
    assert sorted({round(float(box.width) / MM), round(float(box.height) / MM)}) == [210, 297]
    numbers = re.findall(r"Brett (\d+) av 8", " ".join(page_texts(out)))
    assert numbers == [str(n) for n in range(1, 9)]


def test_people_leader_page_lists_every_prompt(runner, tmp_path):
    src = bingo(tmp_path, sheets=3, instructions="Spør ti kolleger.", footer="Premie på fredag!")
    out = tmp_path / "l.pdf"
    assert run(runner, "build", str(src), "-o", str(out)).exit_code == 0
    leader = page_texts(out)[0]
    assert "Til den som leder: Testbingo" in leader and "Spør ti kolleger." in leader
    for prompt in PROMPTS_24:
        assert prompt in leader
    assert "Premie på fredag!" in page_texts(out)[1]


def test_called_leader_page_has_call_order_and_winners(runner, tmp_path):
    src = bingo(tmp_path, sheets=30, mode="called", seed=4)
    out = tmp_path / "c.pdf"
    assert run(runner, "build", str(src), "-o", str(out)).exit_code == 0
    texts = page_texts(out)
    leader = " ".join(texts[0].split())
    assert "Rop" in leader and "Brett som nå kan ha full rad" in leader
    from smartprint.kinds.bingo.plan import call_order, make_sheets

    order = call_order(24, 4)
    positions = [
        leader.index(PROMPTS_24[p] + " ") if PROMPTS_24[p] + " " in leader else leader.index(PROMPTS_24[p])
        for p in order
    ]
    assert positions == sorted(positions)  # listed in call order

    # the sheets as printed: every sheet page shows its plan's prompts, row by row
    sheets = make_sheets(24, 5, True, 30, 4, "called")
    leader_pages, sheet_pages = texts[:-30], texts[-30:]
    for number, (sheet, text) in enumerate(zip(sheets, sheet_pages), start=1):
        assert f"Brett {number} av 30" in " ".join(text.split())
        assert re.findall(r"ord [a-x]\d+", text) == [PROMPTS_24[p] for p in sheet if p is not None], number
    # when each sheet gets its first full line (row, column or diagonal; the free centre counts)
    lines = [[r * 5 + c for c in range(5)] for r in range(5)] + [[r * 5 + c for r in range(5)] for c in range(5)]
    lines += [[i * 6 for i in range(5)], [i * 4 + 4 for i in range(5)]]
    expected: list[list[int]] = [[] for _ in order]
    for number, sheet in enumerate(sheets, start=1):
        called: set[int] = set()
        for call, prompt in enumerate(order):
            called.add(prompt)
            if any(all(sheet[cell] is None or sheet[cell] in called for cell in line) for line in lines):
                expected[call].append(number)
                break
    assert sorted(n for winners in expected for n in winners) == list(range(1, 31))
    # each call's row on the leader's page lists exactly those sheets
    rows = {}
    for line in "\n".join(leader_pages).splitlines():
        found = re.fullmatch(r"(\d+)\. (ord [a-x]\d+)((?: \d+,)* \d+)?", line.strip())
        if found:
            rows[int(found[1]) - 1] = (found[2], [int(n) for n in re.findall(r"\d+", found[3] or "")])
    assert sorted(rows) == list(range(24)), rows
    for call, prompt in enumerate(order):
        assert rows[call] == (PROMPTS_24[prompt], expected[call]), (call + 1, rows[call], expected[call])


def test_seven_by_seven_long_prompts_with_names_builds(runner, tmp_path):
    """Long prompts on a 7 × 7 sheet with name lines: each sheet has 49 squares, every square
    prints its whole prompt (hyphenated at most) inside the square and at least 3 mm above
    its name line, and no prompt letter is smaller than the layout's minimum text size."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    import yaml
    from pypdf.generic import ContentStream

    from smartprint.kinds.bingo.plan import make_sheets

    prompts = [f"har en gang gjort noe helt spesielt som nummer {i} på denne listen" for i in range(1, 61)]
    src = bingo(tmp_path, prompts=prompts, grid=7, names=True, sheets=3, seed=11, leader=False)
    out = tmp_path / "seven.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    layout = yaml.safe_load((Path(__file__).parent.parent / "layouts" / "bingo-a4.yaml").read_text(encoding="utf-8"))
    min_size = float(str(layout["min_text_size"]).removesuffix("pt"))  # 7
    sheets = make_sheets(len(prompts), 7, True, 3, 11, "people")

    def times(m, n):  # PDF matrices [a b c d e f]: m, then n
        return [
            m[0] * n[0] + m[1] * n[2],
            m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2],
            m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4],
            m[4] * n[1] + m[5] * n[3] + n[5],
        ]

    def squares_on(page, reader):
        """(left, bottom, side, name-line height or None) of every square, read from what the
        page draws: the grid's outline (a square `re` in the sheet's form) and the short
        name lines in its squares."""
        found, ctm, stack = [], [1, 0, 0, 1, 0, 0], []
        forms = page["/Resources"]["/XObject"]
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"q":
                stack.append(ctm)
            elif op == b"Q":
                ctm = stack.pop()
            elif op == b"cm":
                ctm = times([float(v) for v in operands], ctm)
            elif op == b"Do":
                form = forms[operands[0]].get_object()
                ops = ContentStream(form, reader).operations
                outline = [
                    [float(v) for v in o]
                    for o, name in ops
                    if name == b"re" and abs(float(o[2]) - float(o[3])) < 0.01 and float(o[2]) > 100
                ]
                assert len(outline) == 1 and ctm[1] == ctm[2] == 0 and ctm[0] == ctm[3] > 0
                gx, gy, gw, _ = outline[0]
                side = gw / 7
                moves = [(float(o[0]), float(o[1])) for o, name in ops if name == b"m"]
                ends = [(float(o[0]), float(o[1])) for o, name in ops if name == b"l"]
                name_lines = [
                    (m, e)
                    for m, e in zip(moves, ends)
                    if abs(m[1] - e[1]) < 0.01 and abs((e[0] - m[0]) - 0.8 * side) < 0.5
                ]
                for row in range(7):
                    for col in range(7):
                        x, y = gx + col * side, gy + (6 - row) * side
                        mine = [m[1] for m, e in name_lines if x < m[0] < x + side and y < m[1] < y + side]
                        found.append(
                            (
                                ctm[0] * x + ctm[4],
                                ctm[3] * y + ctm[5],
                                ctm[0] * side,
                                ctm[3] * mine[0] + ctm[5] if mine else None,
                            )
                        )
        return found

    reader = PdfReader(str(out))
    assert len(reader.pages) == 3
    doc = pdfium.PdfDocument(str(out))
    try:
        for number, (page, sheet) in enumerate(zip(reader.pages, sheets), start=1):
            squares = squares_on(page, reader)
            assert len(squares) == 49, (number, len(squares))
            side = squares[0][2]
            left, bottom = min(s[0] for s in squares), min(s[1] for s in squares)
            cells = {}
            for x, y, s, name_line in squares:  # a 7 × 7 grid of equal squares, each drawn once
                assert s == pytest.approx(side)
                col, row = round((x - left) / side), 6 - round((y - bottom) / side)
                assert (x, y) == pytest.approx((left + col * side, bottom + (6 - row) * side), abs=0.01)
                cells[row * 7 + col] = (x, y, name_line)
            assert sorted(cells) == list(range(49))

            textpage = doc[number - 1].get_textpage()
            placed = {cell: [] for cell in cells}  # cell → its characters, in drawing order
            for i in range(textpage.count_chars()):
                ch = chr(pdfium_c.FPDFText_GetUnicode(textpage, i))
                if pdfium_c.FPDFText_IsGenerated(textpage, i) or ch.isspace():
                    continue
                c_left, c_bottom, c_right, c_top = textpage.get_charbox(i)
                cx, cy = (c_left + c_right) / 2, (c_bottom + c_top) / 2
                if not (left < cx < left + 7 * side and bottom < cy < bottom + 7 * side):
                    continue  # title, name label, sheet number
                cell = (6 - int((cy - bottom) // side)) * 7 + int((cx - left) // side)
                x, y, name_line = cells[cell]
                box = (c_left, c_bottom, c_right, c_top)
                assert x <= c_left and c_right <= x + side and y <= c_bottom and c_top <= y + side, (number, cell, box)
                if name_line is not None:  # clear of the line to write a name on, with room to write
                    assert c_bottom - name_line >= 3 * MM, (number, cell, ch, box, name_line)
                matrix = pdfium_c.FS_MATRIX()
                assert pdfium_c.FPDFText_GetMatrix(textpage, i, ctypes.byref(matrix))
                scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5  # of the glyphs, as printed
                size = pdfium_c.FPDFText_GetFontSize(textpage, i) * scale
                assert size >= min_size - 1e-3, (number, cell, ch, size)
                placed[cell].append(i)
            for cell, (x, y, name_line) in cells.items():
                prompt = "Fri" if sheet[cell] is None else prompts[sheet[cell]]
                assert (name_line is None) == (sheet[cell] is None)  # a name line in every prompt square
                assert placed[cell], (number, cell)
                text = textpage.get_text_bounded(x, y, x + side, y + side)
                words = " ".join(text.split())
                assert re.sub(r"(?<=\w)- (?=\w)", "", words) == prompt, (number, cell, text)
    finally:
        doc.close()


def test_builtin_bingos_build(runner, tmp_path):
    for name, sheets in (("paaskebingo", 40), ("bli-kjent-bingo", 30)):
        out = tmp_path / f"{name}.pdf"
        result = run(runner, "build", name, "-o", str(out))
        assert result.exit_code == 0, result.output
        texts = page_texts(out)
        assert len(texts) == sheets + 1
        assert f"Brett {sheets} av {sheets}" in texts[-1]


def test_paaskebingo_sheets_flag(runner, tmp_path):
    out = tmp_path / "p.pdf"
    result = run(runner, "build", "paaskebingo", "--sheets", "7", "-o", str(out))
    assert result.exit_code == 0
    assert len(PdfReader(str(out)).pages) == 8


ERRORS = {
    "free on even grid": ({"grid": 4}, "b.yaml:", "needs an odd grid"),
    "duplicate prompt": ({"prompts": PROMPTS_24 + ["Ord A0"]}, "b.yaml:", "prompt 25 is the same as prompt 1"),
    "too few prompts": ({"prompts": PROMPTS_24[:20]}, "b.yaml:", "needs at least 24; add 4 more"),
    "too many called sheets": (
        {"grid": 3, "free": None, "prompts": PROMPTS_24[:9], "mode": "called", "sheets": 20},
        "b.yaml:",
        "make at most 10 sheets where no two share a complete line",
    ),
    "prompt too long": ({"prompts": PROMPTS_24[:23] + ["ord " * 200]}, "b.yaml:", "prompt 24 «ord ord"),
    "grid too big": ({"grid": 9}, "b.yaml:", "'grid' must be between 3 and 7, not 9"),
    "mode typo": ({"mode": "caled"}, "b.yaml:", "did you mean 'called'"),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_bingo_mistakes(runner, tmp_path, case):
    keys, where, what = ERRORS[case]
    keys = {k: v for k, v in keys.items()}
    free = keys.pop("free", "Fri")
    src = bingo(tmp_path, **keys, free=free) if free else bingo(tmp_path, **keys)
    if free is None:
        import yaml

        doc = yaml.safe_load(src.read_text(encoding="utf-8"))
        doc.pop("free")
        src.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "b.pdf"
    out.write_bytes(b"old")
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 1, result.output
    first = result.output.strip().splitlines()[0]
    assert LOCATION.match(first) and where in first and what in first, first
    assert out.read_bytes() == b"old"


def test_too_many_sheets_from_command_line_names_the_flag(runner, tmp_path):
    src = bingo(tmp_path, grid=3, prompts=PROMPTS_24[:9], mode="called")
    import yaml

    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    doc.pop("free")
    src.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = run(runner, "build", str(src), "--sheets", "20", "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert "--sheets 20: 9 prompts on a 3 × 3 sheet make at most 10" in result.output
    assert "20 sheets need at least" in result.output


def test_large_runs_are_drawn_in_parts_and_joined(runner, tmp_path, monkeypatch):
    """Past PAGES_PER_PART pages the sheets are drawn in parts and streamed into one
    file; the joined file must be a sound PDF with every page in order."""
    import shutil
    import subprocess

    from smartprint.write import writer

    monkeypatch.setattr(writer, "PAGES_PER_PART", 40)
    src = bingo(tmp_path, sheets=100, seed=3, title="Bingo (5 0 R) «del»")
    a, b, only = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "only.pdf"
    assert run(runner, "build", str(src), "-o", str(a)).exit_code == 0
    assert run(runner, "build", str(src), "-o", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    reader = PdfReader(str(a))
    assert len(reader.pages) == 101
    assert reader.metadata.title == "Bingo (5 0 R) «del»"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"
    texts = page_texts(a)
    assert "Til den som leder" in texts[0]
    numbers = [int(re.search(r"Brett (\d+) av 100", t).group(1)) for t in texts[1:]]
    assert numbers == list(range(1, 101))
    assert run(runner, "build", str(src), "-o", str(only), "--only", "77").exit_code == 0
    assert PdfReader(str(only)).pages[0].get_contents().get_data() == reader.pages[77].get_contents().get_data()
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(a)], capture_output=True, text=True)
        assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout
