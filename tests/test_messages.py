"""Pydantic's errors as a teacher reads them (smartprint/check/messages.py): for each
error type the translator knows, a small file that makes pydantic report it and the
exact line the user sees; then the words declared beside fields (check/words.py):
Norwegian keys, how a list's items are named, a field's own hint.

Each case also asserts that pydantic reports the error type it stands for, so a
pydantic upgrade that renames or reshapes an error fails here, by name."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from pydantic import Field, ValidationError, field_validator

from smartprint.check import messages
from smartprint.check.spec import PrintedItem
from smartprint.check.validation import Length, Model, Text, validate
from smartprint.check.words import Words, words_of
from smartprint.errors import UserError
from smartprint.load.source import load_text
from smartprint.resolve.units import MM


class Part(Model):
    name: Text
    size: int = 1


class Special(Model):
    at: Annotated[int, Words(hint="the number of the square on the track")] = Field(ge=1, le=40)


class Doc(Model):
    """One key per shape a message is made for."""

    title: Annotated[Text | None, Words("tittel", "overskrift")] = Field(default=None, min_length=1, max_length=20)
    label: Text = Field(default="x", min_length=1, max_length=20)
    count: int = Field(default=1, ge=1, le=9)
    above: int = Field(default=1, gt=0)
    below: float = Field(default=1.0, lt=10)
    most: int = Field(default=1, le=5)
    margin: Length = Field(default=10 * MM, ge=0, le=100 * MM)
    loose: int = Field(default=1, strict=False)
    loose_number: float = Field(default=1.0, strict=False)
    loose_yes: bool = Field(default=True, strict=False)
    share: float = 1.0
    ratio: float = Field(default=1.0, allow_inf_nan=False)
    on: bool = True
    prompts: list[Text] = Field(default_factory=list, max_length=2)
    needs: list[Text] = Field(default_factory=lambda: ["a", "b", "c"], min_length=3)
    cards: list[Text] = Field(default_factory=lambda: ["a"], min_length=1)
    pair: tuple[Text, Text] = ("a", "b")
    tags: set[Text] = set()
    kept: frozenset[Text] = frozenset()
    part: Part | None = None
    scores: dict[str, int] = {}
    mode: Literal["people", "called"] = "people"
    even: int = 0
    odd: int = 1
    when: date | None = None
    specials: Annotated[list[Special], Words("spesielle", item="special square")] = []
    font: Text | Part | None = None
    items: list[PrintedItem] = []

    @field_validator("even")
    @classmethod
    def _even(cls, value: int) -> int:
        if value % 2:
            raise ValueError(f"{value} is not even")
        return value

    @field_validator("odd")
    @classmethod
    def _odd(cls, value: int) -> int:
        if not value % 2:
            raise AssertionError("must be odd")
        return value


def _error_types(text: str) -> set[str]:
    try:
        Doc.model_validate(load_text(text, Path("f.yaml")).data)
    except ValidationError as exc:
        return {str(e["type"]) for e in exc.errors()}
    return set()


def _lines(text: str, model: type[Model] = Doc) -> list[str]:
    src = load_text(text, Path("f.yaml"))
    with pytest.raises(UserError) as err:
        validate(model, src.data, src)
    return [str(p) for p in err.value.problems]


# (pydantic's error type, the file, the one line the user sees)
CASES: list[tuple[str, str, str]] = [
    ("missing", "part: {size: 2}\n", "f.yaml:1:7: 'name' is missing here; add 'name: …'"),
    ("extra_forbidden", "part: {name: x, sizee: 2}\n", "f.yaml:1:17: unknown key 'sizee'; did you mean 'size'?"),
    (
        "string_type",
        "title: NO\n",
        "f.yaml:1:8: 'title' must be text, but YAML reads NO as the yes/no value false; put it in quotes: \"NO\"",
    ),
    ("string_too_short", "label: ''\n", "f.yaml:1:8: 'label' is empty; write some text"),
    ("string_too_long", "label: " + "a" * 21 + "\n", "f.yaml:1:8: 'label' is 21 characters; at most 20"),
    ("too_short", "needs: [a]\n", "f.yaml:1:8: 'needs' has 1 need; it needs at least 3"),
    ("too_long", "prompts: [a, b, c]\n", "f.yaml:1:10: 'prompts' has 3 prompts; at most 2"),
    ("greater_than", "above: 0\n", "f.yaml:1:8: 'above' must be more than 0, not 0"),
    ("greater_than_equal", "count: 0\n", "f.yaml:1:8: 'count' must be between 1 and 9, not 0"),
    ("less_than", "below: 11\n", "f.yaml:1:8: 'below' must be less than 10, not 11"),
    ("less_than_equal", "most: 6\n", "f.yaml:1:7: 'most' must be at most 5, not 6"),
    ("int_type", "count: '7'\n", "f.yaml:1:8: 'count' must be a whole number, not '7'; remove the quotes"),
    ("int_parsing", "loose: abc\n", "f.yaml:1:8: 'loose' must be a whole number, not 'abc'"),
    ("int_from_float", "loose: 1.5\n", "f.yaml:1:8: 'loose' must be a whole number, not 1.5"),
    ("float_type", "share: abc\n", "f.yaml:1:8: 'share' must be a number, not 'abc'"),
    ("float_parsing", "loose_number: abc\n", "f.yaml:1:15: 'loose_number' must be a number, not 'abc'"),
    ("finite_number", "ratio: .inf\n", "f.yaml:1:8: 'ratio' must be a number, not .inf"),
    ("bool_type", "on: ja\n", "f.yaml:1:5: 'on' must be true or false, not 'ja'"),
    ("bool_parsing", "loose_yes: kanskje\n", "f.yaml:1:12: 'loose_yes' must be true or false, not 'kanskje'"),
    ("list_type", "prompts: x\n", "f.yaml:1:10: 'prompts' must be a list (lines starting with '- '), not 'x'"),
    ("tuple_type", "pair: x\n", "f.yaml:1:7: 'pair' must be a list (lines starting with '- '), not 'x'"),
    ("set_type", "tags: x\n", "f.yaml:1:7: 'tags' must be a list (lines starting with '- '), not 'x'"),
    ("frozen_set_type", "kept: x\n", "f.yaml:1:7: 'kept' must be a list (lines starting with '- '), not 'x'"),
    ("model_type", "part: x\n", "f.yaml:1:7: 'part' must be a group of 'key: value' lines (name, size), not 'x'"),
    ("dict_type", "scores: [1]\n", "f.yaml:1:9: 'scores' must be a group of 'key: value' lines, not a list"),
    (
        "literal_error",
        "mode: caled\n",
        "f.yaml:1:7: 'mode' must be 'people' or 'called', not 'caled'; did you mean 'called'?",
    ),
    ("blank_text", "items: [a, ' ']\n", "f.yaml:1:12: item 2 is blank; write its text, or remove the line"),
    ("value_error", "even: 3\n", "f.yaml:1:7: 'even': 3 is not even"),
    ("assertion_error", "odd: 2\n", "f.yaml:1:6: 'odd': must be odd"),
    ("date_type", "when: x\n", "f.yaml:1:7: 'when' must be a value of another kind, not 'x'"),  # any other type
]


@pytest.mark.parametrize("etype, text, line", CASES, ids=[c[0] for c in CASES])
def test_each_error_type_becomes_one_plain_line(etype: str, text: str, line: str) -> None:
    assert etype in _error_types(text), f"pydantic no longer reports {etype} for {text!r}"
    assert _lines(text) == [line]


def test_every_translated_error_type_has_a_case() -> None:
    covered = {c[0] for c in CASES} | {"model_attributes_type"}  # below: pydantic gives it only from_attributes
    assert set(messages.TRANSLATED) <= covered


def _explained(text: str, error: dict[str, Any]) -> list[str]:
    src = load_text(text, Path("f.yaml"))
    return [str(p) for p in messages.explain(Doc, src.data, src, [error])]


def test_error_types_strict_yaml_never_gives_are_translated_too() -> None:
    """`model_attributes_type` (objects read by attribute) and a `too_short` about a text
    (lax lengths) do not come from YAML data today; the translation is the same."""
    part = {"type": "model_attributes_type", "loc": ("part",), "msg": "", "input": "x", "ctx": {}}
    assert _explained("part: x\n", part) == [
        "f.yaml:1:7: 'part' must be a group of 'key: value' lines (name, size), not 'x'"
    ]
    short = {"type": "too_short", "loc": ("title",), "msg": "", "input": "ab", "ctx": {"min_length": 3}}
    assert _explained("title: ab\n", short) == ["f.yaml:1:8: 'title' is 2 characters; at least 3"]


@pytest.mark.parametrize(
    "text, line",
    [
        ("count:\n", "f.yaml:1:7: 'count' is empty; write a whole number after the colon, or remove the line"),
        ("label:\n", "f.yaml:1:7: 'label' is empty; write the text after the colon, or remove the line"),
        ("prompts:\n", "f.yaml:1:9: 'prompts' is empty; write its items under it, each on a line starting with '- '"),
        ("cards: []\n", "f.yaml:1:8: 'cards' needs at least one card"),
        ("margin: 200mm\n", "f.yaml:1:9: 'margin' must be between 0 mm and 100 mm, not 200mm"),
        (
            "prompts: -a -b\n",
            "f.yaml:1:10: 'prompts' reads as one text, because the lines starting with '-' have no space "
            "after '-'; write '- a', '- b' and so on, each on its own line",
        ),
        (
            "prompts:\n  - spiller sjakk: kan flytte hesten\n",
            "f.yaml:2:5: prompt 1 has ': ' in it, so YAML read it as a key and a value; put the whole text "
            'in quotes: - "spiller sjakk: kan flytte hesten"',
        ),
        (
            "part: {name: a, size: 1,5}\n",
            "f.yaml:1:23: write decimals with a point: 1.5 (a comma separates values in { })",
        ),
    ],
)
def test_the_shape_the_user_wrote_decides_the_advice(text: str, line: str) -> None:
    assert _lines(text) == [line]


@pytest.mark.parametrize(
    "text, line",
    [
        ("font: 3\n", "f.yaml:1:7: 'font' must be text, but YAML reads 3 as a number 3; put it in quotes: \"3\""),
        (
            "font: {name: 3}\n",
            "f.yaml:1:14: 'name' must be text, but YAML reads 3 as a number 3; put it in quotes: \"3\"",
        ),
        (
            "font: [a]\n",
            "f.yaml:1:7: 'font' must be a text or a group of 'key: value' lines (name, size), not a list",
        ),
    ],
)
def test_a_union_is_judged_once_by_the_shape_written(text: str, line: str) -> None:
    assert _lines(text) == [line]


# ---------------------------------------------------------------- the words beside the fields


def test_a_norwegian_key_declared_beside_its_field_suggests_the_english_key() -> None:
    assert _lines("overskrift: x\n") == [
        "f.yaml:1:1: unknown key 'overskrift'; did you mean 'title'? (keys are written in English)"
    ]
    assert words_of(Doc.model_fields["title"]) == Words("tittel", "overskrift")


class Plain(Model):
    """A model that declares no words of its own."""

    image: Text | None = None
    size: int = 1


def test_a_norwegian_word_declared_in_any_kind_is_understood_at_a_key_of_that_name() -> None:
    assert _lines("bilde: x\n", Plain) == [
        "f.yaml:1:1: unknown key 'bilde'; did you mean 'image'? (keys are written in English)"
    ]


def test_a_norwegian_word_whose_key_is_not_here_lists_the_keys_here() -> None:
    assert _lines("elever: [Ada]\n", Plain) == [
        "f.yaml:1:1: unknown key 'elever' (keys are written in English; known keys here: image, size)"
    ]
    assert _lines("sizee: 2\n", Plain) == ["f.yaml:1:1: unknown key 'sizee'; did you mean 'size'?"]


def test_a_list_names_its_items_as_declared() -> None:
    assert _lines("specials: [x]\n") == [
        "f.yaml:1:12: special square 1 must be a group of 'key: value' lines (at), not 'x'"
    ]
    assert _lines("prompts: [a, 3]\n") == [
        'f.yaml:1:14: prompt 2 must be text, but YAML reads 3 as a number 3; put it in quotes: "3"'
    ]


def test_a_field_s_hint_follows_a_message_about_its_value() -> None:
    assert _lines("specials: [{at: 0}]\n") == [
        "f.yaml:1:17: 'at' must be between 1 and 40, not 0; the number of the square on the track"
    ]


def test_words_of_a_field_declared_again_in_a_subclass_are_kept() -> None:
    class Base(Model):
        kind: Annotated[str, Words("type")]

    class Own(Base):
        kind: Literal["own"]

    assert messages.words_for(Own, "kind") == Words("type")
    assert "f.yaml:1:1: unknown key 'type'; did you mean 'kind'? (keys are written in English)" in _lines(
        "type: own\n", Own
    )


def test_every_kind_declares_its_norwegian_words_beside_its_fields() -> None:
    """The words are read from the models, nowhere else: each maps to keys that exist."""
    from smartprint.check.validation import _everywhere
    from smartprint.kinds import KINDS, get_kind

    words = _everywhere()
    assert words["bilde"] == ("image",) and words["tittel"] == ("title",)
    keys = {
        key
        for model in messages.models_in(m for k in KINDS for m in (get_kind(k).spec, get_kind(k).layout_keys))
        for key in model.model_fields
    }
    assert all(set(english) <= keys for english in words.values())
