"""The words a board game prints of its own, in the file's language: the start and
finish squares, the legend, the default rules with the house rules, and the
instructions on the tiles and the things to fold."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "start": "START",
        "finish": "MÅL",
        "special": "Gjør det som står i ruta",
        "rules_heading": "Slik spiller dere",
        "rules": "Dere trenger brettet, én terning, én spillebrikke til hver og spørsmålskortene, stokket og lagt i "
        "én bunke for hver kategori med baksiden opp.\n"
        "Den yngste begynner, så går turen til venstre. Kast terningen og flytt like mange ruter fram. "
        "Fargen og tegnet på ruta viser kategorien. Den som sitter til venstre for deg, trekker et kort "
        "fra den bunken og leser det høyt. Svar så godt du kan; de andre kan gjerne spørre mer.\n"
        "Lander du på en rute med tekst, gjør dere det som står der.\n"
        "Spillet er slutt når alle har kommet i mål, eller når tiden er ute. Det er samtalene som teller, "
        "ikke hvem som kommer først.",
        "house_heading": "Slik har vi det rundt bordet",
        "house": "Lytt til den som snakker, og la hen snakke ferdig.\n"
        "Alle svar er velkomne. Vi ler med hverandre, aldri av hverandre.\n"
        "Du kan alltid si «pass» og trekke et nytt kort.\n"
        "Vent på tur, og hjelp hverandre med reglene.\n"
        "Det som blir fortalt rundt bordet, blir ved bordet.",
        "categories_heading": "Kategoriene",
        "back": "Trekk et kort og les det høyt",
        "tile": "Del",
        "of": "av",
        "tile_how": "Klipp langs den heltrukne streken merket «klipp». Legg delen over den grå limstripen "
        "på nabodelen slik at trekantene møtes, og lim.",
        "glue": "lim",
        "cut": "klipp",
        "die": "Terning: klipp langs de heltrukne strekene, brett langs de stiplede og lim flikene på innsiden.",
        "pawns": "Spillebrikker: klipp ut, brett langs de stiplede strekene og lim foten sammen.",
        "print_board": "Brettet",
    },
    "nn": {
        "start": "START",
        "finish": "MÅL",
        "special": "Gjer det som står i ruta",
        "rules_heading": "Slik spelar de",
        "rules": "De treng brettet, éin terning, éi spelebrikke til kvar og spørsmålskorta, stokka og lagde i "
        "éin bunke for kvar kategori med baksida opp.\n"
        "Den yngste byrjar, så går turen til venstre. Kast terningen og flytt like mange ruter fram. "
        "Fargen og teiknet på ruta viser kategorien. Den som sit til venstre for deg, trekkjer eit kort "
        "frå den bunken og les det høgt. Svar så godt du kan; dei andre kan gjerne spørje meir.\n"
        "Landar du på ei rute med tekst, gjer de det som står der.\n"
        "Spelet er slutt når alle har kome i mål, eller når tida er ute. Det er samtalane som tel, "
        "ikkje kven som kjem først.",
        "house_heading": "Slik har vi det rundt bordet",
        "house": "Lytt til den som snakkar, og la hen snakke ferdig.\n"
        "Alle svar er velkomne. Vi ler med kvarandre, aldri av kvarandre.\n"
        "Du kan alltid seie «pass» og trekkje eit nytt kort.\n"
        "Vent på tur, og hjelp kvarandre med reglane.\n"
        "Det som blir fortalt rundt bordet, blir ved bordet.",
        "categories_heading": "Kategoriane",
        "back": "Trekk eit kort og les det høgt",
        "tile": "Del",
        "of": "av",
        "tile_how": "Klipp langs den heiltrekte streken merkt «klipp». Legg delen over den grå limstripa "
        "på nabodelen slik at trekantane møtest, og lim.",
        "glue": "lim",
        "cut": "klipp",
        "die": "Terning: klipp langs dei heiltrekte strekane, brett langs dei stipla og lim flikene på innsida.",
        "pawns": "Spelebrikker: klipp ut, brett langs dei stipla strekane og lim foten saman.",
        "print_board": "Brettet",
    },
    "en": {
        "start": "START",
        "finish": "FINISH",
        "special": "Do what the square says",
        "rules_heading": "How to play",
        "rules": "You need the board, one die, one pawn each and the question cards, shuffled and placed face "
        "down in one pile per category.\n"
        "The youngest starts, then play passes to the left. Roll the die and move that many squares "
        "forward. The colour and symbol of the square show the category. The player on your left "
        "draws a card from that pile and reads it aloud. Answer as well as you can; the others may ask "
        "more.\n"
        "If you land on a square with text, do what it says.\n"
        "The game ends when everyone has reached the finish, or when time is up. The conversations "
        "are what counts, not who gets there first.",
        "house_heading": "How we play together",
        "house": "Listen to whoever is speaking, and let them finish.\n"
        "Every answer is welcome. We laugh with each other, never at each other.\n"
        "You can always say “pass” and draw a new card.\n"
        "Wait for your turn, and help each other with the rules.\n"
        "What is told around the table stays at the table.",
        "categories_heading": "The categories",
        "back": "Draw a card and read it aloud",
        "tile": "Part",
        "of": "of",
        "tile_how": "Cut along the solid line marked “cut”. Lay the part over the grey glue strip of its "
        "neighbour so that the triangles meet, and glue.",
        "glue": "glue",
        "cut": "cut",
        "die": "Die: cut along the solid lines, fold along the dashed ones and glue the tabs inside.",
        "pawns": "Pawns: cut out, fold along the dashed lines and glue the base together.",
        "print_board": "The board",
    },
}


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["nb"])
