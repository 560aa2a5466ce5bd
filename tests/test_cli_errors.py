"""A user's mistake: one line `file:line:col: message`, exit 1, no traceback, old PDF untouched."""

import pytest

from conftest import LOCATION, run, write

GOOD = """
kind: cards
title: Gode kort
cards:
  - title: Mot
    text: Du tør.
"""

CASES = {
    "indentation": (
        """
        kind: cards
        title: X
        cards:
          - title: A
             text: b
        """,
        "deck.yaml:5:10:",
        "not valid YAML",
    ),
    "unknown key": (
        """
        kind: cards
        title: X
        cards:
          - title: A
            txet: b
        """,
        "deck.yaml:5:5:",
        "unknown key 'txet'; did you mean 'text'?",
    ),
    "wrong type": (
        """
        kind: cards
        title: X
        cards:
          - title: A
            count: mange
        """,
        "deck.yaml:5:12:",
        "'count' must be a whole number",
    ),
    "duplicate key": (
        """
        kind: cards
        title: X
        cards:
          - title: A
            text: b
            text: c
        """,
        "deck.yaml:6:5:",
        "duplicate key 'text'",
    ),
    "title NO": (
        """
        kind: cards
        title: NO
        cards:
          - title: A
        """,
        "deck.yaml:2:8:",
        'put it in quotes: "NO"',
    ),
    "missing image": (
        """
        kind: cards
        title: X
        cards:
          - title: A
            image: finnes-ikke.png
        """,
        "deck.yaml:5:12:",
        "image 'finnes-ikke.png' not found in the folder of deck.yaml",
    ),
    "layout cycle": (
        """
        kind: cards
        title: X
        layout: a.yaml
        cards:
          - title: A
        """,
        ".yaml:1:10:",
        "circle",
    ),
    "600 words": (
        """
        kind: cards
        title: X
        cards:
          - title: Lang
            text: """
        + "ord " * 600
        + """
        """,
        "deck.yaml:5:11:",
        "card 1 «Lang»: 'text' does not fit even at 7 pt",
    ),
    "no glyph": (
        """
        kind: cards
        title: X
        cards:
          - title: Glad 😀
        """,
        "deck.yaml:4:12:",
        "U+1F600",
    ),
    "unknown kind": (
        """
        kind: kort
        title: X
        """,
        "deck.yaml:1:7:",
        "unknown kind 'kort'",
    ),
    "missing title": (
        """
        kind: cards
        cards:
          - title: A
        """,
        "deck.yaml:1:1:",
        "'title' is missing",
    ),
    "unknown group": (
        """
        kind: cards
        title: X
        groups: [{name: Mot}]
        cards:
          - {title: A, group: Mod}
        """,
        "deck.yaml:5:23:",
        "did you mean 'Mot'",
    ),
    "bare length": (
        """
        kind: cards
        title: X
        layout: bare.yaml
        cards:
          - title: A
        """,
        "bare.yaml:2:9:",
        "has no unit",
    ),
}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\ncard: {width: 63mm, height: 88mm}\n")
    write(tmp_path / "bare.yaml", "extends: kort-63x88\nmargin: 10\n")
    return tmp_path


@pytest.mark.parametrize("case", list(CASES))
def test_mistake_gives_location_exit_1_and_keeps_old_pdf(runner, folder, case):
    body, where, what = CASES[case]
    out = folder / "deck.pdf"
    write(folder / "good.yaml", GOOD)
    assert run(runner, "build", "good.yaml", "-o", str(out)).exit_code == 0
    before = out.read_bytes()

    write(folder / "deck.yaml", body)
    result = run(runner, "build", "deck.yaml", "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    first = result.output.strip().splitlines()[0]
    assert LOCATION.match(first), first
    assert where in first and what in first, first
    assert out.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []  # no temp files left


def test_validate_reports_the_same_and_writes_nothing(runner, folder):
    write(folder / "deck.yaml", CASES["unknown key"][0])
    result = run(runner, "validate", "deck.yaml")
    assert result.exit_code == 1
    assert "deck.yaml:5:5: unknown key 'txet'" in result.output
    assert not list(folder.glob("*.pdf"))


def test_several_mistakes_are_all_reported(runner, folder):
    write(
        folder / "deck.yaml",
        """
        kind: cards
        title: X
        cards:
          - titel: A
          - title: B
            count: 0
    """,
    )
    result = run(runner, "validate", "deck.yaml")
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 2
    assert all(LOCATION.match(line) for line in lines)


@pytest.mark.parametrize(
    "args",
    [["build"], ["build", "x.yaml", "--backs", "sideways"], ["build", "a.yaml", "b.yaml", "-o", "x.pdf"], ["bygg"]],
)
def test_wrong_command_line_is_usage_error(runner, folder, args):
    result = run(runner, *args)
    assert result.exit_code == 2


def test_unknown_builtin_name_suggests_the_right_one(runner, folder):
    result = run(runner, "build", "styrkekrt")
    assert result.exit_code == 1
    assert "did you mean 'styrkekort'" in result.output
