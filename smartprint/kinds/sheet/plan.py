"""Planning a fill-in sheet: blocks on a grid of columns, page by page, as pure data.

Blocks fill rows left to right in the order written; a block that does not fit the
row's remaining columns starts the next row; `new_page` starts the next page. A row is
as tall as its tallest block. Space left on a page goes to the rows that hold a
drawing without a height or a `words` block (a drawing takes the rest of the page);
frames in a row are stretched to the row's height, boxes with more writing lines.
On a page short of room a table's rows close up (down to `table_row_min`); a page
whose blocks still need more room than it has is an error naming the first block
that does not fit — never an overlap, never text off the page. Page breaks in a row
make no empty page.

Nothing here draws: the result is a list of items per page (fitted text, rules,
frames, tick boxes, a QR matrix, a picture's place) that `paint.py` puts on a canvas.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from smartprint.kinds.sheet.blocks import block_types
from smartprint.kinds.sheet.page import (
    BlockError,
    BlockIn,
    Ctx,
    Item,
    Measured,
    PagePlan,
    SheetStyle,
    TextItem,
    lines_height,
)
from smartprint.resolve.placeholders import has_name
from smartprint.resolve.units import format_mm
from smartprint.text.bidi import is_rtl_language
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Origin, mixed
from smartprint.text.textfit import Box, Run, fit

# ---------------------------------------------------------------- pages


@dataclass(frozen=True)
class Area:
    x: float
    y: float
    w: float
    h: float


def describe_block(b: BlockIn) -> str:
    """How a message names a block: block 3 (box «Drømmene mine»)."""
    data = b.data
    title = getattr(data, "title", None) or getattr(data, "label", None)
    named = f" «{title[:40]}»" if isinstance(title, str) and title else ""
    return f"block {b.index + 1} ({b.type}{named})"


def shows_name(b: BlockIn) -> bool:
    """Whether a block prints the pupil's name (a Navn field, a text with {navn}): a page
    with one needs no name at its foot to stay with the pupil's other pages."""
    data = b.data
    own = block_types()[b.type].shows_name if b.type in block_types() else None
    if own is not None:
        return own(data)
    texts = [getattr(data, key, None) for key in ("label", "value", "title", "body", "caption")]
    texts += [*(getattr(data, "items", None) or []), *(getattr(data, "headers", None) or [])]
    return any(isinstance(t, str) and has_name(t) for t in texts)


