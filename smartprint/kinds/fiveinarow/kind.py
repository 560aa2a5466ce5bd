"""`kind: five-in-a-row` — boards of squares holding strengths; a group takes a square by
talking about it, five in a row wins. With markers to cut out and question cards."""

from __future__ import annotations

from smartprint.kinds.base import Job, Kind, Options, file_account
from smartprint.kinds.fiveinarow.assemble import FiveInARowPlan, assemble
from smartprint.kinds.fiveinarow.model import FiveInARowLayout, FiveInARowSpec
from smartprint.resolve.layout import Layout, Page, resolve_page
from smartprint.text.account import Account, Count, Phrase, phrase
from smartprint.write.document import Document


class FiveInARowKind(Kind[FiveInARowSpec, None, FiveInARowPlan]):
    name = "five-in-a-row"
    noun = "five-in-a-row boards"
    spec = FiveInARowSpec
    layout_keys = FiveInARowLayout
    default_layout = "brett-a4"
    options = frozenset({"sheets", "seed", "only"})

    def resolve_layout(self, keys: FiveInARowLayout, page: Page, options: Options | None) -> Layout[None]:
        return Layout(resolve_page(keys, page), None)

    def plan(self, job: Job[FiveInARowSpec, None]) -> FiveInARowPlan:
        return assemble(job)

    def document(self, plan: FiveInARowPlan) -> Document:
        from smartprint.kinds.fiveinarow.paint import five_document

        return five_document(plan)

    def describe(self, plan: FiveInARowPlan, pages: int) -> str:
        boards = len(plan.numbers)
        parts = [f"{boards} board{'s' if boards != 1 else ''}"]
        sets = f"{boards} set{'s' if boards != 1 else ''}"
        if plan.markers:
            parts.append(f"markers ({sets}, one per board)")
        if plan.questions is not None:
            each = len(plan.questions.cards)
            parts.append(f"{len(plan.questions.expanded)} question cards ({sets} of {each}, one per board)")
        # only with question cards is the PDF double-sided (their backs); each board then has an empty back
        how = (
            "print double-sided (long edge), each board on its own sheet"
            if plan.questions is not None
            else "print one-sided"
        )
        return f"{pages} page{'s' if pages != 1 else ''}: " + ", ".join(parts) + f"; {how}"

    def describe_file(self, plan: FiveInARowPlan, part: Document, pages: int, alone: bool) -> Account:
        boards = len(plan.numbers)
        parts: list[Phrase | Count] = [Count("board", boards)]
        if plan.markers:
            parts.append(phrase("markers", sets=Count("set", boards)))
        if plan.questions is not None:
            cards = Count("question_card", len(plan.questions.expanded))
            parts.append(
                phrase("question_sets", cards=cards, sets=Count("set", boards), each=len(plan.questions.cards))
            )
        notes = [phrase("board_own_sheet")] if plan.questions is not None else []
        return file_account(self.describe(plan, pages), part, pages, parts, notes)


KIND = FiveInARowKind()
