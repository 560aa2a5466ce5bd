"""Pydantic's validation errors turned into plain one-line messages in the user's own
key names.

Pydantic describes errors in its own terms: a field that takes several shapes
(`Text | FontFiles`) gives one error per shape, tagged with internal names such as
`'str'` or `'function-after[_nfc(), str]'`. We read each error's location together
with the model's types, so a union is judged once: by the shape the user wrote (a
mapping means the group of keys, text means the text), and every message names only
the user's keys and values.

Only pydantic's public surface is read: `ValidationError.errors()` and its documented
keys (`type`, `loc`, `msg`, `input`, `ctx`), a model's `model_fields` and their
`FieldInfo` (`annotation`, `metadata`, `is_required()`), `TypeAdapter` to validate one
member of a union alone, and the `Annotated` types the models are written in. What a
teacher may write for a key, how a list's items are named and a field's own advice
come from the `Words` declared beside each field (smartprint/check/words.py).
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from smartprint.check.suggest import did_you_mean
from smartprint.check.words import NO_WORDS, Words, merged, words_of
from smartprint.errors import Problem
from smartprint.load.source import Path_, Source, quote
from smartprint.resolve.units import CM, INCH, MM, parse_length

Vocabulary = Mapping[str, Sequence[str]]  # a Norwegian word → the English keys it may mean

# ---------------------------------------------------------------- reading types


def field_type(info: FieldInfo) -> Any:
    """A field's whole type: pydantic keeps the outer `Annotated` extras (bounds,
    validators) in the FieldInfo, not in `annotation`."""
    if info.metadata:
        return Annotated[(info.annotation, *info.metadata)]
    return info.annotation


def strip(tp: Any) -> tuple[Any, list[Any]]:
    """The type under any `Annotated` layers, and their extras (FieldInfos opened up)."""
    extras: list[Any] = []
    while typing.get_origin(tp) is Annotated:
        args = typing.get_args(tp)
        tp = args[0]
        for extra in args[1:]:
            extras.extend(extra.metadata if isinstance(extra, FieldInfo) else [extra])
    return tp, extras


def _members(tp: Any) -> list[Any] | None:
    """The non-None members of a union, or None if `tp` is not a union."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        return [a for a in typing.get_args(tp) if a is not type(None)]
    return None


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_length(extras: list[Any]) -> bool:
    return any(isinstance(e, BeforeValidator) and e.func is parse_length for e in extras)


def _bounds(tp: Any) -> dict[str, Any]:
    """The numeric and length bounds written on a type (ge, le, min_length, …)."""
    out: dict[str, Any] = {}
    while True:
        tp, extras = strip(tp)
        for extra in extras:
            for name in ("ge", "gt", "le", "lt", "min_length", "max_length"):
                if getattr(extra, name, None) is not None and not isinstance(extra, BeforeValidator):
                    out.setdefault(name, getattr(extra, name))
        members = _members(tp)
        if members is None or len(members) != 1:
            return out
        tp = members[0]


def _shape_of(tp: Any) -> set[str]:
    """Which shapes of YAML value a type takes: mapping, list, bool, int, number, text."""
    tp, extras = strip(tp)
    members = _members(tp)
    if members is not None:
        return set().union(*(_shape_of(m) for m in members)) if members else set()
    if _is_length(extras):
        return {"text", "number", "int"}
    origin = typing.get_origin(tp)
    if is_model(tp) or tp is dict or origin is dict:
        return {"mapping"}
    if tp in (list, tuple, set) or origin in (list, tuple, set, frozenset):
        return {"list"}
    if origin is Literal:
        values = typing.get_args(tp)
        return {"bool" if isinstance(v, bool) else "int" if isinstance(v, int) else "text" for v in values}
    return {bool: {"bool"}, int: {"int"}, float: {"number", "int"}, str: {"text"}}.get(tp, set())


