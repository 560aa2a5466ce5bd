"""The languages a material may be written in (`language:` in a file, `--language` on the
command line), as BCP 47 codes, and the hints for what teachers write instead.

Light to import (no pydantic): the command line reads it to check `--language`.
"""

from __future__ import annotations

from typing import Final, Literal

Code = Literal["nb", "nn", "en", "pl", "uk", "ar", "so"]

LANGUAGES: Final[dict[str, str]] = {
    "nb": "bokmål",
    "nn": "nynorsk",
    "en": "English",
    "pl": "Polish",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "so": "Somali",
}
"""Every language smartprint prints its own words in, by code, with its name as the
(English) messages say it."""

EVERYDAY: Final = ("nb", "nn", "en")
"""The languages of everything smartprint prints; the others are for what goes home to
families (a letter, a game for the parents' meeting, a poster)."""

_HINTS: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("no", "nor", "norsk", "norwegian", "norsk bokmål og nynorsk", "false"),
        "says Norwegian without saying which written form: write nb (bokmål) or nn (nynorsk)",
    ),
    **dict.fromkeys(("nob", "bokmål", "bokmal", "bm", "norsk bokmål"), "write nb for bokmål"),
    **dict.fromkeys(("nno", "nynorsk", "nny", "nyno", "nn-no-nynorsk"), "write nn for nynorsk"),
    **dict.fromkeys(("eng", "english", "engelsk"), "write en for English"),
    **dict.fromkeys(("pol", "polish", "polsk", "polski"), "write pl for Polish"),
    **dict.fromkeys(("ukr", "ua", "ukrainian", "ukrainsk", "українська"), "write uk for Ukrainian"),
    **dict.fromkeys(("ara", "arabic", "arabisk", "العربية"), "write ar for Arabic"),
    **dict.fromkeys(("som", "somali", "somalisk", "soomaali", "af-soomaali"), "write so for Somali"),
}


def supported() -> str:
    """The codes with their names, for a message: "nb (bokmål), nn (nynorsk), …"."""
    return ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())


def language_code(value: object) -> str:
    """A language as written (`nb`, `nb-NO`, `EN_gb`) → its code; ValueError with a hint
    for anything else. YAML reads a bare `no` as false, so false is taken as `no`."""
    if value is False:
        value = "no"
    if not isinstance(value, str):
        raise ValueError(f"write a language code: {supported()}")
    written = value.strip()
    hint = _HINTS.get(written.casefold())
    if hint is not None:
        raise ValueError(f"'{written}' {hint}" if hint.startswith("says") else f"'{written}': {hint}")
    primary = written.replace("_", "-").split("-", 1)[0].casefold()
    if primary in LANGUAGES:
        return primary
    if primary in _HINTS:
        raise ValueError(f"'{written}': {_HINTS[primary]}")
    raise ValueError(f"'{written}' is not a language smartprint prints its own words in; write one of {supported()}")
