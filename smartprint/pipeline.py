"""The road every material drives on: load → validate → resolve → plan → check → write.

Each step raises `UserError` for the user's mistakes (`UsageError` for the command
line's); nothing is written until every check has passed, and then only through an
atomic replace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from smartprint.errors import Problem, UsageError, UserError, display_path
from smartprint.kinds.base import AnyKind, Job
from smartprint.load import resources
from smartprint.load.source import Path_, Source, load_file
from smartprint.options import Options, refuse_untaken
from smartprint.startup import collector_paused

if TYPE_CHECKING:
    from smartprint.text.account import Account
    from smartprint.text.glyphs import GlyphLedger
    from smartprint.write.document import Document

__all__ = ["Options", "Built", "prepare", "plan", "build_to", "check_only", "locate_source"]


def locate_source(arg: str, language: str | None = None) -> Path:
    """A YAML path, or the name of a built-in material (in `language`, --language)."""
    if language is not None:
        return _builtin_in(arg, language)
    path = Path(arg)
    try:
        if path.exists():
            return path  # load_file says what is wrong if it is not a readable YAML file
        if not path.suffix and path.with_name(path.name + ".yaml").is_file():
            return path.with_name(path.name + ".yaml")  # your own copy (smartprint new) before the built-in
    except OSError as exc:
        raise UsageError(f"{arg[:60]}…: cannot be used as a file name ({exc.strerror or exc})") from None
    if path.suffix.lower() in (".yaml", ".yml") or "/" in arg or "\\" in arg:
        from smartprint.load.paths import find_case_insensitive

        other = find_case_insensitive(path)
        hint = f"; there is '{other.name}' — the capital letters differ" if other is not None else ""
        raise UserError(f"{display_path(path)}: no such file{hint}")
    try:
        return resources.locate("decks", arg, Path.cwd(), "file")
    except FileNotFoundError as exc:
        raise UserError(f"{arg}: {exc}") from None


def _builtin_in(arg: str, language: str) -> Path:
    """The built-in material `arg` in `language`; --language names no file of one's own."""
    from smartprint.check.languages import LANGUAGES

    if resources.builtin_path("decks", arg) is None:
        if Path(arg).suffix.lower() in (".yaml", ".yml") or "/" in arg or "\\" in arg or Path(arg).exists():
            raise UsageError(
                f"--language chooses the language of a built-in material; {arg} is a file of your own: "
                f"write 'language: {language}' in it instead"
            )
        locate_source(arg)  # no such material: the same message as without --language
    if Path(arg).exists() or Path(arg + ".yaml").is_file():
        copy = Path(f"{arg}-{language}.yaml")
        todo = (
            f"your copy in {LANGUAGES[language]} is {copy.name}: smartprint build {copy.name}"
            if copy.is_file()
            else f"for the built-in one in {LANGUAGES[language]}, run: smartprint new {arg} {copy.name} "
            f"--language {language}"
        )
        raise UsageError(
            f"--language chooses the language of a built-in material, but {arg}.yaml here is your own copy; {todo}"
        )
    path = resources.builtin_path("decks", arg, language)
    if path is None:
        have = ", ".join(f"{code} ({LANGUAGES[code]})" for code in resources.builtin_languages(arg))
        raise UsageError(
            f"--language {language}: the built-in {arg} is written in {have}; not in {LANGUAGES[language]}"
        )
    return path


def load_spec(path: Path) -> tuple[Source, Any, AnyKind]:
    """Load and validate a material file against its kind's model."""
    src, spec, kind, problems = _load_spec(path)
    if problems:
        raise UserError(problems)
    return src, spec, kind


