"""`kind: sheet` — a page a pupil or a family writes and draws on (Megselvhelten, the
class-teddy letter home, a group poster), one per pupil with the name printed when a
class list is given."""

from __future__ import annotations

from smartprint.kinds.base import Job, Kind, Options
from smartprint.kinds.sheet.assemble import SheetPlan, assemble
from smartprint.kinds.sheet.model import (
    SheetLayout,
    SheetSpec,
)
from smartprint.resolve.layout import Layout, Page, resolve_page
from smartprint.write.document import Document


class SheetKind(Kind[SheetSpec, SheetLayout, SheetPlan]):
    name = "sheet"
    noun = "fill-in sheets"
    spec = SheetSpec
    layout_keys = SheetLayout
    default_layout = "ark-a4"
    options = frozenset({"pupils", "pupils-column"})

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
        if plan.pupils is None:
            return f"{pages} page{'s' if pages != 1 else ''}: one sheet{sides}"
        n = len(plan.pupils)
        once = (
            f", then {plan.shared} page{'s' if plan.shared != 1 else ''} printed once (print one per group)"
            if plan.shared
            else ""
        )
        return (
            f"{pages} page{'s' if pages != 1 else ''}: {n} sheet{'s' if n != 1 else ''}, one per pupil{each}"
            f"{sides}{once}"
        )


KIND = SheetKind()
