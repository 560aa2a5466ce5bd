"""The `smartprint` command line. Imports stay light here so `--help` answers fast;
the PDF machinery is loaded only when a command needs it."""

from __future__ import annotations

import inspect
import io
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
from smartprint.startup import typer_coercion_when_given


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
typer_coercion_when_given()  # no pydantic for parameters left at their default

app = typer.Typer(
    add_completion=True,  # --install-completion: Tab completes commands and options (bash, zsh, fish, PowerShell)
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Print-ready PDFs of SMART classroom material from short YAML files.\n\n"
    "Start:  smartprint list  ·  smartprint build styrkekort  ·  smartprint new styrkekort mine-kort.yaml",
)


MAX_SHOWN = 12


def _fail(exc: Exception, short: str | None = None) -> int:
    """Print a user's mistakes, one line each (a long list is cut short); returns the
    exit status: 2 for a wrong command line, 1 for a mistake in a file. With `short` (a
    file of a folder build), only the first line and how many more there are."""
    from smartprint.errors import UsageError

    lines = str(exc).splitlines()
    if short is not None and len(lines) > 1:
        lines = [f"{lines[0]} (and {len(lines) - 1} more; smartprint validate {short} shows them all)"]
    for line in lines[:MAX_SHOWN]:
        typer.echo(line, err=True)
    if len(lines) > MAX_SHOWN:
        typer.echo(f"… and {len(lines) - MAX_SHOWN} more problems", err=True)
    return 2 if isinstance(exc, UsageError) else 1


