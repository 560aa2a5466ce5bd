"""The structure promises: a kind is its own folder plus one line of registration;
layouts and options belong to kinds; what is printed is checked against the font."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import page_texts, run, write
from smartprint import kinds


@pytest.fixture
def hello(monkeypatch):
    monkeypatch.setitem(kinds.KINDS, "hello", "hello_kind")  # the one line of registration


def test_a_new_kind_builds_through_the_whole_pipeline(runner, tmp_path, hello):
    write(tmp_path / "ramme.yaml", "kind: hello\npaper: A5\nmargin: 15mm\nborder: 8mm\n")
    src = write(tmp_path / "hei.yaml", "kind: hello\ntitle: Hei\nlayout: ramme.yaml\ngreeting: Hei på deg!\n")
    out = tmp_path / "hei.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert page_texts(out) == ["Hei på deg!"] or "Hei på deg!" in page_texts(out)[0]
    from pypdf import PdfReader

    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (148, 210)


def test_a_new_kind_checks_its_own_layout_keys(runner, tmp_path, hello):
    write(tmp_path / "ramme.yaml", "kind: hello\nborder: 8mm\ncard: {width: 63mm, height: 88mm}\n")
    src = write(tmp_path / "hei.yaml", "kind: hello\ntitle: Hei\nlayout: ramme.yaml\ngreeting: Hei\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "hei.pdf"))
    assert result.exit_code == 1
    assert re.search(r"ramme\.yaml:3:1: unknown key 'card'", result.output), result.output


def test_a_new_kind_refuses_a_layout_of_another_kind_and_options_it_does_not_take(runner, tmp_path, hello):
    src = write(tmp_path / "hei.yaml", "kind: hello\ntitle: Hei\ngreeting: Hei\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "hei.pdf"))
    assert result.exit_code == 2
    assert "'kort-63x88' is a layout for card decks (kind: cards), not for hello pages" in result.output
    result = run(runner, "build", str(src), "--seed", "3", "-o", str(tmp_path / "hei.pdf"))
    assert result.exit_code == 2 and "--seed" in result.output and "not for hello pages" in result.output


INSTALLED = re.compile(r"(site-packages|_data|/layouts/|/decks/)")


@pytest.mark.parametrize(
    "args, says",
    [
        (["paaskebingo", "--backs", "fold"], "--backs (how card backs are printed) is not for bingo sheets"),
        (["paaskebingo", "--backs", "duplex-short"], "is not for bingo sheets"),
        (["paaskebingo", "--layout", "trykkeri-63x88"], "'trykkeri-63x88' is a layout for card decks"),
        (["styrkekort", "--layout", "bingo-a4"], "'bingo-a4' is a layout for bingo sheets"),
        (
            ["styrkekort", "--layout", "trykkeri-63x88", "--backs", "fold"],
            "--backs fold does not go with the layout 'trykkeri-63x88'",
        ),
        (["styrkekort", "--sheets", "4"], "--sheets (how many numbered sheets or boards) is not for card decks"),
    ],
)
def test_combinations_that_cannot_work_are_refused_naming_the_flag(runner, tmp_path, args, says):
    out = tmp_path / "x.pdf"
    result = run(runner, "build", *args, "-o", str(out))
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert not INSTALLED.search(result.output), result.output
    assert not out.exists()


def test_backs_fold_on_the_command_line_finds_an_arrangement_that_fits(runner, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "f.pdf"
    result = run(runner, "build", "styrkekort", "--backs", "fold", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = PdfReader(str(out)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape holds 4 pairs, portrait 3
    assert "25 cards on 7 sheets" in result.output


def test_list_says_which_kind_each_layout_serves(runner):
    result = run(runner, "list")
    assert re.search(r"bingo-a4\s+bingo\s", result.output)
    assert re.search(r"kort-63x88-brett\s+cards\s", result.output)  # inherited through extends


def _ascii_font(tmp_path: Path) -> Path:
    """Vera cut down to printable ASCII: a font that lacks 'å'."""
    import reportlab
    from fontTools import subset
    from fontTools.ttLib import TTFont

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    font = TTFont(str(vera))
    sub = subset.Subsetter(subset.Options(notdef_outline=True, name_IDs=["*"], glyph_names=True))
    sub.populate(unicodes=range(0x20, 0x7F))
    sub.subset(font)
    path = tmp_path / "ascii.ttf"
    font.save(str(path))
    return path


def _embedded_fonts(pdf: Path) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_a_font_lacking_a_letter_of_smartprints_own_words_hands_the_word_to_the_chain(runner, tmp_path):
    """ASCII Vera has no 'å' of the footer's 'på': that word is drawn in the next font of
    the chain (the built-in DejaVu Sans), the rest in the file the material named, under
    its own name, whatever font of that name an earlier build in the process registered
    (here: the whole Vera, from another folder)."""
    import reportlab

    from smartprint.resolve.fonts import load_fonts

    (tmp_path / "other").mkdir()
    vera = tmp_path / "other" / "Vera.ttf"
    shutil.copyfile(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", vera)
    load_fonts(vera)  # "BitstreamVeraSans-Roman" is taken in this process before the build
    _ascii_font(tmp_path)
    src = write(
        tmp_path / "d.yaml",
        """
        kind: cards
        title: Plain deck
        font: ascii.ttf
        cards:
          - title: One
            text: All plain letters here.
        back:
          title: Back
    """,
    )
    out = tmp_path / "d.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    embedded = _embedded_fonts(out)
    assert {"DejaVuSans", "BitstreamVeraSans-Roman"} <= embedded, embedded


def test_two_files_of_one_postscript_name_in_a_material_are_two_fonts_in_its_pdf(runner, tmp_path):
    """`font:` ASCII Vera and `fonts:` the whole Vera both call themselves
    BitstreamVeraSans-Roman: the second is named apart, so no viewer takes one for the other."""
    import reportlab

    _ascii_font(tmp_path)
    shutil.copyfile(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", tmp_path / "Vera.ttf")
    src = write(
        tmp_path / "d.yaml",
        """
        kind: cards
        title: Plain deck
        font: ascii.ttf
        fonts: [Vera.ttf]
        cards:
          - title: One
            text: Plain, and Håp.
    """,
    )
    out = tmp_path / "d.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    vera = {name for name in _embedded_fonts(out) if name.startswith("BitstreamVeraSans-Roman")}
    assert len(vera) == 2 and "BitstreamVeraSans-Roman" in vera, vera


def test_the_bundled_fonts_postscript_names_are_the_ones_a_materials_file_may_not_take():
    from fontTools.ttLib import TTFont

    from smartprint.resolve import fonts

    files = sorted((Path(fonts.__file__).parent.parent / "fontdata").glob("*.ttf"))
    assert {TTFont(str(f), lazy=True)["name"].getDebugName(6) for f in files} == fonts.BUNDLED_FACES


def test_a_users_letter_no_font_of_the_chain_has_is_named_at_its_field_with_its_script(runner, tmp_path):
    _ascii_font(tmp_path)
    src = write(
        tmp_path / "d.yaml",
        """
        kind: bingo
        title: Plain
        language: en
        font: ascii.ttf
        grid: 3
        prompts: [a, b, c, d, e, f, g, h, ሰላም]
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 1
    assert re.search(
        r"d\.yaml:6:\d+: the fonts ascii\.ttf, DejaVu Sans and Noto Sans Arabic have no 'ሰ' .*Ethiopic", result.output
    ), result.output


