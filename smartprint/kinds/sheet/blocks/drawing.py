"""The `drawing` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from smartprint.check.spec import PrintedText
from smartprint.check.validation import Length
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockIn,
    Ctx,
    FrameItem,
    Item,
    Measured,
    heading_items,
)
from smartprint.parts.geometry import Rect
from smartprint.resolve.units import MM


class DrawingBlock(Placed):
    key_words: ClassVar[Words] = Words("tegning", "teikning")

    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = Field(default=None, max_length=200)
    # default: the room left on the page
    height: Annotated[Length | None, Words("høyde", "hogde")] = Field(default=None, ge=20 * MM, le=400 * MM)


def _drawing(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s = ctx.s
    data = b.data
    title = ctx.heading(data.title, w - 2 * s.pad, b.loc + ("title",))
    title_h = title.height + s.pad * 0.5 if title else 0.0
    flex = data.height is None
    height = (data.height if data.height is not None else s.drawing_min) + title_h

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = [FrameItem(Rect(x, top - h, width, h), s.frame_grey)]
        items += heading_items(ctx, title, x + s.pad, top - s.pad, b.loc + ("title",), data.title)
        return items

    return Measured(height, flex, place)


BLOCK = BlockType(
    name="drawing",
    model=DrawingBlock,
    short=Literal[True] | PrintedText,
    main_key="title",
    empty="its title",
    full_width=False,
    plan=_drawing,
)