SOURCE_HELP = (
    "A YAML file, or the name of built-in material (see 'smartprint list'); "
    "'smartprint new NAME' makes an editable copy."
)
SourcesArg = Annotated[
    list[str],
    typer.Argument(
        metavar="SOURCE",
        show_default=False,
        help="YAML files or a folder of them, or names of built-in material (see 'smartprint list'); "
        "'smartprint new NAME' makes an editable copy.",
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "-o",
        "--output",
        metavar="FILE.pdf",
        help="PDF to write (one source only). Default: <name>.pdf in the current folder. "
        "FILE.png writes a preview instead (see 'smartprint preview').",
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
        self._made: tuple[tuple[declared.Flag, ...], inspect.Signature] | None = None

    @property
    def __signature__(self) -> inspect.Signature:
        """Made again only when the declarations changed (typer asks several times while
        it builds the command line, and evaluating annotations is most of the asking)."""
        flags = tuple(declared.flags())
        if self._made is not None and self._made[0] == flags:
            return self._made[1]
        parameters: list[Parameter] = []
        for own in inspect.signature(self.run, eval_str=True).parameters.values():
            if own.name == "given":
                parameters += [_parameter(flag) for flag in flags]
            else:
                parameters.append(own.replace(kind=Parameter.KEYWORD_ONLY))
        self._made = (flags, inspect.Signature(parameters))
        return self._made[1]

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


WatchOpt = Annotated[
    bool,
    typer.Option(
        "--watch",
        "-w",
        help="Keep running: build again whenever the file, its layout, class list or pictures are saved "
        "(Ctrl-C stops).",
    ),
]
BuildWatchOpt = Annotated[
    bool,
    typer.Option(
        "--watch",
        "-w",
        help="Keep running: build again whenever a file, its layout, class list or pictures are saved, "
        "and build a material added to a FOLDER (Ctrl-C stops).",
    ),
]


def _build(
    sources: SourcesArg,
    output: OutputOpt = None,
    *,
    given: Mapping[str, Any],
    quiet: QuietOpt = False,
    watch: BuildWatchOpt = False,
) -> None:
    """Build PDFs from your YAML files or built-in material.

    Examples: smartprint build styrkekort  ·  smartprint build mine-kort.yaml -o kort.pdf
    ·  smartprint build styrkekort --backs fold"""
    options = _options(given, progress=not quiet and sys.stderr.isatty())
    if output is not None and len(sources) > 1:
        raise typer.BadParameter("-o/--output can only be used with one source", param_hint="-o")
    from smartprint.errors import UserError
    from smartprint.pipeline import default_target
    from smartprint.write.target import check_distinct

    if output is not None and Path(output).suffix.lower() == ".png":
        _preview_run(sources[0], options, Path(output), dpi=DEFAULT_DPI, pages=None, quiet=quiet, watch=watch)
        return
    status = 0
    targets: list[tuple[str, Path]] = []
    folders = [Path(source) for source in sources if _is_folder(source)]
    for source in sources:
        try:
            if _is_folder(source):
                targets += _folder_targets(Path(source), options)
                if output is not None:
                    raise typer.BadParameter("-o/--output names one PDF; a folder's PDFs are written beside its files")
            else:
                targets.append((source, Path(output) if output is not None else default_target(source, options)))
        except UserError as exc:
            status = max(status, _fail(exc))
    try:
        check_distinct(targets)
    except UserError as exc:
        raise typer.Exit(_fail(exc)) from None
    if watch:
        _watch_builds(targets, folders, options, quiet)
    status = max(status, _build_all(targets, options, quiet, bool(folders)))
    if status:
        raise typer.Exit(status)


def _watch_builds(targets: list[tuple[str, Path]], folders: list[Path], options: declared.Options, quiet: bool) -> None:
    """Build every target now and after every save; a material added to one of `folders`
    is built beside its file, as `build FOLDER` would have."""
    from smartprint.errors import UserError
    from smartprint.write.target import check_distinct

    chosen = {_located(source, options).resolve(): (source, target) for source, target in targets}

    def build_one(path: Path) -> bool:
        key = path.resolve()
        if key not in chosen:  # new in a folder while watching
            beside = [chosen[other] for other in chosen if other.parent == key.parent and other.is_file()]
            try:
                target = _beside(path, options)
                check_distinct([*beside, (str(path), target)])
            except UserError as exc:
                _fail(exc, short=str(path))
                return False
            chosen[key] = (str(path), target)
        source, target = chosen[key]
        return _build_one(source, target, options, quiet, short=bool(folders)) == 0

    _watching(build_one, [_located(source, options) for source, _ in targets], folders)


def _located(source: str, options: declared.Options) -> Path:
    """The file a source names (a name that is none stays as it is: its build says why)."""
    from smartprint.errors import UserError
    from smartprint.pipeline import locate_source

    try:
        return locate_source(source, options.language)
    except UserError:
        return Path(source)


def _watching(build_one: Callable[[Path], bool], sources: list[Path], folders: list[Path] | None = None) -> None:
    """Build now and after every save, until Ctrl-C (then exit 0: stopping is the way out)."""
    from smartprint.commands.watch import watch

    try:
        watch(build_one, sources, lambda line: typer.echo(line, err=True), folders or [])
    except KeyboardInterrupt:
        typer.echo("stopped watching", err=True)
        raise typer.Exit(0) from None
    raise typer.Exit(1)  # the folder went away (watch said so)


def _build_all(targets: list[tuple[str, Path]], options: declared.Options, quiet: bool, folders: bool) -> int:
    """Build each source to its target, saying what was written or what is wrong; the
    exit status (0, or the worst failure's)."""
    from smartprint.commands.folder import summary

    status = 0
    failed: list[str] = []
    for source, target in targets:
        failure = _build_one(source, target, options, quiet, short=folders)
        if failure:
            failed.append(source)
            status = max(status, failure)
    if folders and not quiet:
        typer.echo(summary(len(targets), failed))
    return status


def _build_one(source: str, target: Path, options: declared.Options, quiet: bool, short: bool) -> int:
    """Build one source, saying what was written or what is wrong (with `short`, a
    folder's file: one line); the exit status. Ctrl-C or SIGTERM ends the command."""
    from smartprint.errors import UserError, display_path
    from smartprint.pipeline import build

    try:
        written, built = build(source, options, target)
    except UserError as exc:
        return _fail(exc, short=source if short else None)
    except KeyboardInterrupt as exc:
        from smartprint.write.stopping import Stopped

        typer.echo(f"stopped; {display_path(target)} was not written", err=True)
        raise typer.Exit(143 if isinstance(exc, Stopped) else 130) from None
    files = [(f"wrote {display_path(w.path)}{_replaced(w.replaced)}", w.what) for w in written]
    _report(built, files, quiet, short=short)
    return 0


def _is_folder(source: str) -> bool:
    """Whether a source names a folder (a name the system cannot take is none: its build says why)."""
    try:
        return Path(source).is_dir()
    except OSError:
        return False


def _replaced(replaced: bool) -> str:
    return ", replacing the earlier file" if replaced else ""


def _folder_materials(folder: Path) -> list[Path]:
    """Every material in `folder` (a UserError when there is none)."""
    from smartprint.commands.folder import materials_in
    from smartprint.errors import UserError, display_path

    found = materials_in(folder)
    if not found:
        raise UserError(f"{display_path(folder)}: no material in this folder (YAML files with 'kind:' and 'title:')")
    return found


def _folder_targets(folder: Path, options: declared.Options) -> list[tuple[str, Path]]:
    """Every material in `folder` and the PDF it is built to, beside it."""
    return [(str(path), _beside(path, options)) for path in _folder_materials(folder)]


def _beside(path: Path, options: declared.Options) -> Path:
    """The PDF a material in a folder build is written to: beside its file."""
    from smartprint.pipeline import default_target

    return path.parent / default_target(str(path), options).name


app.command("build")(_WithOptions(_build))


def _report(built: Built, files: list[tuple[str, str]], quiet: bool = False, short: bool = False) -> None:
    """Warnings on stderr; then, per file, what was made and what its pages are (and, for
    a print shop, the lines to forward; not with `short`, one line a file)."""
    for warning in built.job.warnings:
        typer.echo(str(warning), err=True)
    if quiet:
        return
    for done, what in files:
        first, *more = what.splitlines()
        typer.echo(f"{done} ({first})")
        for line in more if not short else []:
            typer.echo(line)


DEFAULT_DPI = 60.0
PagesOpt = Annotated[
    str | None,
    typer.Option(
        "--pages",
        metavar="PAGES",
        help="Only these pages, e.g. 1-4 or 1,3,9. Default: every page (of a long file the first and last).",
        show_default=False,
    ),
]
DpiOpt = Annotated[
    float,
    typer.Option("--dpi", min=10, max=300, help="Resolution of the page pictures (dots per inch)."),
]
PictureOpt = Annotated[
    str | None,
    typer.Option(
        "-o",
        "--output",
        metavar="FILE.png",
        help="The overview picture to write; the pages go in a folder beside it (FILE-sider/). Default: <name>.png.",
    ),
]


def _preview(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help=SOURCE_HELP, show_default=False)],
    output: PictureOpt = None,
    *,
    given: Mapping[str, Any],
    pages: PagesOpt = None,
    dpi: DpiOpt = DEFAULT_DPI,
    quiet: QuietOpt = False,
    watch: WatchOpt = False,
) -> None:
    """See the pages before you print: PNG pictures of every page and one overview of them all.

    Examples: smartprint preview styrkekort  ·  smartprint preview mine.yaml --pages 1-4 --dpi 100"""
    options = _options(given, progress=False)
    chosen: tuple[int, ...] | None = None
    if pages is not None:
        try:
            chosen = declared.sheet_numbers(pages)
        except ValueError:
            raise typer.BadParameter("give page numbers like 2, 1,4,9 or 3-6", param_hint="--pages") from None
    from smartprint.commands.preview import default_contact_sheet
    from smartprint.errors import UserError
    from smartprint.pipeline import default_target

    try:
        target = Path(output) if output is not None else default_contact_sheet(default_target(source, options))
    except UserError as exc:
        raise typer.Exit(_fail(exc)) from None
    _preview_run(source, options, target, dpi=dpi, pages=chosen, quiet=quiet, watch=watch)


