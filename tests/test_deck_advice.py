"""A card deck names the card whose long text shrinks every card, and its advice names
only larger layouts where the card was planned and really fits (or says none does).

Every claim a message makes is checked against a real build: the sizes it names are the
sizes on the page, and a layout it suggests builds without the same complaint."""

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run, write
from smartprint import pipeline
from smartprint.load import resources
from smartprint.options import Options

WORDS = (
    "Du gir ikke opp når noe er vanskelig, og du holder ut og gjør ferdig arbeidet du har begynt på "
    "selv om det tar tid."
).split()
SHORT = "Du ser det som er bra hos andre."
LONG_AT = "13:11"  # where the long card's text starts in `_deck`'s file


def _deck(folder: Path, words: int, *, lines: int = 0, with_long: bool = True, questions: str = "") -> Path:
    """Four short cards and, as card 5, one with `words` words of text (at line 13, column 11)."""
    cards = "".join(f"  - title: Kort {k}\n    text: {SHORT}\n" for k in range(1, 5))
    if with_long:
        cards += f"  - title: Lang\n    text: {' '.join((WORDS * 400)[:words])}\n"
        cards += f"    lines: {lines}\n" if lines else ""
        cards += questions
    return write(folder / "d.yaml", f"kind: cards\ntitle: Prøve\ncards:\n{cards}")


def _sizes_of(pdf: Path, start: str) -> set[float]:
    """The sizes at which lines starting with `start` are printed on the first page."""
    sizes: set[float] = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip().startswith(start):
            sizes.add(round(size * tm[0] * cm[0], 2))

    PdfReader(str(pdf)).pages[0].extract_text(visitor_text=visit)
    return sizes


def _pull(output: str) -> tuple[float, float]:
    """The sizes a shrink warning names for card 5: the deck's, and the others'."""
    found = re.search(
        rf"d\.yaml:{LONG_AT}: warning: card 5 «Lang» is long: it sets every card's text in the deck "
        r"to ([\d.]+) pt, where the others would fit at ([\d.]+) pt; ",
        output,
    )
    assert found, output
    return float(found[1]), float(found[2])


def test_a_card_that_shrinks_the_deck_is_named_with_the_sizes_on_the_page(runner, tmp_path):
    """A card with writing lines and a longer text: the warning names it at its text, and
    the sizes it names are those printed (every short card at the deck's size; without the
    long card, at the size 'the others would fit at'). The layouts it suggests hold the
    card: built there, the deck says nothing."""
    src = _deck(tmp_path, 50, lines=5)
    out = tmp_path / "d.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    deck_size, others = _pull(result.output)
    assert deck_size < 0.9 * others
    assert _sizes_of(out, "Du ser det") == {deck_size}  # the short cards, shrunk by the long one
    assert (
        "shorten it, or use a larger card layout than 'kort-63x88' where its text is as large as the others' "
        "(kort-a6, plakat-a4)" in result.output
    )
    alone = _deck(tmp_path / "alone", 0, with_long=False)
    assert run(runner, "build", str(alone), "-o", str(tmp_path / "alone.pdf")).exit_code == 0
    assert _sizes_of(tmp_path / "alone.pdf", "Du ser det") == {others}
    for layout in ("kort-a6", "plakat-a4"):
        there = run(runner, "validate", str(src), "--layout", layout)
        assert there.exit_code == 0 and "warning" not in there.output, there.output


def test_the_shrink_advice_says_when_no_larger_layout_would_help(runner, tmp_path):
    """A long text without lines shrinks the deck by the same share on any card size (the
    design grows with the card): the advice says so of the largest layout, and that layout
    does warn in the same way."""
    src = _deck(tmp_path, 100)
    result = run(runner, "validate", str(src))
    assert result.exit_code == 0, result.output
    _pull(result.output)
    assert re.search(
        r"even on plakat-a4, the largest card layout, its text would be set at [\d.]+ pt where the card's usual "
        r"size is \d+ pt \(a larger layout enlarges all text alike\): shorten it\n",
        result.output,
    ), result.output
    assert "kort-a6" not in result.output
    poster = run(runner, "validate", str(src), "--layout", "plakat-a4")
    assert "warning: card 5 «Lang» is long" in poster.output, poster.output


