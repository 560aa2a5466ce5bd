"""Where a printed string comes from, so a letter the font lacks is blamed at its place.

Pure data (no reportlab): plans attach an origin to every text they set, and the text
primitive hands it to the glyph check when the text is drawn."""

from __future__ import annotations

from dataclasses import dataclass

from smartprint.errors import Where
from smartprint.load.source import Path_


@dataclass(frozen=True)
class Label:
    """One of smartprint's own printed words, e.g. Label("footer", "nb")."""

    what: str
    language: str

    def __str__(self) -> str:
        return f"smartprint's {self.what} (language {self.language})"


@dataclass(frozen=True)
class Mixed:
    """A string put together from several sources: each part's text and where it comes
    from ("Styrker i 4B · ark 3 av 40": the user's title, then smartprint's words). A
    missing letter is blamed on the first part that holds it."""

    parts: tuple[tuple[str, Path_ | Label | Where], ...]

    def blame(self, ch: str) -> Path_ | Label | Where:
        for text, origin in self.parts:
            if ch in text:
                return origin
        return self.parts[-1][1]


Origin = Path_ | Label | Where | Mixed  # a Where: a place in another file (a class list, a deck)


def mixed(*parts: tuple[str, Origin]) -> Mixed:
    """The origin of a string made of `parts` (text, origin), a mixed part flattened into its own."""
    flat: list[tuple[str, Path_ | Label | Where]] = []
    for text, origin in parts:
        if isinstance(origin, Mixed):
            flat.extend(origin.parts)
        else:
            flat.append((text, origin))
    return Mixed(tuple(flat))
