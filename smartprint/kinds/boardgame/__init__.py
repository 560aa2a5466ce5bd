"""`kind: board-game` — a track board game with question cards, for a parents'
meeting: the board (whole on A3, or in glued A4 parts), the rules with the house
rules, one question deck per category with its own back, and a die and pawns to fold."""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from smartprint.document import Document
from smartprint.errors import Problem, UserError
from smartprint.kinds.base import Job, Kind, Options
from smartprint.kinds.boardgame.board import BoardFace, plan_board
from smartprint.kinds.boardgame.model import BoardGameLayout, BoardGameSpec
from smartprint.kinds.boardgame.printables import PrintablesPlan, plan_printables, printables_printed
from smartprint.kinds.boardgame.track import assign_categories
from smartprint.kinds.boardgame.words import words as board_words
from smartprint.layout import Layout, Page, PageKeys, resolve_page
from smartprint.parts.categories import CategoryStyle, Declared, declared_styles
from smartprint.parts.deck.layout import DeckKeys, resolve_deck
from smartprint.parts.deck.model import Back, Card
from smartprint.parts.deck.plan import DeckPlan, deck_printed, plan_deck
from smartprint.parts.deck.style import FRONT
from smartprint.parts.geometry import Rect
from smartprint.parts.textpages.plan import PageFonts, Para, TextPage, TextStyle, rules_pages
from smartprint.parts.textpages.plan import printed as text_printed
from smartprint.parts.tiling import Tiling, plan_tiling
from smartprint.printed import Label, Printed, of_box
from smartprint.source import Path_
from smartprint.textfit import FitFailure
from smartprint.units import MM, PAPER_SIZES_MM

RULES_TEXT = TextStyle(size=13.0, leading=1.35, heading=1.9)  # read aloud at a table of parents and pupils
QUESTION_FACE = replace(FRONT, body_size=0.085)  # a question alone on a card: 15 pt, read aloud across a table
TILE_LABEL_ROOM = 16 * MM  # at the foot of each A4 part: its name, how to join it, a map


@dataclass(frozen=True)
class BoardGeometry:
    """The board's own page, and whether it is printed in A4 parts."""

    width: float
    height: float
    tiles: bool
    overlap: float


@dataclass
class BoardGamePlan:
    job: Job[BoardGameSpec]
    words: dict[str, str]
    seed: int
    styles: tuple[CategoryStyle, ...]
    categories: tuple[int | None, ...]  # per square 1 … n
    board: BoardFace
    geometry: BoardGeometry
    tiling: Tiling | None
    tile_how: tuple[str, ...]  # the joining instruction, wrapped to the foot of a part
    rules: list[TextPage]
    decks: tuple[DeckPlan, ...]
    printables: PrintablesPlan | None

    def tile_label(self, index: int) -> str:
        assert self.tiling is not None
        tile = self.tiling.tiles[index]
        w = self.words
        return f"{self.job.spec.title} · {w['tile']} {self.tiling.name(tile)} ({index + 1} {w['of']} " \
               f"{len(self.tiling.tiles)})"


def default_seed(spec: BoardGameSpec) -> int:
    """The same file gives the same board: a seed from what decides the board."""
    key = "\n".join([str(spec.squares), *(c.name for c in spec.categories), *(f"{s.at}" for s in spec.specials)])
    return zlib.crc32(key.encode()) % 100000


def _check(job: Job[BoardGameSpec]) -> list[Problem]:
    """Specials on the track and one per square; categories named once, each with questions."""
    spec, src = job.spec, job.src
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, cat in enumerate(spec.categories):
        key = " ".join(cat.name.split()).casefold()
        if key in seen:
            problems.append(src.problem(("categories", i, "name"), f"category {i + 1} has the same name as "
                                        f"category {seen[key] + 1} ('{cat.name}'); give each its own name"))
        seen.setdefault(key, i)
        if not cat.questions:
            loc: Path_ = ("categories", i, "questions") if "questions" in _keys(src.data, i) else ("categories", i)
            problems.append(src.problem(loc, f"category '{cat.name}' has no questions; a player who lands on its "
                                             "square needs a card to draw, so add at least one under 'questions'"))
    taken: dict[int, int] = {}
    for i, special in enumerate(spec.specials):
        if special.at > spec.squares:
            problems.append(src.problem(("specials", i, "at"), f"square {special.at} is not on the track; the "
                                        f"track has squares 1 to {spec.squares} (see 'squares')"))
        elif special.at in taken:
            problems.append(src.problem(("specials", i, "at"), f"square {special.at} already has a special "
                                        f"(special {taken[special.at] + 1}); give each special its own square"))
        else:
            taken[special.at] = i
    if len(taken) > spec.squares - len(spec.categories):
        problems.append(src.problem(("specials",), f"{len(taken)} of the {spec.squares} squares are specials; "
                                                   "leave at least one square for each category"))
    return problems


