"""Command-line options are declared once (smartprint/options.py): the `build` and
`validate` commands, their help, the checks of a value and the refusal of an option a
kind does not take all come from the declarations and the kinds' own `options`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import smartprint.options
from conftest import page_texts, run, write
from smartprint import kinds
from smartprint.options import Options, flag, flags


def _polite(value: str) -> str:
    if not value.strip():
        raise ValueError("write the greeting after --greeting")
    return value.strip()


@dataclass(frozen=True)
class WithGreeting(Options):
    """The options, and one more declared here, in a test."""

    greeting: str | None = flag(
        "a greeting to print instead of the file's",
        help="Print this greeting instead of the file's own.",
        metavar="TEXT",
        check=_polite,
    )


@pytest.fixture
def greeting(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The option declared (the registry is smartprint.options.Options), the test kind
    `hello` registered and taking it; returns the options each plan of `hello` got."""
    monkeypatch.setattr(smartprint.options, "Options", WithGreeting)
    monkeypatch.setitem(kinds.KINDS, "hello", "hello_kind")
    kind = type(kinds.get_kind("hello"))
    monkeypatch.setattr(kind, "options", frozenset({"greeting"}))
    seen: list[Any] = []
    plan = kind.plan

    def spy(self: Any, job: Any) -> Any:
        seen.append(job.options)
        return plan(self, job)

    monkeypatch.setattr(kind, "plan", spy)
    return seen


def test_a_new_option_declared_once_appears_in_help_and_reaches_the_kind(runner, tmp_path, greeting):
    for command in ("build", "validate"):
        result = run(runner, command, "--help")
        assert result.exit_code == 0
        assert "--greeting TEXT" in result.output and "Print this greeting instead of the file's own." in result.output

    write(tmp_path / "ramme.yaml", "kind: hello\npaper: A5\n")
    src = write(tmp_path / "hei.yaml", "kind: hello\ntitle: Hei\nlayout: ramme.yaml\ngreeting: Hei på deg!\n")
    out = tmp_path / "hei.pdf"
    result = run(runner, "build", str(src), "--greeting", "  God morgen!  ", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [o.greeting for o in greeting] == ["God morgen!"]  # checked and turned by its declaration
    assert isinstance(greeting[0], WithGreeting) and greeting[0].sheets is None
    assert "Hei på deg!" in page_texts(out)[0]

    result = run(runner, "validate", str(src), "--greeting", "Hallo")
    assert result.exit_code == 0, result.output
    assert greeting[-1].greeting == "Hallo"


def test_a_new_option_s_check_and_refusal_come_from_its_declaration(runner, tmp_path, greeting):
    src = write(tmp_path / "hei.yaml", "kind: hello\ntitle: Hei\ngreeting: Hei\n")
    result = run(runner, "build", str(src), "--greeting", " ", "-o", str(tmp_path / "hei.pdf"))
    assert result.exit_code == 2
    assert "--greeting: write the greeting after --greeting" in " ".join(result.output.split())
    result = run(runner, "build", "styrkekort", "--greeting", "Hei", "-o", str(tmp_path / "s.pdf"))
    assert result.exit_code == 2
    assert (
        "--greeting (a greeting to print instead of the file's) is not for card decks: styrkekort is a "
        "'cards' file, so leave --greeting out; card decks take --backs" in result.output
    )
    assert not greeting  # refused before any plan


def test_the_declarations_are_the_options_fields():
    declared = {f.name: f for f in flags()}
    assert list(declared) == [
        "layout",
        "backs",
        "sheets",
        "seed",
        "only",
        "pupils",
        "pupils-column",
        "language",
        "strict",
        "allow-path",
    ]
    assert declared["allow-path"].field == "allow" and declared["pupils-column"].field == "pupils_column"
    assert {n for n, f in declared.items() if f.every_kind} == {"layout", "language", "strict", "allow-path"}
    assert Options(sheets=3, strict=True).given() == ["sheets"]  # every kind takes --strict


def test_every_option_a_kind_names_is_declared():
    names = {f.name for f in flags() if not f.every_kind}
    for name in kinds.KINDS:
        assert kinds.get_kind(name).options <= names, name


def test_the_command_line_names_no_kind():
    """cli.py builds its commands from the declarations and the kinds' registry."""
    import smartprint.cli

    text = Path(smartprint.cli.__file__).read_text(encoding="utf-8")
    assert not re.findall(r"\b(cards|bingo|sheets?|board-game|five-in-a-row)\b", text)
