"""Drawing primitives shared by every material kind (reportlab canvas): shapes, QR,
crop marks, lines, pictures. Text is drawn by `smartprint.text.ink`, never here.

Everything here draws what a plan already decided; no layout decisions are made.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from smartprint.parts.geometry import PRINTER_MARGIN, Rect, cut_lines
from smartprint.resolve.colors import RGB
from smartprint.resolve.units import MM


def qr(c: Canvas, matrix: Sequence[Sequence[bool]], x: float, y: float, size: float) -> None:
    """A QR code as filled vector squares, one rectangle per horizontal run of dark modules."""
    n = len(matrix)
    module = size / n
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    path = c.beginPath()
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                path.rect(x + start * module, y + size - (r + 1) * module, (col - start) * module, module)
            else:
                col += 1
    c.drawPath(path, stroke=0, fill=1)


def crop_marks(c: Canvas, rects: Iterable[Rect], page_w: float, page_h: float, bleed: float = 0.0) -> None:
    """Short hairlines in the margin at every cut line, clear of the art and its bleed and
    of the edge a printer cannot print on (none where there is no room for them)."""
    rects = list(rects)
    if not rects:
        return
    xs, ys = cut_lines(rects)
    left = min(r.x for r in rects) - bleed
    right = max(r.right for r in rects) + bleed
    bottom = min(r.y for r in rects) - bleed
    top = max(r.top for r in rects) + bleed
    gap = 1.5 * MM
    length = max(
        0.0,
        min(
            5 * MM,
            left - gap - PRINTER_MARGIN,
            page_w - right - gap - PRINTER_MARGIN,
            bottom - gap - PRINTER_MARGIN,
            page_h - top - gap - PRINTER_MARGIN,
        ),
    )
    if length < 1.5 * MM:
        return
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.25)
    for x in xs:
        c.line(x, top + gap, x, top + gap + length)
        c.line(x, bottom - gap, x, bottom - gap - length)
    for y in ys:
        c.line(left - gap, y, left - gap - length, y)
        c.line(right + gap, y, right + gap + length, y)


def _polygon(c: Canvas, points: Sequence[tuple[float, float]]) -> Any:
    path = c.beginPath()
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    path.close()
    return path


def polygon(c: Canvas, points: Sequence[tuple[float, float]], color: RGB) -> None:
    """A filled polygon without an outline."""
    c.setFillColorRGB(*color)
    c.drawPath(_polygon(c, points), stroke=0, fill=1)


def symbol(c: Canvas, name: str, cx: float, cy: float, r: float, color: RGB) -> None:
    """A filled symbol of radius `r` centred on (cx, cy)."""
    c.setFillColorRGB(*color)
    if name == "circle":
        c.circle(cx, cy, r * 0.9, stroke=0, fill=1)
        return
    if name == "square":
        s = r * 0.8
        c.rect(cx - s, cy - s, 2 * s, 2 * s, stroke=0, fill=1)
        return
    if name == "exclamation":  # the special squares' mark (categories.SPECIAL_MARK), no category's
        top, bottom = r * 0.44, r * 0.26  # half widths of the stroke, tapering down
        stroke = [(cx - top, cy + r), (cx + top, cy + r), (cx + bottom, cy - r * 0.32), (cx - bottom, cy - r * 0.32)]
        c.drawPath(_polygon(c, stroke), stroke=0, fill=1)
        c.circle(cx, cy - r * 0.72, r * 0.28, stroke=0, fill=1)
        return
    if name == "plus":
        t = r * 0.34
        c.rect(cx - r, cy - t, 2 * r, 2 * t, stroke=0, fill=1)
        c.rect(cx - t, cy - r, 2 * t, 2 * r, stroke=0, fill=1)
        return
    if name == "heart":
        path = c.beginPath()
        path.moveTo(cx, cy - r * 0.9)
        path.curveTo(cx - r * 1.3, cy + r * 0.1, cx - r * 0.6, cy + r * 1.15, cx, cy + r * 0.45)
        path.curveTo(cx + r * 0.6, cy + r * 1.15, cx + r * 1.3, cy + r * 0.1, cx, cy - r * 0.9)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
        return
    if name == "triangle":
        pts = [
            (cx + r * math.cos(a), cy - r * 0.15 + r * math.sin(a))
            for a in (math.pi / 2, math.pi / 2 + 2 * math.pi / 3, math.pi / 2 + 4 * math.pi / 3)
        ]
    elif name == "diamond":
        pts = [(cx, cy + r), (cx + r * 0.75, cy), (cx, cy - r), (cx - r * 0.75, cy)]
    elif name == "hexagon":
        pts = [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in (k * math.pi / 3 for k in range(6))]
    else:  # star
        pts = []
        for k in range(10):
            a = math.pi / 2 + k * math.pi / 5
            rad = r if k % 2 == 0 else r * 0.45
            pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    c.drawPath(_polygon(c, pts), stroke=0, fill=1)


def writing_lines(
    c: Canvas, left: float, right: float, top: float, count: int, spacing: float, color: RGB = (0.55, 0.55, 0.55)
) -> None:
    """Ruled lines to write on, the first one `spacing` below `top`."""
    c.setStrokeColorRGB(*color)
    c.setLineWidth(0.6)
    for i in range(1, count + 1):
        y = top - i * spacing
        c.line(left, y, right, y)


def image_in(c: Canvas, reader: Any, box: Rect) -> None:
    """An image scaled to fit `box`, centred, aspect ratio kept."""
    iw, ih = reader.getSize()
    scale = min(box.w / iw, box.h / ih)
    w, h = iw * scale, ih * scale
    c.drawImage(reader, box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h, mask="auto")
