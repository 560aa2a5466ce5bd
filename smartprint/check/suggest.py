"""'did you mean …?' for a word that is close to one of the right ones (light to import:
the command line uses it too)."""

from __future__ import annotations

import difflib


def did_you_mean(word: str, choices: list[str]) -> str:
    """'; did you mean 'x'?' for the closest choice (a typo), or '' when none is close."""
    by_lower = {c.lower(): c for c in choices}
    # short words differ by one letter in a large share of them ("Mod" for "Mot")
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6 if len(word) <= 5 else 0.7)
    return f"; did you mean '{by_lower[close[0]]}'?" if close else ""
