"""Help as people type it: -h, `smartprint help [COMMAND]` and `smartprint hjelp`."""

from __future__ import annotations

import pytest

from conftest import run


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["help"], ["hjelp"]])
def test_the_overview(runner, args: list[str]) -> None:
    result = run(runner, *args)
    assert result.exit_code == 0
    for command in ("build", "preview", "validate", "new", "schema", "list"):
        assert command in result.stdout
    assert "hjelp" not in result.stdout.split("Commands:")[-1]  # the alias is not listed twice


@pytest.mark.parametrize("args", [["help", "build"], ["hjelp", "build"], ["build", "-h"]])
def test_one_command(runner, args: list[str]) -> None:
    result = run(runner, *args)
    assert result.exit_code == 0
    assert " build [OPTIONS] SOURCE" in result.stdout and "--output" in result.stdout


def test_an_unknown_command_lists_the_real_ones(runner) -> None:
    result = run(runner, "help", "bygg")
    assert result.exit_code == 2
    assert "no command 'bygg'" in result.stderr and "preview" in result.stderr
