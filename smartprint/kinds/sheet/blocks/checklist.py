"""The `checklist` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import Field, create_model

from smartprint.check.spec import PrintedItem, PrintedText
from smartprint.check.validation import Text
from smartprint.check.words import Words
from smartprint.errors import UserError
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockError,
    BlockIn,
    Ctx,
    Entry,
    Item,
    Measured,
    RuleItem,
    TextItem,
    TickItem,
    heading_items,
    mirrored,
)
from smartprint.load.source import Path_, Source
from smartprint.parts.geometry import Rect
from smartprint.resolve.units import MM
from smartprint.text.textfit import Box, Fitted, Run, fit


class _Checklist(Placed):
    key_words: ClassVar[Words] = Words("sjekkliste", "avkrysning")

    title: Annotated[PrintedText | None, Words("tittel", "overskrift")] = Field(default=None, max_length=200)
    items: Annotated[list[PrintedItem], Words("punkter")] = Field(default_factory=list, max_length=200)
    blank: int = Field(default=0, ge=0, le=20)  # tick boxes with a line to write one more on
    columns: Annotated[int | None, Words("kolonner")] = Field(default=None, ge=1, le=6)


# `from:` (a card deck whose card titles are the items) is a Python keyword, so the key
# is added by name: read it with `deck_of(block)`.
if TYPE_CHECKING:
    ChecklistBlock = _Checklist
else:
    ChecklistBlock = create_model(
        "ChecklistBlock",
        __base__=_Checklist,
        **{"from": (Annotated[Text | None, Words("fra")], Field(default=None, min_length=1))},
    )


def deck_of(block: _Checklist) -> str | None:
    value = getattr(block, "from", None)
    return value if isinstance(value, str) else None


def _checklist(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",))
    title_h = title.height + s.body * 0.6 if title else 0.0
    cols = data.columns or max(1, min(4, int(w // (52 * MM))))
    col_gap = s.body * 1.2
    cw = (w - (cols - 1) * col_gap) / cols
    tick = max(s.tick, s.body * 1.0)
    text_w = cw - tick - s.body * 0.6
    if text_w < s.body * 3:
        raise BlockError(
            b.loc + ("columns",) if data.columns else b.loc,
            f"{cols} columns leave no room for the items; use fewer columns or a wider block",
        )
    entries = list(b.found)
    texts = [None if e.text is None else ctx.text(e.text) if e.own else e.text for e in entries]
    box_h = s.body * 3.0  # two lines at the body size
    fitted: list[Fitted | None] = []
    for e, text in zip(entries, texts):
        if text is None:
            fitted.append(None)
            continue
        fitted.append(
            ctx.fit(
                text,
                f.regular,
                w=text_w,
                h=box_h,
                size=s.body,
                loc=entry_loc(b, e),
                what=f"the item «{text[:40]}»",
                max_lines=2,
            )
        )
    sizes = [x.size for x in fitted if x is not None]
    common = min(sizes) if sizes else s.body
    fitted = [
        fit(
            [Run(text, f.regular, max_lines=2, origin=entry_loc(b, e), language=ctx.language)],
            text_w,
            box_h,
            common,
            common,
            f.measure,
        )
        if text is not None
        else None
        for text, e in zip(texts, entries)
    ]
    row_h = max([tick] + [x.height for x in fitted if x is not None])
    row_step = row_h + s.body * 0.55
    rows = -(-len(entries) // cols)
    height = title_h + rows * row_step

    # right to left: the columns fill from the right, each tick box to the right of its item
    rtl = ctx.rtl(data.title, *(t for t in texts if t is not None))

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = heading_items(ctx, title, x, top, b.loc + ("title",), data.title)
        y0 = top - title_h
        for k, (e, fit_k) in enumerate(zip(entries, fitted)):
            col, row = divmod(k, rows)  # down the columns, as a list is read
            cx = mirrored(rtl, x, width, x + col * (cw + col_gap), cw)
            cy = y0 - row * row_step
            items.append(TickItem(Rect(mirrored(rtl, cx, cw, cx, tick), cy - tick, tick, tick)))
            tx = mirrored(rtl, cx, cw, cx + tick + s.body * 0.6, text_w)
            if fit_k is None:
                items.append(RuleItem(tx, tx + text_w, cy - row_h + 1, s.rule_grey))
            else:
                shift = max(0.0, (tick - fit_k.lines[0].size * 1.2) / 2) if len(fit_k.lines) == 1 else 0.0
                items.append(TextItem(Box(tx, cy - shift, fit_k), e.origin, s.ink, e.own and ctx.named(e.text)))
        return items

    return Measured(height, False, place)


def entry_loc(b: BlockIn, e: Entry) -> Path_:
    """Where a message about an entry points: the item, or the block's `from` for a deck's card."""
    return e.origin if isinstance(e.origin, tuple) else b.loc + ("from",)


def _entries(data: Any, loc: Path_, short: bool, src: Source, allow: tuple[Path, ...]) -> tuple[Entry, ...]:
    """The items: a deck's card titles (`from:`), the written ones, then blanks to fill in."""
    entries: list[Entry] = []
    deck = deck_of(data)
    if deck is not None:
        from smartprint.parts.decktitles import card_titles

        for title in card_titles(src, loc + ("from",), deck, allow):
            entries.append(Entry(title.text, title.deck.where(title.loc)))
    entries += [Entry(text, loc + ("items", k), own=True) for k, text in enumerate(data.items)]
    entries += [Entry(None, loc + ("blank",)) for _ in range(data.blank)]
    if not entries:
        raise UserError(
            src.problem(
                loc, "the checklist has no items; write 'items:', or take them from a card deck with 'from: styrkekort'"
            )
        )
    return tuple(entries)


BLOCK = BlockType(
    name="checklist",
    model=ChecklistBlock,
    short=None,
    main_key=None,
    empty="its keys",
    full_width=True,
    plan=_checklist,
    find=_entries,
)
