"""The `smartprint` command line. Imports stay light here so `--help` answers fast;
the PDF machinery is loaded only when a command needs it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from smartprint.pipeline import Built

from smartprint.parts.deck.backs import BACKS


def _plain_argument_help() -> None:
    """Show arguments as teachers read them: `SOURCE...`, not `{sources}... <list[str]>`.
    (typer prints Python types beside arguments; guarded, so a newer typer without
    these hooks only looks less tidy.)"""
    from typer.core import TyperArgument

    def usage_name(self: TyperArgument) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    if hasattr(TyperArgument, "_usage_display_name"):
        TyperArgument._usage_display_name = usage_name  # type: ignore[method-assign]
    if hasattr(TyperArgument, "display_type_rich"):
        TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


_plain_argument_help()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Print-ready PDFs of SMART classroom material from short YAML files.\n\n"
    "Start:  smartprint list  ·  smartprint build styrkekort  ·  smartprint new styrkekort mine-kort.yaml",
)


def _backs(value: str | None) -> str | None:
    """--backs, checked here so a typo gets a plain message (not a library's)."""
    if value is None or value in BACKS:
        return value
    from smartprint.check.validation import did_you_mean

    hint = did_you_mean(value, list(BACKS)) or f"; use one of {', '.join(BACKS)}"
    raise typer.BadParameter(f"'{value}' is not a way to print backs{hint}", param_hint="--backs")


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
        raise typer.BadParameter("give sheet numbers like 7, 1,4,9 or 3-6", param_hint="--only") from None
    if not numbers or min(numbers) < 1:
        raise typer.BadParameter("sheet numbers start at 1", param_hint="--only")
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


SourcesArg = Annotated[
    list[str],
    typer.Argument(
        metavar="SOURCE",
        show_default=False,
        help="YAML files, or names of built-in material (see 'smartprint list'); "
        "'smartprint new NAME' makes an editable copy.",
    ),
]
LayoutOpt = Annotated[
    str | None, typer.Option("--layout", metavar="NAME|FILE", help="Built-in layout name or layout file.")
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors: write nothing if there are any.")]
SheetsOpt = Annotated[
    int | None, typer.Option("--sheets", metavar="N", help="Bingo, five-in-a-row: how many different sheets or boards.")
]
SeedOpt = Annotated[
    int | None,
    typer.Option(
        "--seed",
        metavar="CODE",
        help="Bingo, five-in-a-row, board games: the code that shuffles them (same code, same sheets).",
    ),
]
OnlyOpt = Annotated[
    str | None,
    typer.Option("--only", metavar="NUMBERS", help="Bingo, five-in-a-row: reprint only these, e.g. 7 or 3-6 or 1,4."),
]
PupilsOpt = Annotated[
    str | None,
    typer.Option(
        "--pupils",
        metavar="FILE",
        help="A class list (.txt one name a line, or .csv with a column 'navn'): one page per pupil, with the name.",
    ),
]
PupilsColumnOpt = Annotated[
    str | None,
    typer.Option(
        "--pupils-column", metavar="NAME", help="The .csv class list's column of names (default: navn or name)."
    ),
]
AllowOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--allow-path",
        metavar="FOLDER",
        help="Let the file use pictures, fonts or layouts from this folder too (by default only its own folder).",
    ),
]


@app.command()
def build(
    sources: SourcesArg,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE.pdf",
            help="PDF to write (one source only). Default: <name>.pdf in the current folder.",
        ),
    ] = None,
    layout: LayoutOpt = None,
    backs: Annotated[
        str | None, typer.Option("--backs", metavar="|".join(BACKS), help="Card decks: how backs are printed.")
    ] = None,
    sheets: SheetsOpt = None,
    seed: SeedOpt = None,
    only: OnlyOpt = None,
    pupils: PupilsOpt = None,
    pupils_column: PupilsColumnOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
    strict: StrictOpt = False,
    allow_path: AllowOpt = None,
) -> None:
    """Build PDFs from your YAML files or built-in material.

    Examples: smartprint build styrkekort  ·  smartprint build mine-kort.yaml -o kort.pdf
    ·  smartprint build paaskebingo --sheets 40"""
    _check_numbers(sheets, seed)
    if output is not None and len(sources) > 1:
        raise typer.BadParameter("-o/--output can only be used with one source", param_hint="-o")
    only_numbers = _parse_only(only)
    from smartprint.errors import UserError, display_path
    from smartprint.pipeline import Options, build, default_target
    from smartprint.write.target import check_distinct

    options = Options(
        layout=layout,
        backs=_backs(backs),
        sheets=sheets,
        seed=seed,
        only=only_numbers,
        progress=not quiet and sys.stderr.isatty(),
        strict=strict,
        allow=tuple(p.resolve() for p in allow_path or ()),
        pupils=pupils,
        pupils_column=pupils_column,
    )
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
            from smartprint.write.stopping import Stopped

            typer.echo(f"stopped; {display_path(target)} was not written", err=True)
            raise typer.Exit(143 if isinstance(exc, Stopped) else 130) from None
        _report(built, pages, f"wrote {display_path(written)}", quiet)
    if status:
        raise typer.Exit(status)


