"""Typed models for what users write, and pydantic's errors turned into plain lines.

Every model forbids unknown keys and is strict: a text field takes only text
(YAML 1.1 reads a bare `NO` as False and `12:30` as 750; we refuse and tell the
user to quote it instead of printing "False" on a card).

Pydantic describes errors in its own terms: a field that takes several shapes
(`Text | FontFiles`) gives one error per shape, tagged with internal names such
as `'str'` or `'function-after[_nfc(), str]'`. We read each error's location
together with the model's types, so a union is judged once: by the shape the
user wrote (a mapping means the group of keys, text means the text), and every
message names only the user's keys and values.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
)
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError
from pydantic_core.core_schema import ErrorType

from smartprint.errors import Problem, UserError
from smartprint.load.source import Path_, Source, quote
from smartprint.resolve.units import CM, INCH, MM, parse_length

MAX_TEXT_CHARS = 3000


def _at_most_chars(text: str) -> str:
    """A generous limit on every text, so a pasted essay is refused naming its field
    instead of being set letter by letter. (Not `max_length`: pydantic keeps only the
    last MaxLen of a field, and an inherited field such as `title` would lose its own
    smaller limit to this one.)"""
    if len(text) > MAX_TEXT_CHARS:
        raise PydanticCustomError("string_too_long", "at most {max_length} characters", {"max_length": MAX_TEXT_CHARS})
    return text


Text = Annotated[str, Field(strict=True), AfterValidator(_at_most_chars)]
Length = Annotated[float, BeforeValidator(parse_length)]

M = TypeVar("M", bound=BaseModel)


class Model(BaseModel):
    """Base for every user-facing model: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Norwegian words teachers write for our (English) keys. Used only when that English
# key exists at that place, so a word never leads to a key that would be refused too.
NORWEGIAN_KEYS: dict[str, tuple[str, ...]] = {
    "bilde": ("image",),
    "bilete": ("image",),
    "tittel": ("title",),
    "overskrift": ("title",),
    "tekst": ("text",),
    "spørsmål": ("questions",),
    "sporsmal": ("questions",),
    "spørsmåla": ("questions",),
    "farge": ("color",),
    "farga": ("color",),
    "gruppe": ("group",),
    "grupper": ("groups",),
    "gruppa": ("group",),
    "kategori": ("group",),
    "kategorier": ("categories", "groups"),
    "kort": ("cards",),
    "antall": ("count",),
    "tal": ("count",),
    "linjer": ("lines",),
    "tegning": ("drawing",),
    "teikning": ("drawing",),
    "bakside": ("back", "backs"),
    "baksider": ("backs",),
    "elever": ("pupils",),
    "elevar": ("pupils",),
    "navn": ("names", "name"),
    "namn": ("names", "name"),
    "ruter": ("prompts",),
    "utsagn": ("prompts",),
    "påstander": ("prompts",),
    "brett": ("sheets", "boards"),
    "ark": ("sheets",),
    "regler": ("instructions", "rules"),
    "reglar": ("instructions", "rules"),
    "instruksjoner": ("instructions",),
    "språk": ("language",),
    "sprak": ("language",),
    "mål": ("language",),
    "skrift": ("font",),
    "oppsett": ("layout",),
    "mal": ("layout",),
    "frø": ("seed",),
    "fro": ("seed",),
    "beskrivelse": ("description",),
    "skildring": ("description",),
    "type": ("kind",),
    "slag": ("kind",),
    "sort": ("kind",),
    "rutenett": ("grid",),
    "størrelse": ("size",),
    "bunntekst": ("footer",),
    "midten": ("free",),
    "fri": ("free",),
    "modus": ("mode",),
    "marg": ("margin",),
    "papir": ("paper",),
    "retning": ("orientation",),
    "avstand": ("gap",),
    "mellomrom": ("gap",),
    "utfall": ("bleed",),
    "skjæremerker": ("crop_marks",),
    "lenke": ("qr", "link"),
    "kobling": ("qr", "link"),
    "bredde": ("width",),
    "høyde": ("height",),
    "hogde": ("height",),
    "kolonner": ("cols", "columns"),
    "rader": ("rows",),
    "rekker": ("rows",),
    "blokker": ("blocks",),
    "felt": ("fields", "field"),
    "ruter_per_side": ("per_page",),
    "spesielle": ("specials",),
    "leder": ("leader",),
    "kortstørrelse": ("card",),
    "blokk": ("blocks",),
    "boks": ("box",),
    "sjekkliste": ("checklist",),
    "avkrysning": ("checklist",),
    "ord": ("words",),
    "tabell": ("table",),
    "ny_side": ("new_page",),
    "nyside": ("new_page",),
    "alder": ("age",),
    "spenn": ("span",),
    "fil": ("file",),
    "bildetekst": ("caption",),
    "punkter": ("items",),
    "overskrifter": ("headers",),
    "fra": ("from",),
    "kolonne": ("column",),
    "etikett": ("label",),
}

