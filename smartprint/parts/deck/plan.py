"""A whole deck planned: each card's face, the common back, and the sheets.

Used by every kind that prints cards (the cards kind, question decks of a game).
Pure data: no reportlab; text widths come from the font set's `measure`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from smartprint.errors import Problem, UserError
from smartprint.load import reads
from smartprint.load.source import Path_, Source
from smartprint.parts.categories import CategoryStyle
from smartprint.parts.deck.backs import DUPLEX
from smartprint.parts.deck.faces import BackFace, FrontFace, plan_back, plan_front
from smartprint.parts.deck.impose import SheetPage, impose
from smartprint.parts.deck.layout import DeckGeometry
from smartprint.parts.deck.model import Back, Card
from smartprint.parts.deck.style import FRONT, SHEET, FrontStyle
from smartprint.parts.geometry import PRINTER_MARGIN, Rect
from smartprint.resolve.assets import Picture, load_picture
from smartprint.resolve.colors import RGB, parse_color
from smartprint.resolve.layout import Page
from smartprint.text.labels import labels, print_note
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Label, Origin, mixed
from smartprint.text.run import TextRun
from smartprint.text.textfit import FitFailure, cut_to_fit

MAX_EXPANDED = 5000
BACK_COLOR = "#1d3557"


@dataclass(frozen=True)
class DeckPlan:
    """Everything needed to draw a deck, decided. `name` keeps its shared forms apart
    from those of other decks in the same document."""

    name: str
    title: str
    language: str
    cards: tuple[Card, ...]
    card_locs: tuple[Path_, ...]
    expanded: tuple[int, ...]  # card index per printed card (counts expanded)
    styles: tuple[CategoryStyle | None, ...]  # per card
    images: tuple[Picture | None, ...]  # per card
    fronts: tuple[FrontFace, ...]  # per card
    back: BackFace | None
    back_loc: Path_
    back_spec: Back | None
    back_color: RGB
    back_image: Picture | None
    qr: tuple[tuple[bool, ...], ...] | None
    pages: tuple[SheetPage, ...]
    footers: tuple[TextRun | None, ...]  # per page: the line under the cards, where there is room
    geometry: DeckGeometry
    page: Page
    font_regular: str
    font_bold: str
    shared_text: dict[tuple[str, int], int]  # (role, id of a box's lines) -> form number: see `_shared_text`
    band_keys: tuple[int | None, ...]  # per card: the first card with its category's band (its form), or None

    @property
    def printable(self) -> Rect:
        """The part of the sheet a printer prints on: cut lines are drawn only inside it."""
        return Rect(0, 0, self.page.width, self.page.height).inset(PRINTER_MARGIN)

    @property
    def duplex(self) -> str:
        return self.geometry.backs if self.back is not None and self.geometry.backs in DUPLEX else "none"

    def band_key(self, card: int) -> int | None:
        """The number of the card's category band (its own form), or None without one."""
        return self.band_keys[card]


def _ratio_or_none(picture: Picture | None) -> float | None:
    return picture.ratio if picture is not None else None


@dataclass(frozen=True)
class DeckOrigins:
    """Where a deck's texts are written when not on its cards and back: a game's
    question deck shows its category's name in every band and on the back."""

    title: Origin = ("title",)  # the title that starts every sheet's footer
    group: Origin | None = None  # None: each card's own 'group'
    back_title: Origin | None = None  # None: the back's 'title'
    back_text: Origin | None = None  # None: the back's 'text'


@dataclass(frozen=True)
class Roomier:
    """A layout with larger cards that advice may name: its face's size and the smallest
    text it allows, so a card can be planned there before the layout is suggested."""

    name: str
    face_w: float
    face_h: float
    min_size: float
    backs: bool  # whether the layout prints the deck's back


@dataclass(frozen=True)
class Wording:
    """How a deck's messages name its cards and what they advise: a kind whose cards are
    not written as cards (a game's questions) names them its own way. `larger` gives the
    layouts with larger cards, smallest first (called only when advice is needed); the
    advice names those where the card really fits. `layout` is the deck's own layout."""

    names: Sequence[str] | None = None  # per card, e.g. "question 3 of «Egenskaper»"; None: "card 3 «title»"
    layout: str = ""
    larger: Callable[[], Sequence[Roomier]] | None = None  # None: the advice is only "shorten it"
    largest: str = "the largest card layout"  # how the last of `larger` is named when none holds the card

    def card(self, cards: Sequence[Card], i: int) -> str:
        return self.names[i] if self.names is not None else _card_name(cards[i], i)


