"""Keys every material file has, whatever its kind."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from smartprint.check.validation import Model, Text
from smartprint.resolve.fontfiles import FontFiles


def _nfc(text: str) -> str:
    """Compose letters pasted in decomposed form (a + ring → å) so fonts find them."""
    return unicodedata.normalize("NFC", text)


PrintedText = Annotated[Text, AfterValidator(_nfc)]
Language = Literal["nb", "nn", "en"]


class Common(Model):
    kind: str
    title: PrintedText = Field(min_length=1, max_length=200)
    description: Text | None = None
    language: Language = "nb"
    layout: Text | None = None
    seed: int | None = Field(default=None, ge=0, le=2**63 - 1)
    font: Text | FontFiles | None = None
