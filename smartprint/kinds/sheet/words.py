"""The words a fill-in sheet prints of its own, in the file's `language`."""

from __future__ import annotations

from smartprint.text.labels import section


def words(language: str) -> dict[str, str]:
    """Its own words: smartprint/text/words/<language>.yaml, section `sheet`."""
    return section(language, "sheet")
