"""The block types of a fill-in sheet, one module each, found through one registry.

A block type is one module in this folder (or anywhere importable) with a `BLOCK`: its
model (the keys it takes), the form of its short form (`- box: Drømmene mine`), how it
is measured and placed on a page, and what it must find before planning (a picture, a
QR matrix, a deck's card titles). Its strings reach the page as the page's text items,
drawn and checked by the text primitive like every other string. Adding a block type is
its module and one line in `BLOCKS`; the sheet's model, the short forms, the messages
and the planner are built from these declarations.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import Field, model_validator

from smartprint.check.validation import Model
from smartprint.check.words import Words
from smartprint.kinds.sheet.page import BlockIn, Ctx, Measured
from smartprint.load.source import Path_, Source

MAX_COLUMNS = 4

# name (the key in the file) -> the module that holds its BLOCK; the order is the one
# messages list them in
BLOCKS: dict[str, str] = {
    "field": "smartprint.kinds.sheet.blocks.field",
    "box": "smartprint.kinds.sheet.blocks.box",
    "drawing": "smartprint.kinds.sheet.blocks.drawing",
    "checklist": "smartprint.kinds.sheet.blocks.checklist",
    "text": "smartprint.kinds.sheet.blocks.text",
    "qr": "smartprint.kinds.sheet.blocks.qr",
    "image": "smartprint.kinds.sheet.blocks.image",
    "words": "smartprint.kinds.sheet.blocks.words",
    "table": "smartprint.kinds.sheet.blocks.table",
    "sign": "smartprint.kinds.sheet.blocks.sign",
}

Planner = Callable[[Ctx, BlockIn, float], Measured]  # (context, block, width) -> its height and placing
# (the block's model, its place, whether written in short form, the file, folders allowed) -> what it found
Finder = Callable[[Any, Path_, bool, Source, tuple[Path, ...]], Any]


class Placed(Model):
    """What every block's own keys share: how many of the sheet's columns it spans."""

    span: Annotated[int | None, Words("spenn")] = Field(default=None, ge=1, le=MAX_COLUMNS)

    required_text: ClassVar[tuple[str, ...]] = ()  # keys whose text must hold more than spaces
    key_words: ClassVar[Words] = Words()  # the Norwegian words for the block's own key (`boks:` for `box:`)

    @model_validator(mode="before")
    @classmethod
    def _spaces_are_empty(cls, data: Any) -> Any:
        """A required text of spaces only (`label: '  '`) is empty, said as for `label: ''`."""
        if isinstance(data, dict):
            for key in cls.required_text:
                value = data.get(key)
                if isinstance(value, str) and value and not value.strip():
                    data = {**data, key: ""}
        return data


@dataclass(frozen=True)
class BlockType:
    name: str
    model: type[Placed]
    short: Any  # the type the short form takes (`- box: Drømmene mine`), or None: keys only
    main_key: str | None  # the key the short form fills
    empty: str  # what to write after the key when it is empty: "its label"
    full_width: bool  # takes every column unless it says `span:`
    plan: Planner
    find: Finder | None = None  # what to read or make before planning
    shows_name: Callable[[Any], bool] | None = None  # None: any of its texts holds {navn}

    def normalised(self, value: Any) -> Placed:
        """The block's model from what the file wrote: the mapping, a short form's text, or `true`."""
        if isinstance(value, Placed):
            return value
        if value is True:
            return self.model()
        assert self.main_key is not None and isinstance(value, str)
        return self.model.model_validate({self.main_key: value})


_loaded: dict[tuple[tuple[str, str], ...], dict[str, BlockType]] = {}


def block_types() -> dict[str, BlockType]:
    """Every registered block type by name, loaded once per registry."""
    key = tuple(BLOCKS.items())
    types = _loaded.get(key)
    if types is None:
        types = {}
        for name, module in BLOCKS.items():
            block = importlib.import_module(module).BLOCK
            assert isinstance(block, BlockType) and block.name == name, module
            types[name] = block
        _loaded[key] = types
    return types
