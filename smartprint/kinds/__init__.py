"""Material kinds. Each module offers `Spec` (its model), `DEFAULT_LAYOUT`,
`CLI_OPTIONS` (which of --sheets/--seed/--only it takes), `prepare(job)` (checks and
plans, may raise UserError) and `draw(prepared, out)`."""

from __future__ import annotations

import importlib
from types import ModuleType

KINDS: dict[str, str] = {
    "cards": "smartprint.kinds.cards",
    "bingo": "smartprint.kinds.bingo",
}


def kind_module(name: str) -> ModuleType:
    return importlib.import_module(KINDS[name])
