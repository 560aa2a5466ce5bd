"""What a bingo file (`kind: bingo`) may say."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from smartprint.check.spec import Common, PrintedText
from smartprint.check.validation import Text
from smartprint.resolve.layout import PageKeys
from smartprint.resolve.pupils import PupilsValue, pupils_field

MAX_SHEETS = 20_000
MAX_PROMPTS = 2_000


class BingoSpec(Common):
    kind: Literal["bingo"]
    prompts: list[PrintedText] = Field(min_length=1, max_length=MAX_PROMPTS)
    grid: int = Field(default=5, ge=3, le=7)
    free: PrintedText | None = None
    sheets: int = Field(default=1, ge=1, le=MAX_SHEETS)
    names: bool = Field(
        default=False,
        json_schema_extra={
            "hint": "true gives every square a line to write the name of a classmate or colleague who fits it; "
            "a class list (one sheet per pupil, the name printed) goes under 'pupils:'"
        },
    )
    mode: Literal["people", "called"] = "people"
    instructions: PrintedText | None = None
    footer: PrintedText | None = None
    per_page: Literal[1, 2, 4] | None = None
    color: Text | None = None
    leader: bool = True
    pupils: PupilsValue | None = pupils_field()  # a class list: one sheet per pupil, the name printed on it


class BingoLayout(PageKeys):
    """A bingo layout: the page part, and how many sheets share a page."""

    per_page: Literal[1, 2, 4] = 1
