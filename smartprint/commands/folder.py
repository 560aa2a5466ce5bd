"""`smartprint build FOLDER`: which files in a folder are materials. Layouts, class lists
and pictures live beside them and are left alone."""

from __future__ import annotations

import re
from pathlib import Path

_TOP_KEY = re.compile(r"^([A-Za-z_]+)\s*:", re.MULTILINE)
LAYOUT_KEYS = frozenset({"extends", "paper", "orientation", "margin", "card", "grid"})
YAML_SUFFIXES = (".yaml", ".yml")


def is_material(path: Path) -> bool:
    """A YAML file with a top-level `title:`, or with `kind:` and none of a layout's own
    keys. Read as text, not YAML: a material with a mistake in it is still a material,
    and its build says what the mistake is."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # the build names the trouble
    keys = set(_TOP_KEY.findall(text))
    return "title" in keys or ("kind" in keys and not keys & LAYOUT_KEYS)


def may_be_material(path: Path) -> bool:
    """Whether a name in a folder could be a material: a YAML file that is not hidden
    (editors and other systems keep their own hidden files beside yours: `.#kort.yaml`,
    `._kort.yaml` on a stick from a Mac). Decided by the name alone, so a removed file
    can be told apart from a PDF or a temporary file. Notepad's `kort.yaml.txt` counts
    too (its build writes kort.pdf)."""
    name = path.name.lower()
    yaml_named = path.suffix.lower() in YAML_SUFFIXES or name.endswith(tuple(f"{s}.txt" for s in YAML_SUFFIXES))
    return yaml_named and not path.name.startswith(".")


def materials_in(folder: Path) -> list[Path]:
    """The materials directly in `folder`, by name."""
    found = [p for p in folder.iterdir() if may_be_material(p) and p.is_file()]
    return sorted((p for p in found if is_material(p)), key=lambda p: p.name.lower())


def summary(total: int, failed: list[str]) -> str:
    """The last line of a folder's build: how many were built, and which failed."""
    return f"built {total - len(failed)} of {total} materials" + (f"; failed: {', '.join(failed)}" if failed else "")
