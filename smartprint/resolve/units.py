"""Lengths written out with their unit (`63mm`, `2.5in`, `12pt`), turned into points.

A bare number is refused for a length: a teacher who writes `margin: 10` may mean
millimetres or points, and guessing wrong wastes a ream of paper.
"""

from __future__ import annotations

import re

MM = 72 / 25.4
CM = 72 / 2.54
INCH = 72.0

_UNITS = {"mm": MM, "cm": CM, "in": INCH, "pt": 1.0}
_LENGTH = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(mm|cm|in|pt)\s*$", re.IGNORECASE)

PAPER_SIZES_MM: dict[str, tuple[float, float]] = {
    "A3": (297, 420),
    "A4": (210, 297),
    "A5": (148, 210),
    "A6": (105, 148),
    "LETTER": (215.9, 279.4),
}


def parse_length(value: object) -> float:
    """Points from a written-out length; 0 may be written without a unit."""
    if isinstance(value, bool):
        raise ValueError(f"expected a length such as 10mm, got {value!r}")
    if isinstance(value, (int, float)):
        if value == 0:
            return 0.0
        raise ValueError(f"'{value}' has no unit; write it as {value}mm, {value}pt or {value}in")
    if not isinstance(value, str):
        raise ValueError("expected a length such as 10mm")
    m = _LENGTH.match(value)
    if not m:
        raise ValueError(f"'{value}' is not a length; write a number and a unit, e.g. 63mm, 0.5in or 12pt")
    number = float(m.group(1).replace(",", "."))
    return number * _UNITS[m.group(2).lower()]


def paper_name(width: float, height: float) -> str:
    """A page's paper as a teacher names it: "A4", or its size in millimetres."""
    for name, (w, h) in PAPER_SIZES_MM.items():
        if {round(width / MM), round(height / MM)} == {round(w), round(h)}:
            return name.title() if name == "LETTER" else name
    return f"{width / MM:.0f} × {height / MM:.0f} mm"


def format_mm(points: float) -> str:
    """A length for messages, in the unit teachers think in."""
    return f"{points / MM:.0f} mm" if points >= MM * 3 else f"{points / MM:.1f} mm"
