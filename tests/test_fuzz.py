"""Fuzzing the whole road with hypothesis: documents built from every kind's real keys,
and random text edits of the real examples and built-in decks.

The property, for every input: the build either succeeds and (when drawn) writes a
PDF, or raises `UserError` (or a subclass) whose every line is a plain message at a
place in a file, in the user's words. No other exception escapes, and no message
names a library's or the package's internal types (pydantic's 'str', 'function-after',
'Input should', a model class such as CardsSpec, a Python exception name, …).

The generators read the models themselves (`model_fields`, nested models, lists,
unions, Literals, the length validator), so a key added to a kind is fuzzed without
touching this file. Values are mostly valid and of the right shape; a per-document
mutation rate swaps some of them for wrong types, empty or huge values, lengths
without units, YAML 1.1 surprises (`NO`, `12:30`, `~`, `#c0392b`), odd unicode,
very long strings, unknown or Norwegian keys. Documents are written with
`yaml.safe_dump` or by a small hand emitter that adds comments, anchors, aliases,
merge keys, flow collections, duplicate keys and different encodings.

Runs derandomized (the same examples every run), in pieces that pytest-xdist spreads
over its workers. `pytest -s -p no:xdist tests/test_fuzz.py` prints how many examples
ran and how they ended (with workers, each counts only its own). Set SMARTPRINT_FUZZ_EXAMPLES to
scale the number of examples (e.g. 10 for a long hunt) and SMARTPRINT_FUZZ_SHRINK=1
to have hypothesis shrink a failure (slow: every step is a build).
"""

from __future__ import annotations

import collections
import copy
import importlib
import json
import os
import pkgutil
import re
import tempfile
import time
import types
import typing
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from pydantic import BaseModel, BeforeValidator

import smartprint
from smartprint.check.messages import vocabulary
from smartprint.errors import UsageError, UserError
from smartprint.kinds import KINDS, get_kind
from smartprint.kinds.base import Options
from smartprint.load.resources import builtin_names
from smartprint.pipeline import build, check_only, prepare
from smartprint.resolve.colors import NAMED as COLOR_NAMES
from smartprint.resolve.symbols import ALIASES as SYMBOL_ALIASES
from smartprint.resolve.symbols import SYMBOLS
from smartprint.resolve.units import parse_length

ROOT = Path(__file__).resolve().parent.parent
# Read once: generation must not depend on files that may change while the tests run.
LAYOUT_NAMES = builtin_names("layouts")
SCALE = float(os.environ.get("SMARTPRINT_FUZZ_EXAMPLES", "1"))
COUNTS: collections.Counter[str] = collections.Counter()
STARTED = time.perf_counter()

SHRINK = os.environ.get("SMARTPRINT_FUZZ_SHRINK", "") not in ("", "0")
PHASES = [Phase.explicit, Phase.generate] + ([Phase.shrink] if SHRINK else [])


def fuzz(examples: int) -> settings:
    """Reproducible (derandomized, no example database) and without per-example deadlines.
    Shrinking a failure takes minutes (every step is a build), so it is off unless
    SMARTPRINT_FUZZ_SHRINK=1; the shrunk and hand-minimised failures are in FOUND below."""
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        phases=PHASES,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=False,
        suppress_health_check=list(HealthCheck),
    )


# ------------------------------------------------------------------ what a message may not say


def _package_models() -> set[str]:
    """The names of every pydantic model class defined in the package."""
    for mod in pkgutil.walk_packages(smartprint.__path__, "smartprint."):
        if mod.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(mod.name)
        except Exception:  # pragma: no cover - a module that does not import is another test's business
            continue
    names: set[str] = set()
    stack: list[type] = [BaseModel]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("smartprint."):
                names.add(sub.__name__)
    return names


MODEL_NAMES = sorted(_package_models(), key=len, reverse=True)
_TYPE_WORDS = r"(?:str|int|float|bool|dict|list|tuple|NoneType|bytes|set|frozenset)"
INTERNAL: list[tuple[str, re.Pattern[str]]] = [
    ("quoted type word", re.compile(rf"['\"`]{_TYPE_WORDS}['\"`]")),
    ("'type' + type word", re.compile(rf"\btype\s*[=:]?\s*['\"]?{_TYPE_WORDS}\b")),
    ("pydantic validator tag", re.compile(r"function-(?:after|before|wrap|plain)", re.I)),
    ("pydantic literal tag", re.compile(r"literal\[", re.I)),
    (
        "pydantic phrase",
        re.compile(
            r"Input should|after validation|<unicode string>|Field required|"
            r"Extra inputs are not permitted|Value error,",
            re.I,
        ),
    ),
    (
        "pydantic error type",
        re.compile(
            r"\[type=|\b(?:string|int|float|bool|dict|list|model|model_attributes|"
            r"literal|union|missing|extra)_(?:type|error|forbidden|parsing|tag_invalid)\b"
        ),
    ),
    (
        "library name",
        re.compile(
            r"pydantic|typing\b|\btyping\.|annotated_types|reportlab|PIL\.|yaml\.\w|"
            r"pypdf|qrcode",
            re.I,
        ),
    ),
    (
        "python internals",
        re.compile(
            r"Traceback|NoneType|ValidationError|KeyError|AttributeError|TypeError|"
            r"ValueError|IndexError|RecursionError|UnicodeError|UnicodeEncodeError|"
            r"UnicodeDecodeError|OverflowError|ZeroDivisionError|OSError|"
            r"FileNotFoundError|IsADirectoryError|<class |object at 0x|"
            r"\bself\b|\b__[a-z]+__\b|\bErrno\b"
        ),
    ),
    ("package model class", re.compile(r"\b(?:" + "|".join(map(re.escape, MODEL_NAMES)) + r")\b")),
    ("python repr of a path", re.compile(r"(?:Posix|Windows)?Path\(")),
]

# `file.yaml:3:5: …`, `file.yaml: …`, `-o out.pdf: …`, `--layout x: …`, `--backs fold does not …`
_LINE_START = re.compile(r"^(?:-o\b|--[a-z][a-z-]*\b|[^\n]+?(?::\d+(?::\d+)?)?: \S)")


@dataclass
class Inputs:
    """What one example wrote: the folder, the material file, every string the user
    wrote (to tell the user's words from ours in a message)."""

    folder: Path
    doc: Path
    strings: set[str] = field(default_factory=set)
    full: bool = False
    options: Options = field(default_factory=Options)
    target: str = "out.pdf"  # where a full build writes, in `folder`
    twice: bool = False  # build twice and compare the bytes


