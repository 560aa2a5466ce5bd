"""Assembling the whole boardgame plan from a job: every check and every decision before drawing."""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass, replace

from smartprint.errors import Problem, UserError
from smartprint.kinds.base import Job
from smartprint.kinds.boardgame.board import (
    TILE_FOOT,
    TILE_LABEL_ROOM,
    TILE_LABEL_SIZE,
    TILE_MAP_W,
    BoardFace,
    BoardFitFailures,
    plan_board,
)
from smartprint.kinds.boardgame.model import BoardGameSpec
from smartprint.kinds.boardgame.printables import PrintablesPlan, plan_printables
from smartprint.kinds.boardgame.track import assign_categories
from smartprint.kinds.boardgame.words import words as board_words
from smartprint.load.source import Path_
from smartprint.parts.categories import CategoryStyle, Declared, declared_styles
from smartprint.parts.deck.faces import plan_front
from smartprint.parts.deck.layout import deck_on_page
from smartprint.parts.deck.model import Back, Card
from smartprint.parts.deck.plan import DeckOrigins, DeckPlan, Wording, plan_deck
from smartprint.parts.deck.style import FRONT
from smartprint.parts.geometry import Rect
from smartprint.parts.inside import text_rect
from smartprint.parts.printnote import footer_note
from smartprint.parts.textpages.plan import PageFonts, Para, TextPage, TextStyle, rules_pages
from smartprint.parts.tiling import Tiling, plan_tiling
from smartprint.resolve.units import MM, format_mm
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label, Origin, mixed
from smartprint.text.run import TextRun
from smartprint.text.textfit import FitFailure, cut_to_fit

RULES_TEXT = TextStyle(size=13.0, leading=1.35, heading=1.9)  # read aloud at a table of parents and pupils
QUESTION_CARD = (63 * MM, 88 * MM)  # the common playing-card size: sleeves and boxes fit
QUESTION_MARGIN = 8 * MM
QUESTION_FACE = replace(FRONT, body_size=0.085)  # a question alone on a card: 15 pt, read aloud across a table


@dataclass(frozen=True)
class BoardGeometry:
    """The board's own page, and whether it is printed in A4 parts."""

    width: float
    height: float
    tiles: bool
    overlap: float


BoardJob = Job[BoardGameSpec, BoardGeometry]  # a board game's job: its file and its board's paper


@dataclass
class BoardGamePlan:
    job: BoardJob
    words: dict[str, str]
    seed: int
    styles: tuple[CategoryStyle, ...]
    categories: tuple[int | None, ...]  # per square 1 … n
    board: BoardFace
    geometry: BoardGeometry
    tiling: Tiling | None
    tile_feet: tuple[tuple[TextRun, ...], ...]  # per part: its label, then how to join it
    rules: list[TextPage]
    decks: tuple[DeckPlan, ...]
    printables: PrintablesPlan | None
    notes: dict[str, TextRun]  # how to print, on the first page of each file: "board" and/or "rules"


def _tile_label(title: str, words: dict[str, str], tiling: Tiling, index: int) -> str:
    """Which part this is: "Relasjonsspill · del A2 (2 av 4)"."""
    tile = tiling.tiles[index]
    return f"{title} · {words['tile']} {tiling.name(tile)} ({index + 1} {words['of']} {len(tiling.tiles)})"