def takes_text(tp: Any) -> bool:
    """Whether a value of type `tp` may be written as text."""
    _, extras = strip(tp)
    return "text" in _shape_of(tp) or _is_length(extras)


def accepts_none(tp: Any) -> bool:
    tp, _ = strip(tp)
    if tp is Any or tp is type(None):
        return True
    members = typing.get_args(tp) if typing.get_origin(tp) in (Union, types.UnionType) else ()
    return type(None) in members or any(accepts_none(m) for m in members)


def _describe(tp: Any) -> list[str]:
    """The shapes a type takes, in a teacher's words."""
    tp, extras = strip(tp)
    members = _members(tp)
    if members is not None:
        out: list[str] = []
        for member in members:
            out += [d for d in _describe(member) if d not in out]
        return out
    if _is_length(extras):
        return ["a length such as 10mm"]
    origin = typing.get_origin(tp)
    if is_model(tp):
        return [f"a group of 'key: value' lines ({', '.join(tp.model_fields)})"]
    if tp is dict or origin is dict:
        return ["a group of 'key: value' lines"]
    if tp in (list, tuple, set) or origin in (list, tuple, set, frozenset):
        return ["a list (lines starting with '- ')"]
    if origin is Literal:
        return [_literal(v) for v in typing.get_args(tp)]
    return {bool: ["true", "false"], int: ["a whole number"], float: ["a number"], str: ["a text"]}.get(
        tp, ["a value of another kind"]
    )


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"'{value}'" if isinstance(value, str) else str(value)


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _child(tp: Any, part: str | int) -> tuple[Any, Any] | None:
    """(type of `part` inside a value of type `tp`, the model holding it) following data
    rather than pydantic's locations: at a union, the member that `part` can belong to."""
    tp, _ = strip(tp)
    members = _members(tp)
    if members is not None:
        for member in members:
            found = _child(member, part)
            if found is not None:
                return found
        return None
    origin = typing.get_origin(tp)
    if is_model(tp) and isinstance(part, str):
        info = tp.model_fields.get(part)
        return (field_type(info), tp) if info is not None else (None, tp)
    if origin in (list, tuple, set, frozenset) and isinstance(part, int):
        args = typing.get_args(tp)
        return (args[0] if args else Any), None
    if origin is dict:
        return typing.get_args(tp)[1], None
    return None


def type_at(root: Any, loc: Path_) -> tuple[Any, Any]:
    """(type expected at `loc` under `root`, model holding its key); (None, …) if unknown."""
    tp, parent = root, None
    for part in loc:
        found = _child(tp, part)
        if found is None:
            return None, None
        tp, parent = found
        if tp is None:
            return None, parent
    return tp, parent


def words_for(model: Any, key: str) -> Words:
    """The words declared for `key` of `model`, also where a subclass declares the field
    again (each kind's `kind: Literal[…]` keeps the words of `kind`)."""
    if not is_model(model):
        return NO_WORDS
    found = [
        words_of(cls.model_fields.get(key))
        for cls in reversed(model.__mro__)
        if is_model(cls) and key in cls.model_fields
    ]
    return merged([w for w in found if w is not NO_WORDS])


def words_at(root: Any, loc: Path_) -> Words:
    """The words declared for the key at `loc` under `root` (none if the key is unknown)."""
    if not loc or not isinstance(loc[-1], str):
        return NO_WORDS
    _, parent = type_at(root, loc)
    return words_for(parent, loc[-1]) if is_model(parent) and loc[-1] in parent.model_fields else NO_WORDS


def models_in(roots: Iterable[Any]) -> list[type[BaseModel]]:
    """Every model reachable from `roots` through their fields' types, and their bases."""
    out: dict[type[BaseModel], None] = {}

    def walk(tp: Any) -> None:
        if is_model(tp):
            if tp not in out:
                out[tp] = None
                for info in tp.model_fields.values():
                    walk(info.annotation)
                for base in tp.__bases__:
                    if is_model(base) and base is not BaseModel:
                        walk(base)
            return
        for arg in typing.get_args(tp):
            walk(arg)

    for root in roots:
        walk(root)
    return list(out)


