"""What a card of a deck may say: shared by every kind that prints card decks
(the cards kind, question cards of a game)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from smartprint.check.spec import PrintedText
from smartprint.check.validation import Model, Text
from smartprint.resolve.symbols import normalise_symbol

SymbolName = Annotated[Text, AfterValidator(normalise_symbol)]

MAX_CARDS = 2000


class Group(Model):
    name: PrintedText = Field(min_length=1, max_length=60)
    color: Text | None = None
    symbol: SymbolName | None = None


class Card(Model):
    title: PrintedText | None = Field(default=None, max_length=120)
    text: PrintedText | None = None
    questions: list[PrintedText] = Field(default_factory=list, max_length=12)
    group: PrintedText | None = None
    image: Text | None = Field(default=None, min_length=1)
    count: int = Field(default=1, ge=1, le=200)
    lines: int = Field(default=0, ge=0, le=40)
    drawing: bool | PrintedText = False


class Back(Model):
    title: PrintedText | None = None
    text: PrintedText | None = None
    qr: Text | None = Field(default=None, min_length=1)
    qr_label: PrintedText | None = None
    image: Text | None = Field(default=None, min_length=1)
    color: Text | None = None
    symbol: SymbolName | None = None  # drawn large in the back's colour: which pile a card belongs to
