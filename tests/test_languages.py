"""`language:` and `--language`: BCP 47 codes, smartprint's own words from one table per
language, every built-in in bokmål, nynorsk and English, and the class-teddy letter in the
languages of families (Polish, Ukrainian, Arabic, Somali) with the pupils' names."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyphen
import pytest
import yaml

from conftest import page_texts, run, write
from smartprint.check.languages import EVERYDAY, LANGUAGES
from smartprint.kinds import KINDS, get_kind
from smartprint.load import resources
from smartprint.pipeline import Options, check_only, prepare
from smartprint.text.labels import TABLES
from smartprint.text.textfit import Run, fit

FAMILY = [code for code in LANGUAGES if code not in EVERYDAY]
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BUILTINS = resources.builtin_names("decks")


def _table(code: str) -> dict[str, dict[str, str]]:
    data = yaml.load((TABLES / f"{code}.yaml").read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506
    assert isinstance(data, dict)
    return data


def _kind_sections(kind: str) -> set[str]:
    """The table sections a kind prints from, found by reading its words.py (the oracle is
    the source text, not the loader under test)."""
    spec = importlib.util.find_spec(f"{KINDS[kind]}".rsplit(".", 1)[0] + ".words")
    if spec is None or spec.origin is None:
        return {"labels"}  # a kind without words of its own prints the shared ones (a deck's footer)
    source = Path(spec.origin).read_text(encoding="utf-8")
    return {s for s in _table("nb") if f'"{s}"' in source} | {"labels"}


# ---------------------------------------------------------------- the tables


def test_every_language_has_a_table_with_every_key_it_needs():
    """nb, nn and en have every key of the bokmål table; a family language has every key of
    every section a kind that takes it prints from; no table has a key bokmål lacks (a typo)
    or an empty text; and each table starts by saying what it is."""
    reference = _table("nb")
    assert set(reference) >= {"labels", "bingo", "boardgame", "fiveinarow", "sheet"}
    assert sorted(p.stem for p in TABLES.glob("*.yaml")) == sorted(LANGUAGES)
    for code in LANGUAGES:
        table = _table(code)
        needed = set(reference) if code in EVERYDAY else set()
        for kind in KINDS:
            if code in get_kind(kind).spec.languages:
                needed |= _kind_sections(kind)
        assert needed <= set(table), (code, needed - set(table))
        for section, words in table.items():
            assert section in reference, (code, section)
            assert set(words) == set(reference[section]), (code, section, set(words) ^ set(reference[section]))
            assert all(isinstance(w, str) and w.strip() for w in words.values()), (code, section)
        first = (TABLES / f"{code}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# smartprint's own printed words in"), code
        if code in FAMILY:
            assert "interpreter" in (TABLES / f"{code}.yaml").read_text(encoding="utf-8").split("\nlabels:")[0]


def test_family_languages_are_for_what_goes_home():
    """Sheets and board games go home and take every language; the rest take nb, nn, en."""
    for kind in KINDS:
        expected = set(LANGUAGES) if kind in ("sheet", "board-game") else set(EVERYDAY)
        assert set(get_kind(kind).spec.languages) == expected, kind


# ---------------------------------------------------------------- language: in a file


@pytest.mark.parametrize(
    "written, message",
    [
        ("no", "'no' says Norwegian without saying which written form: write nb (bokmål) or nn (nynorsk)"),
        ("nob", "'nob': write nb for bokmål"),
        ("nynorsk", "'nynorsk': write nn for nynorsk"),
        ("bokmål", "'bokmål': write nb for bokmål"),
        ("lt", "'lt' is not a language smartprint prints its own words in; write one of nb (bokmål), nn (nynorsk)"),
        ("pl", "'pl' is for what goes home to families (kind: sheet or board-game); a 'cards' file prints"),
    ],
)
def test_a_language_smartprint_cannot_print_is_refused_at_its_place(runner, tmp_path, written, message):
    source = write(tmp_path / "d.yaml", f"kind: cards\ntitle: X\nlanguage: {written}\ncards:\n  - title: A\n")
    result = run(runner, "validate", str(source))
    assert result.exit_code == 1
    assert f"d.yaml:3:11: 'language': {message}" in result.output


def test_a_bcp47_code_with_a_region_is_its_language(runner, tmp_path):
    source = write(tmp_path / "d.yaml", "kind: cards\ntitle: X\nlanguage: nn-NO\ncards:\n  - title: A\n")
    out = tmp_path / "d.pdf"
    assert run(runner, "build", str(source), "-o", str(out)).exit_code == 0
    assert "framside" in page_texts(out)[0]


# ---------------------------------------------------------------- the built-ins


def test_every_builtin_is_in_bokmal_nynorsk_and_english():
    """Each language's file is the same material: the same kind, in its own language, and a
    file in decks/<code>/ has its bokmål original."""
    for name in BUILTINS:
        assert resources.builtin_languages(name)[:3] == ["nb", "nn", "en"], name
    for folder in resources.data_dir("decks").iterdir():
        if folder.is_dir():
            assert folder.name in LANGUAGES and folder.name != "nb", folder
            for path in folder.glob("*.yaml"):
                assert path.stem in BUILTINS, path
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506
                original = yaml.load(
                    (resources.data_dir("decks") / path.name).read_text(encoding="utf-8"), Loader=LOADER
                )  # noqa: S506
                assert data["kind"] == original["kind"] and data["language"] == folder.name, path


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_builtin_validates_in_nynorsk_and_english(language):
    """Every built-in in the language, read from its own file (decks/<code>/), passes every
    check a build makes: the text fits, every letter has a font, the papers are right."""
    for name in BUILTINS:
        job = prepare(name, Options(language=language))
        assert job.spec.language == language
        assert job.src.path.parent.name == language
        check_only(job)


def test_build_styrkekort_in_nynorsk_prints_the_nynorsk_cards(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "build", "styrkekort", "--language", "nn")
    assert result.exit_code == 0, result.output
    assert "wrote styrkekort-nn.pdf" in result.output  # never replaces the bokmål styrkekort.pdf
    text = " ".join(page_texts(tmp_path / "styrkekort-nn.pdf"))
    for word in ("Nysgjerrigheit", "Takksemd", "Kva gler du deg til?", "framside", "storleik"):
        assert word in text
    assert "Nysgjerrighet " not in text and "forside" not in text


def test_the_english_letter_lists_the_english_strength_cards(runner, tmp_path):
    """`from: styrkekort` in an English file takes the English deck's titles."""
    out = tmp_path / "k.pdf"
    result = run(runner, "build", "klassebamse", "--language", "en", "-o", str(out))
    assert result.exit_code == 0, result.output
    back = page_texts(out)[1]
    assert "Curiosity" in back and "Love of learning" in back and "Nysgjerrighet" not in back
    assert "Kind regards" in page_texts(out)[0]