def _strings_of(value: Any, out: set[str]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _strings_of(k, out)
            _strings_of(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings_of(v, out)
    elif isinstance(value, str):
        out.add(str(value))


def _scrub(message: str, strings: set[str]) -> str:
    """The message without anything the user wrote (so a user's 'Card' or "'str'" is not
    mistaken for ours); values are also shown cut short, NFC-normalised or stripped.
    Only whole words go: a user's "de" must not hide our "model_type"."""
    forms: set[str] = set()
    for s in strings:
        for t in (s, unicodedata.normalize("NFC", s), s.strip()):
            if len(t) >= 2:
                forms.update({t, t[:37], t[:39], t[:60]})
            for word in t.split():
                if len(word) >= 2:
                    forms.add(word)
    for s in sorted(forms, key=len, reverse=True):
        if s in message:
            message = re.sub(rf"(?<![\w-]){re.escape(s)}(?![\w-])", "\x00", message)
    return message


FILE_SUFFIXES = {
    ".yaml",
    ".yml",
    ".pdf",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".webp",
    ".ttf",
    ".otf",
    ".txt",
    ".csv",
}


def _names_a_file(name: str) -> bool:
    path = Path(name)
    return path.suffix.lower() in FILE_SUFFIXES or path.exists()


def check_user_error(exc: UserError, inputs: Inputs) -> None:
    text = str(exc)
    assert text.strip(), "an empty error message"
    assert exc.problems, "a UserError without problems"
    for problem in exc.problems:
        line = str(problem)
        assert line.strip(), f"an empty problem line in:\n{text}"
        assert problem.message.strip(), f"a problem with an empty message: {line!r}"
        assert "\n" not in line and "\r" not in line, f"a problem spans several lines: {line!r}"
        assert _LINE_START.match(line), f"a problem line that names no file, flag or place: {line!r}"
        flag = re.match(r"(?:-o|--[a-z][a-z-]*)\b", line)
        if problem.where is not None:
            assert _names_a_file(problem.where.file), f"a place in something that is not a file: {line!r}"
        elif flag is None:
            head = line.split(": ", 1)[0]
            assert _names_a_file(head), f"a problem line that names no file, flag or place: {line!r}"
        blamed = flag or re.match(r"--[a-z][a-z-]*\b", problem.message)  # `file:3:5: --sheets 40: …`
        if blamed is not None and blamed.group(0) != "-o":
            assert isinstance(exc, UsageError), f"a command-line mistake with exit status 1, not 2: {line!r}"
        scrubbed = line
        for folder in {str(inputs.folder), str(inputs.folder.resolve())}:  # a random temporary name
            scrubbed = scrubbed.replace(folder, "FOLDER")
        scrubbed = _scrub(scrubbed, inputs.strings)
        for what, pattern in INTERNAL:
            found = pattern.search(scrubbed)
            assert found is None, f"message shows an internal name ({what}: {found.group(0)!r}): {line!r}"
        doubled = re.search(r"\b([A-Za-z]{2,}) \1\b", scrubbed)
        assert doubled is None, f"a doubled word ({doubled.group(0)!r}): {line!r}"
        where = problem.where
        if where is not None and where.line is not None:
            assert where.line >= 1 and (where.column is None or where.column >= 1), f"a place before the file: {line}"
            path = Path(where.file)
            if path.is_file():
                lines = re.split("\r\n|[\r\n\x85\u2028\u2029]", path.read_text("utf-8", errors="replace"))
                assert where.line <= len(lines) + 1, f"line {where.line} is past the end ({len(lines)} lines): {line}"
                if where.column is not None and where.line <= len(lines):
                    width = len(lines[where.line - 1])
                    assert where.column <= width + 1, (
                        f"column {where.column} is past the end of line {where.line} ({width} characters): {line}"
                    )


def run_build(inputs: Inputs, outcome_key: str) -> None:
    """Check (and sometimes draw) one material; the property lives here."""
    try:
        pages, built = check_only(prepare(str(inputs.doc), inputs.options))
    except UserError as exc:
        COUNTS[f"{outcome_key}: refused"] += 1
        check_user_error(exc, inputs)
        return
    assert pages >= 1
    for warning in built.job.warnings:
        assert warning.message.startswith("warning: "), f"a warning that does not say so: {warning}"
        check_user_error(UserError([warning]), inputs)
    if not inputs.full or pages > 80:
        COUNTS[f"{outcome_key}: checked"] += 1
        return
    out = inputs.folder / inputs.target
    if inputs.target == "link.pdf":
        out.symlink_to(inputs.doc)
    elif inputs.target == "old.pdf":
        out.write_bytes(b"the print from last week")
    before = {p: p.read_bytes() for p in inputs.folder.rglob("*") if p.is_file() and not p.is_symlink()}
    try:
        written, _ = build(str(inputs.doc), inputs.options, out)
    except UserError as exc:  # a check that only drawing finds, or a target that cannot be: it must read well
        COUNTS[f"{outcome_key}: refused while drawing"] += 1
        check_user_error(exc, inputs)
        after = {p: p.read_bytes() for p in inputs.folder.rglob("*") if p.is_file() and not p.is_symlink()}
        assert after == before, "a failed build changed, left or removed a file"
        return
    COUNTS[f"{outcome_key}: drawn"] += 1
    assert inputs.target not in ("link.pdf", inputs.doc.name), f"the build wrote over a file it reads: {inputs.target}"
    paths = [w.path for w in written]  # `out`, or one file per paper named after it
    assert paths == [out] or all(p.parent == out.parent and p.stem.startswith(out.stem + "-") for p in paths)
    for path in paths:
        assert path.is_file(), "the build said it wrote a PDF, but there is none"
        assert path.read_bytes()[:5] == b"%PDF-", "the output is not a PDF"
    for path, data in before.items():
        assert path in paths or path.read_bytes() == data, f"the build changed {path.name}"
    leftovers = [p.name for p in inputs.folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".")]
    assert not leftovers, f"temporary files left behind: {leftovers}"
    if inputs.twice:  # the same input gives the same bytes
        again = inputs.folder / "again.pdf"
        rewritten, _ = build(str(inputs.doc), inputs.options, again)
        for first, second in zip(paths, (w.path for w in rewritten)):
            assert first.read_bytes() == second.read_bytes(), "two builds of the same file differ"


# ------------------------------------------------------------------ reading the models


from smartprint.check.messages import field_type as _field_type  # noqa: E402 - the same reading of types as the validator
from smartprint.check.messages import strip as _strip  # noqa: E402


def _bound(extras: list[Any], name: str) -> Any:
    for e in extras:
        if not isinstance(e, BeforeValidator) and getattr(e, name, None) is not None:
            return getattr(e, name)
    return None


def _is_length(extras: list[Any]) -> bool:
    return any(isinstance(e, BeforeValidator) and e.func is parse_length for e in extras)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _union(tp: Any) -> list[Any] | None:
    if typing.get_origin(tp) in (Union, types.UnionType):
        return list(typing.get_args(tp))
    return None


# ------------------------------------------------------------------ values


class Raw(str):
    """A scalar written into the YAML exactly as it is (so YAML reads `NO` as False)."""


WORDS = (
    "venn modig snill hjelpsom tålmodig ærlig glad rettferdig nysgjerrig kreativ humor håp "
    "lederskap samarbeid omsorg mot vennlighet takknemlighet klassen friminuttet skolen "
    "spør hjelper lytter deler smiler leker tegner Øyvind Åse Ærlig du vi de har kan liker"
).split()
BIG_WORDS = [
    "Supercalifragilisticexpialidocious",
    "Donaudampfschifffahrtsgesellschaftskapitän",
    "a" * 120,
    "1234567890" * 6,
]
URLS = [
    "https://skole.example/4b",
    "https://skole.example/" + "x" * 80,
    "mailto:lærer@skole.example",
    "https://skole.example/?a=1&b=æøå",
]
RAW_SCALARS = [
    "NO",
    "no",
    "Yes",
    "off",
    "On",
    "y",
    "n",
    "12:30",
    "1:20:30",
    "~",
    "null",
    "Null",
    "#c0392b",
    "# bare en kommentar",
    "2024-05-17",
    "2001-12-14t21:59:43.10-05:00",
    "0x1F",
    "0o17",
    "017",
    "1_000",
    ".inf",
    "-.inf",
    ".nan",
    "1e3",
    "+12",
    "3.",
    "har nummer #10 på drakta",
    "a: b",
    "spør: hvem",
    "- x",
    "-x",
    "[a, b",
    "{a: 1",
    "[]",
    "{}",
    "[[a]]",
    "{a: [b, {c: d}]}",
    "*nope",
    "&a x",
    "!!str 5",
    "!!int x",
    "!!float 1e999",
    "!!int 99999999999999999999999",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!omap [{a: 1}]",
    "!!timestamp 2001-12-14",
    "!ukjent x",
    "!!python/object/apply:os.system ['true']",
    "'halv",
    '"halv',
    "@x",
    "`x",
    "%x",
    "|",
    ">",
    "? x",
    "!!null ''",
    "=",
    "<<",
    "<<: {}",
    "*",
    "&",
    "!",
    "'It''s'",
    '"\\u00e6\\u00f8\\u00e5"',
    '"\\ud83d"',
    '"\\x00"',
    '"\\q"',
    '"\\U0001F600"',
    "'a\n\n b'",
    "|\n  linje en\n  linje to",
    ">-\n  brettet\n  tekst",
    "a\tb",
    "\t",
    "x #y",
    "7mm # kommentar",
]
ODD_TEXT = [
    "",
    " ",
    "   ",
    "\t",
    "\n",
    "🎉",
    "👩\u200d👩\u200d👧 familie",
    "🇳🇴",
    "e\u0301\u0301\u0301",
    "a\u030a",
    "مرحبا بالعالم",
    "שלום",
    "\u202eabc",
    "\u200b",
    "\ufeffBOM",
    "\x00",
    "nul\x00her",
    "\x07",
    "\x1b[31mrød",
    "a\nb",
    "linje\r\nlinje",
    "\u2028",
    "\x85",
    "\ud800",
    "\ud83d\ude00",
    "\U0010ffff",
    "\ufffe",
    "\uffff",
    "✓",
    "→",
    "½",
    "ﬁ",
    "Å",
    "ǅ",
    "ß",
    "İ",
    "𝕏",
    "ç" * 50,
    "\\",
    "%s %d {0} {name}",
    "<b>fet</b>",
    "'",
    '"',
    "''",
    "«»",
    "…",
    "—",
    "\u00a0",
    "\u3000",
    "漢字",
    "한국어",
    "ᚠᚢᚦ",
]
LONG_TEXT = [
    "x" * 201,
    "x" * 2999,
    "x" * 3000,
    "x" * 3001,
    "ord " * 800,
    "Å" * 1200,
    "langt" * 40,
    " ".join(["skole"] * 300),
    "a" * 500,
]
LENGTH_ODD = [
    "-5mm",
    "-0mm",
    "10",
    "10 mm",
    "10MM",
    "2,5cm",
    "0",
    "0.0",
    "1e3mm",
    "99999mm",
    "0.0001pt",
    "5 cm",
    "5cm5",
    "mm",
    "10px",
    "10 %",
    "1/2in",
    ".5in",
    "5.mm",
    "-0,5mm",
    "+3mm",
    "١٠mm",
    "１０mm",
    "10\u00a0mm",
    "1" * 400 + "mm",
]
WRONG = [
    42,
    -1,
    0,
    1,
    3.5,
    -3.5,
    True,
    False,
    None,
    [],
    {},
    ["a", ["b"]],
    {"x": 1},
    [{"a": 1}],
    [None],
    10**30,
    -(10**30),
    2**63,
    2**64,
    1e308,
    float("inf"),
    float("-inf"),
    float("nan"),
    10**400,
]


def _chance(draw: Any, per_mille: int) -> bool:
    """True about `per_mille` times in a thousand. (Hypothesis leans towards small
    integers, so the rare case sits at the top: shrinking leads away from it.)"""
    return per_mille > 0 and draw(st.integers(0, 999)) >= 1000 - per_mille


def _words(draw: Any, lo: int = 1, hi: int = 8) -> str:
    n = draw(st.integers(lo, hi))
    return " ".join(draw(st.sampled_from(WORDS)) for _ in range(n))


def _text(draw: Any, lo: int = 1, hi: int = 8, wild: bool = False) -> str:
    choice = draw(st.integers(0, 19))
    if choice < 17 or not wild:
        return _words(draw, lo, hi)
    if choice < 19:
        return draw(st.sampled_from(BIG_WORDS)) if choice == 17 else _words(draw) + " " + str(draw(st.integers()))
    return draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30))