def plan_sheet(
    blocks: Sequence[BlockIn],
    *,
    columns: int,
    area: Area,
    style: SheetStyle,
    fonts: Fonts,
    title: str | None,
    name: str | None,
    pupil: int | None,
    footer: str | None = None,
    name_origin: Origin | None = None,
    first_name: str | None = None,
    language: str,
) -> list[PagePlan]:
    """The pages of one sheet (for one pupil, or the one sheet without a class list);
    `name_origin` is where the pupil's name is written (a class list's line), `first_name`
    what {fornavn} prints (None: the name)."""
    ctx = Ctx(style, fonts, name, first_name, language)
    pages: list[list[BlockIn]] = [[]]
    for b in blocks:
        if b.type != "new_page":
            pages[-1].append(b)
        elif pages[-1]:  # a page break after a page break (or at the start) makes no empty page
            pages.append([])
    if len(pages) > 1 and not pages[-1]:
        pages.pop()
    gap = style.gap
    col_w = (area.w - (columns - 1) * gap) / columns
    rtl = is_rtl_language(language)
    out: list[PagePlan] = []
    for number, page_blocks in enumerate(pages, 1):
        page = PagePlan(pupil)
        top = area.y + area.h
        bottom = area.y
        if number == 1 and title:
            fitted = ctx.heading(title, area.w, ("title",), style.title, wrap=2)
            assert fitted is not None
            page.items.append(TextItem(Box(area.x, top, fitted), ("title",), style.color, ctx.named(title)))
            top -= fitted.height + gap * 1.2
        shown = any(shows_name(b) for b in page_blocks) or (number == 1 and bool(title) and has_name(title))
        if footer is not None and not shown:  # every page of a pupil's sheet carries the name somewhere
            size = max(style.min_size, 8.0)
            fitted = fit(
                [Run(footer, fonts.regular, max_lines=1, origin=("pupils",), language=language)],
                area.w * 0.6,
                size * 1.5,
                size,
                size,
                fonts.measure,
            ) or ctx.fit(
                footer,
                fonts.regular,
                w=area.w,
                h=lines_height(size, 2),
                size=size,
                loc=("pupils",),
                what="the name",
                max_lines=2,
            )
            # its lines' right end (set from the right edge of their box when they run right to left)
            width = max(line.x + fonts.measure(line.text, line.font, line.size) for line in fitted.lines)
            page.items.append(
                TextItem(
                    Box(area.x + area.w - width, bottom + fitted.height, fitted), ("pupils",), (0.35, 0.35, 0.35), True
                )
            )
            bottom += fitted.height + gap * 0.6
        rows: list[list[tuple[BlockIn, int]]] = []
        used = columns
        for b in page_blocks:
            if b.span > columns:
                raise BlockError(
                    ("blocks", b.index, b.type, "span"),
                    f"{describe_block(b)} spans {b.span} columns, but the sheet has {columns}; "
                    f"use span: {columns} or less, or set 'columns: {b.span}'",
                )
            if used + b.span > columns:
                rows.append([])
                used = 0
            rows[-1].append((b, used))
            used += b.span
        measured: list[list[tuple[BlockIn, int, Measured, float]]] = []
        for placed in rows:
            row_m = []
            for b, col in placed:
                w = b.span * col_w + (b.span - 1) * gap
                row_m.append((b, col, block_types()[b.type].plan(ctx, b, w), w))
            measured.append(row_m)
        heights = [max(m.height for _, _, m, _ in row) for row in measured]
        least = [max(m.smallest for _, _, m, _ in row) for row in measured]
        room = top - bottom
        over = sum(heights) + gap * (len(heights) - 1) - room
        slack = sum(heights) - sum(least)
        if over > 0 and slack > 0:  # a short page: rows that may shrink (a table's) give up room
            share = min(1.0, over / slack)
            heights = [h - (h - lo) * share for h, lo in zip(heights, least)]
        used_h = 0.0
        for k, row in enumerate(measured):
            used_h += heights[k] + (gap if k else 0.0)
            if used_h > room + 0.01:
                tallest = max(row, key=lambda r: r[2].smallest)[0]
                alone = heights[k] > room + 0.01
                where = "is taller than the page" if alone else f"does not fit on page {number}"
                raise BlockError(
                    ("blocks", tallest.index),
                    f"{describe_block(tallest)} {where}: the blocks up to it need "
                    f"{format_mm(used_h)}, the page has {format_mm(room)}; make blocks smaller "
                    "(fewer lines, a lower height)"
                    + ("" if alone else ", or start a new page before it with '- new_page: true'"),
                )
        flex_rows = [k for k, row in enumerate(measured) if any(m.flex for _, _, m, _ in row)]
        extra = room - used_h
        if flex_rows and extra > 0:
            for k in flex_rows:
                heights[k] += extra / len(flex_rows)
        y = top
        for k, row in enumerate(measured):
            on_line = max((m.height for _, _, m, _ in row if m.on_line), default=0.0)  # fields share a baseline
            for b, col, m, w in row:
                # a material written right to left fills its rows from the right
                x = area.x + ((columns - col - b.span) if rtl else col) * (col_w + gap)
                stretch = b.type in ("box", "drawing", "table") or m.flex
                page.items.extend(m.place(x, y, w, heights[k] if stretch else on_line if m.on_line else m.height))
            y -= heights[k] + gap
        letters = None if name is None else f"{name} {first_name or ''}"  # the class list's letters on the page
        page.items[:] = [_settled(item, letters, name_origin) for item in page.items]
        out.append(page)
    return out


def _settled(item: Item, name: str | None, name_origin: Origin | None) -> Item:
    """A text item whose lines carry where they come from: the block's field, and for
    a text that holds the pupil's name, the class list for the name's letters."""
    if not isinstance(item, TextItem):
        return item
    origin: Origin = item.origin
    if item.named and name is not None and name_origin is not None:
        origin = mixed((name, name_origin), ("", item.origin))
    fitted = item.box.fitted
    return replace(item, box=Box(item.box.left, item.box.top, fitted.placed((origin,) * len(fitted.origins))))