def _tile_feet(job: BoardJob, words: dict[str, str], tiling: Tiling) -> tuple[tuple[TextRun, ...], ...]:
    """The foot of each part: its label in bold (the title cut with "…" so the longest
    label fits beside the map), and the joining instruction wrapped under it."""
    from smartprint.text.textfit import wrap

    page, fonts, lang = job.page, job.fonts, job.spec.language
    room = tiling.sheet_w - 2 * page.margin - TILE_MAP_W - 5 * MM
    last = len(tiling.tiles) - 1
    title = cut_to_fit(
        job.spec.title,
        lambda shown: fonts.measure(_tile_label(shown, words, tiling, last), fonts.bold, TILE_LABEL_SIZE) <= room,
    )
    how = wrap(words["tile_how"], fonts.regular, 8, tiling.sheet_w - 2 * page.margin - 40 * MM, fonts.measure, lang)
    feet = []
    for index, tile in enumerate(tiling.tiles):
        foot = tile.place.y - TILE_FOOT
        label = _tile_label(title, words, tiling, index)
        origin = mixed((title, ("title",)), (label[len(title) :], Label("part label", lang)))
        runs = [TextRun(label, fonts.bold, TILE_LABEL_SIZE, page.margin, foot, origin)]
        runs += [
            TextRun(line, fonts.regular, 8, page.margin, foot - (k + 1) * 10, Label("join instructions", lang))
            for k, line in enumerate(how)
        ]
        feet.append(tuple(runs))
    return tuple(feet)


def _on_content(board: BoardFace, rect: Rect) -> Rect:
    """A rectangle of the board page in the coordinates of its content (where the parts' seams are)."""
    return rect.shifted(-board.content.x, -board.content.y)


def _rather_whole(board: BoardFace, fonts: Fonts) -> list[Rect]:
    """What a seam should not cut when it can help it: the title's letters and the legend."""
    rects = [text_rect(board.title, fonts)]
    for item in board.legend:
        rects += [item.swatch, text_rect(item.label, fonts)]
    return [_on_content(board, r) for r in rects]


def default_seed(spec: BoardGameSpec) -> int:
    """The same file gives the same board: a seed from what decides the board."""
    key = "\n".join([str(spec.squares), *(c.name for c in spec.categories), *(f"{s.at}" for s in spec.specials)])
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % 100000


def _check(job: BoardJob) -> list[Problem]:
    """Specials on the track and one per square; categories named once, each with questions."""
    spec, src = job.spec, job.src
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for key_name in ("start", "finish", "rules"):
        value = getattr(spec, key_name)
        if value is not None and not value.strip():
            problems.append(
                src.problem(
                    (key_name,),
                    f"'{key_name}' is blank; write the text, or leave '{key_name}' out for smartprint's own",
                )
            )
    for i, cat in enumerate(spec.categories):
        if not cat.name.strip():
            problems.append(
                src.problem(
                    ("categories", i, "name"),
                    f"category {i + 1} has a blank name; the name stands in the legend and on every card of its deck",
                )
            )
        key = " ".join(cat.name.split()).casefold()
        if key in seen:
            problems.append(
                src.problem(
                    ("categories", i, "name"),
                    f"category {i + 1} has the same name as "
                    f"category {seen[key] + 1} ('{cat.name}'); give each its own name",
                )
            )
        seen.setdefault(key, i)
        if not cat.questions:
            loc: Path_ = ("categories", i, "questions") if "questions" in _keys(src.data, i) else ("categories", i)
            problems.append(
                src.problem(
                    loc,
                    f"category '{cat.name}' has no questions; a player who lands on its "
                    "square needs a card to draw, so add at least one under 'questions'",
                )
            )
    taken: dict[int, int] = {}
    for i, special in enumerate(spec.specials):
        if not special.text.strip():
            problems.append(
                src.problem(
                    ("specials", i, "text"), f"special {i + 1} has a blank text; write what happens on its square"
                )
            )
        if special.at > spec.squares:
            problems.append(
                src.problem(
                    ("specials", i, "at"),
                    f"square {special.at} is not on the track; the "
                    f"track has squares 1 to {spec.squares} (see 'squares')",
                )
            )
        elif special.at in taken:
            problems.append(
                src.problem(
                    ("specials", i, "at"),
                    f"square {special.at} already has a special "
                    f"(special {taken[special.at] + 1}); give each special its own square",
                )
            )
        else:
            taken[special.at] = i
    if len(taken) > spec.squares - len(spec.categories):
        problems.append(
            src.problem(
                ("specials",),
                f"{len(taken)} of the {spec.squares} squares are specials; leave at least one square for each category",
            )
        )
    return problems