def _preview_run(
    source: str,
    options: declared.Options,
    target: Path,
    *,
    dpi: float,
    pages: tuple[int, ...] | None,
    quiet: bool,
    watch: bool = False,
) -> None:
    """Make one preview and say what it wrote (or why not); with `watch`, again after every save."""
    if watch:

        def preview_once(_: Path) -> bool:
            return _preview_once(source, options, target, dpi=dpi, pages=pages, quiet=quiet) == 0

        _watching(preview_once, [_located(source, options)])
    status = _preview_once(source, options, target, dpi=dpi, pages=pages, quiet=quiet)
    if status:
        raise typer.Exit(status)


def _preview_once(
    source: str, options: declared.Options, target: Path, *, dpi: float, pages: tuple[int, ...] | None, quiet: bool
) -> int:
    from smartprint.commands.preview import make_preview
    from smartprint.errors import UserError, display_path

    try:
        made = make_preview(source, options, target, dpi=dpi, pages=pages)
    except UserError as exc:
        return _fail(exc)
    shown = (
        f"{made.pages_written} of {made.pages_total} pages" if made.pages_written < made.pages_total else "every page"
    )
    _report(
        made.built,
        [
            (
                f"wrote {display_path(made.contact_sheet)}",
                f"overview: {shown}; the pages in {display_path(made.page_folder)}/",
            )
        ],
        quiet,
    )
    return 0


