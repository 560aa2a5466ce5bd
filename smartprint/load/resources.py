"""Where the built-in decks and layouts live.

In a wheel they are packed under `smartprint/_data/` (hatchling force-include);
in a checkout or an editable install they are the top-level `decks/` and
`layouts/` folders beside the package.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def data_dir(kind: str) -> Path:
    """The folder of built-in `decks` or `layouts`."""
    packed = Path(str(resources.files("smartprint"))) / "_data" / kind
    if packed.is_dir():
        return packed
    checkout = Path(__file__).resolve().parent.parent.parent / kind
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"built-in {kind} are missing from this installation")


def builtin_names(kind: str) -> list[str]:
    return sorted(p.stem for p in data_dir(kind).glob("*.yaml"))


def builtin_path(kind: str, name: str) -> Path | None:
    """The file of a built-in deck or layout by name, or None."""
    if "/" in name or "\\" in name or name.endswith((".yaml", ".yml")):
        return None
    candidate = data_dir(kind) / f"{name}.yaml"
    try:
        return candidate if candidate.is_file() else None
    except OSError:  # a name too long for the file system is no built-in name
        return None


WHAT = {"decks": "built-in material", "layouts": "built-in layout"}


def layout_kind(name: str, depth: int = 0) -> str | None:
    """The `kind:` a built-in layout serves, its own or that of the layout it extends
    (read from the text; no YAML needed)."""
    path = builtin_path("layouts", name)
    text = path.read_text(encoding="utf-8") if path is not None else ""
    found = re.search(r"^kind:\s*([\w-]+)", text, re.MULTILINE)
    parent = re.search(r"^extends:\s*([\w-]+)", text, re.MULTILINE)
    if found is None and parent is not None and depth < 8:
        return layout_kind(parent.group(1), depth + 1)
    return found.group(1) if found else None


def _suggestions(kind: str, word: str, for_kind: str | None) -> str:
    """After an unknown name: the closest one, else the names to choose from; for a
    layout of a material's kind, that kind's layouts first, the closest first."""
    from smartprint.check.suggest import did_you_mean

    names = builtin_names(kind)
    if kind != "layouts" or for_kind is None:
        return did_you_mean(word, names) or f"; {WHAT[kind]}s: {', '.join(names)}"
    own = sorted(
        (n for n in names if layout_kind(n) == for_kind),
        key=lambda n: -difflib.SequenceMatcher(None, word.lower(), n.lower()).ratio(),
    )
    if not own:
        return did_you_mean(word, names) or f"; {WHAT[kind]}s: {', '.join(names)}"
    close = did_you_mean(word, own)
    listed = f"layouts for {for_kind}: {', '.join(own)}"
    return f"{close} ({listed})" if close else f"; {listed} (closest first; 'smartprint list' shows all)"


def locate(kind: str, name_or_path: str, relative_to: Path, noun: str, for_kind: str | None = None) -> Path:
    """A built-in name or a file relative to `relative_to`; FileNotFoundError with a
    did-you-mean over the built-in names otherwise (a layout for `for_kind`: that kind's
    layouts first). One place for decks and layouts."""
    builtin = builtin_path(kind, name_or_path)
    if builtin is not None:
        return builtin
    path = relative_to / name_or_path
    try:
        if path.is_file():
            return path.resolve()
        if path.exists():
            raise FileNotFoundError(
                f"'{name_or_path}' is not a plain file (a folder, a pipe or the like); name a {noun} file"
            )
        for suffix in (".yaml", ".yml"):
            if not path.suffix and path.with_name(path.name + suffix).is_file():
                return path.with_name(path.name + suffix).resolve()
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise FileNotFoundError(
            f"'{name_or_path[:60]}…' cannot be used as a {noun} name ({exc.strerror or exc})"
        ) from None
    hint = _suggestions(kind, name_or_path, for_kind)
    raise FileNotFoundError(f"no {noun} '{name_or_path}' (no such file, nor a {WHAT[kind]}){hint}")
