"""How the process starts and ends: the pieces smartprint/console.py puts together.

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

import functools
import gc
import importlib
import os
import sys
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

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


PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"


class _NoPydanticPlugins(types.ModuleType):
    """Stands in for pydantic's plugin loader: no plugins, as pydantic itself answers
    under PYDANTIC_DISABLE_PLUGINS=__all__, without importing `importlib.metadata`.
    Anything else asked of it comes from the real loader, so a newer pydantic that
    wants more from this module still gets it."""

    def get_plugins(self) -> tuple[()]:
        return ()

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def skip_pydantic_plugin_scan() -> None:
    """The first validator pydantic builds looks for plugins in the metadata of every
    installed package (importing `importlib.metadata` and reading them all, about 13 ms
    of a card build). smartprint uses no pydantic plugin; pydantic offers the switch
    (PYDANTIC_DISABLE_PLUGINS) but still imports the loader's `importlib.metadata`, so
    the command line puts this stand-in in its place (tests/test_startup.py fails if
    pydantic stops using it). Left alone if the loader is imported already or the
    environment says which plugins to use."""
    if PYDANTIC_PLUGIN_LOADER in sys.modules or os.environ.get("PYDANTIC_DISABLE_PLUGINS") is not None:
        return
    sys.modules[PYDANTIC_PLUGIN_LOADER] = _NoPydanticPlugins(PYDANTIC_PLUGIN_LOADER)


def typer_coercion_when_given() -> None:
    """typer 0.29 builds a pydantic TypeAdapter for every parameter while parsing, even
    for one left at its default None, whose value it then returns without asking the
    adapter (`RuntimeParam.coerce`); that alone imports pydantic for `smartprint list`.
    Here a parameter's coercion is built when a value is first given, and used exactly
    as typer would use it. typer has no hook for this, so it is done narrowly, only
    where typer's classes are as expected (tests/test_startup.py fails if they change)."""
    try:
        from typer import _coercion
        from typer.core import _TyperParameter
    except ImportError:  # pragma: no cover - another typer: left as it is
        return
    runtime_param = getattr(_coercion, "RuntimeParam", None)
    found = getattr(_coercion, "build_runtime_param", None)
    if runtime_param is None or found is None or not hasattr(_TyperParameter, "get_runtime_param"):
        return
    build: Callable[[Any], Any] = found

    @dataclass(frozen=True)
    class BuiltWhenGiven(runtime_param):  # type: ignore[misc, valid-type]
        descriptor: Any

        @functools.cached_property
        def built(self) -> Any:
            return build(self.descriptor)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            return self.built._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            described = self.type_descriptor
            self._runtime_param = BuiltWhenGiven(described.parameter_info, described.annotation, described)
        return self._runtime_param

    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
