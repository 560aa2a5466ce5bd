"""Assembling the whole sheet plan from a job: every check and every decision before drawing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import partial

from smartprint.check.validation import did_you_mean
from smartprint.errors import Problem, UsageError, UserError
from smartprint.kinds.base import Job
from smartprint.kinds.sheet import page as sp
from smartprint.kinds.sheet.blocks import block_types
from smartprint.kinds.sheet.model import SheetLayout, SheetSpec
from smartprint.kinds.sheet.plan import Area, plan_sheet
from smartprint.load.source import Path_, Source
from smartprint.parts.printnote import footer_note
from smartprint.resolve.colors import parse_color
from smartprint.resolve.layout import Page
from smartprint.resolve.placeholders import is_known, placeholders
from smartprint.resolve.pupils import ClassList, class_list
from smartprint.resolve.units import MM, PAPER_SIZES_MM
from smartprint.text.run import TextRun

DEFAULT_COLOR = "#2e62a8"
MAX_PAGES = 5000

# Writing-line spacing and body size by the writers' age: beginning writers need room.
AGES = ((7, 14 * MM, 14.0), (9, 12 * MM, 13.0), (12, 10 * MM, 12.0), (200, 8.5 * MM, 11.0))


@dataclass
class SheetPlan:
    job: Job[SheetSpec, SheetLayout]
    pages: list[sp.PagePlan]
    pupils: ClassList | None
    per_sheet: int  # pages per pupil
    shared: int = 0  # pages after `new_page: once`, printed once after all pupils' sheets
    poster_size: tuple[float, float] | None = None  # their paper, when not the sheets' (poster_paper)
    duplex: bool = False  # printed double-sided: each pupil's pages made even with an empty page
    notes: dict[int, TextRun] = field(default_factory=dict)  # how to print, by the page that starts a file
    reprinted: int | None = None  # a reprint (--only): how many pupils' sheets it holds

    @property
    def sheets(self) -> int:
        """How many pupils' sheets the plan holds."""
        if self.reprinted is not None:
            return self.reprinted
        return len(self.pupils) if self.pupils is not None else 1


def _style(job: Job[SheetSpec, SheetLayout]) -> sp.SheetStyle:
    keys: SheetLayout = job.layout.geometry
    page = job.page
    line, body = keys.line_spacing, keys.body_size
    if job.spec.age is not None:
        line, body = next((ln, max(body, b)) for top, ln, b in AGES if job.spec.age <= top)
    try:
        color = parse_color(job.spec.color or DEFAULT_COLOR)
    except ValueError as exc:
        raise UserError(job.src.problem(("color",), str(exc))) from None
    return sp.SheetStyle(
        body=max(body, page.min_text_size),
        title=keys.title_size,
        line=line,
        gap=keys.gap,
        min_size=page.min_text_size,
        words_max=keys.words_max,
        color=color,
    )


def _texts(spec: SheetSpec) -> Iterator[tuple[Path_, str]]:
    """Every text of the file that may hold a placeholder, with its place."""
    yield ("title",), spec.title
    for i, block in enumerate(spec.blocks):
        t = block.type
        value = block.value
        if isinstance(value, str):
            yield ("blocks", i, t), value
            continue
        for name in ("label", "value", "title", "body", "caption", "greeting", "name", "role"):
            text = getattr(value, name, None)
            if isinstance(text, str):
                yield ("blocks", i, t, name), text
        for name in ("items", "headers"):
            for k, text in enumerate(getattr(value, name, None) or []):
                yield ("blocks", i, t, name, k), text


def _check_placeholders(spec: SheetSpec, src: Source) -> list[Problem]:
    problems = []
    for loc, text in _texts(spec):
        if len(loc) == 3 and loc[2] in ("qr", "image"):
            continue  # a link or a file name: braces are the user's own
        for name in placeholders(text):
            if is_known(name):
                continue
            guess = did_you_mean(f"{{{name}}}", ["{navn}", "{fornavn}"])
            problems.append(
                src.problem(
                    loc,
                    f"unknown placeholder '{{{name}}}'{guess} ({{navn}} is the pupil's name and "
                    "{fornavn} the first name; write {{ and }} for a brace)",
                )
            )
    return problems


