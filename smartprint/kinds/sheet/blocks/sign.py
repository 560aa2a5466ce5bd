"""The `sign` block of a fill-in sheet: the end of a letter home. A greeting, room to
sign, a line to sign on, and under it who signs:

    - sign: {name: Kari Lærer, role: kontaktlærer i 1A}

Without a name the line is there to sign on, with the role under it; `greeting`
defaults to the file's language ("Vennlig hilsen", "Venleg helsing", "Kind regards")."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from smartprint.check.spec import PrintedText
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import BlockIn, Ctx, Item, Measured, RuleItem, TextItem, lines_height, mirrored
from smartprint.kinds.sheet.words import words
from smartprint.load.source import Path_
from smartprint.resolve.units import MM
from smartprint.text.origin import Label, Origin
from smartprint.text.textfit import Box, Fitted

LINE_MAX = 75 * MM  # a line to sign on, at most (a column is wider on A3)


class SignBlock(Placed):
    key_words: ClassVar[Words] = Words("underskrift", "signatur", "hilsen", "helsing")

    greeting: Annotated[PrintedText | None, Words("hilsen", "helsing")] = Field(default=None, max_length=80)
    name: Annotated[PrintedText | None, Words("navn", "namn")] = Field(default=None, max_length=80)
    role: Annotated[PrintedText | None, Words("rolle")] = Field(default=None, max_length=120)


def _sign(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    greeting_raw = data.greeting if data.greeting is not None else words(ctx.language)["greeting"]
    # the item's origin is its lines' (the plan settles them): smartprint's own word, or the file's
    greeting_at: Origin = b.loc + ("greeting",) if data.greeting is not None else Label("greeting", ctx.language)

    def text(raw: str | None, loc: Path_, what: str) -> Fitted | None:
        if raw is None or not raw.strip():
            return None
        size = s.body
        return ctx.fit(
            ctx.text(raw), f.regular, w=w, h=lines_height(size, 2), size=size, loc=loc, what=what, max_lines=2
        )

    greeting = text(greeting_raw, b.loc + ("greeting",), "the greeting")
    under = [text(data.name, b.loc + ("name",), "the name"), text(data.role, b.loc + ("role",), "the role")]
    room = max(s.line * 1.4, 12 * MM)  # to sign in
    height = (greeting.height if greeting else 0.0) + room + sum(t.height for t in under if t) + 2

    rtl = ctx.rtl(greeting_raw, data.name, data.role)  # right to left: the line to sign on at the right

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = []
        y = top
        if greeting is not None:
            items.append(TextItem(Box(x, y, greeting), greeting_at, s.ink, ctx.named(greeting_raw)))
            y -= greeting.height
        y -= room
        line_left = mirrored(rtl, x, width, x, min(width, LINE_MAX))
        items.append(RuleItem(line_left, line_left + min(width, LINE_MAX), y, s.rule_grey))
        y -= 2
        for fitted, key, raw in zip(under, ("name", "role"), (data.name, data.role)):
            if fitted is not None:
                items.append(TextItem(Box(x, y, fitted), b.loc + (key,), s.ink, ctx.named(raw)))
                y -= fitted.height
        return items

    return Measured(height, False, place)


BLOCK = BlockType(
    name="sign",
    model=SignBlock,
    short=Literal[True] | PrintedText,
    main_key="name",
    empty="the name of the one who signs, or true",
    full_width=False,
    plan=_sign,
)
