"""How each face of a card is set: pure data, no reportlab. Text widths come from
the injected `measure`; proportions come from the face's style (style.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smartprint.load.source import Path_
from smartprint.parts.deck.model import Back, Card
from smartprint.parts.deck.style import BACK, FRONT, BackStyle, FrontStyle
from smartprint.parts.geometry import Rect
from smartprint.parts.inside import escaping
from smartprint.text.bidi import runs_rtl
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label, Origin
from smartprint.text.textfit import Box, FitFailure, Run, fit_or_fail


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
    symbol_at: tuple[float, float, float] | None = None  # cx, cy, r


def plan_front(
    card: Card,
    *,
    w: float,
    h: float,
    fonts: Fonts,
    min_size: float,
    has_group: bool,
    image_ratio: float | None,
    draw_label: str,
    loc: Path_,
    language: str,
    group_origin: Origin | None = None,
    body_size: float | None = None,
    style: FrontStyle = FRONT,
) -> FrontFace:
    """Set one card face in a w × h box (card coordinates, origin bottom-left); `loc` is
    the card's place in its file, the origin of every text on the face but the group's
    name (`group_origin`, when it is written elsewhere: a game's category)."""
    m = fonts.measure
    pad = style.pad * min(w, h)
    cw = w - 2 * pad
    top = h - pad
    face: dict[str, Any] = {}

    if has_group and card.group:
        band_h = style.band_base + style.band_share * h
        face["band_h"] = band_h
        r = band_h * style.symbol_radius
        rtl = runs_rtl(card.group, language)  # right to left: the symbol on the right, the name left of it
        face["symbol_at"] = (w - pad - r if rtl else pad + r, h - band_h / 2, r)
        label_left = pad + 2 * r + 0.35 * pad + r * 0.3
        label_size = band_h * style.band_label_size
        label = fit_or_fail(
            [Run(card.group, fonts.bold, max_lines=1, origin=group_origin or loc + ("group",), language=language)],
            w - label_left - pad,
            band_h * style.band_label_box,
            label_size,
            min(min_size, label_size),
            m,
            "group",
        )
        face["band_label"] = Box(pad if rtl else label_left, h - (band_h - label.height) / 2, label)
        top = h - band_h - pad * 0.8

    title_max = w * style.title_size
    if card.title:
        title = fit_or_fail(
            [
                Run(
                    card.title,
                    fonts.bold,
                    align="center",
                    max_lines=style.title_lines,
                    origin=loc + ("title",),
                    language=language,
                )
            ],
            cw,
            title_max * 1.25 * style.title_lines + 2,
            title_max,
            min_size,
            m,
            "title",
        )
        face["title"] = Box(pad, top, title)
        top -= title.height + pad * 0.5
    elif card.lines or card.drawing:
        y = top - title_max * 1.4
        inset = cw * style.title_line_inset
        face["title_line"] = (pad + inset, w - pad - inset, y)
        top = y - pad * 0.8

    bottom = pad
    if card.lines:
        spacing = min(max(style.line_spacing_min, style.line_spacing_share * h), style.line_spacing_max)
        block = card.lines * spacing
        face["lines"] = (pad, w - pad, bottom + block, card.lines, spacing)
        bottom += block + pad * 0.4
        if bottom >= top - min_size * 1.5:
            raise FitFailure("lines", (block + pad) / max(top - pad, 1e-6), min_size)

    room = top - bottom
    if image_ratio is not None:
        share = style.image_share_with_drawing if card.drawing else style.image_share
        img_h = min(room * share, cw / image_ratio)
        face["image"] = Rect(pad, top - img_h, cw, img_h)
        top -= img_h + pad * 0.5
        room = top - bottom

    runs: list[Run] = []
    if card.text:
        runs.append(Run(card.text, fonts.regular, origin=loc + ("text",), language=language))
    for k, q in enumerate(card.questions):
        runs.append(
            Run(
                q,
                fonts.regular,
                space_before=style.question_space,
                bullet="•",
                origin=loc + ("questions", k),
                language=language,
            )
        )
    body_room = room * style.body_share_with_drawing if card.drawing else room
    if runs:
        field_name = "text" if card.text else "questions"
        if body_room <= min_size * 1.5:
            raise FitFailure(field_name, 99.0, min_size)
        largest = body_size if body_size is not None else w * style.body_size  # the deck's common size
        body = fit_or_fail(runs, cw, body_room, largest, min_size, m, field_name)
        face["body"] = Box(pad, top, body)
        top -= body.height + pad * 0.6

    if card.drawing:
        # the frame takes all the room the text left
        label_text = card.drawing if isinstance(card.drawing, str) else draw_label
        label_origin: Origin = loc + ("drawing",) if isinstance(card.drawing, str) else Label("drawing hint", language)
        if top - bottom < min_size * 4:
            raise FitFailure("drawing", 99.0, min_size)
        frame = Rect(pad, bottom, cw, top - bottom)
        face["drawing"] = frame
        label = fit_or_fail(
            [Run(label_text, fonts.regular, max_lines=2, origin=label_origin, language=language)],
            cw - pad,
            frame.h * style.drawing_label_box,
            max(min_size, w * style.drawing_label_size),
            min_size,
            m,
            "drawing",
        )
        face["drawing_label"] = Box(pad + pad * 0.5, frame.top - pad * 0.4, label)
    front = FrontFace(**face)
    lines_rect = None
    if front.lines:
        left, right, top_y, count, spacing = front.lines
        lines_rect = Rect(left, top_y - count * spacing, right - left, count * spacing)
    _check_inside(
        Rect(0, 0, w, h),
        [
            ("group", front.band_label),
            ("title", front.title),
            ("image", front.image),
            ("text", front.body),
            ("lines", lines_rect),
            ("drawing", front.drawing),
            ("drawing", front.drawing_label),
        ],
        fonts,
    )
    return front


def _check_inside(parent: Rect, parts: list[tuple[str, Rect | Box | None]], fonts: Fonts) -> None:
    """A part that escapes the card is a failure of its field (never drawn off the card)."""
    name = escaping(parent, parts, fonts)
    if name is not None:
        raise FitFailure(name, 99.0, 0.0)


def _symbol_rect(at: tuple[float, float, float] | None) -> Rect | None:
    return None if at is None else Rect(at[0] - at[2], at[1] - at[2], 2 * at[2], 2 * at[2])


def plan_back(
    back: Back,
    *,
    w: float,
    h: float,
    fonts: Fonts,
    min_size: float,
    image_ratio: float | None,
    qr_modules: int | None,
    loc: Path_,
    language: str,
    title_origin: Origin | None = None,
    text_origin: Origin | None = None,
    style: BackStyle = BACK,
) -> BackFace:
    """Set the deck's common back in a w × h box; `loc` is the back's place in its file
    (its title's and text's origins may be given when they are written elsewhere)."""
    m = fonts.measure
    pad = style.pad * min(w, h)
    frame = Rect(
        pad * style.frame_inset,
        pad * style.frame_inset,
        w - 2 * pad * style.frame_inset,
        h - 2 * pad * style.frame_inset,
    )
    left = pad * style.content_inset
    cw = w - 2 * left
    top = h - pad * style.content_top
    bottom = pad * style.content_top
    face: dict[str, Any] = {"frame": frame}
    if qr_modules and back.qr:
        size = min(cw * style.qr_share_w, (top - bottom) * style.qr_share_h)
        label_h = 0.0
        if back.qr_label:
            label = fit_or_fail(
                [
                    Run(
                        back.qr_label,
                        fonts.regular,
                        align="center",
                        max_lines=2,
                        origin=loc + ("qr_label",),
                        language=language,
                    )
                ],
                cw,
                min_size * 3,
                max(min_size, w * style.qr_label_size),
                min_size,
                m,
                "qr_label",
            )
            face["qr_label"] = Box(left, bottom + label.height, label)
            label_h = label.height + pad * 0.2
        face["qr"] = Rect((w - size) / 2, bottom + label_h, size, size)
        bottom += label_h + size + pad * 0.5
    if image_ratio is not None:
        img_h = min((top - bottom) * style.image_share, cw / image_ratio)
        face["image"] = Rect(left, top - img_h, cw, img_h)
        top -= img_h + pad * 0.5
    if back.symbol:
        r = w * style.symbol_radius
        face["symbol_at"] = (w / 2, top - r, r)
        top -= 2 * r + pad * 0.6
    if back.title:
        title = fit_or_fail(
            [
                Run(
                    back.title,
                    fonts.bold,
                    align="center",
                    max_lines=2,
                    origin=title_origin or loc + ("title",),
                    language=language,
                )
            ],
            cw,
            (top - bottom) * style.title_share,
            w * style.title_size,
            min_size,
            m,
            "title",
        )
        face["title"] = Box(left, top, title)
        top -= title.height + pad * 0.6
    if back.text:
        body = fit_or_fail(
            [Run(back.text, fonts.regular, align="center", origin=text_origin or loc + ("text",), language=language)],
            cw,
            top - bottom,
            w * style.text_size,
            min_size,
            m,
            "text",
        )
        # centre the text block in the room left between title and QR
        face["body"] = Box(left, top - (top - bottom - body.height) / 2, body)
    back_face = BackFace(**face)
    _check_inside(
        Rect(0, 0, w, h),
        [
            ("title", back_face.title),
            ("text", back_face.body),
            ("image", back_face.image),
            ("qr", back_face.qr),
            ("qr_label", back_face.qr_label),
            ("symbol", _symbol_rect(back_face.symbol_at)),
        ],
        fonts,
    )
    return back_face
