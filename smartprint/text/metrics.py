"""What planning code needs of a font set: names and widths (no reportlab here)."""

from __future__ import annotations

from typing import Protocol


class Fonts(Protocol):
    @property
    def regular(self) -> str: ...

    @property
    def bold(self) -> str: ...

    def measure(self, text: str, font: str, size: float) -> float: ...
