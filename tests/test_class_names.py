"""Names from class lists (issue 17): {fornavn} beside {navn}; a school system's export
with first-name and surname columns read as it is (Windows-1252, `;`, CRLF); a real CSV
reading (quotes, `Hansen, Ola`, a row with more cells than its header); names that a
lossy export spoilt; a long name on a field's line and the labels beside it; and the
klassebamse letter: the full name to greet, the first name after, a line to sign."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import page_texts, run, write
from smartprint.errors import UsageError, UserError, Where
from smartprint.kinds.base import Options
from smartprint.kinds.sheet import page as sp
from smartprint.pipeline import check_only, prepare
from smartprint.resolve.placeholders import BLANK, fill
from smartprint.resolve.pupils import read_class_list
from smartprint.resolve.units import MM

# An export from a school system: invented pupils, first name and surname apart; two
# Emmas, a double first name, and the long name of the issue.
PUPILS = [
    ("Emma", "Berg"),
    ("Emma", "Lie"),
    ("Ingrid Sofie", "Bjørnstad-Ødegaard Kvalheim-Løvaas"),
    ("Mari Ann", "Solberg"),
    ("Noah", "Dahl"),
    ("Åsa", "Haugen"),
    ("Ørjan", "Strand"),
    ("Jonas", "Eide"),
    ("Liv", "Moen"),
    ("Filip", "Aas"),
    ("Ida", "Brekke"),
    ("Oskar", "Vik"),
    ("Sara", "Lund"),
    ("Henrik", "Nygård"),
    ("Tiril", "Sæther"),
    ("Aksel", "Holm"),
    ("Frida", "Bakken"),
    ("Johannes", "Ruud"),
    ("Tuva", "Karlsen"),
    ("Mathias", "Hagen"),
    ("Selma", "Næss"),
    ("Isak", "Rønning"),
    ("Hedda", "Fjeld"),
    ("Amir", "Farah Nur"),
    ("Linnea", "Østby"),
]
LONG = "Ingrid Sofie Bjørnstad-Ødegaard Kvalheim-Løvaas"


def export(folder: Path, rows: list[tuple[str, str]] = PUPILS, name: str = "klasse.csv") -> Path:
    """The class list as a Norwegian Windows export writes it: cp1252, ';', CRLF."""
    lines = ["Fornavn;Etternavn;Klasse"] + [f"{first};{last};1A" for first, last in rows]
    path = folder / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def _blame(message: str) -> UserError:
    return UserError(message)


def squeeze(text: str) -> str:
    """The text without any white space: a name wrapped in a title is still found."""
    return re.sub(r"\s+", "", text)


def _built(arg: str, **options: object):
    return check_only(prepare(arg, Options(**options)))[1]  # type: ignore[arg-type]


# ------------------------------------------------------------------ {fornavn}


def test_fornavn_is_the_first_name_and_a_line_to_write_on_without_a_class_list():
    assert fill("Hei {fornavn}! Til {navn}.", "Ola Hansen", first_name="Ola") == "Hei Ola! Til Ola Hansen."
    assert fill("{Fornavn} {førenamn} {first name}", "Ada Lie", first_name="Ada") == "Ada Ada Ada"
    assert fill("Hei {fornavn}!", None) == f"Hei {BLANK}!"


def test_a_first_name_comes_from_the_first_name_column_else_the_first_word(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("Navn;Fornavn\nMari Ann Solberg;Mari Ann\nOla Hansen;\n", encoding="utf-8")
    listed = read_class_list(path, None, _blame, True)
    assert [(p.name, p.first_name) for p in listed.pupils] == [("Mari Ann Solberg", "Mari Ann"), ("Ola Hansen", "Ola")]
    txt = tmp_path / "k.txt"
    txt.write_text("Mari Ann Solberg\nAda\n", encoding="utf-8")
    assert [p.first_name for p in read_class_list(txt, None, _blame, True).pupils] == ["Mari", "Ada"]


def test_a_sheet_prints_the_first_name_where_fornavn_stands(runner, tmp_path):
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Til {navn}
        pupils: [Ola Hansen, Kari Berg]
        blocks:
          - text: "Hei {fornavn}! Hilsen til {navn}."
          - box: {title: "Hva liker {Fornavn}?", lines: 2}
    """,
    )
    out = tmp_path / "a.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    pages = [" ".join(t.split()) for t in page_texts(out)]
    assert "Hei Ola! Hilsen til Ola Hansen." in pages[0] and "Hva liker Ola?" in pages[0]
    assert "Hei Kari! Hilsen til Kari Berg." in pages[1]
    src.write_text(src.read_text(encoding="utf-8").replace("pupils: [Ola Hansen, Kari Berg]\n", ""), "utf-8")
    assert run(runner, "build", str(src), "-o", str(out)).exit_code == 0
    assert f"Hei {BLANK}!" in " ".join(page_texts(out)[0].split())


