"""Words smartprint itself prints (a deck's sheet footer, how to print it, "Navn", "Brett 1
av 4", rules and headings), in the file's `language`.

They stand in one table per language, `smartprint/text/words/<code>.yaml`, that a translator
reads and changes without reading code: one section for the words several kinds share
(`labels`) and one per kind (its `words.py` reads it). Every table has every key of the
sections its language serves (tests/test_languages.py): nb, nn and en serve every kind; the
languages of families (pl, uk, ar, so) serve the kinds whose material goes home.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

TABLES = Path(__file__).resolve().parent / "words"


@cache
def table(language: str) -> dict[str, dict[str, str]]:
    """The whole table of one language, read on first use."""
    with open(TABLES / f"{language}.yaml", encoding="utf-8") as fh:
        data: dict[str, dict[str, str]] = yaml.safe_load(fh)
    return data


def section(language: str, name: str) -> dict[str, str]:
    """One section of a language's table: `labels`, or a kind's own words."""
    return table(language)[name]


def labels(language: str) -> dict[str, str]:
    """The words several kinds print."""
    return section(language, "labels")


def print_note(language: str, duplex: str) -> str:
    """How to print a file, in the file's language, for its first page: "skriv ut tosidig,
    vend på langsiden, skriv ut i 100 % størrelse" (not only in the terminal, in English)."""
    words = labels(language)
    how = {"duplex-long": words["flip_long"], "duplex-short": words["flip_short"]}.get(duplex, words["one_sided"])
    return f"{how}, {words['scale']}"


def paper_note(language: str, duplex: str, paper: str) -> str:
    """The paper, then how to print it, as a sentence of its own ("A3 · Skriv ut ensidig,
    skriv ut i 100 % størrelse"): on a file's first page, and on the local page."""
    note = print_note(language, duplex)
    return f"{paper} · {note[0].upper()}{note[1:]}"
