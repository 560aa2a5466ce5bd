"""`smartprint new`: an editable copy or a starter, never overwriting, that builds."""

from __future__ import annotations

import pytest

from conftest import page_texts, run
from smartprint.kinds import KINDS
from smartprint.load import resources


@pytest.mark.parametrize("name", resources.builtin_names("decks") + list(KINDS))
def test_new_writes_a_file_that_builds_as_it_is(runner, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "new", name)
    assert result.exit_code == 0, result.output
    assert f"wrote {name}.yaml" in result.output and f"smartprint build {name}.yaml" in result.output
    result = run(runner, "build", f"{name}.yaml", "-q")
    assert result.exit_code == 0, result.output
    made = [tmp_path / f"{name}.pdf"] if (tmp_path / f"{name}.pdf").exists() else sorted(tmp_path.glob(f"{name}-*.pdf"))
    assert made and all(p.read_bytes().startswith(b"%PDF") for p in made)  # one file, or one per paper


def test_new_never_overwrites(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "styrkekort.yaml").write_text("mine", encoding="utf-8")
    result = run(runner, "new", "styrkekort")
    assert result.exit_code == 1 and "already exists; I never overwrite a file" in result.output
    assert (tmp_path / "styrkekort.yaml").read_text(encoding="utf-8") == "mine"


def test_an_edited_copy_is_what_build_name_builds(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(runner, "new", "styrkekort").exit_code == 0
    copy = tmp_path / "styrkekort.yaml"
    copy.write_text(
        copy.read_text(encoding="utf-8").replace("title: Kreativitet", "title: Skaperglede"), encoding="utf-8"
    )
    assert run(runner, "build", "styrkekort", "-q").exit_code == 0
    text = " ".join(page_texts(tmp_path / "styrkekort.pdf"))
    assert "Skaperglede" in text and "Kreativitet" not in text


def test_new_with_an_unknown_name_suggests_one(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "new", "styrkekrot")
    assert result.exit_code == 2 and "did you mean 'styrkekort'?" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_starter_names_its_own_file(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(runner, "new", "cards", "mine-kort").exit_code == 0
    assert "smartprint build mine-kort.yaml" in (tmp_path / "mine-kort.yaml").read_text(encoding="utf-8")


def test_a_copy_in_another_language_is_named_for_it_and_leaves_the_builtin_alone(runner, tmp_path, monkeypatch):
    """`new klassebamse --language pl` once wrote klassebamse.yaml, and `build klassebamse`
    (which prefers your own copy) then printed the Polish letter for a bokmål class."""
    monkeypatch.chdir(tmp_path)
    result = run(runner, "new", "klassebamse", "--language", "pl")
    assert result.exit_code == 0, result.output
    assert "wrote klassebamse-pl.yaml" in result.output and "smartprint build klassebamse-pl.yaml" in result.output
    assert not (tmp_path / "klassebamse.yaml").exists()
    assert run(runner, "build", "klassebamse", "-q").exit_code == 0
    bokmal = " ".join(page_texts(tmp_path / "klassebamse.pdf"))
    assert "Klassebamsen" in bokmal
    assert run(runner, "build", "klassebamse-pl.yaml", "-q").exit_code == 0
    polish = " ".join(page_texts(tmp_path / "klassebamse-pl.pdf"))
    assert "Klassebamsen" not in polish and "Klasowy" in polish
    assert run(runner, "new", "styrkekort", "--language", "nb").exit_code == 0  # bokmål: the plain name
    assert (tmp_path / "styrkekort.yaml").exists()
