"""The document model: what a kind's plan hands to the one writer.

A document is a list of sections; each section has one page size and a sequence of
planned pages, and knows how to paint one of its pages on a canvas. A board game is
an A3 board section, an A4 card section and an A4 rules section in one PDF; a bingo
run is a leader section and a sheet section. Pure data: no reportlab here (the paint
callables receive the canvas, they are not called while planning).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from smartprint.write.duplex import Duplex

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
    duplex: Duplex | None = None  # how its paper is printed, when not the document's (a board printed alone)

    @property
    def paper(self) -> tuple[int, int]:
        """Its paper, whichever way round: sections on one paper share a file."""
        w, h = round(self.width), round(self.height)
        return (min(w, h), max(w, h))


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

    def by_paper(self) -> list[Document]:
        """One document per paper size, in the order the papers first appear: a file a
        printer prints as one job, on one paper (an A3 board and its A4 cards in one file
        would pair the board with the rules and every later back with the wrong front)."""
        papers: dict[tuple[int, int], list[Section]] = {}
        for section in self.sections:
            papers.setdefault(section.paper, []).append(section)
        if len(papers) == 1:
            return [self]
        out = []
        for sections in papers.values():
            first = sections[0].duplex
            same = first is not None and all(s.duplex == first for s in sections)
            duplex: Duplex = first if same and first is not None else self.duplex
            out.append(replace(self, sections=tuple(sections), duplex=duplex))
        return out
