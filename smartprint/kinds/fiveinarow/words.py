"""The words five-in-a-row prints of its own, in the file's `language`; the words every
deck shares (a sheet's footer) come from `smartprint.text.labels`."""

from __future__ import annotations

from smartprint.text.labels import labels

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "five_back": "Fem på rad: snakk sammen om egenskapene",
        "fiar_rules": "Spill to og to eller i lag. Velg en rute, og fortell om en gang du eller en annen viste "
        "egenskapen i ruta. Lytt til hverandre og still gjerne et spørsmål. Har dere snakket om "
        "den, får dere legge en brikke på ruta. Først til fem brikker på rad – vannrett, loddrett "
        "eller på skrå – vinner. Si ruta med bokstav og tall («C4»), så alle finner den. Står dere fast, "
        "trekk et spørsmålskort og snakk om det. Det viktigste er de gode samtalene!",
        "markers": "Brikker, ett sett til hvert brett: klipp langs strekene. "
        "Lag 1 har runde brikker, lag 2 firkantede.",
        "questions": "Spørsmål til samtalen",
        "board": "Brett",
        "seed": "kode",
    },
    "nn": {
        "five_back": "Fem på rad: snakk saman om eigenskapane",
        "fiar_rules": "Spel to og to eller i lag. Vel ei rute, og fortel om ein gong du eller ein annan viste "
        "eigenskapen i ruta. Lytt til kvarandre og still gjerne eit spørsmål. Har de snakka om han,"
        " får de leggje ei brikke på ruta. Først til fem brikker på rad – vassrett, loddrett eller "
        "på skrå – vinn. Sei ruta med bokstav og tal («C4»), så alle finn henne. Står de fast, "
        "trekk eit spørsmålskort og snakk om det. Det viktigaste er dei gode samtalane!",
        "markers": "Brikker, eitt sett til kvart brett: klipp langs strekane. Lag 1 har runde brikker, lag 2 firkanta.",
        "questions": "Spørsmål til samtalen",
        "board": "Brett",
        "seed": "kode",
    },
    "en": {
        "five_back": "Five in a row: talk about the qualities",
        "fiar_rules": "Play in pairs or in teams. Choose a square and tell about a time when you or someone else "
        "showed the quality in it. Listen to each other and ask a question. When you have talked "
        "about it, put a marker on the square. The first to get five in a row – across, down or "
        'diagonally – wins. Name a square by its letter and number ("C4") so everyone finds it. If you '
        "get stuck, draw a question card and talk about it. The conversations are what matters most!",
        "markers": "Markers, one set for each board: cut along the lines. "
        "Team 1 has round markers, team 2 square ones.",
        "questions": "Questions for the conversation",
        "board": "Board",
        "seed": "code",
    },
}


def words(language: str) -> dict[str, str]:
    """Its own words, and the shared ones (which they may override)."""
    return {**labels(language), **WORDS.get(language, WORDS["nb"])}
