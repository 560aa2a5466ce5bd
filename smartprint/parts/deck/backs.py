"""How the backs of a card deck are printed: the one list of modes (light to import,
so the command line can offer them without loading the rest)."""

from __future__ import annotations

from typing import Literal, get_args

from smartprint.write.duplex import Flip

Backs = Literal[Flip, "fold", "none"]
BACKS: tuple[str, ...] = get_args(Backs)
DUPLEX: tuple[str, ...] = get_args(Flip)


def as_backs(value: str) -> Backs:
    """A mode named on the command line (already offered from BACKS), as its type."""
    for mode in get_args(Backs):
        if value == mode:
            return mode  # type: ignore[no-any-return]  # get_args loses the literal (mypy)
    raise ValueError(f"unknown way to print backs: {value!r}; use one of {', '.join(BACKS)}")
