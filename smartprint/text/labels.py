"""Words smartprint itself prints on pages, in the file's `language`."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "five_back": "Fem på rad: snakk sammen om egenskapene",
        "fiar_rules": "Spill to og to eller i lag. Velg en rute, og fortell om en gang du eller en annen viste "
        "egenskapen i ruta. Lytt til hverandre og still gjerne et spørsmål. Har dere snakket om "
        "den, får dere legge en brikke på ruta. Først til fem brikker på rad – vannrett, loddrett "
        "eller på skrå – vinner. Det viktigste er de gode samtalene!",
        "markers": "Brikker: klipp dem ut. Lag 1 har runde brikker, lag 2 har firkantede.",
        "team": "Lag",
        "questions": "Spørsmål til samtalen",
        "leader": "Til den som leder",
        "call": "Rop",
        "prompt": "Rute",
        "sheets": "brett",
        "new": "Brett som nå kan ha full rad",
        "called_intro": "Rop rutene i denne rekkefølgen og kryss av. Til høyre står brettene som får sin "
        "første fulle rad (vannrett, loddrett eller på skrå) ved dette ropet; et brett som "
        "roper BINGO før sitt rop, har tatt feil.",
        "people_intro": "Del ut ett brett til hver. Har noen mistet brettet sitt? Nummeret og koden nederst "
        "på brettet skriver ut akkurat det samme brettet på nytt:",
        "number": "nummer",
        "sheet": "ark",
        "of": "av",
        "front": "forside",
        "back": "bakside",
        "fold": "brett på streken",
        "name": "Navn",
        "rules": "Regler",
        "board": "Brett",
        "bingo_sheet": "Brett",
        "seed": "kode",
        "draw_here": "Tegn her",
        "flip_long": "skriv ut tosidig, vend på langsiden",
        "flip_short": "skriv ut tosidig, vend på kortsiden",
        "one_sided": "skriv ut ensidig",
        "scale": "skriv ut i 100 % størrelse",
    },
    "nn": {
        "five_back": "Fem på rad: snakk saman om eigenskapane",
        "fiar_rules": "Spel to og to eller i lag. Vel ei rute, og fortel om ein gong du eller ein annan viste "
        "eigenskapen i ruta. Lytt til kvarandre og still gjerne eit spørsmål. Har de snakka om han, "
        "får de leggje ei brikke på ruta. Først til fem brikker på rad – vassrett, loddrett eller "
        "på skrå – vinn. Det viktigaste er dei gode samtalane!",
        "markers": "Brikker: klipp dei ut. Lag 1 har runde brikker, lag 2 har firkanta.",
        "team": "Lag",
        "questions": "Spørsmål til samtalen",
        "leader": "Til den som leier",
        "call": "Rop",
        "prompt": "Rute",
        "sheets": "brett",
        "new": "Brett som no kan ha full rad",
        "called_intro": "Rop rutene i denne rekkjefølgja og kryss av. Til høgre står bretta som får den "
        "første fulle rada si (vassrett, loddrett eller på skrå) ved dette ropet; eit brett "
        "som ropar BINGO før ropet sitt, har teke feil.",
        "people_intro": "Del ut eitt brett til kvar. Har nokon mista brettet sitt? Nummeret og koden nedst "
        "på brettet skriv ut nøyaktig det same brettet på nytt:",
        "number": "nummer",
        "sheet": "ark",
        "of": "av",
        "front": "framside",
        "back": "bakside",
        "fold": "brett på streken",
        "name": "Namn",
        "rules": "Reglar",
        "board": "Brett",
        "bingo_sheet": "Brett",
        "seed": "kode",
        "draw_here": "Teikn her",
        "flip_long": "skriv ut tosidig, vend på langsida",
        "flip_short": "skriv ut tosidig, vend på kortsida",
        "one_sided": "skriv ut einsidig",
        "scale": "skriv ut i 100 % storleik",
    },
    "en": {
        "five_back": "Five in a row: talk about the qualities",
        "fiar_rules": "Play in pairs or in teams. Choose a square and tell about a time when you or someone "
        "else showed the quality in it. Listen to each other and ask a question. When you have "
        "talked about it, put a marker on the square. The first to get five in a row – across, "
        "down or diagonally – wins. The conversations are what matters most!",
        "markers": "Markers: cut them out. Team 1 has round markers, team 2 square ones.",
        "team": "Team",
        "questions": "Questions for the conversation",
        "leader": "For the leader",
        "call": "Call",
        "prompt": "Square",
        "sheets": "sheets",
        "new": "Sheets that can now have a full line",
        "called_intro": "Call the squares in this order and tick them off. On the right are the sheets that "
        "complete their first full line (row, column or diagonal) with this call; a sheet "
        "that calls BINGO before its call is mistaken.",
        "people_intro": "Hand out one sheet each. Has someone lost theirs? The number and the code at the "
        "bottom of the sheet reprint exactly the same sheet:",
        "number": "number",
        "sheet": "sheet",
        "of": "of",
        "front": "front",
        "back": "back",
        "fold": "fold on the line",
        "name": "Name",
        "rules": "Rules",
        "board": "Board",
        "bingo_sheet": "Sheet",
        "seed": "code",
        "draw_here": "Draw here",
        "flip_long": "print double-sided, flip on long edge",
        "flip_short": "print double-sided, flip on short edge",
        "one_sided": "print single-sided",
        "scale": "print at 100 % size",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["nb"])
