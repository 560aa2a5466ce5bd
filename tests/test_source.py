"""Loading YAML: positions of every node, duplicate keys, and YAML 1.1's surprises."""

from pathlib import Path

import pytest

from smartprint.errors import UserError
from smartprint.load.source import load_text


def test_positions_of_values_and_keys():
    src = load_text("kind: cards\ncards:\n  - title: A\n    text: hei\n", Path("d.yaml"))
    assert src.data == {"kind": "cards", "cards": [{"title": "A", "text": "hei"}]}
    assert str(src.where(("cards", 0, "text"))) == "d.yaml:4:11"
    assert str(src.where(("cards", 0, "text"), key=True)) == "d.yaml:4:5"
    # a key that is not there points at its mapping
    assert str(src.where(("cards", 0, "questions"))) == "d.yaml:3:5"


def test_duplicate_key_names_both_lines():
    with pytest.raises(UserError) as err:
        load_text("a: 1\nb: 2\na: 3\n", Path("d.yaml"))
    assert str(err.value) == "d.yaml:3:1: duplicate key 'a' (it is already given on line 1); keep only one"


def test_raw_text_of_scalars_is_kept_for_hints():
    src = load_text("title: NO\ntime: 12:30\nq: 'NO'\n", Path("d.yaml"))
    assert src.data == {"title": False, "time": 750, "q": "NO"}
    assert src.scalars[("title",)].raw == "NO" and not src.scalars[("title",)].quoted
    assert src.scalars[("q",)].quoted


def test_bad_indentation_gives_line_and_column():
    with pytest.raises(UserError) as err:
        load_text("a:\n  b: 1\n   c: 2\n", Path("i.yaml"))
    assert str(err.value).startswith("i.yaml:3:")
    assert "not valid YAML" in str(err.value)


def test_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for n in "bcdefgh":
        bomb += f"{n}: &{n} [{', '.join([f'*{prev}'] * 10)}]\n"
        prev = n
    with pytest.raises(UserError) as err:
        load_text(bomb, Path("b.yaml"))
    assert "more than" in str(err.value)


def test_empty_file():
    with pytest.raises(UserError) as err:
        load_text("# only a comment\n", Path("e.yaml"))
    assert str(err.value) == "e.yaml:1:1: the file is empty"
