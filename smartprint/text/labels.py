"""Words smartprint itself prints on pages that several kinds share (a deck's sheet
footer, the side of a sheet, how to print it), in the file's `language`. A kind's own
words live in its folder (kinds/<kind>/words.py)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "sheet": "ark",
        "of": "av",
        "front": "forside",
        "back": "bakside",
        "fold": "brett på streken",
        "draw_here": "Tegn her",
        "flip_long": "skriv ut tosidig, vend på langsiden",
        "flip_short": "skriv ut tosidig, vend på kortsiden",
        "one_sided": "skriv ut ensidig",
        "scale": "skriv ut i 100 % størrelse",
    },
    "nn": {
        "sheet": "ark",
        "of": "av",
        "front": "framside",
        "back": "bakside",
        "fold": "brett på streken",
        "draw_here": "Teikn her",
        "flip_long": "skriv ut tosidig, vend på langsida",
        "flip_short": "skriv ut tosidig, vend på kortsida",
        "one_sided": "skriv ut einsidig",
        "scale": "skriv ut i 100 % storleik",
    },
    "en": {
        "sheet": "sheet",
        "of": "of",
        "front": "front",
        "back": "back",
        "fold": "fold on the line",
        "draw_here": "Draw here",
        "flip_long": "print double-sided, flip on long edge",
        "flip_short": "print double-sided, flip on short edge",
        "one_sided": "print single-sided",
        "scale": "print at 100 % size",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["nb"])


def print_note(language: str, duplex: str) -> str:
    """How to print a file, in the file's language, for its first page: "skriv ut tosidig,
    vend på langsiden, skriv ut i 100 % størrelse" (not only in the terminal, in English)."""
    words = labels(language)
    how = {"duplex-long": words["flip_long"], "duplex-short": words["flip_short"]}.get(duplex, words["one_sided"])
    return f"{how}, {words['scale']}"