def _mutant(draw: Any, tp: Any, extras: list[Any]) -> Any:
    """A value that is probably wrong here."""
    pool = draw(st.integers(0, 9))
    if pool <= 2:
        return copy.deepcopy(draw(st.sampled_from(WRONG)))  # a fresh copy: fix-ups change lists in place
    if pool <= 4:
        return Raw(draw(st.sampled_from(RAW_SCALARS)))
    if pool <= 6:
        odd = draw(st.sampled_from(ODD_TEXT))
        return odd if draw(st.booleans()) else _words(draw, 1, 3) + odd + _words(draw, 0, 2)
    if pool == 7:
        return draw(st.sampled_from(LONG_TEXT))
    if pool == 8:
        return draw(st.sampled_from(LENGTH_ODD))
    return draw(
        st.one_of(
            st.text(max_size=40), st.integers(), st.floats(), st.none(), st.lists(st.text(max_size=5), max_size=3)
        )
    )


@dataclass
class Gen:
    """How one document is generated: the mutation rate and what other files exist."""

    rate: int  # in per mille, per value
    kind: str
    layouts: list[str]  # what `layout:` may name
    groups: list[str] = field(default_factory=list)
    pictures: dict[str, bytes] = field(default_factory=dict)  # generated picture files by name
    fonts: dict[str, bytes] = field(default_factory=dict)  # generated (damaged) font files by name


SMALL_INTS = {
    "count": (1, 3),
    "lines": (0, 5),
    "grid": (3, 7),
    "sheets": (1, 8),
    "cols": (1, 4),
    "rows": (1, 4),
    "boards": (1, 3),
    "blank_cards": (0, 2),
    "squares": (20, 40),
    "players": (2, 6),
    "at": (1, 20),
}
LENGTHS_MM = {"margin": (0, 25), "gap": (0, 6), "bleed": (0, 4), "x": (-3, 3), "y": (-3, 3)}
LIST_SIZES = {
    "cards": (1, 6),
    "groups": (0, 4),
    "questions": (0, 3),
    "prompts": (1, 30),
    "entries": (5, 30),
    "categories": (1, 4),
    "specials": (0, 3),
}


EXTREME_LENGTHS = {
    "min_text_size": ["4pt", "72pt", "40pt"],
    "margin": ["0", "0mm", "100mm", "60mm"],
    "gap": ["0", "50mm", "25mm"],
    "bleed": ["10mm", "0"],
    "x": ["-10mm", "10mm"],
    "y": ["-10mm", "10mm"],
    "width": ["20mm", "50mm", "1200mm", "300mm", "0.79in"],
    "height": ["20mm", "50mm", "1200mm", "300mm", "0.79in"],
}
EXTREME_INTS = {
    "count": [200, 40],
    "lines": [40, 20],
    "cols": [20, 7],
    "rows": [20, 7],
    "grid": [3, 7],
    "sheets": [200, 60],
    "seed": [0, 2**63 - 1],
}


def _length(draw: Any, path: tuple[str, ...]) -> str:
    name = path[-1]
    if name in EXTREME_LENGTHS and _chance(draw, 120):
        return draw(st.sampled_from(EXTREME_LENGTHS[name]))
    if name == "min_text_size":
        pt = draw(st.integers(5, 14))
        return f"{pt}pt" if draw(st.integers(0, 3)) else f"{pt * 25.4 / 72:.2f}mm"
    if name in ("width", "height"):
        lo, hi = (45, 110) if "card" in path else (100, 420)
    else:
        lo, hi = LENGTHS_MM.get(name, (0, 20))
    mm = draw(st.integers(lo * 10, hi * 10)) / 10
    unit = draw(st.integers(0, 9))
    if unit <= 5:
        return f"{mm:g}mm"
    if unit == 6:
        return f"{mm / 10:g}cm"
    if unit == 7:
        return f"{mm / 25.4:.3f}in"
    if unit == 8:
        return f"{mm * 72 / 25.4:.1f}pt"
    return f"{mm:g} MM".replace(".", ",")


def _pick(draw: Any, g: Gen, good: list[str], odd: list[str]) -> str:
    """A good value, or (at the mutation rate, times three) an odd one of the right type."""
    if _chance(draw, 3 * g.rate):
        return draw(st.sampled_from(odd))
    return draw(st.sampled_from(good))


def _string(draw: Any, g: Gen, path: tuple[str, ...]) -> str:
    name = path[-1] if path else ""
    wild = g.rate > 0
    if name == "color":
        return _pick(
            draw,
            g,
            [*COLOR_NAMES, "#2e62a8", "2e62a8", "#abc", "Rød", " blå "],
            ["#12345", "#ggg", "rgb(1,2,3)", "røød", "", "transparent"],
        )
    if name == "symbol":
        return _pick(draw, g, [*SYMBOLS, *SYMBOL_ALIASES, "Hjerte"], ["sol", "", "hjerter", "♥"])
    if name == "group" and g.groups and draw(st.integers(0, 5)):
        return draw(st.sampled_from(g.groups))
    if name == "image":
        if g.pictures and draw(st.integers(0, 2)):
            return draw(st.sampled_from(sorted(g.pictures)))
        return _pick(
            draw,
            g,
            ["sol.png", "sub/sol.png", "./sol.png"],
            [
                "mangler.png",
                "ødelagt.png",
                "../sol.png",
                "/etc/passwd",
                ".",
                "sub",
                "sub/",
                "doc.yaml",
                "Vera.ttf",
                "sol.PNG",
                "sol.png\x00",
                "tom.png",
                "C:\\bilder\\sol.png",
                "~/sol.png",
                "https://skole.example/sol.png",
                "sol.png ",
                "x" * 300 + ".png",
            ],
        )
    if name == "qr":
        return draw(st.sampled_from(URLS)) if draw(st.integers(0, 4)) else _text(draw, wild=wild)
    if name == "layout":
        return draw(st.sampled_from(g.layouts))
    if name in ("font", "regular", "bold"):
        if g.fonts and draw(st.integers(0, 1)):
            return draw(st.sampled_from(sorted(g.fonts)))
        return _pick(
            draw,
            g,
            ["Vera.ttf", "VeraBd.ttf", "./Vera.ttf", "ascii.ttf", "ascii-bold.ttf"],
            [
                "mangler.ttf",
                "ødelagt.ttf",
                "sol.png",
                "doc.yaml",
                "../Vera.ttf",
                ".",
                "tom.ttf",
                "sub",
                "/usr/share/fonts",
                "Vera.ttf\x00",
                "abc.ttf",
                "VERA.TTF",
            ],
        )
    if name == "extends":
        return draw(st.sampled_from([*g.layouts, *LAYOUT_NAMES]))
    if name == "paper":
        return _pick(draw, g, ["A4", "a5", "A3", "A6", "Letter", "letter"], ["B5", "card", "Card", "", "A0", "a4 "])
    if name == "kind":
        return g.kind if draw(st.integers(0, 5)) else draw(st.sampled_from([*KINDS, "kort", "Cards"]))
    if name == "title" and "cards" in path:
        return _text(draw, 1, 3, wild)
    if name == "name":
        return _text(draw, 1, 3, wild)
    if name == "prompts":
        return _text(draw, 1, 4, wild)
    return _text(draw, wild=wild)


