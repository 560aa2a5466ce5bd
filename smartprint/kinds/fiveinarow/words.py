"""The words five-in-a-row prints of its own, in the file's `language`; the words every
deck shares (a sheet's footer) come from `smartprint.text.labels`."""

from __future__ import annotations

from smartprint.text.labels import labels, section


def words(language: str) -> dict[str, str]:
    """Its own words (smartprint/text/words/<language>.yaml, section `fiveinarow`), and the shared
    ones (which they may override)."""
    return {**labels(language), **section(language, "fiveinarow")}
