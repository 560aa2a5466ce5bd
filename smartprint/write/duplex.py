"""Which edge a duplex printer turns the paper on: the one type of it, in a module of its
own so the command line can offer the ways to print backs without loading the writer."""

from __future__ import annotations

from typing import Literal

Flip = Literal["duplex-long", "duplex-short"]
Duplex = Literal[Flip, "none"]
