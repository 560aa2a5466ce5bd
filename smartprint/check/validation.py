"""Typed models for what users write, and the one call that checks a file's data
against them.

Every model forbids unknown keys and is strict: a text field takes only text
(YAML 1.1 reads a bare `NO` as False and `12:30` as 750; we refuse and tell the
user to quote it instead of printing "False" on a card). Pydantic's errors are
turned into plain lines by `smartprint.check.messages`; what a teacher may write
for a key, how a list's items are named and a field's own advice are declared
beside the field with `Words` (smartprint/check/words.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from smartprint.check import messages
from smartprint.check.suggest import did_you_mean as did_you_mean
from smartprint.errors import Problem, UserError, Where
from smartprint.load.source import Path_, Source, quote
from smartprint.resolve.units import parse_length

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


def not_blank(text: str) -> str:
    """An item of a list of printed texts must print something: a blank one would be an
    empty card, square or box (`- "  "`)."""
    if not text.strip():
        raise PydanticCustomError("blank_text", "is blank")
    return text


@dataclass(frozen=True)
class AsWritten:
    """Marker on a type: a plain number written there (`- 6`, `- 2.5`) is the text it
    was written as, not an error; one YAML changes (`1:30`, `1e3`, `007`) still is."""


AS_WRITTEN = AsWritten()

Length = Annotated[float, BeforeValidator(parse_length)]

M = TypeVar("M", bound=BaseModel)


class Model(BaseModel):
    """Base for every user-facing model: unknown keys and loose types are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


# ---------------------------------------------------------------- the words of every kind

_VOCABULARY: dict[tuple[tuple[str, str], ...], dict[str, tuple[str, ...]]] = {}


def _everywhere() -> messages.Vocabulary:
    """The Norwegian words declared on the fields of every kind's models (its file and its
    layout), so `bilde:` is understood beside any key 'image'. Read only when a file has a
    key we do not know; the kinds are found through their registry."""
    from smartprint.kinds import KINDS, get_kind

    key = tuple(KINDS.items())
    if key not in _VOCABULARY:
        kinds = [get_kind(name) for name in KINDS]
        _VOCABULARY[key] = messages.vocabulary([m for kind in kinds for m in (kind.spec, kind.layout_keys)])
    return _VOCABULARY[key]


# ---------------------------------------------------------------- comments


def _comment_problems(src: Source, root: Any, data: Any, prefix: Path_) -> dict[Path_, Problem]:
    """`color: #c0392b` reads as an empty colour: an error wherever text or a value is
    needed (an empty optional group such as `back:  # none` stays allowed)."""
    out: dict[Path_, Problem] = {}
    names = messages.Names(root, prefix)
    for loc, comment in src.comments.items():
        if loc[: len(prefix)] != prefix:
            continue
        rel = loc[len(prefix) :]
        found, value = messages.data_at(data, rel)
        if not found or value is not None:
            continue
        tp, _ = messages.type_at(root, rel)
        if tp is None or not (messages.takes_text(tp) or not messages.accepts_none(tp)):
            continue
        written = "#" + comment.rstrip()
        out[rel] = src.problem(
            loc,
            f"YAML reads everything after ' #' as a comment, so {names.label(loc)} is empty; "
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
    names = messages.Names(model, prefix)
    for loc, comment in src.comments.items():
        if loc[: len(prefix)] != prefix or not comment or comment[0].isspace():
            continue
        found, value = messages.data_at(src.data, loc)
        if not found or not isinstance(value, str) or not value:
            continue
        if model is not None:
            tp, _ = messages.type_at(model, loc[len(prefix) :])
            if tp is None or not messages.takes_text(tp):
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
                    f"warning: YAML reads everything after ' #' as a comment, so {names.label(loc)} is only "
                    f"'{value}'; if '#{comment.rstrip()}' belongs to it, put the whole text in quotes: {quote(whole)}"
                ),
            )
        )
    return problems


def folded_items(src: Source) -> list[Problem]:
    """Warnings for a plain text that runs on over a line starting with '- ': one item
    indented a space too far (`   - Lytte` under `  - Modig`) folds into the item above,
    which prints "Modig - Lytte". Only a plain (unquoted) text can run on like that.

    Each message starts with "warning: "; the caller shows them and goes on (or stops,
    under --strict)."""
    problems: list[Problem] = []
    for loc, scalar in src.scalars.items():
        start, end = src.values.get(loc), src.ends.get(loc)
        if scalar.quoted or start is None or end is None or end[0] <= start[0]:
            continue
        for number in range(start[0] + 1, end[0] + 1):
            line = src.line(number)
            if not line.lstrip().startswith("- "):
                continue
            column = len(line) - len(line.lstrip()) + 1
            item = line.lstrip()[2:].strip()
            problems.append(
                Problem(
                    Where(src.name, number, column),
                    f"warning: this line is indented further than the line above, so YAML reads "
                    f"'{item}' as part of the text above it ({quote(' '.join(scalar.raw.split()))}); "
                    "if it is an item of its own, start its '- ' right under the one above",
                )
            )
    return problems


