"""Sheets take --only, by number or by pupil name: a reprint of chosen pupils' sheets,
in its own file, as for bingo."""

from __future__ import annotations

from conftest import page_texts, run, write


def test_a_pupil_is_reprinted_by_name_or_number(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "4b.txt", "Ada Berg\nBo Li\nCarl Dahl\n")
    whole = run(runner, "build", "megselvhelten", "--pupils", "4b.txt")
    assert whole.exit_code == 0, whole.output
    all_pages = page_texts(tmp_path / "megselvhelten-4b.pdf")
    assert len(all_pages) == 3

    by_name = run(runner, "build", "megselvhelten", "--pupils", "4b.txt", "--only", "bo")
    assert by_name.exit_code == 0, by_name.output
    assert by_name.stdout.startswith("wrote megselvhelten-4b-bo.pdf (1 page: 1 sheet, one per pupil")
    # the same page as in the whole run, and how to print it, since it starts a file
    assert _without_note(page_texts(tmp_path / "megselvhelten-4b-bo.pdf")) == _without_note([all_pages[1]])

    by_number = run(runner, "build", "megselvhelten", "--pupils", "4b.txt", "--only", "3,Ada Berg")
    assert by_number.exit_code == 0, by_number.output
    texts = page_texts(tmp_path / "megselvhelten-4b-3,ada-berg.pdf")
    assert _without_note(texts) == _without_note([all_pages[0], all_pages[2]])  # in the class list's order
    assert page_texts(tmp_path / "megselvhelten-4b.pdf") == all_pages  # the whole run is left as it was


def test_a_wrong_choice_is_said(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "4b.txt", "Ada Berg\nBo Li\n")
    unknown = run(runner, "build", "megselvhelten", "--pupils", "4b.txt", "--only", "Ada Bergg")
    assert unknown.exit_code == 2 and "did you mean 'Ada Berg'?" in unknown.stderr
    beyond = run(runner, "build", "megselvhelten", "--pupils", "4b.txt", "--only", "5")
    assert beyond.exit_code == 2 and "the class list has 2 pupils" in beyond.stderr
    no_list = run(runner, "build", "megselvhelten", "--only", "1")
    assert no_list.exit_code == 2 and "no class list" in no_list.stderr
    bingo = run(runner, "build", "paaskebingo", "--only", "Ada")
    assert bingo.exit_code == 2 and "chosen by their number" in bingo.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["4b.txt"]


def _without_note(pages: list[str]) -> list[str]:
    """The pages' text without the print note that the first page of a file carries."""
    return ["\n".join(line for line in page.splitlines() if "Skriv ut" not in line) for page in pages]


def test_names_and_numbers_can_be_mixed(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "4b.txt", "Anne-Lise Berg\nBo Li\nCy Dahl\nDag Ek\n")
    mixed = run(runner, "build", "megselvhelten", "--pupils", "4b.txt", "--only", "anne-lise berg,3-4", "-o", "m.pdf")
    assert mixed.exit_code == 0, mixed.output
    texts = [" ".join(t.split()) for t in page_texts(tmp_path / "m.pdf")]
    assert [n for t in texts for n in ("Anne-Lise Berg", "Cy Dahl", "Dag Ek") if n in t] == [
        "Anne-Lise Berg",
        "Cy Dahl",
        "Dag Ek",
    ]
