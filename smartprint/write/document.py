"""The document model: what a kind's plan hands to the one writer.

A document is a list of sections; each section has one page size and a sequence of
planned pages, and knows how to paint one of its pages on a canvas. A board game is
an A3 board section, an A4 card section and an A4 rules section in one PDF; a bingo
run is a leader section and a sheet section. Pure data: no reportlab here (the paint
callables receive the canvas, they are not called while planning).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Flip = Literal["duplex-long", "duplex-short"]  # which edge a duplex printer turns the paper on
Duplex = Literal[Flip, "none"]

# Painters get the reportlab canvas; typed loosely so this module stays free of reportlab.
Canvas = Any
PagePainter = Callable[[Canvas, Any], None]
Setup = Callable[[Canvas], None]


@dataclass(frozen=True)
class Section:
    """Pages of one size, painted by one function. `pages` holds the planned pages
    (small data: a sheet number, a card placement list); `paint(canvas, page)` draws one."""

    width: float
    height: float
    pages: Sequence[Any]
    paint: PagePainter
    name: str = ""


@dataclass(frozen=True)
class Document:
    """Everything one build writes. `setup(canvas)` defines what pages share (forms,
    font subsets) and runs once on every canvas the writer opens, so a long document
    drawn in parts gets the same shared art in each."""

    title: str
    sections: tuple[Section, ...]
    duplex: Duplex = "none"
    setup: Setup | None = None
    progress_label: str = ""
    summary: tuple[tuple[str, int], ...] = field(default_factory=tuple)

    @property
    def page_count(self) -> int:
        return sum(len(s.pages) for s in self.sections)

    def flat_pages(self) -> list[tuple[Section, Any]]:
        """Every page in print order with its section."""
        return [(s, p) for s in self.sections for p in s.pages]
