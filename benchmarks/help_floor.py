"""The floor under `smartprint --help`: a bare typer command line with smartprint's
nine commands, each taking a file and two options and doing nothing.

    python benchmarks/help_floor.py --help

What this takes is what typer itself takes to start and print the list of commands;
`smartprint --help` cannot go much below it while its command line is made with typer.
"""

from __future__ import annotations

import typer

COMMANDS = ("build", "preview", "validate", "new", "schema", "list", "help", "hjelp", "serve")

app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False, help="Floor.")


def _command(source: list[str], output: str = "", quiet: bool = False) -> None:
    """A command that does nothing."""


for name in COMMANDS:
    app.command(name)(_command)

if __name__ == "__main__":
    app()