PULL_SHARE = 0.9  # a card whose text needs less than this share of the size the rest of the deck has is named
# what a larger layout must do to be named: set the card's text at (nearly) the size the others have there
LARGE = "its text is as large as the others'"
USUAL = "its text is set at about the card's usual size"


def _advice(first: str, wording: Wording, holds: Callable[[Roomier], str | None], held: str = "it fits") -> str:
    """`first` ("shorten it"), or the larger layouts that would hold the card (`holds` plans
    it there: None, or why not, in words; `held` says what holding is); when none would,
    says so of the largest."""
    rooms = wording.larger() if wording.larger is not None else ()
    if not rooms:
        return first
    misses = [(room, holds(room)) for room in rooms]
    fitting = [room.name for room, miss in misses if miss is None]
    if fitting:
        return f"{first}, or use a larger card layout than '{wording.layout}' where {held} ({', '.join(fitting)})"
    largest, miss = misses[-1]
    return f"even on {largest.name}, {wording.largest}, {miss}: {first}"


def _warn_small(
    cards: Sequence[Card],
    locs: Sequence[Path_],
    fronts: Sequence[FrontFace],
    geo: DeckGeometry,
    page: Page,
    warn: Callable[[Path_, str], None],
    style: FrontStyle,
    wording: Wording,
    holds: Callable[[int], Callable[[Roomier], str | None]],
) -> None:
    """Every card's text takes the size of the smallest (`_one_body_size`), so a long card
    shrinks the whole deck: name the cards whose text needs less than PULL_SHARE of the
    size most cards fit at (one step of print, 12 → 11 pt, and more), with the size the
    others would have. A card shrunk far below the face's usual size, or to the smallest
    allowed, is hard to read for the children it is for: say that too, naming the card.
    `holds(i)` tells whether a larger layout would hold card i (for the advice)."""
    title_usual = geo.face_w * style.title_size
    for i, face in enumerate(fronts):  # a title is fitted on its own: a long one shrinks alone
        if face.title is not None and face.title.fitted.size < title_usual * style.body_warn_share:
            warn(
                locs[i] + ("title",) if wording.names is None else locs[i],
                f"{wording.card(cards, i)}: the title is shrunk to {face.title.fitted.size:g} pt to fit "
                f"(a title's usual size on this card is {title_usual:.0f} pt); shorten it",
            )
    usual = max(page.min_text_size, geo.face_w * style.body_size)
    sizes = {i: face.body.fitted.size for i, face in enumerate(fronts) if face.body is not None}
    pulling, others = _pulling(sizes)
    smallest = min(sizes.values(), default=0.0)
    for i, size in sizes.items():
        field = "text" if cards[i].text else "questions"
        where = locs[i] + (field,) if wording.names is None else locs[i]
        if i in pulling:
            sets = f"{size:g} pt" if size <= smallest + 0.01 else f"{size:g} pt or less (with other long cards)"
            roomy = _room_takers(cards[i])
            if roomy and _text_length(cards[i]) <= 1.1 * _median_length(cards, i):
                # a text no longer than the others': what else stands on the card takes its room
                warn(
                    where,
                    f"{wording.card(cards, i)}: its {roomy} leave little room for its text, which sets every "
                    f"card's text in the deck to {sets}, where the others would fit at {others:g} pt; "
                    f"{_advice('use fewer writing lines, no drawing box or a shorter text', wording, holds(i), LARGE)}",
                )
                continue
            warn(
                where,
                f"{wording.card(cards, i)} is long: it sets every card's text in the deck to {sets}, "
                f"where the others would fit at {others:g} pt; {_advice('shorten it', wording, holds(i), LARGE)}",
            )
        elif size <= page.min_text_size + 0.01 or size < usual * style.body_warn_share:
            warn(
                where,
                f"{wording.card(cards, i)}: the text is shrunk to {size:g} pt to fit "
                f"(the card's usual size is {usual:.0f} pt); {_advice('shorten it', wording, holds(i), USUAL)}",
            )


def _text_length(card: Card) -> int:
    return len(card.text or "") + sum(len(q) for q in card.questions)


