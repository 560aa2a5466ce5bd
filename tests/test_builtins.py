"""Every built-in material and layout works, in every language smartprint prints."""

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import page_texts, run, write
from smartprint.load import resources
from smartprint.resolve.layout import layout_kind


@pytest.mark.parametrize("name", resources.builtin_names("decks"))
def test_every_builtin_material_validates(runner, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "validate", name)
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("layout", [n for n in resources.builtin_names("layouts") if layout_kind(n) == "cards"])
def test_styrkekort_on_every_card_layout(runner, layout, tmp_path):
    out = tmp_path / "s.pdf"
    result = run(runner, "build", "styrkekort", "--layout", layout, "-o", str(out))
    assert result.exit_code == 0, result.output
    fronts = " ".join(page_texts(out))
    assert "Kreativitet" in fronts and "Mening" in fronts


@pytest.mark.parametrize(
    "language, words",
    [("nb", ["ark 1 av 1", "forside"]), ("nn", ["framside"]), ("en", ["sheet 1 of 1", "front", "print double-sided"])],
)
def test_printed_labels_follow_the_language(runner, tmp_path, language, words):
    write(
        tmp_path / "d.yaml", f"kind: cards\ntitle: X\nlanguage: {language}\ncards:\n  - title: A\nback:\n  title: B\n"
    )
    out = tmp_path / "d.pdf"
    assert run(runner, "build", str(tmp_path / "d.yaml"), "-o", str(out)).exit_code == 0
    first = page_texts(out)[0]
    for word in words:
        assert word in first


def test_bingo_in_english(runner, tmp_path):
    prompts = "\n".join(f"  - thing {i}" for i in range(9))
    write(
        tmp_path / "b.yaml", f"kind: bingo\ntitle: B\nlanguage: en\ngrid: 3\nsheets: 2\nseed: 5\nprompts:\n{prompts}\n"
    )
    out = tmp_path / "b.pdf"
    assert run(runner, "build", str(tmp_path / "b.yaml"), "-o", str(out)).exit_code == 0
    texts = page_texts(out)
    assert "For the leader: B" in texts[0]
    assert "Sheet 2 of 2 · code 5" in " ".join(texts[2].split())


def test_own_font_file_is_embedded(runner, tmp_path):
    """The deck's own font file travels inside the PDF (a /FontFile2 program that is that
    file's font), and no font in the PDF is left for the printer to substitute."""
    from io import BytesIO

    import reportlab
    from fontTools.ttLib import TTFont

    font = Path(reportlab.__file__).parent / "fonts" / "VeraBI.ttf"
    shutil.copy(font, tmp_path / "MinSkrift.ttf")
    own_name = TTFont(str(font))["name"].getDebugName(6)  # BitstreamVeraSans-BoldOblique
    write(tmp_path / "d.yaml", "kind: cards\ntitle: X\nfont: MinSkrift.ttf\ncards:\n  - title: Hei\n")
    out = tmp_path / "d.pdf"
    result = run(runner, "build", str(tmp_path / "d.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output

    fonts, seen = {}, set()

    def collect(resources) -> None:  # fonts of a page, and of the forms it draws, at any depth
        resources = resources.get_object() if resources is not None else {}
        for ref in resources.get("/Font", {}).values():
            f = ref.get_object()
            fonts[str(f["/BaseFont"])] = f
        for ref in resources.get("/XObject", {}).values():
            x, key = ref.get_object(), getattr(ref, "idnum", None)
            if x.get("/Subtype") == "/Form" and (key is None or key not in seen):
                seen.add(key)
                collect(x.get("/Resources"))

    for page in PdfReader(str(out)).pages:
        collect(page.get("/Resources"))
    assert fonts
    programs = {}
    for name, f in fonts.items():
        if f["/Subtype"] == "/Type3":
            continue  # glyphs drawn by the PDF itself
        descriptor_of = f["/DescendantFonts"][0].get_object() if f["/Subtype"] == "/Type0" else f
        assert "/FontDescriptor" in descriptor_of, f"{name} has no font descriptor: not embedded"
        descriptor = descriptor_of["/FontDescriptor"].get_object()
        files = [k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor]
        assert files, f"{name} is not embedded"
        for key in files:
            assert len(descriptor[key].get_object().get_data()) > 0, f"{name}: empty {key}"
        programs[name] = descriptor
    own = [d for name, d in programs.items() if name.split("+")[-1] == own_name]
    assert own, (own_name, sorted(fonts))
    for descriptor in own:
        stream = descriptor["/FontFile2"].get_object()
        data = stream.get_data()
        assert len(data) > 0 and stream["/Length1"] == len(data)
        embedded = TTFont(BytesIO(data))  # a TrueType program that is the deck's font
        assert embedded["name"].getDebugName(6) == own_name
        assert any(embedded["glyf"][g].numberOfContours for g in embedded.getGlyphOrder())


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