def gen_value(draw: Any, g: Gen, tp: Any, path: tuple[Any, ...]) -> Any:
    base, extras = _strip(tp)
    if _chance(draw, g.rate):
        return _mutant(draw, base, extras)
    members = _union(base)
    if members is not None:
        real = [m for m in members if m is not type(None)]
        if len(real) < len(members) and draw(st.integers(0, 9)) == 0:
            return None
        member = draw(st.sampled_from(real))
        return gen_value(draw, g, Annotated[(member, *extras)] if extras else member, path)
    names = tuple(p for p in path if isinstance(p, str))
    name = names[-1] if names else ""
    if _is_model(base):
        return gen_model(draw, g, base, path)
    origin = typing.get_origin(base)
    if origin is Literal:
        return draw(st.sampled_from(typing.get_args(base)))
    if origin is list or base is list:
        (item,) = typing.get_args(base) or (Any,)
        lo = max(_bound(extras, "min_length") or 0, LIST_SIZES.get(name, (0, 3))[0])
        hi = min(_bound(extras, "max_length") or 10**6, LIST_SIZES.get(name, (0, 3))[1])
        n = draw(st.integers(lo, max(lo, hi)))
        return [gen_value(draw, g, item, (*path, i)) for i in range(n)]
    if base is bool:
        return draw(st.booleans())
    if base is int:
        if name in EXTREME_INTS and _chance(draw, 60):
            return draw(st.sampled_from(EXTREME_INTS[name]))
        lo, hi = SMALL_INTS.get(name, (None, None))
        if lo is None:
            ge, le = _bound(extras, "ge"), _bound(extras, "le")
            lo = ge if ge is not None else -5
            hi = min(le if le is not None else 10**9, lo + 10**9) if name == "seed" else (le if le is not None else 20)
        return draw(st.integers(lo, hi))
    if base is float and _is_length(extras):
        return _length(draw, names)
    if base is float:
        return draw(st.floats(0, 100))
    if base is str:
        return _string(draw, g, names)
    return _text(draw)


# the Norwegian words declared beside the keys of every kind's models (check/words.py)
NORWEGIAN_KEYS = vocabulary([m for name in KINDS for m in (get_kind(name).spec, get_kind(name).layout_keys)])


def _norwegian_for(key: str) -> list[str]:
    return [no for no, english in NORWEGIAN_KEYS.items() if key in english]


def _typo(draw: Any, key: str) -> str:
    how = draw(st.integers(0, 4))
    if how == 0 and len(key) > 1:
        i = draw(st.integers(0, len(key) - 1))
        return key[:i] + key[i + 1 :]
    if how == 1 and len(key) > 2:
        i = draw(st.integers(0, len(key) - 2))
        return key[:i] + key[i + 1] + key[i] + key[i + 2 :]
    if how == 2:
        return key.upper() if draw(st.booleans()) else key.capitalize()
    if how == 3:
        return key + draw(st.sampled_from(["s", " ", "_", "2", ":", "\u00a0"]))
    return key.replace("_", "-") if "_" in key else key + "e"


UNKNOWN_KEYS: list[Any] = [
    "txet",
    "foo",
    "x" * 300,
    "🙂",
    "",
    " ",
    "kind ",
    "<<x",
    1,
    0,
    True,
    False,
    None,
    3.5,
    "tittel",
    "tekst",
    "farge",
    "kort",
    "bilde",
    "ruter",
    "brett",
    "marg",
    "papir",
    "linjer",
    "antall",
    "skrift",
    "oppsett",
    "språk",
    "grupper",
    "kategorier",
    "navn",
]


