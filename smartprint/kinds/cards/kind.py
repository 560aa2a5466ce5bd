"""`kind: cards` — a deck of cards, fronts and a common back, imposed on sheets."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from smartprint.errors import Problem, UserError
from smartprint.kinds.base import Job, Kind, Options, file_account
from smartprint.kinds.cards.model import CardsLayout, CardsSpec
from smartprint.parts.categories import CategoryStyle, Declared, styles_of
from smartprint.parts.deck.layout import DeckGeometry
from smartprint.parts.deck.plan import DeckPlan, Roomier, Wording, plan_deck
from smartprint.resolve.layout import Layout, Page
from smartprint.resolve.units import format_mm
from smartprint.text.account import Account, Count, phrase
from smartprint.write.document import Document


def _larger(geo: DeckGeometry) -> Callable[[], list[Roomier]]:
    """The built-in card layouts whose faces are larger than `geo`'s, smallest first,
    read once, and only when a card needs the advice (a deck that fits never opens them)."""

    @cache
    def rooms() -> list[Roomier]:
        from smartprint.load import resources
        from smartprint.resolve.layout import layout_kind, load_layout

        area = geo.face_w * geo.face_h
        found: list[Roomier] = []
        for name in resources.builtin_names("layouts"):
            path = resources.builtin_path("layouts", name)
            if path is None or layout_kind(name) != KIND.name:
                continue
            layout = load_layout(path, KIND)
            other: DeckGeometry = layout.geometry
            if other.face_w * other.face_h > area * 1.05:  # larger; planning the card there decides
                min_size = layout.page.min_text_size
                found.append(Roomier(name, other.face_w, other.face_h, min_size, backs=other.backs != "none"))
        return sorted(found, key=lambda room: room.face_w * room.face_h)

    return rooms


class CardsKind(Kind[CardsSpec, DeckGeometry, DeckPlan]):
    name = "cards"
    noun = "card decks"
    spec = CardsSpec
    layout_keys = CardsLayout
    default_layout = "kort-63x88"
    options = frozenset({"backs"})

    def resolve_layout(self, keys: CardsLayout, page: Page, options: Options | None) -> Layout[DeckGeometry]:
        from smartprint.parts.deck.layout import resolve_deck

        page, geometry = resolve_deck(keys, page, options.backs if options else None)
        return Layout(page, geometry)

    def plan(self, job: Job[CardsSpec, DeckGeometry]) -> DeckPlan:
        spec, src = job.spec, job.src
        declared = [Declared(g.name, g.color, g.symbol, ("groups", i)) for i, g in enumerate(spec.groups)]
        problems: list[Problem] = []
        try:
            styles = styles_of([(c.group, ("cards", i, "group")) for i, c in enumerate(spec.cards)], declared, src)
        except UserError as exc:  # told together with the cards' own problems (a missing picture, say)
            problems, styles = exc.problems, [None] * len(spec.cards)
        try:
            deck = self._deck(job, styles)
        except UserError as exc:
            raise UserError(problems + exc.problems) from None
        if problems:
            raise UserError(problems)
        return deck

    def _deck(self, job: Job[CardsSpec, DeckGeometry], styles: list[CategoryStyle | None]) -> DeckPlan:
        spec, src = job.spec, job.src
        return plan_deck(
            name="deck",
            title=spec.title,
            language=spec.language,
            cards=spec.cards,
            card_locs=[("cards", i) for i in range(len(spec.cards))],
            styles=styles,
            back=spec.back,
            back_loc=("back",),
            geo=job.layout.geometry,
            page=job.page,
            fonts=job.fonts,
            src=src,
            allowed=job.options.allow,
            warn=job.warn,
            wording=Wording(layout=job.page.name, larger=_larger(job.layout.geometry)),
        )

    def document(self, plan: DeckPlan) -> Document:
        from smartprint.parts.deck.paint import deck_section, define_forms

        def setup(c: Any) -> None:
            define_forms(c, plan)

        return Document(plan.title, (deck_section(plan),), plan.duplex, setup)  # type: ignore[arg-type]

    def describe(self, plan: DeckPlan, pages: int) -> str:
        cards = len(plan.expanded)
        sheets = plan.pages[-1].sheets if plan.pages else 0
        what = "card" if cards == 1 else "cards"
        line = f"{pages} page{'s' if pages != 1 else ''}: {cards} {what} on {sheets} sheet{'s' if sheets != 1 else ''}"
        geo = plan.geometry
        if not geo.page_is_card:
            return line
        sides = "front and back" if plan.back is not None else "front only"
        order = (
            "front, back, front, back … (one card per page, its back on the next page)"
            if plan.back is not None
            else "one card per page"
        )
        return "\n".join(
            [
                f"{pages} pages for a print shop",
                "tell the print shop:",
                f"  cards: {cards} ({len(plan.cards)} different) {sides}",
                f"  trim size: {format_mm(geo.card_w)} × {format_mm(geo.card_h)}; bleed {format_mm(geo.bleed)} "
                f"on every side (page size {format_mm(plan.page.width)} × {format_mm(plan.page.height)}, "
                "TrimBox and BleedBox set)",
                f"  page order: {order}",
                "  colour as in the PDF, no scaling",
            ]
        )

    def describe_file(self, plan: DeckPlan, part: Document, pages: int, alone: bool) -> Account:
        line, geo = self.describe(plan, pages), plan.geometry
        if geo.page_is_card:
            shop = (
                phrase("tell_print_shop"),
                phrase(
                    "shop_cards",
                    cards=len(plan.expanded),
                    different=len(plan.cards),
                    sides=phrase("front_and_back" if plan.back is not None else "front_only"),
                ),
                phrase(
                    "shop_trim",
                    card=f"{format_mm(geo.card_w)} × {format_mm(geo.card_h)}",
                    bleed=format_mm(geo.bleed),
                    page=f"{format_mm(plan.page.width)} × {format_mm(plan.page.height)}",
                ),
                phrase("shop_order_backs" if plan.back is not None else "shop_order_fronts"),
                phrase("shop_colour"),
            )
            return file_account(line, part, pages, [phrase("for_print_shop")], shop=shop)
        sheets = plan.pages[-1].sheets if plan.pages else 0
        on_sheets = phrase("cards_on_sheets", cards=Count("card", len(plan.expanded)), sheets=Count("sheet", sheets))
        folded = plan.back is not None and geo.backs == "fold"
        return file_account(line, part, pages, [on_sheets], [phrase("fold_sheets")] if folded else [])


KIND = CardsKind()
