"""The console script and `python -m smartprint`: the command line, started and ended
as smartprint/startup.py explains (no garbage collection in a short command, no
package-metadata scan, a quick exit once everything is written)."""

from __future__ import annotations

import gc
import sys

from smartprint import startup


def main() -> None:
    """Run the command line with the collector off (for a command that ends by itself)
    and leave without tear-down once its output is out."""
    gc.disable()  # imports make many objects and no garbage
    startup.skip_pydantic_plugin_scan()
    from smartprint.cli import main as command_line

    if not startup.short_lived(sys.argv[1:]):
        gc.freeze()  # what is imported lives as long as the process: never scan it again
        gc.enable()
    try:
        command_line()
        status = 0
    except SystemExit as exc:
        status = startup.exit_status(exc.code)
    startup.leave(status)