def _keys(data: object, i: int) -> set[str]:
    try:
        item = data["categories"][i]  # type: ignore[index]
        return set(item) if isinstance(item, dict) else set()
    except (KeyError, IndexError, TypeError):
        return set()


def _board(job: Job[BoardGameSpec], geo: BoardGeometry, categories: list[int | None],
           words: dict[str, str]) -> BoardFace:
    spec, src, page = job.spec, job.src, job.page
    specials = {s.at: s.text for s in spec.specials}
    try:
        return plan_board(geo.width, geo.height, page.margin, spec.title, spec.squares, categories,
                          [c.name for c in spec.categories], specials, spec.start or words["start"],
                          spec.finish or words["finish"], words["special"], job.fonts, page.min_text_size)
    except FitFailure as f:
        parts = f.field.split(".")
        if parts[0] == "specials":
            order = sorted(range(len(spec.specials)), key=lambda i: spec.specials[i].at)
            i = order[int(parts[1])]
            loc: Path_ = ("specials", i, "text")
            what = f"special {i + 1} (square {spec.specials[i].at})"
        elif parts[0] == "categories":
            loc, what = ("categories", int(parts[1]), "name"), f"the name of category {int(parts[1]) + 1}"
        elif parts[0] in ("start", "finish") and getattr(spec, parts[0]) is None:
            loc, what = (), f"smartprint's {parts[0]} label"
        else:
            loc, what = (parts[0],), f"'{parts[0]}'"
        raise UserError(src.problem(loc, f"{what} does not fit on the board even at {f.size:g} pt ({f.need()}); "
                                         "shorten it, or use fewer squares so each square is larger")) from None


def _rules(job: Job[BoardGameSpec], words: dict[str, str], styles: tuple[CategoryStyle, ...]) -> list[TextPage]:
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
        paragraphs.append(Para(cat.name, ("categories", i, "name"), "bullet"))
    paragraphs.append(Para(words["house_heading"], Label("house rules", lang), "subheading"))
    paragraphs += [Para(p, Label("house rules", lang), "bullet") for p in words["house"].split("\n")]
    area = Rect(page.margin, page.margin, page.width - 2 * page.margin, page.height - 2 * page.margin)
    fonts = PageFonts(job.fonts.regular, job.fonts.bold, job.fonts.measure)
    return rules_pages(Para(spec.title, ("title",)), [Para(words["rules_heading"], Label("rules", lang),
                                                           "subheading")] + paragraphs, area, fonts, lang, RULES_TEXT)


def _decks(job: Job[BoardGameSpec], styles: tuple[CategoryStyle, ...], words: dict[str, str]) -> tuple[DeckPlan, ...]:
    """One question deck per category on the A4 paper, 63 × 88 mm cards with the
    category's band in front and its colour, symbol and name on the back."""
    spec, page = job.spec, job.page
    keys = DeckKeys.model_validate({"paper": "A4", "orientation": "portrait", "margin": "8mm",
                                    "card": {"width": "63mm", "height": "88mm"},
                                    "min_text_size": f"{page.min_text_size}pt"})
    deck_page, geo = resolve_deck(keys, Page(page.name, job.src, 0, 0, 0, 0, False, None), None)
    deck_page = Page(deck_page.name, deck_page.source, deck_page.width, deck_page.height, deck_page.margin,
                     deck_page.min_text_size, page.crop_marks, page.font)
    decks = []
    for i, (cat, style) in enumerate(zip(spec.categories, styles)):
        cards = [Card(group=cat.name, text=q) for q in cat.questions]
        cards += [Card(group=cat.name, lines=6) for _ in range(spec.blank_cards)]
        locs: list[Path_] = [("categories", i, "questions", k) for k in range(len(cat.questions))]
        locs += [("blank_cards",)] * spec.blank_cards
        hexcolor = "#" + "".join(f"{round(v * 255):02x}" for v in style.color)
        back = Back(title=cat.name, text=words["back"], color=hexcolor, symbol=style.symbol)
        decks.append(plan_deck(f"deck{i}", f"{spec.title}: {cat.name}", spec.language, cards, locs,
                               [style] * len(cards), back, ("categories", i, "name"), geo, deck_page, job.fonts,
                               job.src, job.options.allow, job.warn, QUESTION_FACE))
    return tuple(decks)


