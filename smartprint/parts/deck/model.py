"""What a card of a deck may say: shared by every kind that prints card decks
(the cards kind, question cards of a game)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from smartprint.check.spec import PrintedItem, PrintedText
from smartprint.check.validation import Model, Text
from smartprint.check.words import Words
from smartprint.resolve.symbols import normalise_symbol

SymbolName = Annotated[Text, AfterValidator(normalise_symbol)]
# A category's symbol is checked with its colour when the styles are made
# (parts/categories.py), so a wrong symbol and a card naming no group are told together.
CategorySymbol = Text

MAX_CARDS = 2000


class Group(Model):
    name: Annotated[PrintedText, Words("navn", "namn")] = Field(min_length=1, max_length=60)
    color: Annotated[Text | None, Words("farge", "farga")] = None
    symbol: CategorySymbol | None = None


class Card(Model):
    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = Field(default=None, max_length=120)
    text: Annotated[PrintedText | None, Words("tekst")] = None
    questions: Annotated[list[PrintedItem], Words("spørsmål", "sporsmal", "spørsmåla")] = Field(
        default_factory=list, max_length=12
    )
    group: Annotated[PrintedText | None, Words("gruppe", "gruppa", "kategori")] = None
    image: Annotated[Text | None, Words("bilde", "bilete")] = Field(default=None, min_length=1)
    count: Annotated[int, Words("antall", "tal")] = Field(default=1, ge=1, le=200)
    lines: Annotated[int, Words("linjer")] = Field(default=0, ge=0, le=40)
    drawing: Annotated[bool | PrintedText, Words("tegning", "teikning")] = False


class Back(Model):
    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = None
    text: Annotated[PrintedText | None, Words("tekst")] = None
    qr: Annotated[Text | None, Words("lenke", "kobling")] = Field(default=None, min_length=1)
    qr_label: PrintedText | None = None
    image: Annotated[Text | None, Words("bilde", "bilete")] = Field(default=None, min_length=1)
    color: Annotated[Text | None, Words("farge", "farga")] = None
    symbol: SymbolName | None = None  # drawn large in the back's colour: which pile a card belongs to
