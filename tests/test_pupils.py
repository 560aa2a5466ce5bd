"""Class lists (`pupils:`, `--pupils FILE`): one personal page per pupil, in the list's
order, for every kind that makes one page per person — and clear messages, placed in
the class-list file, when the list is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import page_texts, run, write
from smartprint.errors import UsageError, UserError, Where
from smartprint.kinds.base import Options
from smartprint.load.source import load_text
from smartprint.resolve.pupils import class_list, read_class_list

# 25 plain first names, invented for the tests (a few with æøå, two that share letters)
NAMES = [
    "Ada",
    "Emil",
    "Sofie",
    "Noah",
    "Ella",
    "Jakob",
    "Nora",
    "Filip",
    "Maja",
    "Lukas",
    "Ingrid",
    "Oskar",
    "Sara",
    "Henrik",
    "Tiril",
    "Aksel",
    "Frida",
    "Johannes",
    "Tuva",
    "Mathias",
    "Selma",
    "Isak",
    "Åsa",
    "Ørjan",
    "Mari Ann",
]
OLD = b"old pdf: must be left exactly as it was\n"


def class_txt(folder: Path, names: list[str] = NAMES) -> Path:
    path = folder / "klasse.txt"
    path.write_text("\n".join(names) + "\n", encoding="utf-8")
    return path


def class_csv(folder: Path, names: list[str] = NAMES, sep: str = ";", head: str = "Navn") -> Path:
    path = folder / "klasse.csv"
    rows = [f"{head}{sep}Klasse"] + [f"{n}{sep}2B" for n in names]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def has(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def names_on(pages: list[str]) -> list[list[str]]:
    return [[n for n in NAMES if has(page, n)] for page in pages]


def _blame(message: str) -> UserError:
    return UserError(message)


# ------------------------------------------------------------------ reading


def test_a_txt_list_keeps_order_and_where_each_name_stands(tmp_path):
    path = tmp_path / "k.txt"
    path.write_text("# 2B høsten\n\nAda\n  Emil  Berg \n\nSofie\n", encoding="utf-8")
    listed = read_class_list(path, None, _blame, True)
    assert [p.name for p in listed.pupils] == ["Ada", "Emil Berg", "Sofie"]
    assert [(p.origin.line, p.origin.column) for p in listed.pupils if isinstance(p.origin, Where)] == [
        (3, 1),
        (4, 3),
        (6, 1),
    ]
    assert listed.warnings == []


@pytest.mark.parametrize("sep", [";", ",", "\t"])
@pytest.mark.parametrize("head", ["navn", "Navn", "NAME", " name "])
def test_a_csv_list_finds_the_name_column_with_any_separator(tmp_path, sep, head):
    listed = read_class_list(class_csv(tmp_path, NAMES[:5], sep, head), None, _blame, True)
    assert [p.name for p in listed.pupils] == NAMES[:5]
    first = listed.pupils[0].origin
    assert isinstance(first, Where) and first.line == 2 and first.column == 1


def test_a_csv_column_can_be_chosen_and_a_spreadsheet_from_windows_is_read(tmp_path):
    path = tmp_path / "k.csv"
    path.write_bytes("Elevnr;Fornavn;Etternavn\n1;Åsa;Lie\n2;Ørjan;Berg\n".encode("cp1252"))
    listed = read_class_list(path, "fornavn", _blame, True, True)
    assert [p.name for p in listed.pupils] == ["Åsa", "Ørjan"]
    assert listed.pupils[1].origin == Where(listed.source, 3, 3)
    path.write_bytes("\ufeffnavn\nAda\n".encode("utf-8"))  # Excel's UTF-8 with a BOM
    assert [p.name for p in read_class_list(path, None, _blame, True).pupils] == ["Ada"]


def test_a_csv_without_the_column_names_the_columns_it_has_and_the_flag(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("Fornavn;Klasse\nAda;2B\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_class_list(path, None, _blame, True)
    line = str(caught.value)
    assert line.endswith(
        "k.csv:1:1: the class list has no column 'navn' or 'name', nor the two 'fornavn' and 'etternavn' "
        "(its columns: 'Fornavn', 'Klasse'); choose one with --pupils-column Fornavn"
    )


def test_duplicates_are_a_warning_naming_both_lines(tmp_path):
    listed = read_class_list(class_txt(tmp_path, ["Ada", "Emil", "ada"]), None, _blame, True)
    assert len(listed.pupils) == 3
    (warning,) = listed.warnings
    assert str(warning).endswith(
        "klasse.txt:3:1: warning: «ada» is on the list twice (also line 1); both get a "
        "sheet with the same name — if they are two pupils, add a letter of the surname"
    )


def test_names_in_the_material_itself(tmp_path):
    src = load_text("kind: sheet\npupils: [Ada, Emil, '  ']\n", tmp_path / "a.yaml")
    with pytest.raises(UserError, match=r"a\.yaml:2:21: pupil 3 is empty"):
        class_list(src, ["Ada", "Emil", "  "], Options())
    listed = class_list(src, ["Ada", "Emil"], Options())
    assert listed is not None and [p.origin for p in listed.pupils] == [("pupils", 0), ("pupils", 1)]
    with pytest.raises(UsageError, match="--pupils-column Fornavn: the names are written in the file"):
        class_list(src, ["Ada"], Options(pupils_column="Fornavn"))


def test_the_command_line_list_wins_over_the_files_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path, ["Ada", "Emil"])
    src = load_text("kind: sheet\n", tmp_path / "a.yaml")
    listed = class_list(src, ["Noah"], Options(pupils="klasse.txt"))
    assert listed is not None and [p.name for p in listed.pupils] == ["Ada", "Emil"]


# ------------------------------------------------------------------ the command line, on real PDFs


@pytest.mark.parametrize("make", [class_txt, class_csv], ids=["txt", "csv"])
def test_25_names_give_25_sheets_each_with_its_own_name_in_order(runner, tmp_path, monkeypatch, make):
    monkeypatch.chdir(tmp_path)
    listed = make(tmp_path)
    out = tmp_path / "m.pdf"
    result = run(runner, "build", "megselvhelten", "--pupils", listed.name, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "25 sheets, one per pupil" in result.output
    pages = page_texts(out)
    assert len(pages) == 25
    assert names_on(pages) == [[n] for n in NAMES]
    for page, name in zip(pages, NAMES):
        assert re.search(rf"Navn:\s*{re.escape(name)}\b", page), page[:80]


def test_bingo_with_a_class_list_gives_one_different_sheet_per_pupil_with_the_name(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path)
    out = tmp_path / "b.pdf"
    result = run(runner, "build", "bli-kjent-bingo", "--pupils", "klasse.txt", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "25 sheets with the pupils' names" in result.output
    pages = page_texts(out)
    assert len(pages) == 26  # the leader's page, then the sheets
    sheets = pages[1:]
    assert names_on(sheets) == [[n] for n in NAMES]
    for k, page in enumerate(sheets, 1):
        assert f"Brett {k} av 25" in page
    grids = [re.sub(r"\s+", " ", page.replace(name, "").split("Brett ")[0]) for page, name in zip(sheets, NAMES)]
    assert len(set(grids)) == 25  # every sheet differs


def test_bingo_reprints_a_pupils_sheet_exactly(runner, tmp_path, monkeypatch):
    """--only 7 with the class list prints Jakob's sheet, the same page as in the full run."""
    from pypdf import PdfReader

    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path)
    full, one = tmp_path / "full.pdf", tmp_path / "one.pdf"
    assert run(runner, "build", "bli-kjent-bingo", "--pupils", "klasse.txt", "-o", str(full)).exit_code == 0
    leader = " ".join(page_texts(full)[0].split())
    assert re.search(r"smartprint build bli-kjent-bingo --pupils klasse\.txt --seed \d+ --only", leader), leader
    result = run(runner, "build", "bli-kjent-bingo", "--pupils", "klasse.txt", "--only", "6", "-o", str(one))
    assert result.exit_code == 0, result.output
    assert names_on(page_texts(one)) == [["Jakob"]]
    assert (
        PdfReader(str(one)).pages[0].get_contents().get_data()
        == PdfReader(str(full)).pages[6].get_contents().get_data()
    )
    # by the pupil's name, as a sheet is: the same page (a teacher does not count the list)
    by_name = tmp_path / "by-name.pdf"
    result = run(runner, "build", "bli-kjent-bingo", "--pupils", "klasse.txt", "--only", "jakob", "-o", str(by_name))
    assert result.exit_code == 0, result.output
    assert by_name.read_bytes() == one.read_bytes()
    result = run(runner, "build", "bli-kjent-bingo", "--pupils", "klasse.txt", "--only", "Jacob", "-o", str(by_name))
    assert result.exit_code == 2 and "no pupil of that name on the class list; did you mean 'Jakob'" in result.output
    result = run(runner, "build", "bli-kjent-bingo", "--only", "Jakob", "-o", str(by_name))
    assert result.exit_code == 2 and "by a pupil's name when a class list gives each pupil one" in result.output


