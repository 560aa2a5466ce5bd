"""The JSON Schema editors read (`smartprint schema`): every built-in and starter is
valid under it, and it rejects what smartprint rejects for an unknown key or a wrong
type, so an editor marks those mistakes while the teacher types."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import run
from smartprint.check.schema import material_schema
from smartprint.errors import UserError
from smartprint.kinds import KINDS
from smartprint.pipeline import load_spec
from test_bad_inputs import Case, discover

ROOT = Path(__file__).resolve().parent.parent
MATERIALS = sorted((ROOT / "decks").glob("*.yaml")) + sorted((ROOT / "smartprint" / "kinds").glob("*/starter.yaml"))

# smartprint's messages for a key it does not know and for a value of the wrong type
# (text, a whole number, yes/no, a list, one of a few named values)
TYPE_OR_KEY = re.compile(
    r"unknown key|must be (text|a whole number|true or false|true, false or a text|a list|'[^']+'(, '[^']+')* or)"
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = material_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:120]}" for e in validator.iter_errors(data)]


@pytest.mark.parametrize("material", MATERIALS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_builtin_and_starter_is_valid(validator: jsonschema.Draft202012Validator, material: Path) -> None:
    data = yaml.safe_load(material.read_text(encoding="utf-8"))
    assert _errors(validator, data) == []


def _refusal(case: Case) -> str:
    """smartprint's first message about the case's material file when only its keys and
    values are checked (load and check, as a build starts); "" when it passes."""
    try:
        load_spec(case.root / case.material if case.root.is_dir() else case.root)
    except UserError as exc:
        return str(exc).splitlines()[0]
    return ""


def _schema_cases() -> list[Case]:
    """Corpus cases smartprint refuses for an unknown key or a wrong type in the material
    file itself (not in a layout beside it, not from the command line)."""
    alone = [c for c in discover() if c.where and not (c.args or c.files or c.make or c.sources)]
    return [case for case in alone if TYPE_OR_KEY.search(_refusal(case).partition(": ")[2])]


SCHEMA_CASES = _schema_cases()


def test_the_corpus_has_such_cases() -> None:
    assert len(SCHEMA_CASES) >= 12, [c.name for c in SCHEMA_CASES]


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=lambda c: c.name)
def test_schema_rejects_what_smartprint_rejects(validator: jsonschema.Draft202012Validator, case: Case) -> None:
    data = yaml.safe_load((case.root / "main.yaml" if case.root.is_dir() else case.root).read_bytes())
    assert _errors(validator, data), f"the schema accepts {case.name}, which smartprint refuses: {case.expect}"


def test_a_valid_file_is_not_made_invalid_by_another_kind(validator: jsonschema.Draft202012Validator) -> None:
    """The kinds are told apart by `kind:`: a key of bingo is unknown in a card deck."""
    deck = {"kind": "cards", "title": "Kort", "cards": [{"text": "Mot"}]}
    assert _errors(validator, deck) == []
    assert _errors(validator, {**deck, "prompts": ["a"]})
    assert _errors(validator, {**deck, "kind": "kort"})
    sheet = {"kind": "sheet", "title": "Ark", "blocks": [{"field": "Navn"}, {"box": "Drømmer"}]}
    assert _errors(validator, sheet) == []
    assert _errors(validator, {**sheet, "blocks": [{"field": "Navn", "box": "Drømmer"}]})  # one thing a block


def test_keys_are_described_with_their_values_and_ranges() -> None:
    schema = material_schema("bingo")
    bingo = schema["$defs"]["bingo"]["properties"]
    assert [key for key, body in bingo.items() if not body.get("description")] == []
    assert bingo["kind"] == {"const": "bingo", "description": bingo["kind"]["description"]}
    grid = json.dumps(bingo["grid"])
    assert '"minimum": 3' in grid and '"maximum": 7' in grid


def test_every_key_of_every_kind_has_a_description() -> None:
    missing = []
    for kind in KINDS:
        definitions = material_schema(kind)["$defs"]
        for name, body in definitions.items():
            keys = body.get("properties", {})
            missing += [f"{name}.{key}" for key, inner in keys.items() if not inner.get("description")]
    assert missing == []


def test_descriptions_in_bokmal_nynorsk_or_english_each_with_the_english() -> None:
    def title(language: str) -> str:
        return material_schema("cards", language)["$defs"]["cards"]["properties"]["title"]["description"]

    assert title("nb") == "Tittelen som skrives øverst. · The title printed at the top."
    assert title("nn") == "Tittelen som blir skriven øvst. · The title printed at the top."
    assert title("en") == "The title printed at the top."


def test_the_command_prints_it(runner) -> None:
    result = run(runner, "schema", "five-in-a-row")
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed == material_schema("five-in-a-row")
    assert printed["$schema"].endswith("2020-12/schema")
    assert json.loads(run(runner, "schema", "--language", "nn").stdout) == material_schema(None, "nn")
    wrong = run(runner, "schema", "kort")
    assert wrong.exit_code == 2 and "five-in-a-row" in wrong.stderr


@pytest.mark.parametrize("name", ["cards", "relasjonsspill"])
def test_new_files_name_the_schema_written_beside_them(runner, tmp_path: Path, monkeypatch, name: str) -> None:
    """A starter and a copy start with the yaml-language-server line; the schema it names
    is there, and the file is valid under it. A copy's comments build the copy."""
    monkeypatch.chdir(tmp_path)
    assert run(runner, "new", name, "mitt.yaml").exit_code == 0
    text = (tmp_path / "mitt.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=smartprint-schema.json"
    schema = json.loads((tmp_path / "smartprint-schema.json").read_text(encoding="utf-8"))
    assert schema == material_schema()
    jsonschema.validate(yaml.safe_load(text), schema, cls=jsonschema.Draft202012Validator)
    commands = re.findall(r"smartprint build \S+", text)
    assert commands and all(command == "smartprint build mitt.yaml" for command in commands)