def _median_length(cards: Sequence[Card], but: int) -> float:
    """The middle length of the other cards' texts (0 when there are none)."""
    lengths = sorted(_text_length(card) for k, card in enumerate(cards) if k != but)
    return float(lengths[len(lengths) // 2]) if lengths else 0.0


def _room_takers(card: Card) -> str:
    """What besides its text takes room on a card's face, in words ("writing lines and
    drawing box"), or "" when nothing does."""
    parts = [name for name, there in (("writing lines", card.lines), ("drawing box", card.drawing)) if there]
    return " and ".join(parts)


def _pulling(sizes: dict[int, float]) -> tuple[set[int], float]:
    """The cards whose text needs less than PULL_SHARE of the size the rest of the deck
    would have without them, and that size. Starts from the median card and drops cards
    that, compared with the smallest of the rest, no longer pull: a deck one card keeps
    0.25 pt below the others is told nothing."""
    ordered = sorted(sizes.values())
    others = ordered[len(ordered) // 2] if ordered else 0.0
    pulling = {i for i, size in sizes.items() if size < others * PULL_SHARE}
    while pulling:
        others = min(size for i, size in sizes.items() if i not in pulling)
        still = {i for i in pulling if sizes[i] < others * PULL_SHARE}
        if still == pulling:
            break
        pulling = still
    return pulling, others


def _fits_there(plan_there: Callable[[Roomier], object]) -> Callable[[Roomier], str | None]:
    """Whether a face fits a larger layout at all: None, or how far off it is."""

    def there(room: Roomier) -> str | None:
        try:
            plan_there(room)
        except FitFailure as f:
            return f.need()
        return None

    return there


def _with_backs(larger: Callable[[], Sequence[Roomier]] | None) -> Callable[[], Sequence[Roomier]] | None:
    """Only the larger layouts that print a back: the advice for a back that does not fit."""
    if larger is None:
        return None
    return lambda: [room for room in larger() if room.backs]


def _card_name(card: Card, i: int) -> str:
    return f"card {i + 1} «{card.title}»" if card.title else f"card {i + 1}"


def _fit_message(what: str, f: FitFailure, wording: Wording, holds: Callable[[Roomier], str | None]) -> str:
    if f.field == "lines":
        return (
            f"{what}: the writing lines do not fit on the card with its other content; "
            f"{_advice('use fewer lines', wording, holds)}"
        )
    if f.ratio >= 90:
        return (
            f"{what}: no room is left for '{f.field}' after the other parts of the card; "
            f"{_advice('use fewer lines, a shorter text or no picture', wording, holds)}"
        )
    said = f"{what}: '{f.field}'" if wording.names is None else what
    return f"{said} does not fit even at {f.size:g} pt ({f.need()}); {_advice('shorten it', wording, holds)}"


def _footers(
    pages: Sequence[SheetPage], title: str, language: str, geo: DeckGeometry, duplex: str
) -> tuple[str | None, ...]:
    """The line under each sheet: title, sheet number, side, and on the first sheet how to print."""
    if geo.page_is_card:
        return tuple(None for _ in pages)
    words = labels(language)
    out: list[str | None] = []
    for page in pages:
        parts = [title, f"{words['sheet']} {page.sheet} {words['of']} {page.sheets}", words[page.side]]
        if page.side in ("front", "fold") and page.sheet == 1:
            parts.append(print_note(language, duplex))
        out.append("  ·  ".join(parts))
    return tuple(out)


def plan_deck(
    *,
    name: str,
    title: str,
    language: str,
    cards: Sequence[Card],
    card_locs: Sequence[Path_],
    styles: Sequence[CategoryStyle | None],
    back: Back | None,
    back_loc: Path_,
    geo: DeckGeometry,
    page: Page,
    fonts: Fonts,
    src: Source,
    allowed: Sequence[Path] = (),
    warn: Callable[[Path_, str], None] | None = None,
    front_style: FrontStyle = FRONT,
    wording: Wording | None = None,
    origins: DeckOrigins | None = None,
) -> DeckPlan:
    """Check everything that can go wrong with a deck and plan every page of it; `warn`
    hears of text shrunk far below the face's design size. `front_style`: a deck of
    short questions may set them larger than a card with a title."""
    words = labels(language)
    origins = origins or DeckOrigins()
    wording = wording or Wording()
    expanded = tuple(i for i, card in enumerate(cards) for _ in range(card.count))
    if len(expanded) > MAX_EXPANDED:
        raise UserError(
            src.problem(
                card_locs[0][:-1],
                f"the deck has {len(expanded)} cards with their counts; at most {MAX_EXPANDED} fit one build",
            )
        )
    problems: list[Problem] = []
    images: list[Picture | None] = []
    for card, loc in zip(cards, card_locs):
        try:
            images.append(load_picture(src, loc + ("image",), card.image, allowed) if card.image else None)
        except UserError as exc:
            problems.extend(exc.problems)
            images.append(None)

    def front(i: int, body_size: float | None = None, room: Roomier | None = None) -> FrontFace:
        return plan_front(
            cards[i],
            w=room.face_w if room else geo.face_w,
            h=room.face_h if room else geo.face_h,
            fonts=fonts,
            min_size=room.min_size if room else page.min_text_size,
            has_group=styles[i] is not None,
            image_ratio=_ratio_or_none(images[i]),
            draw_label=words["draw_here"],
            loc=card_locs[i],
            language=language,
            group_origin=origins.group,
            body_size=body_size,
            style=front_style,
        )

    def reads_well(i: int) -> Callable[[Roomier], str | None]:
        """Whether card i's text would be set at nearly the usual size of a larger layout."""

        def there(room: Roomier) -> str | None:
            try:
                face = front(i, room=room)
            except FitFailure as f:
                return f.need()
            usual = max(room.min_size, room.face_w * front_style.body_size)
            size = face.body.fitted.size if face.body is not None else usual
            if size >= usual * PULL_SHARE:
                return None
            return (
                f"its text would be set at {size:g} pt where the card's usual size is {usual:.0f} pt "
                "(a larger layout enlarges all text alike)"
            )

        return there

    fronts: list[FrontFace] = []
    for i in range(len(cards)):
        try:
            fronts.append(front(i))
        except FitFailure as f:
            where = card_locs[i] + (f.field,) if wording.names is None else card_locs[i]
            fits = _fits_there(partial(front, i, None))
            problems.append(src.problem(where, _fit_message(wording.card(cards, i), f, wording, fits)))
            fronts.append(FrontFace())
    back_face = None
    back_color = parse_color(BACK_COLOR)
    qr = None
    back_image = None
    if back is not None and geo.backs != "none":
        if back.color:
            try:
                back_color = parse_color(back.color)
            except ValueError as exc:
                problems.append(src.problem(back_loc + ("color",), str(exc)))
        if back.qr:
            from smartprint.resolve.qr import qr_matrix

            try:
                qr = tuple(tuple(row) for row in qr_matrix(back.qr))
            except ValueError as exc:
                problems.append(src.problem(back_loc + ("qr",), str(exc)))
        if back.image:
            try:
                back_image = load_picture(src, back_loc + ("image",), back.image, allowed)
            except UserError as exc:
                problems.extend(exc.problems)

        def back_in(room: Roomier | None = None) -> BackFace:
            assert back is not None
            return plan_back(
                back,
                w=room.face_w if room else geo.face_w,
                h=room.face_h if room else geo.face_h,
                fonts=fonts,
                min_size=room.min_size if room else page.min_text_size,
                image_ratio=_ratio_or_none(back_image),
                qr_modules=len(qr) if qr else None,
                loc=back_loc,
                language=language,
                title_origin=origins.back_title,
                text_origin=origins.back_text,
            )

        try:
            back_face = back_in()
        except FitFailure as f:
            wording_backs = replace(
                wording, larger=_with_backs(wording.larger), largest="the largest card layout that prints backs"
            )
            message = _fit_message("the back", f, wording_backs, _fits_there(back_in))
            problems.append(src.problem(back_loc + (f.field,), message))
    if problems:
        raise UserError(problems)
    if warn is not None:  # each card at its own best size: the warning names the cards that pull the deck down
        _warn_small(cards, card_locs, fronts, geo, page, warn, front_style, wording, reads_well)
    fronts = _one_body_size(fronts, front)
    for image in (*images, back_image):
        if image is not None:
            reads.note(image.path)
    pages = tuple(impose(len(expanded), geo, page, with_backs=back_face is not None))
    duplex = geo.backs if back_face is not None and geo.backs in DUPLEX else "none"
    footer_title = _short_title(title, _footers(pages, "", language, geo, duplex), page, fonts)
    footers = _footers(pages, footer_title, language, geo, duplex)
    return DeckPlan(
        name=name,
        title=title,
        language=language,
        cards=tuple(cards),
        card_locs=tuple(card_locs),
        expanded=expanded,
        styles=tuple(styles),
        images=tuple(images),
        fronts=tuple(fronts),
        back=back_face,
        back_loc=back_loc,
        back_spec=back,
        back_color=back_color,
        back_image=back_image,
        qr=qr,
        pages=pages,
        footers=tuple(
            _footer_run(footer, footer_title, origins.title, page_plan, geo, page, fonts.regular, language)
            for footer, page_plan in zip(footers, pages)
        ),
        geometry=geo,
        page=page,
        font_regular=fonts.regular,
        font_bold=fonts.bold,
        shared_text=_shared_text(fronts, expanded),
        band_keys=_band_keys(styles, fronts),
    )


def _band_keys(styles: Sequence[CategoryStyle | None], fronts: Sequence[FrontFace]) -> tuple[int | None, ...]:
    """Each card's band form, numbered by the first card of its category (None: no band)."""
    first: dict[CategoryStyle, int] = {}
    for i, style in enumerate(styles):
        if style is not None:
            first.setdefault(style, i)
    return tuple(None if style is None or not face.band_h else first[style] for style, face in zip(styles, fronts))


def _footer_run(
    footer: str | None,
    title: str,
    title_origin: Origin,
    sheet: SheetPage,
    geo: DeckGeometry,
    page: Page,
    font: str,
    language: str,
) -> TextRun | None:
    """The line under a sheet's cards, centred, if the sheet has room for it below them
    and above the edge printers cannot print on. The title that starts it is the
    user's; the rest is smartprint's."""
    if footer is None or not sheet.placements:
        return None
    lowest = min(p.rect.y for p in sheet.placements) - geo.bleed
    if lowest < SHEET.footer_min_room:
        return None
    origin = mixed((title, title_origin), (footer[len(title) :], Label("footer", language)))
    y = max(min(lowest - SHEET.footer_gap, SHEET.footer_max_y), SHEET.footer_min_y)
    return TextRun(footer, font, SHEET.footer_size, page.width / 2, y, origin, anchor="middle")


def _one_body_size(fronts: list[FrontFace], front: Callable[[int, float], FrontFace]) -> list[FrontFace]:
    """Every card's text at one size, the largest the longest text allows: cards side by
    side on a sheet read as one deck, not as ten sizes of print."""
    sizes = [f.body.fitted.size for f in fronts if f.body is not None]
    if not sizes:
        return fronts
    common = min(sizes)
    return [
        front(i, common) if f.body is not None and f.body.fitted.size > common + 0.01 else f
        for i, f in enumerate(fronts)
    ]


def _short_title(title: str, rests: Sequence[str | None], page: Page, fonts: Fonts) -> str:
    """The title as the footers can hold it: cut with "…" so the longest footer (the
    first sheet's, which says how to print) stays inside the margins."""
    room = page.width - 2 * page.margin
    rest = max((fonts.measure(r, fonts.regular, SHEET.footer_size) for r in rests if r), default=0.0)
    return cut_to_fit(title, lambda shown: fonts.measure(shown, fonts.regular, SHEET.footer_size) + rest <= room)


FRONT_TEXT = ("title", "body", "drawing_label")  # the text boxes of a front that may be shared


def _shared_text(fronts: Sequence[FrontFace], expanded: Sequence[int]) -> dict[tuple[str, int], int]:
    """The front texts worth drawing once and placing by reference, numbered: a text
    that stands on many printed cards (the same questions on twenty cards, a card
    printed with `count: 4`) and is long enough that the copies outweigh what a form
    costs (its object, and a name in each page's resources). Keyed by the identity of
    the lines, which cards with the same text share (`textfit.fit` remembers them) and
    which this plan's faces hold for as long as the plan lives."""
    uses: dict[tuple[str, int], int] = {}
    cost: dict[tuple[str, int], int] = {}
    for i in expanded:
        face = fronts[i]
        for role in FRONT_TEXT:
            box = getattr(face, role)
            if box is not None and box.fitted.lines:
                key = (role, id(box.fitted.lines))
                uses[key] = uses.get(key, 0) + 1
                if key not in cost:
                    cost[key] = sum(len(line.text) + _LINE_BYTES for line in box.fitted.lines)
    shared = [key for key, n in uses.items() if cost[key] * (n - 1) > _FORM_BYTES + _PLACING_BYTES * n]
    return {key: number for number, key in enumerate(shared)}


# What writing a text once costs, roughly, in bytes of the file before compression: each
# line's operators besides its letters; a form's object; placing it on a card.
_LINE_BYTES, _FORM_BYTES, _PLACING_BYTES = 24, 400, 60