def _plan(job: Job[BoardGameSpec]) -> BoardGamePlan:
    spec, src, opts = job.spec, job.src, job.options
    words = board_words(spec.language)
    problems = _check(job)
    try:
        style_map = declared_styles([Declared(c.name, c.color, c.symbol, ("categories", i))
                                     for i, c in enumerate(spec.categories)], src)
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
            job.warn(("categories", i, "questions"), f"category '{cat.name}' has {len(cat.questions)} questions "
                     f"for {counts[i]} squares on the track; some questions will come up twice unless you "
                     "add more (or shuffle the used cards back in)")
    geo: BoardGeometry = job.layout.geometry
    board = _board(job, geo, categories, words)
    tiling = None
    how: tuple[str, ...] = ()
    page = job.page
    if geo.tiles:
        tiling = plan_tiling(board.content.w, board.content.h, page.width, page.height, page.margin, geo.overlap,
                             TILE_LABEL_ROOM)
        from smartprint.textfit import wrap

        how = tuple(wrap(words["tile_how"], job.fonts.regular, 8, tiling.sheet_w - 2 * page.margin - 40 * MM,
                         job.fonts.measure))
    rules = _rules(job, words, styles)
    decks = _decks(job, styles, words)
    printables = plan_printables(job, words) if spec.printables else None
    return BoardGamePlan(job, words, seed, styles, tuple(categories), board, geo, tiling, how, rules, decks,
                         printables)


def _printed(plan: BoardGamePlan) -> Iterator[Printed]:
    spec = plan.job.spec
    lang = spec.language
    board = plan.board
    yield from of_box(board.title, ("title",))
    for item in board.legend:
        yield from of_box(item.label, ("categories", item.category, "name") if item.category is not None
                          else Label("legend", lang))
    order = sorted(range(len(spec.specials)), key=lambda i: spec.specials[i].at)
    specials_seen = 0
    for square in board.squares:
        if square.number == 0:
            yield from of_box(square.text, ("start",) if spec.start else Label("start", lang))
        elif square.number == spec.squares + 1:
            yield from of_box(square.text, ("finish",) if spec.finish else Label("finish", lang))
        elif square.text is not None:
            yield from of_box(square.text, ("specials", order[specials_seen], "text"))
            specials_seen += 1
    font = plan.job.fonts
    yield Printed("0123456789", font.bold, Label("square numbers", lang))
    if plan.tiling is not None:
        for i in range(len(plan.tiling.tiles)):
            label = plan.tile_label(i)
            yield Printed(spec.title, font.regular, ("title",))
            yield Printed(label[len(spec.title):], font.bold, Label("part label", lang))
        for line in plan.tile_how:
            yield Printed(line, font.regular, Label("how to join the parts", lang))
        yield Printed(plan.words["glue"] + plan.words["cut"], font.bold, Label("glue and cut marks", lang))
    yield from text_printed(plan.rules)
    if plan.printables is not None:
        yield from printables_printed(plan.printables, lang, font.bold)
    for deck in plan.decks:
        yield from deck_printed(deck)


class BoardGameKind(Kind[BoardGameSpec, BoardGamePlan]):
    name = "board-game"
    noun = "board games"
    spec = BoardGameSpec
    layout_keys = BoardGameLayout
    default_layout = "spillbrett-a3"
    options = frozenset({"seed"})

    def resolve_layout(self, keys: BoardGameLayout, page: Page, options: Options | None) -> Layout:
        resolved = resolve_page(keys, page)
        if keys.board_paper.upper() not in PAPER_SIZES_MM:
            raise UserError(page.source.problem(("board_paper",), f"unknown paper '{keys.board_paper}'; use one of "
                                                                  f"{', '.join(PAPER_SIZES_MM)}"))
        board_keys = PageKeys.model_validate({"paper": keys.board_paper, "orientation": keys.board_orientation,
                                              "margin": f"{keys.margin}pt"})
        board_page = resolve_page(board_keys, page)
        if keys.tiles and max(board_page.width, board_page.height) < max(resolved.width, resolved.height) + 1:
            raise UserError(page.source.problem(("tiles",), f"the board ({keys.board_paper}) is no larger than "
                                                            f"the paper ({keys.paper}); print it whole with "
                                                            "'tiles: false'"))
        return Layout(resolved, BoardGeometry(board_page.width, board_page.height, keys.tiles, keys.overlap))

    def plan(self, job: Job[BoardGameSpec]) -> BoardGamePlan:
        return _plan(job)

    def printed(self, plan: BoardGamePlan) -> Iterable[Printed]:
        return _printed(plan)

    def document(self, plan: BoardGamePlan) -> Document:
        from smartprint.kinds.boardgame.paint import board_game_document

        return board_game_document(plan)

    def describe(self, plan: BoardGamePlan, pages: int) -> str:
        cards = sum(len(d.expanded) for d in plan.decks)
        if plan.tiling is None:
            board = "the board on A3 (page 1; print it on A3, one-sided)"
        else:
            n = len(plan.tiling.tiles)
            board = f"the board in {n} A4 parts to glue together"
        return (f"{pages} pages: {board}, rules, {cards} question cards in {len(plan.decks)} decks"
                + (", a die and pawns to fold" if plan.job.spec.printables else "")
                + "; print the A4 pages double-sided (long edge)")


KIND = BoardGameKind()
