"""Every built-in material and layout works, in every language smartprint prints."""

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from smartprint import resources

from conftest import page_texts, run, write


@pytest.mark.parametrize("name", resources.builtin_names("decks"))
def test_every_builtin_material_validates(runner, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "validate", name)
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("layout", [n for n in resources.builtin_names("layouts") if not n.startswith("bingo")])
def test_styrkekort_on_every_card_layout(runner, layout, tmp_path):
    out = tmp_path / "s.pdf"
    result = run(runner, "build", "styrkekort", "--layout", layout, "-o", str(out))
    assert result.exit_code == 0, result.output
    fronts = " ".join(page_texts(out))
    assert "Kreativitet" in fronts and "Mening" in fronts


@pytest.mark.parametrize("language, words", [("nb", ["ark 1 av 1", "forside"]), ("nn", ["framside"]),
                                             ("en", ["sheet 1 of 1", "front", "print double-sided"])])
def test_printed_labels_follow_the_language(runner, tmp_path, language, words):
    write(tmp_path / "d.yaml", f"kind: cards\ntitle: X\nlanguage: {language}\ncards:\n  - title: A\n"
                               "back:\n  title: B\n")
    out = tmp_path / "d.pdf"
    assert run(runner, "build", str(tmp_path / "d.yaml"), "-o", str(out)).exit_code == 0
    first = page_texts(out)[0]
    for word in words:
        assert word in first


def test_bingo_in_english(runner, tmp_path):
    prompts = "\n".join(f"  - thing {i}" for i in range(9))
    write(tmp_path / "b.yaml", f"kind: bingo\ntitle: B\nlanguage: en\ngrid: 3\nsheets: 2\nseed: 5\nprompts:\n{prompts}\n")
    out = tmp_path / "b.pdf"
    assert run(runner, "build", str(tmp_path / "b.yaml"), "-o", str(out)).exit_code == 0
    texts = page_texts(out)
    assert "For the leader: B" in texts[0]
    assert "Board 2 of 2 · seed 5" in " ".join(texts[2].split())


def test_own_font_file_is_embedded(runner, tmp_path):
    import reportlab

    font = Path(reportlab.__file__).parent / "fonts" / "VeraBI.ttf"
    shutil.copy(font, tmp_path / "MinSkrift.ttf")
    write(tmp_path / "d.yaml", "kind: cards\ntitle: X\nfont: MinSkrift.ttf\ncards:\n  - title: Hei\n")
    out = tmp_path / "d.pdf"
    result = run(runner, "build", str(tmp_path / "d.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    names = set()
    for page in PdfReader(str(out)).pages:
        for f in page["/Resources"]["/Font"].values():
            names.add(str(f.get_object()["/BaseFont"]))
    assert any("BoldOblique" in n or "BI" in n for n in names), names


def test_missing_font_file_is_a_located_error(runner, tmp_path):
    write(tmp_path / "d.yaml", "kind: cards\ntitle: X\nfont: borte.ttf\ncards:\n  - title: Hei\n")
    result = run(runner, "build", str(tmp_path / "d.yaml"), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1
    assert "d.yaml:3:7: font file 'borte.ttf' not found" in result.output


def test_a_million_sheets_is_refused(runner, tmp_path):
    result = run(runner, "build", "paaskebingo", "--sheets", "1000000", "-o", str(tmp_path / "p.pdf"))
    assert result.exit_code == 2
    assert "at most 20000 sheets" in result.output
    write(tmp_path / "b.yaml", "kind: bingo\ntitle: B\nsheets: 1000000\nprompts: [a, b, c, d, e, f, g, h, i]\n")
    result = run(runner, "build", str(tmp_path / "b.yaml"), "-o", str(tmp_path / "p.pdf"))
    assert result.exit_code == 1 and "b.yaml:3:9:" in result.output
