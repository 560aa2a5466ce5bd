"""The words a board game prints of its own, in the file's language: the start and
finish squares, the legend, the default rules with the house rules, and the
instructions on the tiles and the things to fold."""

from __future__ import annotations

from smartprint.text.labels import section


def words(language: str) -> dict[str, str]:
    """Its own words: smartprint/text/words/<language>.yaml, section `boardgame`."""
    return section(language, "boardgame")