def vocabulary(roots: Iterable[Any]) -> dict[str, tuple[str, ...]]:
    """The Norwegian words declared on the fields of every model reachable from `roots`,
    each with the English keys it stands for."""
    found: dict[str, dict[str, None]] = {}
    for model in models_in(roots):
        for key, info in model.model_fields.items():
            for word in words_of(info).norwegian:
                found.setdefault(word, {})[key] = None
    return {word: tuple(keys) for word, keys in found.items()}


def data_at(data: Any, loc: Path_) -> tuple[bool, Any]:
    """(found?, value) at `loc` in plain data."""
    node: Any = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            continue
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            continue
        return False, None
    return True, node


# ---------------------------------------------------------------- naming places


def _singular(key: str) -> str:
    return key[:-3] + "y" if key.endswith("ies") else key[:-1] if key.endswith("s") else f"item of '{key}'"


@dataclass(frozen=True)
class Names:
    """How messages name the places of one file's data, validated as `root` and found at
    `prefix` in the file: 'title', card 3, special square 2, item 4 of 'widths'."""

    root: Any = None  # None: names from the keys alone
    prefix: Path_ = ()

    def words(self, loc: Path_) -> Words:
        """The words declared for the key at `loc` (a place in the file)."""
        if self.root is None or loc[: len(self.prefix)] != self.prefix:
            return NO_WORDS
        return words_at(self.root, loc[len(self.prefix) :])

    def item(self, loc: Path_) -> str:
        """How one item of the list at `loc` (ending in its key) is named."""
        return self.words(loc).item or _singular(str(loc[-1]))

    def label(self, loc: Path_) -> str:
        if not loc:
            return "the file"
        last = loc[-1]
        if isinstance(last, str):
            return f"'{last}'"
        parent = loc[-2] if len(loc) >= 2 else None
        if isinstance(parent, str):
            noun = self.item(loc[:-1])
            return f"{noun} {last + 1}" if not noun.startswith("item of") else f"item {last + 1} of '{parent}'"
        return f"item {last + 1}"


# ---------------------------------------------------------------- pydantic locations


@dataclass(frozen=True)
class _Spot:
    """Where an error is, in the data (`loc`), with the type expected there. `union`:
    the error came from one member of a union at `loc` (pydantic's tag follows)."""

    loc: Path_
    tp: Any
    parent: Any
    union: bool


def _follow(root: Any, loc: tuple[Any, ...]) -> _Spot | None:
    """Walk pydantic's error location along the types; None if it leaves them."""
    tp, parent, i = root, None, 0
    out: list[str | int] = []
    while True:
        base, _ = strip(tp)
        members = _members(base)
        if members is not None:
            if len(members) == 1:  # `X | None`: keep the bounds written on the whole
                extras = strip(tp)[1]
                tp = Annotated[(members[0], *extras)] if extras else members[0]
                continue
            if i < len(loc):
                return _Spot(tuple(out), tp, parent, True)
        if i >= len(loc):
            return _Spot(tuple(out), tp, parent, False)
        part = loc[i]
        i += 1
        origin = typing.get_origin(base)
        if is_model(base) and isinstance(part, str):
            out.append(part)
            parent = base
            info = base.model_fields.get(part)
            if info is None:
                return _Spot(tuple(out), None, parent, False)
            tp = field_type(info)
        elif origin in (list, tuple, set, frozenset) and isinstance(part, int):
            out.append(part)
            args = typing.get_args(base)
            tp, parent = (args[0] if args else Any), None
        elif origin is dict and isinstance(part, str):
            out.append(part)
            tp, parent = typing.get_args(base)[1], None
        else:
            return None


