"""The `qr` block of a fill-in sheet: its keys, and how it is measured and placed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import Field

from smartprint.check.spec import PrintedText
from smartprint.check.validation import Length, Text
from smartprint.check.words import Words
from smartprint.errors import UserError
from smartprint.kinds.sheet.blocks import BlockType, Placed
from smartprint.kinds.sheet.page import (
    BlockError,
    BlockIn,
    Ctx,
    Item,
    Measured,
    QrItem,
    TextItem,
)
from smartprint.load.source import Path_, Source
from smartprint.parts.geometry import Rect
from smartprint.resolve.units import MM, format_mm
from smartprint.text.textfit import Box

QR_MAX_SIZE = 150 * MM


class QrBlock(Placed):
    required_text: ClassVar[tuple[str, ...]] = ("link",)
    key_words: ClassVar[Words] = Words("lenke", "kobling")

    link: Annotated[Text, Words("lenke", "kobling")] = Field(min_length=1)
    caption: Annotated[PrintedText | None, Words("bildetekst")] = Field(default=None, max_length=200)
    size: Annotated[Length, Words("størrelse")] = Field(default=30 * MM, ge=15 * MM, le=QR_MAX_SIZE)


def _qr(ctx: Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    size = data.size
    if size > w:
        raise BlockError(
            b.loc + ("size",),
            f"the QR code ({format_mm(size)}) is wider than its block "
            f"({format_mm(w)}); make it smaller or give the block more columns",
        )
    caption = None
    if data.caption:
        caption = ctx.fit(
            ctx.text(data.caption),
            f.regular,
            w=w,
            h=s.body * 5,
            size=s.body,
            loc=b.loc + ("caption",),
            what="the caption",
            align="center",
            max_lines=3,
        )
    height = size + (caption.height + s.body * 0.4 if caption else 0.0)
    assert b.found is not None

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = [QrItem(b.found or (), Rect(x + (width - size) / 2, top - size, size, size))]
        if caption is not None:
            items.append(
                TextItem(
                    Box(x + (width - w) / 2, top - size - s.body * 0.4, caption),
                    b.loc + ("caption",),
                    s.ink,
                    ctx.named(data.caption),
                )
            )
        return items

    return Measured(height, False, place)


def _matrix(data: Any, loc: Path_, short: bool, src: Source, allow: tuple[Path, ...]) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, made now so a link too long or too dense is told before planning."""
    from smartprint.resolve.qr import qr_matrix

    where = loc if short else loc + ("link",)
    try:
        matrix = tuple(tuple(row) for row in qr_matrix(data.link, "a sheet"))
    except ValueError as exc:
        raise UserError(src.problem(where, str(exc))) from None
    dense = _too_dense(data.link, len(matrix), data.size)
    if dense:
        raise UserError(src.problem(where, dense))
    return matrix


def _too_dense(link: str, side: int, size: float) -> str | None:
    """Why a QR code of `side` modules printed `size` wide is too dense to scan, or None."""
    from smartprint.resolve.qr import MIN_MODULE_MM, smallest_size_mm

    module = size / side / MM
    if module >= MIN_MODULE_MM - 1e-9:
        return None
    need = smallest_size_mm(side)
    fix = (
        f"make it 'size: {need}mm' or more, or use a shorter link"
        if need * MM <= QR_MAX_SIZE
        else f"use a shorter link (even {QR_MAX_SIZE / MM:g} mm is too small for it)"
    )
    return (
        f"the QR code is too dense to scan: the link is {len(link)} characters, so at {format_mm(size)} "
        f"its dots are {module:.2f} mm, and a phone needs about {MIN_MODULE_MM:g} mm; {fix}"
    )


BLOCK = BlockType(
    name="qr",
    model=QrBlock,
    short=Text,
    main_key="link",
    empty="the link",
    full_width=False,
    plan=_qr,
    find=_matrix,
)