def _blocks(job: Job[SheetSpec, SheetLayout]) -> tuple[list[sp.BlockIn], list[Problem]]:
    """Each block as its type's model, with what its type finds before planning (a
    picture, a QR code, a deck's card titles); every block's problems are told."""
    spec, src = job.spec, job.src
    types = block_types()
    out: list[sp.BlockIn] = []
    problems: list[Problem] = []
    for i, block in enumerate(spec.blocks):
        t = block.type
        if t == "new_page":
            out.append(sp.BlockIn(i, t, None, spec.columns))
            continue
        kind = types[t]
        data = kind.normalised(block.value)
        span = data.span or (spec.columns if kind.full_width else 1)
        try:
            short = not isinstance(block.value, type(data))
            found = kind.find(data, ("blocks", i, t), short, src, job.options.allow) if kind.find else None
            out.append(sp.BlockIn(i, t, data, span, found))
        except UserError as exc:
            problems.extend(exc.problems)
    return out, problems


def assemble(job: Job[SheetSpec, SheetLayout]) -> SheetPlan:
    spec, src, page = job.spec, job.src, job.page
    problems = _check_placeholders(spec, src)
    try:
        style = _style(job)
    except UserError as exc:
        problems.extend(exc.problems)
        style = sp.SheetStyle(11.0, 22.0, 10 * MM, 5 * MM, page.min_text_size, 110.0, parse_color(DEFAULT_COLOR))
    blocks, more = _blocks(job)
    problems += more
    pupils = None
    try:
        pupils = class_list(src, spec.pupils, job.options)
    except UserError as exc:
        if not problems or type(exc) is not UserError:
            raise
        problems.extend(exc.problems)
    if problems:
        raise UserError(sorted(problems, key=_line_of))
    if pupils is not None:
        job.warnings.extend(pupils.warnings)
    area = Area(page.margin, page.margin, page.width - 2 * page.margin, page.height - 2 * page.margin)
    title = spec.title if spec.header else None
    pages: list[sp.PagePlan] = []
    names: list[tuple[str | None, str | None, int | None]] = (
        [(p.name, p.first_name, k) for k, p in enumerate(pupils.pupils)] if pupils is not None else [(None, None, None)]
    )
    if job.options.only is not None:  # a reprint: the pupils chosen, without the group's poster
        chosen = _chosen(job.options.only, pupils)
        names = [entry for entry in names if entry[2] in chosen]
    failed: dict[tuple[Path_, int | None], Problem] = {}
    per_sheet = 0
    split = next(
        (k for k, b in enumerate(blocks) if b.type == "new_page" and spec.blocks[b.index].value == "once"), None
    )
    own, shared = (blocks, []) if split is None else (blocks[:split], blocks[split + 1 :])
    if job.options.only is not None:
        shared = []
    hint = _edit_hint(job)
    without_name: list[bool] = []  # whether the sheet fits with a line for the name (asked once)
    duplex = spec.double_sided
    # what every page of this material shares
    sheet_of = partial(plan_sheet, columns=spec.columns, fonts=job.fonts, language=spec.language)
    for name, first_name, k in names:
        try:
            name_origin = pupils.pupils[k].origin if pupils is not None and k is not None else None
            planned = sheet_of(
                own,
                area=area,
                style=style,
                title=title,
                name=name,
                pupil=k,
                footer=name,
                name_origin=name_origin,
                first_name=first_name,
            )
        except sp.BlockError as exc:
            if name is not None and not without_name:
                without_name.append(_fits_without_name(own, spec.columns, area, style, job, title))
            if name is not None and pupils is not None and k is not None and without_name[0]:
                origin = pupils.pupils[k].origin
                at = f"pupil {k + 1}" if isinstance(origin, tuple) else str(origin)
                # every pupil whose name does not fit is named, not only the first
                failed.setdefault(
                    (exc.loc, k),
                    src.problem(
                        exc.loc,
                        f"{exc.message} (with the name «{name}», {at}){hint}; or write the name shorter "
                        "in the class list",
                    ),
                )
            elif (exc.loc, None) not in failed:
                failed[(exc.loc, None)] = src.problem(exc.loc, exc.message + hint)
            continue
        per_sheet = len(planned)
        if duplex is None:
            duplex = per_sheet > 1
        if duplex and per_sheet % 2:  # each pupil's sheet on its own paper: an empty back page
            planned.append(sp.PagePlan(k))
        pages.extend(planned)
        if len(pages) > MAX_PAGES:
            raise UserError(
                src.problem(
                    ("pupils",) if pupils else ("blocks",),
                    f"more than {MAX_PAGES} pages in one build; use a shorter class list",
                )
            )
    shared_pages: list[sp.PagePlan] = []
    poster_size = _poster_size(spec, page)
    if shared and not failed:
        shared_area, shared_style = area, style
        if poster_size is not None:  # the poster on its own paper: the same margins, titles to match the paper
            pw, ph = poster_size
            shared_area = Area(page.margin, page.margin, pw - 2 * page.margin, ph - 2 * page.margin)
            shared_style = replace(style, poster_title=style.poster_title * pw / page.width)
        try:  # once for all: no name, no title (it is not the first page of a pupil's sheet)
            shared_pages = sheet_of(shared, area=shared_area, style=shared_style, title=None, name=None, pupil=None)
        except sp.BlockError as exc:
            failed[(exc.loc, None)] = src.problem(exc.loc, exc.message + hint)
    if failed:
        raise UserError(sorted(failed.values(), key=_line_of))
    poster_size = poster_size if shared_pages else None
    notes = _print_notes(job, bool(duplex), len(pages), poster_size)
    return SheetPlan(
        job=job,
        pages=pages + shared_pages,
        pupils=pupils,
        per_sheet=per_sheet,
        shared=len(shared_pages),
        duplex=bool(duplex),
        poster_size=poster_size,
        notes=notes,
        reprinted=len(names) if job.options.only is not None else None,
    )


