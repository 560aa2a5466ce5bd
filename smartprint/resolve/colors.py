"""Colours by name (Norwegian or English) or #rrggbb, and the default group palette.

The palette is chosen dark enough that white text on it stays readable when a
school copier prints in black and white; groups are also told apart by symbol.
"""

from __future__ import annotations

import re

RGB = tuple[float, float, float]

NAMED: dict[str, str] = {
    "rød": "#c0392b",
    "red": "#c0392b",
    "blå": "#2e62a8",
    "blue": "#2e62a8",
    "grønn": "#2e7d4f",
    "green": "#2e7d4f",
    "gul": "#b8860b",
    "yellow": "#b8860b",
    "oransje": "#c8641e",
    "orange": "#c8641e",
    "lilla": "#6c4ba6",
    "purple": "#6c4ba6",
    "rosa": "#b03a7a",
    "pink": "#b03a7a",
    "turkis": "#1f7f86",
    "teal": "#1f7f86",
    "brun": "#7b5233",
    "brown": "#7b5233",
    "grå": "#5f6368",
    "grey": "#5f6368",
    "gray": "#5f6368",
    "svart": "#222222",
    "black": "#222222",
    "marine": "#1d3557",
    "navy": "#1d3557",
}

PALETTE = ["#2e62a8", "#c0392b", "#2e7d4f", "#6c4ba6", "#c8641e", "#1f7f86", "#b03a7a", "#7b5233"]

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def parse_color(value: str) -> RGB:
    """RGB in 0..1 from a colour name or hex code; ValueError with a hint otherwise."""
    key = value.strip().lower()
    if key in NAMED:
        key = NAMED[key]
    m = _HEX.match(key)
    if not m:
        names = ", ".join(
            k
            for k in NAMED
            if not k.isascii() or k in ("oransje", "lilla", "rosa", "turkis", "brun", "svart", "marine", "gul")
        )
        raise ValueError(f"'{value}' is not a colour; use a name ({names}) or a code like \"#2e62a8\" in quotes")
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    r, g, b = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return (r, g, b)


def lighten(rgb: RGB, amount: float) -> RGB:
    r, g, b = rgb
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


INK: RGB = (0.1, 0.1, 0.1)  # the near-black of all body text: softer than pure black, prints black
WHITE: RGB = (1.0, 1.0, 1.0)