# ---------------------------------------------------------------- the entry point


def _sort_key(problem: Problem) -> tuple[int, int]:
    where = problem.where
    return (where.line or 0, where.column or 0) if where else (0, 0)


_PLAIN_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def _replaced(data: Any, rel: Path_, value: Any) -> Any:
    """`data` with the value at `rel` replaced, copied along the way (never changed)."""
    if not rel:
        return value
    head, rest = rel[0], rel[1:]
    if isinstance(data, dict):
        return {**data, head: _replaced(data[head], rest, value)}
    copy = list(data)
    copy[head] = _replaced(data[head], rest, value)  # type: ignore[index]
    return copy


def _as_written(model: type[BaseModel], data: Any, src: Source, prefix: Path_) -> Any:
    """`data` with each plain number where a printed item belongs (`prompts: [6, 8, 9]`)
    as the text it was written as. A number YAML changed (`1:30` is 90, `1e3` is 1000.0,
    `007` is 7) is left to be refused with its advice to quote it."""
    for loc, scalar in src.scalars.items():
        if loc[: len(prefix)] != prefix or scalar.quoted or not _PLAIN_NUMBER.fullmatch(scalar.raw):
            continue
        rel = loc[len(prefix) :]
        found, value = messages.data_at(data, rel)
        if not found or isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        tp, _ = messages.type_at(model, rel)
        if tp is not None and AS_WRITTEN in messages.strip(tp)[1]:
            data = _replaced(data, rel, scalar.raw)
    return data


class Invalid(UserError):
    """A model's problems, and, when they are all unknown keys, the model made from the
    data without them (`partial`; else None), so the checks that need a model can still
    run and tell their problems in the same build: a misspelt key must not hide a card
    naming no group."""

    def __init__(self, problems: list[Problem], partial: Any):
        super().__init__(problems)
        self.partial = partial


def validate(model: type[M], data: Any, src: Source, prefix: Path_ = ()) -> M:
    """Validate `data` (found at `prefix` in `src`) against `model`, or raise `Invalid`
    (a UserError) with one `file:line:col: message` line per problem, in the order of the file."""
    data = _as_written(model, data, src, prefix)
    emptied = _comment_problems(src, model, data, prefix)
    try:
        result = model.model_validate(data)
        errors: list[Any] = []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    if not errors and not emptied:
        return result
    problems = list(emptied.values())
    seen = {str(p) for p in problems}
    skip = [prefix + rel for rel in emptied]
    for problem in messages.explain(model, data, src, errors, prefix, skip, _everywhere):
        if str(problem) not in seen:
            seen.add(str(problem))
            problems.append(problem)
    # Only unknown keys are left out for the later checks: a wrong value left out would
    # give them its default (a 5 × 5 grid for 'grid: fire') and problems not in the file.
    unknown = not emptied and all(err["type"] == "extra_forbidden" for err in errors)
    at = [messages.data_loc(data, tuple(err["loc"])) for err in errors] if unknown else []
    raise Invalid(sorted(problems, key=_sort_key), _without(model, data, at))


def _without(model: type[M], data: Any, places: list[Path_]) -> M | None:
    """`model` made from `data` with the keys at `places` left out, or None when a place
    is no key of a mapping or what is left is still not valid (a required key was wrong)."""
    if not places or any(not place or not isinstance(place[-1], str) for place in places):
        return None
    trimmed = _trimmed(data, places)
    try:
        return model.model_validate(trimmed)
    except ValidationError:
        return None


def _trimmed(data: Any, places: list[Path_]) -> Any:
    """A copy of `data` (mappings and lists copied along the places) without those keys."""
    if not places:
        return data
    here = {place[0] for place in places if len(place) == 1}
    deeper: dict[str | int, list[Path_]] = {}
    for place in places:
        if len(place) > 1:
            deeper.setdefault(place[0], []).append(place[1:])
    if isinstance(data, dict):
        return {key: _trimmed(value, deeper.get(key, [])) for key, value in data.items() if key not in here}
    if isinstance(data, list):
        return [_trimmed(item, deeper.get(i, [])) for i, item in enumerate(data)]
    return data
