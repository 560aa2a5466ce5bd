"""`smartprint build FOLDER`: which files in a folder are materials. Layouts, class lists
and pictures live beside them and are left alone."""

from __future__ import annotations

import re
from pathlib import Path

_TOP_KEY = re.compile(r"^([A-Za-z_]+)\s*:", re.MULTILINE)
LAYOUT_KEYS = frozenset({"extends", "paper", "orientation", "margin", "card", "grid"})


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


def materials_in(folder: Path) -> list[Path]:
    """The materials directly in `folder`, by name."""
    found = [p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file()]
    return sorted((p for p in found if is_material(p)), key=lambda p: p.name.lower())
