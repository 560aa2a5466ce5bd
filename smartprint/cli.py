"""The `smartprint` command line. Imports stay light here so `--help` answers fast;
the PDF machinery is loaded only when a command needs it."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Mapping
from inspect import Parameter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from smartprint.pipeline import Built

from smartprint import options as declared  # every option, declared once (light to import)
from smartprint.kinds import KINDS  # the registry only: no kind is loaded


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
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "-o",
        "--output",
        metavar="FILE.pdf",
        help="PDF to write (one source only). Default: <name>.pdf in the current folder.",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")]


class _WithOptions:
    """A command: `run`'s own parameters, with one option per declaration in
    smartprint/options.py where `run` has its parameter `given` (so an option is one
    declaration there). The declarations are read whenever the command line is built,
    so one declared later is offered too; `run` gets their values in `given`, by field."""

    def __init__(self, run: Callable[..., None]) -> None:
        self.run = run
        self.__doc__ = run.__doc__
        self.__annotations__: dict[str, Any] = {}  # typer asks for type hints; the signature has them

    @property
    def __signature__(self) -> inspect.Signature:
        parameters: list[Parameter] = []
        for own in inspect.signature(self.run, eval_str=True).parameters.values():
            if own.name == "given":
                parameters += [_parameter(flag) for flag in declared.flags()]
            else:
                parameters.append(own.replace(kind=Parameter.KEYWORD_ONLY))
        return inspect.Signature(parameters)

    def __call__(self, **values: Any) -> None:
        fields = {flag.field for flag in declared.flags()}
        self.run(
            given={k: v for k, v in values.items() if k in fields},
            **{k: v for k, v in values.items() if k not in fields},
        )


def _parameter(flag: declared.Flag) -> inspect.Parameter:
    """The typer option for a declared flag: its value as the command line gives it, or
    None (False for a yes/no flag) when it is not given."""
    names = typer.Option(flag.option, metavar=flag.metavar, help=flag.help, show_default=False)
    if flag.given_as is bool:
        return inspect.Parameter(flag.field, Parameter.KEYWORD_ONLY, annotation=Annotated[bool, names], default=False)
    given: Any = flag.given_as | None
    return inspect.Parameter(flag.field, Parameter.KEYWORD_ONLY, annotation=Annotated[given, names], default=None)


def _options(given: Mapping[str, Any], **fixed: Any) -> declared.Options:
    """The options of one run; a value that cannot work is a usage error naming its flag."""
    try:
        return declared.read(given, **fixed)
    except declared.FlagError as exc:
        raise typer.BadParameter(str(exc), param_hint=exc.flag.option) from None


def _build(sources: SourcesArg, output: OutputOpt = None, *, given: Mapping[str, Any], quiet: QuietOpt = False) -> None:
    """Build PDFs from your YAML files or built-in material.

    Examples: smartprint build styrkekort  ·  smartprint build mine-kort.yaml -o kort.pdf
    ·  smartprint build styrkekort --backs fold"""
    options = _options(given, progress=not quiet and sys.stderr.isatty())
    if output is not None and len(sources) > 1:
        raise typer.BadParameter("-o/--output can only be used with one source", param_hint="-o")
    from smartprint.errors import UserError, display_path
    from smartprint.pipeline import build, default_target
    from smartprint.write.target import check_distinct

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
            written, built = build(source, options, target)
        except UserError as exc:
            status = max(status, _fail(exc))
            continue
        except KeyboardInterrupt as exc:
            from smartprint.write.stopping import Stopped

            typer.echo(f"stopped; {display_path(target)} was not written", err=True)
            raise typer.Exit(143 if isinstance(exc, Stopped) else 130) from None
        _report(built, [(f"wrote {display_path(w.path)}", w.what) for w in written], quiet)
    if status:
        raise typer.Exit(status)


app.command("build")(_WithOptions(_build))


def _report(built: Built, files: list[tuple[str, str]], quiet: bool = False) -> None:
    """Warnings on stderr; then, per file, what was made and what its pages are (and, for
    a print shop, the lines to forward)."""
    for warning in built.job.warnings:
        typer.echo(str(warning), err=True)
    if quiet:
        return
    for done, what in files:
        first, *more = what.splitlines()
        typer.echo(f"{done} ({first})")
        for line in more:
            typer.echo(line)


def _validate(sources: SourcesArg, *, given: Mapping[str, Any]) -> None:
    """Check files as a build would (with the same options), without writing anything."""
    options = _options(given)
    from smartprint.errors import UserError
    from smartprint.pipeline import check_only, prepare

    status = 0
    for source in sources:
        try:
            pages, built = check_only(prepare(source, options))
        except UserError as exc:
            status = max(status, _fail(exc))
            continue
        _report(built, [(f"{source}: ok", built.describe(pages))])
    if status:
        raise typer.Exit(status)


app.command("validate")(_WithOptions(_validate))


_FIRST_KIND = next(iter(KINDS))


@app.command(
    help="Copy a built-in material to edit, or start a new file of a kind (never overwrites).\n\n"
    f"Examples: smartprint new styrkekort  ·  smartprint new {_FIRST_KIND} ny.yaml"
)
def new(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A built-in material to copy (see 'smartprint list'), or a kind for a commented "
            "starter: " + ", ".join(KINDS) + ".",
            show_default=False,
        ),
    ],
    file: Annotated[
        str | None, typer.Argument(metavar="[FILE]", help="Where to write it. Default: NAME.yaml.", show_default=False)
    ] = None,
) -> None:
    """Copy a built-in material to edit, or start a new file of a kind (never overwrites)."""
    from smartprint.commands.newfile import NewFileError, write_new

    try:
        written, origin = write_new(name, file)
    except NewFileError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(exc.status) from None
    typer.echo(f"wrote {written} ({origin})")
    typer.echo(f"next: change the words in {written}, then run:  smartprint build {written}")


@app.command("schema")
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(
            metavar="KIND", help="One kind only: " + ", ".join(KINDS) + ". Default: every kind.", show_default=False
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a material file, for editors that complete and check keys.

    Example: smartprint schema > smartprint.schema.json"""
    import json

    from smartprint.check.schema import material_schema

    if kind is not None and kind not in KINDS:
        raise typer.BadParameter(f"unknown kind '{kind}'; known kinds: {', '.join(KINDS)}", param_hint="KIND")
    typer.echo(json.dumps(material_schema(kind), ensure_ascii=False, indent=2))


@app.command("list")
def list_builtin() -> None:
    """Show the built-in material and layouts."""
    from smartprint.commands.listing import listing

    for line in listing():
        typer.echo(line)


@app.command()
def serve(
    folder: Annotated[
        Path,
        typer.Argument(metavar="FOLDER", help="The folder with your materials (default: this one).", show_default=False),
    ] = Path("."),
    port: Annotated[
        int, typer.Option("--port", metavar="N", help="Port to listen on (default: a free one).", show_default=False)
    ] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open the browser.")] = False,
) -> None:
    """A page in your browser: edit a material on the left, see the printed pages on the right."""
    if not folder.is_dir():
        typer.echo(f"{folder}: not a folder", err=True)
        raise typer.Exit(2)
    try:
        from smartprint.serve.command import serve as run_page
    except ImportError as exc:
        typer.echo(f"smartprint serve needs more packages ({exc.name}): pip install 'smartprint[serve]'", err=True)
        raise typer.Exit(1) from None
    try:
        run_page(folder, port, open_browser=not no_browser)
    except OSError as exc:
        typer.echo(f"port {port}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None


def main() -> None:
    """The console script: SIGTERM stops a build as cleanly as Ctrl-C does."""
    from smartprint.write import stopping

    stopping.install()
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
