"""What the command line may override, each option declared once.

An option is a field of `Options` made with `flag(...)`: its type is the field's, and
the declaration says how the command line gives it (`given_as`), its help, the short
phrase a refusal names it by, and how a given value is checked and turned into the
field's value (`check`, which raises ValueError with a plain message). The `build` and
`validate` commands offer one option per declaration (smartprint/cli.py builds them
from `flags()`), and the refusal of an option a kind does not take is made from them
too. A kind takes a kind option by naming it in its `options`; one declared with
`every_kind=True` (--layout, --strict) is taken by every kind.

Light to import (no pydantic, no reportlab): the command line reads it to show --help.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartprint.check.languages import language_code
from smartprint.check.suggest import did_you_mean
from smartprint.parts.deck.backs import BACKS


@dataclass(frozen=True)
class Flag:
    """One command-line option, as its `Options` field declares it."""

    field: str  # the Options field it sets
    option: str  # "--pupils-column"
    about: str  # how a refusal names it: "--sheets (how many numbered sheets or boards) is not for …"
    help: str  # its line in --help
    metavar: str | None  # how --help shows its value ("N", "FILE"); None for a yes/no flag
    given_as: Any  # what the command line gives: str, int, bool (a flag without value), list[Path] (repeatable)
    check: Callable[[Any], Any] | None  # a given value to the field's value; ValueError: it cannot work
    every_kind: bool  # taken by every kind; otherwise a kind takes it by naming it in its `options`

    @property
    def name(self) -> str:
        """The name kinds use in their `options` and refusals print after '--'."""
        return self.option.removeprefix("--")


class FlagError(ValueError):
    """A value given for `flag` that cannot work (the command line shows it as a usage error)."""

    def __init__(self, flag: Flag, message: str):
        super().__init__(message)
        self.flag = flag


def flag(
    about: str,
    *,
    help: str,
    metavar: str | None = None,
    given_as: Any = str,
    check: Callable[[Any], Any] | None = None,
    every_kind: bool = False,
    option: str | None = None,
    default: Any = None,
) -> Any:
    """An `Options` field that is a command-line option (see the module's docstring);
    `option` when it is not the field's name with dashes."""
    declared = {
        "about": about,
        "help": help,
        "metavar": metavar,
        "given_as": given_as,
        "check": check,
        "every_kind": every_kind,
        "option": option,
    }
    return dataclasses.field(default=default, metadata={"flag": declared})


# ---------------------------------------------------------------- checks of given values


def _backs(value: str) -> str:
    if value in BACKS:
        return value
    hint = did_you_mean(value, list(BACKS)) or f"; use one of {', '.join(BACKS)}"
    raise ValueError(f"'{value}' is not a way to print backs{hint}")


SEED_MAX = 2**63 - 1  # the same bound as a file's `seed:`


def _whole_number(value: str, lowest: int, highest: int | None, range_words: str) -> int:
    """A whole number as typed on the command line, refused in plain words (not the
    parser's) with the range it must lie in: '1e9', 'abc' and '-3' say what is wanted."""
    text = value.strip().replace("_", "")
    if not text.isdigit() or not text.isascii():
        raise ValueError(f"give {range_words}; '{value}' is not")
    number = int(text)
    if number < lowest or (highest is not None and number > highest):
        raise ValueError(f"give {range_words}; {number} is out of range")
    return number


def _sheets(value: str) -> int:
    return _whole_number(value, 1, None, "a whole number of sheets, 1 or more (like 30)")


def _seed(value: str) -> int:
    return _whole_number(value, 0, SEED_MAX, f"a whole number from 0 to {SEED_MAX} (2^63 − 1)")


def sheet_numbers(value: str) -> tuple[int, ...]:
    """'7', '1,4,9' or '3-6' → sheet numbers."""
    numbers: set[int] = set()
    try:
        for part in value.split(","):
            part = part.strip()
            if "-" in part:
                a, b = (int(x) for x in part.split("-", 1))
                if b < a or b - a > 1_000_000:
                    raise ValueError
                numbers.update(range(a, b + 1))
            else:
                numbers.add(int(part))
    except ValueError:
        raise ValueError("give sheet numbers like 7, 1,4,9 or 3-6") from None
    if not numbers or min(numbers) < 1:
        raise ValueError("sheet numbers start at 1")
    return tuple(sorted(numbers))


def sheet_choice(value: str) -> tuple[int | str, ...]:
    """'7', '1,4,9' or '3-6' → sheet numbers; 'Ada,Bo Li' → pupils' names (a sheet
    made from a class list is chosen by its pupil)."""
    try:
        return sheet_numbers(value)
    except ValueError:
        names = tuple(part.strip() for part in value.split(","))
        if any(name[:1].isalpha() for name in names) and all(names):
            chosen: list[int | str] = []
            for name in names:  # names and numbers mixed: 'Ada Berg,2-3'
                try:
                    chosen.extend(sheet_numbers(name))
                except ValueError:
                    chosen.append(name)
            return tuple(chosen)
        raise


def _folders(paths: list[Path]) -> tuple[Path, ...]:
    return tuple(p.resolve() for p in paths)


# ---------------------------------------------------------------- the options


@dataclass(frozen=True)
class Options:
    """What the command line may override (fields made with `flag` are its options)."""

    layout: str | None = flag(
        "a built-in layout or a layout file",
        help="Built-in layout name or layout file.",
        metavar="NAME|FILE",
        every_kind=True,
    )
    backs: str | None = flag(
        "how card backs are printed",
        help="How card backs are printed: on both sides flipped on the long or short edge, folded, or none.",
        metavar="|".join(BACKS),
        check=_backs,
    )
    sheets: int | None = flag(
        "how many numbered sheets or boards",
        help="How many different numbered sheets or boards.",
        metavar="N",
        check=_sheets,
    )
    seed: int | None = flag(
        "the seed that shuffles numbered sheets",
        help="The code that shuffles sheets, boards or a game (same code, same result).",
        metavar="CODE",
        check=_seed,
    )
    only: tuple[int | str, ...] | None = flag(
        "reprints of chosen sheet numbers",
        help="Reprint only these numbered sheets or boards, e.g. 7 or 3-6 or 1,4; "
        "a class list's sheets also by the pupil's name, e.g. Ada or 'Ada Berg,Bo'.",
        metavar="NUMBERS",
        check=sheet_choice,
    )
    pupils: str | None = flag(  # a class-list file, relative to the current folder
        "a class list: one page per pupil, with the name",
        help="A class list (.txt one name a line, or .csv with a column 'navn'): one page per pupil, with the name.",
        metavar="FILE",
    )
    pupils_column: str | None = flag(
        "the class list's column of names",
        help="The .csv class list's column of names, or two: first name and surname, e.g. Fornavn,Etternavn "
        "(default: navn or name, else fornavn and etternavn).",
        metavar="NAME[,SURNAME]",
    )
    language: str | None = flag(  # which language of a built-in material
        "the language of a built-in material",
        help="Build the built-in material in this language: nb, nn or en (letters home also pl, uk, ar, so; "
        "'smartprint list' shows which). In your own file, write 'language:' instead.",
        metavar="CODE",
        check=language_code,
        every_kind=True,
    )
    strict: bool = flag(  # warnings are errors
        "warnings are errors",
        help="Treat warnings as errors: write nothing if there are any.",
        given_as=bool,
        every_kind=True,
        default=False,
    )
    allow: tuple[Path, ...] = flag(  # folders outside a material's own that its files may name
        "folders a material's files may come from",
        help="Let the file use pictures, fonts or layouts from this folder too (by default only its own folder).",
        metavar="FOLDER",
        given_as=list[Path],
        check=_folders,
        every_kind=True,
        option="--allow-path",
        default=(),
    )
    progress: bool = False  # a progress bar (build, on a terminal, without --quiet)

    def given(self) -> list[str]:
        """The kind options that were set on the command line, by name."""
        return [f.name for f in flags(type(self)) if not f.every_kind and getattr(self, f.field) is not None]


def flags(declared_in: type[Options] | None = None) -> list[Flag]:
    """Every option declared in `declared_in` (by default the module's `Options`, the
    registry: an extension declares more in a subclass and puts it here), in its order,
    the order --help shows them."""
    out: list[Flag] = []
    for field in dataclasses.fields(declared_in or Options):
        declared = field.metadata.get("flag")
        if declared is not None:
            option = declared["option"] or "--" + field.name.replace("_", "-")
            out.append(Flag(field=field.name, **{**declared, "option": option}))
    return out


def read(given: Mapping[str, Any], **fixed: Any) -> Options:
    """Options from the values the command line gave (by field; None or False: not
    given), each checked in the order declared, and `fixed` ones set by the command
    itself (progress). Raises FlagError for the first value that cannot work."""
    values = dict(fixed)
    for f in flags():
        value = given.get(f.field)
        if value is None or value is False:
            continue
        try:
            values[f.field] = f.check(value) if f.check is not None else value
        except ValueError as exc:
            raise FlagError(f, str(exc)) from None
    return Options(**values)


def refuse_untaken(options: Options, takes: Collection[str], noun: str, kind: str, arg: str) -> None:
    """Kind options a kind does not take are refused, naming what it does take (UsageError).
    `takes`: the names in the kind's `options`; `noun`: its material, plural ("bingo sheets")."""
    from smartprint.errors import UsageError  # the command line starts without the error types

    declared = {f.name: f for f in flags(type(options))}
    for name in options.given():
        if name not in takes:
            taken = ", ".join(f"--{n}" for n in declared if n in takes)
            taken = f"; {noun} take {taken}" if taken else ""
            raise UsageError(
                f"--{name} ({declared[name].about}) is not for {noun}: {arg} is a "
                f"'{kind}' file, so leave --{name} out{taken}"
            )