def _load_spec(path: Path) -> tuple[Source, Any, AnyKind, list[Problem]]:
    """`load_spec`, but a file whose mistakes are all at keys that can be left out gives
    the model without them and its problems, so the plan's checks run in the same build."""
    from smartprint.check.validation import Invalid, did_you_mean, validate
    from smartprint.kinds import KINDS, get_kind

    src = load_file(path)
    if not isinstance(src.data, dict):
        raise UserError(
            src.problem((), "a material file must be a group of 'key: value' lines starting with 'kind:' and 'title:'")
        )
    kind_name = src.data.get("kind")
    if "title" not in src.data and ("extends" in src.data or "paper" in src.data or "margin" in src.data):
        raise UserError(
            src.problem(
                (),
                f"this is a layout file (paper and sizes), not a material; use it with "
                f"--layout {path.name}, or name it in a material with 'layout: {path.name}'",
            )
        )
    if kind_name is None:
        raise UserError(src.problem((), f"'kind' is missing; start the file with 'kind: …' ({', '.join(KINDS)})"))
    if not isinstance(kind_name, str) or kind_name not in KINDS:
        hint = did_you_mean(str(kind_name), list(KINDS)) or f"; known kinds: {', '.join(KINDS)}"
        raise UserError(src.problem(("kind",), f"unknown kind '{kind_name}'{hint}"))
    kind = get_kind(kind_name)
    try:
        return src, validate(kind.spec, src.data, src), kind, []
    except Invalid as exc:
        if exc.partial is None:
            raise
        return src, exc.partial, kind, exc.problems


def _refuse_options(kind: AnyKind, arg: str, options: Options) -> None:
    """Flags the kind does not take are refused, naming what it does take."""
    refuse_untaken(options, kind.options, kind.noun, kind.name, arg)


def _resolve_layout(kind: AnyKind, src: Source, spec: Any, options: Options) -> Any:
    from smartprint.resolve.layout import LayoutMismatch, load_layout, locate

    blame: Path_ | None = None
    if options.layout is not None:
        arg = options.layout
    elif spec.layout is not None:
        arg, blame = spec.layout, ("layout",)
    else:
        arg = kind.default_layout

    def path() -> Path:  # a layout named in the file stays in its folder; the command line may name any
        if blame is not None:
            return locate(arg, src.path.parent, options.allow, src.path.name, for_kind=kind.name)
        return locate(arg, Path.cwd(), for_kind=kind.name)

    try:
        return load_layout(path(), kind, options)
    except (FileNotFoundError, LayoutMismatch) as exc:
        if blame is None:
            raise UsageError(f"--layout {arg}: {exc}") from None
        raise UserError(src.problem(blame, str(exc))) from None


def prepare(arg: str, options: Options | None = None) -> Job[Any, Any]:
    """Load, validate and resolve one material: its layout and fonts."""
    options = options or Options()
    from smartprint.load import reads
    from smartprint.resolve.fontfiles import resolve_font_files, unusable_fonts
    from smartprint.resolve.fonts import load_fonts

    path = locate_source(arg, options.language)
    reads.note(path)
    src, spec, kind, invalid = _load_spec(path)
    try:
        _refuse_options(kind, arg, options)
        layout = _resolve_layout(kind, src, spec, options)
    except UserError as exc:
        if invalid:  # the file's own mistakes first (a wrong command line waits for them: exit 1)
            raise UserError(invalid + ([] if isinstance(exc, UsageError) else exc.problems)) from None
        raise
    # A font that cannot be used does not stop the other checks: the plan is made with
    # the built-in font, so a missing picture is reported in the same run.
    font_problems: list[Problem] = []
    try:
        choice = (
            resolve_font_files(spec.font, src, ("font",), options.allow) if spec.font is not None else layout.page.font
        )
        added = [resolve_font_files(one, src, ("fonts", i), options.allow) for i, one in enumerate(spec.fonts or ())]
        font_problems = unusable_fonts([choice, *added])
        if font_problems:
            choice, fonts = None, load_fonts()
        else:
            regular, bold = (choice.regular, choice.bold) if choice else (None, None)
            fonts = load_fonts(regular, bold, [(one.regular, one.bold) for one in added])
    except UserError as exc:
        font_problems, choice, fonts = exc.problems, None, load_fonts()
    job = Job(src, spec, layout, fonts, options, choice)
    job.pending.extend(invalid + font_problems)
    return job


@dataclass
class Built:
    """A planned and checked material, ready to draw."""

    job: Job[Any, Any]
    kind: AnyKind
    plan: Any

    def describe(self, pages: int) -> str:
        return self.kind.describe(self.plan, pages)


