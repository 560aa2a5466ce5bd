"""Keys every material file has, whatever its kind."""

from __future__ import annotations

import unicodedata
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, field_validator

from smartprint.check.languages import EVERYDAY, Code, language_code
from smartprint.check.validation import AS_WRITTEN, Model, Text, not_blank
from smartprint.check.words import Words
from smartprint.resolve.fontfiles import FontFiles


def _nfc(text: str) -> str:
    """Compose letters pasted in decomposed form (a + ring → å) so fonts find them."""
    return unicodedata.normalize("NFC", text)


PrintedText = Annotated[Text, AfterValidator(_nfc)]
PrintedItem = Annotated[PrintedText, AfterValidator(not_blank), AS_WRITTEN]
"""One item of a list of printed texts (prompts, entries, questions, items, words…):
never blank, so never an empty card, square or box; a plain number is taken as the
text written (`- 6` prints "6")."""
Language = Annotated[Code, BeforeValidator(language_code)]
"""A BCP 47 code (`nb`, `nn-NO`, `en`); `no`, `nob`, `bokmål` and the like are refused with a hint."""


class Common(Model):
    kind: Annotated[str, Words("type", "slag", "sort")]
    title: Annotated[PrintedText, Words("tittel", "overskrift")] = Field(min_length=1, max_length=200)
    description: Annotated[Text | None, Words("beskrivelse", "skildring")] = None
    language: Annotated[Language, Words("språk", "sprak", "mål")] = "nb"
    layout: Annotated[Text | None, Words("oppsett", "mal")] = None
    seed: Annotated[int | None, Words("frø", "fro")] = Field(default=None, ge=0, le=2**63 - 1)
    font: Annotated[Text | FontFiles | None, Words("skrift")] = None
    # fonts added to the chain, after `font` and before the built-in fallbacks (docs/FONTS.md)
    fonts: Annotated[list[Annotated[Text, AfterValidator(not_blank)] | FontFiles] | None, Words("skrifter")] = None

    languages: ClassVar[tuple[str, ...]] = EVERYDAY
    """The languages this kind prints its own words in; a kind whose material goes home to
    families (a letter, a game for the parents' meeting) takes every language there is."""

    @field_validator("language")
    @classmethod
    def _kind_prints_language(cls, value: str, info: ValidationInfo) -> str:
        if value not in cls.languages:
            kind = info.data.get("kind", "this kind")
            raise ValueError(
                f"'{value}' is for what goes home to families (kind: sheet or board-game); "
                f"a '{kind}' file prints its own words in {', '.join(cls.languages)}"
            )
        return value
