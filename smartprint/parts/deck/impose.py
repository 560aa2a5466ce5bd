"""Which card sits where on which page: pure geometry, no reportlab.

Fronts then their backs per sheet (duplex), fronts only (none), or front and back
side by side (fold). A back lies exactly behind its front after the flip, also on
a partly filled last sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from smartprint.parts.deck.backs import DUPLEX, Backs
from smartprint.parts.deck.layout import DeckGeometry
from smartprint.parts.geometry import Rect, grid_slots, mirror
from smartprint.resolve.layout import Page

Side = Literal["front", "back", "fold"]


@dataclass(frozen=True)
class Placement:
    card: int  # index into the expanded deck (a card with count: 3 appears three times)
    rect: Rect  # trim box of the face
    back_rect: Rect | None = None  # fold mode: the back half beside the front


@dataclass(frozen=True)
class SheetPage:
    side: Side
    sheet: int  # 1-based sheet number; a front page and its back page share it
    sheets: int
    placements: tuple[Placement, ...]


def impose(count: int, geo: DeckGeometry, page: Page, with_backs: bool = True) -> list[SheetPage]:
    """Pages for `count` cards. `with_backs=False` (a deck with no back) prints fronts only."""
    backs: Backs = geo.backs if with_backs else "none"
    fold = backs == "fold"
    slots = grid_slots(
        page.width, page.height, geo.cols, geo.rows, geo.card_w * (2 if fold else 1), geo.card_h, geo.gap, geo.bleed
    )
    per_sheet = len(slots)
    sheets = max(1, -(-count // per_sheet))
    pages: list[SheetPage] = []
    for sheet in range(sheets):
        first = sheet * per_sheet
        cards = range(first, min(count, first + per_sheet))
        if fold:
            placed = tuple(
                Placement(
                    i,
                    Rect(s.rect.x, s.rect.y, geo.card_w, geo.card_h),
                    Rect(s.rect.x + geo.card_w, s.rect.y, geo.card_w, geo.card_h),
                )
                for i, s in zip(cards, slots)
            )
            pages.append(SheetPage("fold", sheet + 1, sheets, placed))
            continue
        fronts = tuple(Placement(i, s.rect) for i, s in zip(cards, slots))
        pages.append(SheetPage("front", sheet + 1, sheets, fronts))
        if backs in DUPLEX:
            back_rects = tuple(
                Placement(
                    p.card,
                    mirror(
                        p.rect,
                        page.width,
                        page.height,
                        backs,  # type: ignore[arg-type]
                        geo.offset_x,
                        geo.offset_y,
                    ),
                )
                for p in fronts
            )
            pages.append(SheetPage("back", sheet + 1, sheets, back_rects))
    return pages