def gen_model(draw: Any, g: Gen, model: type[BaseModel], path: tuple[Any, ...]) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    for key, info in model.model_fields.items():
        if not info.is_required() and draw(st.integers(0, 9)) < 5:
            continue
        if info.is_required() and _chance(draw, g.rate // 3):
            continue  # a required key left out
        out[key] = gen_value(draw, g, _field_type(info), (*path, key))
    if _chance(draw, g.rate):
        how = draw(st.integers(0, 2))
        keys = list(out)
        if how == 0 or not keys:
            value = draw(st.sampled_from(["x", 1, None, ["a"], {"a": "b"}]))
            out[draw(st.sampled_from(UNKNOWN_KEYS))] = copy.deepcopy(value)
        else:
            key = draw(st.sampled_from(keys))
            value = out.pop(key)
            options = _norwegian_for(key) if how == 1 else []
            new = draw(st.sampled_from(options)) if options else _typo(draw, key)
            out[new] = value
    return out


# ------------------------------------------------------------------ kind-specific fix-ups (so most docs are valid)


def _fix_bingo(draw: Any, doc: dict[Any, Any], g: Gen) -> None:
    """Enough different prompts for the grid, and no free square on an even grid (mostly)."""
    prompts, grid = doc.get("prompts"), doc.get("grid", 5)
    if not isinstance(prompts, list) or not isinstance(grid, int) or isinstance(grid, bool) or not 3 <= grid <= 7:
        return
    if not _chance(draw, 150):
        seen: set[str] = set()
        for i, prompt in enumerate(prompts):
            if isinstance(prompt, str) and not isinstance(prompt, Raw):
                if " ".join(prompt.split()).casefold() in seen:
                    prompts[i] = prompt = f"{prompt} {i}"
                seen.add(" ".join(prompt.split()).casefold())
        need = grid * grid + draw(st.integers(0, 6))
        i = 0
        while len(prompts) < need:
            i += 1
            candidate = f"{_words(draw, 1, 3)} {i}"
            if candidate.casefold() not in seen:
                seen.add(candidate.casefold())
                prompts.append(candidate)
    if doc.get("free") is not None and grid % 2 == 0 and not _chance(draw, 250):
        del doc["free"]


def _fix_sheet(draw: Any, doc: dict[Any, Any], g: Gen) -> None:
    """Blocks of one type key each, spans within the columns, decks and pictures that exist,
    class lists written out (mostly)."""
    blocks, columns = doc.get("blocks"), doc.get("columns", 2)
    if not isinstance(columns, int) or isinstance(columns, bool) or not 1 <= columns <= 4:
        columns = 4
    if isinstance(doc.get("pupils"), (str, dict)) and not _chance(draw, 150):
        del doc["pupils"]
    if not isinstance(blocks, list) or _chance(draw, 150):
        return
    for block in blocks:
        if not isinstance(block, dict):
            continue
        types = [
            k
            for k in block
            if k in ("field", "box", "drawing", "checklist", "text", "qr", "image", "words", "table", "new_page")
        ]
        if not types:
            block["field"] = _words(draw, 1, 2)
            types = ["field"]
        keep = draw(st.sampled_from(types))
        for k in list(block):
            if k != keep:
                del block[k]
        value = block[keep]
        if keep == "new_page":
            block[keep] = True
        if value is None and keep != "new_page":
            block[keep] = value = (
                {"items": [_words(draw, 1, 2)]}
                if keep in ("checklist", "words")
                else {"headers": [_words(draw, 1, 1)]}
                if keep == "table"
                else _words(draw, 1, 3)
            )
        if isinstance(value, dict) and keep in ("drawing", "image") and not _chance(draw, 200):
            value.pop("height", None)
        if not isinstance(value, dict):
            if keep == "image":
                block[keep] = "sol.png"
            continue
        if isinstance(value.get("span"), int) and not isinstance(value.get("span"), bool):
            value["span"] = min(value["span"], columns)
        if keep == "checklist":
            value["from"] = "styrkekort" if draw(st.integers(0, 3)) == 0 else None
            if value["from"] is None:
                del value["from"]
                value.setdefault("items", [_words(draw, 1, 2)])
        if keep == "image":
            value["file"] = "sol.png"
        if keep == "table" and isinstance(value.get("headers"), list) and "widths" in value:
            del value["widths"]


def _fix_board_game(draw: Any, doc: dict[Any, Any], g: Gen) -> None:
    """Categories with questions, named and marked apart; specials on the track, one a square (mostly)."""
    if _chance(draw, 150):
        return
    squares = doc.get("squares", 40)
    if not isinstance(squares, int) or isinstance(squares, bool) or not 20 <= squares <= 80:
        squares = doc["squares"] = 20
    categories = doc.get("categories")
    if isinstance(categories, list):
        names: set[str] = set()
        symbols: set[str] = set()
        for i, cat in enumerate(categories):
            if not isinstance(cat, dict):
                continue
            name = cat.get("name")
            if isinstance(name, str) and not isinstance(name, Raw):
                if " ".join(name.split()).casefold() in names:
                    cat["name"] = name = f"{name} {i}"
                names.add(" ".join(name.split()).casefold())
            symbol = cat.get("symbol")
            if isinstance(symbol, str):
                if symbol in symbols:
                    del cat["symbol"]
                symbols.add(symbol)
            if not isinstance(cat.get("questions"), list) or not cat["questions"]:
                cat["questions"] = [_words(draw, 2, 6)]
    specials = doc.get("specials")
    if isinstance(specials, list):
        taken: set[int] = set()
        for special in specials:
            if isinstance(special, dict) and isinstance(special.get("at"), int):
                at = special["at"]
                while at in taken or not 1 <= at <= squares:
                    at = at % squares + 1
                    if len(taken) >= squares:
                        break
                special["at"] = at
                taken.add(at)


FIXES = {"bingo": _fix_bingo, "sheet": _fix_sheet, "board-game": _fix_board_game}


# ------------------------------------------------------------------ writing YAML


_PLAIN = re.compile(r"^[A-Za-zÆØÅæøå][A-Za-z0-9ÆØÅæøå .,!?()/+'-]*$")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def _plain_ok(s: str) -> bool:
    return (
        bool(_PLAIN.match(s))
        and not s.endswith((" ", ":"))
        and s.lower() not in _RESERVED
        and ": " not in s
        and " #" not in s
    )


class _Emitter:
    """A small YAML writer that, as drawn, uses block or flow style, comments, anchors,
    aliases, merge keys and duplicate keys; scalars plain, quoted or as block text."""

    def __init__(self, draw: Any, wild: bool):
        self.draw = draw
        self.wild = wild  # duplicate keys and odd comments too
        self.anchors = 0

    def coin(self, per: int = 4) -> bool:
        return self.draw(st.integers(0, per - 1)) == 0

    def scalar(self, v: Any, flow: bool = False) -> str:
        if isinstance(v, Raw):
            return str(v)
        if v is None:
            return self.draw(st.sampled_from(["~", "null", ""])) if not flow else "null"
        if isinstance(v, bool):
            return self.draw(st.sampled_from(["true", "True", "yes", "on"] if v else ["false", "False", "no", "off"]))
        if isinstance(v, int):
            return str(v)
        if isinstance(v, float):
            if v != v:
                return ".nan"
            if v in (float("inf"), float("-inf")):
                return ".inf" if v > 0 else "-.inf"
            return repr(v)
        s = str(v)
        if not flow and _plain_ok(s) and self.draw(st.integers(0, 2)):
            return s
        if flow and _plain_ok(s) and "," not in s and self.coin(2):
            return s
        if "\n" not in s and self.coin(3) and all(c.isprintable() for c in s):
            return "'" + s.replace("'", "''") + "'"
        return json.dumps(s, ensure_ascii=self.coin(3) and all(ord(c) < 0x10000 for c in s))

    def key(self, k: Any) -> str:
        if isinstance(k, str) and _plain_ok(k) and "'" not in k:
            return k
        if isinstance(k, str):
            return json.dumps(k, ensure_ascii=False)
        return self.scalar(k, flow=True) or "~"

    def flow(self, v: Any) -> str:
        if isinstance(v, dict):
            return "{" + ", ".join(f"{self.key(k)}: {self.flow(x)}" for k, x in v.items()) + "}"
        if isinstance(v, list):
            return "[" + ", ".join(self.flow(x) for x in v) + "]"
        return self.scalar(v, flow=True)

    def comment(self) -> str:
        odd = ["  #", "  # æøå: - [x]", "\t# tab"] if self.wild else []
        return self.draw(st.sampled_from(["", "", "", "", "  # merk", *odd]))

    def block_text(self, s: str, indent: int) -> str | None:
        """`|` or `>` block text, when the string is simple enough."""
        lines = s.split("\n")
        if not s or s != s.strip() or any(not ln.strip() or not ln.isprintable() or ln != ln.strip() for ln in lines):
            return None
        pad = " " * (indent + 2)
        if "\n" in s:
            return "|-\n" + "\n".join(pad + ln for ln in lines)
        return ">-\n" + pad + s

    def mapping(self, d: dict[Any, Any], indent: int) -> list[str]:
        pad = " " * indent
        lines: list[str] = []
        items = list(d.items())
        if items and self.wild and self.coin(25):  # a duplicate key
            items.append(items[self.draw(st.integers(0, len(items) - 1))])
        for k, v in items:
            lines += self.entry(pad + self.key(k) + ":", v, indent)
        return lines or [pad + "{}"]

    def entry(self, head: str, v: Any, indent: int) -> list[str]:
        if isinstance(v, (dict, list)) and v and not self.coin(4):
            if isinstance(v, list):
                inner = indent + (2 if self.coin(2) else 0)
                return [head + self.comment()] + self.sequence(v, inner)
            anchor = ""
            if self.coin(8):
                self.anchors += 1
                anchor = f" &m{self.anchors}"
            return [head + anchor + self.comment()] + self.mapping(v, indent + 2)
        if isinstance(v, (dict, list)):
            return [head + " " + self.flow(v) + self.comment()]
        if isinstance(v, str) and not isinstance(v, Raw) and self.coin(10):
            text = self.block_text(v, indent)
            if text is not None:
                return [head + " " + text]
        value = self.scalar(v)
        comment = self.comment() if not (isinstance(v, Raw) and "\n" in v) else ""
        return [(head + " " + value).rstrip() + comment]

    def sequence(self, items: list[Any], indent: int) -> list[str]:
        pad = " " * indent
        lines: list[str] = []
        anchored: list[tuple[str, dict[Any, Any]]] = []
        for v in items:
            if isinstance(v, dict) and v and not self.coin(5):
                if anchored and self.coin(4):  # a merge key: the earlier item, with a few keys changed
                    name, earlier = anchored[self.draw(st.integers(0, len(anchored) - 1))]
                    changed = {k: x for k, x in v.items() if earlier.get(k) != x}
                    body = [" " * (indent + 2) + f"<<: *{name}"]
                    body += self.mapping(changed, indent + 2) if changed else []
                    lines += [pad + "- " + body[0].lstrip()] + body[1:]
                    continue
                anchor = ""
                if self.coin(4):
                    self.anchors += 1
                    anchor = f"&a{self.anchors}"
                    anchored.append((f"a{self.anchors}", v))
                body = self.mapping(v, indent + 2)
                first = body[0].lstrip()
                if anchor:
                    lines += [pad + "- " + anchor] + body
                else:
                    lines += [pad + "- " + first] + body[1:]
            elif isinstance(v, list) and v:
                lines += [pad + "- " + self.flow(v)]
            elif isinstance(v, (dict, list)):
                lines += [pad + "- " + self.flow(v)]
            else:
                if anchored and isinstance(v, str) and self.coin(30):
                    lines += [pad + f"- *{anchored[0][0]}"]
                    continue
                lines += [(pad + "- " + self.scalar(v)).rstrip() + self.comment()]
        return lines


def _to_yaml(draw: Any, doc: Any, wild: bool) -> str:
    """The document as YAML text: safe_dump (raw scalars patched in afterwards) or hand-written."""
    if draw(st.integers(0, 2)) == 0:
        raws: dict[str, str] = {}

        def swap(v: Any) -> Any:
            if isinstance(v, Raw):
                token = f"rawtoken{len(raws)}x"
                raws[token] = str(v)
                return token
            if isinstance(v, dict):
                return {swap(k): swap(x) for k, x in v.items()}
            if isinstance(v, list):
                return [swap(x) for x in v]
            return v

        text = yaml.safe_dump(
            swap(doc),
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=draw(st.sampled_from([False, None])),
            width=10**6,
        )
        for token, raw in raws.items():
            text = text.replace(token, raw)
        return text
    emitter = _Emitter(draw, wild)
    if isinstance(doc, dict):
        lines = emitter.mapping(doc, 0)
    elif isinstance(doc, list):
        lines = emitter.sequence(doc, 0) if doc else ["[]"]
    else:
        lines = [emitter.scalar(doc)]
    head = draw(st.sampled_from(["", "", "# Kommentar øverst\n", "---\n", "%YAML 1.1\n---\n", "\n\n"]))
    tail = draw(st.sampled_from(["\n", "\n", "", "\n...\n", "\n# slutt", *(["\n---\nkind: cards\n"] if wild else [])]))
    return head + "\n".join(lines) + tail


def _encode(draw: Any, text: str) -> bytes:
    """UTF-8 mostly; sometimes with a BOM, CRLF line ends, another encoding, or cut short."""
    how = draw(st.integers(0, 29))
    if how == 25:
        return text.encode("utf-8-sig", errors="surrogatepass")
    if how == 26:
        return text.replace("\n", "\r\n").encode("utf-8", errors="surrogatepass")
    if how == 27:
        return text.encode("latin-1", errors="replace")
    if how == 28:
        return text.encode("utf-16", errors="surrogatepass")
    if how == 29:
        data = text.encode("utf-8", errors="surrogatepass")
        return data[: draw(st.integers(0, len(data)))]
    return text.encode("utf-8", errors="surrogatepass")


# ------------------------------------------------------------------ the folder of one example

_VERA = Path(importlib.import_module("reportlab").__file__ or "").parent / "fonts"
ASSETS = {
    "sol.png": (ROOT / "examples" / "klassens-kort" / "sol.png").read_bytes(),
    "Vera.ttf": (_VERA / "Vera.ttf").read_bytes(),
    "VeraBd.ttf": (_VERA / "VeraBd.ttf").read_bytes(),
    "ødelagt.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
    "ødelagt.ttf": b"\x00\x01\x00\x00" + b"junk" * 10,
    "tom.png": b"",
    "tom.ttf": b"",
}


def _subset_font(source: Path, text: str, family: str) -> bytes:
    """A copy of `source` with only the glyphs of `text`, under a name of its own."""
    from io import BytesIO

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source))
    sub = subset.Subsetter(subset.Options())
    sub.populate(text=text)
    sub.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6):
            record.string = family if record.nameID != 6 else family.replace(" ", "")
    out = BytesIO()
    font.save(out)
    return out.getvalue()


ASSETS["ascii.ttf"] = _subset_font(_VERA / "Vera.ttf", "".join(map(chr, range(32, 127))), "Fuzz Ascii")
ASSETS["ascii-bold.ttf"] = _subset_font(_VERA / "VeraBd.ttf", "".join(map(chr, range(32, 127))), "Fuzz Ascii Bold")
ASSETS["abc.ttf"] = _subset_font(_VERA / "Vera.ttf", "abc ", "Fuzz Abc")


