"""Bingo PDFs: numbered sheets, reprints identical to the first print, leader's pages, errors."""

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from smartprint.units import MM

from conftest import LOCATION, page_texts, run

PROMPTS_24 = [f"ord {chr(ord('a') + i)}{i}" for i in range(24)]


def bingo(tmp_path: Path, name: str = "b.yaml", **keys) -> Path:
    import yaml

    doc = {"kind": "bingo", "title": "Testbingo", "prompts": PROMPTS_24, "grid": 5, "free": "Fri", **keys}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def fast_texts(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def test_thousand_sheets_each_numbered_and_different(runner, tmp_path):
    src = bingo(tmp_path, sheets=1000, seed=2024, leader=False)
    out = tmp_path / "b.pdf"
    result = run(runner, "build", str(src), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    texts = fast_texts(out)
    assert len(texts) == 1000
    grids = set()
    for number, text in enumerate(texts, start=1):
        flat = " ".join(text.split())
        assert f"Brett {number} av 1000 · frø 2024" in flat
        found = re.findall(r"ord [a-x]\d+", flat)
        assert sorted(found) == sorted(PROMPTS_24)  # every prompt once on every sheet
        grids.add(tuple(found))  # in drawing order, i.e. the arrangement
    assert len(grids) == 1000


def test_same_seed_is_byte_identical_and_cli_seed_overrides(runner, tmp_path):
    src = bingo(tmp_path, sheets=12, seed=5)
    a, b, c = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    for out, extra in ((a, []), (b, []), (c, ["--seed", "6"])):
        assert run(runner, "build", str(src), "-o", str(out), *extra).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    assert "frø 6" in page_texts(c)[1]


def test_only_reprints_exactly_sheet_seven(runner, tmp_path):
    src = bingo(tmp_path, sheets=40, seed=99)
    full, only = tmp_path / "full.pdf", tmp_path / "only.pdf"
    assert run(runner, "build", str(src), "-o", str(full)).exit_code == 0
    assert run(runner, "build", str(src), "-o", str(only), "--only", "7").exit_code == 0
    full_pages, only_pages = PdfReader(str(full)).pages, PdfReader(str(only)).pages
    assert len(full_pages) == 41 and len(only_pages) == 1  # the leader's page is not reprinted
    assert only_pages[0].get_contents().get_data() == full_pages[7].get_contents().get_data()
    assert "Brett 7 av 40 · frø 99" in " ".join(page_texts(only)[0].split())


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
    leader = " ".join(page_texts(out)[0].split())
    assert "Rop" in leader and "Brett som nå kan ha full rad" in leader
    from smartprint.kinds.bingo.plan import call_order

    order = call_order(24, 4)
    positions = [leader.index(PROMPTS_24[p] + " ") if PROMPTS_24[p] + " " in leader else leader.index(PROMPTS_24[p])
                 for p in order]
    assert positions == sorted(positions)  # listed in call order


def test_seven_by_seven_long_prompts_with_names_builds(runner, tmp_path):
    prompts = [f"har en gang gjort noe helt spesielt som nummer {i} på denne listen" for i in range(1, 61)]
    src = bingo(tmp_path, prompts=prompts, grid=7, names=True, sheets=3, leader=False)
    out = tmp_path / "seven.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "nummer 60" in " ".join(t for t in page_texts(out)) or "nummer 1 " in " ".join(page_texts(out))


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
    "too many called sheets": ({"grid": 3, "free": None, "prompts": PROMPTS_24[:9], "mode": "called",
                                "sheets": 20}, "b.yaml:", "make at most 10 sheets where no two share a complete line"),
    "prompt too long": ({"prompts": PROMPTS_24[:23] + ["ord " * 200]}, "b.yaml:", "prompt 24 «ord ord"),
    "grid too big": ({"grid": 9}, "b.yaml:", "'grid' input should be less than or equal to 7"),
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

    from smartprint import writer

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
    texts = fast_texts(a)
    assert "Til den som leder" in texts[0]
    numbers = [int(re.search(r"Brett (\d+) av 100", t).group(1)) for t in texts[1:]]
    assert numbers == list(range(1, 101))
    assert run(runner, "build", str(src), "-o", str(only), "--only", "77").exit_code == 0
    assert PdfReader(str(only)).pages[0].get_contents().get_data() == reader.pages[77].get_contents().get_data()
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(a)], capture_output=True, text=True)
        assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout
