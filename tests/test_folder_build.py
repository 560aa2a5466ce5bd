"""`smartprint build FOLDER`, and output names that do not collide: every material in a
folder, one line each, a failure does not stop the others; a class list's build gets
its own file; the summary says when an earlier file was replaced."""

from __future__ import annotations

from pathlib import Path

from conftest import page_texts, run, write

CARD = "kind: cards\ntitle: {title}\ncards:\n  - text: {text}\n"


def test_every_material_in_a_folder_is_built_one_line_each(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "klasse"
    write(folder / "a.yaml", CARD.format(title="Første", text="Modig"))
    write(folder / "b.yaml", "kind: cards\ntitle: Feil\ncards:\n  - tekst: Snill\n  - tittel: x\n")
    write(folder / "c.yml", CARD.format(title="Tredje", text="Rolig"))
    write(folder / "lag.yaml", "extends: kort-63x88\nmargin: 12mm\n")  # a layout: left alone
    write(folder / "liste.txt", "Ada\nBo\n")
    write(folder / ".a.yaml", CARD.format(title="Kopi", text="Glad"))  # an editor's hidden copy: not a material
    write(folder / "d.yaml.txt", CARD.format(title="Fjerde", text="Glad"))  # saved by Notepad: a material
    result = run(runner, "build", "klasse")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out == [
        out[0],
        out[1],
        out[2],
        "built 3 of 4 materials; failed: klasse/b.yaml",
    ]
    assert out[0].startswith("wrote klasse/a.pdf (") and out[1].startswith("wrote klasse/c.pdf (")
    assert out[2].startswith("wrote klasse/d.pdf (")
    (error,) = result.stderr.splitlines()
    assert error.startswith("klasse/b.yaml:4:5: unknown key 'tekst'") and "(and 1 more;" in error
    assert "Modig" in page_texts(folder / "a.pdf")[0] and "Rolig" in page_texts(folder / "c.pdf")[0]
    assert not (folder / "b.pdf").exists() and not (folder / "lag.pdf").exists() and not (folder / ".a.pdf").exists()


def test_a_folder_without_material_is_said(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "tom" / "lag.yaml", "extends: kort-63x88\n")
    result = run(runner, "build", "tom")
    assert result.exit_code == 1 and "no material in this folder" in result.stderr


def test_a_class_list_build_has_its_own_name_and_replacing_is_said(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "4b.txt", "Ada Berg\nBo Li\n")
    write(tmp_path / "bingo.yaml", "kind: bingo\ntitle: Bli kjent\ngrid: 3\nprompts: [a, b, c, d, e, f, g, h, i]\n")
    first = run(runner, "build", "bingo.yaml", "--pupils", "4b.txt")
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("wrote bingo-4b.pdf (") and "replaced" not in first.stdout
    assert not (tmp_path / "bingo.pdf").exists()
    assert any("Ada Berg" in text for text in page_texts(tmp_path / "bingo-4b.pdf"))
    again = run(runner, "build", "bingo.yaml", "--pupils", "4b.txt")
    assert again.stdout.startswith("wrote bingo-4b.pdf, replacing the earlier file (")
