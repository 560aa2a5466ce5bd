"""The words a fill-in sheet prints of its own, in the file's `language`."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nb": {"greeting": "Vennlig hilsen"},
    "nn": {"greeting": "Venleg helsing"},
    "en": {"greeting": "Kind regards"},
}


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["nb"])
