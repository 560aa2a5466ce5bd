"""The `table` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from smartprint.check.spec import PrintedItem, PrintedText
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockError,
    BlockIn,
    Ctx,
    FrameItem,
    Item,
    Measured,
    RuleItem,
    TextItem,
    VRule,
    heading_items,
    mirrored,
)
from smartprint.parts.geometry import Rect
from smartprint.text.textfit import Box, Fitted


class TableBlock(Placed):
    key_words: ClassVar[Words] = Words("tabell")

    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = Field(default=None, max_length=200)
    headers: Annotated[list[PrintedItem], Words("overskrifter")] = Field(min_length=1, max_length=8)
    rows: Annotated[int, Words("rader", "rekker")] = Field(default=8, ge=1, le=60)
    widths: list[int] | None = Field(default=None, min_length=1, max_length=8)  # relative: [3, 2, 1]


def _table(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",))
    title_h = title.height + s.body * 0.5 if title else 0.0
    n = len(data.headers)
    shares = [float(x) for x in data.widths] if data.widths else [2.0] + [1.0] * (n - 1)
    if len(shares) != n or min(shares) <= 0:
        raise BlockError(
            b.loc + ("widths",),
            f"'widths' needs one whole number above 0 for each of the "
            f"{n} headers, e.g. [{', '.join(['2'] + ['1'] * (n - 1))}]",
        )
    widths = [w * share / sum(shares) for share in shares]
    head_room = s.body * 2.5  # two lines at the body size, at most
    heads: list[Fitted] = []
    for k, (text, cw) in enumerate(zip(data.headers, widths)):
        heads.append(
            ctx.fit(
                ctx.text(text),
                f.bold,
                w=cw - 2 * s.body * 0.4,
                h=head_room,
                size=s.body,
                loc=b.loc + ("headers", k),
                what=f"the heading «{text[:30]}»",
                max_lines=2,
            )
        )
    head_h = max(x.height for x in heads) + s.body * 0.8  # as tall as its tallest heading needs
    row_h = s.line
    height = title_h + head_h + data.rows * row_h
    least = title_h + head_h + data.rows * min(row_h, s.table_row_min)

    rtl = ctx.rtl(data.title, *data.headers)  # right to left: the first column on the right

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = heading_items(ctx, title, x, top, b.loc + ("title",), data.title)
        t = top - title_h
        room = h - title_h - head_h
        if room < data.rows * s.line - 1e-6:  # a short page: the rows closer together
            rows, row_h = data.rows, room / data.rows
        else:  # a tall row: more rows at the line spacing
            rows, row_h = max(data.rows, int(room / s.line + 1e-6)), s.line
        bottom = t - head_h - rows * row_h
        items.append(FrameItem(Rect(x, bottom, width, t - bottom), s.frame_grey, 1.0, 0.0))
        start = x
        for k, (fitted, cw) in enumerate(zip(heads, widths)):
            cx = mirrored(rtl, x, width, start, cw)
            items.append(
                TextItem(
                    Box(cx + s.body * 0.4, t - (head_h - fitted.height) / 2, fitted),
                    b.loc + ("headers", k),
                    s.ink,
                    ctx.named(data.headers[k]),
                )
            )
            if k:  # between this column and the one before it
                items.append(VRule(cx + cw if rtl else cx, bottom, t, s.frame_grey, 0.8))
            start += cw
        items.append(RuleItem(x, x + width, t - head_h, s.frame_grey, 1.0))
        for r in range(1, rows):
            items.append(RuleItem(x, x + width, t - head_h - r * row_h, s.rule_grey, 0.5))
        return items

    return Measured(height, False, place, least)


BLOCK = BlockType(
    name="table",
    model=TableBlock,
    short=None,
    main_key=None,
    empty="its keys",
    full_width=True,
    plan=_table,
)
