"""Letters home in the family's script: the font chain, shaping and direction, on paper.

Arabic is checked in pixels, never in extracted text (a PDF reader gives shaped Arabic
back in visual order, whatever was drawn): the letters of a word that join are one
connected shape of ink, and in a right-to-left line the Arabic word stands to the right
of the pupil's Latin name, the line ending at the right edge of the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import render, run, write

FONTS = Path(__file__).parent / "fonts"


def _ink_boxes(image, top: int, bottom: int) -> list[tuple[int, int, int, int]]:
    """The connected shapes of ink between two rows, as (left, top, right, bottom), left to right."""
    width = image.width
    pixels = image.load()
    ink = {(x, y) for y in range(top, bottom) for x in range(width) if pixels[x, y] < 140}
    boxes = []
    while ink:
        stack = [ink.pop()]
        xs, ys = [], []
        while stack:
            x, y = stack.pop()
            xs.append(x)
            ys.append(y)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    if (x + dx, y + dy) in ink:
                        ink.remove((x + dx, y + dy))
                        stack.append((x + dx, y + dy))
        if len(xs) > 3:  # not a speck of anti-aliasing
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return sorted(boxes)


def _bands(image) -> list[tuple[int, int]]:
    """The row ranges that have ink, top to bottom."""
    pixels = image.load()
    rows = [any(pixels[x, y] < 140 for x in range(image.width)) for y in range(image.height)]
    bands, start = [], None
    for y, inked in enumerate([*rows, False]):
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            bands.append((start, y))
            start = None
    return bands


@pytest.fixture(scope="module")
def arabic_letter(tmp_path_factory):
    """A sheet in Arabic with the pupil's Latin name in its title, built once."""
    folder = tmp_path_factory.mktemp("arabic")
    (folder / "klasse.txt").write_text("Ida\n")
    src = write(
        folder / "brev.yaml",
        """
        kind: sheet
        title: سلم {navn}
        blocks:
          - field: الاسم
    """,
    )
    pdf = folder / "brev.pdf"
    from typer.testing import CliRunner

    result = run(CliRunner(), "build", str(src), "--pupils", str(folder / "klasse.txt"), "-o", str(pdf))
    assert result.exit_code == 0, result.output
    return render(pdf, 0, dpi=100)


def test_an_arabic_word_is_joined_and_stands_right_of_the_latin_name(arabic_letter):
    image = arabic_letter
    top, bottom = _bands(image)[0]  # the title: "سلم Ida", logical order
    boxes = _ink_boxes(image, top, bottom)
    # I, d, a and one joined word: unjoined, سلم would be three shapes
    assert len(boxes) == 4, boxes
    *latin, arabic = boxes
    assert all(box[2] < arabic[0] for box in latin), "the Arabic word must stand right of the name"
    assert arabic[2] - arabic[0] > max(box[2] - box[0] for box in latin), "one joined word, wider than a letter"
    # set from the right: the title ends at the right margin, far from the left one
    assert arabic[2] > image.width * 0.8 and latin[0][0] > image.width * 0.5


def test_a_field_with_an_arabic_label_has_its_label_on_the_right(arabic_letter):
    image = arabic_letter
    pixels = image.load()
    # the field's line: the row with the longest stretch of ink
    rule_y = max(range(image.height), key=lambda y: sum(pixels[x, y] < 200 for x in range(image.width)))
    inked = [x for x in range(image.width) if pixels[x, rule_y] < 200]
    stretches: list[list[int]] = []
    for x in inked:
        if stretches and x == stretches[-1][-1] + 1:
            stretches[-1].append(x)
        else:
            stretches.append([x])
    rule = max(stretches, key=len)  # the line itself, not a letter standing on it
    label = [box for box in _ink_boxes(image, rule_y - 25, rule_y - 1) if box[3] < rule_y - 1]
    assert label, "the label stands on the line"
    assert min(box[0] for box in label) > max(rule), "right to left: the line first, then the label"