_LIST_NOUNS = {"entries": "entry", "categories": "category", "specials": "special square"}


# ---------------------------------------------------------------- reading types


def _field_type(info: FieldInfo) -> Any:
    """A field's whole type: pydantic keeps the outer `Annotated` extras (bounds,
    validators) in the FieldInfo, not in `annotation`."""
    if info.metadata:
        return Annotated[(info.annotation, *info.metadata)]
    return info.annotation


def _strip(tp: Any) -> tuple[Any, list[Any]]:
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


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_length(extras: list[Any]) -> bool:
    return any(isinstance(e, BeforeValidator) and e.func is parse_length for e in extras)


def _bounds(tp: Any) -> dict[str, Any]:
    """The numeric and length bounds written on a type (ge, le, min_length, …)."""
    out: dict[str, Any] = {}
    while True:
        tp, extras = _strip(tp)
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
    tp, extras = _strip(tp)
    members = _members(tp)
    if members is not None:
        return set().union(*(_shape_of(m) for m in members)) if members else set()
    if _is_length(extras):
        return {"text", "number", "int"}
    origin = typing.get_origin(tp)
    if _is_model(tp) or tp is dict or origin is dict:
        return {"mapping"}
    if tp in (list, tuple, set) or origin in (list, tuple, set, frozenset):
        return {"list"}
    if origin is Literal:
        values = typing.get_args(tp)
        return {"bool" if isinstance(v, bool) else "int" if isinstance(v, int) else "text" for v in values}
    return {bool: {"bool"}, int: {"int"}, float: {"number", "int"}, str: {"text"}}.get(tp, set())


def _accepts_none(tp: Any) -> bool:
    tp, _ = _strip(tp)
    if tp is Any or tp is type(None):
        return True
    members = typing.get_args(tp) if typing.get_origin(tp) in (Union, types.UnionType) else ()
    return type(None) in members or any(_accepts_none(m) for m in members)


def _describe(tp: Any) -> list[str]:
    """The shapes a type takes, in a teacher's words."""
    tp, extras = _strip(tp)
    members = _members(tp)
    if members is not None:
        out: list[str] = []
        for member in members:
            out += [d for d in _describe(member) if d not in out]
        return out
    if _is_length(extras):
        return ["a length such as 10mm"]
    origin = typing.get_origin(tp)
    if _is_model(tp):
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
    tp, _ = _strip(tp)
    members = _members(tp)
    if members is not None:
        for member in members:
            found = _child(member, part)
            if found is not None:
                return found
        return None
    origin = typing.get_origin(tp)
    if _is_model(tp) and isinstance(part, str):
        info = tp.model_fields.get(part)
        return (_field_type(info), tp) if info is not None else (None, tp)
    if origin in (list, tuple, set, frozenset) and isinstance(part, int):
        args = typing.get_args(tp)
        return (args[0] if args else Any), None
    if origin is dict:
        return typing.get_args(tp)[1], None
    return None


