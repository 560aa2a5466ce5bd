"""Fitted text never leaves its box."""

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from smartprint.resolve.fonts import load_fonts
from smartprint.text.textfit import Run, fit, wrap

FONTS = load_fonts()
words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=1, max_size=30), min_size=1, max_size=80
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=words, width=st.floats(30, 400), height=st.floats(10, 600))
@example(text=" ".join(["abcdefghij"] * 80), width=30.0, height=10.0)  # far too much: None is right
@example(text="abcdefghijklmnopqrstuvwxyzæøå", width=30.0, height=600.0)  # fits, hyphenated at 6 pt
def test_fit_stays_inside_the_box(text, width, height):
    result = fit([Run(text, FONTS.regular, origin=("text",))], width, height, 24, 6, FONTS.measure)
    if result is None:
        # None must mean the text really overflows: wrapped at the minimum size (hyphenating
        # long words, as the fitter may there) its lines are taller than the box ...
        lines = wrap(text, FONTS.regular, 6, width, FONTS.measure)
        assert all(FONTS.measure(line, FONTS.regular, 6) <= width + 1e-6 for line in lines)
        needed = 6 * 0.95 + (len(lines) - 1) * 6 * 1.25 + 6 * 0.25  # first baseline, leading, descent
        assert needed > height, (needed, height, lines)
        # ... and a box that tall is filled at the minimum size instead of refused
        roomy = fit([Run(text, FONTS.regular, origin=("text",))], width, needed + 1e-3, 24, 6, FONTS.measure)
        assert roomy is not None and roomy.size == 6 and len(roomy.lines) == len(lines)
        return
    assert 6 <= result.size <= 24
    assert result.height <= height + 1e-6
    for line in result.lines:
        assert line.x + FONTS.measure(line.text, line.font, line.size) <= width + 1e-6


@settings(max_examples=100, deadline=None)
@given(text=words, width=st.floats(20, 300))
def test_wrap_keeps_every_letter(text, width):
    lines = wrap(text, FONTS.regular, 10, width, FONTS.measure)
    assert "".join(line.removesuffix("-") for line in lines).replace(" ", "") == text.replace(" ", "")


def test_shrinks_before_it_gives_up():
    long = "ord " * 60
    roomy = fit([Run(long, FONTS.regular, origin=("text",))], 150, 400, 20, 6, FONTS.measure)
    tight = fit([Run(long, FONTS.regular, origin=("text",))], 150, 120, 20, 6, FONTS.measure)
    assert roomy is not None and tight is not None and tight.size < roomy.size
    assert fit([Run(long * 10, FONTS.regular, origin=("text",))], 150, 120, 20, 6, FONTS.measure) is None


# ---------------------------------------------------------------- hyphenation by dictionary

# Syllable breaks written out by hand (the oracle), per language: where a word may be cut.
SYLLABLES = {
    ("nb", "Rettferdighetssans"): "Rett-fer-dig-hets-sans",
    ("nb", "Vennskapsbånd"): "Venn-skaps-bånd",
    ("nb", "nysgjerrighet"): "nys-gjer-rig-het",
    ("nn", "kjærleiken"): "kjær-lei-ken",
    ("en", "friendship"): "friend-ship",
}


def _boundaries(syllables: str) -> set[int]:
    """The letter counts at which a word written "Venn-skaps-bånd" may be cut."""
    out, count = set(), 0
    for part in syllables.split("-")[:-1]:
        count += len(part)
        out.add(count)
    return out


def _cut_points(lines: list[str]) -> list[int]:
    """The letter counts at which a word was cut over `lines`."""
    points, count = [], 0
    for line in lines[:-1]:
        count += len(line.removesuffix("-"))
        points.append(count)
    return points


def test_long_words_are_cut_at_their_syllables():
    """Every cut is at a syllable, unless not even the next syllable fits the line; then
    the line is filled letter by letter. Each line takes as many syllables as fit."""
    for (language, word), syllables in SYLLABLES.items():
        allowed = sorted(_boundaries(syllables))
        whole = FONTS.measure(word, FONTS.regular, 10)
        width = max(FONTS.measure(ch + "-", FONTS.regular, 10) for ch in word)  # every letter fits a line
        while width < whole:
            lines = wrap(word, FONTS.regular, 10, width, FONTS.measure, language)
            assert len(lines) > 1, (word, width)
            assert all(FONTS.measure(line, FONTS.regular, 10) <= width + 1e-6 for line in lines), (word, lines)

            def fits(a: int, b: int, word: str = word, width: float = width) -> bool:
                return FONTS.measure(word[a:b] + "-", FONTS.regular, 10) <= width + 1e-6

            start = 0
            for cut in _cut_points(lines):
                syllables_that_fit = [b for b in allowed if start < b and fits(start, b)]
                if syllables_that_fit:
                    assert cut == max(syllables_that_fit), (language, word, width, lines)
                else:  # the line filled letter by letter
                    assert fits(start, cut) and not fits(start, cut + 1), (language, word, width, lines)
                start = cut
            width += 1.5


