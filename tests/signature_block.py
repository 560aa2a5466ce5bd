"""A `signature` block that lives only in the tests: a line to sign on with a label
under it, at the right of its column ("Foresattes underskrift"). It shows that a new
block type is its own module and one line in the registry, nothing else."""

from __future__ import annotations

from pydantic import Field

from smartprint.check.spec import PrintedText
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import BlockIn, Ctx, Item, Measured, RuleItem, TextItem
from smartprint.text.textfit import Box


class SignatureBlock(Placed):
    required_text = ("label",)
    label: PrintedText = Field(min_length=1, max_length=80)


def _plan(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s = ctx.s
    label = ctx.fit(
        ctx.text(b.data.label), ctx.fonts.regular, w=w * 0.6, h=s.body * 3, size=s.body, loc=b.loc, what="the label"
    )
    height = s.line + label.height

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        y = top - s.line
        left = x + width * 0.4
        items: list[Item] = [RuleItem(left, x + width, y)]
        items.append(TextItem(Box(left, y - 2, label), b.loc, s.ink, ctx.named(b.data.label)))
        return items

    return Measured(height, False, place)


BLOCK = BlockType(
    name="signature",
    model=SignatureBlock,
    short=PrintedText,
    main_key="label",
    empty="its label",
    full_width=False,
    plan=_plan,
)
