"""Check the page, not the file: every string a plan will draw, against the font
that will draw it.

A kind's plan lists what it prints as `Printed` items: the text exactly as it will
be drawn (after wrapping and hyphenation, with bullets), the font that draws it,
and where it comes from: a field of the user's file, or one of smartprint's own
labels in the file's language. Labels matter as much as the user's words: with a
font that lacks "å", "skriv ut på langsiden" would print with a blank.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from smartprint.errors import Problem, Where
from smartprint.load.source import Path_, Source
from smartprint.resolve.fontfiles import FontChoice
from smartprint.resolve.fonts import describe_char
from smartprint.text.textfit import Box, Fitted


@dataclass(frozen=True)
class Label:
    """One of smartprint's own printed words, e.g. Label("footer", "nb")."""

    what: str
    language: str

    def __str__(self) -> str:
        return f"smartprint's {self.what} (language {self.language})"


Origin = Path_ | Label | Where  # a Where: a place in another file (a class list, a deck)


@dataclass(frozen=True)
class Printed:
    text: str
    font: str
    origin: Origin


def of_fitted(fitted: Fitted | None, origin: Origin) -> Iterator[Printed]:
    """The lines of a fitted block, as drawn."""
    if fitted is not None:
        for line in fitted.lines:
            yield Printed(line.text, line.font, origin)


def of_box(box: Box | None, origin: Origin) -> Iterator[Printed]:
    if box is not None:
        yield from of_fitted(box.fitted, origin)


def check_printed(
    items: Iterable[Printed],
    src: Source,
    font_label: str,
    font_choice: FontChoice | None,
    missing: Callable[[str, str], list[str]],
) -> list[Problem]:
    """One problem per origin that has characters its font cannot draw.

    A user's field is blamed at its place in the file; a label of smartprint's own is
    blamed on the font choice (in the material or its layout), since the words are
    not the user's."""
    found: dict[Origin, dict[str, None]] = {}
    for item in items:
        lacking = missing(item.text, item.font)
        if lacking:
            found.setdefault(item.origin, {}).update(dict.fromkeys(lacking))
    problems = []
    for origin, chars in found.items():
        shown = ", ".join(describe_char(ch) for ch in list(chars)[:5])
        more = f" and {len(chars) - 5} more" if len(chars) > 5 else ""
        if isinstance(origin, Label):
            where = (font_choice.source, font_choice.loc) if font_choice else (src, ())
            problems.append(
                where[0].problem(
                    where[1],
                    f"the font {font_label} has no {shown}{more}, which {origin} needs; choose a font that has it",
                )
            )
        elif isinstance(origin, Where):
            problems.append(
                Problem(
                    origin,
                    f"the font {font_label} has no {shown}{more}; remove it there, "
                    "or name a font file that has it with 'font:'",
                )
            )
        else:
            problems.append(
                src.problem(
                    origin,
                    f"the font {font_label} has no {shown}{more}; remove it, "
                    "or name a font file that has it with 'font:'",
                )
            )
    return problems