def data_loc(data: Any, loc: tuple[Any, ...]) -> Path_:
    """Keep only the parts of pydantic's loc that walk the data (for types we cannot follow)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            out.append(part)
            node = node[part]
    return tuple(out)


_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _adapter(tp: Any) -> TypeAdapter[Any]:
    key = repr(tp)
    adapter = _ADAPTERS.get(key)
    if adapter is None:
        base, _ = strip(tp)
        adapter = TypeAdapter(tp) if is_model(base) else TypeAdapter(tp, config=ConfigDict(strict=True))
        _ADAPTERS[key] = adapter
    return adapter


def _value_shape(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "other"


_PREFERENCES = {
    "mapping": ["mapping"],
    "list": ["list"],
    "text": ["text"],
    "bool": ["bool", "text"],
    "int": ["int", "number", "text"],
    "number": ["number", "int", "text"],
    "none": ["text"],
    "other": ["text"],
}


def _choose(members: list[Any], value: Any) -> Any:
    """The member of a union the user most likely meant, judged by the value's shape.
    A yes/no, number or date where free text is allowed goes to the text (to say
    "put it in quotes"), never to a fixed word such as 'auto'."""
    shape = _value_shape(value)
    for wanted in _PREFERENCES[shape]:
        for member in members:
            if wanted not in _shape_of(member):
                continue
            if wanted == "text" and shape != "text" and typing.get_origin(strip(member)[0]) is Literal:
                continue
            return member
    return None


# ---------------------------------------------------------------- pieces of messages


def _counted(size: int, noun: str, rel: Path_) -> str:
    """ "9 categories", "1 card": the list's own key is its plural."""
    if size == 1:
        return f"1 {noun}"
    key = rel[-1] if rel else None
    plural = key if isinstance(key, str) and key.endswith("s") and noun != "item" else f"{noun}s"
    return f"{size} {plural}"


def shown(src: Source, loc: Path_, value: Any) -> str:
    """The value as the user wrote it, short, for 'not …' in messages."""
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    if isinstance(value, list):
        return "a list"
    raw = src.scalars.get(loc)
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "…"
        return f"'{text}'"
    text = (
        raw.raw
        if raw is not None
        else (
            ("true" if value else "false")
            if isinstance(value, bool)
            else str(value)
            if isinstance(value, (int, float))
            else "this value"
        )
    )
    return text if len(text) <= 40 else text[:37] + "…"


_YAML_READS = {bool: "the yes/no value", int: "a number", float: "a number"}


def _colon_text(src: Source, loc: Path_, value: dict[str, Any]) -> str | None:
    """The text as written, when a mapping came from one plain line with ': ' in it
    (`- spiller sjakk: kan flytte hesten`): YAML read the text as a key and a value."""
    if len(value) != 1:
        return None
    key, inner = next(iter(value.items()))
    key_at = src.keys.get((*loc, key))
    if key_at is None or src.values.get(loc) != key_at or isinstance(inner, (dict, list)):
        return None
    line = src.line(key_at[0])
    if line[key_at[1] - 1 : key_at[1]] in ("'", '"'):
        return None
    if inner is None:
        rest = line[key_at[1] - 1 :]
        cut = re.search(r"[ \t]+#", rest)
        return (rest[: cut.start()] if cut else rest).rstrip()
    return src.written(loc)


def _text_hint(src: Source, loc: Path_, value: Any, required: bool) -> str:
    """What is wrong with a value given where text belongs (after the label)."""
    item = bool(loc) and isinstance(loc[-1], int)
    if value is None:
        where = "after '- '" if item else "after the colon"
        return f"is empty; write the text {where}" + ("" if required and not item else ", or remove the line")
    if isinstance(value, dict):
        written = _colon_text(src, loc, value)
        if written is not None:
            fixed = f"- {quote(written)}" if item else quote(written)
            return f"has ': ' in it, so YAML read it as a key and a value; put the whole text in quotes: {fixed}"
        return "must be text, not a group of 'key: value' lines"
    if isinstance(value, list):
        return "must be text, not a list"
    raw = src.scalars.get(loc)
    written = raw.raw if raw else str(value)
    if isinstance(value, (date, datetime)):
        return f"must be text, but YAML reads {written} as a date; put it in quotes: {quote(written)}"
    kind = _YAML_READS.get(type(value))
    if kind is None:
        return f"must be text; put it in quotes: {quote(written)}"
    return (
        f"must be text, but YAML reads {written} as {kind} {_literal(value) if isinstance(value, bool) else value}; "
        f"put it in quotes: {quote(written)}"
    )


