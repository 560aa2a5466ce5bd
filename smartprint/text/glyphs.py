"""Check the page, not the file: every string, as it is drawn, against the font that draws it.

The check is made by the text primitive (`smartprint.text.ink`) at the moment a run
of text is drawn, so what is checked and what is printed are the same calls and cannot
drift apart. A run knows where its words come from (its `Origin`): a field of the
user's file, one of smartprint's own labels in the file's language, a place in another
file (a class list, a deck), or a mix of these (a footer that starts with the user's
title). Labels matter as much as the user's words: with a font that lacks "å",
"skriv ut på langsiden" would print with a blank.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from smartprint.errors import Problem, UserError, Where
from smartprint.load.source import Path_, Source
from smartprint.resolve.fontfiles import FontChoice
from smartprint.resolve.fonts import describe_char
from smartprint.text.bidi import refusal, script_advice
from smartprint.text.origin import Label, Mixed, Origin

Missing = Callable[[str, str], list[str]]  # (text, font) -> the characters the font lacks


class GlyphLedger:
    """What one build drew, checked as it is drawn: the characters each font lacks, by
    where they come from. `seen` counts every run, so a test can prove that nothing
    reached the page around the primitive."""

    def __init__(self, missing: Missing, record: bool = False):
        self._missing = missing
        self._checked: set[tuple[str, str]] = set()  # (font, text) pairs already found complete
        self.found: dict[Path_ | Label | Where, dict[str, None]] = {}
        self.record = record
        self.seen: list[tuple[str, str, Origin]] = []

    def check(self, text: str, font: str, origin: Origin) -> bool:
        """Whether `font` has every character of `text`; notes what it lacks."""
        if self.record:
            self.seen.append((text, font, origin))
        key = (font, text)
        if key in self._checked:
            return True
        lacking = self._missing(text, font)
        if not lacking:
            if len(self._checked) < 200_000:
                self._checked.add(key)
            return True
        for ch in lacking:
            blamed = origin.blame(ch) if isinstance(origin, Mixed) else origin
            self.found.setdefault(blamed, {})[ch] = None
        return False

    @property
    def failed(self) -> bool:
        return bool(self.found)


class GlyphsMissing(Exception):
    """Raised by the writer when a drawn string had letters its font lacks; the pipeline
    turns the ledger into the user's messages (GlyphReport)."""

    def __init__(self, ledger: GlyphLedger):
        super().__init__("letters missing from the font")
        self.ledger = ledger


@dataclass(frozen=True)
class GlyphReport:
    """How a build's missing letters are told: the file, the fonts' names (the chain),
    and who chose the first font."""

    src: Source
    font_label: str
    font_choice: FontChoice | None

    def problems(self, ledger: GlyphLedger) -> list[Problem]:
        """One problem per origin and kind of trouble: letters no font of the chain has
        (with their script and a font to add), and letters no font could set right
        (Thai, say: refused with the reason).

        A user's field is blamed at its place in the file; a label of smartprint's own
        is blamed on the font choice (in the material or its layout), since the words
        are not the user's."""
        problems = []
        for origin, found in ledger.found.items():
            chars = [ch for ch in found if refusal(ch) is None]
            refused = [ch for ch in found if refusal(ch) is not None]
            messages = []
            if chars:
                shown = ", ".join(describe_char(ch) for ch in chars[:5])
                more = f" and {len(chars) - 5} more" if len(chars) > 5 else ""
                fonts = "fonts" if " and " in self.font_label else "font"
                have = "have" if " and " in self.font_label else "has"
                messages.append((f"the {fonts} {self.font_label} {have} no {shown}{more}", script_advice(chars[0])))
            for ch in dict.fromkeys(refused):
                reason = refusal(ch)
                if reason is not None and all(reason != refusal(seen) for seen in refused[: refused.index(ch)]):
                    messages.append((f"{describe_char(ch)} cannot be printed correctly", reason))
            for lacks, advice in messages:
                if isinstance(origin, Label):
                    choice = self.font_choice
                    src, loc = (choice.source, choice.loc) if choice else (self.src, ())
                    problems.append(src.problem(loc, f"{lacks}, which {origin} needs; choose a font that has it"))
                elif isinstance(origin, Where):
                    problems.append(Problem(origin, f"{lacks}; {advice}, or remove it there"))
                else:
                    problems.append(self.src.problem(origin, f"{lacks}; {advice}, or remove it"))
        return problems

    def raise_if_any(self, ledger: GlyphLedger) -> None:
        if ledger.failed:
            raise UserError(self.problems(ledger))
