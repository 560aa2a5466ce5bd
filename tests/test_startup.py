"""How the command line starts and ends (smartprint/startup.py): what it skips must stay
skipped, and what it must still do (exit handlers, flushed output, exit status) happens."""

import gc
import subprocess
import sys
import textwrap
from pathlib import Path

from smartprint import startup


def imported(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run the real command line; the modules it imported (from -X importtime)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "smartprint", *args], cwd=cwd, capture_output=True, text=True
    )
    return done, _modules(done.stderr)


def _modules(importtime: str) -> set[str]:
    return {line.rsplit("|", 1)[-1].strip() for line in importtime.splitlines() if line.startswith("import time:")}


def test_validate_builds_validators_without_reading_package_metadata(tmp_path):
    """pydantic's plugin loader would import importlib.metadata and scan every installed
    package; the stand-in must still be the module pydantic asks. If pydantic moves its
    loader, importlib.metadata shows up here again."""
    done, modules = imported("validate", "styrkekort", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "pydantic_core" in modules and "smartprint.kinds.cards.model" in modules  # validators were built
    assert "importlib.metadata" not in modules


def test_typer_still_has_the_hook_the_coercion_fix_replaces():
    """The fix replaces typer's `_TyperParameter.get_runtime_param`; a typer without it
    (or with a `RuntimeParam` whose `coerce` no longer answers None itself) fails here."""
    from typer import _coercion
    from typer.core import _TyperParameter

    import smartprint.cli  # noqa: F401 - applies the fix

    assert _TyperParameter.get_runtime_param.__module__ == "smartprint.startup"
    deferred = _TyperParameter.get_runtime_param

    class Param:
        _runtime_param = None
        type_descriptor = _coercion.resolve_type_descriptor(int | None, _coercion.OptionInfo())
        multiple, nargs = False, 1

    param = Param()
    runtime = deferred(param)
    assert runtime.coerce(None, param=param, ctx=None) is None
    assert "built" not in vars(runtime)  # nothing was built for a value left at its default
    assert runtime.coerce("12", param=param, ctx=None) == 12  # typer's own coercion, once given


def test_list_imports_no_pydantic_and_leaves_after_exit_handlers_and_output(tmp_path):
    """typer builds a parameter's coercion (a pydantic TypeAdapter) only for a value
    given, so `list` imports no pydantic; the process leaves without tear-down only
    after the atexit handlers ran and the output reached the pipe (exit status kept:
    tests/test_cli.py checks the statuses of failing commands through the same exit)."""
    probe = textwrap.dedent(
        """
        import atexit, sys
        atexit.register(lambda: print("handler ran", flush=True))
        sys.argv = ["smartprint", *sys.argv[1:]]
        from smartprint.console import main
        main()
        """
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", probe, "list"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Built-in material") and "styrkekort" in done.stdout
    assert lines[-1] == "handler ran"
    modules = _modules(done.stderr)
    assert "typer" in modules
    assert not any(m == "pydantic" or m.startswith("pydantic.") for m in modules)


def test_the_collector_is_kept_for_commands_that_run_on():
    assert startup.short_lived(["build", "a.yaml"]) and startup.short_lived(["list"])
    assert not startup.short_lived(["build", "a.yaml", "--watch"])
    assert not startup.short_lived(["serve"]) and not startup.short_lived([])


def test_a_build_pauses_the_collector_and_gives_it_back():
    was = gc.isenabled()
    gc.enable()
    try:
        with startup.collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()
        with startup.collector_paused():
            pass
        assert not gc.isenabled()  # off before: stays off
    finally:
        (gc.enable if was else gc.disable)()


def test_exit_status_as_python_gives_it():
    assert startup.exit_status(None) == 0 and startup.exit_status(2) == 2 and startup.exit_status(256) == 0