def _keys(data: object, i: int) -> set[str]:
    try:
        item = data["categories"][i]  # type: ignore[index]
        return set(item) if isinstance(item, dict) else set()
    except (KeyError, IndexError, TypeError):
        return set()


def _board(job: BoardJob, geo: BoardGeometry, categories: list[int | None], words: dict[str, str]) -> BoardFace:
    spec, page = job.spec, job.page
    specials = {s.at: s.text for s in spec.specials}
    special_origins: dict[int, Origin] = {s.at: ("specials", i, "text") for i, s in enumerate(spec.specials)}
    lang = spec.language
    try:
        return plan_board(
            width=geo.width,
            height=geo.height,
            margin=page.margin,
            title=spec.title,
            squares=spec.squares,
            categories=categories,
            names=[c.name for c in spec.categories],
            specials=specials,
            special_origins=special_origins,
            start=spec.start or words["start"],
            finish=spec.finish or words["finish"],
            ends_origins=(
                ("start",) if spec.start else Label("start", lang),
                ("finish",) if spec.finish else Label("finish", lang),
            ),
            special_label=words["special"],
            fonts=job.fonts,
            min_size=page.min_text_size,
            language=lang,
            shape=spec.track,
        )
    except BoardFitFailures as failed:
        raise UserError([_board_problem(job, f) for f in failed.failures]) from None


def _board_problem(job: BoardJob, f: FitFailure) -> Problem:
    """Where a text that does not fit the board is written, and what helps."""
    spec, src, page = job.spec, job.src, job.page
    parts = f.field.split(".")
    how = f"even at {f.size:g} pt ({f.need()})"
    smaller = f"; or lower min_text_size ({page.min_text_size:g} pt) in the layout" if page.min_text_size > 7 else ""
    if parts[0] == "specials":
        order = sorted(range(len(spec.specials)), key=lambda i: spec.specials[i].at)
        i = order[int(parts[1])]
        return src.problem(
            ("specials", i, "text"),
            f"special {i + 1} (square {spec.specials[i].at}) does not fit its "
            f"square {how}; shorten it, or use fewer squares so each "
            f"square is larger{smaller}",
        )
    if parts[0] == "legend" and parts[1] != "special":
        k = int(parts[1])
        return src.problem(
            ("categories", k, "name"),
            f"the name of category {k + 1} does not fit the legend under "
            f"the board {how}; shorten the category names{smaller}",
        )
    if parts[0] in ("start", "finish") and getattr(spec, parts[0]) is not None:
        return src.problem(
            (parts[0],),
            f"'{parts[0]}' does not fit its square {how}; shorten it, or use fewer squares so each square is larger",
        )
    if parts[0] == "title":
        return src.problem(("title",), f"the title does not fit above the board {how}; shorten it")
    key = "special" if parts[0] == "legend" else parts[0]
    what = "legend words for the special squares" if key == "special" else f"{key} label"
    return page.source.problem(
        ("min_text_size",),
        f"smartprint's {what} («{board_words(spec.language)[key]}») "
        f"does not fit on the board {how}; use a smaller min_text_size "
        "or a larger board_paper",
    )


def _rules(job: BoardJob, words: dict[str, str], styles: tuple[CategoryStyle, ...]) -> list[TextPage]:
    """The rules page: how to play (the file's rules, or smartprint's), the categories,
    and the house rules of good listening and fair play, always."""
    spec, page = job.spec, job.page
    lang = spec.language
    paragraphs: list[Para] = []
    if spec.rules:
        paragraphs += [Para(p, ("rules",)) for p in spec.rules.split("\n") if p.strip()]
    else:
        paragraphs += [Para(p, Label("rules", lang)) for p in words["rules"].split("\n")]
    paragraphs.append(Para(words["categories_heading"], Label("rules", lang), "subheading"))
    for i, cat in enumerate(spec.categories):
        paragraphs.append(Para(cat.name, ("categories", i, "name"), "hanging", mark=i))  # its symbol before it
    paragraphs.append(Para(words["house_heading"], Label("house rules", lang), "subheading"))
    paragraphs += [Para(p, Label("house rules", lang), "bullet") for p in words["house"].split("\n")]
    area = Rect(page.margin, page.margin, page.width - 2 * page.margin, page.height - 2 * page.margin)
    fonts = PageFonts(job.fonts.regular, job.fonts.bold, job.fonts.measure)
    return rules_pages(
        Para(spec.title, ("title",)),
        [Para(words["rules_heading"], Label("rules", lang), "subheading")] + paragraphs,
        area,
        fonts,
        lang,
        RULES_TEXT,
    )


