"""`kind: sheet` — a page a pupil or a family writes and draws on (Megselvhelten, the
class-teddy letter home, a group poster), one per pupil with the name printed when a
class list is given."""

from __future__ import annotations

from smartprint.kinds.base import Job, Kind, Options, file_account
from smartprint.kinds.sheet.assemble import SheetPlan, assemble
from smartprint.kinds.sheet.model import (
    SheetLayout,
    SheetSpec,
)
from smartprint.resolve.layout import Layout, Page, resolve_page
from smartprint.resolve.units import paper_name
from smartprint.text.account import Account, Count, Phrase, phrase
from smartprint.write.document import Document


class SheetKind(Kind[SheetSpec, SheetLayout, SheetPlan]):
    name = "sheet"
    noun = "fill-in sheets"
    spec = SheetSpec
    layout_keys = SheetLayout
    default_layout = "ark-a4"
    options = frozenset({"pupils", "pupils-column", "only"})

    def resolve_layout(self, keys: SheetLayout, page: Page, options: Options | None) -> Layout[SheetLayout]:
        return Layout(resolve_page(keys, page), keys)

    def plan(self, job: Job[SheetSpec, SheetLayout]) -> SheetPlan:
        return assemble(job)

    def document(self, plan: SheetPlan) -> Document:
        from smartprint.kinds.sheet.paint import sheet_document

        return sheet_document(plan)

    def describe(self, plan: SheetPlan, pages: int) -> str:
        each = f", {plan.per_sheet} pages each" if plan.per_sheet > 1 else ""
        if plan.duplex and plan.per_sheet % 2:
            each += " and an empty back page"
        sides = ", print double-sided" if plan.duplex else ""
        once = self._once(plan)
        if plan.pupils is None:
            if plan.shared:  # say which page is whose: the pupils' sheet, then the group's poster
                own = pages - plan.shared
                return f"{pages} pages: {_pages(1, own)} each pupil's sheet (print one per pupil{sides}){once}"
            return f"{pages} page{'s' if pages != 1 else ''}: one sheet{sides}"
        n = plan.sheets
        return (
            f"{pages} page{'s' if pages != 1 else ''}: {n} sheet{'s' if n != 1 else ''}, one per pupil{each}"
            f"{sides}{once}"
        )

    @staticmethod
    def _once(plan: SheetPlan) -> str:
        if not plan.shared:
            return ""
        where = "" if plan.poster_size is None else f" on {paper_name(*plan.poster_size)}"
        return f", then {plan.shared} page{'s' if plan.shared != 1 else ''} printed once{where} (print one per group)"

    def describe_file(self, plan: SheetPlan, part: Document, pages: int, alone: bool) -> Account:
        line = self._describe_file(plan, part, pages, alone)
        if alone:
            return file_account(line, part, pages, self._parts(plan, pages))
        if part.sections[0].name == "poster":
            return file_account(line, part, pages, [phrase("poster")], [phrase("copy_per_group")])
        if plan.pupils is None:
            return file_account(line, part, pages, [phrase("own_sheet")], [phrase("copy_per_pupil")])
        return file_account(line, part, pages, [phrase("sheets_per_pupil", sheets=Count("sheet", plan.sheets))])

    @staticmethod
    def _parts(plan: SheetPlan, pages: int) -> list[Phrase | Count]:
        """What the pages of a build written as one file are (`describe`, as data)."""
        once: list[Phrase | Count] = []
        if plan.shared:
            shared = Count("page", plan.shared)
            where = {} if plan.poster_size is None else {"paper": paper_name(*plan.poster_size)}
            once = [phrase("then_once_on" if where else "then_once", pages=shared, **where)]
        if plan.pupils is None:
            if not plan.shared:
                return [phrase("one_sheet")]
            own = pages - plan.shared
            mine = phrase("own_page", first=1) if own == 1 else phrase("own_pages", first=1, last=own)
            return [mine, *once]
        parts: list[Phrase | Count] = [phrase("sheets_per_pupil", sheets=Count("sheet", plan.sheets))]
        if plan.per_sheet > 1:
            each = "pages_each_and_back" if plan.duplex and plan.per_sheet % 2 else "pages_each"
            parts.append(phrase(each, pages=Count("page", plan.per_sheet)))
        elif plan.duplex:
            parts.append(phrase("empty_back"))
        return [*parts, *once]

    def _describe_file(self, plan: SheetPlan, part: Document, pages: int, alone: bool) -> str:
        if alone:
            return self.describe(plan, pages)
        first = part.sections[0]
        paper = paper_name(first.width, first.height)
        if first.name == "poster":
            return f"{pages} page{'s' if pages != 1 else ''}: the poster on {paper}; print one per group, one-sided"
        sides = ", double-sided" if part.duplex != "none" else ""
        if plan.pupils is None:
            return f"{pages} page{'s' if pages != 1 else ''}: each pupil's sheet on {paper}; print one per pupil{sides}"
        n = plan.sheets
        sheets = f"{n} sheet{'s' if n != 1 else ''}"
        return f"{pages} page{'s' if pages != 1 else ''}: {sheets}, one per pupil, on {paper}{sides}"


def _pages(first: int, count: int) -> str:
    return f"page {first}" if count == 1 else f"pages {first}–{first + count - 1}"


KIND = SheetKind()