def test_a_misspelt_fornavn_is_placed_and_named(runner, tmp_path):
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Til {fornvan}
        blocks:
          - field: Navn
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 1
    assert "a.yaml:2:8: unknown placeholder '{fornvan}'; did you mean '{fornavn}'?" in result.output


# ------------------------------------------------------------------ columns of a school system's export


def test_first_name_and_surname_columns_give_both_without_editing(tmp_path):
    listed = read_class_list(export(tmp_path), None, _blame, True)
    assert [p.name for p in listed.pupils] == [f"{first} {last}" for first, last in PUPILS]
    assert [p.first_name for p in listed.pupils] == [first for first, _ in PUPILS]
    assert listed.warnings == []  # two Emmas, two names
    assert listed.pupils[1].origin == Where(listed.source, 3, 1)


@pytest.mark.parametrize(
    "header",
    ["Fornavn;Etternavn", "fornavn;ETTERNAVN", "First name;Last name", "FIRSTNAME;lastname", "Etternavn;Fornavn"],
)
def test_first_name_and_surname_columns_in_any_case_and_order(tmp_path, header):
    path = tmp_path / "k.csv"
    heads = header.split(";")
    first_col = 0 if heads[0].casefold().startswith(("for", "first")) else 1
    row = ["Ada", "Lie"] if first_col == 0 else ["Lie", "Ada"]
    path.write_text(f"{header}\n{';'.join(row)}\n", encoding="utf-8")
    (pupil,) = read_class_list(path, None, _blame, True).pupils
    assert (pupil.name, pupil.first_name) == ("Ada Lie", "Ada")


def test_pupils_column_names_two_columns_first_name_first(runner, tmp_path, monkeypatch):
    path = tmp_path / "k.csv"
    path.write_text("Elevens fornavn;Elevens etternavn\nAda;Lie\nEmil;Berg\n", encoding="utf-8")
    listed = read_class_list(path, "Elevens fornavn, elevens etternavn", _blame, True, True)
    assert [(p.name, p.first_name) for p in listed.pupils] == [("Ada Lie", "Ada"), ("Emil Berg", "Emil")]
    assert listed.pupils[0].origin == Where(listed.source, 2, 1)
    with pytest.raises(UsageError, match=r"--pupils-column a,b,c: 'a,b,c' is not one column or two"):
        read_class_list(path, "a,b,c", _blame, True, True)
    # and in the material: pupils: {file: …, column: …}
    monkeypatch.chdir(tmp_path)
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Til {fornavn}
        pupils: {file: k.csv, column: "Elevens fornavn, Elevens etternavn"}
        blocks:
          - field: Navn
    """,
    )
    out = tmp_path / "a.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    first = " ".join(page_texts(out)[0].split())
    assert "Til Ada" in first and re.search(r"Navn:\s*Ada Lie", first)
    result = run(runner, "build", str(src), "--pupils", "k.csv", "--pupils-column", "Fornavn,Etternavn,Klasse")
    assert result.exit_code == 2 and "is not one column or two" in result.output


def test_a_header_separator_inside_quotes_is_not_counted(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text('Navn;"Klasse, gruppe, trinn"\n"Hansen, Ola";"1A, gr. 2, 1"\nAda Lie;1B\n', encoding="utf-8")
    assert [p.name for p in read_class_list(path, None, _blame, True).pupils] == ["Ola Hansen", "Ada Lie"]


# ------------------------------------------------------------------ one column, and rows that do not match


def test_a_one_column_list_keeps_a_comma_name_whole_and_turns_it_round(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text('Navn\nHansen, Ola\n"Berg, Kari"\nAda Lie\n', encoding="utf-8")
    listed = read_class_list(path, None, _blame, True)
    assert [(p.name, p.first_name) for p in listed.pupils] == [
        ("Ola Hansen", "Ola"),
        ("Kari Berg", "Kari"),
        ("Ada Lie", "Ada"),
    ]
    assert [p.origin for p in listed.pupils] == [Where(listed.source, n, c) for n, c in ((2, 1), (3, 2), (4, 1))]


@pytest.mark.parametrize(
    "text, place, says",
    [
        ("Navn;Klasse\nAda;1A\nOla;Hansen;1A\n", (3, 12), "this line has 3 cells, but the header has 2"),
        ("Navn,Klasse\nAda,1A\nHansen, Ola,1A\n", (3, 13), 'put a name that holds a comma in quotes ("Hansen, Ola")'),
        ("Navn\nAda\nOla;1A\n", (3, 5), "this line has 2 cells, but the header has 1"),
        ("Navn\nAda\nHansen, Ola, 1A\n", (3, 14), "this line has 3 cells, but the header has 1"),
    ],
    ids=["semicolon", "comma", "one-column-semicolon", "one-column-two-commas"],
)
def test_a_row_with_more_cells_than_the_header_is_an_error_at_its_line(tmp_path, text, place, says):
    path = tmp_path / "k.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_class_list(path, None, _blame, True)
    (problem,) = caught.value.problems
    assert (problem.where.line, problem.where.column) == place
    assert says in problem.message


def test_empty_cells_at_the_end_of_a_row_are_not_more_cells(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("Navn;Klasse\nAda;1A;;\nEmil;1A;\n", encoding="utf-8")
    assert [p.name for p in read_class_list(path, None, _blame, True).pupils] == ["Ada", "Emil"]


# ------------------------------------------------------------------ letters an export lost


@pytest.mark.parametrize(
    "data, where, shown",
    [
        (b"Fornavn;Etternavn\nAda;Lie\nV?n An;Nguyen\n", (3, 2), "«V?n An Nguyen» has '?'"),
        ("Navn\nAda\nAnna Wi?niewska\n".encode("cp1252"), (3, 8), "«Anna Wi?niewska» has '?'"),
        (b"Navn\nAda\nJ\x81rgen\n", (3, 2), "«J\ufffdrgen» has '\ufffd'"),  # a byte cp1252 has no letter for
    ],
    ids=["question-mark", "polish", "replacement-character"],
)
def test_a_name_that_lost_a_letter_is_a_warning_at_its_place(runner, tmp_path, monkeypatch, data, where, shown):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "klasse.csv").write_bytes(data)
    out = tmp_path / "a.pdf"
    result = run(runner, "build", "megselvhelten", "--pupils", "klasse.csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    line, col = where
    assert f"klasse.csv:{line}:{col}: warning: {shown} where a letter should be: the export may have lost a letter" in (
        result.output
    )
    assert len(page_texts(out)) == 2
    result = run(runner, "build", "megselvhelten", "--pupils", "klasse.csv", "--strict", "-o", str(out))
    assert result.exit_code == 1


# ------------------------------------------------------------------ a long name on a field's line


FIELDS = """
kind: sheet
title: Skjema
columns: 2
pupils: ["{name}"]
blocks:
  - field: Navn
  - field: Dato for besøket
