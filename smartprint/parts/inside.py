"""Every planned box lies inside its parent: checked on the plan, before drawing.

Text is never silently clipped and nothing is drawn off a card or a sheet; a face
whose parts escape it is a planning failure named by its field, like text that
does not fit."""

from __future__ import annotations

from collections.abc import Iterable

from smartprint.parts.geometry import Rect
from smartprint.text.metrics import Fonts
from smartprint.text.textfit import Box


def text_rect(box: Box, fonts: Fonts) -> Rect:
    """The rectangle a fitted block's ink takes, from its lines as they will be drawn."""
    lines = box.fitted.lines
    if not lines:
        return Rect(box.left, box.top, 0.0, 0.0)
    if box.fitted.ink is not None:
        left, right = box.fitted.ink
    else:
        left = min(line.x for line in lines)
        right = max(line.x + fonts.measure(line.text, line.font, line.size) for line in lines)
    return Rect(box.left + left, box.top - box.fitted.height, right - left, box.fitted.height)


def escaping(parent: Rect, parts: Iterable[tuple[str, Rect | Box | None]], fonts: Fonts) -> str | None:
    """The name of the first part that does not lie inside `parent`, or None."""
    for name, part in parts:
        if part is None:
            continue
        rect = text_rect(part, fonts) if isinstance(part, Box) else part
        if rect.w < -0.01 or rect.h < -0.01 or not parent.contains(rect):
            return name
    return None
