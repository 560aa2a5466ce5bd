"""A teacher's first hour (issue 8): each point a new user met, as a test."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import page_texts, run, write

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = "\n".join(f"  - ting {i}" for i in range(12))


def test_readme_says_how_to_run_smartprint_after_set_up():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "source .venv/bin/activate" in readme and ".venv/bin/smartprint build styrkekort" in readme


@pytest.mark.parametrize("command", ["build", "validate", "new"])
def test_help_shows_words_not_python_types(runner, command):
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    for jargon in ("{sources}", "<list[str]>", "<int range>", "[x>=1]", "<str>", "<int>"):
        assert jargon not in result.output, result.output
    if command == "build":
        assert "smartprint new NAME" in result.output


@pytest.mark.parametrize(
    "line, says, never",
    [
        ("names: [Ada, Ali]", "true gives every square a line to write the name", None),
        ("players: 4", "known keys here", "did you mean 'leader'"),
        ("elever: [Ada, Ali]", "did you mean 'pupils'? (keys are written in English)", "did you mean 'leader'"),
    ],
)
def test_names_and_pupils_get_no_misleading_suggestion(runner, tmp_path, line, says, never):
    src = write(tmp_path / "b.yaml", f"kind: bingo\ntitle: B\ngrid: 3\n{line}\nprompts:\n{PROMPTS}\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 1 and says in result.output
    assert never is None or never not in result.output


def test_the_summary_says_what_the_pages_are(runner, tmp_path):
    src = write(tmp_path / "b.yaml", f"kind: bingo\ntitle: B\ngrid: 3\nsheets: 26\nprompts:\n{PROMPTS}\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "b.pdf"))
    assert "(27 pages: 1 leader page, 26 sheets)" in result.output


def test_the_reprint_code_survives_a_title_edit_and_is_called_a_code(runner, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    src = write(tmp_path / "b.yaml", f"kind: bingo\ntitle: Klassebingo\ngrid: 3\nsheets: 8\nprompts:\n{PROMPTS}\n")
    assert run(runner, "build", str(src), "-o", str(a)).exit_code == 0
    src.write_text(src.read_text(encoding="utf-8").replace("Klassebingo", "Bingo for 3B"), encoding="utf-8")
    assert run(runner, "build", str(src), "-o", str(b), "--only", "7").exit_code == 0
    first, again = page_texts(a)[7], page_texts(b)[0]
    code = re.search(r"Brett 7 av 8 · kode (\d{4})", " ".join(first.split()))
    assert code and f"Brett 7 av 8 · kode {code.group(1)}" in " ".join(again.split())
    assert [ln for ln in first.splitlines() if "ting" in ln] == [ln for ln in again.splitlines() if "ting" in ln]
    assert "frø" not in first


def test_the_example_does_not_copy_one_copiers_back_offset():
    layout = (ROOT / "examples" / "klassens-kort" / "min-utskrift.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^back_offset:", layout, re.M)


def test_a_phone_photo_prints_the_way_the_phone_shows_it(runner, tmp_path):
    from PIL import Image

    photo = Image.new("RGB", (400, 200), (30, 30, 200))  # blue on the right as stored
    photo.paste((200, 30, 30), (0, 0, 200, 200))  # red on the left: on top once turned (EXIF 6)
    exif = Image.Exif()
    exif[0x0112] = 6
    photo.save(tmp_path / "foto.jpg", exif=exif.tobytes())
    src = write(
        tmp_path / "d.yaml",
        "kind: cards\ntitle: F\nlayout: plakat-a4\ncards:\n  - title: Telefonbilde\n    image: foto.jpg\n",
    )
    out = tmp_path / "d.pdf"
    assert run(runner, "build", str(src), "-o", str(out)).exit_code == 0
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(out))
    page = doc[0].render(scale=30 / 72).to_pil().convert("RGB")
    doc.close()
    pixels = [(x, y, page.getpixel((x, y))) for y in range(page.height) for x in range(page.width)]
    red = [(x, y) for x, y, (r, g, b) in pixels if r > 150 and g < 90 and b < 90]
    blue = [(x, y) for x, y, (r, g, b) in pixels if b > 150 and r < 90 and g < 90]
    assert red and blue

    def centre(points):
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)

    (rx, ry), (bx, by) = centre(red), centre(blue)
    assert ry < by - 5, "red above blue: the photo stands upright"
    assert abs(rx - bx) < 3


def test_a_picture_named_with_other_capitals_gets_a_hint(runner, tmp_path):
    from PIL import Image

    Image.new("RGB", (20, 20), "blue").save(tmp_path / "Klassetur 2024.JPG")
    src = write(tmp_path / "d.yaml", "kind: cards\ntitle: X\ncards:\n  - title: A\n    image: Klassetur 2024.jpg\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1 and "Klassetur 2024.JPG" in result.output and "capital" in result.output


def test_print_shop_build_has_its_own_name_and_says_what_to_tell_the_shop(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "styrkekort.pdf").write_bytes(b"classroom")
    result = run(runner, "build", "styrkekort", "--layout", "trykkeri-63x88")
    assert result.exit_code == 0
    assert (tmp_path / "styrkekort.pdf").read_bytes() == b"classroom"
    assert (tmp_path / "styrkekort-trykkeri-63x88.pdf").exists()
    for words in ("tell the print shop", "trim size: 63 mm × 88 mm", "bleed 3 mm", "page order: front, back"):
        assert words in result.output


def test_one_run_reports_the_font_and_the_picture(runner, tmp_path):
    src = write(
        tmp_path / "d.yaml", "kind: cards\ntitle: X\nfont: borte.ttf\ncards:\n  - title: A\n    image: borte.png\n"
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1
    assert "d.yaml:3:7: font file 'borte.ttf' not found" in result.output
    assert "d.yaml:6:12: image 'borte.png' not found" in result.output


def test_readme_counts_egenskaper_pages_and_lists_picture_types(runner, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    result = run(runner, "build", "egenskaper", "-o", str(tmp_path / "e.pdf"))
    pages = int(re.search(r"\((\d+) pages", result.output).group(1))
    assert f"({pages} pages)" in readme
    assert "PNG, JPEG, GIF, WebP, BMP or TIFF" in readme


def test_the_example_folder_builds_when_copied(runner, tmp_path):
    shutil.copytree(ROOT / "examples" / "klassens-kort", tmp_path / "k")
    result = run(runner, "build", str(tmp_path / "k" / "klassens-kort.yaml"), "-o", str(tmp_path / "k.pdf"))
    assert result.exit_code == 0, result.output
