"""What a board-game file (`kind: board-game`) may say, and its layout keys."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from smartprint.check.languages import LANGUAGES
from smartprint.check.spec import Common, PrintedItem, PrintedText
from smartprint.check.validation import Length, Model, Text
from smartprint.check.words import Words
from smartprint.parts.deck.model import CategorySymbol
from smartprint.resolve.layout import PageKeys
from smartprint.resolve.units import MM

MIN_SQUARES, MAX_SQUARES = 20, 80
MAX_CATEGORIES = 8  # one symbol each, so they stay apart in black and white


class Category(Model):
    name: Annotated[PrintedText, Words("navn", "namn")] = Field(min_length=1, max_length=40)
    color: Annotated[Text | None, Words("farge", "farga")] = None
    symbol: CategorySymbol | None = None
    questions: Annotated[list[PrintedItem], Words("spørsmål", "sporsmal", "spørsmåla")] = Field(
        default_factory=list, max_length=300
    )


class Special(Model):
    at: Annotated[int, Words(hint="the number of the square on the track")] = Field(ge=1, le=MAX_SQUARES)
    text: Annotated[PrintedText, Words("tekst")] = Field(min_length=1, max_length=200)


class BoardGameSpec(Common):
    kind: Literal["board-game"]
    languages: ClassVar[tuple[str, ...]] = tuple(LANGUAGES)  # it goes home to families
    squares: int = Field(default=40, ge=MIN_SQUARES, le=MAX_SQUARES)
    track: Literal["snake", "spiral"] = "snake"  # lanes back and forth, or round and in to the middle
    categories: Annotated[list[Category], Words("kategorier", item="category")] = Field(
        min_length=1, max_length=MAX_CATEGORIES
    )
    specials: Annotated[list[Special], Words("spesielle", item="special square")] = Field(
        default_factory=list, max_length=MAX_SQUARES
    )
    start: PrintedText | None = Field(default=None, min_length=1, max_length=30)
    finish: PrintedText | None = Field(default=None, min_length=1, max_length=30)
    rules: Annotated[PrintedText | None, Words("regler", "reglar")] = Field(default=None, min_length=1)
    players: int = Field(default=4, ge=2, le=6)
    blank_cards: int = Field(default=2, ge=0, le=30)  # per category, to write own questions on
    printables: bool = True  # the die net and the pawns to fold


class BoardGameLayout(PageKeys):
    """The A4 page the rules, cards and printables use, plus the board's own paper:
    printed whole (`tiles: false`, on an A3 printer) or split over pages of the A4
    paper with an overlap to glue (`tiles: true`)."""

    board_paper: Text = "A3"
    board_orientation: Literal["portrait", "landscape"] = "landscape"
    tiles: bool = False
    overlap: Length = Field(default=15 * MM, ge=8 * MM, le=40 * MM)
