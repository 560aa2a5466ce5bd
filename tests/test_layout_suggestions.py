"""An unknown layout is answered with the layouts of this material's kind first, the
closest name first, not with every layout there is."""

from __future__ import annotations

import re

from conftest import run
from smartprint.load import resources


def _listed(stderr: str, kind: str) -> list[str]:
    found = re.search(rf"layouts for {kind}: ([\w, -]+)", stderr)
    assert found, stderr
    return [name.strip() for name in found.group(1).split(", ")]


def test_only_this_kinds_layouts_closest_first(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, "build", "styrkekort", "--layout", "A4")
    assert result.exit_code == 2
    listed = _listed(result.stderr, "cards")
    cards = [n for n in resources.builtin_names("layouts") if resources.layout_kind(n) == "cards"]
    assert sorted(listed) == sorted(cards) and "bingo-a4" not in result.stderr
    assert listed[0] == "plakat-a4"  # the one with 'a4' at its end is closest to 'A4'
    assert "kort-63x88-brett" in listed  # a layout that only extends a card layout is one too


def test_a_typo_gets_the_closest_of_its_kind(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, "build", "fem-paa-rad", "--layout", "brett-a5")
    assert "did you mean 'brett-a4'?" in result.stderr or "did you mean 'brett-a3'?" in result.stderr
    assert set(_listed(result.stderr, "five-in-a-row")) == {"brett-a3", "brett-a4"}
