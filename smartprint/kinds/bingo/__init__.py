"""`kind: bingo` — numbered bingo sheets that are guaranteed to differ, and a leader's page."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, BinaryIO

from smartprint.colors import RGB, parse_color
from smartprint.errors import Problem, UserError
from smartprint.imposition import Rect, split_page
from smartprint.kinds.bingo import plan as bingo_plan
from smartprint.kinds.bingo.face import SheetFace, SquareText, fit_square, plan_face
from smartprint.kinds.bingo.leader import LeaderFonts, LeaderPage, Row, paginate
from smartprint.kinds.bingo.model import MAX_SHEETS, BingoSpec
from smartprint.labels import labels
from smartprint.progress import bar_for
from smartprint.textfit import FitFailure

Spec = BingoSpec
DEFAULT_LAYOUT = "bingo-a4"
CLI_OPTIONS = frozenset({"sheets", "seed", "only"})
DEFAULT_COLOR = "#2e62a8"


@dataclass
class Prepared:
    job: Any
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
    leader: list[LeaderPage]
    words: dict[str, str]


def _where_count(job) -> tuple:
    return ("sheets",) if "sheets" in job.src.data and job.options.sheets is None else ("prompts",)


def _prompts_needed(asked: int, grid: int, free: bool, mode: str, start: int) -> int | None:
    for n in range(start, 2001):
        if bingo_plan.max_sheets(n, grid, free, mode) >= asked:  # type: ignore[arg-type]
            return n
    return None


def _check_prompts(spec: BingoSpec, src) -> list[Problem]:
    problems = []
    first_seen: dict[str, int] = {}
    for i, prompt in enumerate(spec.prompts):
        key = " ".join(prompt.split()).casefold()
        if not key:
            problems.append(src.problem(("prompts", i), f"prompt {i + 1} is empty"))
        elif key in first_seen:
            problems.append(src.problem(("prompts", i), f"prompt {i + 1} is the same as prompt "
                                                        f"{first_seen[key] + 1}; every prompt must differ"))
        else:
            first_seen[key] = i
    if spec.free is not None and spec.grid % 2 == 0:
        problems.append(src.problem(("free",), f"a free centre square needs an odd grid (3, 5 or 7), "
                                               f"but grid is {spec.grid}; remove 'free' or change the grid"))
    return problems


def _make_sheets(job, spec: BingoSpec, count: int, seed: int) -> list[bingo_plan.Sheet]:
    src, free = job.src, spec.free is not None
    n = len(spec.prompts)
    progress = bar_for(job.options.progress, count, "Planlegger brett")
    try:
        with progress if progress is not None else nullcontext():
            return bingo_plan.make_sheets(n, spec.grid, free, count, seed, spec.mode,
                                          progress.advance if progress is not None else None)
    except bingo_plan.TooFewPrompts as exc:
        raise UserError(src.problem(("prompts",), f"there are {n} prompts, but a {spec.grid} × {spec.grid} sheet"
                                    f"{' with a free centre' if free else ''} needs at least {exc.needed}; "
                                    f"add {exc.needed - n} more or choose a smaller grid")) from None
    except bingo_plan.TooManySheets as exc:
        cli = f"--sheets {count}: " if job.options.sheets is not None else ""
        rule = ("different sheets" if spec.mode == "people"
                else "sheets where no two share a complete line")
        needed = _prompts_needed(count, spec.grid, free, spec.mode, n + 1)
        more = f", or add prompts ({count} sheets need at least {needed})" if needed else ""
        if exc.proven:
            message = (f"{cli}{n} prompts on a {spec.grid} × {spec.grid} sheet make at most {exc.bound} {rule}; "
                       f"ask for at most {exc.bound}{more}")
        else:
            message = (f"{cli}the search found only {exc.reached} {rule} from {n} prompts (at most {exc.bound} "
                       f"can exist); ask for at most {exc.reached}{more}")
        raise UserError(src.problem(_where_count(job), message)) from None


def prepare(job) -> Prepared:
    spec: BingoSpec = job.spec
    src, layout, fonts, opts = job.src, job.layout, job.fonts, job.options
    words = labels(spec.language)
    problems = _check_prompts(spec, src)
    if problems:
        raise UserError(problems)

    count = opts.sheets if opts.sheets is not None else spec.sheets
    if count > MAX_SHEETS:
        raise UserError(f"--sheets {count}: at most {MAX_SHEETS} sheets in one build")
    seed = opts.seed if opts.seed is not None else spec.seed if spec.seed is not None \
        else bingo_plan.default_seed(spec.title)
    numbers = list(range(1, count + 1))
    if opts.only is not None:
        beyond = [n for n in opts.only if n > count]
        if beyond:
            raise UserError(f"--only {beyond[0]}: there are only {count} sheets in this run")
        numbers = list(opts.only)

    try:
        color = parse_color(spec.color or DEFAULT_COLOR)
    except ValueError as exc:
        raise UserError(src.problem(("color",), str(exc))) from None

    per_page = spec.per_page or layout.per_page
    page_w, page_h = layout.page_w, layout.page_h
    if per_page == 2:  # two upright halves side by side: a square grid wastes less of them
        page_w, page_h = max(page_w, page_h), min(page_w, page_h)
    units = split_page(page_w, page_h, layout.margin, per_page)
    unit = units[0]
    min_size = layout.min_text_size
    try:
        face = plan_face(spec.title, spec.instructions, spec.footer, spec.names, spec.grid, unit.w, unit.h,
                         fonts, min_size, words["name"])
    except FitFailure as f:
        if f.field == "grid":
            raise UserError(src.problem(("grid",), f"a {spec.grid} × {spec.grid} grid leaves squares too small "
                                        f"to use with {per_page} sheets a page; use a smaller grid, fewer "
                                        "sheets a page, or shorter instructions")) from None
        raise UserError(src.problem((f.field,), f"'{f.field}' does not fit even at {f.size:g} pt ({f.need()}); "
                                    "shorten it, or print fewer sheets a page")) from None

    squares: list[SquareText] = []
    for i, prompt in enumerate(spec.prompts):
        try:
            squares.append(fit_square(prompt, face, fonts, min_size))
        except FitFailure as f:
            problems.append(src.problem(("prompts", i), f"prompt {i + 1} «{_short(prompt)}» does not fit a square "
                                        f"even at {f.size:g} pt ({f.need()}); shorten it, or use a smaller "
                                        "grid or fewer sheets a page"))
    if not problems:
        squares = _same_size(squares, spec.prompts, face, fonts, min_size)
    free = None
    if spec.free is not None:
        try:
            free = fit_square(spec.free, face, fonts, min_size, bold=True)
        except FitFailure as f:
            problems.append(src.problem(("free",), f"the free square's text does not fit even at {f.size:g} pt "
                                        f"({f.need()}); shorten it"))
    if problems:
        raise UserError(problems)

    sheets = _make_sheets(job, spec, count, seed)
    leader = _leader(spec, sheets, seed, layout, fonts, words) if spec.leader and opts.only is None else []
    return Prepared(job, spec, count, seed, numbers, sheets, page_w, page_h, units, face, squares, free, color,
                    leader, words)


def _same_size(squares: list[SquareText], prompts: list[str], face, fonts, min_size: float) -> list[SquareText]:
    """All prompts in one size, the largest that every prompt fits at: a sheet reads
    evenly instead of shouting the short prompts and whispering the long ones."""
    common = min(sq.box.fitted.size for sq in squares)
    return [fit_square(p, face, fonts, min_size, max_size=common) for p in prompts]


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _leader(spec: BingoSpec, sheets, seed: int, layout, fonts, words) -> list[LeaderPage]:
    lw = words
    area = Rect(layout.margin, layout.margin, layout.page_w - 2 * layout.margin, layout.page_h - 2 * layout.margin)
    lfonts = LeaderFonts(fonts.regular, fonts.bold, fonts.measure)
    heading = f"{lw['leader']}: {spec.title}"
    facts = f"{len(sheets)} {lw['sheets']} · {spec.grid} × {spec.grid} · {words['seed']} {seed}"
    if spec.mode == "called":
        order = bingo_plan.call_order(len(spec.prompts), seed)
        winners = bingo_plan.first_full_line(sheets, order, spec.grid)
        rows = [Row((f"{i + 1}.", spec.prompts[p], ", ".join(map(str, winners[i]))), tick=True)
                for i, p in enumerate(order)]
        return paginate(heading, [facts, lw["called_intro"]] + ([spec.instructions] if spec.instructions else []),
                        (0.12, 0.5, 0.38), (lw["call"], lw["prompt"], lw["new"]), rows, area, lfonts)
    intro = [facts, lw["people_intro"]]
    if spec.instructions:
        intro.append(f"{words['rules']}: {spec.instructions}")
    if spec.footer:
        intro.append(spec.footer)
    rows = [Row((f"{i + 1}.", p)) for i, p in enumerate(spec.prompts)]
    return paginate(heading, intro, (0.08, 0.92), (), rows, area, lfonts)


def draw(prep: Prepared, out: str | BinaryIO) -> int:
    from smartprint.kinds.bingo import paint

    return paint.draw_bingo(prep, out)
