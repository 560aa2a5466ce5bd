"""Words smartprint itself prints on pages, in the file's `language`."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "leader": "Til den som leder", "call": "Rop", "prompt": "Rute", "sheets": "brett",
        "new": "Brett som nå kan ha full rad",
        "called_intro": "Rop rutene i denne rekkefølgen og kryss av. Til høyre står brettene som får sin "
                        "første fulle rad (vannrett, loddrett eller på skrå) ved dette ropet; et brett som "
                        "roper BINGO før sitt rop, har tatt feil.",
        "people_intro": "Del ut ett brett til hver. Har noen mistet brettet sitt? Nummeret og koden nederst "
                        "på brettet skriver ut akkurat det samme brettet på nytt:",
        "number": "nummer",
        "sheet": "ark", "of": "av", "front": "forside", "back": "bakside", "fold": "brett på streken",
        "name": "Navn", "rules": "Regler", "board": "Brett", "seed": "kode", "draw_here": "Tegn her",
        "flip_long": "skriv ut tosidig, vend på langsiden",
        "flip_short": "skriv ut tosidig, vend på kortsiden",
        "one_sided": "skriv ut ensidig", "scale": "skriv ut i 100 % størrelse",
    },
    "nn": {
        "leader": "Til den som leier", "call": "Rop", "prompt": "Rute", "sheets": "brett",
        "new": "Brett som no kan ha full rad",
        "called_intro": "Rop rutene i denne rekkjefølgja og kryss av. Til høgre står bretta som får den "
                        "første fulle rada si (vassrett, loddrett eller på skrå) ved dette ropet; eit brett "
                        "som ropar BINGO før ropet sitt, har teke feil.",
        "people_intro": "Del ut eitt brett til kvar. Har nokon mista brettet sitt? Nummeret og koden nedst "
                        "på brettet skriv ut nøyaktig det same brettet på nytt:",
        "number": "nummer",
        "sheet": "ark", "of": "av", "front": "framside", "back": "bakside", "fold": "brett på streken",
        "name": "Namn", "rules": "Reglar", "board": "Brett", "seed": "kode", "draw_here": "Teikn her",
        "flip_long": "skriv ut tosidig, vend på langsida",
        "flip_short": "skriv ut tosidig, vend på kortsida",
        "one_sided": "skriv ut einsidig", "scale": "skriv ut i 100 % storleik",
    },
    "en": {
        "leader": "For the leader", "call": "Call", "prompt": "Square", "sheets": "sheets",
        "new": "Sheets that can now have a full line",
        "called_intro": "Call the squares in this order and tick them off. On the right are the sheets that "
                        "complete their first full line (row, column or diagonal) with this call; a sheet "
                        "that calls BINGO before its call is mistaken.",
        "people_intro": "Hand out one sheet each. Has someone lost theirs? The number and the code at the "
                        "bottom of the sheet reprint exactly the same sheet:",
        "number": "number",
        "sheet": "sheet", "of": "of", "front": "front", "back": "back", "fold": "fold on the line",
        "name": "Name", "rules": "Rules", "board": "Board", "seed": "code", "draw_here": "Draw here",
        "flip_long": "print double-sided, flip on long edge",
        "flip_short": "print double-sided, flip on short edge",
        "one_sided": "print single-sided", "scale": "print at 100 % size",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["nb"])