def _type_at(root: Any, loc: Path_) -> tuple[Any, Any]:
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


def _model_at(model: type[BaseModel], loc: Path_) -> Any:
    tp, _ = _type_at(model, loc)
    tp, _ = _strip(tp)
    members = _members(tp) or [tp]
    models = [m for m in (_strip(m)[0] for m in members) if _is_model(m)]
    return models[0] if models else tp


def known_keys(model: type[BaseModel], loc: Path_) -> list[str]:
    """The keys a mapping at `loc` may have (empty if no mapping belongs there)."""
    target = _model_at(model, loc)
    return list(target.model_fields) if _is_model(target) else []


def did_you_mean(word: str, choices: list[str]) -> str:
    """'; did you mean 'x'?' for the closest choice (a typo), or '' when none is close."""
    by_lower = {c.lower(): c for c in choices}
    # short words differ by one letter in a large share of them ("Mod" for "Mot")
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6 if len(word) <= 5 else 0.7)
    return f"; did you mean '{by_lower[close[0]]}'?" if close else ""


def _data_at(data: Any, loc: Path_) -> tuple[bool, Any]:
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
        base, _ = _strip(tp)
        members = _members(base)
        if members is not None:
            if len(members) == 1:  # `X | None`: keep the bounds written on the whole
                extras = _strip(tp)[1]
                tp = Annotated[(members[0], *extras)] if extras else members[0]
                continue
            if i < len(loc):
                return _Spot(tuple(out), tp, parent, True)
        if i >= len(loc):
            return _Spot(tuple(out), tp, parent, False)
        part = loc[i]
        i += 1
        origin = typing.get_origin(base)
        if _is_model(base) and isinstance(part, str):
            out.append(part)
            parent = base
            info = base.model_fields.get(part)
            if info is None:
                return _Spot(tuple(out), None, parent, False)
            tp = _field_type(info)
        elif origin in (list, tuple, set, frozenset) and isinstance(part, int):
            out.append(part)
            args = typing.get_args(base)
            tp, parent = (args[0] if args else Any), None
        elif origin is dict and isinstance(part, str):
            out.append(part)
            tp, parent = typing.get_args(base)[1], None
        else:
            return None


def _data_loc(data: Any, loc: tuple[Any, ...]) -> Path_:
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
        base, _ = _strip(tp)
        adapter = TypeAdapter(tp) if _is_model(base) else TypeAdapter(tp, config=ConfigDict(strict=True))
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
            if wanted == "text" and shape != "text" and typing.get_origin(_strip(member)[0]) is Literal:
                continue
            return member
    return None


# ---------------------------------------------------------------- messages


def _counted(size: int, noun: str, rel: Path_) -> str:
    """ "9 categories", "1 card": the list's own key is its plural."""
    if size == 1:
        return f"1 {noun}"
    key = rel[-1] if rel else None
    plural = key if isinstance(key, str) and key.endswith("s") and noun != "item" else f"{noun}s"
    return f"{size} {plural}"


def _singular(key: str) -> str:
    if key in _LIST_NOUNS:
        return _LIST_NOUNS[key]
    return key[:-3] + "y" if key.endswith("ies") else key[:-1] if key.endswith("s") else f"item of '{key}'"


def _label(loc: Path_) -> str:
    """How a message names the place: 'title', card 3, question 2, …"""
    if not loc:
        return "the file"
    last = loc[-1]
    if isinstance(last, str):
        return f"'{last}'"
    parent = loc[-2] if len(loc) >= 2 else None
    if isinstance(parent, str):
        noun = _singular(parent)
        return f"{noun} {last + 1}" if not noun.startswith("item of") else f"item {last + 1} of '{parent}'"
    return f"item {last + 1}"