def _swallowed_list(src: Source, loc: Path_) -> bool:
    """A plain text that ran on over '- ' lines (`questions: Hva?` then `  - a`)."""
    start, end = src.values.get(loc), src.ends.get(loc)
    if start is None or end is None:
        return False
    return any(src.line(n).lstrip().startswith("- ") for n in range(start[0] + 1, end[0] + 1))


_UNITS = {"mm": MM, "cm": CM, "in": INCH, "pt": 1.0}


def _range(spot: _Spot, value: Any, src: Source, loc: Path_, label: str) -> str:
    """'must be between 3 and 7, not 9'; a length in the unit the user wrote it in."""
    bounds = _bounds(spot.tp)
    base, extras = strip(spot.tp)
    length = _is_length(extras) or any(_is_length(strip(m)[1]) for m in _members(base) or [])
    raw = src.scalars.get(loc)
    written = re.search(r"(mm|cm|in|pt)\s*$", raw.raw.lower()) if raw else None
    unit = written.group(1) if written else "mm"

    def fmt(x: Any) -> str:
        if length:
            number = f"{float(x) / _UNITS[unit]:.1f}".rstrip("0").rstrip(".")
            return f"{number} {unit}"
        return f"{x:g}" if isinstance(x, float) else str(x)

    low = bounds.get("ge", bounds.get("gt"))
    high = bounds.get("le", bounds.get("lt"))
    value_shown = shown(src, loc, value) if raw or not length else fmt(value)
    if low is not None and high is not None:
        return f"{label} must be between {fmt(low)} and {fmt(high)}, not {value_shown}"
    if low is not None:
        return f"{label} must be {'more than' if 'gt' in bounds else 'at least'} {fmt(low)}, not {value_shown}"
    if high is not None:
        return f"{label} must be {'less than' if 'lt' in bounds else 'at most'} {fmt(high)}, not {value_shown}"
    return f"{label} is out of range: {value_shown}"


def _tidy(msg: str, value: Any, value_shown: str) -> str:
    """A validator's own message, with the value as YAML spells it and kept short."""
    if isinstance(value, bool):
        msg = msg.replace(repr(value), value_shown)
    elif isinstance(value, str) and len(value) > 40:
        msg = msg.replace(value, value[:37] + "…")
    return msg


# ---------------------------------------------------------------- one message per error

_DECIMAL_TAIL = re.compile(r"\d+(?:\s*(?:mm|cm|in|pt|%))?", re.IGNORECASE)

Found = tuple[Path_, str, bool]  # (place in the file, message, point at the key?)


@dataclass
class _Context:
    src: Source
    prefix: Path_
    data: Any
    skip: set[Path_]
    names: Names
    elsewhere: Callable[[], Vocabulary]


