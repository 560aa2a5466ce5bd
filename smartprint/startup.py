"""How the process starts and ends, for the console script and `python -m smartprint`.

A build is short and makes many objects but almost no reference cycles (a few hundred
cyclic objects per build, measured in docs/BENCHMARKS.md), so the garbage collector
only costs time: its collections while importing and drawing were about a fifth of a
500-card build. It is off for the commands that end by themselves; a command that runs
on (a server, a watcher) gets it back, with everything imported so far frozen.

At the end, once output is flushed and every file is closed, the process leaves
without the interpreter's tear-down (freeing every module, object by object), after
running the `atexit` handlers itself, so no work registered there is lost.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

# Commands that finish by themselves; anything else (or --watch) keeps the collector.
SHORT_COMMANDS = frozenset({"build", "validate", "list", "new", "schema", "--help", "-h"})


def short_lived(args: Sequence[str]) -> bool:
    """True when the command line asks for a command that ends by itself."""
    return bool(args) and args[0] in SHORT_COMMANDS and "--watch" not in args


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection inside (one build); the collector is as before afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def exit_status(code: object) -> int:
    """The status `sys.exit(code)` would give (a message is printed, as Python does)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def leave(status: int) -> None:
    """End the process now, after the `atexit` handlers and with the standard streams
    flushed; falls back to an ordinary exit when that cannot be done safely (another
    thread still running, a stream that cannot be flushed, no way to run the handlers)."""
    threading = sys.modules.get("threading")
    run_exit_handlers: Callable[[], None] | None = getattr(__import__("atexit"), "_run_exitfuncs", None)
    if run_exit_handlers is None or (threading is not None and threading.active_count() > 1):
        gc.freeze()  # the tear-down need not walk every object once more
        raise SystemExit(status)
    run_exit_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        gc.freeze()
        raise SystemExit(status) from None  # Python reports the broken pipe its own way
    os._exit(status)


def main() -> None:
    """The console script: the command line with the collector off and a quick exit."""
    gc.disable()
    from smartprint.cli import main as command_line

    if not short_lived(sys.argv[1:]):
        gc.freeze()  # what is imported lives as long as the process: never scan it again
        gc.enable()
    try:
        command_line()
        status = 0
    except SystemExit as exc:
        status = exit_status(exc.code)
    leave(status)
