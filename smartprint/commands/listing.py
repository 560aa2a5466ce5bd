"""`smartprint list`: the built-in material and layouts, one line each. Light to
import: the files are read as plain YAML and no kind code is loaded."""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from smartprint.kinds import KINDS
from smartprint.load import resources
from smartprint.resolve.placeholders import fill

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(folder: str, name: str) -> dict[str, object]:
    with open(resources.data_dir(folder) / f"{name}.yaml", encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_LOADER) or {}  # noqa: S506 - a safe loader
    return data if isinstance(data, dict) else {}


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