def _unknown_key(ctx: _Context, spot: _Spot) -> list[Found]:
    rel = spot.loc
    key = str(rel[-1])
    loc = ctx.prefix + rel
    # `{x: -0,5mm, y: 0mm}`: YAML split the number at the comma into a key '5mm'.
    found, parent = data_at(ctx.data, rel[:-1])
    if found and isinstance(parent, dict) and _DECIMAL_TAIL.fullmatch(key) and parent.get(key) is None:
        keys = list(parent)
        at = keys.index(key) if key in keys else 0
        before = parent[keys[at - 1]] if at > 0 else None
        if at > 0 and isinstance(before, (int, float)) and not isinstance(before, bool):
            prev = ctx.prefix + rel[:-1] + (keys[at - 1],)
            raw = ctx.src.scalars.get(prev)
            number = f"{raw.raw if raw else before}.{key}"
            ctx.skip.add(prev)
            return [(prev, f"write decimals with a point: {number} (a comma separates values in {{ }})", False)]
    fields = spot.parent.model_fields if is_model(spot.parent) else {}
    keys_here = list(fields)
    word = key.lower()
    # a word declared beside a key here, or one declared for a key of the same name elsewhere
    english = [k for k in fields if word in words_for(spot.parent, k).norwegian]
    norwegian = bool(english) or word in ctx.elsewhere()
    english = english or [k for k in ctx.elsewhere().get(word, ()) if k in keys_here]
    if english:
        return [(loc, f"unknown key '{key}'; did you mean '{english[0]}'? (keys are written in English)", True)]
    known = f"known keys here: {', '.join(keys_here)}" if keys_here else ""
    if norwegian:
        return [(loc, f"unknown key '{key}' (keys are written in English; {known or 'none here'})", True)]
    hint = did_you_mean(key, keys_here) or (f"; {known}" if known else "")
    return [(loc, f"unknown key '{key}'{hint}", True)]


def _required(spot: _Spot) -> bool:
    if not is_model(spot.parent) or not spot.loc or not isinstance(spot.loc[-1], str):
        return False
    info = spot.parent.model_fields.get(spot.loc[-1])
    return info is not None and info.is_required()


def _length_message(ctx: _Context, etype: str, value: Any, info: dict[str, Any], spot: _Spot) -> str:
    """too_short / too_long, string_too_short / string_too_long."""
    rel, loc = spot.loc, ctx.prefix + spot.loc
    label = ctx.names.label(loc)
    short = etype in ("too_short", "string_too_short")
    bound = "at least" if short else "at most"
    limit = info.get("min_length") if short else info.get("max_length")
    if etype.startswith("string_") or isinstance(value, str):
        size = len(value) if isinstance(value, str) else 0
        if etype == "string_too_short" and size == 0:
            return f"{label} is empty; write some text"
        return f"{label} is {size} characters; {bound} {limit}"
    size = info.get("actual_length", len(value) if isinstance(value, (list, dict, str)) else 0)
    noun = ctx.names.item(loc) if rel and isinstance(rel[-1], str) else "item"
    noun = "item" if noun.startswith("item of") else noun
    if short:
        least = info.get("min_length", 1)
        if least == 1:
            return f"{label} needs at least one {noun}"
        return f"{label} has {_counted(size, noun, rel)}; it needs at least {least}"
    return f"{label} has {_counted(size, noun, rel)}; at most {limit}"


def _list_message(ctx: _Context, value: Any, spot: _Spot) -> str:
    """A list was needed (list_type and its kin)."""
    rel, loc = spot.loc, ctx.prefix + spot.loc
    label = ctx.names.label(loc)
    if isinstance(value, str) and re.match(r"-[^\s-]", value):
        first = value.split(" - ")[0].split(" -")[0][1:]
        spaceless = [part for part in re.split(r"\s+-(?=\S)", " " + value.split(" - ")[0]) if part.strip()]
        if len(spaceless) > 1:
            return (
                f"{label} reads as one text, because the lines starting with '-' have no space "
                f"after '-'; write '- {first}', '- {spaceless[1].strip()}' and so on, each on its "
                "own line"
            )
        return (
            f"{label} reads as one text, because '-{first}' has no space after '-'; "
            f"write '- {first}' to make it a list item"
        )
    if isinstance(value, str) and _swallowed_list(ctx.src, loc):
        key = str(rel[-1]) if rel and isinstance(rel[-1], str) else "the key"
        return (
            f"{label} reads as one text that runs on over the '- ' lines below it; write "
            f"'{key}:' alone on its line, with every item under it on a line starting with '- '"
        )
    return f"{label} must be a list (lines starting with '- '), not {shown(ctx.src, loc, value)}"


