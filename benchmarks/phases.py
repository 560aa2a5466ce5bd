"""One smartprint command, run as `python -m smartprint` runs it, with its phases timed.

    python benchmarks/phases.py OUT.json build deck.yaml -q -o deck.pdf

`run.py` starts this as a whole process and adds what only the parent can see: the
interpreter's start (from spawning the process to this file's first line) and the
exit (from the command's end to the parent's `wait4`). Inside, the phases are wall
time of the real functions, wrapped where they are looked up: `imports` is all time
in import statements (wherever they happen, counted once), `load` is
`pipeline.prepare` (reading, checking, layout and fonts), `plan` is `pipeline.plan`,
`draw` is `pipeline.render` less `save` (reportlab's `Canvas.save` and the join of
parts), each less the imports made inside it; `other` is the rest (the command line,
the target checks). Works on older checkouts too (no `smartprint.console`), so a
before/after table comes from the same probe.
"""

from __future__ import annotations

import time

STARTED = time.time()

import builtins  # noqa: E402 - the clock above starts first
import gc  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

spent: dict[str, float] = {"imports": 0.0, "load": 0.0, "plan": 0.0, "render": 0.0, "save": 0.0}
_depth = 0


def _counting(real: Callable[..., Any]) -> Callable[..., Any]:
    """An import function that adds the time of outermost imports to `imports`."""

    def counted(*args: Any, **kwargs: Any) -> Any:
        global _depth
        if _depth:
            return real(*args, **kwargs)
        _depth += 1
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent["imports"] += time.perf_counter() - start
            _depth -= 1

    return counted


builtins.__import__ = _counting(builtins.__import__)
importlib.import_module = _counting(importlib.import_module)


def _phase(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    """`real`, its time (less the imports made inside it) added to phase `name`."""

    def timed(*args: Any, **kwargs: Any) -> Any:
        start, imports = time.perf_counter(), spent["imports"]
        try:
            return real(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start - (spent["imports"] - imports)

    return timed


def _hook_when_imported() -> None:
    """Wrap the pipeline and the writer's save once the command line has imported them."""
    from reportlab.pdfgen.canvas import Canvas

    from smartprint import pipeline
    from smartprint.write import pdfjoin

    pipeline.prepare = _phase("load", pipeline.prepare)
    pipeline.plan = _phase("plan", pipeline.plan)
    pipeline.render = _phase("render", pipeline.render)
    Canvas.save = _phase("save", Canvas.save)
    pdfjoin.join = _phase("save", pdfjoin.join)


def _report(out: str) -> None:
    phases = dict(spent)
    phases["draw"] = phases.pop("render") - phases["save"]
    phases["ended"] = time.time()
    phases["started"] = STARTED
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(phases, fh)


def main() -> None:
    out = sys.argv[1]
    sys.argv = ["smartprint", *sys.argv[2:]]
    try:
        from smartprint import console, startup
    except ImportError:  # a checkout from before the start-up work
        console = startup = None
    if console is not None and startup is not None:
        real_leave = startup.leave

        def leave(status: int) -> None:
            _report(out)
            real_leave(status)

        startup.leave = leave
        gc.disable()  # as console.main does first, before the imports the hooks need
        startup.skip_pydantic_plugin_scan()
        _hook_when_imported()
        console.main()
        return
    from smartprint.cli import main as command_line

    _hook_when_imported()
    try:
        command_line()
    finally:
        _report(out)


if __name__ == "__main__":
    main()