def _print_notes(
    job: Job[SheetSpec, SheetLayout], duplex: bool, own: int, poster_size: tuple[float, float] | None
) -> dict[int, TextRun]:
    """How to print, in the bottom margin of the page that starts each file: the sheets'
    first page, and the poster's when it stands on a paper (and in a file) of its own."""
    page, lang, fonts = job.page, job.spec.language, job.fonts
    notes: dict[int, TextRun] = {}
    starts = [(0, page.width, page.height, "duplex-long" if duplex else "none")]
    if poster_size is not None:
        starts.append((own, *poster_size, "none"))
    for index, width, height, how in starts:
        note = footer_note(
            lang, how, width=width, height=height, margin=page.margin, right=width - page.margin, fonts=fonts
        )
        if note is not None:
            notes[index] = note
    return notes


def _chosen(only: tuple[int | str, ...], pupils: ClassList | None) -> set[int]:
    """The pupils `--only` names (a mistake is a UsageError)."""
    if pupils is None:
        raise UsageError("--only: a sheet is chosen by its pupil, and this one has no class list (give --pupils FILE)")
    return set(pupils.chosen(only))


def _poster_size(spec: SheetSpec, page: Page) -> tuple[float, float] | None:
    """The poster pages' paper in points, turned like the sheets' page, or None: the sheets' own."""
    if spec.poster_paper is None:
        return None
    w, h = (v * MM for v in PAPER_SIZES_MM[spec.poster_paper])
    size = (max(w, h), min(w, h)) if page.width > page.height else (min(w, h), max(w, h))
    if {round(size[0]), round(size[1])} == {round(page.width), round(page.height)}:
        return None
    return size


def _edit_hint(job: Job[SheetSpec, SheetLayout]) -> str:
    """For a built-in sheet, how to get a copy to change: its file is part of the program."""
    from smartprint.load import resources

    builtin = resources.builtin_argument(job.src.path)
    if builtin is None:
        return ""
    return f" (to change the sheet, first run 'smartprint new {builtin}' and edit the copy it makes)"


def _fits_without_name(
    blocks: list[sp.BlockIn],
    columns: int,
    area: Area,
    style: sp.SheetStyle,
    job: Job[SheetSpec, SheetLayout],
    title: str | None,
) -> bool:
    """Whether the sheet fits with a line for the name: then a name made it overflow."""
    try:
        plan_sheet(
            blocks,
            columns=columns,
            area=area,
            style=style,
            fonts=job.fonts,
            title=title,
            name=None,
            pupil=None,
            language=job.spec.language,
        )
    except sp.BlockError:
        return False
    return True


def _line_of(problem: Problem) -> tuple[str, int, int]:
    w = problem.where
    return (w.file, w.line or 0, w.column or 0) if w is not None else ("", 0, 0)
