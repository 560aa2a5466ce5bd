"""Printed wrong with exit 0 no more: every planned box inside its parent, text never
cut, numbers never broken, geometry in range."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from conftest import run, write


def _texts(pdf):
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [page.get_textpage().get_text_bounded() for page in doc]
    finally:
        doc.close()


def test_too_many_writing_lines_are_an_error_not_lines_through_the_title(runner, tmp_path):
    src = write(tmp_path / "d.yaml", "kind: cards\ntitle: X\ncards:\n  - title: Mange linjer\n    lines: 40\n")
    out = tmp_path / "d.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 1
    assert "d.yaml:5:12: card 1 «Mange linjer»: the writing lines do not fit" in result.output
    assert not out.exists()


def test_lines_and_a_picture_that_leave_no_room_name_the_field(runner, tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 40), "orange").save(tmp_path / "sol.png")
    src = write(
        tmp_path / "d.yaml",
        """
        kind: cards
        title: X
        cards:
          - title: Linjer og bilde
            image: sol.png
            lines: 9
            text: Litt tekst her.
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1
    assert re.search(r"d\.yaml:7:11: card 1 «Linjer og bilde»: no room is left for 'text'", result.output)


def test_every_planned_part_of_every_builtin_card_lies_inside_the_card():
    from pathlib import Path

    from smartprint.parts.geometry import Rect
    from smartprint.parts.inside import escaping
    from smartprint.pipeline import plan, prepare

    for name in (
        "styrkekort",
        "egenskaper",
        str(Path(__file__).parent.parent / "examples" / "klassens-kort" / "klassens-kort.yaml"),
    ):
        built = plan(prepare(name))
        deck, fonts = built.plan, built.job.fonts
        card = Rect(0, 0, deck.geometry.card_w, deck.geometry.card_h)
        for face in deck.fronts:
            assert (
                escaping(
                    card,
                    [
                        ("title", face.title),
                        ("text", face.body),
                        ("group", face.band_label),
                        ("image", face.image),
                        ("drawing", face.drawing),
                    ],
                    fonts,
                )
                is None
            )


def test_leader_table_keeps_row_numbers_whole_and_headers_in_full_on_small_paper(runner, tmp_path):
    write(tmp_path / "a6.yaml", "kind: bingo\npaper: A6\nmargin: 5mm\n")
    prompts = "\n".join(f"  - ting nummer {i}" for i in range(30))
    src = write(
        tmp_path / "b.yaml",
        f"kind: bingo\ntitle: Liten\nlayout: a6.yaml\ngrid: 3\nsheets: 2\nmode: called\nprompts:\n{prompts}\n",
    )
    out = tmp_path / "b.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    leader = "\n".join(_texts(out)[:2])
    numbers = [int(n) for n in re.findall(r"^(\d+)\.\s", leader, re.M)]
    assert numbers == list(range(1, 31)), leader
    assert not re.search(r"\d-\s*$", leader, re.M)
    assert re.search(r"Brett som nå\s+kan ha full rad", leader)  # the header wraps, not cut


@pytest.mark.parametrize(
    "key, value, says",
    [
        ("margin", "-5mm", "margin"),
        ("gap", "-2mm", "gap"),
        ("bleed", "200mm", "bleed"),
        ("bleed", "-1mm", "bleed"),
        ("back_offset", "{x: 500mm}", "x"),
    ],
)
def test_geometry_out_of_range_is_refused(runner, tmp_path, key, value, says):
    write(tmp_path / "l.yaml", f"extends: kort-63x88\n{key}: {value}\n")
    src = write(tmp_path / "d.yaml", "kind: cards\ntitle: X\nlayout: l.yaml\ncards:\n  - title: A\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1, result.output
    assert re.search(r"l\.yaml:2:\d+: ", result.output) and says in result.output


def test_warnings_are_lines_on_stderr_and_strict_makes_them_errors(runner, tmp_path):
    prompts = [f"  - har en katt nr {i}" for i in range(15)]
    prompts.append(
        "  - har vært på tur i fjellet med hele familien, og gått helt til toppen av den høyeste "
        "fjelltoppen i hele fylket uten å klage en eneste gang underveis"
    )
    prompts.append("  - har nummer #10 på drakta")
    src = write(tmp_path / "b.yaml", "kind: bingo\ntitle: Lang\ngrid: 4\nsheets: 3\nprompts:\n" + "\n".join(prompts))
    out = tmp_path / "b.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert re.search(
        r"b\.yaml:21:5: warning: prompt 16 «har vært på tur.*» is long: it sets every prompt on the "
        r"sheets to [\d.]+ pt, where the others would fit at [\d.]+ pt",
        result.output,
    )
    assert re.search(r"b\.yaml:22:5: warning: YAML reads everything after ' #' as a comment", result.output)
    assert out.exists()
    out.write_bytes(b"old")
    result = run(runner, "build", str(src), "-o", str(out), "--strict")
    assert result.exit_code == 1 and "(an error with --strict)" in result.output
    assert out.read_bytes() == b"old"


def test_a_card_text_shrunk_to_the_smallest_size_warns(runner, tmp_path):
    text = " ".join(["Dette er en lang forklaring som fortsetter."] * 16)
    src = write(tmp_path / "d.yaml", f"kind: cards\ntitle: X\ncards:\n  - title: Lang\n    text: {text}\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 0, result.output
    assert re.search(r"d\.yaml:5:11: warning: card 1 «Lang»: the text is shrunk to [\d.]+ pt", result.output)