def _folder(base: Path) -> Path:
    for name, data in ASSETS.items():
        (base / name).write_bytes(data)
    (base / "sub").mkdir()
    (base / "sub" / "sol.png").write_bytes(ASSETS["sol.png"])
    return base


def _layout_names(kind: str) -> list[str]:
    from smartprint.resolve.layout import layout_kind

    return [n for n in LAYOUT_NAMES if layout_kind(n) == kind]


LAYOUTS_FOR = {k: _layout_names(k) for k in KINDS}


@dataclass
class Generated:
    kind: str
    name: str
    data: bytes
    layout_name: str
    layout: bytes | None
    pictures: dict[str, bytes]  # and font files
    options: Options

    def __repr__(self) -> str:  # readable in hypothesis' report
        def text(b: bytes | None) -> str:
            return "None" if b is None else b.decode("utf-8", errors="backslashreplace")

        return (
            f"--- {self.name} ({self.kind}) ---\n{text(self.data)}\n--- {self.layout_name} ---\n"
            f"{text(self.layout)}\n--- pictures: {sorted(self.pictures)}\n--- {self.options}"
        )


PICTURE_FORMATS = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "BMP": ".bmp", "TIFF": ".tif", "WEBP": ".webp"}
MODES = ["1", "L", "LA", "P", "PA", "RGB", "RGBA", "I;16", "I", "F", "CMYK", "YCbCr", "RGBX"]


