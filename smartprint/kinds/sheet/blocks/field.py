"""The `field` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from smartprint.check.spec import PrintedText
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockIn,
    Ctx,
    Item,
    Measured,
    RuleItem,
    TextItem,
    is_name_label,
    one_line_first,
)
from smartprint.resolve.placeholders import has_name, has_pupil
from smartprint.text.bidi import runs_rtl
from smartprint.text.textfit import Box, Fitted


class FieldBlock(Placed):
    """A label and a line to write on (`- field: Navn`). With a class list, a field
    labelled Navn (Namn, Name) has the pupil's name printed on its line."""

    required_text: ClassVar[tuple[str, ...]] = ("label",)
    key_words: ClassVar[Words] = Words("felt")

    label: Annotated[PrintedText, Words("etikett")] = Field(min_length=1, max_length=80)
    value: PrintedText | None = Field(default=None, max_length=200)  # printed on the line; may use {navn}


def _field(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    """A label and a line; the value (the pupil's name on a Navn field) stands on the line,
    made smaller down to the layout's smallest size, then wrapped, if it is long. Placed
    with the height of the row's tallest field, its line and label stand on theirs. In a
    material that runs right to left the field is mirrored: the label on the right."""
    s, f = ctx.s, ctx.fonts
    data = b.data
    label = ctx.text(data.label)
    if not label.rstrip().endswith((":", "?", ".", "!")):
        label = label.rstrip() + ":"
    fitted = one_line_first(ctx, label, f.regular, w * 0.6, s.body, b.loc + ("label",), "the label")
    label_w = max(f.measure(line.text, line.font, line.size) for line in fitted.lines)
    value_raw = data.value
    if value_raw is None and ctx.name is not None and is_name_label(data.label):
        value_raw = "{navn}"
    start = label_w + s.body * 0.5
    value: Fitted | None = None
    if value_raw is not None and (ctx.name is not None or not has_pupil(value_raw)):
        text = ctx.text(value_raw)
        value = one_line_first(
            ctx, text, f.bold, w - start - 2, s.body * 1.15, b.loc + ("value",), f"«{text[:40]}» on the line «{label}»"
        )
    # the last lines of the label and the value stand on the rule; more lines go above it
    above = max([fitted.lines[-1].baseline + 2] + ([value.lines[-1].baseline + 2.5] if value else []))
    height = max(s.line, s.body * 2.0, above + 3 + 1)

    rtl = runs_rtl(label, ctx.language)

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        base = top - h + 3  # h: the tallest field's height in the row, so all stand on one line
        # right to left: the label's box (its lines set from its right edge) at the right
        label_left, rule_left = (x + width - w * 0.6, x) if rtl else (x, x + start)
        items: list[Item] = [
            TextItem(
                Box(label_left, base + fitted.lines[-1].baseline + 2, fitted),
                b.loc + ("label",),
                s.ink,
                ctx.named(data.label),
            ),
            RuleItem(rule_left, rule_left + width - start, base, s.rule_grey),
        ]
        if value is not None:
            items.append(
                TextItem(
                    Box(x + width - w if rtl else x + start + 2, base + value.lines[-1].baseline + 2.5, value),
                    b.loc + ("value",) if data.value is not None else b.loc + ("label",),
                    s.ink,
                    ctx.named(value_raw),
                )
            )
        return items

    return Measured(height, False, place, on_line=True)


def _shows_name(data: FieldBlock) -> bool:
    """A field without a value shows the name when it is the name's field (Navn, Mitt namn)."""
    if data.value is None:
        return is_name_label(str(data.label)) or has_name(data.label)
    return has_name(data.label) or has_name(data.value)


BLOCK = BlockType(
    name="field",
    model=FieldBlock,
    short=PrintedText,
    main_key="label",
    empty="its label",
    full_width=False,
    plan=_field,
    shows_name=_shows_name,
)
