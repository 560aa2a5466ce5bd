"""The `words` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from smartprint.check.spec import PrintedItem, PrintedText
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockIn,
    Ctx,
    Item,
    Measured,
    RuleItem,
    TextItem,
    mirrored,
    one_line,
)
from smartprint.text.textfit import Box, Fitted, Run, fit


class WordsBlock(Placed):
    """A few words printed as large as they fit (a poster's three words), or as many
    large numbered lines to write them on with a marker."""

    key_words: ClassVar[Words] = Words("ord")

    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = Field(default=None, max_length=200)
    items: Annotated[list[PrintedItem], Words("punkter")] = Field(default_factory=list, max_length=10)
    count: Annotated[int, Words("antall", "tal")] = Field(default=3, ge=1, le=10)  # lines to write on without items


def _words(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    # a poster's heading, read across a classroom: up to three lines before it is made smaller
    title = ctx.heading(
        data.title, w, b.loc + ("title",), max(s.title, s.body * s.heading, s.poster_title), "center", 3
    )
    title_h = title.height + s.body if title else 0.0
    items_raw = [ctx.text(t) for t in data.items]
    n = len(items_raw) or data.count
    height = title_h + n * s.band_min

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        out: list[Item] = []
        if title is not None:
            out.append(TextItem(Box(x, top, title), b.loc + ("title",), s.color, ctx.named(data.title)))
        band = (h - title_h) / n
        y0 = top - title_h
        if not items_raw:  # numbered lines to write on; right to left, the numbers on the right
            rtl = ctx.rtl(data.title)
            number_size = max(s.min_size, min(band * 0.35, 40.0))
            for k in range(n):
                base = y0 - (k + 1) * band + band * 0.2
                label = f"{k + 1}."
                fitted = one_line(label, f.bold, number_size, b.loc + ("count",))
                left = mirrored(rtl, x, width, x, f.measure(label, f.bold, number_size))
                out.append(TextItem(Box(left, base + number_size * 0.95, fitted), b.loc + ("count",), s.color))
                room = f.measure("10.", f.bold, number_size) + number_size * 0.4
                out.append(RuleItem(x if rtl else x + room, x + width - (room if rtl else 0.0), base, s.rule_grey, 1.2))
            return out
        biggest = max(s.min_size, min(s.words_max, band * 0.62))
        fitted_all: list[Fitted] = []
        for k, text in enumerate(items_raw):
            fitted_all.append(
                ctx.fit(
                    text,
                    f.bold,
                    w=width,
                    h=band * 0.92,
                    size=biggest,
                    loc=b.loc + ("items", k),
                    what=f"«{text[:40]}»",
                    align="center",
                    max_lines=2,
                    leading=1.05,
                )
            )
        common = min(x_.size for x_ in fitted_all)
        for k, text in enumerate(items_raw):
            fitted_k = fit(
                [Run(text, f.bold, align="center", max_lines=2, origin=b.loc + ("items", k), language=ctx.language)],
                width,
                band * 0.92,
                common,
                common,
                f.measure,
                1.05,
            )
            assert fitted_k is not None
            band_top = y0 - k * band
            out.append(
                TextItem(
                    Box(x, band_top - (band - fitted_k.height) / 2, fitted_k),
                    b.loc + ("items", k),
                    s.ink,
                    ctx.named(data.items[k]),
                )
            )
        return out

    return Measured(height, True, place)


BLOCK = BlockType(
    name="words",
    model=WordsBlock,
    short=None,
    main_key=None,
    empty="its keys",
    full_width=True,
    plan=_words,
)
