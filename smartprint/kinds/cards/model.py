"""What a card deck file (`kind: cards`) may say, and its layout keys."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from smartprint.check.spec import Common
from smartprint.parts.deck.layout import DeckKeys
from smartprint.parts.deck.model import MAX_CARDS, Back, Card, Group


class CardsSpec(Common):
    kind: Literal["cards"]
    groups: list[Group] = Field(default_factory=list, max_length=12)
    cards: list[Card] = Field(min_length=1, max_length=MAX_CARDS)
    back: Back | None = None


class CardsLayout(DeckKeys):
    """A card layout is the shared deck geometry and nothing more."""