@st.composite
def pictures(draw: Any) -> tuple[str, bytes]:
    """A small picture of a random mode, size, format and EXIF orientation; sometimes damaged."""
    from io import BytesIO

    from PIL import Image

    fmt = draw(st.sampled_from(sorted(PICTURE_FORMATS)))
    mode = draw(st.sampled_from(MODES))
    size = draw(st.sampled_from([(1, 1), (2, 3), (40, 30), (30, 40), (1, 400), (400, 1), (3, 2000), (120, 80)]))
    color = draw(st.integers(0, 255))
    try:
        im = Image.new(mode, size, color if mode not in ("RGB", "RGBA", "RGBX", "CMYK", "YCbCr") else (color,) * 4)
    except (ValueError, TypeError):
        im = Image.new("RGB", size, (color, 0, 0))
    if draw(st.booleans()):  # a few pixels of another colour, and transparency
        im.putpixel((0, 0), im.getpixel((size[0] - 1, size[1] - 1)))
    kwargs: dict[str, Any] = {}
    if draw(st.integers(0, 2)) == 0:
        exif = Image.Exif()
        exif[0x0112] = draw(st.sampled_from([1, 3, 5, 6, 7, 8, 0, 9, 65535]))
        kwargs["exif"] = exif.tobytes()
    if mode == "P" and draw(st.booleans()):
        kwargs["transparency"] = 0
    out = BytesIO()
    try:
        im.save(out, fmt, **kwargs)
    except (OSError, ValueError, KeyError, TypeError):  # a mode the format cannot hold
        out = BytesIO()
        Image.new("RGB", size, (color, 0, 0)).save(out, fmt)
    data = out.getvalue()
    damage = draw(st.integers(0, 9))
    if damage == 0:
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == 1 and len(data) > 20:
        at = draw(st.integers(8, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
    ext = PICTURE_FORMATS[fmt] if draw(st.integers(0, 9)) else draw(st.sampled_from(sorted(PICTURE_FORMATS.values())))
    return f"bilde-{mode.replace(';', '')}-{size[0]}x{size[1]}{ext}", data


@st.composite
def damaged_fonts(draw: Any) -> tuple[str, bytes]:
    """Vera cut short or with a few bytes changed: a font file that broke on the way."""
    source = ASSETS[draw(st.sampled_from(["Vera.ttf", "VeraBd.ttf", "ascii.ttf"]))]
    if draw(st.booleans()):
        data = source[: draw(st.integers(0, len(source) - 1))]
    else:
        damaged = bytearray(source)
        for _ in range(draw(st.integers(1, 4))):
            damaged[draw(st.integers(0, len(damaged) - 1))] ^= draw(st.integers(1, 255))
        data = bytes(damaged)
    return f"skadet-{len(data)}.ttf", data


@st.composite
def options(draw: Any, kind_name: str) -> Options:
    """Mostly no options; sometimes what a command line could give (its types are checked by the CLI)."""
    if draw(st.integers(0, 3)):
        return Options()
    return Options(
        layout=draw(st.one_of(st.none(), st.sampled_from([*LAYOUT_NAMES, "lay.yaml", "mangler", "doc.yaml", "sub"]))),
        backs=draw(st.one_of(st.none(), st.sampled_from(["duplex-long", "duplex-short", "fold", "none"]))),
        sheets=draw(st.one_of(st.none(), st.integers(1, 40), st.just(20_001))),
        seed=draw(st.one_of(st.none(), st.integers(0, 2**63 - 1))),
        only=draw(
            st.one_of(
                st.none(),
                st.lists(st.integers(1, 50), min_size=1, max_size=3, unique=True).map(lambda xs: tuple(sorted(xs))),
            )
        ),
        strict=draw(st.booleans()),
    )


@st.composite
def documents(
    draw: Any, rates: tuple[int, ...] = (0, 0, 0, 10, 30, 60, 150, 400), kind: str | None = None
) -> Generated:
    """A material file (of `kind`, or of any kind), and the files beside it that it may name."""
    kind_name = kind if kind is not None else draw(st.sampled_from(sorted(KINDS)))
    kind = get_kind(kind_name)
    rate = draw(st.sampled_from(rates))
    lay_name = draw(st.sampled_from(["lay.yaml", "lay.yaml", "sub/lay.yaml", "Mitt oppsett.yml"]))
    own_layout = draw(st.integers(0, 2)) == 0
    layouts = [lay_name] if own_layout else [*LAYOUTS_FOR[kind_name]]
    if rate:
        layouts += [
            "mangler.yaml",
            *[n for k, v in LAYOUTS_FOR.items() if k != kind_name for n in v][:1],
            "doc.yaml",
            "sol.png",
            ".",
            "sub",
            "sub/",
            "Å" * 200,
            "a" * 300 + ".yaml",
            "lay.yaml\x00",
            "/dev/null",
            "/etc/passwd",
            "~",
            "KORT-63X88",
            "lay",
            "../lay.yaml",
            "",
        ]
    g = Gen(rate, kind_name, layouts)
    g.pictures = dict(draw(st.lists(pictures(), max_size=2)))
    if rate and _chance(draw, 200):
        g.fonts = dict(draw(st.lists(damaged_fonts(), min_size=1, max_size=2)))
    if kind_name == "cards":  # the group names come first, so cards can name them
        g.groups = [_text(draw, 1, 3, rate > 0) for _ in range(draw(st.integers(0, 3)))]
    doc = gen_model(draw, g, kind.spec, ())
    if kind_name == "cards" and g.groups and "groups" in doc and isinstance(doc["groups"], list):
        for group, name in zip(doc["groups"], g.groups):
            if isinstance(group, dict) and "name" in group:
                group["name"] = name
    if kind_name in FIXES:
        FIXES[kind_name](draw, doc, g)
    if own_layout:
        if isinstance(doc, dict) and (not rate or draw(st.integers(0, 3))):
            doc["layout"] = lay_name
    elif isinstance(doc, dict) and "layout" in doc and not rate:
        doc.pop("layout")  # a built-in layout of the kind is the usual case; keep the default often
    if _chance(draw, rate // 8):  # the top of the file itself is wrong
        how = draw(st.integers(0, 5))
        if how == 0:
            doc = draw(st.sampled_from([[], "bare tekst", 42, None, [doc], {"kind": kind_name}]))
        elif how == 1 and isinstance(doc, dict):
            doc.pop("kind", None)
        elif how == 2 and isinstance(doc, dict):
            doc["kind"] = draw(
                st.sampled_from([k for k in KINDS if k != kind_name] + ["kort", 5, ["cards"], None, Raw("NO"), "Cards"])
            )
    layout_bytes = None
    if own_layout:
        lg = Gen(rate, kind_name, [lay_name], fonts=g.fonts)
        lay = gen_model(draw, lg, kind.layout_keys, ())
        if not rate or draw(st.integers(0, 3)):
            lay["kind"] = kind_name
        lay.pop("extends", None)
        if draw(st.integers(0, 1)):
            choices = LAYOUTS_FOR[kind_name] + (
                [
                    "lay.yaml",
                    "../lay.yaml",
                    "mangler",
                    "lay2.yaml",
                    "Å" * 200,
                    "doc.yaml",
                    "/dev/null",
                    "sub",
                    "sol.png",
                ]
                if rate
                else []
            )
            lay["extends"] = draw(st.sampled_from(choices))
        if not rate:
            lay.pop("font", None)
        layout_text = _to_yaml(draw, lay, rate >= 40)
        layout_bytes = _encode(draw, layout_text) if rate >= 40 else layout_text.encode("utf-8", errors="surrogatepass")
    name = draw(st.sampled_from(["doc.yaml", "doc.yaml", "doc.yml", "Mine kort æøå.yaml"]))
    wild = rate >= 40  # odd encodings, duplicate keys, a second document
    text = _to_yaml(draw, doc, wild)
    data = _encode(draw, text) if wild else text.encode("utf-8", errors="surrogatepass")
    return Generated(kind_name, name, data, lay_name, layout_bytes, {**g.pictures, **g.fonts}, draw(options(kind_name)))


def _all_strings(data: bytes | None) -> set[str]:
    """Every string a file holds, as best we can read it (to tell the user's words from ours)."""
    out: set[str] = set()
    if data is None:
        return out
    text = data.decode("utf-8", errors="replace")
    try:
        for doc in yaml.safe_load_all(text):
            _strings_of(doc, out)
    except Exception:
        pass
    out.update(w for w in re.split(r"[\s:,\[\]{}'\"#]+", text) if len(w) >= 2)
    return out


TARGETS = ["out.pdf"] * 12 + ["old.pdf", "doc.yaml", "link.pdf", "sub", "nope/out.pdf", "sol.png", "Å" * 200 + ".pdf"]


# The fuzz tests come in pieces that pytest-xdist can hand to different workers (one
# long test would be the whole suite's critical path): the documents by kind, the edits
# by file. The totals are those of the single tests they were: 800 documents (160 of
# each kind, where the kind used to be drawn at random) and 700 edits (50 of each of the
# 14 files). Each piece has examples of its own: hypothesis seeds a parametrized test by
# its node id, and each kind's documents by a seed of their own. (Halving the kinds too
# cost a fifth more time: each piece is a hypothesis run of its own.)
DOCUMENTS = 600  # with EDITS: what fits the suite's 90 s on two cores; SMARTPRINT_FUZZ_EXAMPLES=10 for a long hunt
EDITS = 600


def _documents_of(kind: str) -> Any:
    @seed(zlib.crc32(kind.encode()))
    @fuzz(DOCUMENTS // len(KINDS))
    @given(documents(kind=kind), st.integers(0, 5), st.sampled_from(TARGETS))
    def documents_of_one_kind(document: Generated, full: int, target: str) -> None:
        one_document(document, full, target)

    return documents_of_one_kind


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_documents_from_the_real_keys(kind: str) -> None:
    """Each piece also makes documents of its kind that pass every check, not only junk."""
    before = collections.Counter(COUNTS)
    _documents_of(kind)()
    ran = COUNTS["documents"] - before["documents"]
    good = sum(
        n - before[key] for key, n in COUNTS.items() if key.startswith(f"documents/{kind}:") and "refused" not in key
    )
    assert ran < 50 or good > 0, f"none of {ran} generated {kind} documents passed every check"


def one_document(document: Generated, full: int, target: str) -> None:
    COUNTS["documents"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(Path(tmp))
        doc = folder / document.name
        doc.write_bytes(document.data)
        for name, data in document.pictures.items():
            (folder / name).write_bytes(data)
        strings = _all_strings(document.data) | _all_strings(document.layout) | set(document.pictures)
        if document.layout is not None:
            lay = folder / document.layout_name
            lay.parent.mkdir(exist_ok=True)
            lay.write_bytes(document.layout)
            (folder / "lay2.yaml").write_text(f"kind: {document.kind}\nextends: {document.layout_name}\n", "utf-8")
        target = document.name if target == "doc.yaml" else target
        run_build(
            Inputs(folder, doc, strings, full=full <= 1, options=document.options, target=target, twice=full == 1),
            f"documents/{document.kind}",
        )


# ------------------------------------------------------------------ random edits of the real files

SOURCES = sorted(ROOT.glob("examples/**/*.yaml")) + sorted((ROOT / "decks").glob("*.yaml"))
# Read once: the examples may change on disk while the tests run, and hypothesis needs
# the same input for the same draws.
FOLDERS = {
    folder: {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} for folder in {s.parent for s in SOURCES}
}
INSERTS = [
    ":",
    ": ",
    " #",
    "#",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!",
    "|",
    ">",
    "'",
    '"',
    "%",
    "@",
    "`",
    ",",
    "?",
    "\t",
    "  ",
    "\\",
    "\x00",
    "\x07",
    "\u2028",
    "🎉",
    "é",
    "\ufeff",
    "<<: ",
    "~",
    "NO",
    "12:30",
    "\n",
    "\n  - ",
    "\r",
    "---",
    "...",
]
VALUES = [
    "NO",
    "yes",
    "~",
    "12:30",
    "#c0392b",
    "'#c0392b'",
    "''",
    "[]",
    "{}",
    "-5mm",
    "10",
    "0",
    "999999999",
    "1e400",
    "-1",
    "3.5",
    "[a, [b]]",
    "{a: b}",
    "*x",
    "&x",
    "|",
    ">",
    '"\\ud800"',
    "'ﬁ✓🎉'",
    "x" * 3001,
    '"\\x00"',
    "2024-05-17",
    ".inf",
    "kort-a6",
    "plakat-a4",
    "bingo-a4",
    "mangler.yaml",
    "sol.png",
    "../sol.png",
    "null",
    "!!binary aGVsbG8=",
    "!ukjent",
    "a: b: c",
    "- [x",
]


def _edit(draw: Any, text: str) -> str:
    lines = text.split("\n")
    op = draw(st.integers(0, 10))
    i = draw(st.integers(0, max(0, len(lines) - 1)))
    j = draw(st.integers(0, max(0, len(lines) - 1)))
    if op == 0 and lines:  # delete a line
        del lines[i]
    elif op == 1:  # duplicate a line
        lines.insert(i, lines[i])
    elif op == 2:  # swap two lines
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 3:  # change the indentation
        how = draw(st.integers(0, 3))
        stripped = lines[i].lstrip(" ")
        depth = len(lines[i]) - len(stripped)
        if how == 0:
            lines[i] = " " * draw(st.integers(1, 4)) + lines[i]
        elif how == 1:
            lines[i] = " " * max(0, depth - draw(st.integers(1, 4))) + stripped
        elif how == 2:
            lines[i] = "\t" + stripped
        else:
            lines[i] = stripped
    elif op == 4:  # insert characters
        line = lines[i]
        at = draw(st.integers(0, len(line)))
        piece = draw(st.one_of(st.sampled_from(INSERTS), st.text(max_size=5)))
        lines[i] = line[:at] + piece + line[at:]
    elif op == 5:  # cut the file short
        whole = "\n".join(lines)
        return whole[: draw(st.integers(0, len(whole)))]
    elif op in (6, 7):  # replace a value
        candidates = [
            n for n, ln in enumerate(lines) if re.match(r"^\s*(?:- )?[\w-]+:\s*\S", ln) or re.match(r"^\s*- \S", ln)
        ]
        if candidates:
            n = draw(st.sampled_from(candidates))
            m = re.match(r"^(\s*(?:- )?(?:[\w-]+:)?\s*)(.*)$", lines[n])
            assert m is not None
            value = draw(
                st.one_of(
                    st.sampled_from(VALUES),
                    st.text(max_size=20),
                    st.integers().map(str),
                    st.sampled_from(ODD_TEXT).map(json.dumps),
                )
            )
            lines[n] = m.group(1) + value
    elif op == 8:  # replace a key
        m = re.match(r"^(\s*(?:- )?)([\w-]+)(:.*)$", lines[i])
        if m:
            key = m.group(2)
            options = _norwegian_for(key)
            new = draw(st.sampled_from(options)) if options and draw(st.booleans()) else _typo(draw, key)
            lines[i] = m.group(1) + new + m.group(3)
    elif op == 9:  # join two lines
        if i + 1 < len(lines):
            lines[i] = lines[i] + draw(st.sampled_from([" ", "", ", "])) + lines.pop(i + 1).lstrip()
    else:  # a blank line or a comment
        lines.insert(i, draw(st.sampled_from(["", "# kommentar", "   ", "  # innrykket kommentar", "\t"])))
    return "\n".join(lines)


@pytest.mark.parametrize("source", SOURCES, ids=[str(s.relative_to(ROOT)) for s in SOURCES])
@fuzz(-(-EDITS // len(SOURCES)))
@given(data=st.data(), full=st.integers(0, 6))
def test_random_edits_of_the_real_files(source: Path, data: st.DataObject, full: int) -> None:
    COUNTS["edits"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, content in FOLDERS[source.parent].items():
            (folder / name).write_bytes(content)
        doc = folder / source.name
        targets = [doc] + ([folder / "min-utskrift.yaml"] if (folder / "min-utskrift.yaml").is_file() else [])
        target = data.draw(st.sampled_from(targets)) if data.draw(st.integers(0, 4)) == 0 else doc
        text = target.read_text("utf-8")
        for _ in range(data.draw(st.integers(1, 4))):
            text = _edit(data.draw, text)
        raw = text.encode("utf-8", errors="surrogatepass")
        if data.draw(st.integers(0, 19)) == 0:
            raw = raw[: data.draw(st.integers(0, len(raw)))]
        target.write_bytes(raw)
        strings = _all_strings(raw) | _all_strings(doc.read_bytes())
        run_build(Inputs(folder, doc, strings, full=full <= 1, twice=full == 1), f"edits/{source.stem}")


# ------------------------------------------------------------------ the minimal reproductions of what the fuzzing found

LONG_NAME = "Å" * 200  # 400 bytes: longer than a file name may be (255 bytes)


def _vera_with(change: str) -> bytes:
    """The bundled Vera under a name of its own (so it never meets the bundled one in
    reportlab's registry), damaged in one place: a font file that broke on the way."""
    import struct
    from io import BytesIO

    from fontTools.ttLib import TTFont

    font = TTFont(str(_VERA / "Vera.ttf"))
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6):
            record.string = f"FuzzDamaged{change.title().replace('-', '')}"
    out = BytesIO()
    font.save(out)
    data = bytearray(out.getvalue())
    if change == "cut":
        return bytes(data[:3000])
    tables = {}
    for k in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * k : 28 + 16 * k])
        tables[tag.decode()] = (offset, 12 + 16 * k)
    if change == "no-post-table":  # the table directory names 'xost' instead of 'post'
        at = tables["post"][1]
        data[at : at + 4] = b"xost"
    elif change == "bad-glyph-offset":  # where the glyph of 'a' starts: past the end
        at = tables["loca"][0] + 2 * 68
        data[at : at + 2] = b"\xff\xff"
    elif change == "one-glyph":  # maxp says the font has one glyph
        at = tables["maxp"][0] + 4
        data[at : at + 2] = b"\x00\x01"
    return bytes(data)


@dataclass(frozen=True)
class Found:
    """A failure the fuzzing found, shrunk by hypothesis and then by hand. `second_build`:
    the bundled Vera was registered earlier in the same process (as by an earlier source
    of `smartprint build a.yaml b.yaml`)."""

    yaml: str
    files: dict[str, str] = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    second_build: bool = False
    binary: dict[str, bytes] = field(default_factory=dict)


FOUND: dict[str, Found] = {
    # TypeError in reportlab at save (smartprint/resolve/fonts.py `font.face.name = f"…"` makes the
    # bytes face name a str); `smartprint build styrkekort doc.yaml` shows a traceback.
    "copy-of-vera-after-another-build": Found(
        "kind: cards\ntitle: x\nfont: Vera.ttf\ncards:\n- text: a\n", second_build=True
    ),
    # a value with a line break is shown as is: one problem, two lines of output
    "line-break-in-shown-text": Found('kind: cards\ntitle: x\ncards:\n- questions: "a\\nb"\n'),
    "line-break-in-shown-block": Found("kind: cards\ntitle: x\ncards:\n- text: a\nback: |\n  a\n  b\n"),
    "line-break-in-unknown-kind": Found('kind: "a\\nb"\ntitle: x\n'),
    "line-break-in-group-name": Found('kind: cards\ntitle: x\ngroups:\n- name: x\ncards:\n- group: "a\\nb"\n'),
    # OSError (File name too long) from resources.builtin_path's is_file(): a traceback
    # under `smartprint validate`; under build a message naming smartprint's own layouts folder
    "long-layout-name": Found(f"kind: cards\ntitle: x\nlayout: {LONG_NAME}\ncards:\n- text: a\n"),
    "long-extends-name": Found(
        "kind: cards\ntitle: x\nlayout: lay.yaml\ncards:\n- text: a\n", {"lay.yaml": f"extends: {LONG_NAME}\n"}
    ),
    "long-layout-option": Found("kind: cards\ntitle: x\ncards:\n- text: a\n", options=Options(layout=LONG_NAME)),
    # pipeline.plan re-raises the kind's UsageError as a plain UserError: exit 1, not 2
    "only-past-the-last-sheet": Found(
        "kind: bingo\ntitle: x\ngrid: 3\nprompts: [a, b, c, d, e, f, g, h, i]\n", options=Options(only=(2,))
    ),
    "sheets-over-the-limit": Found(
        "kind: bingo\ntitle: x\ngrid: 3\nprompts: [a, b, c, d, e, f, g, h, i]\n", options=Options(sheets=20_001)
    ),
    "sheets-more-than-can-exist": Found(
        "kind: bingo\ntitle: x\ngrid: 3\nmode: called\nprompts: [a, b, c, d, e, f, g, h, i]\n",
        options=Options(sheets=11),
    ),
    # a damaged font file: struct.error / KeyError escape from fonts._register (TTFont()),
    # and a font that loads can still fail in reportlab's subsetting at c.save() (writer.py)
    "font-cut-short": Found(
        "kind: cards\ntitle: x\nfont: f.ttf\ncards:\n- text: a\n", binary={"f.ttf": _vera_with("cut")}
    ),
    "font-without-post-table": Found(
        "kind: cards\ntitle: x\nfont: f.ttf\ncards:\n- text: a\n", binary={"f.ttf": _vera_with("no-post-table")}
    ),
    "font-bad-glyph-offset": Found(
        "kind: cards\ntitle: x\nfont: f.ttf\ncards:\n- text: a\n", binary={"f.ttf": _vera_with("bad-glyph-offset")}
    ),
    "font-says-one-glyph": Found(
        "kind: cards\ntitle: x\nfont: f.ttf\ncards:\n- text: a\n", binary={"f.ttf": _vera_with("one-glyph")}
    ),
    # paths.py: "name a {what} file" with what="font file"
    "font-is-a-folder": Found("kind: cards\ntitle: x\nfont: sub\ncards:\n- text: a\n"),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_found_by_fuzzing(name: str, tmp_path: Path) -> None:
    found = FOUND[name]
    folder = _folder(tmp_path)
    for fname, content in found.files.items():
        (folder / fname).write_text(content, "utf-8")
    for fname, data in found.binary.items():
        (folder / fname).write_bytes(data)
    doc = folder / "doc.yaml"
    doc.write_text(found.yaml, "utf-8")
    if found.second_build:
        from smartprint.resolve.fonts import load_fonts

        load_fonts()  # what any earlier build in the same process has done
    strings = _all_strings(found.yaml.encode()) | _all_strings("\n".join(found.files.values()).encode())
    run_build(Inputs(folder, doc, strings, full=True, options=found.options), "regressions")


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "long.yaml"],
        ["build", "-q", LONG_NAME],
        ["build", "-q", "styrkekort", "vera.yaml"],
        ["new", "styrkekort", "."],
    ],
    ids=["validate-long-layout", "build-long-source-name", "build-builtin-then-copy-of-vera", "new-into-a-folder"],
)
def test_found_by_fuzzing_on_the_command_line(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same failures as a teacher meets them: exit 1 or 2 and plain lines, never a traceback."""
    from typer.testing import CliRunner

    from smartprint.cli import app

    folder = _folder(tmp_path)
    (folder / "long.yaml").write_text(FOUND["long-layout-name"].yaml, "utf-8")
    (folder / "vera.yaml").write_text(FOUND["copy-of-vera-after-another-build"].yaml, "utf-8")
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}"
    )
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output


def test_the_message_check_catches_internal_names() -> None:
    """The property is not vacuous: pydantic's and Python's words are caught, the user's are not."""
    from smartprint.errors import Problem, Where

    inputs = Inputs(Path("."), Path("doc.yaml"), {"Card", "de"})

    def check(message: str) -> None:
        check_user_error(UserError([Problem(Where("doc.yaml", 1, 1), message)]), inputs)

    for bad in [
        "Input should be a valid string",
        "'title' must be 'str'",
        "a value of type int",
        "function-after[_nfc(), str]",
        "literal['a']",
        "model_type",
        "CardsSpec",
        "NoneType",
        "KeyError: 'x'",
        "name a font file file",
    ]:
        with pytest.raises(AssertionError):
            check(bad)
    check("'title' must be text; the card «Card» is fine, and so is de")
    with pytest.raises(AssertionError):
        check_user_error(UserError([Problem(None, "no file named at all")]), inputs)


def test_zz_report_example_counts() -> None:
    """How many examples ran in this process and how they ended (shown with -s -p no:xdist)."""
    if not COUNTS:
        pytest.skip("the fuzz tests did not run in this session")
    total = COUNTS["documents"] + COUNTS["edits"]
    lines = [
        f"fuzz: {total} examples in {time.perf_counter() - STARTED:.1f} s "
        f"({COUNTS['documents']} generated documents, {COUNTS['edits']} edited files)"
    ]
    lines += [f"  {key}: {n}" for key, n in sorted(COUNTS.items()) if ":" in key]
    print("\n" + "\n".join(lines))
    for kind in KINDS:  # the generator makes documents that pass, not only junk (each piece checks its own)
        ran = sum(n for key, n in COUNTS.items() if key.startswith(f"documents/{kind}:"))
        good = sum(n for key, n in COUNTS.items() if key.startswith(f"documents/{kind}:") and "refused" not in key)
        assert ran < 50 or good > 0, f"no generated {kind} document passed every check"
