"""What each key of a material file means, in a teacher's words (bokmål, nynorsk and
English), for the JSON Schema that editors show beside a key (smartprint/check/schema.py).

A key means the same wherever it stands unless `BY_MODEL` says otherwise for one
model (a card's `title` is not the file's `title`). A test checks that every key of
every kind has words here, so a new key cannot ship without them."""

from __future__ import annotations

Words = tuple[str, str, str]  # bokmål, nynorsk, English
LANGUAGES = ("nb", "nn", "en")

KEYS: dict[str, Words] = {
    "$file": (
        "En smartprint-fil: kind, title og innholdet.",
        "Ei smartprint-fil: kind, title og innhaldet.",
        "A smartprint material file: kind, title and content.",
    ),
    "kind": (
        "Hva slags materiell: cards, bingo, five-in-a-row, sheet eller board-game.",
        "Kva slags materiell: cards, bingo, five-in-a-row, sheet eller board-game.",
        "The kind of material.",
    ),
    "title": (
        "Tittelen som skrives øverst.",
        "Tittelen som blir skriven øvst.",
        "The title printed at the top.",
    ),
    "description": (
        "En merknad til deg selv; skrives ikke ut.",
        "Ein merknad til deg sjølv; blir ikkje skriven ut.",
        "A note to yourself; not printed.",
    ),
    "language": (
        "Språket på ordene smartprint skriver selv: nb (bokmål), nn (nynorsk) eller en; "
        "ark og brettspill også pl, uk, ar og so.",
        "Språket på orda smartprint skriv sjølv: nb (bokmål), nn (nynorsk) eller en; "
        "ark og brettspel også pl, uk, ar og so.",
        "The language of smartprint's own words: nb, nn or en; sheets and board games also pl, uk, ar, so.",
    ),
    "layout": (
        "Oppsettet (papir og mål): et innebygd navn (se `smartprint list`) eller en .yaml-fil ved siden av.",
        "Oppsettet (papir og mål): eit innebygd namn (sjå `smartprint list`) eller ei .yaml-fil ved sida av.",
        "The layout: a built-in name or a .yaml file beside this one.",
    ),
    "seed": (
        "Et tall som bestemmer stokkingen; samme tall gir samme utskrift.",
        "Eit tal som avgjer stokkinga; same tal gir same utskrift.",
        "A number that fixes the shuffle; the same number prints the same.",
    ),
    "font": (
        "Skrift: en .ttf-fil ved siden av, eller regular/bold.",
        "Skrift: ei .ttf-fil ved sida av, eller regular/bold.",
        "Font: a .ttf file beside this one, or regular/bold.",
    ),
    "fonts": (
        "Flere skrifter for skrifttegn de innebygde ikke har (for eksempel etiopisk for tigrinja): "
        ".ttf-filer ved siden av.",
        "Fleire skrifter for skriftteikn dei innebygde ikkje har (til dømes etiopisk for tigrinja): "
        ".ttf-filer ved sida av.",
        "More fonts for letters the built-in ones lack (Ethiopic for Tigrinya, say): .ttf files beside this one.",
    ),
    "regular": (
        "Skriftfilen for vanlig tekst (.ttf).",
        "Skriftfila for vanleg tekst (.ttf).",
        "The font file for plain text.",
    ),
    "bold": (
        "Skriftfilen for fet tekst (.ttf).",
        "Skriftfila for feit tekst (.ttf).",
        "The font file for bold text.",
    ),
    "color": (
        'Farge: et navn (rød, blå, grønn …) eller en kode i anførselstegn ("#2e62a8").',
        'Farge: eit namn (raud, blå, grøn …) eller ein kode i hermeteikn ("#2e62a8").',
        'Colour: a name or a quoted code ("#2e62a8").',
    ),
    "symbol": (
        "Symbolet som skiller gruppene også i svart-hvitt (hjerte, stjerne, sirkel …).",
        "Symbolet som skil gruppene også i svart-kvitt (hjarte, stjerne, sirkel …).",
        "The symbol that tells groups apart in black and white.",
    ),
    "name": (
        "Navnet.",
        "Namnet.",
        "The name.",
    ),
    "image": (
        "Et bilde (PNG, JPEG, GIF, WebP, BMP eller TIFF) i mappen til denne fila.",
        "Eit bilete (PNG, JPEG, GIF, WebP, BMP eller TIFF) i mappa til denne fila.",
        "A picture (PNG, JPEG, GIF, WebP, BMP or TIFF) in this file's folder.",
    ),
    "text": (
        "Teksten som skrives ut.",
        "Teksten som blir skriven ut.",
        "The text printed.",
    ),
    "questions": (
        "Spørsmål, ett per linje som begynner med '- '.",
        "Spørsmål, eitt per linje som byrjar med '- '.",
        "Questions, one per line starting with '- '.",
    ),
    "count": (
        "Hvor mange.",
        "Kor mange.",
        "How many.",
    ),
    "lines": (
        "Antall skrivelinjer.",
        "Talet på skrivelinjer.",
        "How many lines to write on.",
    ),
    "drawing": (
        "true gir et felt å tegne i; en tekst skrives over feltet.",
        "true gir eit felt å teikne i; ein tekst blir skriven over feltet.",
        "true gives a space to draw in; a text is written above it.",
    ),
    "group": (
        "Gruppen kortet hører til (et navn fra groups).",
        "Gruppa kortet høyrer til (eit namn frå groups).",
        "The group the card belongs to (a name from groups).",
    ),
    "groups": (
        "Gruppene kortene deles i, hver med navn, farge og symbol.",
        "Gruppene korta blir delte i, kvar med namn, farge og symbol.",
        "The groups the cards fall into, each with a name, colour and symbol.",
    ),
    "cards": (
        "Kortene, ett per '- '.",
        "Korta, eitt per '- '.",
        "The cards, one per '- '.",
    ),
    "back": (
        "Baksiden av kortene (tittel, tekst, bilde, QR-lenke).",
        "Baksida av korta (tittel, tekst, bilete, QR-lenke).",
        "The back of the cards.",
    ),
    "qr": (
        "En lenke som skrives ut som QR-kode.",
        "Ei lenke som blir skriven ut som QR-kode.",
        "A link printed as a QR code.",
    ),
    "qr_label": (
        "Teksten under QR-koden.",
        "Teksten under QR-koden.",
        "The text under the QR code.",
    ),
    "prompts": (
        "Rutene på bingobrettet, én per '- '.",
        "Rutene på bingobrettet, éi per '- '.",
        "The squares of the bingo sheet, one per '- '.",
    ),
    "grid": (
        "Hvor mange ruter bortover og nedover.",
        "Kor mange ruter bortover og nedover.",
        "How many squares across and down.",
    ),
    "free": (
        "Teksten i den frie midtruten (bare odde rutenett); utelat for ingen fri rute.",
        "Teksten i den frie midtruta (berre odde rutenett); utelat for inga fri rute.",
        "The text of the free centre square (odd grids only); leave out for none.",
    ),
    "sheets": (
        "Hvor mange ulike brett.",
        "Kor mange ulike brett.",
        "How many different sheets.",
    ),
    "names": (
        "true gir hver rute en linje for navnet på en som passer.",
        "true gir kvar rute ei linje for namnet på ein som passar.",
        "true gives every square a line for the name of someone who fits it.",
    ),
    "mode": (
        "people: elevene finner noen som passer; called: læreren roper opp (med lederark).",
        "people: elevane finn nokon som passar; called: læraren ropar opp (med leiarark).",
        "people: find someone who fits; called: the leader calls them out.",
    ),
    "instructions": (
        "Reglene eller instruksjonen som skrives på brettet.",
        "Reglane eller instruksjonen som blir skriven på brettet.",
        "The rules printed on the sheet.",
    ),
    "footer": (
        "Tekst nederst på hvert brett.",
        "Tekst nedst på kvart brett.",
        "Text at the foot of every sheet.",
    ),
    "per_page": (
        "Brett per side: 1, 2 eller 4.",
        "Brett per side: 1, 2 eller 4.",
        "Sheets a page: 1, 2 or 4.",
    ),
    "leader": (
        "true gir et lederark med alle rutene.",
        "true gir eit leiarark med alle rutene.",
        "true adds a leader's page listing every square.",
    ),
    "pupils": (
        "En klasseliste: navn under '- ', en fil (klasse.txt, klasse.csv) eller file/column; "
        "ett ark per elev med navnet på.",
        "Ei klasseliste: namn under '- ', ei fil (klasse.txt, klasse.csv) eller file/column; "
        "eitt ark per elev med namnet på.",
        "A class list: one sheet per pupil, the name printed.",
    ),
    "file": (
        "Filnavnet, i mappen til denne fila.",
        "Filnamnet, i mappa til denne fila.",
        "The file name, in this file's folder.",
    ),
    "column": (
        "Kolonnen med navn i en .csv-klasseliste.",
        "Kolonnen med namn i ei .csv-klasseliste.",
        "The column of names in a .csv class list.",
    ),
    "entries": (
        "Det som står i rutene på brettet, ett per '- '.",
        "Det som står i rutene på brettet, eitt per '- '.",
        "What the board's squares say, one per '- '.",
    ),
    "boards": (
        "Hvor mange ulike brett.",
        "Kor mange ulike brett.",
        "How many different boards.",
    ),
    "rules": (
        "Spillereglene som skrives ut.",
        "Spelereglane som blir skrivne ut.",
        "The rules printed.",
    ),
    "blank_cards": (
        "Tomme kort å skrive egne spørsmål på.",
        "Tomme kort å skrive eigne spørsmål på.",
        "Empty cards to write your own questions on.",
    ),
    "markers": (
        "true gir brikker å klippe ut.",
        "true gir brikker å klippe ut.",
        "true adds counters to cut out.",
    ),
    "blocks": (
        "Det som står på arket, ovenfra og ned, ett '- ' per blokk.",
        "Det som står på arket, ovanfrå og ned, eitt '- ' per blokk.",
        "The sheet's blocks, top to bottom.",
    ),
    "columns": (
        "Hvor mange spalter.",
        "Kor mange spalter.",
        "How many columns.",
    ),
    "age": (
        "Alderen til dem som skriver (4–99); gir linjeavstanden.",
        "Alderen til dei som skriv (4–99); gir linjeavstanden.",
        "The writers' age; sets the line spacing.",
    ),
    "header": (
        "true skriver tittelen øverst på første side.",
        "true skriv tittelen øvst på første side.",
        "true prints the title at the top of the first page.",
    ),
    "double_sided": (
        "true skriver på begge sider av arket.",
        "true skriv på begge sider av arket.",
        "true prints on both sides of the paper.",
    ),
    "poster_paper": (
        "Papiret til plakaten etter new_page: once (A5, A4 eller A3).",
        "Papiret til plakaten etter new_page: once (A5, A4 eller A3).",
        "The paper of the poster after new_page: once.",
    ),
    "field": (
        "En ledetekst og en linje å skrive på (- field: Navn).",
        "Ein leietekst og ei linje å skrive på (- field: Namn).",
        "A label and a line to write on.",
    ),
    "box": (
        "En boks med skrivelinjer (- box: Drømmene mine).",
        "Ein boks med skrivelinjer (- box: Draumane mine).",
        "A box with lines to write on.",
    ),
    "checklist": (
        "Avkrysningsbokser med tekst.",
        "Avkryssingsboksar med tekst.",
        "Tick boxes with text.",
    ),
    "table": (
        "En tabell med overskrifter og tomme rader.",
        "Ein tabell med overskrifter og tomme rader.",
        "A table with headings and empty rows.",
    ),
    "words": (
        "Store ord å fargelegge eller lese.",
        "Store ord å fargeleggje eller lese.",
        "Large words to colour or read.",
    ),
    "sign": (
        "Hilsen og underskrift nederst.",
        "Helsing og underskrift nedst.",
        "A greeting and signature at the foot.",
    ),
    "new_page": (
        "true: ny side her; once: det som følger kommer én gang, etter alle elevene (plakaten).",
        "true: ny side her; once: det som følgjer kjem éin gong, etter alle elevane (plakaten).",
        "true: a new page here; once: what follows comes once, after every pupil (the poster).",
    ),
    "span": (
        "Hvor mange spalter blokken går over.",
        "Kor mange spalter blokka går over.",
        "How many columns the block spans.",
    ),
    "label": (
        "Ledeteksten foran linja.",
        "Leieteksten framfor linja.",
        "The label before the line.",
    ),
    "value": (
        "Tekst som skrives på linja; {navn} gir elevens navn.",
        "Tekst som blir skriven på linja; {navn} gir namnet til eleven.",
        "Text printed on the line; {navn} gives the name.",
    ),
    "numbered": (
        "true nummererer linjene.",
        "true nummererer linjene.",
        "true numbers the lines.",
    ),
    "items": (
        "Punktene, ett per '- '.",
        "Punkta, eitt per '- '.",
        "The items, one per '- '.",
    ),
    "blank": (
        "Tomme avkrysningsbokser med en linje å skrive på.",
        "Tomme avkryssingsboksar med ei linje å skrive på.",
        "Empty tick boxes with a line to write on.",
    ),
    "from": (
        "Hent punktene fra en kortstokk (et innebygd navn eller en .yaml-fil).",
        "Hent punkta frå ein kortstokk (eit innebygd namn eller ei .yaml-fil).",
        "Take the items from a card deck.",
    ),
    "height": (
        "Høyden, med enhet (60mm, 6cm).",
        "Høgda, med eining (60mm, 6cm).",
        "The height, with a unit.",
    ),
    "body": (
        "Teksten i blokken.",
        "Teksten i blokka.",
        "The block's text.",
    ),
    "link": (
        "Lenken som blir QR-kode.",
        "Lenka som blir QR-kode.",
        "The link made into a QR code.",
    ),
    "caption": (
        "Teksten under QR-koden.",
        "Teksten under QR-koden.",
        "The text under the QR code.",
    ),
    "size": (
        "Størrelsen på QR-koden, med enhet (30mm).",
        "Storleiken på QR-koden, med eining (30mm).",
        "The QR code's size, with a unit.",
    ),
    "greeting": (
        "Hilsenen over navnet (Hilsen).",
        "Helsinga over namnet (Helsing).",
        "The greeting above the name.",
    ),
    "role": (
        "Rollen under navnet (kontaktlærer).",
        "Rolla under namnet (kontaktlærar).",
        "The role under the name.",
    ),
    "headers": (
        "Kolonneoverskriftene, én per '- '.",
        "Kolonneoverskriftene, éi per '- '.",
        "The column headings.",
    ),
    "rows": (
        "Antall tomme rader.",
        "Talet på tomme rader.",
        "How many empty rows.",
    ),
    "widths": (
        "Kolonnebreddene i forhold til hverandre, f.eks. [3, 2, 1].",
        "Kolonnebreiddene i høve til kvarandre, t.d. [3, 2, 1].",
        "The columns' relative widths.",
    ),
    "squares": (
        "Antall ruter på sporet.",
        "Talet på ruter på sporet.",
        "How many squares the track has.",
    ),
    "track": (
        "Sporets form: snake (slange) eller spiral.",
        "Forma på sporet: snake (slange) eller spiral.",
        "The track's shape.",
    ),
    "categories": (
        "Spørsmålskategoriene, hver med navn, farge og spørsmål.",
        "Spørsmålskategoriane, kvar med namn, farge og spørsmål.",
        "The question categories.",
    ),
    "specials": (
        "Ruter med en beskjed (at: rutenummer, text: beskjeden).",
        "Ruter med ei melding (at: rutenummer, text: meldinga).",
        "Squares with a message.",
    ),
    "at": (
        "Nummeret på ruta på sporet.",
        "Nummeret på ruta på sporet.",
        "The number of the square on the track.",
    ),
    "start": (
        "Teksten på startruta.",
        "Teksten på startruta.",
        "The text on the start square.",
    ),
    "finish": (
        "Teksten på målruta.",
        "Teksten på målruta.",
        "The text on the finish square.",
    ),
    "players": (
        "Antall spillere (2–6); så mange brikker.",
        "Talet på spelarar (2–6); så mange brikker.",
        "How many players; as many pawns.",
    ),
    "printables": (
        "true gir terning og brikker å klippe ut.",
        "true gir terning og brikker å klippe ut.",
        "true adds a die and pawns to cut out.",
    ),
}

