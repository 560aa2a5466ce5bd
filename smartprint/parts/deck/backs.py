"""How the backs of a card deck are printed: the one list of modes (light to import,
so the command line can offer them without loading the rest)."""

from __future__ import annotations

from typing import Literal, get_args

from smartprint.write.document import Flip

Backs = Literal[Flip, "fold", "none"]
BACKS: tuple[str, ...] = get_args(Backs)
DUPLEX: tuple[str, ...] = get_args(Flip)