def _empty_message(ctx: _Context, spot: _Spot) -> str:
    """A value left out after its key (`title:` and nothing)."""
    label = ctx.names.label(ctx.prefix + spot.loc)
    shapes = _join(_describe(spot.tp)) if spot.tp is not None else "a value"
    if "list" in _shape_of(spot.tp or str):
        return f"{label} is empty; write its items under it, each on a line starting with '- '"
    if "mapping" in _shape_of(spot.tp or str):
        return f"{label} is empty; write its 'key: value' lines under it"
    tail = "" if _required(spot) else ", or remove the line"
    return f"{label} is empty; write {shapes} after the colon{tail}"


_RANGE = ("greater_than", "greater_than_equal", "less_than", "less_than_equal")
_LENGTHS = ("too_short", "too_long", "string_too_short", "string_too_long")
_WHOLE = ("int_type", "int_parsing", "int_from_float")
_NUMBER = ("float_type", "float_parsing", "finite_number")
_YES_NO = ("bool_type", "bool_parsing")
_LISTS = ("list_type", "tuple_type", "set_type", "frozen_set_type")
_MAPPINGS = ("model_type", "dict_type", "model_attributes_type")
_OWN = ("value_error", "assertion_error")  # a validator's own message (raise ValueError)
TRANSLATED = (
    "missing",
    "extra_forbidden",
    "string_type",
    *_LENGTHS,
    *_RANGE,
    *_WHOLE,
    *_NUMBER,
    *_YES_NO,
    *_LISTS,
    *_MAPPINGS,
    "literal_error",
    "blank_text",
    *_OWN,
)
"""The pydantic error types given a message of their own; any other says what the place takes."""


def _message(ctx: _Context, err: Mapping[str, Any], spot: _Spot) -> list[Found]:
    """The plain message for one pydantic error at a place we could follow."""
    etype = err["type"]
    value = err.get("input")
    info = err.get("ctx") or {}
    src, rel = ctx.src, spot.loc
    loc = ctx.prefix + rel
    label = ctx.names.label(loc)
    value_shown = shown(src, loc, value)
    if etype == "missing":
        key = str(rel[-1]) if rel else "?"
        return [(loc[:-1], f"'{key}' is missing here; add '{key}: …'", False)]
    if etype == "extra_forbidden":
        return _unknown_key(ctx, spot)
    if etype == "string_type" and isinstance(value, bool) and ctx.names.words(loc).hint:
        # `free: true`: a yes meant, not the word; the field's hint says what it takes
        return [(loc, f"{label} must be text, not the yes/no value {value_shown}", False)]
    if etype == "string_type":
        return [(loc, f"{label} {_text_hint(src, loc, value, _required(spot))}", False)]
    if etype in _LENGTHS:
        return [(loc, _length_message(ctx, etype, value, info, spot), False)]
    if etype == "blank_text":
        return [(loc, f"{label} is blank; write its text, or remove the line", False)]
    if etype in _RANGE:
        return [(loc, _range(spot, value, src, loc, label), False)]
    if value is None:
        return [(loc, _empty_message(ctx, spot), False)]
    if etype in _WHOLE:
        hint = "; remove the quotes" if isinstance(value, str) and value.strip().lstrip("-").isdigit() else ""
        return [(loc, f"{label} must be a whole number, not {value_shown}{hint}", False)]
    if etype in _NUMBER:
        return [(loc, f"{label} must be a number, not {value_shown}", False)]
    if etype in _YES_NO:
        return [(loc, f"{label} must be true or false, not {value_shown}", False)]
    if etype in _LISTS:
        return [(loc, _list_message(ctx, value, spot), False)]
    if etype in _MAPPINGS:
        return [(loc, f"{label} must be {_join(_describe(spot.tp))}, not {value_shown}", False)]
    if etype == "literal_error":
        base, _ = strip(spot.tp)
        choices = [v for m in (_members(base) or [base]) for v in typing.get_args(strip(m)[0])]
        hint = did_you_mean(value, [str(c) for c in choices]) if isinstance(value, str) else ""
        return [(loc, f"{label} must be {_join([_literal(c) for c in choices])}, not {value_shown}{hint}", False)]
    if etype in _OWN:
        msg = _tidy(str(info.get("error", "")) or "is not a valid value", value, value_shown)
        return [(loc, f"{label}: {msg}" if rel else msg, False)]
    shapes = _join(_describe(spot.tp)) if spot.tp is not None else "something else"
    return [(loc, f"{label} must be {shapes}, not {value_shown}", False)]


