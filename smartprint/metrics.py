"""What planning code needs of a font set: names and widths (no reportlab here)."""

from __future__ import annotations

from typing import Protocol


class Fonts(Protocol):
    regular: str
    bold: str

    def measure(self, text: str, font: str, size: float) -> float: ...