def test_language_chooses_a_builtin_and_says_what_it_cannot(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "build", "styrkekort", "--language", "pl")
    assert result.exit_code == 2
    assert "the built-in styrkekort is written in nb (bokmål), nn (nynorsk), en (English); not in Polish" in (
        result.output
    )
    assert run(runner, "build", "styrkekort", "--language", "nob").exit_code == 2
    own = write(tmp_path / "mine.yaml", "kind: cards\ntitle: X\ncards:\n  - title: A\n")
    result = run(runner, "build", str(own), "--language", "nn")
    assert result.exit_code == 2 and "write 'language: nn' in it instead" in result.output
    assert list(tmp_path.iterdir()) == [own]


def test_new_copies_the_builtin_in_the_language_asked_for(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "new", "klassebamse", "brev.yaml", "--language", "so")
    assert result.exit_code == 0, result.output
    copied = (tmp_path / "brev.yaml").read_text(encoding="utf-8")
    original = (resources.data_dir("decks") / "so" / "klassebamse.yaml").read_text(encoding="utf-8")
    assert copied.endswith(original[original.index("\nkind:") :])  # the material itself as written
    assert "language: so" in copied
    # its comments name the copy, without --language (the copy says its language itself) …
    assert "smartprint build brev.yaml --pupils" in copied and "build klassebamse" not in copied
    assert "smartprint new klassebamse --language so" in copied  # … but how to make a copy stays as it was
    assert run(runner, "new", "egenskaper", "--language", "ar").exit_code == 2


