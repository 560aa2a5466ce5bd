"""`{navn}` in a sheet's texts: the pupil's name, filled in per pupil. Kept apart from
the sheet kind so `smartprint list` can show a title without loading a kind."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")  # {{ and }} are literal braces
NAME_WORDS = ("navn", "namn", "name")
BLANK = "_" * 18  # {navn} without a class list: a line to write the name on


def placeholders(text: str) -> list[str]:
    """The names inside `{…}` in `text`."""
    return [m.group(1) for m in PLACEHOLDER.finditer(text) if m.group(1) is not None]


def has_name(text: str | None) -> bool:
    return text is not None and any(p.strip().casefold() in NAME_WORDS for p in placeholders(text))


def fill(text: str, name: str | None, blank: str = BLANK) -> str:
    """`text` with {navn} replaced by the pupil's name (or `blank`), and {{ }} by braces."""
    return PLACEHOLDER.sub(lambda m: {"{{": "{", "}}": "}"}.get(m.group(0), name if name is not None else blank), text)
