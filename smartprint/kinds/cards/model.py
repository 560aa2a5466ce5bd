"""What a card deck file (`kind: cards`) may say, and its layout keys."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from smartprint.check.spec import Common
from smartprint.check.words import Words
from smartprint.parts.deck.layout import DeckKeys
from smartprint.parts.deck.model import MAX_CARDS, Back, Card, Group


class CardsSpec(Common):
    kind: Literal["cards"]
    groups: Annotated[list[Group], Words("grupper", "kategorier")] = Field(default_factory=list, max_length=12)
    cards: Annotated[list[Card], Words("kort")] = Field(min_length=1, max_length=MAX_CARDS)
    back: Annotated[Back | None, Words("bakside")] = None


class CardsLayout(DeckKeys):
    """A card layout is the shared deck geometry and nothing more."""
