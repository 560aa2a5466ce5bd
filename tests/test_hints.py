"""Issue 17: every printed item printable or refused, numbers in lists of printed items
taken as written, items folded into the one above, and values explained in plain words."""

from __future__ import annotations

import typing
from typing import Any

import pytest

from conftest import run, write
from smartprint.check import messages
from smartprint.check.validation import not_blank
from smartprint.kinds import KINDS, get_kind
from smartprint.kinds.sheet.blocks import block_types


def _models() -> list[Any]:
    kinds = [get_kind(name) for name in KINDS]
    return [k.spec for k in kinds] + [b.model for b in block_types().values()]


def _text_lists(tp: Any, where: str, seen: set[Any]) -> list[tuple[str, Any]]:
    """Every list whose items take text, under `tp`: (where, the item type)."""
    base, _ = messages.strip(tp)
    out: list[tuple[str, Any]] = []
    if messages.is_model(base):
        if base in seen:
            return out
        seen.add(base)
        for key, info in base.model_fields.items():
            out += _text_lists(messages.field_type(info), f"{base.__name__}.{key}", seen)
        return out
    for member in typing.get_args(base):
        printed = messages.takes_text(member) and not any(  # not a list of files (`fonts:`)
            messages.is_model(messages.strip(m)[0]) for m in typing.get_args(messages.strip(member)[0])
        )
        if typing.get_origin(base) in (list, tuple, set, frozenset) and printed:
            out.append((where, member))
        out += _text_lists(member, where, seen)
    return out


def test_every_list_of_printed_texts_in_every_kind_refuses_blank_items() -> None:
    seen: set[Any] = set()
    found = [pair for model in _models() for pair in _text_lists(model, model.__name__, seen)]
    assert len(found) >= 8, found  # prompts, entries, questions (three), items (two), headers, pupils
    for where, item in found:
        _, extras = messages.strip(item)
        assert any(getattr(e, "func", None) is not_blank for e in extras), where


BLANKS = {
    "bingo prompt": (
        "kind: bingo\ntitle: B\nprompts: [a, b, c, d, e, f, g, h, '  ', j]\ngrid: 3\n",
        "f.yaml:3:35: prompt 9 is blank",
    ),
    "five-in-a-row question": (
        "kind: five-in-a-row\ntitle: F\nentries: [a]\nquestions:\n  - Hva?\n  - ' '\n",
        "f.yaml:6:5: question 2 is blank",
    ),
    "checklist item": (
        "kind: sheet\ntitle: S\nblocks:\n  - checklist:\n      items: [Les, '']\n",
        "f.yaml:5:20: item 2 is blank",
    ),
    "words item": (
        "kind: sheet\ntitle: S\nblocks:\n  - words:\n      items: ['  ', Lytte]\n",
        "f.yaml:5:15: item 1 is blank",
    ),
    "card question": (
        "kind: cards\ntitle: C\ncards:\n  - title: A\n    questions: [Hva?, '\t']\n",
        "f.yaml:5:23: question 2 is blank",
    ),
}


@pytest.mark.parametrize("text, line", BLANKS.values(), ids=list(BLANKS))
def test_a_blank_item_is_an_error_at_its_place_in_every_kind(runner, tmp_path, text, line) -> None:
    path = write(tmp_path / "f.yaml", text)
    result = run(runner, "validate", str(path))
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / line}; write its text, or remove the line" in result.output, result.output


def _validate(runner, tmp_path, text: str):
    path = write(tmp_path / "f.yaml", text)
    return run(runner, "validate", str(path)), f"{tmp_path / 'f.yaml'}:"


def test_free_true_is_told_what_free_takes_not_to_quote_true(runner, tmp_path) -> None:
    result, at = _validate(runner, tmp_path, "kind: bingo\ntitle: B\nfree: true\nprompts: [a, b, c, d, e, f, g, h]\n")
    assert result.exit_code == 1
    assert f"{at}3:7: 'free' must be text, not the yes/no value true; 'free' is the text printed" in result.output
    assert '"true"' not in result.output and "leave 'free' out" in result.output


def test_numbers_in_a_list_of_printed_items_are_the_text_as_written(tmp_path) -> None:
    from smartprint.pipeline import prepare

    path = write(
        tmp_path / "f.yaml",
        "kind: bingo\ntitle: Gangen\ngrid: 3\nprompts: [6, 8, 9, 2.50, -4, 12, 14, 15, 16, '1:30']\n",
    )
    assert prepare(str(path)).spec.prompts == ["6", "8", "9", "2.50", "-4", "12", "14", "15", "16", "1:30"]


def test_a_number_yaml_changed_still_gets_its_advice(runner, tmp_path) -> None:
    result, at = _validate(runner, tmp_path, "kind: five-in-a-row\ntitle: F\nentries: [6, 1:30, 007, 1.0e+3]\n")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines == [
        f'{at}3:14: entry 2 must be text, but YAML reads 1:30 as a number 90; put it in quotes: "1:30"',
        f'{at}3:20: entry 3 must be text, but YAML reads 007 as a number 7; put it in quotes: "007"',
        f'{at}3:25: entry 4 must be text, but YAML reads 1.0e+3 as a number 1000.0; put it in quotes: "1.0e+3"',
    ], result.output


def test_a_count_of_one_is_said_in_words(runner, tmp_path) -> None:
    result, at = _validate(runner, tmp_path, "kind: five-in-a-row\ntitle: F\nentries: [Modig]\n")
    assert result.exit_code == 1
    assert f"{at}3:10: there is 1 entry; a 7 × 7 board" in result.output, result.output
