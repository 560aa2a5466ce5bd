"""`kind: cards` — a deck of cards, fronts and a common back, imposed on sheets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from smartprint.assets import image_path, image_reader
from smartprint.colors import PALETTE, RGB, parse_color
from smartprint.errors import Problem, UserError
from smartprint.kinds.cards.model import CardsSpec
from smartprint.kinds.cards.plan import BackFace, FitFailure, FrontFace, SheetPage, impose, plan_back, plan_front
from smartprint.labels import labels
from smartprint.symbols import SYMBOLS
from smartprint.validation import did_you_mean

Spec = CardsSpec
DEFAULT_LAYOUT = "kort-63x88"
CLI_OPTIONS: frozenset[str] = frozenset()  # --sheets, --seed, --only mean nothing for a deck
MAX_EXPANDED = 5000
BACK_COLOR = "#1d3557"


@dataclass(frozen=True)
class GroupStyle:
    color: RGB
    symbol: str


@dataclass
class Prepared:
    job: object
    expanded: list[int]
    styles: list[GroupStyle | None]  # per card
    images: list[object | None]  # per card: a path
    fronts: list[FrontFace]  # per card
    back: BackFace | None
    back_color: RGB
    back_image: object | None
    qr: list[list[bool]] | None
    pages: list[SheetPage]


def _card_name(spec: CardsSpec, i: int) -> str:
    title = spec.cards[i].title
    return f"card {i + 1} «{title}»" if title else f"card {i + 1}"


def _styles(spec: CardsSpec, src) -> list[GroupStyle | None]:
    declared: dict[str, GroupStyle] = {}
    for gi, group in enumerate(spec.groups):
        try:
            color = parse_color(group.color) if group.color else parse_color(PALETTE[gi % len(PALETTE)])
        except ValueError as exc:
            raise UserError(src.problem(("groups", gi, "color"), str(exc))) from None
        declared[group.name] = GroupStyle(color, group.symbol or SYMBOLS[gi % len(SYMBOLS)])
    auto = not spec.groups
    out: list[GroupStyle | None] = []
    problems: list[Problem] = []
    for ci, card in enumerate(spec.cards):
        if card.group is None:
            out.append(None)
            continue
        if card.group not in declared:
            if auto:
                n = len(declared)
                declared[card.group] = GroupStyle(parse_color(PALETTE[n % len(PALETTE)]), SYMBOLS[n % len(SYMBOLS)])
            else:
                names = list(declared)
                hint = did_you_mean(card.group, names) or f"; the groups are: {', '.join(names)}"
                problems.append(src.problem(("cards", ci, "group"), f"no group named '{card.group}'{hint}"))
                out.append(None)
                continue
        out.append(declared[card.group])
    if problems:
        raise UserError(problems)
    return out


def _ratio(path) -> float:
    w, h = image_reader(path).getSize()
    return w / h


def prepare(job) -> Prepared:
    """Check everything that can go wrong and plan every page, before any drawing."""
    spec: CardsSpec = job.spec
    src, layout, fonts = job.src, job.layout, job.fonts
    words = labels(spec.language)
    styles = _styles(spec, src)
    expanded = [i for i, card in enumerate(spec.cards) for _ in range(card.count)]
    if len(expanded) > MAX_EXPANDED:
        raise UserError(src.problem(("cards",), f"the deck has {len(expanded)} cards with their counts; "
                                                f"at most {MAX_EXPANDED} fit one build"))
    images = [image_path(src, ("cards", i, "image"), c.image) if c.image else None
              for i, c in enumerate(spec.cards)]

    problems: list[Problem] = []
    fronts: list[FrontFace] = []
    for i, card in enumerate(spec.cards):
        try:
            fronts.append(plan_front(card, layout.card_w, layout.card_h, fonts, layout.min_text_size,
                                     styles[i] is not None,
                                     _ratio(images[i]) if images[i] else None, words["draw_here"]))
        except FitFailure as f:
            loc = ("cards", i, f.field)
            problems.append(src.problem(loc, _fit_message(_card_name(spec, i), f, layout.name)))
    back_face = None
    back_color = parse_color(BACK_COLOR)
    qr = back_image = None
    if spec.back is not None and layout.backs != "none":
        back = spec.back
        if back.color:
            try:
                back_color = parse_color(back.color)
            except ValueError as exc:
                problems.append(src.problem(("back", "color"), str(exc)))
        if back.qr:
            from smartprint.qr import qr_matrix

            try:
                qr = qr_matrix(back.qr)
            except ValueError as exc:
                problems.append(src.problem(("back", "qr"), str(exc)))
        if back.image:
            back_image = image_path(src, ("back", "image"), back.image)
        try:
            back_face = plan_back(back, layout.card_w, layout.card_h, fonts, layout.min_text_size,
                                  _ratio(back_image) if back_image else None, len(qr) if qr else None)
        except FitFailure as f:
            problems.append(src.problem(("back", f.field), _fit_message("the back", f, layout.name)))
    if problems:
        raise UserError(problems)
    return Prepared(job, expanded, styles, images, fronts, back_face, back_color, back_image, qr,
                    impose(len(expanded), layout))


def _fit_message(what: str, f: FitFailure, layout_name: str) -> str:
    return (f"{what}: '{f.field}' does not fit even at {f.size:g} pt ({f.need()}); "
            f"shorten it, or use a larger card layout than '{layout_name}'")


def draw(prep: Prepared, out: str | BinaryIO) -> int:
    """Draw the planned pages; returns the number of pages."""
    from smartprint.kinds.cards import paint

    return paint.draw_deck(prep, out)
