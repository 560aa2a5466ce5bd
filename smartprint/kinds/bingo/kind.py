"""`kind: bingo` — numbered bingo sheets that are guaranteed to differ, and a leader's page."""

from __future__ import annotations

from smartprint.kinds.base import Job, Kind, Options, file_account
from smartprint.kinds.bingo.assemble import BingoGeometry, Prepared, assemble
from smartprint.kinds.bingo.model import BingoLayout, BingoSpec
from smartprint.resolve.layout import Layout, Page, resolve_page
from smartprint.text.account import Account, Count, Phrase, phrase
from smartprint.write.document import Document


class BingoKind(Kind[BingoSpec, BingoGeometry, Prepared]):
    name = "bingo"
    noun = "bingo sheets"
    spec = BingoSpec
    layout_keys = BingoLayout
    default_layout = "bingo-a4"
    options = frozenset({"sheets", "seed", "only", "pupils", "pupils-column"})

    def resolve_layout(self, keys: BingoLayout, page: Page, options: Options | None) -> Layout[BingoGeometry]:
        return Layout(resolve_page(keys, page), BingoGeometry(keys.per_page))

    def plan(self, job: Job[BingoSpec, BingoGeometry]) -> Prepared:
        return assemble(job)

    def document(self, plan: Prepared) -> Document:
        from smartprint.kinds.bingo.paint import bingo_document

        return bingo_document(plan)

    def describe(self, plan: Prepared, pages: int) -> str:
        leader = len(plan.leader)
        sheets = len(plan.numbers)
        parts = [f"{leader} leader page{'s' if leader != 1 else ''}"] if leader else []
        parts.append(f"{sheets} sheet{'s' if sheets != 1 else ''}")
        if plan.pupils is not None:
            parts[-1] += " with the pupils' names"
        if len(plan.units) > 1:
            parts[-1] += f", {len(plan.units)} a page"
        return f"{pages} page{'s' if pages != 1 else ''}: " + ", ".join(parts)

    def describe_file(self, plan: Prepared, part: Document, pages: int, alone: bool) -> Account:
        parts: list[Phrase | Count] = [Count("leader_page", len(plan.leader))] if plan.leader else []
        sheets = Count("bingo_sheet", len(plan.numbers))
        parts.append(sheets if plan.pupils is None else phrase("with_names", sheets=sheets))
        if len(plan.units) > 1:
            parts.append(phrase("per_page", n=len(plan.units)))
        return file_account(self.describe(plan, pages), part, pages, parts)


KIND = BingoKind()