BY_MODEL: dict[tuple[str, str], Words] = {
    ("Card", "title"): (
        "Overskriften på kortet.",
        "Overskrifta på kortet.",
        "The card's heading.",
    ),
    ("Card", "text"): (
        "Teksten på kortet.",
        "Teksten på kortet.",
        "The card's text.",
    ),
    ("Card", "count"): (
        "Hvor mange av dette kortet (1–200).",
        "Kor mange av dette kortet (1–200).",
        "How many copies of this card.",
    ),
    ("Card", "questions"): (
        "Spørsmål på kortet, ett per '- '.",
        "Spørsmål på kortet, eitt per '- '.",
        "Questions on the card.",
    ),
    ("Card", "image"): (
        "Et bilde på kortet, i mappen til denne fila.",
        "Eit bilete på kortet, i mappa til denne fila.",
        "A picture on the card.",
    ),
    ("Back", "title"): (
        "Overskriften på baksiden.",
        "Overskrifta på baksida.",
        "The back's heading.",
    ),
    ("Back", "text"): (
        "Teksten på baksiden.",
        "Teksten på baksida.",
        "The back's text.",
    ),
    ("Group", "name"): (
        "Gruppens navn, slik kortene nevner det i group.",
        "Namnet på gruppa, slik korta nemner det i group.",
        "The group's name, as cards name it.",
    ),
    ("Category", "name"): (
        "Kategoriens navn.",
        "Namnet på kategorien.",
        "The category's name.",
    ),
    ("Category", "questions"): (
        "Spørsmålene i kategorien, ett per '- '.",
        "Spørsmåla i kategorien, eitt per '- '.",
        "The category's questions.",
    ),
    ("Special", "text"): (
        "Beskjeden på ruta (Gå tilbake 3).",
        "Meldinga på ruta (Gå tilbake 3).",
        "The message on the square.",
    ),
    ("SignBlock", "name"): (
        "Navnet under hilsenen.",
        "Namnet under helsinga.",
        "The name under the greeting.",
    ),
    ("WordsBlock", "count"): (
        "Antall skrivelinjer når det ikke er punkter.",
        "Talet på skrivelinjer når det ikkje er punkt.",
        "Lines to write on when there are no items.",
    ),
    ("ChecklistBlock", "columns"): (
        "Hvor mange spalter punktene står i.",
        "Kor mange spalter punkta står i.",
        "How many columns the items stand in.",
    ),
    ("five-in-a-row", "questions"): (
        "Spørsmål til spillet, ett per '- '.",
        "Spørsmål til spelet, eitt per '- '.",
        "Questions for the game.",
    ),
    ("five-in-a-row", "color"): (
        "Fargen på brettet.",
        "Fargen på brettet.",
        "The board's colour.",
    ),
    ("BoxBlock", "title"): (
        "Overskriften på boksen.",
        "Overskrifta på boksen.",
        "The box's heading.",
    ),
}


def describe_key(key: str, model: str | None, language: str = "nb") -> str | None:
    """The words for `key` in `model` (a definition's name, or the kind for the file
    itself; None: any file), in `language`, followed by the English (for an English
    description, the English alone)."""
    words = BY_MODEL.get((model, key)) if model is not None else None
    words = words or KEYS.get(key)
    if words is None:
        return None
    own = words[LANGUAGES.index(language)] if language in LANGUAGES else words[0]
    return own if own == words[2] else f"{own} · {words[2]}"
