"""The `image` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import Field

from smartprint.check.spec import PrintedText
from smartprint.check.validation import Length, Text
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockIn,
    Ctx,
    ImageItem,
    Item,
    Measured,
    heading_items,
)
from smartprint.load.source import Path_, Source
from smartprint.parts.geometry import Rect
from smartprint.resolve.units import MM


class ImageBlock(Placed):
    key_words: ClassVar[Words] = Words("bilde", "bilete")

    file: Annotated[Text, Words("fil")] = Field(min_length=1)
    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = Field(default=None, max_length=200)
    height: Annotated[Length, Words("høyde", "hogde")] = Field(default=60 * MM, ge=15 * MM, le=400 * MM)


def _image(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s = ctx.s
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",))
    title_h = title.height + s.body * 0.5 if title else 0.0
    height = title_h + data.height

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = heading_items(ctx, title, x, top, b.loc + ("title",), data.title)
        pic = b.found
        box = Rect(x, top - title_h - data.height, width, data.height)
        scale = min(box.w / pic.width, box.h / pic.height)
        pw, ph = pic.width * scale, pic.height * scale
        items.append(ImageItem(pic, Rect(box.x + (box.w - pw) / 2, box.y + (box.h - ph) / 2, pw, ph)))
        return items

    return Measured(height, False, place)


def _picture(data: Any, loc: Path_, short: bool, src: Source, allow: tuple[Path, ...]) -> Any:
    """The picture, read and checked whole now (a damaged file is told before planning)."""
    from smartprint.resolve.assets import load_picture

    return load_picture(src, loc if short else loc + ("file",), data.file, allow)


BLOCK = BlockType(
    name="image",
    model=ImageBlock,
    short=Text,
    main_key="file",
    empty="the picture's file name",
    full_width=False,
    plan=_image,
    find=_picture,
)