def _union(ctx: _Context, spot: _Spot) -> list[Found]:
    """One judgement for a value that no member of a union took: the member whose shape
    matches what the user wrote, validated alone; or, if none, the shapes it may take."""
    found, value = data_at(ctx.data, spot.loc)
    base, _ = strip(spot.tp)
    members = _members(base) or [base]
    branch = _choose(members, value) if found else None
    loc = ctx.prefix + spot.loc
    if branch is not None:
        try:
            _adapter(branch).validate_python(value)
        except ValidationError as exc:
            inner = _Context(ctx.src, loc, value, ctx.skip, ctx.names, ctx.elsewhere)
            return _convert(inner, branch, exc.errors(include_url=False))
    shapes = _join(_describe(spot.tp))
    label = ctx.names.label(loc)
    if found and value is None:
        return [(loc, f"{label} is empty; write {shapes} after the colon", False)]
    return [(loc, f"{label} must be {shapes}, not {shown(ctx.src, loc, value)}", False)]


def _convert(ctx: _Context, root: Any, errors: Sequence[Mapping[str, Any]]) -> list[Found]:
    """Plain messages for pydantic's errors of `ctx.data` validated as `root`."""
    out: list[tuple[Path_, Found]] = []
    unions: set[Path_] = set()
    for err in errors:
        spot = _follow(root, tuple(err["loc"]))
        if spot is None:  # a location we cannot follow along the types: follow the data
            rel = data_loc(ctx.data, tuple(err["loc"]))
            spot = _Spot(rel, *type_at(root, rel), False)
        if spot.union:
            if spot.loc not in unions:
                unions.add(spot.loc)
                out += [(spot.loc, f) for f in _union(ctx, spot)]
            continue
        out += [(spot.loc, f) for f in _message(ctx, err, spot)]
    return [f for rel, f in out if ctx.prefix + rel not in ctx.skip]


# ---------------------------------------------------------------- the entry point


@cache
def _declared(model: Any) -> dict[str, tuple[str, ...]]:
    return vocabulary([model])


def explain(
    model: type[BaseModel],
    data: Any,
    src: Source,
    errors: Sequence[Mapping[str, Any]],
    prefix: Path_ = (),
    skip: Iterable[Path_] = (),
    elsewhere: Callable[[], Vocabulary] = dict,
) -> list[Problem]:
    """One problem per error of `ValidationError.errors()` for `data` (found at `prefix`
    in `src`) validated as `model`, in the order of the errors; a union is judged once,
    and a message about a value ends with its field's own hint. `skip`: places already
    reported otherwise. `elsewhere`: the Norwegian words declared in other models (a
    word is understood at any key of the name it was declared for)."""

    @cache
    def words() -> Vocabulary:
        merged = {word: tuple(keys) for word, keys in elsewhere().items()}
        for word, keys in _declared(model).items():
            merged[word] = tuple(dict.fromkeys((*merged.get(word, ()), *keys)))
        return merged

    names = Names(model, prefix)
    ctx = _Context(src, prefix, data, set(skip), names, words)
    out: list[Problem] = []
    for where, message, at_key in _convert(ctx, model, errors):
        if not at_key:
            hint = names.words(where).hint
            message += f"; {hint}" if hint else ""
        out.append(src.problem(where, message, key=at_key))
    return out
