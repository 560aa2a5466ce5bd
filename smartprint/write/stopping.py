"""Ctrl-C and SIGTERM, turned into a clean stop.

Outside drawing, a signal raises at once. While reportlab draws, it is held until
the writer reaches a safe point (after a page, between parts): raised in the middle
of reportlab's own code it can be caught there and turned into a different error.
Either way the exception unwinds through the atomic write, which removes its
temporary files, and the command line prints one line.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Stopped(KeyboardInterrupt):
    """SIGTERM: stop like Ctrl-C (exit status 143 instead of 130)."""


_held = False
_pending: type[KeyboardInterrupt] | None = None


def _request(kind: type[KeyboardInterrupt]) -> None:
    global _pending
    if _held:
        _pending = kind
        return
    raise kind()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    _request(Stopped if signum == signal.SIGTERM else KeyboardInterrupt)


def install() -> None:
    """Handle SIGINT and SIGTERM this way (the console script calls it)."""
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)


def checkpoint() -> None:
    """A safe point: raise a stop that arrived while held."""
    global _pending
    if _pending is not None:
        kind, _pending = _pending, None
        raise kind()


@contextmanager
def held() -> Iterator[None]:
    """Hold signals while the block runs; they are raised at `checkpoint()` or at the end."""
    global _held
    outer = _held
    _held = True
    try:
        yield
    finally:
        _held = outer
    if not outer:
        checkpoint()
