"""`build --watch` and `preview --watch`: build, then wait for the source or any file the
build read (its layout chain, class list, pictures, fonts) to be saved, and build again.
A mistake is printed and the watch goes on; Ctrl-C ends it (a build it interrupts
leaves no temporary file: the atomic write removes it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

DEBOUNCE_MS = 300  # editors save in several steps (write, rename); wait for them to settle
STEP_MS = 50
READY_MS = 100  # the watcher yields nothing after this long: it is running, so say "watching"


def watch(build_once: Callable[[], object], sources: Iterable[Path], say: Callable[[str], None]) -> None:
    """Run `build_once` now and after every save of a file it read, until Ctrl-C
    (KeyboardInterrupt, raised to the caller)."""
    import watchfiles

    from smartprint.load import reads

    sources = [path.resolve() for path in sources]
    watched = set(sources)
    while True:
        before = _stamps(watched)
        with reads.recording() as read:
            build_once()
        watched |= read  # after a mistake a build reads less: keep what earlier builds read
        folders = sorted({path.parent for path in watched if path.parent.is_dir()})
        others = len(watched - set(sources))
        uses = f" and {others} other file{'s' if others != 1 else ''} it uses" if others else ""

        def saved(change: watchfiles.Change, name: str, watched: set[Path] = watched) -> bool:
            return Path(name).resolve() in watched

        announced = False
        for changes in watchfiles.watch(
            *folders,
            watch_filter=saved,
            debounce=DEBOUNCE_MS,
            step=STEP_MS,
            recursive=False,
            rust_timeout=READY_MS,
            yield_on_timeout=True,
        ):
            if not announced:  # the watcher runs now; a save during the build was not seen by it
                announced = True
                if _stamps(before) != before:
                    say("saved while building; building again")
                    break
                say(f"watching for changes (the source{uses}); Ctrl-C stops")
            if changes:
                names = sorted({Path(name).name for _, name in changes})
                say(f"saved: {', '.join(names)}; building again")
                break


def _stamps(paths: Iterable[Path]) -> dict[Path, int | None]:
    """Each file's modification time (None: not there), to see a save the watcher missed."""
    stamps: dict[Path, int | None] = {}
    for path in paths:
        try:
            stamps[path] = path.stat().st_mtime_ns
        except OSError:
            stamps[path] = None
    return stamps
