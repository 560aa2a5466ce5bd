"""The card plan: which card sits where on which page, and how each face is set.

Pure data: no reportlab. Text widths come from the injected `measure`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from smartprint.imposition import Rect, grid_slots, mirror
from smartprint.layout import Layout
from smartprint.textfit import Box, FitFailure, Run, fit_or_fail
from smartprint.units import MM

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


def impose(count: int, layout: Layout) -> list[SheetPage]:
    """Pages for `count` cards: fronts then their backs per sheet (duplex), fronts only
    (none), or front and back side by side (fold). A back lies exactly behind its front
    after the flip, also on a partly filled last sheet."""
    fold = layout.backs == "fold"
    unit_w = layout.card_w * (2 if fold else 1)
    slots = grid_slots(layout.page_w, layout.page_h, layout.cols, layout.rows, unit_w, layout.card_h,
                       layout.gap, layout.bleed)
    per_sheet = len(slots)
    sheets = max(1, -(-count // per_sheet))
    pages: list[SheetPage] = []
    for sheet in range(sheets):
        first = sheet * per_sheet
        cards = range(first, min(count, first + per_sheet))
        if fold:
            placed = tuple(
                Placement(i, Rect(s.rect.x, s.rect.y, layout.card_w, layout.card_h),
                          Rect(s.rect.x + layout.card_w, s.rect.y, layout.card_w, layout.card_h))
                for i, s in zip(cards, slots))
            pages.append(SheetPage("fold", sheet + 1, sheets, placed))
            continue
        fronts = tuple(Placement(i, s.rect) for i, s in zip(cards, slots))
        pages.append(SheetPage("front", sheet + 1, sheets, fronts))
        if layout.backs in ("duplex-long", "duplex-short"):
            backs = tuple(
                Placement(p.card, mirror(p.rect, layout.page_w, layout.page_h, layout.backs,  # type: ignore[arg-type]
                                         layout.offset_x, layout.offset_y))
                for p in fronts)
            pages.append(SheetPage("back", sheet + 1, sheets, backs))
    return pages


# ----- faces -------------------------------------------------------------------------


class Fonts(Protocol):
    regular: str
    bold: str

    def measure(self, text: str, font: str, size: float) -> float: ...


@dataclass(frozen=True)
class FrontFace:
    band_h: float = 0.0
    band_label: Box | None = None
    symbol_at: tuple[float, float, float] | None = None  # cx, cy, r
    title: Box | None = None
    title_line: tuple[float, float, float] | None = None  # left, right, y: a line to write a title on
    image: Rect | None = None
    body: Box | None = None
    lines: tuple[float, float, float, int, float] | None = None  # left, right, top, count, spacing
    drawing: Rect | None = None
    drawing_label: Box | None = None


@dataclass(frozen=True)
class BackFace:
    frame: Rect
    image: Rect | None = None
    title: Box | None = None
    body: Box | None = None
    qr: Rect | None = None
    qr_label: Box | None = None


def plan_front(card, w: float, h: float, fonts: Fonts, min_size: float, has_group: bool,
               has_image_ratio: float | None, draw_label: str) -> FrontFace:
    """Set one card face in a w × h box (card coordinates, origin bottom-left).

    Sizes scale with the card, so the same design serves a 63 × 88 mm card and an A4 poster."""
    m = fonts.measure
    pad = 0.07 * min(w, h)
    cw = w - 2 * pad
    top = h - pad
    face: dict = {}

    if has_group:
        band_h = 8.0 + 0.07 * h  # 9 mm on a playing card, 22 mm on an A4 poster
        face["band_h"] = band_h
        r = band_h * 0.28
        face["symbol_at"] = (pad + r, h - band_h / 2, r)
        label_left = pad + 2 * r + 0.35 * pad + r * 0.3
        label = fit_or_fail([Run(card.group, fonts.bold, max_lines=1)], w - label_left - pad,
                             band_h * 0.7, band_h * 0.42, min(min_size, band_h * 0.42), m, "group")
        face["band_label"] = Box(label_left, h - (band_h - label.height) / 2, label)
        top = h - band_h - pad * 0.8

    title_max = w * 0.085
    if card.title:
        title = fit_or_fail([Run(card.title, fonts.bold, align="center", max_lines=2)], cw,
                             title_max * 1.25 * 2 + 2, title_max, min_size, m, "title")
        face["title"] = Box(pad, top, title)
        top -= title.height + pad * 0.5
    elif card.lines or card.drawing:
        y = top - title_max * 1.4
        face["title_line"] = (pad + cw * 0.1, w - pad - cw * 0.1, y)
        top = y - pad * 0.8

    bottom = pad
    if card.lines:
        spacing = min(max(7 * MM, 0.055 * h), 12 * MM)
        block = card.lines * spacing
        face["lines"] = (pad, w - pad, bottom + block, card.lines, spacing)
        bottom += block + pad * 0.4

    room = top - bottom
    if has_image_ratio is not None:
        img_h = min(room * (0.3 if card.drawing else 0.38), cw / has_image_ratio)
        face["image"] = Rect(pad, top - img_h, cw, img_h)
        top -= img_h + pad * 0.5
        room = top - bottom

    runs: list[Run] = []
    if card.text:
        runs.append(Run(card.text, fonts.regular))
    for q in card.questions:
        runs.append(Run(q, fonts.regular, space_before=0.55, bullet="•"))
    body_room = room * 0.4 if card.drawing else room
    if runs:
        field_name = "text" if card.text else "questions"
        if body_room <= min_size * 1.5:
            raise FitFailure(field_name, 99.0, min_size)
        body = fit_or_fail(runs, cw, body_room, w * 0.07, min_size, m, field_name)
        face["body"] = Box(pad, top, body)
        top -= body.height + pad * 0.6

    if card.drawing:
        # the frame takes all the room the text left
        label_text = card.drawing if isinstance(card.drawing, str) else draw_label
        frame = Rect(pad, bottom, cw, top - bottom)
        face["drawing"] = frame
        label = fit_or_fail([Run(label_text, fonts.regular, max_lines=2)], cw - pad,
                             frame.h * 0.2, max(min_size, w * 0.035), min_size, m, "drawing")
        face["drawing_label"] = Box(pad + pad * 0.5, frame.top - pad * 0.4, label)
    return FrontFace(**face)


def plan_back(back, w: float, h: float, fonts: Fonts, min_size: float, image_ratio: float | None,
              qr_modules: int | None) -> BackFace:
    """Set the deck's common back in a w × h box."""
    m = fonts.measure
    pad = 0.07 * min(w, h)
    frame = Rect(pad * 0.6, pad * 0.6, w - pad * 1.2, h - pad * 1.2)
    cw = w - 2 * pad * 1.3
    left = pad * 1.3
    top = h - pad * 1.6
    bottom = pad * 1.6
    face: dict = {"frame": frame}
    if qr_modules and back.qr:
        size = min(cw * 0.5, (top - bottom) * 0.4)
        label_h = 0.0
        if back.qr_label:
            label = fit_or_fail([Run(back.qr_label, fonts.regular, align="center", max_lines=2)], cw,
                                 min_size * 3, max(min_size, w * 0.04), min_size, m, "qr_label")
            face["qr_label"] = Box(left, bottom + label.height, label)
            label_h = label.height + pad * 0.2
        face["qr"] = Rect((w - size) / 2, bottom + label_h, size, size)
        bottom += label_h + size + pad * 0.5
    if image_ratio is not None:
        img_h = min((top - bottom) * 0.35, cw / image_ratio)
        face["image"] = Rect(left, top - img_h, cw, img_h)
        top -= img_h + pad * 0.5
    if back.title:
        title = fit_or_fail([Run(back.title, fonts.bold, align="center", max_lines=2)], cw,
                             (top - bottom) * 0.45, w * 0.13, min_size, m, "title")
        face["title"] = Box(left, top, title)
        top -= title.height + pad * 0.6
    if back.text:
        body = fit_or_fail([Run(back.text, fonts.regular, align="center")], cw, top - bottom,
                            w * 0.075, min_size, m, "text")
        # centre the text block in the room left between title and QR
        face["body"] = Box(left, top - (top - bottom - body.height) / 2, body)
    return BackFace(**face)