def test_a_label_no_font_has_is_blamed_on_the_font_choice(tmp_path):
    from smartprint.load.source import load_file
    from smartprint.resolve.fontfiles import FontChoice
    from smartprint.text.glyphs import GlyphLedger, GlyphReport
    from smartprint.text.origin import Label

    src_path = write(tmp_path / "d.yaml", "kind: bingo\nfont: x.ttf\n")
    src = load_file(src_path)
    ledger = GlyphLedger(lambda text, font: [ch for ch in text if ch == "ø"])
    assert not ledger.check("frø", "any", Label("sheet number", "nb"))
    report = GlyphReport(src, "x.ttf", FontChoice(tmp_path / "x.ttf", None, src, ("font",)))
    (problem,) = report.problems(ledger)
    assert "smartprint's sheet number (language nb)" in str(problem) and ":2:" in str(problem)


def test_a_trimmed_copy_of_a_loaded_font_is_its_own_font(tmp_path):
    """reportlab shares one font object between files with the same internal name;
    a trimmed Vera loaded after Vera must still be the trimmed one (its 'å' drawn by
    the next font of its chain)."""
    from smartprint.resolve.fonts import load_fonts
    from smartprint.text.shape import first_font, glyphs_of, set_line

    vera = load_fonts()
    trimmed = load_fonts(_ascii_font(tmp_path))
    assert "å" in glyphs_of(first_font(vera.regular))
    assert "å" not in glyphs_of(first_font(trimmed.regular))
    pieces = set_line("på", trimmed.regular).pieces
    assert [piece.font for piece in pieces] == [first_font(vera.regular)]


def test_a_broken_font_named_in_a_layout_is_blamed_on_the_layout(runner, tmp_path):
    (tmp_path / "lay").mkdir()
    (tmp_path / "lay" / "brukket.ttf").write_bytes(b"not a font at all" * 20)
    write(tmp_path / "lay" / "min.yaml", "extends: kort-63x88\nfont: brukket.ttf\n")
    src = write(tmp_path / "d.yaml", "kind: cards\ntitle: X\nlayout: lay/min.yaml\ncards:\n  - title: A\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1
    assert re.search(r"lay/min\.yaml:2:7: cannot use the font file brukket\.ttf", result.output), result.output