def _decks(job: BoardJob, styles: tuple[CategoryStyle, ...], words: dict[str, str]) -> tuple[DeckPlan, ...]:
    """One question deck per category on the layout's paper, 63 × 88 mm cards with the
    category's band in front and its colour, symbol and name on the back; the problems
    of every deck are reported together."""
    spec, page, src = job.spec, job.page, job.src
    deck_page = replace(page, margin=QUESTION_MARGIN)  # the layout's paper, its crop marks and font
    geo = deck_on_page(deck_page, *QUESTION_CARD)
    decks = []
    problems: list[Problem] = []
    for i, (cat, style) in enumerate(zip(spec.categories, styles)):
        try:  # the name stands in every card's band: said once, at the name, if it does not fit
            plan_front(
                Card(group=cat.name, text="?"),
                w=geo.card_w,
                h=geo.card_h,
                fonts=job.fonts,
                min_size=page.min_text_size,
                has_group=True,
                image_ratio=None,
                draw_label="",
                loc=("categories", i),
                language=spec.language,
                style=QUESTION_FACE,
            )
        except FitFailure as f:
            if f.field == "group":
                problems.append(
                    src.problem(
                        ("categories", i, "name"),
                        f"category {i + 1}'s name does not fit the "
                        f"band of its cards even at {f.size:g} pt ({f.need()}); shorten it",
                    )
                )
                continue
        cards = [Card(group=cat.name, text=q) for q in cat.questions]
        cards += [Card(group=cat.name, lines=6) for _ in range(spec.blank_cards)]
        locs: list[Path_] = [("categories", i, "questions", k) for k in range(len(cat.questions))]
        locs += [("blank_cards",)] * spec.blank_cards
        names = [f"question {k + 1} of «{cat.name}»" for k in range(len(cat.questions))]
        names += [f"the blank cards of «{cat.name}»"] * spec.blank_cards
        hexcolor = "#" + "".join(f"{round(v * 255):02x}" for v in style.color)
        back = Back(title=cat.name, text=words["back"], color=hexcolor, symbol=style.symbol)
        try:
            name: Path_ = ("categories", i, "name")
            decks.append(
                plan_deck(
                    name=f"deck{i}",
                    title=f"{spec.title}: {cat.name}",
                    language=spec.language,
                    cards=cards,
                    card_locs=locs,
                    styles=[style] * len(cards),
                    back=back,
                    back_loc=name,
                    geo=geo,
                    page=deck_page,
                    fonts=job.fonts,
                    src=src,
                    allowed=job.options.allow,
                    warn=job.warn,
                    front_style=QUESTION_FACE,
                    wording=Wording(names=names),
                    origins=DeckOrigins(
                        title=mixed((spec.title, ("title",)), (f": {cat.name}", name)),
                        group=name,
                        back_title=name,
                        back_text=Label("card back", spec.language),
                    ),
                )
            )
        except UserError as exc:
            problems.extend(exc.problems)
    if problems:
        raise UserError(problems)
    return tuple(decks)


