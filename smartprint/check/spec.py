"""Keys every material file has, whatever its kind."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

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
Language = Literal["nb", "nn", "en"]


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