def plan(job: Job[Any, Any]) -> Built:
    """Plan with every check a plan can make. The strings are checked against their
    fonts as they are drawn (`render`), by the same calls that draw them."""
    from smartprint.check.validation import cut_by_comment, folded_items
    from smartprint.kinds import get_kind

    kind = get_kind(job.spec.kind)
    job.warnings.extend(cut_by_comment(job.src, kind.spec))
    job.warnings.extend(folded_items(job.src))
    job.warnings.extend(job.src.notes)  # read as Windows-1252, say
    try:
        planned = kind.plan(job)
    except UserError as exc:  # a UsageError stays one (exit 2), unless the file has mistakes of its own
        if isinstance(exc, UsageError) and job.pending:
            raise UserError(_in_file_order(job.pending, job.src.name)) from None
        raise type(exc)(_in_file_order(job.pending + exc.problems, job.src.name)) from None
    if job.pending:  # the file's own mistakes, or a font that could not be used
        raise UserError(_in_file_order(job.pending, job.src.name))
    if job.options.strict and job.warnings:
        raise UserError(
            [Problem(w.where, w.message.removeprefix("warning: ") + " (an error with --strict)") for w in job.warnings]
        )
    return Built(job, kind, planned)


def _in_file_order(problems: list[Problem], name: str) -> list[Problem]:
    """The material's problems by their place in it (whichever check found them), then
    those of other files (a class list, a layout) in the order they were found."""

    def key(problem: Problem) -> tuple[int, int, int]:
        where = problem.where
        if where is None or where.file != name:
            return (1, 0, 0)
        return (0, where.line or 0, where.column or 0)

    return sorted(problems, key=key)


def render(
    built: Built, out: str | BinaryIO, ledger: GlyphLedger | None = None, document: Document | None = None
) -> int:
    """Draw the planned document (or one paper's part of it) into `out`; a string with
    letters its font lacks stops it (nothing saved) with one message per place, as UserError."""
    from smartprint.resolve.fonts import missing_glyphs
    from smartprint.text.glyphs import GlyphLedger, GlyphReport, GlyphsMissing
    from smartprint.write.writer import write_document

    job = built.job
    ledger = ledger if ledger is not None else GlyphLedger(missing_glyphs)
    try:
        document = document if document is not None else built.kind.document(built.plan)
        return write_document(document, job.fonts, out, ledger, job.options.progress)
    except GlyphsMissing as exc:
        raise UserError(GlyphReport(job.src, job.fonts.label, job.font_choice).problems(exc.ledger)) from None


def default_target(arg: str, options: Options | None = None) -> Path:
    """Where a build writes when -o is not given: <name>.pdf in the current folder, or
    <name>-<layout>.pdf / <name>-<backs>.pdf when the command line chose a layout or
    backs other than the material's own, so a print-shop build never replaces the
    classroom PDF; a build for a class list (--pupils 4b.csv) is <name>-4b.pdf; a reprint
    (--only 7) is <name>-7.pdf, so it never replaces the whole run; a built-in in another
    language than bokmål is <name>-<code>.pdf (styrkekort-nn.pdf)."""
    path = locate_source(arg, options.language if options is not None else None)
    stem = re.sub(r"\.ya?ml$", "", path.stem, flags=re.IGNORECASE)  # Notepad's kort.yaml.txt: kort.pdf
    if options is not None and options.language not in (None, resources.BOKMAL):
        stem += f"-{options.language}"
    if options is not None and (options.layout or options.backs):
        src, spec, kind, _ = _load_spec(path)  # the file's mistakes are the build's to tell, all of them
        own_layout = spec.layout or kind.default_layout
        if options.layout and Path(options.layout).stem != Path(own_layout).stem:
            stem += f"-{Path(options.layout).stem}"
        if options.backs:
            stem += f"-{options.backs}"
    if options is not None and options.pupils:
        stem += f"-{Path(options.pupils).stem}"  # gruppeplakat-4b.pdf: one class's copy beside the others
    if options is not None and options.only:
        stem += f"-{_runs(options.only)}"  # paaskebingo-7.pdf, megselvhelten-2b-ada.pdf
    return Path.cwd() / f"{stem}.pdf"


