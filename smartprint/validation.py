"""Typed models for what users write, and pydantic's errors turned into plain lines.

Every model forbids unknown keys and is strict: a text field takes only text
(YAML 1.1 reads a bare `NO` as False and `12:30` as 750; we refuse and tell the
user to quote it instead of printing "False" on a card).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Annotated, Any, TypeVar, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from smartprint.errors import Problem, UserError
from smartprint.source import Path_, Source
from smartprint.units import parse_length

Text = Annotated[str, Field(strict=True)]
Length = Annotated[float, BeforeValidator(parse_length)]

M = TypeVar("M", bound=BaseModel)


class Model(BaseModel):
    """Base for every user-facing model: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _unwrap(tp: Any) -> Any:
    """Strip Annotated/Optional/list wrappers down to the next model or plain type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            tp = models[0] if models else args[0]
        else:
            return tp


def _model_at(model: type[BaseModel], loc: Path_) -> Any:
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if isinstance(part, int) and origin in (list, tuple):
            tp = typing.get_args(tp)[0]
        elif isinstance(part, str) and isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp = field.annotation
        else:
            return None
    return _unwrap(tp)


def known_keys(model: type[BaseModel], loc: Path_) -> list[str]:
    target = _model_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def did_you_mean(word: str, choices: list[str]) -> str:
    by_lower = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"; did you mean '{by_lower[close[0]]}'?" if close else ""


def _data_loc(data: Any, loc: tuple) -> Path_:
    """Keep only the parts of pydantic's loc that walk the data (it adds union tags)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part not in node:
            out.append(part)  # a missing or unknown key: keep it, stop walking
            node = None
    return tuple(out)


_YAML_READS = {bool: "the yes/no value", int: "a number", float: "a number"}


def _text_hint(src: Source, loc: Path_, value: Any) -> str:
    if value is None:
        return "is empty; write the text after the colon, or remove the line"
    if isinstance(value, (list, dict)):
        return "must be text, not a list or mapping"
    raw = src.scalars.get(loc)
    shown = raw.raw if raw else str(value)
    kind = _YAML_READS.get(type(value), type(value).__name__)
    return (f"must be text, but YAML reads {shown} as {kind} {value!r}; "
            f"put it in quotes: \"{shown}\"")


def _message(err: dict, src: Source, prefix: Path_, rel: Path_,
             model: type[BaseModel]) -> tuple[Path_, str, bool]:
    """(where in the file, message, point at the key?) for one pydantic error.

    `rel` locates the error inside the validated data, `prefix` locates that data in the file."""
    etype = err["type"]
    value = err.get("input")
    field = str(rel[-1]) if rel and isinstance(rel[-1], str) else None
    label = f"'{field}' " if field else "this value "
    loc = prefix + rel
    if etype == "missing":
        return loc[:-1], f"'{field}' is missing here; add a line '{field}: …'", False
    if etype == "extra_forbidden":
        keys = known_keys(model, rel[:-1])
        hint = did_you_mean(str(field), keys) or (f"; known keys here: {', '.join(keys)}" if keys else "")
        return loc, f"unknown key '{field}'{hint}", True
    if etype == "string_type":
        return loc, label + _text_hint(src, loc, value), False
    if etype in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"{label}must be a whole number, not {value!r}", False
    if etype in ("float_type", "float_parsing"):
        return loc, f"{label}must be a number, not {value!r}", False
    if etype == "bool_type":
        return loc, f"{label}must be true or false, not {value!r}", False
    if etype in ("list_type", "tuple_type"):
        return loc, f"{label}must be a list (lines starting with '- ')", False
    if etype in ("model_type", "dict_type", "model_attributes_type"):
        return loc, f"{label}must be a group of 'key: value' lines", False
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return loc, f"{label}must be one of {expected}, not {value!r}{hint}", False
    if etype == "value_error":
        msg = str(err.get("ctx", {}).get("error", err["msg"]))
        return loc, f"{label}{msg}" if field else msg, False
    msg = err["msg"]
    return loc, f"{label}{msg[0].lower()}{msg[1:]}", False


def validate(model: type[M], data: Any, src: Source, prefix: Path_ = ()) -> M:
    """Validate `data` (found at `prefix` in `src`) against `model`, or raise a UserError
    with one `file:line:col: message` line per problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[str] = set()
        for err in exc.errors(include_url=False):
            rel = _data_loc(data, err["loc"])
            where, message, at_key = _message(err, src, prefix, rel, model)
            problem = src.problem(where, message, key=at_key)
            if str(problem) not in seen:
                seen.add(str(problem))
                problems.append(problem)
        raise UserError(problems) from None
