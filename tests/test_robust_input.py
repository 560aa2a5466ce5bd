"""A teacher's mistakes in a YAML file: each gives one plain line at the place to edit.

Merge keys, stray control characters, tabs, ': ' and ' #' inside texts, a missing
space after '-', union-typed fields, decimal commas, QR texts that do not fit, and
words (or numbers) too long for their box — each one with the message the user
sees, and the speed of breaking a very long word.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import string
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import Field

import smartprint
from smartprint.check.spec import PrintedText
from smartprint.check.validation import Length, Model, Text, cut_by_comment, validate
from smartprint.errors import UserError
from smartprint.load.source import Source, load_file, load_text
from smartprint.resolve.fonts import load_fonts
from smartprint.resolve.qr import qr_matrix
from smartprint.text.textfit import FitFailure, Run, fit, fit_or_fail, is_number, wrap

FONTS = load_fonts()
LOCATED = re.compile(r"^[^:\n]+\.ya?ml:\d+:\d+: \S")


def load(text: str, name: str = "f.yaml") -> Source:
    return load_text(text, Path(name))


def refused(text: str) -> str:
    """The one message loading `text` gives."""
    with pytest.raises(UserError) as err:
        load(text)
    assert len(err.value.problems) == 1
    return str(err.value.problems[0])


def problems(model: type[Model], text: str) -> list[str]:
    src = load(text)
    with pytest.raises(UserError) as err:
        validate(model, src.data, src)
    return [str(p) for p in err.value.problems]


# Models of the same shapes the real ones have (the real ones move while the package
# is restructured; they are all checked by the sweep at the end of this file).
class Files(Model):
    regular: Text
    bold: Text | None = None


class Size(Model):
    width: Length | None = None
    height: Length | None = None


class Grid(Model):
    cols: int = Field(ge=1, le=20)
    rows: int = Field(ge=1, le=20)


class Offset(Model):
    x: Length = 0.0
    y: Length = 0.0


class Card(Model):
    title: PrintedText | None = Field(default=None, max_length=120)
    text: PrintedText | None = None
    questions: list[PrintedText] = Field(default_factory=list, max_length=12)
    image: Text | None = None
    count: int = Field(default=1, ge=1, le=200)
    drawing: bool | PrintedText = False


class Group(Model):
    name: PrintedText = Field(min_length=1, max_length=60)
    color: Text | None = None


class Deck(Model):
    kind: Literal["cards"]
    title: PrintedText = Field(min_length=1, max_length=200)
    font: Text | Files | None = None
    groups: list[Group] = Field(default_factory=list)
    cards: list[Card] = Field(min_length=1)
    back: Card | None = None


class Bingo(Model):
    kind: Literal["bingo"]
    title: PrintedText
    prompts: list[PrintedText] = Field(min_length=1)
    grid: int = Field(default=5, ge=3, le=7)
    leader: bool = True


class Sheet(Model):
    paper: Text | Size = "A4"
    grid: Grid | Literal["auto"] = "auto"
    back_offset: Offset | None = None
    margin: Length = Field(default=28.0, ge=0, le=283.0)


DECK = "kind: cards\ntitle: Kort\n"


# ---------------------------------------------------------------- 1. merge keys


def test_merge_key_then_override_is_what_merge_keys_are_for():
    src = load("base: &b {title: A, text: x, count: 2}\ncard:\n  <<: *b\n  text: y\n")
    assert src.data["card"] == {"title": "A", "text": "y", "count": 2}
    assert str(src.where(("card", "text"))) == "f.yaml:4:9"  # the override, not the anchor


def test_merge_of_several_mappings_first_wins_and_own_keys_win():
    src = load("a: &a {x: 1, y: 2}\nb: &b {x: 3, z: 4}\nc:\n  <<: [*a, *b]\n  y: 9\n")
    assert src.data["c"] == {"x": 1, "y": 9, "z": 4}


def test_a_merged_mapping_used_again_is_still_not_a_duplicate():
    src = load(
        "base: &b {title: A, text: x}\nmore: &m\n  <<: *b\n  text: y\ncards:\n  - *m\n  - <<: *m\n    title: C\n"
    )
    assert src.data["cards"] == [{"title": "A", "text": "y"}, {"title": "C", "text": "y"}]


def test_a_key_written_twice_stays_an_error_even_beside_a_merge():
    message = refused("base: &b {x: 1}\nc:\n  <<: *b\n  y: 3\n  y: 4\n")
    assert message == "f.yaml:5:3: duplicate key 'y' (it is already given on line 4); keep only one"


def test_merging_a_plain_value_is_refused_in_words():
    message = refused("a: &a 5\nb:\n  <<: *a\n")
    assert message.startswith("f.yaml:3:3: ") and "'<<: *name'" in message  # the line with <<


# ---------------------------------------------------------------- 2. control characters


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_nul_byte_gets_its_line_and_column(newline):
    text = newline.join(["kind: cards", "title: Kort", "text: ab\x00c", ""])
    message = refused(text)
    assert message == (
        "f.yaml:3:9: the file contains a NUL character (U+0000), which is not text; save it as plain UTF-8 text"
    )


def test_other_control_character_is_named_and_nothing_of_the_library_leaks():
    message = refused("a: 1\nb: x\x1by\n")
    assert message.startswith("f.yaml:2:5: the file contains the control character ESC (U+001B)")
    assert "<unicode string>" not in message and "position" not in message


def test_nul_in_a_file_on_disk_is_named_and_utf16_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_bytes(b"kind: cards\ntitle: \x00\n")
    with pytest.raises(UserError) as err:
        load_file(tmp_path / "a.yaml")
    assert str(err.value).startswith("a.yaml:2:8: the file contains a NUL character")
    (tmp_path / "b.yaml").write_bytes("kind: cards\n".encode("utf-16-le"))  # Notepad's "Unicode", no mark
    assert load_file(tmp_path / "b.yaml").data == {"kind": "cards"}


# ---------------------------------------------------------------- 3. tabs


@pytest.mark.parametrize(
    "text, where",
    [
        ("kind: bingo\nprompts:\n\t- har katt\n", "f.yaml:3:1:"),
        ("a:\n  b: 1\n\tc: 2\n", "f.yaml:3:1:"),
        ("a:\n  - x\n  -\ty\n", "f.yaml:3:4:"),
        ("a:\n  - x\n  \t- z\n", "f.yaml:3:3:"),
    ],
)
def test_tab_used_for_indentation(text, where):
    message = refused(text)
    assert message.startswith(where), message
    assert "use spaces, not tabs, for indentation" in message


# ---------------------------------------------------------------- 4. ': ' inside a text


def test_colon_in_a_list_item_says_put_the_text_in_quotes():
    [message] = problems(
        Bingo,
        "kind: bingo\ntitle: B\nprompts:\n  - har katt\n  - spiller sjakk: kan flytte hesten riktig  # fra i fjor\n",
    )
    assert message == (
        "f.yaml:5:5: prompt 2 has ': ' in it, so YAML read it as a key and a value; "
        'put the whole text in quotes: - "spiller sjakk: kan flytte hesten riktig"'
    )


def test_colon_in_a_text_on_the_next_line():
    [message] = problems(Deck, DECK + "cards:\n  - title: A\n    text:\n      Husk dette: alle er med\n")
    assert message.startswith("f.yaml:6:7: 'text' has ': ' in it")
    assert message.endswith('put the whole text in quotes: "Husk dette: alle er med"')


def test_colon_in_a_text_after_its_key_shows_the_line_quoted():
    message = refused(DECK + "cards:\n  - title: A\n    text: Husk dette: alle er med\n")
    assert message == (
        "f.yaml:5:11: not valid YAML: this text has ': ' in it, so YAML reads it as a key and "
        'a value; put the whole text in quotes: text: "Husk dette: alle er med"'
    )


def test_a_real_mapping_in_a_text_field_is_not_called_a_colon():
    [message] = problems(Deck, DECK + "cards:\n  - title: A\n    text: {a: 1, b: 2}\n")
    assert "'text' must be text, not a group of 'key: value' lines" in message


# ---------------------------------------------------------------- 5. YAML errors a line late


@pytest.mark.parametrize(
    "text, where, hint",
    [
        # the dash without a space: reported on its own line, not the next
        (
            "kind: bingo\nprompts:\n  - har katt\n  -har en tvilling\n  - liker is\n",
            "f.yaml:4:3:",
            "put a space after '-' to make a list item: '- har en tvilling'",
        ),
        ("kind: bingo\nprompts:\n- har katt\n-har en tvilling\n- liker is\n", "f.yaml:4:1:", "put a space after '-'"),
        ("kind: bingo\nprompts:\n  - har katt\n  -har en tvilling\n", "f.yaml:4:3:", "put a space after '-'"),
        ("title:Hei\ntext: x\n", "f.yaml:1:7:", "put a space after ':'"),
        ('title: "Hei\ntext: b\n', "f.yaml:1:8:", 'the quote " that starts here is never closed'),
        (
            'text: "Hei" sa hun\n',
            "f.yaml:1:13:",
            "there is more text after the closing quote; put the whole text in quotes: text: '\"Hei\" sa hun'",
        ),
        ("title: [Viktig] dette\n", "f.yaml:1:17:", 'put the whole text in quotes: title: "[Viktig] dette"'),
        (
            "cards:\n  - title: A\n    questions: Hva?\n    - a\n",
            "f.yaml:4:5:",
            "a list item '- …' cannot follow 'questions: Hva?' on line 3",
        ),
        ("a:\n  b: 1\n c: 2\n", "f.yaml:3:2:", "check the indentation"),
        ("cards:\n  - title: A\n   text: b\n", "f.yaml:3:4:", "check the indentation"),
        ("title: T\n  text: x\n", "f.yaml:2:7:", "this line is indented more than the line above it"),
        ("title: *viktig* dette\n", "f.yaml:1:8:", "starts with '*' is read as a YAML reference"),
        ("title: @bruker\n", "f.yaml:1:8:", "a value cannot start with '@'"),
        ("a: {x: 1, y: 2\nb: 3\n", "f.yaml:1:4:", "the '{' here is never closed with '}'"),
        ('a: "C:\\mappe"\n', "f.yaml:1:7:", "write \\\\ for a backslash"),
        ("a: 1\n---\nb: 2\n", "f.yaml:2:1:", "remove the '---'"),
        ("prompts:\n- a\nhar katt\n- b\n", "f.yaml:3:1:", "neither 'key: value' nor a list item"),
        ("a: 2024-13-45\n", "f.yaml:1:4:", "not a real date"),
    ],
)
def test_yaml_mistakes_point_at_the_line_to_edit_with_a_plain_hint(text, where, hint):
    message = refused(text)
    assert message.startswith(where), message
    assert hint in message, message
    assert "\n" not in message
    for jargon in ("simple key", "<block end>", "scanning", "<unicode string>", "position "):
        assert jargon not in message


def test_a_first_item_without_its_space_makes_the_list_one_text():
    [message] = problems(Bingo, "kind: bingo\ntitle: B\nprompts:\n  -har katt\n  - liker is\n")
    assert message == (
        "f.yaml:4:3: 'prompts' reads as one text, because '-har katt' has no space after '-'; "
        "write '- har katt' to make it a list item"
    )


def test_items_swallowed_by_a_text_above_them():
    [message] = problems(Deck, DECK + "cards:\n  - title: A\n    questions: Hva?\n      - a\n      - b\n")
    assert message.startswith("f.yaml:5:16: 'questions' reads as one text that runs on over the '- ' lines")


# ---------------------------------------------------------------- 6. a ' #' that cut a value


def test_comments_after_plain_values_are_recorded():
    src = load("color: #c0392b\np:\n  - har nummer #10 på drakta\n  - 'a #b'\n  - c # note\nq: |\n  x #y\n")
    assert src.comments == {("color",): "c0392b", ("p", 0): "10 på drakta", ("p", 2): " note"}


def test_colour_emptied_by_a_comment_is_an_error():
    [message] = problems(Deck, DECK + "groups:\n  - name: Mot\n    color: #c0392b\ncards:\n  - title: A\n")
    assert message == (
        "f.yaml:5:11: YAML reads everything after ' #' as a comment, so 'color' is empty; "
        'put the value in quotes: "#c0392b"'
    )


def test_a_required_value_emptied_by_a_comment_says_so_instead_of_must_be():
    [message] = problems(Bingo, "kind: bingo\ntitle: B\nprompts:\n  - a\n  - #10 i køen\n")
    assert message == (
        "f.yaml:5:4: YAML reads everything after ' #' as a comment, so prompt 2 is empty; "
        'put the value in quotes: "#10 i køen"'
    )


def test_an_empty_optional_group_with_a_comment_is_fine():
    src = load(DECK + "back:   # ingen bakside\ncards:\n  - title: A\n")
    assert validate(Deck, src.data, src).back is None


def test_a_text_cut_short_is_a_warning_with_the_quoted_line():
    src = load("kind: bingo\ntitle: B\nprompts:\n  - har nummer #10 på drakta\n  - liker is   # fra i fjor\n")
    spec = validate(Bingo, src.data, src)
    assert spec.prompts[0] == "har nummer"
    warnings = [str(p) for p in cut_by_comment(src, Bingo)]
    assert warnings == [
        "f.yaml:4:5: warning: YAML reads everything after ' #' as a comment, so prompt 1 is only 'har nummer'; "
        "if '#10 på drakta' belongs to it, put the whole text in quotes: \"har nummer #10 på drakta\""
    ]
    assert [p.message.startswith("warning: ") for p in cut_by_comment(src)] == [True]


def test_cut_by_comment_with_a_model_looks_only_at_text_fields():
    src = load("kind: bingo\ntitle: B\nprompts: [a]\ngrid: 5 #x\n")
    assert cut_by_comment(src, Bingo) == []


# ---------------------------------------------------------------- 7. union fields, plain words


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "font: {regular: x.ttf, italic: y.ttf}\n",
            "f.yaml:3:24: unknown key 'italic'; known keys here: regular, bold",
        ),
        ("font: 12\n", "f.yaml:3:7: 'font' must be text, but YAML reads 12 as a number 12; put it in quotes: \"12\""),
        (
            "font: [a, b]\n",
            "f.yaml:3:7: 'font' must be a text or a group of 'key: value' lines (regular, bold), not a list",
        ),
        (
            "cards:\n  - title: A\n    drawing: {hint: x}\n",
            "f.yaml:5:14: 'drawing' must be true, false or a text, not a group of 'key: value' lines",
        ),
        ("cards: []\n", "f.yaml:3:8: 'cards' needs at least one card"),
        ("cards:\n", "f.yaml:3:7: 'cards' is empty; write its items under it, each on a line starting with '- '"),
        ("cards:\n  - title: A\n    count: 500\n", "f.yaml:5:12: 'count' must be between 1 and 200, not 500"),
        (
            "cards:\n  - title: A\n    count: '5'\n",
            "f.yaml:5:12: 'count' must be a whole number, not '5'; remove the quotes",
        ),
        ("cards:\n  - hei\n", "f.yaml:4:5: card 1 must be a group of 'key: value' lines"),
        (
            "cards:\n  - title: 2024-05-17\n",
            "f.yaml:4:12: 'title' must be text, but YAML reads 2024-05-17 as a date; put it in quotes: \"2024-05-17\"",
        ),
        ("cards:\n  - title: A\n    txet: b\n", "f.yaml:5:5: unknown key 'txet'; did you mean 'text'?"),
    ],
)
def test_deck_messages(text, expected):
    found = problems(Deck, DECK + text)
    assert any(f.startswith(expected) for f in found), found


def test_title_too_long_names_the_field_and_the_limit():
    [message] = problems(Deck, "kind: cards\ntitle: " + "x" * 250 + "\ncards: [{title: A}]\n")
    assert message == "f.yaml:2:8: 'title' is 250 characters; at most 200"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("paper: {width: 1mm, heigth: 2mm}\n", "f.yaml:1:21: unknown key 'heigth'; did you mean 'height'?"),
        ("grid: {cols: 2}\n", "f.yaml:1:7: 'rows' is missing here; add 'rows: …'"),
        ("grid: 5\n", "f.yaml:1:7: 'grid' must be a group of 'key: value' lines (cols, rows) or 'auto', not 5"),
        ("grid: autto\n", "f.yaml:1:7: 'grid' must be 'auto', not 'autto'; did you mean 'auto'?"),
        ("margin: 500mm\n", "f.yaml:1:9: 'margin' must be between 0 mm and 99.8 mm, not 500mm"),
        ("margin: 50cm\n", "f.yaml:1:9: 'margin' must be between 0 cm and 10 cm, not 50cm"),
        (
            "back_offset: {x: -0,5mm, y: 0mm}\n",
            "f.yaml:1:18: write decimals with a point: -0.5mm (a comma separates values in { })",
        ),
        (
            "back_offset: {x: 1,5mm, y: 0mm}\n",
            "f.yaml:1:18: write decimals with a point: 1.5mm (a comma separates values in { })",
        ),
    ],
)
def test_layout_messages(text, expected):
    assert problems(Sheet, text) == [expected]


def test_number_out_of_range_says_the_range():
    assert problems(Bingo, "kind: bingo\ntitle: B\nprompts: [a]\ngrid: 9\n") == [
        "f.yaml:4:7: 'grid' must be between 3 and 7, not 9"
    ]


def test_norwegian_key_names_suggest_the_english_key():
    found = problems(Deck, DECK + "tittel: x\ncards:\n  - title: A\n    bilde: a.png\n    tekst: b\n")
    assert found == [
        "f.yaml:3:1: unknown key 'tittel'; did you mean 'title'? (keys are written in English)",
        "f.yaml:6:5: unknown key 'bilde'; did you mean 'image'? (keys are written in English)",
        "f.yaml:7:5: unknown key 'tekst'; did you mean 'text'? (keys are written in English)",
    ]


def test_norwegian_key_with_no_english_key_here_lists_the_known_keys():
    [message] = problems(Bingo, "kind: bingo\ntitle: B\nprompts: [a]\nelever: [Ola, Kari]\n")
    assert message == (
        "f.yaml:4:1: unknown key 'elever' (keys are written in English; "
        "known keys here: kind, title, prompts, grid, leader)"
    )
    assert "leader'?" not in message


def test_all_problems_of_a_file_come_in_file_order():
    found = problems(Deck, DECK + "cards:\n  - title: A\n    count: 0\n  - txet: b\n    drawing: {x: 1}\n")
    assert [f.split(":")[1] for f in found] == ["5", "6", "7"]


# ---------------------------------------------------------------- 9. QR codes


@pytest.mark.parametrize("data", ["😀" * 999, "a" * 1001])
def test_qr_text_too_long_is_plain(data):
    with pytest.raises(ValueError) as err:
        qr_matrix(data)
    assert str(err.value) == (
        f"the QR text is {len(data)} characters, too long for a QR code a phone can read "
        "from a card; use a shorter link"
    )


def test_every_refusal_of_the_qr_library_is_plain(monkeypatch):
    import smartprint.resolve.qr as qr

    monkeypatch.setattr(qr, "MAX_QR_CHARS", 10**6)
    for data in ("a" * 5000, "1" * 8000, "æ" * 3000):
        with pytest.raises(ValueError, match=r"^the QR text is \d+ characters, too long"):
            qr_matrix(data)
    assert len(qr_matrix("https://example.org")) > 21


# ---------------------------------------------------------------- 10. long words, numbers


def _letters(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(string.ascii_lowercase + "æøå") for _ in range(n))


class TooMuchWork(BaseException):
    """A BaseException, so no `except Exception` in the code under test turns it into a refusal."""


class CountingMeasure:
    """FONTS.measure, counting the letters it is asked to measure: the work a fit or a
    wrap does, counted instead of timed (a time limit fails on a busy machine). Past
    `budget` letters it stops the work at once, so a slow regression fails quickly."""

    def __init__(self, budget: int) -> None:
        self.letters = 0
        self.budget = budget

    def __call__(self, text: str, font: str, size: float) -> float:
        self.letters += len(text)
        if self.letters > self.budget:
            raise TooMuchWork(f"measured more than {self.budget} letters")
        return FONTS.measure(text, font, size)


def test_a_20000_letter_word_fails_fast():
    """Refused after measuring a few times its length (about 4 × today), not once per
    prefix (20,000 × 10,000 letters)."""
    word = _letters(20_000)
    measure = CountingMeasure(budget=20 * len(word))
    with pytest.raises(FitFailure):
        fit_or_fail([Run(f"Kort {word} slutt", FONTS.regular, origin=("text",))], 150, 200, 24, 7, measure, "text")
    assert measure.letters > 0


def test_a_20000_character_text_is_refused_naming_the_field():
    [message] = problems(Deck, DECK + "cards:\n  - title: A\n    text: " + _letters(20_000) + "\n")
    assert message == "f.yaml:5:11: 'text' is 20000 characters; at most 3000"


def test_a_5000_letter_word_wraps_quickly_and_every_piece_fits():
    word = _letters(5_000, seed=2)
    measure = CountingMeasure(budget=10 * len(word))  # about 2 × today: linear, not quadratic
    lines = wrap(word, FONTS.regular, 10, 120, measure)
    assert measure.letters > 0
    assert len(lines) > 30
    for line in lines:
        assert line and line != "-"
        assert FONTS.measure(line, FONTS.regular, 10) <= 120 + 1e-6
    assert all(line.endswith("-") for line in lines[:-1])
    assert "".join(line.removesuffix("-") for line in lines) == word


def test_hyphenation_never_gives_an_empty_piece_or_a_lone_hyphen():
    for text in ("høst- og vinterferie", "a-b-c-d-e-f-g-h-i-j-k-l", "abc--------def", "x" * 40 + "-"):
        for width in (12, 15, 20, 30, 45):
            lines = wrap(text, FONTS.regular, 10, width, FONTS.measure)
            assert all(line.strip() and line.strip("-") for line in lines), (text, width, lines)


@pytest.mark.parametrize("word", ["10.", "2024", "1-3", "3,5", "(12)", "17.", "1/2"])
def test_numbers_are_numbers(word):
    assert is_number(word)


@pytest.mark.parametrize("word", ["kl.10", "nr10", "abc", "-", "10kr"])
def test_words_with_letters_are_not_numbers(word):
    assert not is_number(word)


def test_a_number_is_never_broken_it_shrinks_or_fails():
    number = "12345678901234567890"
    wide = FONTS.measure(number, FONTS.regular, 7)
    assert fit([Run(number, FONTS.regular, origin=("text",))], wide * 0.8, 200, 24, 7, FONTS.measure) is None
    with pytest.raises(FitFailure) as err:
        fit_or_fail([Run(number, FONTS.regular, origin=("text",))], wide * 0.8, 200, 24, 7, FONTS.measure, "text")
    assert err.value.ratio > 1
    fitted = fit([Run(f"Født {number}", FONTS.regular, origin=("text",))], wide * 1.2, 200, 24, 7, FONTS.measure)
    assert fitted is not None and any(line.text.endswith(number) for line in fitted.lines)
    assert wrap(number, FONTS.regular, 10, 20, FONTS.measure) == [number]  # overflow, not "12-"


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(
        st.one_of(
            st.from_regex(r"[0-9]{1,12}[.]?", fullmatch=True),
            st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=1, max_size=40),
        ),
        min_size=1,
        max_size=30,
    ),
    width=st.floats(25, 200),
    height=st.floats(20, 300),
)
def test_fitted_lines_never_split_a_number(words, width, height):
    result = fit([Run(" ".join(words), FONTS.regular, origin=("text",))], width, height, 18, 6, FONTS.measure)
    if result is None:
        return
    tokens = [t for line in result.lines for t in line.text.split()]
    for word in words:
        if is_number(word):
            assert word in tokens
    for line in result.lines:
        assert line.x + FONTS.measure(line.text, line.font, line.size) <= width + 1e-6


# ---------------------------------------------------------------- 7. every model, every field


INTERNAL = [
    re.compile(r"\b(str|int|float|bool|dict|NoneType)\b"),
    re.compile(r"list\[|'list'|list_type|\[str|\[int"),
    re.compile(
        r"function-after|function-before|function-wrap|function-plain|literal\[|union|input should|"
        r"after validation|<unicode string>|pydantic|typing|annotated|fieldinfo|constrained-",
        re.IGNORECASE,
    ),
]


def _all_models() -> list[type[Model]]:
    for info in pkgutil.walk_packages(smartprint.__path__, "smartprint."):
        if info.name.endswith("__main__"):
            continue  # running it is running the command line
        try:
            importlib.import_module(info.name)
        except Exception:  # noqa: BLE001 - a module mid-restructure; its models are simply not found
            continue
    found: list[type[Model]] = []
    todo = [Model]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.append(sub)
                todo.append(sub)
    return found


MODELS = _all_models()
WRONG: list[Any] = [
    None,
    ["x", 1],
    {"zzq_unknown": 1},
    "zzq",
    7,
    2.5,
    10**30,
    [],
    [None],
    [{"zzq": 1}],
    [7],
    True,
    {},
    "x" * 5000,
]


def test_the_sweep_finds_the_real_models():
    names = {m.__name__ for m in MODELS}
    assert {"Common", "Deck", "Sheet"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda m: f"{m.__module__}.{m.__name__}")
def test_no_message_names_a_library_type(model):
    class_names = re.compile(r"\b(" + "|".join(re.escape(m.__name__) for m in MODELS) + r")\b")
    datas: list[Any] = [None, [1, 2], "text", {"zzq": 1}]
    for field in model.model_fields:
        for wrong in WRONG:
            datas.append({field: wrong})
    for data in datas:
        src = load(yaml.safe_dump(data, allow_unicode=True, width=10**6))
        try:
            validate(model, src.data, src)
        except UserError as err:
            assert err.problems
            for problem in err.problems:
                message = str(problem)
                assert LOCATED.match(message) and "\n" not in message, message
                assert not class_names.search(problem.message), (data, message)
                for pattern in INTERNAL:
                    assert not pattern.search(problem.message), (data, message)
