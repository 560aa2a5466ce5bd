"""Assembling the whole fiveinarow plan from a job: every check and every decision before drawing."""

from __future__ import annotations

from dataclasses import dataclass, replace

from smartprint.errors import UserError
from smartprint.kinds.base import Job
from smartprint.kinds.fiveinarow import fill
from smartprint.kinds.fiveinarow.board import BoardFace, plan_board
from smartprint.kinds.fiveinarow.markers import MarkerPage, plan_markers
from smartprint.kinds.fiveinarow.model import MAX_BOARDS, FiveInARowSpec
from smartprint.kinds.fiveinarow.words import words as own_words
from smartprint.parts.deck.layout import deck_on_page
from smartprint.parts.deck.model import Back, Card
from smartprint.parts.deck.plan import DeckPlan, plan_deck
from smartprint.parts.deck.style import FRONT
from smartprint.parts.numbered import distinct_texts, numbered_run
from smartprint.resolve.colors import RGB, parse_color
from smartprint.resolve.layout import Page
from smartprint.resolve.units import MM
from smartprint.text.labels import print_note
from smartprint.text.origin import Label
from smartprint.text.run import TextRun
from smartprint.text.textfit import FitFailure, wrap

# the card's heading ("Spørsmål til samtalen") is a label: smaller than the question it introduces
QUESTION_FACE = replace(FRONT, title_size=FRONT.body_size * 0.85, title_lines=2)
DEFAULT_COLOR = "#c0392b"  # 17. mai red; nothing is told by colour alone


@dataclass
class FiveInARowPlan:
    job: Job[FiveInARowSpec, None]
    face: BoardFace
    boards: list[fill.Board]
    numbers: list[int]
    count: int
    seed: int
    color: RGB
    words: dict[str, str]
    questions: DeckPlan | None
    markers: tuple[MarkerPage, ...]  # none when not asked for, or for a reprint (--only)

    def board_label(self, number: int) -> str:
        w = self.words
        return f"{w['board']} {number} {w['of']} {self.count} · {w['seed']} {self.seed}"

    def number_run(self, number: int) -> TextRun:
        """The line under a board that says which it is and how to reprint it."""
        x, y, size = self.face.number_at
        label = Label("board number", self.job.spec.language)
        return TextRun(self.board_label(number), self.job.fonts.regular, size, x, y, label)

    def print_note(self) -> tuple[TextRun, ...]:
        """How to print the file, on board 1 above its number line (alike in a reprint of it)."""
        x, y, size = self.face.number_at
        note = print_note(self.job.spec.language, "duplex-long" if self.questions is not None else "none")
        note = note[0].upper() + note[1:]  # a line of its own: a sentence
        lines = wrap(note, self.job.fonts.regular, size, self.face.panel_width, self.job.fonts.measure)
        label = Label("print note", self.job.spec.language)
        return tuple(
            TextRun(line, self.job.fonts.regular, size, x, y + (len(lines) - k) * size * 1.25, label)
            for k, line in enumerate(lines)
        )


