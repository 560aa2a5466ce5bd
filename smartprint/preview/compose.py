"""Paints a planned contact sheet (contact.py) as one PNG: the page pictures scaled to
the plan's thumbnails, each with its number and paper under it."""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from smartprint.preview.contact import ContactPlan, Tile
from smartprint.preview.render import PagePicture
from smartprint.preview.words import PreviewWords

INK = (30, 30, 30)
FRAME = (150, 150, 150)
LEFT_OUT = (238, 238, 238)
FONT = Path(__file__).parent.parent / "fontdata" / "DejaVuSans.ttf"


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


def compose_contact_sheet(
    plan: ContactPlan, pictures: Mapping[tuple[int, int], PagePicture], words: PreviewWords
) -> bytes:
    """The contact sheet as PNG bytes; `pictures` is keyed by (file index, page number)."""
    sheet = Image.new("RGB", (plan.width, plan.height), "white")
    draw = ImageDraw.Draw(sheet)
    for heading in plan.headings:
        draw.text((24, heading.y), heading.text, fill=INK, font=_font(heading.size))
    for tile in plan.tiles:
        if tile.number == 0:
            _left_out(draw, tile, words)
            continue
        picture = pictures[(tile.file, tile.number)]
        image = Image.open(io.BytesIO(picture.png)).convert("RGB")
        sheet.paste(image.resize((tile.width, tile.height), Image.Resampling.LANCZOS), (tile.x, tile.y))
        draw.rectangle((tile.x - 1, tile.y - 1, tile.x + tile.width, tile.y + tile.height), outline=FRAME)
        label = f"{tile.number} · {words.back if tile.back else picture.paper}"
        draw.text((tile.x, tile.label_y), label, fill=INK, font=_font(12))
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _left_out(draw: ImageDraw.ImageDraw, tile: Tile, words: PreviewWords) -> None:
    """The box standing for the pages not shown, saying how many they are."""
    draw.rectangle((tile.x, tile.y, tile.x + tile.width, tile.y + tile.height), fill=LEFT_OUT, outline=FRAME)
    text = words.left_out_one if tile.skipped == 1 else words.left_out.format(n=tile.skipped)
    font = _font(13)
    box = draw.textbbox((0, 0), text, font=font)
    width = box[2] - box[0]
    x = tile.x + max(4, (tile.width - width) // 2)
    draw.text((x, tile.y + tile.height // 2 - 8), text, fill=INK, font=font)
