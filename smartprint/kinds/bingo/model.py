"""What a bingo file (`kind: bingo`) may say."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from smartprint.check.spec import Common, PrintedItem, PrintedText
from smartprint.check.validation import Text
from smartprint.check.words import Words
from smartprint.resolve.layout import PageKeys
from smartprint.resolve.pupils import Pupils

MAX_SHEETS = 20_000
MAX_PROMPTS = 2_000


class BingoSpec(Common):
    kind: Literal["bingo"]
    prompts: Annotated[list[PrintedItem], Words("ruter", "utsagn", "påstander")] = Field(
        min_length=1, max_length=MAX_PROMPTS
    )
    grid: Annotated[int, Words("rutenett")] = Field(default=5, ge=3, le=7)
    free: Annotated[
        PrintedText | None,
        Words(
            "midten",
            "fri",
            hint="'free' is the text printed on the free centre square (odd grids only), "
            "such as 'free: FRI'; leave 'free' out for no free square",
        ),
    ] = None
    sheets: Annotated[int, Words("brett", "ark")] = Field(default=1, ge=1, le=MAX_SHEETS)
    names: Annotated[
        bool,
        Words(
            "navn",
            "namn",
            hint="true gives every square a line to write the name of a classmate or colleague who fits it; "
            "a class list (one sheet per pupil, the name printed) goes under 'pupils:'",
        ),
    ] = False
    mode: Annotated[Literal["people", "called"], Words("modus")] = "people"
    instructions: Annotated[PrintedText | None, Words("regler", "reglar", "instruksjoner")] = None
    footer: Annotated[PrintedText | None, Words("bunntekst")] = None
    per_page: Annotated[Literal[1, 2, 4] | None, Words("ruter_per_side")] = None
    color: Annotated[Text | None, Words("farge", "farga")] = None
    leader: Annotated[bool, Words("leder")] = True
    pupils: Pupils = None  # a class list: one sheet per pupil, the name printed on it


class BingoLayout(PageKeys):
    """A bingo layout: the page part, and how many sheets share a page."""

    per_page: Annotated[Literal[1, 2, 4], Words("ruter_per_side")] = 1