def _shown(src: Source, loc: Path_, value: Any) -> str:
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
    shown = raw.raw if raw else str(value)
    if isinstance(value, (date, datetime)):
        return f"must be text, but YAML reads {shown} as a date; put it in quotes: {quote(shown)}"
    kind = _YAML_READS.get(type(value))
    if kind is None:
        return f"must be text; put it in quotes: {quote(shown)}"
    return (
        f"must be text, but YAML reads {shown} as {kind} {_literal(value) if isinstance(value, bool) else value}; "
        f"put it in quotes: {quote(shown)}"
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
    base, extras = _strip(spot.tp)
    length = _is_length(extras) or any(_is_length(_strip(m)[1]) for m in _members(base) or [])
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
    shown = _shown(src, loc, value) if raw or not length else fmt(value)
    if low is not None and high is not None:
        return f"{label} must be between {fmt(low)} and {fmt(high)}, not {shown}"
    if low is not None:
        return f"{label} must be {'more than' if 'gt' in bounds else 'at least'} {fmt(low)}, not {shown}"
    if high is not None:
        return f"{label} must be {'less than' if 'lt' in bounds else 'at most'} {fmt(high)}, not {shown}"
    return f"{label} is out of range: {shown}"


_PYDANTIC_TYPES = frozenset(typing.get_args(ErrorType))
_DECIMAL_TAIL = re.compile(r"\d+(?:\s*(?:mm|cm|in|pt|%))?", re.IGNORECASE)

_Found = tuple[Path_, str, bool]  # (place in the file, message, point at the key?)


@dataclass
class _Context:
    src: Source
    prefix: Path_
    data: Any
    skip: set[Path_]


def _unknown_key(ctx: _Context, spot: _Spot) -> list[_Found]:
    rel = spot.loc
    field = str(rel[-1])
    loc = ctx.prefix + rel
    # `{x: -0,5mm, y: 0mm}`: YAML split the number at the comma into a key '5mm'.
    found, parent = _data_at(ctx.data, rel[:-1])
    if found and isinstance(parent, dict) and _DECIMAL_TAIL.fullmatch(field) and parent.get(field) is None:
        keys = list(parent)
        at = keys.index(field) if field in keys else 0
        before = parent[keys[at - 1]] if at > 0 else None
        if at > 0 and isinstance(before, (int, float)) and not isinstance(before, bool):
            prev = ctx.prefix + rel[:-1] + (keys[at - 1],)
            raw = ctx.src.scalars.get(prev)
            number = f"{raw.raw if raw else before}.{field}"
            ctx.skip.add(prev)
            return [(prev, f"write decimals with a point: {number} (a comma separates values in {{ }})", False)]
    keys_here = list(spot.parent.model_fields) if _is_model(spot.parent) else []
    english = [k for k in NORWEGIAN_KEYS.get(field.lower(), ()) if k in keys_here]
    if english:
        return [(loc, f"unknown key '{field}'; did you mean '{english[0]}'? (keys are written in English)", True)]
    known = f"known keys here: {', '.join(keys_here)}" if keys_here else ""
    if field.lower() in NORWEGIAN_KEYS:
        return [(loc, f"unknown key '{field}' (keys are written in English; {known or 'none here'})", True)]
    hint = did_you_mean(field, keys_here) or (f"; {known}" if known else "")
    return [(loc, f"unknown key '{field}'{hint}", True)]


def _required(spot: _Spot) -> bool:
    if not _is_model(spot.parent) or not spot.loc or not isinstance(spot.loc[-1], str):
        return False
    info = spot.parent.model_fields.get(spot.loc[-1])
    return info is not None and info.is_required()


def _message(ctx: _Context, err: Any, spot: _Spot) -> list[_Found]:
    """The plain message for one pydantic error at a place we could follow."""
    etype = err["type"]
    value = err.get("input")
    info = err.get("ctx") or {}
    src, rel = ctx.src, spot.loc
    loc = ctx.prefix + rel
    label = _label(loc)
    shown = _shown(src, loc, value)
    if etype == "missing":
        field = str(rel[-1]) if rel else "?"
        return [(loc[:-1], f"'{field}' is missing here; add '{field}: …'", False)]
    if etype == "extra_forbidden":
        return _unknown_key(ctx, spot)
    if etype == "string_type":
        return [(loc, f"{label} {_text_hint(src, loc, value, _required(spot))}", False)]
    if etype in ("string_too_short", "string_too_long"):
        limit = info.get("min_length") if etype == "string_too_short" else info.get("max_length")
        size = len(value) if isinstance(value, str) else 0
        if etype == "string_too_short" and size == 0:
            return [(loc, f"{label} is empty; write some text", False)]
        bound = "at least" if etype == "string_too_short" else "at most"
        return [(loc, f"{label} is {size} characters; {bound} {limit}", False)]
    if etype in ("too_short", "too_long") and isinstance(value, str):
        bound = "at least" if etype == "too_short" else "at most"
        limit = info.get("min_length") if etype == "too_short" else info.get("max_length")
        return [(loc, f"{label} is {len(value)} characters; {bound} {limit}", False)]
    if etype in ("too_short", "too_long"):
        size = info.get("actual_length", len(value) if isinstance(value, (list, dict, str)) else 0)
        noun = _singular(str(rel[-1])) if rel and isinstance(rel[-1], str) else "item"
        noun = "item" if noun.startswith("item of") else noun
        if etype == "too_short":
            least = info.get("min_length", 1)
            if least == 1:
                return [(loc, f"{label} needs at least one {noun}", False)]
            return [(loc, f"{label} has {_counted(size, noun, rel)}; it needs at least {least}", False)]
        return [(loc, f"{label} has {_counted(size, noun, rel)}; at most {info.get('max_length')}", False)]
    if etype in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return [(loc, _range(spot, value, src, loc, label), False)]
    if value is None:
        shapes = _join(_describe(spot.tp)) if spot.tp is not None else "a value"
        if "list" in _shape_of(spot.tp or str):
            return [(loc, f"{label} is empty; write its items under it, each on a line starting with '- '", False)]
        if "mapping" in _shape_of(spot.tp or str):
            return [(loc, f"{label} is empty; write its 'key: value' lines under it", False)]
        tail = "" if _required(spot) else ", or remove the line"
        return [(loc, f"{label} is empty; write {shapes} after the colon{tail}", False)]
    if etype in ("int_type", "int_parsing", "int_from_float"):
        hint = "; remove the quotes" if isinstance(value, str) and value.strip().lstrip("-").isdigit() else ""
        return [(loc, f"{label} must be a whole number, not {shown}{hint}", False)]
    if etype in ("float_type", "float_parsing", "finite_number"):
        return [(loc, f"{label} must be a number, not {shown}", False)]
    if etype in ("bool_type", "bool_parsing"):
        return [(loc, f"{label} must be true or false, not {shown}", False)]
    if etype in ("list_type", "tuple_type", "set_type", "frozen_set_type"):
        if isinstance(value, str) and re.match(r"-[^\s-]", value):
            first = value.split(" - ")[0].split(" -")[0][1:]
            spaceless = [part for part in re.split(r"\s+-(?=\S)", " " + value.split(" - ")[0]) if part.strip()]
            if len(spaceless) > 1:
                return [
                    (
                        loc,
                        f"{label} reads as one text, because the lines starting with '-' have no space "
                        f"after '-'; write '- {first}', '- {spaceless[1].strip()}' and so on, each on its "
                        "own line",
                        False,
                    )
                ]
            return [
                (
                    loc,
                    f"{label} reads as one text, because '-{first}' has no space after '-'; "
                    f"write '- {first}' to make it a list item",
                    False,
                )
            ]
        if isinstance(value, str) and _swallowed_list(src, loc):
            field = str(rel[-1]) if rel and isinstance(rel[-1], str) else "the key"
            message = (
                f"{label} reads as one text that runs on over the '- ' lines below it; write "
                f"'{field}:' alone on its line, with every item under it on a line starting with '- '"
            )
            return [(loc, message, False)]
        return [(loc, f"{label} must be a list (lines starting with '- '), not {shown}", False)]
    if etype in ("model_type", "dict_type", "model_attributes_type"):
        return [(loc, f"{label} must be {_join(_describe(spot.tp))}, not {shown}", False)]
    if etype == "literal_error":
        base, _ = _strip(spot.tp)
        choices = [v for m in (_members(base) or [base]) for v in typing.get_args(_strip(m)[0])]
        hint = did_you_mean(value, [str(c) for c in choices]) if isinstance(value, str) else ""
        return [(loc, f"{label} must be {_join([_literal(c) for c in choices])}, not {shown}{hint}", False)]
    if etype in ("value_error", "assertion_error"):
        msg = _tidy(str(info.get("error", "")) or "is not a valid value", value, shown)
        return [(loc, f"{label}: {msg}" if rel else msg, False)]
    msg = str(err.get("msg", ""))
    if msg and etype not in _PYDANTIC_TYPES:  # a message of our own (PydanticCustomError)
        return [(loc, f"{label}: {_tidy(msg, value, shown)}", False)]
    shapes = _join(_describe(spot.tp)) if spot.tp is not None else "something else"
    return [(loc, f"{label} must be {shapes}, not {shown}", False)]


def _tidy(msg: str, value: Any, shown: str) -> str:
    """A validator's own message, with the value as YAML spells it and kept short."""
    if isinstance(value, bool):
        msg = msg.replace(repr(value), shown)
    elif isinstance(value, str) and len(value) > 40:
        msg = msg.replace(value, value[:37] + "…")
    return msg


def _union(ctx: _Context, spot: _Spot) -> list[_Found]:
    """One judgement for a value that no member of a union took: the member whose shape
    matches what the user wrote, validated alone; or, if none, the shapes it may take."""
    found, value = _data_at(ctx.data, spot.loc)
    base, _ = _strip(spot.tp)
    members = _members(base) or [base]
    branch = _choose(members, value) if found else None
    loc = ctx.prefix + spot.loc
    if branch is not None:
        try:
            _adapter(branch).validate_python(value)
        except ValidationError as exc:
            inner = _Context(ctx.src, loc, value, ctx.skip)
            return _convert(inner, branch, exc.errors(include_url=False))
    shapes = _join(_describe(spot.tp))
    if found and value is None:
        return [(loc, f"{_label(loc)} is empty; write {shapes} after the colon", False)]
    return [(loc, f"{_label(loc)} must be {shapes}, not {_shown(ctx.src, loc, value)}", False)]


def _convert(ctx: _Context, root: Any, errors: list[Any]) -> list[_Found]:
    """Plain messages for pydantic's errors of `ctx.data` validated as `root`."""
    out: list[tuple[Path_, _Found]] = []
    unions: set[Path_] = set()
    for err in errors:
        spot = _follow(root, tuple(err["loc"]))
        if spot is None:  # a location we cannot follow along the types: follow the data
            rel = _data_loc(ctx.data, tuple(err["loc"]))
            spot = _Spot(rel, *_type_at(root, rel), False)
        if spot.union:
            if spot.loc not in unions:
                unions.add(spot.loc)
                out += [(spot.loc, f) for f in _union(ctx, spot)]
            continue
        out += [(spot.loc, f) for f in _message(ctx, err, spot)]
    return [f for rel, f in out if ctx.prefix + rel not in ctx.skip]


# ---------------------------------------------------------------- comments


def _takes_text(tp: Any) -> bool:
    _, extras = _strip(tp)
    return "text" in _shape_of(tp) or _is_length(extras)


def _comment_problems(src: Source, root: Any, data: Any, prefix: Path_) -> dict[Path_, Problem]:
    """`color: #c0392b` reads as an empty colour: an error wherever text or a value is
    needed (an empty optional group such as `back:  # none` stays allowed)."""
    out: dict[Path_, Problem] = {}
    for loc, comment in src.comments.items():
        if loc[: len(prefix)] != prefix:
            continue
        rel = loc[len(prefix) :]
        found, value = _data_at(data, rel)
        if not found or value is not None:
            continue
        tp, _ = _type_at(root, rel)
        if tp is None or not (_takes_text(tp) or not _accepts_none(tp)):
            continue
        written = "#" + comment.rstrip()
        out[rel] = src.problem(
            loc,
            f"YAML reads everything after ' #' as a comment, so {_label(loc)} is empty; "
            f"put the value in quotes: {quote(written)}",
        )
    return out


def cut_by_comment(src: Source, model: type[BaseModel] | None = None, prefix: Path_ = ()) -> list[Problem]:
    """Warnings for plain texts that a ` #` cut short: `- har nummer #10 på drakta`
    prints "har nummer". A `#` right before a letter or digit looks like content (a
    number, a colour, a hashtag); `# note` with a space reads as a deliberate comment
    and is left alone. With `model`, only fields that take text are looked at.

    Each message starts with "warning: "; the caller shows them and goes on (or
    stops, under --strict)."""
    problems: list[Problem] = []
    for loc, comment in src.comments.items():
        if loc[: len(prefix)] != prefix or not comment or comment[0].isspace():
            continue
        found, value = _data_at(src.data, loc)
        if not found or not isinstance(value, str) or not value:
            continue
        if model is not None:
            tp, _ = _type_at(model, loc[len(prefix) :])
            if tp is None or not _takes_text(tp):
                continue
        start, end = src.values.get(loc), src.ends.get(loc)
        whole = (
            src.line(start[0])[start[1] - 1 :].rstrip()
            if start and end and start[0] == end[0]
            else f"{value} #{comment.rstrip()}"
        )
        problems.append(
            src.problem(
                loc,
                (
                    f"warning: YAML reads everything after ' #' as a comment, so {_label(loc)} is only "
                    f"'{value}'; if '#{comment.rstrip()}' belongs to it, put the whole text in quotes: {quote(whole)}"
                ),
            )
        )
    return problems


# ---------------------------------------------------------------- the entry point


def _sort_key(problem: Problem) -> tuple[int, int]:
    where = problem.where
    return (where.line or 0, where.column or 0) if where else (0, 0)


def _field_hint(model: type[BaseModel], rel: Path_) -> str:
    """A field's own advice for a wrong value (`Field(json_schema_extra={"hint": …})`),
    for mistakes its type alone cannot explain, e.g. a class list given to `names`."""
    if not rel or not isinstance(rel[-1], str):
        return ""
    _, parent = _type_at(model, rel)
    info = parent.model_fields.get(rel[-1]) if _is_model(parent) else None
    extra = info.json_schema_extra if info is not None else None
    return f"; {extra['hint']}" if isinstance(extra, dict) and extra.get("hint") else ""


def validate(model: type[M], data: Any, src: Source, prefix: Path_ = ()) -> M:
    """Validate `data` (found at `prefix` in `src`) against `model`, or raise a UserError
    with one `file:line:col: message` line per problem, in the order of the file."""
    emptied = _comment_problems(src, model, data, prefix)
    try:
        result = model.model_validate(data)
        errors: list[Any] = []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    if not errors and not emptied:
        return result
    ctx = _Context(src, prefix, data, {prefix + rel for rel in emptied})
    problems = list(emptied.values())
    seen = {str(p) for p in problems}
    for where, message, at_key in _convert(ctx, model, errors):
        if not at_key:
            message += _field_hint(model, tuple(where[len(prefix) :]))
        problem = src.problem(where, message, key=at_key)
        if str(problem) not in seen:
            seen.add(str(problem))
            problems.append(problem)
    raise UserError(sorted(problems, key=_sort_key))
