"""Every mistake of a file in one run, and no mistake that is not in the file.

A file whose model mistakes are all unknown keys (a misspelt `titel:`) is checked on
through the plan, so its colours, groups and pictures are told in the same run; a wrong
value stops at the model, since its default would make problems that are not there."""

from __future__ import annotations

from pathlib import Path

from conftest import run, write

DECK = """\
kind: cards
title: Klassens kort
groups:
  - {name: Mot, color: gul-grønn}
cards:
  - titel: Modig
    group: alene
    text: Du tør.
  - title: Glad
    group: Mot
    text: Du smiler.
    image: finnesikke.png
"""


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_build_and_validate_tell_the_same_four_mistakes_whatever_the_options(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "k.yaml", DECK)
    said = [
        _lines(run(runner, *args).stderr)
        for args in (
            ("validate", "k.yaml"),
            ("build", "k.yaml"),
            ("build", "k.yaml", "--backs", "fold"),  # the PDF's name reads the file's layout
            ("build", "k.yaml", "--layout", "kort-a6"),
        )
    ]
    assert [line.split(": ")[0] for line in said[0]] == ["k.yaml:4:24", "k.yaml:6:5", "k.yaml:7:12", "k.yaml:12:12"]
    assert all(lines == said[0] for lines in said), said
    assert not list(tmp_path.glob("*.pdf"))


def test_a_wrong_value_is_told_alone_not_with_what_its_default_would_cause(runner, tmp_path) -> None:
    bingo = Path(__file__).resolve().parent.parent / "decks" / "bli-kjent-bingo.yaml"
    text = bingo.read_text(encoding="utf-8")
    assert "\ngrid: 4\n" in text
    src = write(tmp_path / "b.yaml", text.replace("\ngrid: 4\n", "\ngrid: fire\n"))
    result = run(runner, "validate", str(src))
    assert result.exit_code == 1
    (line,) = _lines(result.stderr)  # not "a 5 × 5 sheet needs at least 25 prompts" too
    assert "'grid' must be a whole number, not 'fire'" in line