def test_the_issue_words_are_cut_between_syllables_in_a_card_box():
    """'Rettferdi-/ghetssan-/s' and 'Vennska-/psbånd' (issue 17): a box where the whole
    word does not fit even at the smallest size."""
    for word, syllables in (("Rettferdighetssans", "Rett-fer-dig-hets-sans"), ("Vennskapsbånd", "Venn-skaps-bånd")):
        for width in (40.0, 55.0, 70.0):
            run = Run(f"Du har {word}.", FONTS.regular, origin=("text",), language="nb")
            fitted = fit([run], width, 200, 12, 10, FONTS.measure)
            assert fitted is not None
            pieces = [line.text.split()[-1] if k == 0 else line.text.split()[0] for k, line in enumerate(fitted.lines)]
            cut = [p for p in pieces if p.endswith("-")]
            letters = 0
            points = set()
            for piece in pieces:
                if piece.strip(".") and piece.rstrip("-.") in word[letters:]:
                    if piece.endswith("-"):
                        letters += len(piece) - 1
                        points.add(letters)
            assert cut and points <= _boundaries(syllables), (word, width, [line.text for line in fitted.lines])


@pytest.mark.parametrize("word, language", [("Self-control", "en"), ("Bjørnstad-Ødegaard", "nb")])
def test_a_compound_with_a_hyphen_breaks_at_its_own_hyphen_first(word, language):
    """Never "Self-con-/trol" while "Self-/control" fits: every width from the first part
    with its hyphen up to the whole word breaks after the hyphen the word has."""
    first, rest = word.split("-")
    width = FONTS.measure(first + "-", FONTS.regular, 10) + 0.01
    whole = FONTS.measure(word, FONTS.regular, 10)
    while width < whole:
        lines = wrap(word, FONTS.regular, 10, width, FONTS.measure, language)
        assert lines[0] == first + "-", (width, lines)
        width += 2.0


def test_without_a_dictionary_that_fits_the_cut_is_between_letters():
    """A 40-letter web address still fits a narrow square, cut where each line is full."""
    address = "https://skole.example/klasse4b/leksene-for-uke12"
    assert len(address) >= 40
    for language in ("nb", "nn", "en", None):
        fitted = fit([Run(address, FONTS.regular, origin=("text",), language=language)], 45, 400, 12, 7, FONTS.measure)
        assert fitted is not None
        for line in fitted.lines:
            assert FONTS.measure(line.text, line.font, line.size) <= 45 + 1e-6
            assert line.text[0].isalnum(), [line.text for line in fitted.lines]
        assert (
            "".join(line.text.removesuffix("-") for line in fitted.lines).replace("--", "-")
            in (
                address,
                address.replace("-", ""),
            )
            or len(fitted.lines) > 3
        )


DASHES = "-–—"


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=1, max_size=14),
            st.sampled_from(["–", "—", "-", "?", "!", "»", ":", "…", "17.", "2024"]),
        ),
        min_size=2,
        max_size=30,
    ),
    width=st.floats(40, 200),  # room for a word's last letter and two marks after it
    language=st.sampled_from(["nb", "nn", "en", None]),
)
def test_no_line_starts_with_a_dash_or_a_lone_mark(parts, width, language):
    marks = [not any(ch.isalnum() for ch in part) for part in parts]
    assume(not any(all(marks[k : k + 3]) for k in range(len(parts) - 2)))  # at most two marks in a row
    text = " ".join(parts)
    lines = wrap(text, FONTS.regular, 10, width, FONTS.measure, language)
    for k, line in enumerate(lines):
        assert line, lines
        if k == 0 and line.split()[0] == parts[0]:
            continue  # the paragraph's own first word may be a mark
        first = line.split()[0]
        assert first[0] not in DASHES, (text, width, lines)
        assert any(ch.isalnum() for ch in first), (text, width, lines)
    assert "".join(line.replace("-", "") for line in lines).replace(" ", "") == text.replace("-", "").replace(" ", "")


