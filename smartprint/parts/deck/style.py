"""The design of a card face as data: proportions (of the card's width, height or
padding), greys and line widths. Sizes scale with the card, so one design serves a
63 × 88 mm playing card and an A4 poster."""

from __future__ import annotations

from dataclasses import dataclass

from smartprint.parts.geometry import PRINTER_MARGIN
from smartprint.resolve.colors import INK, RGB
from smartprint.resolve.units import MM


@dataclass(frozen=True)
class FrontStyle:
    pad: float = 0.07  # of the card's shorter side
    band_base: float = 8.0  # pt; the band is band_base + band_share × height
    band_share: float = 0.07  # 9 mm on a playing card, 22 mm on an A4 poster
    symbol_radius: float = 0.28  # of the band's height
    band_label_box: float = 0.7  # of the band's height
    band_label_size: float = 0.42  # of the band's height
    title_size: float = 0.085  # of the card's width
    title_lines: int = 2
    title_line_inset: float = 0.1  # of the text width, each side
    line_spacing_share: float = 0.055  # of the card's height
    line_spacing_min: float = 7 * MM
    line_spacing_max: float = 12 * MM
    image_share: float = 0.38  # of the room left
    image_share_with_drawing: float = 0.3
    body_size: float = 0.07  # of the card's width
    body_warn_share: float = 0.7  # text shrunk below this share of body_size gets a warning
    body_share_with_drawing: float = 0.4  # of the room the drawing frame shares
    question_space: float = 0.55  # of the body size, before each question
    drawing_label_size: float = 0.035  # of the card's width
    drawing_label_box: float = 0.2  # of the frame's height
    drawing_corner: float = 0.04  # of the frame's shorter side
    drawing_line_width: float = 1.2
    drawing_label_grey: RGB = (0.45, 0.45, 0.45)
    ink: RGB = INK
    outline: RGB = (0.72, 0.72, 0.72)
    outline_width: float = 0.4


@dataclass(frozen=True)
class BackStyle:
    pad: float = 0.07  # of the card's shorter side
    frame_inset: float = 0.6  # of the padding
    content_inset: float = 1.3  # of the padding
    content_top: float = 1.6  # of the padding, from the top and bottom edges
    qr_share_w: float = 0.5
    qr_share_h: float = 0.4
    qr_label_size: float = 0.04  # of the card's width
    image_share: float = 0.35
    symbol_radius: float = 0.16  # of the card's width
    title_share: float = 0.45
    title_size: float = 0.13  # of the card's width
    text_size: float = 0.075  # of the card's width
    tint: float = 0.86  # how much lighter than the deck's colour the background is
    frame_width: float = 0.008  # of the card's width, at least 1 pt
    frame_corner: float = 0.05
    qr_label_grey: RGB = (0.35, 0.35, 0.35)
    ink: RGB = INK


@dataclass(frozen=True)
class SheetStyle:
    """What is printed around the cards on a sheet."""

    footer_size: float = 7.0
    footer_grey: RGB = (0.45, 0.45, 0.45)
    footer_gap: float = 4.5 * MM  # below the lowest card
    footer_max_y: float = 7 * MM  # the baseline, from the paper's edge
    footer_min_y: float = PRINTER_MARGIN + 1 * MM  # the lowest baseline: tails clear the unprintable edge
    footer_min_room: float = PRINTER_MARGIN + 4 * MM  # below the cards (the line and some air), or no footer
    fold_grey: RGB = (0.5, 0.5, 0.5)
    fold_width: float = 0.5
    fold_dash: float = 3.0


FRONT = FrontStyle()
BACK = BackStyle()
SHEET = SheetStyle()
