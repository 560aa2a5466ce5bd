"""Symbols that tell groups apart when colour is lost on a black-and-white copier."""

from __future__ import annotations

SYMBOLS = ["circle", "square", "triangle", "diamond", "star", "hexagon", "heart", "plus"]

ALIASES = {
    "sirkel": "circle",
    "rundt": "circle",
    "kvadrat": "square",
    "firkant": "square",
    "trekant": "triangle",
    "ruter": "diamond",
    "stjerne": "star",
    "sekskant": "hexagon",
    "hjerte": "heart",
    "pluss": "plus",
    "kryss": "plus",
}


def normalise_symbol(name: str) -> str:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in SYMBOLS:
        norsk = ", ".join(sorted(set(ALIASES) - {"rundt", "firkant", "kryss"}))
        raise ValueError(f"'{name}' is not a symbol; use one of {norsk} (or {', '.join(SYMBOLS)})")
    return key
