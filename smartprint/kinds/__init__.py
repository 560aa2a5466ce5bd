"""Material kinds, one folder each; a kind never imports another.

Registering a kind is one line here: its `kind:` name and the module that holds a
`KIND` object (a `smartprint.kinds.base.Kind`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smartprint.kinds.base import AnyKind

KINDS: dict[str, str] = {
    "cards": "smartprint.kinds.cards.kind",
    "bingo": "smartprint.kinds.bingo.kind",
    "five-in-a-row": "smartprint.kinds.fiveinarow.kind",
    "sheet": "smartprint.kinds.sheet.kind",
    "board-game": "smartprint.kinds.boardgame.kind",
}


def get_kind(name: str) -> AnyKind:
    kind: AnyKind = importlib.import_module(KINDS[name]).KIND
    return kind
