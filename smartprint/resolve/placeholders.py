"""`{navn}` and `{fornavn}` in a sheet's texts: the pupil's name and first name, filled
in per pupil. Kept apart from the sheet kind so `smartprint list` can show a title
without loading a kind."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")  # {{ and }} are literal braces
NAME_WORDS = ("navn", "namn", "name")
FIRST_NAME_WORDS = ("fornavn", "førenamn", "fornamn", "first name", "firstname", "first_name")
BLANK = "_" * 18  # {navn} without a class list: a line to write the name on


def placeholders(text: str) -> list[str]:
    """The names inside `{…}` in `text`."""
    return [m.group(1) for m in PLACEHOLDER.finditer(text) if m.group(1) is not None]


def _word(placeholder: str) -> str:
    return " ".join(placeholder.split()).casefold()


def is_known(placeholder: str) -> bool:
    """`navn` (the whole name) or `fornavn` (the first name), in any of their spellings."""
    return _word(placeholder) in NAME_WORDS + FIRST_NAME_WORDS


def has_name(text: str | None) -> bool:
    """Whether `text` prints the pupil's whole name ({navn})."""
    return text is not None and any(_word(p) in NAME_WORDS for p in placeholders(text))


def has_pupil(text: str | None) -> bool:
    """Whether `text` prints the pupil's name or first name ({navn}, {fornavn})."""
    return text is not None and any(is_known(p) for p in placeholders(text))


def fill(text: str, name: str | None, blank: str = BLANK, first_name: str | None = None) -> str:
    """`text` with {navn} replaced by the pupil's name and {fornavn} by the first name
    (`name` when not given), or both by `blank` without a pupil; {{ }} by braces."""

    def one(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return "{" if m.group(0) == "{{" else "}"
        if name is None:
            return blank
        first = _word(m.group(1)) in FIRST_NAME_WORDS
        return (first_name or name) if first else name

    return PLACEHOLDER.sub(one, text)
