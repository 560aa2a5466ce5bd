"""Files a material names stay inside its folder unless the command line allows more:
a deck someone shares cannot embed a picture or font from elsewhere on the disk."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from conftest import page_texts, run, write


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "private"
    folder.mkdir()
    Image.new("RGB", (30, 30), "red").save(folder / "secret.png")
    return folder


@pytest.mark.parametrize("value", ["../private/secret.png", "{outside}/secret.png"])
def test_a_picture_outside_the_folder_is_refused(runner, tmp_path, outside, value):
    value = value.format(outside=outside)
    src = write(tmp_path / "deck" / "d.yaml", f"kind: cards\ntitle: X\ncards:\n  - title: A\n    image: {value}\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1
    assert re.search(r"d\.yaml:5:12: image '.*secret\.png' is outside the folder of d\.yaml", result.output)
    assert "--allow-path" in result.output
    assert not (tmp_path / "d.pdf").exists()


def test_allow_path_lets_the_picture_in(runner, tmp_path, outside):
    src = write(
        tmp_path / "deck" / "d.yaml", "kind: cards\ntitle: X\ncards:\n  - title: A\n    image: ../private/secret.png\n"
    )
    out = tmp_path / "d.pdf"
    result = run(runner, "build", str(src), "-o", str(out), "--allow-path", str(outside))
    assert result.exit_code == 0, result.output
    assert "A" in page_texts(out)[0]


def test_a_link_inside_the_folder_that_leads_out_is_refused(runner, tmp_path, outside):
    deck = tmp_path / "deck"
    deck.mkdir()
    (deck / "bilde.png").symlink_to(outside / "secret.png")
    src = write(deck / "d.yaml", "kind: cards\ntitle: X\ncards:\n  - title: A\n    image: bilde.png\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1 and "outside the folder" in result.output


def test_a_font_or_layout_outside_the_folder_is_refused(runner, tmp_path, outside):
    (outside / "f.ttf").write_bytes(b"x")
    write(outside / "l.yaml", "extends: kort-63x88\n")
    src = write(tmp_path / "deck" / "d.yaml", "kind: cards\ntitle: X\nfont: ../private/f.ttf\ncards:\n  - title: A\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 1 and re.search(r"d\.yaml:3:7: .*outside the folder", result.output), result.output
    src = write(tmp_path / "deck" / "e.yaml", "kind: cards\ntitle: X\nlayout: /proc/self/mem\ncards:\n  - title: A\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "e.pdf"))
    assert result.exit_code == 1 and re.search(r"e\.yaml:3:9: .*outside the folder", result.output), result.output


def test_a_layout_next_to_the_deck_is_found_without_yaml(runner, tmp_path):
    write(tmp_path / "min-utskrift.yaml", "extends: kort-63x88\nmargin: 8mm\n")
    src = write(tmp_path / "d.yaml", "kind: cards\ntitle: X\nlayout: min-utskrift\ncards:\n  - title: A\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "d.pdf"))
    assert result.exit_code == 0, result.output