def test_a_card_a_little_longer_than_the_others_is_not_named(runner, tmp_path):
    """Below one step of print (less than a tenth smaller) the deck is shrunk but says nothing."""
    src = _deck(tmp_path, 72)
    out = tmp_path / "d.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    (size,) = _sizes_of(out, "Du ser det")
    assert 0.9 * 12.5 <= size < 12.5  # shrunk a little from the usual 12.5 pt


def test_the_strict_build_refuses_a_deck_a_card_shrinks(runner, tmp_path):
    src = _deck(tmp_path, 100)
    result = run(runner, "validate", str(src), "--strict")
    assert result.exit_code == 1 and "is long" in result.output and "(an error with --strict)" in result.output


def test_a_text_that_fits_only_the_poster_is_told_only_the_poster(runner, tmp_path):
    """The advice names plakat-a4 and not kort-a6, and the builds agree: the card fails on
    kort-a6 and fits on plakat-a4."""
    src = _deck(tmp_path, 375)
    result = run(runner, "validate", str(src))
    assert result.exit_code == 1
    assert re.search(
        rf"d\.yaml:{LONG_AT}: card 5 «Lang»: 'text' does not fit even at 7 pt \(it needs about [\d.]+× the room\); "
        r"shorten it, or use a larger card layout than 'kort-63x88' where it fits \(plakat-a4\)\n",
        result.output,
    ), result.output
    a6 = run(runner, "validate", str(src), "--layout", "kort-a6")
    assert a6.exit_code == 1 and "where it fits (plakat-a4)" in a6.output, a6.output
    assert run(runner, "validate", str(src), "--layout", "plakat-a4").exit_code == 0


def test_a_text_that_fits_no_layout_is_told_to_be_shortened(runner, tmp_path):
    """When not even the largest layout holds the card, the message says how far off it
    is there, which is what a build on that layout says; on the largest layout itself the
    advice is only to shorten it."""
    many = "".join(f"      - {' '.join(WORDS * 2)}\n" for _ in range(12))
    src = _deck(tmp_path, 380, questions=f"    questions:\n{many}")
    result = run(runner, "validate", str(src))
    assert result.exit_code == 1
    found = re.search(
        rf"d\.yaml:{LONG_AT}: card 5 «Lang»: 'text' does not fit even at 7 pt \(it needs about [\d.]+× the room\); "
        r"even on plakat-a4, the largest card layout, it needs about ([\d.]+)× the room: shorten it\n",
        result.output,
    )
    assert found, result.output
    poster = run(runner, "validate", str(src), "--layout", "plakat-a4")
    assert poster.exit_code == 1
    assert poster.output.endswith(f"does not fit even at 14 pt (it needs about {found[1]}× the room); shorten it\n")


def test_a_back_is_told_only_the_layouts_that_print_it(runner, tmp_path):
    """plakat-a4 prints no backs: a back too long for every layout is measured on kort-a6."""
    text = " ".join(["Vi ser etter det som er bra hos hverandre."] * 60)
    src = write(tmp_path / "b.yaml", f"kind: cards\ntitle: T\ncards:\n  - title: A\nback:\n  text: {text}\n")
    result = run(runner, "validate", str(src))
    found = re.search(
        r"b\.yaml:6:9: the back: 'text' does not fit even at 7 pt \(it needs about [\d.]+× the room\); even on "
        r"kort-a6, the largest card layout that prints backs, it needs about ([\d.]+)× the room: shorten it\n",
        result.output,
    )
    assert result.exit_code == 1 and found, result.output
    a6 = run(runner, "validate", str(src), "--layout", "kort-a6")
    assert a6.exit_code == 1 and f"(it needs about {found[1]}× the room); shorten it" in a6.output, a6.output