def _runs(chosen: tuple[int | str, ...]) -> str:
    """Sheet numbers (and pupils' names) as a short file-name part: 7, 3-6, 1,4,9-12,
    ada-berg (cut at 40 characters)."""
    names = [re.sub(r"[^\w]+", "-", n.casefold()).strip("-") for n in chosen if isinstance(n, str)]
    numbers = [n for n in chosen if isinstance(n, int)]
    if not numbers:
        return ",".join(names)[:40]
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = prev = ordered[0]
    for n in [*ordered[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    text = ",".join(parts + names)
    return text if len(text) <= 40 else text[:40].rsplit(",", 1)[0] + ",etc"


@dataclass(frozen=True)
class Written:
    """One file a build wrote: where, how many pages, and what they are and how to print
    them (the command line's summary is `account.line`; the local page says it in its language)."""

    path: Path
    pages: int
    account: Account
    replaced: bool = False  # an earlier file of that name was there (the summary says so)

    @property
    def what(self) -> str:
        return self.account.line


def paper_files(built: Built, target: Path) -> list[tuple[Path, Document]]:
    """The files a build writes: `target` itself, or one per paper size named by it
    (relasjonsspill-a3.pdf, relasjonsspill-a4.pdf) when the material needs two papers."""
    from smartprint.resolve.units import paper_name

    parts = built.kind.document(built.plan).by_paper()
    if len(parts) == 1:
        return [(target, parts[0])]
    out = []
    for part in parts:
        first = part.sections[0]
        paper = paper_name(first.width, first.height).lower().replace(" × ", "x").replace(" ", "")
        out.append((target.with_name(f"{target.stem}-{paper}{target.suffix}"), part))
    return out


@collector_paused()  # a build makes almost no reference cycles: see smartprint/startup.py
def build(arg: str, options: Options | None = None, target: Path | None = None) -> tuple[list[Written], Built]:
    """Load, plan, check and draw one material into `target` (one file per paper size)
    atomically: every file is written before any replaces an old one.

    The targets are checked against every file the build read before drawing starts;
    an old file survives any failure untouched. File-system trouble becomes a
    UserError naming the path (the one place OSError is turned into words)."""
    from contextlib import ExitStack

    from smartprint.load import reads
    from smartprint.write.target import atomic_target, check_target, os_reason

    target = target if target is not None else default_target(arg)
    try:
        with reads.recording() as read:
            built = plan(prepare(arg, options))
        files = paper_files(built, target)
        for path in dict.fromkeys([target, *(path for path, _ in files)]):  # the name asked for, too:
            check_target(path, read)  # -o deck.yaml stays refused when the files are deck-a3.yaml …
        written: list[Written] = []
        with ExitStack() as stack:  # replaced only when every part was drawn
            existed = {path: path.exists() for path, _ in files}
            temps = [(path, part, stack.enter_context(atomic_target(path))) for path, part in files]
            for path, part, tmp in temps:
                pages = render(built, str(tmp), document=part)
                account = built.kind.describe_file(built.plan, part, pages, alone=len(files) == 1)
                written.append(Written(path, pages, account, existed[path]))
        return written, built
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) and exc.filename else str(target)
        if isinstance(where, str) and where.endswith(".tmp") and Path(where).parent == target.parent:
            where = str(target)  # the temporary file beside the target: name the target
        raise UserError(f"{display_path(where)}: {os_reason(exc)}") from None


def build_to(job: Job[Any, Any], target: Path) -> tuple[int, Built]:
    """Plan, check and draw a prepared job into `target` atomically (for benchmarks and tests)."""
    from smartprint.write.target import atomic_target

    built = plan(job)
    with atomic_target(target) as tmp:
        return render(built, str(tmp)), built  # every paper in one file: for measuring, not for printing


@collector_paused()
def check_only(job: Job[Any, Any]) -> tuple[int, Built]:
    """Every check a build makes, and the page count; nothing is written. The pages are
    drawn into a sink that keeps nothing, since the glyph check is made as they are drawn."""
    from smartprint.write.writer import Sink

    built = plan(job)
    parts = built.kind.document(built.plan).by_paper()
    return sum(render(built, cast(BinaryIO, Sink()), document=part) for part in parts), built
