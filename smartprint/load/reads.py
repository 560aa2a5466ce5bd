"""The files one build reads, noted where they are opened, so the output can never
be one of them (`-o deck.yaml` would otherwise replace the deck with its PDF)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

_READS: ContextVar[set[Path] | None] = ContextVar("smartprint_reads", default=None)


def note(path: Path) -> None:
    """Record that the current build reads `path` (no-op outside a build)."""
    reads = _READS.get()
    if reads is not None:
        reads.add(Path(path).resolve())


@contextmanager
def recording() -> Iterator[set[Path]]:
    """Collect every noted path while the block runs."""
    reads: set[Path] = set()
    outer = _READS.get()
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)
        if outer is not None:  # a recording around this one (build --watch) sees these too
            outer |= reads
