"""The words bingo prints of its own, in the file's `language`; the words every
deck shares (a sheet's footer) come from `smartprint.text.labels`."""

from __future__ import annotations

from smartprint.text.labels import labels

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "leader": "Til den som leder",
        "call": "Rop",
        "prompt": "Rute",
        "sheets": "brett",
        "new": "Brett som nå kan ha full rad",
        "called_intro": "Rop rutene i denne rekkefølgen og kryss av. Til høyre står brettene som får sin første "
        "fulle rad (vannrett, loddrett eller på skrå) ved dette ropet; et brett som roper BINGO før"
        " sitt rop, har tatt feil.",
        "people_intro": "Del ut ett brett til hver. Har noen mistet brettet sitt? Nummeret og koden nederst på "
        "brettet skriver ut akkurat det samme brettet på nytt:",
        "number": "nummer",
        "bingo_sheet": "Brett",
        "seed": "kode",
        "name": "Navn",
        "rules": "Regler",
    },
    "nn": {
        "leader": "Til den som leier",
        "call": "Rop",
        "prompt": "Rute",
        "sheets": "brett",
        "new": "Brett som no kan ha full rad",
        "called_intro": "Rop rutene i denne rekkjefølgja og kryss av. Til høgre står bretta som får den første "
        "fulle rada si (vassrett, loddrett eller på skrå) ved dette ropet; eit brett som ropar "
        "BINGO før ropet sitt, har teke feil.",
        "people_intro": "Del ut eitt brett til kvar. Har nokon mista brettet sitt? Nummeret og koden nedst på "
        "brettet skriv ut nøyaktig det same brettet på nytt:",
        "number": "nummer",
        "bingo_sheet": "Brett",
        "seed": "kode",
        "name": "Namn",
        "rules": "Reglar",
    },
    "en": {
        "leader": "For the leader",
        "call": "Call",
        "prompt": "Square",
        "sheets": "sheets",
        "new": "Sheets that can now have a full line",
        "called_intro": "Call the squares in this order and tick them off. On the right are the sheets that "
        "complete their first full line (row, column or diagonal) with this call; a sheet that "
        "calls BINGO before its call is mistaken.",
        "people_intro": "Hand out one sheet each. Has someone lost theirs? The number and the code at the bottom of"
        " the sheet reprint exactly the same sheet:",
        "number": "number",
        "bingo_sheet": "Sheet",
        "seed": "code",
        "name": "Name",
        "rules": "Rules",
    },
}


def words(language: str) -> dict[str, str]:
    """Its own words, and the shared ones (which they may override)."""
    return {**labels(language), **WORDS.get(language, WORDS["nb"])}
