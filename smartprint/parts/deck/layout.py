"""The layout keys of anything printed as a card deck, and their resolution.

Cards sit in a grid on the page (given, or as many as fit), with an optional gap
and bleed; backs are printed duplex (mirrored behind their fronts), folded (front
and back side by side) or not at all. `paper: card` makes each page one card plus
its bleed, the form a print shop asks for.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Literal

from pydantic import Field

from smartprint.check.validation import Length, Model
from smartprint.check.words import Words
from smartprint.errors import UsageError, UserError
from smartprint.parts.deck.backs import Backs, as_backs
from smartprint.parts.geometry import PRINTER_MARGIN, grid_slots
from smartprint.resolve.layout import Page, PageKeys, Size, resolve_page
from smartprint.resolve.units import MM, format_mm

MIN_CARD = 20 * MM
MAX_CARD = 1200 * MM


class Grid(Model):
    cols: Annotated[int, Words("kolonner")] = Field(ge=1, le=20)
    rows: Annotated[int, Words("rader", "rekker")] = Field(ge=1, le=20)


class Offset(Model):
    x: Length = Field(default=0.0, ge=-10 * MM, le=10 * MM)
    y: Length = Field(default=0.0, ge=-10 * MM, le=10 * MM)


class DeckKeys(PageKeys):
    """Card geometry: the page part plus card size, grid, gap, bleed and backs."""

    card: Annotated[Size | None, Words("kortstørrelse")] = None
    grid: Annotated[Grid | Literal["auto"], Words("rutenett")] = "auto"
    gap: Annotated[Length, Words("avstand", "mellomrom")] = Field(default=0.0, ge=0, le=50 * MM)
    bleed: Annotated[Length, Words("utfall")] = Field(default=0.0, ge=0, le=10 * MM)
    backs: Annotated[Backs, Words("bakside", "baksider")] = "duplex-long"
    back_offset: Offset = Offset()


@dataclass(frozen=True)
class DeckGeometry:
    """Resolved card geometry in points. `page_is_card`: one card per page sized
    card + bleed (the print-shop form, with TrimBox and BleedBox)."""

    card_w: float
    card_h: float
    cols: int
    rows: int
    gap: float
    bleed: float
    backs: Backs
    offset_x: float
    offset_y: float
    page_is_card: bool
    inset: float = 0.0  # the faces' art this far inside each card: cards that reach the paper's edge get a white border

    @property
    def face_w(self) -> float:
        """The width of a face's art: the card's, less a white border where the card reaches the paper's edge."""
        return self.card_w - 2 * self.inset

    @property
    def face_h(self) -> float:
        return self.card_h - 2 * self.inset

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def unit_w(self) -> float:
        """The width one placement takes: a folded card is front and back side by side."""
        return self.card_w * (2 if self.backs == "fold" else 1)


