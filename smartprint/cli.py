"""The `smartprint` command line. Imports stay light here so `--help` answers fast;
the PDF machinery is loaded only when a command needs it."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from smartprint.parts.deck.backs import BACKS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Print-ready PDFs of SMART classroom material from short YAML files.\n\n"
         "Examples:  smartprint build styrkekort   ·   smartprint build mitt-kort.yaml -o kort.pdf",
)


BacksMode = Enum("BacksMode", {mode.replace("-", "_"): mode for mode in BACKS}, type=str)  # type: ignore[misc]


def _parse_only(value: str | None) -> tuple[int, ...] | None:
    """'7', '1,4,9' or '3-6' → sheet numbers."""
    if value is None:
        return None
    numbers: set[int] = set()
    try:
        for part in value.split(","):
            part = part.strip()
            if "-" in part:
                a, b = (int(x) for x in part.split("-", 1))
                if b < a or b - a > 1_000_000:
                    raise ValueError
                numbers.update(range(a, b + 1))
            else:
                numbers.add(int(part))
    except ValueError:
        raise typer.BadParameter("give sheet numbers like 7, 1,4,9 or 3-6") from None
    if not numbers or min(numbers) < 1:
        raise typer.BadParameter("sheet numbers start at 1")
    return tuple(sorted(numbers))


MAX_SHOWN = 12




def _fail(exc: Exception) -> int:
    """Print a user's mistakes, one line each (a long list is cut short); returns the
    exit status: 2 for a wrong command line, 1 for a mistake in a file."""
    from smartprint.errors import UsageError

    lines = str(exc).splitlines()
    for line in lines[:MAX_SHOWN]:
        typer.echo(line, err=True)
    if len(lines) > MAX_SHOWN:
        typer.echo(f"… and {len(lines) - MAX_SHOWN} more problems", err=True)
    return 2 if isinstance(exc, UsageError) else 1


SourcesArg = Annotated[list[str], typer.Argument(
    help="YAML files, or names of built-in material (see 'smartprint list').", show_default=False)]
LayoutOpt = Annotated[str | None, typer.Option("--layout", help="Built-in layout name or layout file.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors: write nothing if there are any.")]
AllowOpt = Annotated[list[Path] | None, typer.Option(
    "--allow-path", metavar="FOLDER",
    help="Let the file use pictures, fonts or layouts from this folder too (by default only its own folder).")]


@app.command()
def build(
    sources: SourcesArg,
    output: Annotated[str | None, typer.Option("-o", "--output", help="PDF to write (one source only). "
                                                  "Default: <name>.pdf in the current folder.")] = None,
    layout: LayoutOpt = None,
    backs: Annotated[BacksMode | None, typer.Option("--backs", help="How backs are printed.")] = None,
    sheets: Annotated[int | None, typer.Option("--sheets", min=1, help="How many sheets or boards.")] = None,
    seed: Annotated[int | None, typer.Option("--seed", min=0,
                                             help="Seed for shuffling (same seed, same sheets).")] = None,
    only: Annotated[str | None, typer.Option("--only", help="Only these sheet numbers, e.g. 7 or 3-6 or 1,4.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
    strict: StrictOpt = False,
    allow_path: AllowOpt = None,
) -> None:
    """Build PDFs."""
    if output is not None and len(sources) > 1:
        raise typer.BadParameter("-o/--output can only be used with one source", param_hint="-o")
    only_numbers = _parse_only(only)
    from smartprint.errors import UserError, display_path
    from smartprint.pipeline import Options, build, default_target
    from smartprint.target import check_distinct

    options = Options(layout=layout, backs=backs.value if backs else None, sheets=sheets, seed=seed,
                      only=only_numbers, progress=not quiet and sys.stderr.isatty(), strict=strict,
                      allow=tuple(p.resolve() for p in allow_path or ()))
    status = 0
    targets: list[tuple[str, Path]] = []
    for source in sources:
        try:
            targets.append((source, Path(output) if output is not None else default_target(source, options)))
        except UserError as exc:
            status = max(status, _fail(exc))
    try:
        check_distinct(targets)
    except UserError as exc:
        raise typer.Exit(_fail(exc)) from None
    for source, target in targets:
        try:
            written, pages, built = build(source, options, target)
        except UserError as exc:
            status = max(status, _fail(exc))
            continue
        except KeyboardInterrupt as exc:
            from smartprint.stopping import Stopped

            typer.echo(f"stopped; {display_path(target)} was not written", err=True)
            raise typer.Exit(143 if isinstance(exc, Stopped) else 130) from None
        for warning in built.job.warnings:
            typer.echo(str(warning), err=True)
        if not quiet:
            first, *more = built.describe(pages).splitlines()
            typer.echo(f"wrote {display_path(written)} ({first})")
            for line in more:
                typer.echo(line)
    if status:
        raise typer.Exit(status)


@app.command()
def validate(sources: SourcesArg,
             layout: LayoutOpt = None,
             backs: Annotated[BacksMode | None, typer.Option("--backs")] = None,
             strict: StrictOpt = False,
             allow_path: AllowOpt = None) -> None:
    """Check files as a build would, without writing anything."""
    from smartprint.errors import UserError
    from smartprint.pipeline import Options, check_only, prepare

    status = 0
    for source in sources:
        try:
            options = Options(layout=layout, backs=backs.value if backs else None, strict=strict,
                              allow=tuple(p.resolve() for p in allow_path or ()))
            pages, built = check_only(prepare(source, options))
            for warning in built.job.warnings:
                typer.echo(str(warning), err=True)
        except UserError as exc:
            status = max(status, _fail(exc))
            continue
        first, *more = built.describe(pages).splitlines()
        typer.echo(f"{source}: ok ({first})")
        for line in more:
            typer.echo(line)
    if status:
        raise typer.Exit(status)


@app.command("list")
def list_builtin() -> None:
    """Show the built-in material and layouts."""
    import yaml

    from smartprint import resources

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def read(folder: str, name: str) -> dict[str, object]:
        with open(resources.data_dir(folder) / f"{name}.yaml", encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=loader) or {}  # noqa: S506 - a safe loader
        return data if isinstance(data, dict) else {}

    def layout_kind(name: str) -> object:
        seen = set()
        data = read("layouts", name)
        while "kind" not in data and isinstance(data.get("extends"), str) and name not in seen:
            seen.add(name)
            name = str(data["extends"])
            data = read("layouts", name)
        return data.get("kind", "?")

    def describe(folder: str, name: str) -> str:
        data = read(folder, name)
        if folder == "decks":
            return f"{data.get('kind', '?')!s:<14} {data.get('title', '')}"
        return f"{layout_kind(name)!s:<14} {data.get('description', '')}"

    typer.echo("Built-in material (smartprint build NAME):")
    for name in resources.builtin_names("decks"):
        typer.echo(f"  {name:<18} {describe('decks', name)}")
    typer.echo("Built-in layouts (--layout NAME, or 'layout: NAME' in a file):")
    for name in resources.builtin_names("layouts"):
        typer.echo(f"  {name:<18} {describe('layouts', name)}")


def main() -> None:
    """The console script: SIGTERM stops a build as cleanly as Ctrl-C does."""
    from smartprint import stopping

    stopping.install()
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