def _report(built: Built, pages: int, what: str, quiet: bool = False) -> None:
    """Warnings on stderr; then what was made and what the pages are (and, for a print
    shop, the lines to forward)."""
    for warning in built.job.warnings:
        typer.echo(str(warning), err=True)
    if quiet:
        return
    first, *more = built.describe(pages).splitlines()
    typer.echo(f"{what} ({first})")
    for line in more:
        typer.echo(line)


def _check_numbers(sheets: int | None, seed: int | None) -> None:
    if sheets is not None and sheets < 1:
        raise typer.BadParameter("give at least 1 sheet", param_hint="--sheets")
    if seed is not None and not 0 <= seed < 2**63:
        raise typer.BadParameter("the code is a whole number, 0 or more", param_hint="--seed")


@app.command()
def validate(
    sources: SourcesArg,
    layout: LayoutOpt = None,
    backs: Annotated[str | None, typer.Option("--backs", metavar="|".join(BACKS))] = None,
    sheets: SheetsOpt = None,
    seed: SeedOpt = None,
    only: OnlyOpt = None,
    strict: StrictOpt = False,
    allow_path: AllowOpt = None,
    pupils: PupilsOpt = None,
    pupils_column: PupilsColumnOpt = None,
) -> None:
    """Check files as a build would (with the same options), without writing anything."""
    from smartprint.errors import UserError
    from smartprint.pipeline import Options, check_only, prepare

    _check_numbers(sheets, seed)
    only_numbers = _parse_only(only)
    status = 0
    for source in sources:
        try:
            options = Options(
                layout=layout,
                backs=_backs(backs),
                sheets=sheets,
                seed=seed,
                only=only_numbers,
                strict=strict,
                allow=tuple(p.resolve() for p in allow_path or ()),
                pupils=pupils,
                pupils_column=pupils_column,
            )
            pages, built = check_only(prepare(source, options))
        except UserError as exc:
            status = max(status, _fail(exc))
            continue
        _report(built, pages, f"{source}: ok")
    if status:
        raise typer.Exit(status)


@app.command()
def new(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A built-in material to copy (see 'smartprint list'), or a kind for a commented "
            "starter: " + ", ".join(__import__("smartprint.kinds").kinds.KINDS) + ".",
            show_default=False,
        ),
    ],
    file: Annotated[
        str | None, typer.Argument(metavar="[FILE]", help="Where to write it. Default: NAME.yaml.", show_default=False)
    ] = None,
) -> None:
    """Copy a built-in material to edit, or start a new file of a kind (never overwrites).

    Examples: smartprint new styrkekort  ·  smartprint new cards mine-kort.yaml"""
    from smartprint.commands.newfile import NewFileError, write_new

    try:
        written, origin = write_new(name, file)
    except NewFileError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(exc.status) from None
    typer.echo(f"wrote {written} ({origin})")
    typer.echo(f"next: change the words in {written}, then run:  smartprint build {written}")


@app.command("list")
def list_builtin() -> None:
    """Show the built-in material and layouts."""

    import yaml

    from smartprint.load import resources

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
            title = str(data.get("title", ""))
            if data.get("kind") == "sheet":  # {navn} (filled in per pupil) shows as '…', {{ and }} as braces
                from smartprint.resolve.placeholders import fill

                title = fill(title, None, "…")
            return f"{data.get('kind', '?')!s:<{kind_w}} {title}"
        return f"{layout_kind(name)!s:<{kind_w}} {data.get('description', '')}"

    from smartprint.kinds import KINDS

    name_w = max(len(n) for folder in ("decks", "layouts") for n in resources.builtin_names(folder))
    kind_w = max(len(k) for k in KINDS)
    typer.echo("Built-in material (smartprint build NAME):")
    for name in resources.builtin_names("decks"):
        typer.echo(f"  {name:<{name_w}} {describe('decks', name)}")
    typer.echo("Built-in layouts (--layout NAME, or 'layout: NAME' in a file):")
    for name in resources.builtin_names("layouts"):
        typer.echo(f"  {name:<{name_w}} {describe('layouts', name)}")


def main() -> None:
    """The console script: SIGTERM stops a build as cleanly as Ctrl-C does."""
    from smartprint.write import stopping

    stopping.install()
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