def test_bingo_pupils_in_the_file_and_sheets_too_is_a_warning(runner, tmp_path):
    src = write(
        tmp_path / "b.yaml",
        """
        kind: bingo
        title: Bli kjent
        grid: 3
        sheets: 30
        pupils: [Ada, Emil, Sofie]
        prompts: [a, b, c, d, e, f, g, h, i, j, k]
    """,
    )
    out = tmp_path / "b.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "b.yaml:4:9: warning: 'sheets' is not used: the class list gives one sheet per pupil (3)" in result.output
    assert len(page_texts(out)) == 4


def test_bingo_with_more_pupils_than_the_prompts_allow_says_so(runner, tmp_path):
    src = write(
        tmp_path / "b.yaml",
        """
        kind: bingo
        title: Bli kjent
        grid: 3
        mode: called
        pupils: [A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12]
        prompts: [a, b, c, d, e, f, g, h, i]
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code == 1, result.output
    assert "b.yaml:6:10: the class list has 12 pupils, and 9 prompts on a 3 × 3 sheet make at most 10" in result.output


@pytest.mark.parametrize(
    "listing, says, where",
    [
        ("", "the class list has no names; write one name a line", "klasse.txt:1:1"),
        (
            "Ada\nEmil\nSofie 🙂\n",
            "the fonts DejaVu Sans and Noto Sans Arabic have no '🙂' (U+1F642 SLIGHTLY SMILING FACE)",
            "klasse.txt:3:1",
        ),
        ("Ada\n" + "x" * 90 + "\n", "a name of 90 characters", "klasse.txt:2:1"),
    ],
    ids=["empty", "emoji", "too-long"],
)
@pytest.mark.parametrize("material", ["megselvhelten", "bli-kjent-bingo"])
def test_a_bad_class_list_is_named_at_its_line_and_the_old_pdf_stays(
    runner, tmp_path, monkeypatch, listing, says, where, material
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "klasse.txt").write_text(listing, encoding="utf-8")
    out = tmp_path / "out.pdf"
    out.write_bytes(OLD)
    result = run(runner, "build", material, "--pupils", "klasse.txt", "-o", str(out))
    assert result.exit_code == 1, result.output
    assert f"{where}: {says}" in result.output
    assert out.read_bytes() == OLD
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_duplicate_name_builds_with_a_warning_and_strict_refuses(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path, ["Ada", "Emil", "Ada"])
    out = tmp_path / "out.pdf"
    result = run(runner, "build", "megselvhelten", "--pupils", "klasse.txt", "-o", str(out))
    assert result.exit_code == 0
    assert "klasse.txt:3:1: warning: «Ada» is on the list twice (also line 1)" in result.output
    out.write_bytes(OLD)
    result = run(runner, "build", "megselvhelten", "--pupils", "klasse.txt", "--strict", "-o", str(out))
    assert result.exit_code == 1 and "(an error with --strict)" in result.output
    assert out.read_bytes() == OLD


@pytest.mark.parametrize(
    "args, says",
    [
        (
            ["styrkekort", "--pupils", "klasse.txt"],
            "--pupils (a class list: one page per pupil, with the name) is not for card decks",
        ),
        (["fem-paa-rad", "--pupils", "klasse.txt"], "is not for five-in-a-row boards"),
        (
            ["bli-kjent-bingo", "--pupils", "klasse.txt", "--sheets", "4"],
            "--sheets 4: with a class list every pupil gets one sheet (25 from klasse.txt)",
        ),
        (["megselvhelten", "--pupils-column", "Fornavn"], "--pupils-column Fornavn: there is no class list"),
        (["megselvhelten", "--pupils", "mangler.txt"], "--pupils mangler.txt: no such file"),
        (
            ["megselvhelten", "--pupils", "klasse.txt", "--sheets", "3"],
            "--sheets (how many numbered sheets or boards) is not for fill-in sheets",
        ),
    ],
)
def test_a_class_list_where_it_cannot_work_is_a_command_line_mistake(runner, tmp_path, monkeypatch, args, says):
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path)
    out = tmp_path / "out.pdf"
    out.write_bytes(OLD)
    result = run(runner, "build", *args, "-o", str(out))
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert out.read_bytes() == OLD


def test_validate_reads_the_class_list_too(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "klasse.csv").write_text("Fornavn\nAda\n", encoding="utf-8")
    result = run(runner, "validate", "megselvhelten", "--pupils", "klasse.csv")
    assert result.exit_code == 1 and "klasse.csv:1:1: the class list has no column" in result.output
    result = run(runner, "validate", "megselvhelten", "--pupils", "klasse.csv", "--pupils-column", "Fornavn")
    assert result.exit_code == 0, result.output
    assert "1 sheet, one per pupil" in result.output


def test_names_from_the_whole_latin_script_print_with_the_default_font(runner, tmp_path, monkeypatch):
    """A Norwegian class list holds Polish, Lithuanian, Romanian, Turkish, Hungarian and
    Vietnamese names: the built-in font draws them all, on sheets and on bingo."""
    names = [
        "Agnieszka Szczęsna",
        "Šarūnas Žemaitis",
        "Ștefan Țurcanu",
        "Yağmur Şahin",
        "Gergő Kőváry",
        "Nguyễn Thị Hằng",
        "Jūratė Ąžuolaitė",
        "Łukasz Wiśniewski",
    ]
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path, names)
    for material in ("megselvhelten", "bli-kjent-bingo"):
        out = tmp_path / f"{material}.pdf"
        result = run(runner, "build", material, "--pupils", "klasse.txt", "-o", str(out))
        assert result.exit_code == 0, result.output
        texts = page_texts(out)
        pages = texts[1:] if material == "bli-kjent-bingo" else texts
        assert len(pages) == len(names)
        for page, name in zip(pages, names):
            assert name in " ".join(page.split()), (name, page[:200])


@pytest.mark.parametrize("row", ["Navn;Klasse", "Ada\t2B"])
def test_a_spreadsheet_row_in_a_txt_list_is_named_at_its_line(tmp_path, row):
    path = tmp_path / "klasse.txt"
    path.write_text(f"Ada\n{row}\nEmil\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_class_list(path, None, _blame, True)
    problem = caught.value.problems[0]
    assert (problem.where.line, problem.where.column) == (2, row.index(";" if ";" in row else "\t") + 1)
    assert "save the list from the spreadsheet as CSV" in problem.message


def test_invisible_characters_pasted_with_a_name_are_dropped(tmp_path):
    path = tmp_path / "klasse.txt"
    path.write_text("Kari\u200b\nOl\u00ade\n\ufeffSiv\u2060\n", encoding="utf-8")
    assert [p.name for p in read_class_list(path, None, _blame, True).pupils] == ["Kari", "Ole", "Siv"]


def test_a_list_over_the_limit_is_told_at_the_first_name_too_many(tmp_path):
    path = tmp_path / "alle.txt"
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = [f"Elev {letters[i // 676 % 26]}{letters[i // 26 % 26]}{letters[i % 26]}" for i in range(1, 1002)]
    path.write_text("# hele skolen\n" + "".join(f"{name}\n" for name in names), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_class_list(path, None, _blame, True)
    problem = caught.value.problems[0]
    assert problem.where.line == 1002 and "1001 names; at most 1000" in problem.message


def test_a_heading_line_in_a_txt_class_list_is_no_pupil(runner, tmp_path) -> None:
    """'Navn' on the first line of a .txt list would be a sheet (or a letter home) for
    a pupil called Navn: it is left out with a warning at its line."""
    (tmp_path / "3a.txt").write_text("Navn\nAda Berg\nBo Li\n", encoding="utf-8")
    out = tmp_path / "m.pdf"
    result = run(runner, "build", "megselvhelten", "--pupils", str(tmp_path / "3a.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "3a.txt:1:1: warning: «Navn» looks like a heading, not a pupil, so it was left out" in result.output
    texts = page_texts(out)
    assert len(texts) == 2 and "Ada Berg" in texts[0] and "Bo Li" in texts[1]


def test_a_list_copied_from_word_keeps_its_names_and_loses_its_numbers(runner, tmp_path) -> None:
    """Word saves a numbered or bulleted list as text with '1.', '2)' or '•' in front of
    each name (and a tab after); those once went onto the children's sheets. A heading
    with a number ('Klasse 4B') is no pupil either; a number later in the list is a
    mistake at its place, never a name."""
    (tmp_path / "word.txt").write_text(
        "Klasse 4B\n\n1. Ada Berg\n2)\tEmil Lie\n• Sofie Dahl\n- Nora Ali\n\t* Liam Ho\n", encoding="utf-8"
    )
    out = tmp_path / "m.pdf"
    result = run(runner, "build", "megselvhelten", "--pupils", str(tmp_path / "word.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "word.txt:1:1: warning: «Klasse 4B» looks like a heading, not a pupil" in said
    assert "word.txt:3:1: warning: the numbers or bullets in front of the names (lines 3, 4, 5 …) were left out" in said
    names = [re.search(r"Navn:\s*(.+)", page).group(1).strip() for page in page_texts(out)]  # type: ignore[union-attr]
    assert names == ["Ada Berg", "Emil Lie", "Sofie Dahl", "Nora Ali", "Liam Ho"]
    (tmp_path / "aar.txt").write_text("Ada Berg\nBo Li 2016\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_class_list(tmp_path / "aar.txt", None, _blame, True)
    (problem,) = caught.value.problems
    assert (problem.where.line, problem.where.column) == (2, 7) and "has a number in it" in problem.message


def test_a_middle_name_column_is_part_of_the_name(tmp_path) -> None:
    path = tmp_path / "k.csv"
    path.write_bytes("Fornavn;Mellomnavn;Etternavn\r\nAda;Marie;Berg\r\nBo;;Li\r\n".encode("cp1252"))
    listed = read_class_list(path, None, _blame, True)
    assert [(p.name, p.first_name) for p in listed.pupils] == [("Ada Marie Berg", "Ada"), ("Bo Li", "Bo")]


def test_only_with_a_name_two_pupils_share_says_their_places(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.txt").write_text("Øyvind Æsøy\nOla Nordmann\nOla Nordmann\n", encoding="utf-8")
    both = run(runner, "build", "megselvhelten", "--pupils", "d.txt", "--only", "Ola Nordmann")
    assert both.exit_code == 2
    assert "2 pupils on the class list are called that; choose by their place on the list: --only 2 or --only 3" in (
        " ".join(both.stderr.split())
    )
    plain = run(runner, "build", "megselvhelten", "--pupils", "d.txt", "--only", "Oyvind")
    assert plain.exit_code == 2 and "did you mean 'Øyvind Æsøy'?" in plain.stderr


@pytest.mark.parametrize(
    "above, warned",
    [("Klasseliste 4B;;\r\n;;\r\n", "the lines above the header row (line 3)"), ("sep=;\r\n", "the line above")],
)
def test_a_title_or_excels_sep_line_above_the_header_is_left_out(tmp_path, above, warned) -> None:
    """Excel exports often start with a title row, an empty row, or `sep=;`: the header
    is the first of the first lines that names a column of names, and the lines above
    it are left out with a warning (they were taken for the header, and the advice to
    name the column could not work)."""
    path = tmp_path / "k.csv"
    path.write_bytes(f"{above}Navn;Født;Kontakt\r\nAda Berg;2016;\r\nBo Li;2016;\r\n".encode("cp1252"))
    listed = read_class_list(path, None, _blame, True)
    assert [p.name for p in listed.pupils] == ["Ada Berg", "Bo Li"]
    first = listed.pupils[0].origin
    assert isinstance(first, Where) and first.line == above.count("\n") + 2
    assert any(warned in w.message and w.where is not None and w.where.line == 1 for w in listed.warnings)
    chosen = read_class_list(path, "Navn", _blame, True, column_flag=True)
    assert [p.name for p in chosen.pupils] == ["Ada Berg", "Bo Li"]


def test_only_the_first_line_can_be_a_heading_and_hand_numbers_are_list_numbers(tmp_path) -> None:
    """'1 Ada' or '1.Ada' typed by hand is a numbered list, not a heading: no pupil at the
    top of the list may be left out because of a number (two once were, with exit 0)."""
    path = tmp_path / "k.txt"
    path.write_text("1 Ada\n2 Bo\n3.Cy\n4) Dag\n", encoding="utf-8")
    assert [p.name for p in read_class_list(path, None, _blame, True).pupils] == ["Ada", "Bo", "Cy", "Dag"]
    path.write_text("Ada (4B)\nBo (4B)\nCy Li\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_class_list(path, None, _blame, True)
    (problem,) = caught.value.problems
    assert problem.where.line == 2 and "has a number in it" in problem.message


def test_a_persian_name_keeps_its_non_joiner(tmp_path) -> None:
    """«علی‌رضا» is spelt with a zero-width non-joiner between ی and ر: without it the two
    letters join and the name is misspelt. Invisible characters in other names still go."""
    path = tmp_path / "k.txt"
    path.write_text("علی\u200cرضا\nKari\u200c\u200b\n", encoding="utf-8")
    names = [p.name for p in read_class_list(path, None, _blame, True).pupils]
    assert names == ["علی\u200cرضا", "Kari"]