def _fits(page: Page, unit_w: float, unit_h: float, gap: float, bleed: float) -> tuple[int, int]:
    """How many units fit across and down inside the margins."""
    room_w, room_h = page.width - 2 * page.margin, page.height - 2 * page.margin
    cols = int((room_w + gap + 0.01) // (unit_w + 2 * bleed + gap))
    rows = int((room_h + gap + 0.01) // (unit_h + 2 * bleed + gap))
    return cols, rows


def deck_on_page(page: Page, card_w: float, card_h: float) -> DeckGeometry:
    """Cards of one size in as many columns and rows as fit inside `page`'s margins, no
    gap or bleed, backs behind their fronts (long edge): a deck whose geometry a kind
    chooses itself (a game's question cards), from values, not from a layout file."""
    cols, rows = _fits(page, card_w, card_h, 0.0, 0.0)
    if cols < 1 or rows < 1:
        raise ValueError(f"a {format_mm(card_w)} × {format_mm(card_h)} card does not fit the page of '{page.name}'")
    return DeckGeometry(
        card_w=card_w,
        card_h=card_h,
        cols=cols,
        rows=rows,
        gap=0.0,
        bleed=0.0,
        backs="duplex-long",
        offset_x=0.0,
        offset_y=0.0,
        page_is_card=False,
    )


def _turned(page: Page) -> Page:
    return replace(page, width=page.height, height=page.width)


def resolve_deck(keys: DeckKeys, page: Page, backs_flag: str | None) -> tuple[Page, DeckGeometry]:
    """The page and the card geometry; `backs_flag` is --backs from the command line.

    `--backs fold` chooses its own arrangement (pairs side by side, the page turned if
    that holds more) instead of failing on a grid made for single cards."""
    top = page.source
    if keys.card is not None and (keys.card.width is None or keys.card.height is None):
        raise UserError(
            top.problem(("card",), "the layout gives no full card size; add 'card: {width: 63mm, height: 88mm}'")
        )
    backs: Backs = as_backs(backs_flag) if backs_flag else keys.backs
    page_is_card = isinstance(keys.paper, str) and keys.paper.lower() == "card"
    if page_is_card:
        if keys.card is None:
            raise UserError(
                top.problem(("paper",), "'paper: card' needs a card size: 'card: {width: 63mm, height: 88mm}'")
            )
        if backs == "fold":
            if backs_flag:
                raise UsageError(
                    f"--backs fold does not go with the layout '{page.name}', which prints one "
                    "card per page for a print shop; leave out --backs, or use "
                    "--layout kort-63x88-brett to fold on a home printer"
                )
            raise UserError(top.problem(("backs",), "'backs: fold' does not go with 'paper: card'"))
    card_w = card_h = 0.0
    if keys.card is not None:
        assert keys.card.width is not None and keys.card.height is not None
        card_w, card_h = keys.card.width, keys.card.height
        if min(card_w, card_h) < MIN_CARD or max(card_w, card_h) > MAX_CARD:
            raise UserError(top.problem(("card",), "a card must be between 20 mm and 1.2 m on each side"))
    bleed, gap = keys.bleed, keys.gap
    if page_is_card:
        page = resolve_page(keys, page, (card_w + 2 * bleed, card_h + 2 * bleed))
        geometry = DeckGeometry(
            card_w,
            card_h=card_h,
            cols=1,
            rows=1,
            gap=0.0,
            bleed=bleed,
            backs=backs,
            offset_x=0.0,
            offset_y=0.0,
            page_is_card=True,
        )
        return page, geometry
    page = resolve_page(keys, page)
    if keys.card is None:  # one card filling the page inside its margins (posters)
        card_w = page.width - 2 * page.margin - 2 * bleed
        card_h = page.height - 2 * page.margin - 2 * bleed
        if min(card_w, card_h) < MIN_CARD:
            raise UserError(top.problem(("bleed",), "the margins and bleed leave no room for a card"))
    unit_w = card_w * (2 if backs == "fold" else 1)
    if isinstance(keys.grid, Grid):
        cols, rows = keys.grid.cols, keys.grid.rows
    else:
        cols, rows = _fits(page, unit_w, card_h, gap, bleed)
    shown_cols, shown_rows = max(cols, 1), max(rows, 1)  # what does not fit: at least one card
    need_w = shown_cols * (unit_w + 2 * bleed) + (shown_cols - 1) * gap
    need_h = shown_rows * (card_h + 2 * bleed) + (shown_rows - 1) * gap
    room_w, room_h = page.width - 2 * page.margin, page.height - 2 * page.margin
    fits = cols >= 1 and rows >= 1 and need_w <= room_w + 0.01 and need_h <= room_h + 0.01
    if not fits and backs == "fold" and backs_flag:
        # the command line asked to fold: find the arrangement of pairs that holds most
        best = max(
            ((_fits(p, unit_w, card_h, gap, bleed), p) for p in (page, _turned(page))),
            key=lambda item: item[0][0] * item[0][1],
        )
        (cols, rows), page = best
        if cols * rows == 0:
            raise UsageError(
                f"--backs fold: a folded pair of {format_mm(unit_w)} × {format_mm(card_h)} does "
                f"not fit the paper of '{page.name}'; use a layout with smaller cards or larger paper"
            )
        fits = True
    if not fits:
        what = "the folded cards (front and back side by side)" if backs == "fold" else "the cards"
        raise UserError(
            top.problem(
                ("grid",) if isinstance(keys.grid, Grid) else ("card",),
                f"{what} do not fit: {max(cols, 1)} × {max(rows, 1)} of {format_mm(unit_w)} × {format_mm(card_h)} "
                f"need {format_mm(need_w)} × {format_mm(need_h)}, but the page has {format_mm(room_w)} × "
                f"{format_mm(room_h)} inside its margins; use a smaller grid, smaller cards or larger paper",
            )
        )
    offset = keys.back_offset
    inset = 0.0
    if bleed == 0:  # with bleed, art runs to the trim on purpose: a print shop's sheet
        slots = grid_slots(page.width, page.height, cols, rows, unit_w, card_h, gap)
        edge = min(min(s.rect.x, s.rect.y, page.width - s.rect.right, page.height - s.rect.top) for s in slots)
        edge -= max(abs(offset.x), abs(offset.y))  # a back shifted towards the edge
        inset = max(0.0, PRINTER_MARGIN - edge)
    return page, DeckGeometry(
        card_w,
        card_h=card_h,
        cols=cols,
        rows=rows,
        gap=gap,
        bleed=bleed,
        backs=backs,
        offset_x=offset.x,
        offset_y=offset.y,
        page_is_card=False,
        inset=inset,
    )
