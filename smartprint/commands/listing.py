"""`smartprint list`: the built-in material and layouts, one line each. Light: no
kind code is loaded, and a file is read only as far as its top-level lines (YAML is
parsed only for a file whose lines say more than plain one-line values)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from smartprint.kinds import KINDS
from smartprint.load import resources
from smartprint.resolve.placeholders import fill

SHOWN = ("kind", "title", "description", "extends")  # the top-level keys the listing reads
_TOP = re.compile(r"^(kind|title|description|extends):(?:[ \t]+(.*?))?[ \t]*$")
_PLAIN = re.compile(r"[^\s'\"|>{}\[\]&*!%@`#,?:-][^#]*|-[^\s#][^#]*")  # a plain one-line scalar, no comment


def top_values(path: Path) -> dict[str, object]:
    """The listing's keys of a built-in file as YAML reads them: from the file's top-level
    lines when each is a plain or simply quoted one-line value, else from YAML itself
    (tests/test_listing.py compares the two on every built-in)."""
    found: dict[str, object] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            match = _TOP.match(line)
            if match is None:
                continue
            key, raw = match.group(1), (match.group(2) or "").split(" #")[0].rstrip()
            value = _one_line(raw)
            if value is None or key in found:
                return _parsed(path)
            found[key] = value
    return found


def _one_line(raw: str) -> str | None:
    """A one-line scalar's text, or None when it takes YAML to read it."""
    if len(raw) >= 2 and raw[0] == raw[-1] == "'" and "'" not in raw[1:-1].replace("''", ""):
        return raw[1:-1].replace("''", "'")
    if len(raw) >= 2 and raw[0] == raw[-1] == '"' and not {'"', "\\"} & set(raw[1:-1]):
        return raw[1:-1]
    if _PLAIN.fullmatch(raw) and not _special(raw):
        return raw
    return None


def _special(raw: str) -> bool:
    """A plain value YAML would not read as text: empty, a number, yes/no, null, a date."""
    return not raw or bool(
        re.fullmatch(
            r"[-+.\d_:eE]+|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|"
            r"yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N",
            raw,
        )
    )


def _parsed(path: Path) -> dict[str, object]:
    import yaml

    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # noqa: S506 - safe
    return {key: data[key] for key in SHOWN if key in data} if isinstance(data, dict) else {}


def _read(folder: str, name: str) -> dict[str, object]:
    return top_values(resources.data_dir(folder) / f"{name}.yaml")


def _layout_kind(name: str) -> object:
    """The kind a built-in layout serves, following `extends`."""
    seen = set()
    data = _read("layouts", name)
    while "kind" not in data and isinstance(data.get("extends"), str) and name not in seen:
        seen.add(name)
        name = str(data["extends"])
        data = _read("layouts", name)
    return data.get("kind", "?")


def listing() -> Iterator[str]:
    """The lines `smartprint list` prints. A title shows a placeholder for the pupil's
    name ({navn}, filled in per pupil) as '…', and {{ }} as braces: built-in titles use
    braces for nothing else."""
    name_w = max(len(n) for folder in ("decks", "layouts") for n in resources.builtin_names(folder))
    kind_w = max(len(k) for k in KINDS)
    yield "Built-in material (smartprint build NAME, in another language: --language nn):"
    languages = {name: " ".join(resources.builtin_languages(name)) for name in resources.builtin_names("decks")}
    lang_w = max(len(s) for s in languages.values())
    for name in resources.builtin_names("decks"):
        data = _read("decks", name)
        title = fill(str(data.get("title", "")), None, "…")
        yield f"  {name:<{name_w}} {data.get('kind', '?')!s:<{kind_w}} {languages[name]:<{lang_w}} {title}"
    yield "Built-in layouts (--layout NAME, or 'layout: NAME' in a file):"
    for name in resources.builtin_names("layouts"):
        yield f"  {name:<{name_w}} {_layout_kind(name)!s:<{kind_w}} {_read('layouts', name).get('description', '')}"