def test_the_card_back_keeps_its_dash_with_the_word_before():
    """'Fem på rad / – 17. mai' on a card back (issue 17): the dash goes with 'rad'."""
    title = "Fem på rad – 17. mai"
    for width in range(30, 160, 2):
        fitted = fit([Run(title, FONTS.bold, origin=("title",), language="nb")], width, 300, 14, 7, FONTS.measure)
        assert fitted is not None
        assert not any(line.text.startswith("–") for line in fitted.lines), (width, fitted.lines)
        lines = wrap(title, FONTS.bold, 14, width, FONTS.measure, "nb")
        assert not any(line.startswith("–") for line in lines), (width, lines)


@settings(max_examples=150, deadline=None)
@given(text=words, width=st.floats(30, 300), height=st.floats(10, 300), language=st.sampled_from(["nb", "nn", "en"]))
def test_a_dictionary_never_makes_a_text_fail_that_fits_without_one(text, width, height, language):
    plain = fit([Run(text, FONTS.regular, origin=("text",))], width, height, 16, 6, FONTS.measure)
    hyphenated = fit(
        [Run(text, FONTS.regular, origin=("text",), language=language)], width, height, 16, 6, FONTS.measure
    )
    assert (plain is None) == (hyphenated is None)
    if hyphenated is not None:
        assert hyphenated.size == plain.size  # words are kept whole at every size but the smallest
        for line in hyphenated.lines:
            assert line.x + FONTS.measure(line.text, line.font, line.size) <= width + 1e-6


def test_numbers_stay_whole_in_every_language():
    number = "12345678901234567890"
    wide = FONTS.measure(number, FONTS.regular, 7)
    for language in ("nb", "nn", "en"):
        run = Run(f"Nummer {number}", FONTS.regular, origin=("text",), language=language)
        assert fit([run], wide * 0.8, 200, 24, 7, FONTS.measure) is None
        assert wrap(number, FONTS.regular, 10, 20, FONTS.measure, language) == [number]


def test_the_fitting_memory_holds_with_a_language():
    from smartprint.text import textfit

    text = "Vennskapsbånd og rettferdighetssans i klasserommet"
    fit([Run(text, FONTS.regular, origin=("cards", 0, "text"), language="nb")], 50, 300, 12, 7, FONTS.measure)
    before = textfit._fit.cache_info()
    for k in range(1, 20):
        fit([Run(text, FONTS.regular, origin=("cards", k, "text"), language="nb")], 50, 300, 12, 7, FONTS.measure)
    after = textfit._fit.cache_info()
    assert after.hits - before.hits == 19 and after.misses == before.misses


def test_every_built_in_hyphenates_in_its_own_language(monkeypatch):
    """Every text a built-in material sets is wrapped with its file's `language`, so a
    long word is cut at that language's syllables wherever it stands (a card, a square,
    a legend, a rules page, a footer)."""
    from smartprint import pipeline
    from smartprint.load import resources
    from smartprint.text import textfit

    seen: list[str | None] = []
    original = textfit._set

    def noting(runs, *args, **kwargs):  # every run set carries its language (a last-resort cut by
        seen.extend(r.language for r in runs)  # letters, for a word no syllable lets fit, is still allowed)
        return original(runs, *args, **kwargs)

    monkeypatch.setattr(textfit, "_set", noting)
    for name in resources.builtin_names("decks"):
        textfit._fit.cache_clear()
        seen.clear()
        built = pipeline.plan(pipeline.prepare(name))
        assert seen, name
        assert set(seen) == {built.job.spec.language}, (name, set(seen))


def test_a_run_set_without_its_origin_keeps_every_other_field() -> None:
    """`fit` shares its memory between cards by keying runs without their origins; the
    key is built field by field, so a field added to Run must be added there too."""
    from dataclasses import fields, replace

    from smartprint.text.origin import Label
    from smartprint.text.textfit import UNPLACED, _bare_run, _run_key

    run = Run("Tekst", "F", 1.5, 0.5, "•", "center", 3, origin=Label("kort 1", ""), language="nn")
    assert {f.name for f in fields(Run)} == {
        "text",
        "font",
        "scale",
        "space_before",
        "bullet",
        "align",
        "max_lines",
        "origin",
        "language",
    }
    assert _bare_run(_run_key(run)) == replace(run, origin=UNPLACED)
