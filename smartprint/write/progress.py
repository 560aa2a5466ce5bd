"""A progress bar on stderr for long builds (rich), used only when stderr is a terminal."""

from __future__ import annotations


class Bar:
    def __init__(self, total: int, label: str):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task(label, total=total)

    def __enter__(self) -> Bar:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def advance(self, done: int) -> None:
        """Set how many are done."""
        self._progress.update(self._task, completed=done)

    def step(self, n: int = 1) -> None:
        """Count `n` more as done."""
        self._progress.advance(self._task, n)


LONG_BUILD = 200  # below this many items a build is over before a bar helps


def bar_for(wanted: bool, total: int, label: str) -> Bar | None:
    """A bar for a long job when the user can see one (a terminal, not --quiet); else None."""
    return Bar(total, label) if wanted and total >= LONG_BUILD else None