def test_the_levels_of_a_mixed_line_follow_uax9():
    from smartprint.text import bidi

    # Arabic, a number (an Arabic number after Arabic letters: W2), a Latin name
    assert bidi.levels("سلم 12 Ada", rtl=True) == [1, 1, 1, 1, 2, 2, 1, 2, 2, 2]
    # in a left-to-right paragraph the Arabic word is the one run turned round
    assert bidi.levels("Ada سلم.", rtl=False) == [0, 0, 0, 0, 1, 1, 1, 0]
    assert bidi.visual_order([1, 1, 2, 1]) == [3, 2, 1, 0]
    assert bidi.visual_order([0, 1, 1, 0]) == [0, 2, 1, 3]
    assert bidi.paragraph_rtl("12 سلم Ada") and not bidi.paragraph_rtl("Ada سلم")


LETTERS = {
    "uk": "Шановні батьки! Ведмедик їде додому з Ґаною, і ми чекаємо на ваші історії.",
    "pl": "Drodzy rodzice! Miś jedzie do domu z Łucją; źdźbło, gęś, żółć.",
    "so": "Waalidiinta qaaliga ah! Orsoygu wuxuu la tagayaa Cabdi, fadlan soo celiya.",
    "lt": "Mieli tėveliai! Meškiukas keliauja namo su Žygimantu; ąčęėįšųūž.",
    "se": "Buorre váhnemat! Guovžža mánná ruoktot Áilluin; čđŋšŧž.",
}


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_a_letter_in_the_familys_language_builds_with_no_font_line(runner, tmp_path, language):
    src = write(tmp_path / "brev.yaml", f"kind: sheet\ntitle: Brev\nblocks:\n  - text: '{LETTERS[language]}'\n")
    pdf = tmp_path / "brev.pdf"
    result = run(runner, "build", str(src), "-o", str(pdf))
    assert result.exit_code == 0, result.output
    from pypdf import PdfReader

    fonts = {
        str(f.get_object()["/BaseFont"]).split("+")[-1] for f in PdfReader(pdf).pages[0]["/Resources"]["/Font"].values()
    }
    assert fonts == {"DejaVuSans", "DejaVuSans-Bold"}, fonts


def test_tigrinya_is_refused_naming_its_script_then_built_with_an_ethiopic_font_added(runner, tmp_path):
    body = "kind: sheet\ntitle: Brev\nblocks:\n  - text: 'ሰላም ቤተሰብ, Ida!'\n"
    src = write(tmp_path / "brev.yaml", body)
    pdf = tmp_path / "brev.pdf"
    result = run(runner, "build", str(src), "-o", str(pdf))
    assert result.exit_code == 1
    assert "brev.yaml:4:11: the fonts DejaVu Sans and Noto Sans Arabic have no 'ሰ'" in result.output, result.output
    assert "Ethiopic (Tigrinya, Amharic) script: add a font that has it with 'fonts:'" in result.output
    assert not pdf.exists()
    shutil.copy(FONTS / "NotoSansEthiopic-subset.ttf", tmp_path / "etiopisk.ttf")
    src.write_text("fonts: [etiopisk.ttf]\n" + body)
    result = run(runner, "build", str(src), "-o", str(pdf))
    assert result.exit_code == 0, result.output
    image = render(pdf, 0, dpi=60)
    body_band = _bands(image)[1]
    assert len(_ink_boxes(image, *body_band)) >= 8  # the Ethiopic letters printed, not blanks


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("สวัสดีครับ", "Thai text breaks into lines by a dictionary"),
        ("Hei \u202bسلم\u202c", "invisible direction control"),
    ],
)
def test_text_that_cannot_be_laid_out_right_is_refused_at_its_place(runner, tmp_path, text, says):
    src = write(tmp_path / "brev.yaml", f"kind: sheet\ntitle: Brev\nblocks:\n  - text: '{text}'\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "brev.pdf"))
    assert result.exit_code == 1
    assert "brev.yaml:4:11: " in result.output and says in result.output, result.output