"""


def _field_items(built, page: int = 0) -> dict[str, list[sp.TextItem]]:
    out: dict[str, list[sp.TextItem]] = {}
    for item in built.plan.pages[page].items:
        if isinstance(item, sp.TextItem) and isinstance(item.origin, tuple) and "field" in item.origin:
            out.setdefault(item.box.fitted.lines[0].text, []).append(item)
    return out


def _baseline(item: sp.TextItem, line: int = -1) -> float:
    return item.box.top - item.box.fitted.lines[line].baseline


@pytest.mark.parametrize("name", [LONG, "Maximilian-Alexander Kristoffersen-Bjørnstad Øvrebø Nordahl-Sæther"])
def test_a_long_name_shrinks_then_takes_as_few_lines_as_it_can_and_the_labels_share_a_baseline(tmp_path, name):
    src = write(tmp_path / "a.yaml", FIELDS.replace("{name}", name))
    built = _built(str(src))
    items = _field_items(built)
    label, date = items["Navn:"][0], items["Dato for besøket:"][0]
    (value,) = [i for k, v in items.items() for i in v if k not in ("Navn:", "Dato for besøket:")]
    lines = value.box.fitted.lines
    if name == LONG:  # too long for one line even at the smallest size: two lines, not three at full size
        assert len(lines) == 2, [ln.text for ln in lines]
    assert min(ln.size for ln in lines) >= built.job.page.min_text_size
    assert " ".join(ln.text for ln in lines).replace("- ", "-") == name
    # the two labels stand on one baseline, and the name's last line on the same rule
    assert abs(_baseline(label) - _baseline(date)) < 0.01, (_baseline(label) / MM, _baseline(date) / MM)
    rules = sorted({round(i.y, 2) for i in built.plan.pages[0].items if isinstance(i, sp.RuleItem)})
    assert len(rules) == 1


def test_a_name_that_fits_smaller_stays_on_one_line(tmp_path):
    src = write(tmp_path / "a.yaml", FIELDS.replace("{name}", "Ingrid Sofie Bjørnstad-Ødegaard"))
    built = _built(str(src))
    (value,) = [i for k, v in _field_items(built).items() for i in v if "Ingrid" in k]
    assert len(value.box.fitted.lines) == 1
    assert built.job.page.min_text_size <= value.box.fitted.size < built.job.layout.geometry.body_size * 1.15


# ------------------------------------------------------------------ klassebamse


def test_klassebamse_for_a_school_export_first_names_in_the_letter_full_names_on_the_form(
    runner, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    export(tmp_path)
    out = tmp_path / "k.pdf"
    result = run(runner, "build", "klassebamse", "--pupils", "klasse.csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output  # two Emmas are two pupils
    texts = page_texts(out)
    assert len(texts) == 2 * len(PUPILS)
    for k, (first, last) in enumerate(PUPILS):
        full = f"{first} {last}"
        letter, form = squeeze(texts[2 * k]), texts[2 * k + 1]
        assert squeeze(f"Kjære familien til {full}!") in letter
        assert letter.count(squeeze(last)) == 2  # the title and the greeting; the first name after
        for said in (
            f"I dag blir klassebamsen vår med {first} hjem.",
            f"Kanskje tar {first} godt vare på bamsen",
            f"Da får {first} fortelle klassen om besøket",
        ):
            assert squeeze(said) in letter, said
        assert re.search(rf"Navn:\s*{re.escape(full)}\s", form), form[:120]  # the whole name, on one line
        assert f"Styrkene vi så hos {first} (kryss av)" in form


def test_the_klassebamse_letter_ends_with_a_greeting_and_a_line_to_sign(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    export(tmp_path)
    built = _built("klassebamse", pupils="klasse.csv")
    letter = built.plan.pages[4]  # Ingrid Sofie's letter
    texts = {i.box.fitted.lines[0].text: i for i in letter.items if isinstance(i, sp.TextItem) and i.box.fitted.lines}
    greeting, role = texts["Vennlig hilsen"], texts["kontaktlærer"]
    (rule,) = [i for i in letter.items if isinstance(i, sp.RuleItem)]
    room = _baseline(greeting) - rule.y
    assert 12 * MM <= room <= 25 * MM  # room to sign above the line
    assert rule.x1 - rule.x0 >= 50 * MM
    assert _baseline(role, 0) < rule.y  # who signs stands under the line
    assert "kontaktlæreren" not in " ".join(
        line.text for i in letter.items if isinstance(i, sp.TextItem) for line in i.box.fitted.lines
    )


def test_the_klassebamse_story_and_drawing_share_the_rest_of_the_form(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    export(tmp_path)
    built = _built("klassebamse", pupils="klasse.csv")
    form = built.plan.pages[5]
    frames = [i.rect for i in form.items if isinstance(i, sp.FrameItem)]
    story, drawing = sorted(frames, key=lambda r: r.y)[:2]  # the lowest two, side by side
    assert abs(story.y - drawing.y) < 0.01 and abs(story.h - drawing.h) < 0.01
    assert abs(story.w - drawing.w) < 0.01
    lines = [i for i in form.items if isinstance(i, sp.RuleItem) and story.x <= i.x0 and i.x1 <= story.right]
    in_story = [r for r in lines if story.y < r.y < story.top]
    assert len(in_story) >= 8  # a story to write, not three lines
    page = built.job.page
    assert drawing.h * drawing.w < 0.35 * (page.width - 2 * page.margin) * (page.height - 2 * page.margin)


@pytest.mark.parametrize(
    "language, greeting", [("nb", "Vennlig hilsen"), ("nn", "Venleg helsing"), ("en", "Kind regards")]
)
def test_a_sign_block_prints_the_greeting_the_line_and_who_signs(runner, tmp_path, language, greeting):
    src = write(
        tmp_path / "brev.yaml",
        f"""
        kind: sheet
        title: Brev
        language: {language}
        blocks:
          - text: Takk for sist!
          - sign: {{name: Kari Lærer, role: kontaktlærer i 1A}}
          - sign: true
    """,
    )
    out = tmp_path / "brev.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = page_texts(out)[0]
    assert re.search(rf"{greeting}\s+Kari Lærer\s+kontaktlærer i 1A\s+{greeting}", text), text
    built = _built(str(src))
    assert len([i for i in built.plan.pages[0].items if isinstance(i, sp.RuleItem)]) == 2


def test_a_sign_block_says_what_is_wrong_at_its_place(runner, tmp_path):
    src = write(
        tmp_path / "brev.yaml",
        """
        kind: sheet
        title: Brev
        blocks:
          - sign: {navn: Kari Lærer}
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "brev.pdf"))
    assert result.exit_code == 1
    assert "brev.yaml:4:12: unknown key 'navn'; did you mean 'name'? (keys are written in English)" in result.output
