"""The JSON Schema (draft 2020-12) of a material file, made from the kinds' own models,
so an editor that reads schemas (the `# yaml-language-server: $schema=…` line in a
starter) completes keys, shows what each one means and marks a wrong key or value
while the teacher types, before smartprint is run.

The schema is a guide, not the judge: smartprint's own check stays the one that
decides (it knows the layout, the class list and the pictures). Where the models take
more than their Python type says, the schema says what a file may really hold: a
length is a number with a unit ("12mm"), a printed item may be a plain number (`- 6`)."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from smartprint.check.keyhelp import describe_key
from smartprint.check.validation import MAX_TEXT_CHARS, _at_most_chars, not_blank
from smartprint.resolve.units import MM, parse_length

DIALECT = "https://json-schema.org/draft/2020-12/schema"
LENGTH_PATTERN = r"^\s*-?\d+([.,]\d+)?\s*([mM][mM]|[cC][mM]|[iI][nN]|[pP][tT])\s*$"


def _millimetres(points: float) -> str:
    return f"{points / MM:.0f} mm" if points >= MM else f"{points:g} pt"


class _FileSchema(GenerateJsonSchema):
    """Pydantic's generator, told what a file may write where a validator reads it."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        if _function(schema) is parse_length:
            inner = self.generate_inner(schema["schema"])
            low = inner.get("minimum", inner.get("ge"))
            high = inner.get("maximum", inner.get("le"))
            length: JsonSchemaValue = {"type": "string", "pattern": LENGTH_PATTERN}
            if low is not None and high is not None:
                length["description"] = f"{_millimetres(low)} – {_millimetres(high)}"
            return {"anyOf": [length, {"const": 0}]}
        return super().function_before_schema(schema)

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        inner = super().function_after_schema(schema)
        if _function(schema) is _at_most_chars:
            return {**inner, "maxLength": min(inner.get("maxLength", MAX_TEXT_CHARS), MAX_TEXT_CHARS)}
        if _function(schema) is not_blank:  # a printed item: text with a letter in it, or a plain number
            return {"anyOf": [{**inner, "pattern": r"\S"}, {"type": "number"}]}
        return inner

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # pydantic's titles only repeat the key ("Title" for `title`)


def _function(schema: Any) -> Any:
    info = schema.get("function", {})
    return info.get("function") if isinstance(info, dict) else None


def _kind_part(kind: str, language: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """One kind's schema with its definitions named after the kind (two kinds may each
    have a `Category` that differ), as (its schema, its definitions)."""
    from smartprint.kinds import get_kind

    model = get_kind(kind).spec
    prefix = f"{kind}."
    schema = model.model_json_schema(
        mode="validation", schema_generator=_FileSchema, ref_template="#/$defs/" + prefix + "{model}"
    )
    definitions = {prefix + name: body for name, body in schema.pop("$defs", {}).items()}
    schema.pop("title", None)
    schema.pop("description", None)  # the model's docstring speaks to programmers
    schema["properties"]["kind"] = {"const": kind}
    for name, body in definitions.items():
        body.pop("title", None)
        body.pop("description", None)
        _describe(body, name.removeprefix(prefix), language)
    _describe(schema, kind, language)
    return schema, definitions


def _describe(schema: dict[str, Any], model: str | None, language: str) -> None:
    """Each property's description, in the teacher's words (smartprint/check/keyhelp.py)."""
    for key, body in schema.get("properties", {}).items():
        words = describe_key(key, model, language)
        if words:
            body["description"] = words if "description" not in body else f"{words} ({body['description']})"


def material_schema(kind: str | None = None, language: str = "nb") -> dict[str, Any]:
    """The JSON Schema of a material file of `kind`; None: any kind, the one named by
    `kind:` (a oneOf over every kind). Each key is described in `language` (nb, nn or
    en) and in English. An unknown kind is a KeyError."""
    return copy.deepcopy(_made(kind, language))  # the caller may change its copy


@cache
def _made(kind: str | None, language: str) -> dict[str, Any]:
    """Made once per process: pydantic's schema generation takes a tenth of a second a kind."""
    from smartprint.kinds import KINDS

    if kind is not None and kind not in KINDS:
        raise KeyError(kind)
    kinds = [kind] if kind is not None else list(KINDS)
    definitions: dict[str, Any] = {}
    branches: list[dict[str, Any]] = []
    for name in kinds:
        schema, own = _kind_part(name, language)
        definitions.update(own)
        definitions[name] = schema
        branches.append({"$ref": f"#/$defs/{name}"})
    head: dict[str, Any] = {
        "$schema": DIALECT,
        "title": f"smartprint: {kind}" if kind else "smartprint",
        "description": describe_key("$file", None, language),
    }
    if kind is not None:
        return {**head, "$ref": f"#/$defs/{kind}", "$defs": definitions}
    return {
        **head,
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": kinds, "description": describe_key("kind", None, language)}},
        "oneOf": branches,
        "$defs": definitions,
    }
