# ruff: noqa: E402, I001 - the start-up below runs before the imports it speeds up
"""The plain card script with the stack smartprint is built on: the floor for the card case.

    python benchmarks/stack_cards.py DECK.yaml OUT.pdf

`plain_cards.py` as it is, but its command line parsed by typer and the deck checked by
pydantic models first (unknown keys refused, types checked), as a competent programmer
using typer and pydantic would write it. What this costs over `plain_cards.py` is what
the stack costs (importing typer and pydantic, building the models, validating): a
floor under smartprint's card build that no work of smartprint's own can go below.
It starts and ends as smartprint does (smartprint/startup.py: no garbage collection,
no scan for pydantic plugins, no interpreter tear-down), so the floor is as low as
smartprint's own tricks make the stack.
"""

from __future__ import annotations

import gc
import sys

gc.disable()
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from smartprint import startup  # before pydantic: its plugin scan is skipped

startup.skip_pydantic_plugin_scan()

from pathlib import Path
from typing import Annotated

import typer
import yaml
from pydantic import BaseModel, ConfigDict, Field

import plain_cards  # the same drawing, to the byte


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Group(_Strict):
    name: str
    color: str | None = None
    symbol: str | None = None


class Card(_Strict):
    title: str | None = None
    group: str | None = None
    text: str | None = None
    questions: list[str] = []
    count: Annotated[int, Field(ge=1, le=100)] = 1


class Back(_Strict):
    title: str | None = None
    text: str | None = None


class Deck(_Strict):
    kind: str
    title: str
    groups: list[Group] = []
    cards: list[Card]
    back: Back | None = None


def main(deck: Path, out: Path) -> None:
    with open(deck, encoding="utf-8") as fh:
        Deck.model_validate(yaml.load(fh, Loader=yaml.CSafeLoader))
    plain_cards.main(str(deck), str(out))


if __name__ == "__main__":
    try:
        typer.run(main)
    except SystemExit as exc:
        startup.leave(startup.exit_status(exc.code))
