"""Words smartprint itself prints on pages, in the file's `language`."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "sheet": "ark", "of": "av", "front": "forside", "back": "bakside", "fold": "brett på streken",
        "name": "Navn", "rules": "Regler", "board": "Brett", "seed": "frø", "draw_here": "Tegn her",
        "flip_long": "skriv ut tosidig, vend på langsiden",
        "flip_short": "skriv ut tosidig, vend på kortsiden",
        "one_sided": "skriv ut ensidig", "scale": "skriv ut i 100 % størrelse",
    },
    "nn": {
        "sheet": "ark", "of": "av", "front": "framside", "back": "bakside", "fold": "brett på streken",
        "name": "Namn", "rules": "Reglar", "board": "Brett", "seed": "frø", "draw_here": "Teikn her",
        "flip_long": "skriv ut tosidig, vend på langsida",
        "flip_short": "skriv ut tosidig, vend på kortsida",
        "one_sided": "skriv ut einsidig", "scale": "skriv ut i 100 % storleik",
    },
    "en": {
        "sheet": "sheet", "of": "of", "front": "front", "back": "back", "fold": "fold on the line",
        "name": "Name", "rules": "Rules", "board": "Board", "seed": "seed", "draw_here": "Draw here",
        "flip_long": "print double-sided, flip on long edge",
        "flip_short": "print double-sided, flip on short edge",
        "one_sided": "print single-sided", "scale": "print at 100 % size",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["nb"])