app.command("preview")(_WithOptions(_preview))


def _validate(sources: SourcesArg, *, given: Mapping[str, Any]) -> None:
    """Check files as a build would (with the same options), without writing anything."""
    options = _options(given)
    from smartprint.errors import UserError
    from smartprint.pipeline import check_only, prepare

    status = 0
    files: list[str] = []
    for source in sources:  # a folder: each of its materials, as `build FOLDER` builds them
        try:
            files += [str(path) for path in _folder_materials(Path(source))] if _is_folder(source) else [source]
        except UserError as exc:
            status = max(status, _fail(exc))
    for source in files:
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
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            metavar="CODE",
            help="Copy the built-in material in this language (nb, nn, en; see 'smartprint list').",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Copy a built-in material to edit, or start a new file of a kind (never overwrites)."""
    from smartprint.commands.newfile import NewFileError, write_new

    if language is not None:
        from smartprint.check.languages import language_code

        try:
            language = language_code(language)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--language") from None
    try:
        written, origin = write_new(name, file, language)
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
    language: Annotated[
        str, typer.Option("--language", metavar="nb|nn|en", help="The language of the keys' descriptions.")
    ] = "nb",
) -> None:
    """Print the JSON Schema of a material file, for editors that complete and check keys.

    Example: smartprint schema > smartprint.schema.json"""
    import json

    from smartprint.check.schema import material_schema

    if kind is not None and kind not in KINDS:
        raise typer.BadParameter(f"unknown kind '{kind}'; known kinds: {', '.join(KINDS)}", param_hint="KIND")
    if language not in ("nb", "nn", "en"):
        raise typer.BadParameter(f"'{language}': write nb, nn or en", param_hint="--language")
    typer.echo(json.dumps(material_schema(kind, language), ensure_ascii=False, indent=2))


@app.command("list")
def list_builtin() -> None:
    """Show the built-in material and layouts."""
    from smartprint.commands.listing import listing

    for line in listing():
        typer.echo(line)


def help_command(
    ctx: typer.Context,
    command: Annotated[
        str | None, typer.Argument(metavar="COMMAND", help="The command to explain.", show_default=False)
    ] = None,
) -> None:
    """Show how to use smartprint, or one of its commands (also: smartprint hjelp).

    Examples: smartprint help  ·  smartprint help build"""
    root = ctx.find_root()
    group = root.command
    if command is None:
        typer.echo(group.get_help(root))
        return
    chosen = group.get_command(root, command) if hasattr(group, "get_command") else None
    if chosen is None:
        names = [n for n in group.list_commands(root) if n != "hjelp"] if hasattr(group, "list_commands") else []
        typer.echo(f"no command '{command}'; the commands are: {', '.join(names)}", err=True)
        raise typer.Exit(2)
    typer.echo(chosen.get_help(type(ctx)(chosen, info_name=command, parent=root)))


app.command("help")(help_command)
app.command("hjelp", hidden=True)(help_command)  # as a Norwegian teacher may type it


@app.command()
def serve(
    folder: Annotated[
        Path,
        typer.Argument(metavar="FOLDER", help="The folder of your materials (default: this one).", show_default=False),
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
    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 is shown as the terminal has it
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="surrogateescape")
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
