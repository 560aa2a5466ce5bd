"""The `text` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from smartprint.check.spec import PrintedText
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockError,
    BlockIn,
    Ctx,
    Item,
    Measured,
    TextItem,
    heading_items,
)
from smartprint.text.textfit import Box, Run, fit


class TextBlock(Placed):
    required_text: ClassVar[tuple[str, ...]] = ("body",)
    key_words: ClassVar[Words] = Words("tekst")

    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = Field(default=None, max_length=200)
    body: PrintedText = Field(min_length=1)


def _text(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",))
    title_h = title.height + s.body * 0.5 if title else 0.0
    body = fit(
        [Run(ctx.text(data.body), f.regular, origin=b.loc + ("body",), language=ctx.language)],
        w,
        1e6,
        max(s.body, s.min_size),
        max(s.body, s.min_size),
        f.measure,
        s.leading,
    )
    if body is None:
        raise BlockError(b.loc + ("body",), "the text has a number too wide for the block; give it more columns")
    height = title_h + body.height

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = heading_items(ctx, title, x, top, b.loc + ("title",), data.title)
        items.append(TextItem(Box(x, top - title_h, body), b.loc + ("body",), s.ink, ctx.named(data.body)))
        return items

    return Measured(height, False, place)


BLOCK = BlockType(
    name="text",
    model=TextBlock,
    short=PrintedText,
    main_key="body",
    empty="the text",
    full_width=True,
    plan=_text,
)
