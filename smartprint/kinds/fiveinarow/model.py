"""What a five-in-a-row file (`kind: five-in-a-row`) may say, and its layout keys."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from smartprint.check.spec import Common, PrintedItem, PrintedText
from smartprint.check.validation import Text
from smartprint.check.words import Words
from smartprint.resolve.layout import PageKeys

MAX_BOARDS = 500


class FiveInARowSpec(Common):
    kind: Literal["five-in-a-row"]
    entries: Annotated[list[PrintedItem], Words(item="entry")] = Field(min_length=1, max_length=400)
    grid: Annotated[int, Words("rutenett")] = Field(default=7, ge=5, le=10)
    boards: Annotated[int, Words("brett")] = Field(default=1, ge=1, le=MAX_BOARDS)
    rules: Annotated[PrintedText | None, Words("regler", "reglar")] = None
    questions: Annotated[list[PrintedItem], Words("spørsmål", "sporsmal", "spørsmåla")] = Field(
        default_factory=list, max_length=200
    )
    blank_cards: int = Field(default=3, ge=0, le=60)
    color: Annotated[Text | None, Words("farge", "farga")] = None  # the board's colour (red for 17. mai)
    markers: bool = True


class FiveInARowLayout(PageKeys):
    """The board's page (A4 or A3, landscape by default in the built-in layouts)."""