def assemble(job: BoardJob) -> BoardGamePlan:
    spec, src, opts = job.spec, job.src, job.options
    words = board_words(spec.language)
    problems = _check(job)
    try:
        style_map = declared_styles(
            [Declared(c.name, c.color, c.symbol, ("categories", i)) for i, c in enumerate(spec.categories)], src
        )
    except UserError as exc:
        problems.extend(exc.problems)
        style_map = {}
    if problems:
        raise UserError(problems)
    styles = tuple(style_map[c.name] for c in spec.categories)
    seed = opts.seed if opts.seed is not None else spec.seed if spec.seed is not None else default_seed(spec)
    categories = assign_categories(spec.squares, {s.at for s in spec.specials}, len(spec.categories), seed)
    counts = Counter(c for c in categories if c is not None)
    for i, cat in enumerate(spec.categories):
        if 0 < len(cat.questions) < counts[i]:
            n = len(cat.questions)
            job.warn(
                ("categories", i, "questions"),
                f"category '{cat.name}' has {n} "
                f"question{'s' if n != 1 else ''} for {counts[i]} squares on the track; some questions will "
                "come up twice unless you add more (or shuffle the used cards back in)",
            )
    geo: BoardGeometry = job.layout.geometry
    try:
        board = _board(job, geo, categories, words)
    except UserError as exc:  # told together with the decks' problems
        problems.extend(exc.problems)
    try:
        decks = _decks(job, styles, words)
    except UserError as exc:
        problems.extend(exc.problems)
    if problems:
        raise UserError(problems)
    tiling = None
    feet: tuple[tuple[TextRun, ...], ...] = ()
    page = job.page
    if geo.tiles:
        try:
            tiling = plan_tiling(
                board.content.w,
                content_h=board.content.h,
                paper_w=page.width,
                paper_h=page.height,
                margin=page.margin,
                overlap=geo.overlap,
                label_room=TILE_LABEL_ROOM,
                keep_whole=[_on_content(board, s.rect) for s in board.squares],
                rather_whole=_rather_whole(board, job.fonts),
            )
        except ValueError:  # no room for parts inside the margins
            raise UserError(
                page.source.problem(
                    ("overlap",),
                    f"parts of the board with an overlap of "
                    f"{format_mm(geo.overlap)} do not fit a page of '{page.name}' "
                    f"inside margins of {format_mm(page.margin)}; use a smaller "
                    "overlap or margin",
                )
            ) from None
        feet = _tile_feet(job, words, tiling)
    rules = _rules(job, words, styles)
    printables = plan_printables(job, words) if spec.printables else None
    notes = _print_notes(job, board, tiling)
    plan = BoardGamePlan(
        job,
        words=words,
        seed=seed,
        styles=styles,
        categories=tuple(categories),
        board=board,
        geometry=geo,
        tiling=tiling,
        tile_feet=feet,
        rules=rules,
        decks=decks,
        printables=printables,
        notes=notes,
    )
    return plan


def _print_notes(job: BoardJob, board: BoardFace, tiling: Tiling | None) -> dict[str, TextRun]:
    """How to print each file, on its first page: the board alone on its larger paper is
    printed one-sided; the board with the rules and cards on one paper, double-sided (the
    board has an empty back); the board in parts starts the double-sided file. The rules
    page carries it too when it starts a file of its own."""
    page, lang, fonts = job.page, job.spec.language, job.fonts
    notes: dict[str, TextRun] = {}
    if tiling is None:
        alone = {round(board.width), round(board.height)} != {round(page.width), round(page.height)}
        margin = min(board.content.x, board.content.y)
        note = footer_note(
            lang,
            "none" if alone else "duplex-long",
            width=board.width,
            height=board.height,
            margin=margin,
            right=board.content.right,
            fonts=fonts,
        )
        if note is not None:
            notes["board"] = note
        if not alone:
            return notes
    width, height = (page.width, page.height) if tiling is None else (tiling.sheet_w, tiling.sheet_h)
    note = footer_note(
        lang, "duplex-long", width=width, height=height, margin=page.margin, right=width - page.margin, fonts=fonts
    )
    if note is not None:
        notes["rules" if tiling is None else "parts"] = note
    return notes