def test_list_shows_the_languages_of_each_builtin(runner):
    lines = run(runner, "list").output.splitlines()
    styrkekort = next(line for line in lines if line.split()[0] == "styrkekort")
    klassebamse = next(line for line in lines if line.split()[0] == "klassebamse")
    assert " nb nn en " in styrkekort and " pl " not in styrkekort
    assert " nb nn en pl uk ar so " in klassebamse


def test_a_builtin_deck_named_by_a_letter_in_another_language_is_refused(runner, tmp_path):
    """A Polish sheet that takes its checklist from styrkekort would print Norwegian words
    into a Polish letter: refused at 'from', asking for the items in its own language."""
    source = write(
        tmp_path / "brev.yaml",
        "kind: sheet\ntitle: List\nlanguage: pl\nblocks:\n  - checklist: {title: Mocne strony, from: styrkekort}\n",
    )
    result = run(runner, "validate", str(source))
    assert result.exit_code == 1
    assert "brev.yaml:5:44: the built-in deck 'styrkekort' is written in nb, nn, en, not in pl" in result.output


# ---------------------------------------------------------------- letters home


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> dict[str, Path]:
    """The class-teddy letter in each family language, for a class list of names written
    in Latin letters (built once for the module, as the teacher builds it)."""
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("letters")
    (folder / "klasse.csv").write_text("navn\nŁucja Wiśniewska\nCaasha Maxamed\n", encoding="utf-8")
    built = {}
    for code in FAMILY:
        out = folder / f"{code}.pdf"
        result = run(
            CliRunner(),
            "build",
            "klassebamse",
            "--language",
            code,
            "--pupils",
            str(folder / "klasse.csv"),
            "-o",
            str(out),
        )
        assert result.exit_code == 0, (code, result.output)
        built[code] = out
    return built


def test_each_letter_says_first_that_the_interpreter_should_read_it():
    for code in FAMILY:
        first = (resources.data_dir("decks") / code / "klassebamse.yaml").read_text(encoding="utf-8").split("\n")[:3]
        assert "skolens tolk" in " ".join(first), code
        assert "\nfont:" not in (resources.data_dir("decks") / code / "klassebamse.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "code, words",
    [
        ("pl", ["Droga Rodzino!", "Dziś Łucja zabiera do domu", "Serdecznie pozdrawiam", "Wdzięczność"]),
        ("uk", ["Шановна родино!", "Сьогодні Łucja бере додому", "З повагою", "Вдячність"]),
        ("so", ["Qoyska Łucja Wiśniewska, salaan!", "Salaan diiran", "Mahadnaq"]),
    ],
)
def test_the_letter_home_in_latin_and_cyrillic_letters_has_the_pupils_names(letters, code, words):
    """Built with no font: line; each pupil's sheet has their name in the letter and on the
    name line, and smartprint's own greeting is in the letter's language."""
    pages = page_texts(letters[code])
    assert len(pages) == 4  # two pupils, two pages each
    text = " ".join(" ".join(p.split()) for p in pages[:2])
    for word in words:
        assert word in text, (code, word)
    assert "Caasha Maxamed" in " ".join(pages[2].split()) + " ".join(pages[3].split())


def test_the_arabic_letter_builds_with_the_builtin_arabic_font(letters):
    """No font: line: the built-in chain draws the Arabic; its font is embedded."""
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(str(letters["ar"])).pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            fonts.add(str(ref.get_object()["/BaseFont"]))
    assert any("Arabic" in name for name in fonts), fonts
    assert "Wiśniewska" in " ".join(page_texts(letters["ar"])[0].split())


def test_ukrainian_is_hyphenated_by_its_own_dictionary():
    """A Ukrainian word too wide for its box is broken where the Ukrainian dictionary allows."""
    word = "життєрадісність"
    allowed = {len(left) for left, _ in pyphen.Pyphen(lang="uk_UA").iterate(word)}
    assert allowed
    fitted = fit([Run(word, "F", origin=("w",), language="uk")], 60, 100, 10, 10, lambda t, f, s: len(t) * s * 0.5)
    assert fitted is not None and len(fitted.lines) > 1
    first = fitted.lines[0].text
    assert first.endswith("-") and len(first) - 1 in allowed, first
