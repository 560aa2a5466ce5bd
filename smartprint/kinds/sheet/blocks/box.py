"""The `box` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from smartprint.check.spec import PrintedText
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockIn,
    Ctx,
    FrameItem,
    Item,
    Measured,
    RuleItem,
    TextItem,
    heading_items,
    mirrored,
    one_line,
)
from smartprint.parts.geometry import Rect
from smartprint.text.textfit import Box


class BoxBlock(Placed):
    key_words: ClassVar[Words] = Words("boks")

    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = Field(default=None, max_length=200)
    lines: Annotated[int, Words("linjer")] = Field(default=4, ge=0, le=40)
    numbered: bool = False  # 1., 2., 3. before the lines ("my five properties")


def _box(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    inner = w - 2 * s.pad
    title = ctx.heading(data.title, inner, b.loc + ("title",))
    title_h = title.height + s.pad * 0.5 if title else 0.0
    number_w = f.measure(f"{max(data.lines, 1)}.", f.regular, s.body) + s.body * 0.5 if data.numbered else 0.0
    below = max(s.pad, s.line * 0.45)  # under the last line: room for the letters' tails
    height = s.pad + title_h + data.lines * s.line + below

    rtl = ctx.rtl(data.title)  # right to left: the numbers at the right end of their lines

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = [FrameItem(Rect(x, top - h, width, h), s.frame_grey)]
        items += heading_items(ctx, title, x + s.pad, top - s.pad, b.loc + ("title",), data.title)
        first = top - s.pad - title_h
        count = max(data.lines, int((first - (top - h + below)) / s.line + 1e-6)) if data.lines else 0
        for k in range(1, count + 1):
            y = first - k * s.line
            rule_left = mirrored(rtl, x, width, x + s.pad + number_w, width - 2 * s.pad - number_w)
            items.append(RuleItem(rule_left, rule_left + width - 2 * s.pad - number_w, y, s.rule_grey))
            if data.numbered and k <= data.lines:
                label = f"{k}."
                fitted = one_line(label, f.regular, s.body, b.loc + ("numbered",))
                left = mirrored(rtl, x, width, x + s.pad, f.measure(label, f.regular, s.body))
                items.append(TextItem(Box(left, y + s.body * 0.95 + 2, fitted), b.loc + ("numbered",)))
        return items

    return Measured(height, False, place)


BLOCK = BlockType(
    name="box",
    model=BoxBlock,
    short=PrintedText,
    main_key="title",
    empty="its title",
    full_width=False,
    plan=_box,
)
