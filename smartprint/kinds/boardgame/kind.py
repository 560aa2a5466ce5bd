"""`kind: board-game` — a track board game with question cards, for a parents'
meeting: the board (whole on A3, or in glued A4 parts), the rules with the house
rules, one question deck per category with its own back, and a die and pawns to fold."""

from __future__ import annotations

from smartprint.errors import UserError
from smartprint.kinds.base import Job, Kind, Options, file_account
from smartprint.kinds.boardgame.assemble import BoardGamePlan, BoardGeometry, assemble
from smartprint.kinds.boardgame.model import BoardGameLayout, BoardGameSpec
from smartprint.resolve.layout import Layout, Page, PageKeys, resolve_page
from smartprint.resolve.units import PAPER_SIZES_MM, paper_name
from smartprint.text.account import Account, Count, Phrase, phrase
from smartprint.write.document import Document


class BoardGameKind(Kind[BoardGameSpec, BoardGeometry, BoardGamePlan]):
    name = "board-game"
    noun = "board games"
    spec = BoardGameSpec
    layout_keys = BoardGameLayout
    default_layout = "spillbrett-a3"
    options = frozenset({"seed"})

    def resolve_layout(self, keys: BoardGameLayout, page: Page, options: Options | None) -> Layout[BoardGeometry]:
        resolved = resolve_page(keys, page)
        if keys.board_paper.upper() not in PAPER_SIZES_MM:
            raise UserError(
                page.source.problem(
                    ("board_paper",), f"unknown paper '{keys.board_paper}'; use one of {', '.join(PAPER_SIZES_MM)}"
                )
            )
        board_keys = PageKeys.model_validate(
            {"paper": keys.board_paper, "orientation": keys.board_orientation, "margin": f"{keys.margin}pt"}
        )
        board_page = resolve_page(board_keys, page)
        if keys.tiles and max(board_page.width, board_page.height) < max(resolved.width, resolved.height) + 1:
            raise UserError(
                page.source.problem(
                    ("tiles",),
                    f"the board ({keys.board_paper}) is no larger than "
                    f"the paper ({keys.paper}); print it whole with "
                    "'tiles: false'",
                )
            )
        return Layout(resolved, BoardGeometry(board_page.width, board_page.height, keys.tiles, keys.overlap))

    def plan(self, job: Job[BoardGameSpec, BoardGeometry]) -> BoardGamePlan:
        return assemble(job)

    def document(self, plan: BoardGamePlan) -> Document:
        from smartprint.kinds.boardgame.paint import board_game_document

        return board_game_document(plan)

    def describe(self, plan: BoardGamePlan, pages: int) -> str:
        page = plan.job.page
        paper = paper_name(page.width, page.height)
        things = self._things(plan)
        if plan.tiling is None:
            board = paper_name(plan.geometry.width, plan.geometry.height)
            if board == paper:
                return (
                    f"{pages} pages: the board (with an empty back), {things}; "
                    f"print on {paper}, double-sided (long edge)"
                )
            return (
                f"{pages} pages in two files: the board on {board} (1 page, one-sided), and {things} "
                f"on {paper} ({pages - 1} pages, double-sided, long edge)"
            )
        n = len(plan.tiling.tiles)
        parts = paper_name(plan.tiling.sheet_w, plan.tiling.sheet_h)
        return (
            f"{pages} pages: the board in {n} {parts} parts to glue together (each followed by an empty page), "
            f"{things}; print on {paper}, double-sided (long edge)"
        )

    def describe_file(self, plan: BoardGamePlan, part: Document, pages: int, alone: bool) -> Account:
        cards = Count("question_card", sum(len(d.expanded) for d in plan.decks))
        things: list[Phrase | Count] = [
            phrase("rules"),
            phrase("cards_in_decks", cards=cards, decks=Count("deck", len(plan.decks))),
            *([phrase("die_and_pawns")] if plan.printables else []),
        ]
        if alone:
            if plan.tiling is None:
                board = phrase("board_empty_back")
            else:
                paper = paper_name(plan.tiling.sheet_w, plan.tiling.sheet_h)
                board = phrase("board_in_parts", parts=Count("part", len(plan.tiling.tiles)), paper=paper)
            return file_account(self.describe(plan, pages), part, pages, [board, *things])
        first = part.sections[0]
        paper = paper_name(first.width, first.height)
        if first.name == "board":
            return file_account(
                f"{pages} page: the board; print it on {paper}, one-sided, at 100 %", part, pages, [phrase("board")]
            )
        return file_account(
            f"{pages} pages: {self._things(plan)}; print on {paper}, double-sided (long edge), at 100 %",
            part,
            pages,
            things,
        )

    @staticmethod
    def _things(plan: BoardGamePlan) -> str:
        cards = sum(len(d.expanded) for d in plan.decks)
        decks = len(plan.decks)
        return f"rules, {cards} question card{'s' if cards != 1 else ''} in {decks} deck{'s' if decks != 1 else ''}" + (
            ", a die and pawns to fold" if plan.printables else ""
        )


KIND = BoardGameKind()
