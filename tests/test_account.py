"""What a built file is and how to print it, as data (`text/account.py`): the local page says
it in bokmål, nynorsk or English, with the same facts as the command line's English line and
the same print advice as the PDF's own first pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import page_texts
from smartprint.pipeline import Options, Written, build
from smartprint.text.account import say

PAGE_LANGUAGES = ("nb", "nn", "en")
# (built-in, options): one of each kind and of each way a file is printed
CASES = {
    "cards": ("styrkekort", Options()),
    "cards-fold": ("styrkekort", Options(layout="kort-63x88-brett")),
    "cards-shop": ("dilemmakort", Options(layout="trykkeri-63x88")),
    "bingo": ("paaskebingo", Options(sheets=2)),
    "five": ("fem-paa-rad", Options(sheets=1)),
    "board-two-papers": ("relasjonsspill", Options()),
    "sheet-duplex": ("klassebamse", Options()),
    "sheet-poster": ("gruppeplakat", Options()),
}
ENGLISH_WORDS = re.compile(r"\b(pages?|cards?|sheets?|print|board|double-sided|one-sided|pupil)\b")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Written]]:
    out = tmp_path_factory.mktemp("accounts")
    return {case: build(name, options, out / f"{case}.pdf")[0] for case, (name, options) in CASES.items()}


def _numbers(text: str) -> list[int]:
    return sorted(int(n) for n in re.findall(r"\d+", text))


@pytest.mark.parametrize("case", CASES)
def test_the_page_says_the_command_lines_facts_in_its_own_language(built: dict[str, list[Written]], case: str) -> None:
    """Every number of the command line's line (pages, cards, sheets, sets …) is in the page's
    sentence in every language, no placeholder is left, and bokmål and nynorsk hold no English."""
    for written in built[case]:
        cli = written.what
        for language in PAGE_LANGUAGES:
            lines = say(written.account, language)
            said = " ".join(lines)
            assert "{" not in said and "}" not in said, said
            remaining = _numbers(said)
            for n in _numbers(cli):
                assert n in remaining, (language, n, cli, said)
                remaining.remove(n)
            assert lines[0].split(":")[0] in (
                f"{written.pages} sider",
                f"{written.pages} side",
                f"{written.pages} pages",
                f"{written.pages} page",
            )
            if language != "en":
                assert not ENGLISH_WORDS.search(said.replace("TrimBox og BleedBox", "")), said


@pytest.mark.parametrize("case", [c for c in CASES if c != "cards-shop"])
def test_the_print_advice_is_what_the_pdf_itself_says(built: dict[str, list[Written]], case: str) -> None:
    """The bokmål how-to-print line (sides, edge, 100 %) is printed on the PDF's pages too, and
    its paper is the PDF's first page's paper; a double-sided file is said to be double-sided
    in every language, as the command line says where it names the sides."""
    for written in built[case]:
        paper, how = say(written.account, "nb")[1].split(" · ")[:2]
        texts = " ".join(" ".join(t.split()) for t in page_texts(written.path)).lower()
        assert how.lower() in texts, (how, written.path.name)
        assert paper == written.account.paper
        double = "tosidig" in how
        assert ("double-sided" in say(written.account, "en")[1].lower()) == double
        assert ("tosidig" in say(written.account, "nn")[1]) == double
        if "sided" in written.what:  # the command line names the sides: the page agrees
            assert ("double-sided" in written.what) == double, written.what


def test_a_print_shop_file_says_what_to_tell_the_print_shop(built: dict[str, list[Written]]) -> None:
    """Trim size, bleed and page order for a print shop, in the page's language, and no
    advice to print it on a school printer."""
    (written,) = built["cards-shop"]
    nb = say(written.account, "nb")
    assert nb[1] == "Si dette til trykkeriet:"
    assert any(line.startswith("Ferdig format: 63 mm × 88 mm; 3 mm utfallende") for line in nb)
    assert not any("Skriv ut" in line for line in nb)
    en = say(written.account, "en")
    assert any(line.startswith("Trim size: 63 mm × 88 mm; bleed 3 mm") for line in en)
    assert written.what.splitlines()[0] == f"{written.pages} pages for a print shop"  # the command line as before


def test_a_board_on_two_papers_is_two_accounts(built: dict[str, list[Written]]) -> None:
    board, rest = built["board-two-papers"]
    assert say(board.account, "nb") == ["1 side: brettet", "A3 · Skriv ut ensidig, skriv ut i 100 % størrelse"]
    assert say(rest.account, "nn")[0].startswith(f"{rest.pages} sider: reglar, ")
    assert say(rest.account, "en")[1] == "A4 · Print double-sided, flip on long edge, print at 100 % size"


def test_one_and_many_take_their_own_forms() -> None:
    from smartprint.text.account import Account, Count, phrase

    one = Account("", 1, "A4", "none", (phrase("cards_on_sheets", cards=Count("card", 1), sheets=Count("sheet", 1)),))
    many = Account("", 2, "A4", "none", (phrase("cards_on_sheets", cards=Count("card", 9), sheets=Count("sheet", 2)),))
    assert say(one, "en")[0] == "1 page: 1 card on 1 sheet"
    assert say(many, "en")[0] == "2 pages: 9 cards on 2 sheets"
    assert say(many, "nb")[0] == "2 sider: 9 kort på 2 ark"


def test_every_summary_word_is_used_by_a_kind() -> None:
    """No word of the summary table is left over: each key (a noun without its _one/_other)
    is named in a kind's source text (a missing key is a KeyError in the tests above, and
    tests/test_languages.py holds nn and en to bokmål's keys)."""
    from smartprint.text.labels import section

    kinds = Path(__file__).resolve().parents[1] / "smartprint" / "kinds"
    source = "\n".join(p.read_text(encoding="utf-8") for p in kinds.glob("*/kind.py"))
    keys = {re.sub(r"_(one|other)$", "", key) for key in section("nb", "summary")}
    unused = {key for key in keys if f'"{key}"' not in source} - {"page"}  # pages are counted by say()
    assert unused == set()