def test_a_board_game_question_that_shrinks_its_category_is_named(runner, tmp_path):
    """A game's question cards share one size per category: the long question is named at
    its place, and the advice is to shorten it (the game's cards have one size)."""
    question = "      - Hva har du blitt flinkere til det siste året?\n"
    longer = (
        "      - Hva har du blitt flinkere til det siste året? Tenk på noe du øvde på, hvem som hjalp deg, "
        "hva som var vanskelig i starten, og hvordan det kjennes nå når du får det til. Fortell også hva du "
        "har lyst til å lære deg neste år, og hvorfor.\n"
    )
    game = resources.builtin_path("decks", "relasjonsspill").read_text(encoding="utf-8")
    assert game.splitlines(keepends=True)[15] == question  # line 16
    src = write(tmp_path / "spill.yaml", game.replace(question, longer))
    result = run(runner, "validate", str(src))
    assert result.exit_code == 0, result.output
    assert re.search(
        r"spill\.yaml:16:9: warning: question 2 of «Egenskaper» is long: it sets every card's text in the deck to "
        r"[\d.]+ pt, where the others would fit at [\d.]+ pt; shorten it\n",
        result.output,
    ), result.output


BUILT_IN_DECKS = [
    (name, language)
    for name in resources.builtin_names("decks")
    for language in ("nb", "nn", "en")
    if re.search(r"^kind: (cards|board-game)$", resources.builtin_path("decks", name).read_text(), re.M)
]


@pytest.mark.parametrize(("name", "language"), BUILT_IN_DECKS)
def test_no_built_in_deck_has_a_card_that_shrinks_it(name, language):
    """The built-in decks' cards share their size within a step of print: none is named
    (five in a row plans its question cards without warnings, so it is not asked here)."""
    job = pipeline.prepare(name, Options(language=language))
    pipeline.plan(job)
    assert not [w for w in job.warnings if "is long" in w.message], job.warnings


def test_a_card_whose_lines_and_drawing_take_the_room_is_told_so_not_that_its_text_is_long(runner, tmp_path):
    """The same text on nine cards; the ninth also has writing lines and a drawing box:
    it is not the text that is long, and 'shorten it' alone would not help."""
    text = "Du er modig når du prøver noe nytt og vanskelig, selv om du er litt redd. Du sier ifra når noe er galt."
    cards = "".join(f"  - title: Kort {k}\n    text: {text}\n" for k in range(1, 9))
    cards += f"  - title: Kort 9\n    text: {text}\n    drawing: Tegn det her\n    lines: 4\n"
    src = write(tmp_path / "t.yaml", f"kind: cards\ntitle: T\ncards:\n{cards}")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "t.pdf"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert "card 9 «Kort 9»: its writing lines and drawing box leave little room for its text" in said, said
    assert "use fewer writing lines, no drawing box or a shorter text" in said and "is long" not in said


def test_a_title_shrunk_far_below_the_usual_size_is_named(runner, tmp_path):
    """Each title is fitted on its own, so a long one shrank alone to a size children
    cannot read, and nothing was said."""
    title = "Dette er en lang tittel om alle styrkene våre i klassen vår i fjerde"
    src = write(tmp_path / "t.yaml", f"kind: cards\ntitle: T\ncards:\n  - title: {title}\n    text: Hei\n")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "t.pdf"))
    assert result.exit_code == 0, result.output
    warned = re.search(r"t\.yaml:4:12: warning: card 1 «[^»]+»: the title is shrunk to ([\d.]+) pt", result.stderr)
    assert warned, result.stderr
    assert float(warned[1]) in _sizes_of(tmp_path / "t.pdf", "Dette")
