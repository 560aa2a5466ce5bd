"""Assembling the whole bingo plan from a job: every check and every decision before drawing."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, replace

from smartprint.errors import Problem, UsageError, UserError, Where
from smartprint.kinds.base import Job
from smartprint.kinds.bingo import plan as bingo_plan
from smartprint.kinds.bingo.face import SheetFace, SquareText, fit_square, plan_face
from smartprint.kinds.bingo.model import MAX_SHEETS, BingoSpec
from smartprint.kinds.bingo.words import words as own_words
from smartprint.load.encoding import readable_name
from smartprint.load.source import Path_, Source
from smartprint.parts.geometry import Rect, split_page
from smartprint.parts.numbered import distinct_texts, numbered_run
from smartprint.parts.textpages.plan import PageFonts, Para, Row, TextPage, paginate
from smartprint.resolve.colors import RGB, parse_color
from smartprint.resolve.layout import Page
from smartprint.resolve.pupils import ClassList, class_list
from smartprint.text.labels import print_note
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label
from smartprint.text.run import TextRun
from smartprint.text.textfit import Box, FitFailure, Run, fit
from smartprint.write.progress import bar_for

DEFAULT_COLOR = "#2e62a8"


@dataclass(frozen=True)
class BingoGeometry:
    per_page: int


@dataclass
class Prepared:
    job: Job[BingoSpec, BingoGeometry]
    spec: BingoSpec
    count: int
    seed: int
    numbers: list[int]  # the sheet numbers to draw (all, or those of --only)
    sheets: list[bingo_plan.Sheet]  # all sheets of the run, index = number - 1
    page_w: float
    page_h: float
    units: list[Rect]
    face: SheetFace
    squares: list[SquareText]  # per prompt
    free: SquareText | None
    color: RGB
    leader: list[TextPage]
    words: dict[str, str]
    pupils: ClassList | None = None
    names: list[Box] | None = None  # with a class list: each sheet's name on its name line (index = number - 1)

    def sheet_label(self, number: int) -> str:
        """The line under a sheet that says which it is and how to reprint it."""
        w = self.words
        return f"{w['bingo_sheet']} {number} {w['of']} {self.count} · {w['seed']} {self.seed}"

    def number_run(self, number: int) -> TextRun:
        """That line, placed in the sheet's unit (smartprint's words and numbers)."""
        x, y, size = self.face.number_at
        origin = Label("sheet number", self.spec.language)
        text = self.sheet_label(number)
        if number == 1:  # sheet 1 says how to print, on the paper (alike in a reprint of it)
            text += " · " + print_note(self.spec.language, "none")
        return TextRun(text, self.job.fonts.regular, size, x, y, origin)


def _where_count(job: Job[BingoSpec, BingoGeometry]) -> Path_:
    return ("sheets",) if "sheets" in job.src.data and job.options.sheets is None else ("prompts",)


def _prompts_needed(asked: int, grid: int, free: bool, mode: str, start: int) -> int | None:
    for n in range(start, 2001):
        if bingo_plan.max_sheets(n, grid, free, mode) >= asked:  # type: ignore[arg-type]
            return n
    return None


def _check_prompts(spec: BingoSpec, src: Source) -> list[Problem]:
    problems = distinct_texts(spec.prompts, "prompts", "prompt", src)
    if spec.free is not None and spec.grid % 2 == 0:
        problems.append(
            src.problem(
                ("free",),
                f"a free centre square needs an odd grid (3, 5 or 7), "
                f"but grid is {spec.grid}; remove 'free' or change the grid",
            )
        )
    return problems


def _make_sheets(
    job: Job[BingoSpec, BingoGeometry], spec: BingoSpec, count: int, seed: int, pupils: ClassList | None = None
) -> list[bingo_plan.Sheet]:
    src, free = job.src, spec.free is not None
    n = len(spec.prompts)
    progress = bar_for(job.options.progress, count, "Planlegger brett")
    try:
        with progress if progress is not None else nullcontext():
            return bingo_plan.make_sheets(
                n, spec.grid, free, count, seed, spec.mode, progress.advance if progress is not None else None
            )
    except bingo_plan.TooFewPrompts as exc:
        raise UserError(
            src.problem(
                ("prompts",),
                f"there {'is' if n == 1 else 'are'} {_count(n, 'prompt')}, "
                f"but a {spec.grid} × {spec.grid} sheet"
                f"{' with a free centre' if free else ''} needs at least {exc.needed}; "
                f"add {exc.needed - n} more or choose a smaller grid",
            )
        ) from None
    except bingo_plan.TooManySheets as exc:
        cli = (
            f"the class list has {count} pupils, and "
            if pupils is not None
            else f"--sheets {count}: "
            if job.options.sheets is not None
            else ""
        )
        rule = "different sheets" if spec.mode == "people" else "sheets where no two share a complete line"
        needed = _prompts_needed(count, spec.grid, free, spec.mode, n + 1)
        more = f", or add prompts ({count} sheets need at least {needed})" if needed else ""
        ask = "use lists of at most" if pupils is not None else "ask for at most"
        if exc.proven:
            message = (
                f"{cli}{n} prompts on a {spec.grid} × {spec.grid} sheet make at most {exc.bound} {rule}; "
                f"{ask} {exc.bound}{more}"
            )
        else:
            message = (
                f"{cli}the search found only {exc.reached} {rule} from {n} prompts (at most {exc.bound} "
                f"can exist); {ask} {exc.reached}{more}"
            )
        error = UsageError if job.options.sheets is not None and pupils is None else UserError
        raise error(src.problem(("prompts",) if pupils is not None else _where_count(job), message)) from None


def assemble(job: Job[BingoSpec, BingoGeometry]) -> Prepared:
    spec = job.spec
    src, page, fonts, opts = job.src, job.page, job.fonts, job.options
    words = own_words(spec.language)
    problems = _check_prompts(spec, src)
    if problems:
        raise UserError(problems)

    pupils = class_list(src, spec.pupils, opts)
    in_file = spec.sheets
    if pupils is not None:
        in_file = len(pupils)
        if opts.sheets is not None:
            raise UsageError(
                f"--sheets {opts.sheets}: with a class list every pupil gets one sheet ({len(pupils)} "
                f"from {pupils.source}); leave --sheets out"
            )
        if "sheets" in src.data and spec.pupils is not None:
            job.warn(
                ("sheets",),
                f"'sheets' is not used: the class list gives one sheet per pupil ({len(pupils)}); remove 'sheets'",
            )
        job.warnings.extend(pupils.warnings)
        if opts.only is not None:  # a pupil's sheet is the sheet of their place in the list: --only Ada
            opts = replace(opts, only=tuple(k + 1 for k in pupils.chosen(opts.only)))
    run = numbered_run(
        opts,
        in_file,
        spec.seed,
        lambda: bingo_plan.default_seed(spec.prompts, spec.grid, spec.free is not None, spec.mode),
        MAX_SHEETS,
        "sheet",
    )
    count, seed, numbers = run.count, run.seed, run.numbers

    try:
        color = parse_color(spec.color or DEFAULT_COLOR)
    except ValueError as exc:
        raise UserError(src.problem(("color",), str(exc))) from None

    per_page = spec.per_page or job.layout.geometry.per_page
    page_w, page_h = page.width, page.height
    if per_page == 2:  # two upright halves side by side: a square grid wastes less of them
        page_w, page_h = max(page_w, page_h), min(page_w, page_h)
    units = split_page(page_w, page_h, page.margin, per_page)
    unit = units[0]
    min_size = page.min_text_size
    try:
        face = plan_face(
            title=spec.title,
            instructions=spec.instructions,
            footer=spec.footer,
            names=spec.names,
            grid=spec.grid,
            w=unit.w,
            h=unit.h,
            fonts=fonts,
            min_size=min_size,
            name_label=words["name"],
            language=spec.language,
        )
    except FitFailure as f:
        if f.field == "grid":
            raise UserError(
                src.problem(
                    ("grid",),
                    f"a {spec.grid} × {spec.grid} grid leaves squares too small "
                    f"to use with {per_page} sheets a page; use a smaller grid, fewer "
                    "sheets a page, or shorter instructions",
                )
            ) from None
        raise UserError(
            src.problem(
                (f.field,),
                f"'{f.field}' does not fit even at {f.size:g} pt ({f.need()}); "
                "shorten it, or print fewer sheets a page",
            )
        ) from None

    squares: list[SquareText] = []
    for i, prompt in enumerate(spec.prompts):
        try:
            squares.append(fit_square(prompt, ("prompts", i), face, fonts, min_size))
        except FitFailure as f:
            problems.append(
                src.problem(
                    ("prompts", i),
                    f"prompt {i + 1} «{_short(prompt)}» does not fit a square "
                    f"even at {f.size:g} pt ({f.need()}); shorten it, or use a smaller "
                    "grid or fewer sheets a page",
                )
            )
    if not problems:
        _warn_small(job, squares, spec.prompts)
        squares = _same_size(squares, spec.prompts, face, fonts, min_size)
    free = None
    if spec.free is not None:
        try:
            free = fit_square(spec.free, ("free",), face, fonts, min_size, bold=True)
        except FitFailure as f:
            problems.append(
                src.problem(
                    ("free",), f"the free square's text does not fit even at {f.size:g} pt ({f.need()}); shorten it"
                )
            )
    if problems:
        raise UserError(problems)

    names = _fit_names(job, pupils, face, min_size) if pupils is not None else None
    sheets = _make_sheets(job, spec, count, seed, pupils)
    leader = (
        _leader(spec, sheets, seed, page, fonts, words, _source_name(job)) if spec.leader and opts.only is None else []
    )
    return Prepared(
        job=job,
        spec=spec,
        count=count,
        seed=seed,
        numbers=numbers,
        sheets=sheets,
        page_w=page_w,
        page_h=page_h,
        units=units,
        face=face,
        squares=squares,
        free=free,
        color=color,
        leader=leader,
        words=words,
        pupils=pupils,
        names=names,
    )


def _fit_names(job: Job[BingoSpec, BingoGeometry], pupils: ClassList, face: SheetFace, min_size: float) -> list[Box]:
    """Each pupil's name on the sheet's name line, as large as the label or shrunk to fit."""
    x0, x1, y = face.name_line
    size = face.name_label.fitted.size
    fonts = job.fonts
    boxes: list[Box] = []
    problems: list[Problem] = []
    for pupil in pupils.pupils:
        fitted = fit(
            [Run(pupil.name, fonts.bold, max_lines=1, origin=pupil.origin, language=job.spec.language)],
            x1 - x0 - size * 0.3,
            size * 1.6,
            size * 1.1,
            min_size,
            fonts.measure,
        )
        if fitted is None:
            message = f"the name «{pupil.name[:40]}» does not fit the sheet's name line even at {min_size:g} pt"
            problems.append(
                Problem(pupil.origin, message)
                if isinstance(pupil.origin, Where)
                else job.src.problem(pupil.origin if isinstance(pupil.origin, tuple) else (), message)
            )
            continue
        boxes.append(Box(x0 + size * 0.3, y + 2 + fitted.lines[0].baseline, fitted))
    if problems:
        raise UserError(problems)
    return boxes


def _same_size(
    squares: list[SquareText], prompts: list[str], face: SheetFace, fonts: Fonts, min_size: float
) -> list[SquareText]:
    """All prompts in one size, the largest that every prompt fits at: a sheet reads
    evenly instead of shouting the short prompts and whispering the long ones."""
    common = min(sq.box.fitted.size for sq in squares)
    return [fit_square(p, ("prompts", i), face, fonts, min_size, max_size=common) for i, p in enumerate(prompts)]


SMALL_SHARE = 0.75  # a prompt that pulls every prompt below this share of the usual size is named


def _warn_small(job: Job[BingoSpec, BingoGeometry], squares: list[SquareText], prompts: list[str]) -> None:
    """All prompts share the smallest size any of them needs; say which prompts pull the
    sheet's text far below the size the others would have."""
    sizes = sorted(sq.box.fitted.size for sq in squares)
    usual = sizes[len(sizes) // 2]
    common = sizes[0]
    if common >= usual * SMALL_SHARE:
        return
    for i, sq in enumerate(squares):
        if sq.box.fitted.size < usual * SMALL_SHARE:
            job.warn(
                ("prompts", i),
                f"prompt {i + 1} «{_short(prompts[i])}» is long: it sets every prompt on "
                f"the sheets to {sq.box.fitted.size:g} pt, where the others would fit at "
                f"{usual:g} pt; shorten it",
            )


def _source_name(job: Job[BingoSpec, BingoGeometry]) -> str:
    """How the teacher names this material on the command line: a built-in by its name,
    a file by its file name (quoted if it has spaces)."""
    from smartprint.load import resources

    name = resources.builtin_argument(job.src.path) or _quoted(job.src.path.name)  # built-in names are ASCII
    opts = job.options
    if opts.pupils is not None:  # the reprint needs the same class list, or the sheet comes without its name
        name += f" --pupils {_quoted(opts.pupils)}"
        if opts.pupils_column is not None:
            name += f" --pupils-column {_quoted(opts.pupils_column)}"
    return name


def _quoted(text: str) -> str:
    text = readable_name(text)
    return f'"{text}"' if " " in text else text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _leader(
    spec: BingoSpec,
    sheets: list[bingo_plan.Sheet],
    seed: int,
    page: Page,
    fonts: Fonts,
    words: dict[str, str],
    source_name: str,
) -> list[TextPage]:
    area = Rect(page.margin, page.margin, page.width - 2 * page.margin, page.height - 2 * page.margin)
    pfonts = PageFonts(fonts.regular, fonts.bold, fonts.measure)
    lang = spec.language
    label = Label("leader's page", lang)
    heading = Para(f"{words['leader']}: {spec.title}", ("title",))
    facts = Para(f"{len(sheets)} {words['sheets']} · {spec.grid} × {spec.grid} · {words['seed']} {seed}", label)
    if spec.mode == "called":
        order = bingo_plan.call_order(len(spec.prompts), seed)
        winners = bingo_plan.first_full_line(sheets, order, spec.grid)
        rows = [
            Row(
                (f"{i + 1}.", spec.prompts[p], ", ".join(map(str, winners[i]))),
                (label, ("prompts", p), label),
                tick=True,
            )
            for i, p in enumerate(order)
        ]
        intro = [facts, Para(words["called_intro"], label)]
        if spec.instructions:
            intro.append(Para(spec.instructions, ("instructions",)))
        return paginate(
            heading,
            intro=intro,
            columns=(0.12, 0.5, 0.38),
            header=(words["call"], words["prompt"], words["new"]),
            rows=rows,
            area=area,
            fonts=pfonts,
            language=lang,
        )
    reprint = f"smartprint build {source_name} --seed {seed} --only <{words['number']}>"
    intro = [facts, Para(words["people_intro"], label), Para(reprint, label)]
    if spec.instructions:
        intro.append(Para(f"{words['rules']}: {spec.instructions}", ("instructions",)))
    if spec.footer:
        intro.append(Para(spec.footer, ("footer",)))
    rows = [Row((f"{i + 1}.", p), (label, ("prompts", i))) for i, p in enumerate(spec.prompts)]
    return paginate(
        heading, intro=intro, columns=(0.08, 0.92), header=(), rows=rows, area=area, fonts=pfonts, language=lang
    )