def assemble(job: Job[FiveInARowSpec, None]) -> FiveInARowPlan:
    spec, src, page, opts = job.spec, job.src, job.page, job.options
    words = own_words(spec.language)
    problems = distinct_texts(spec.entries, "entries", "entry", src)
    try:
        color = parse_color(spec.color or DEFAULT_COLOR)
    except ValueError as exc:
        problems.append(src.problem(("color",), str(exc)))
        color = parse_color(DEFAULT_COLOR)
    rules = spec.rules or words["fiar_rules"]
    try:
        face = plan_board(
            page=page,
            grid=spec.grid,
            title=spec.title,
            rules=rules,
            rules_origin=("rules",) if spec.rules else Label("rules", spec.language),
            entries=spec.entries,
            fonts=job.fonts,
            language=spec.language,
        )
    except FitFailure as f:
        if f.field == "grid":
            message = (
                f"a {spec.grid} × {spec.grid} board does not fit the page of '{page.name}' with squares "
                "big enough; use a smaller grid or brett-a3"
            )
            raise UserError(src.problem(("grid",), message)) from None
        if f.field.startswith("entries."):
            i = int(f.field.split(".")[1])
            raise UserError(
                src.problem(
                    ("entries", i),
                    f"entry {i + 1} does not fit a square even at {f.size:g} pt "
                    f"({f.need()}); shorten it, or use brett-a3",
                )
            ) from None
        raise UserError(
            src.problem(
                (f.field,) if f.field != "rules" or spec.rules else (),
                f"'{f.field}' does not fit beside the board even at {f.size:g} pt ({f.need()}); shorten it",
            )
        ) from None
    if problems:
        raise UserError(problems)
    for long in face.long_entries:
        job.warn(
            ("entries", long.index),
            f"entry {long.index + 1} «{spec.entries[long.index]}» is long: it sets every entry on "
            f"the board at {long.size:g} pt, where the others would fit at {long.others:g} pt; shorten it",
        )

    run = numbered_run(
        opts, spec.boards, spec.seed, lambda: fill.default_seed(spec.entries, spec.grid), MAX_BOARDS, "board"
    )
    count, seed, numbers = run.count, run.seed, run.numbers
    try:
        boards = fill.make_boards(len(spec.entries), spec.grid, count, seed)
    except fill.TooFewEntries as exc:
        raise UserError(
            src.problem(
                ("entries",),
                f"there {'is 1 entry' if len(spec.entries) == 1 else f'are {len(spec.entries)} entries'}; "
                f"a {spec.grid} × "
                f"{spec.grid} board where no entry touches itself and every entry stands "
                f"about as often needs at least {exc.needed}; add "
                f"{exc.needed - len(spec.entries)} more",
            )
        ) from None
    except fill.TooManyBoards as exc:
        raise UserError(
            src.problem(("boards",), f"only {exc.reached} different boards were found; ask for fewer or add entries")
        ) from None
    asked = (spec.questions or spec.blank_cards) and opts.only is None
    questions = _question_deck(job, words, sets=count) if asked else None
    markers = (
        plan_markers(
            page=page,
            grid=spec.grid,
            square_side=face.side,
            regular=job.fonts.regular,
            bold=job.fonts.bold,
            heading=words["markers"],
            language=spec.language,
            sets=count,  # every group plays with its own
        )
        if spec.markers and opts.only is None
        else ()
    )
    return FiveInARowPlan(
        job=job,
        face=face,
        boards=boards,
        numbers=numbers,
        count=count,
        seed=seed,
        color=color,
        words=words,
        questions=questions,
        markers=markers,
    )


def _question_deck(job: Job[FiveInARowSpec, None], words: dict[str, str], sets: int) -> DeckPlan:
    """The conversation questions as a card deck (63 × 88 mm on the board's paper, backs
    printed behind their fronts), with blank cards to write more on."""
    spec = job.spec
    page = Page(
        name=job.page.name,
        source=job.src,
        width=job.page.width,  # the boards' paper: one file, one paper, printed as one job
        height=job.page.height,
        margin=10 * MM,
        min_text_size=job.page.min_text_size,
        crop_marks=True,  # cards to cut: marks at every cut line
        font=None,
    )
    geo = deck_on_page(page, 63 * MM, 88 * MM)
    # a deck for every board: each card printed `sets` times, side by side, to deal out
    cards = [Card(title=words["questions"], text=q, count=sets) for q in spec.questions]
    cards += [Card(lines=6, count=sets) for _ in range(spec.blank_cards)]
    locs = [("questions", i) for i in range(len(spec.questions))] + [("blank_cards",)] * spec.blank_cards
    back = Back(title=spec.title, text=words["five_back"])
    return plan_deck(
        name="questions",
        title=spec.title,
        language=spec.language,
        cards=cards,
        card_locs=locs,
        styles=[None] * len(cards),
        back=back,
        back_loc=("title",),
        geo=geo,
        page=page,
        fonts=job.fonts,
        src=job.src,
        front_style=QUESTION_FACE,
    )
