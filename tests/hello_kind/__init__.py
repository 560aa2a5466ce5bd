"""A one-page "hello" kind that lives only in the tests: it shows that a new kind
needs its own folder and one line of registration, nothing else.

Its file has a `greeting`; its layout has a key of its own, `border`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field

from smartprint.check.spec import Common, PrintedText
from smartprint.check.validation import Length
from smartprint.kinds.base import Job, Kind, Options
from smartprint.resolve.layout import Layout, Page, PageKeys, resolve_page
from smartprint.text.textfit import Fitted, Run, fit_or_fail
from smartprint.write.document import Document, Section


class HelloSpec(Common):
    kind: Literal["hello"]
    greeting: PrintedText


class HelloLayout(PageKeys):
    border: Length = Field(default=5.0, ge=0, le=100)


@dataclass(frozen=True)
class HelloPlan:
    page: Page
    border: float
    greeting: Fitted


class HelloKind(Kind[HelloSpec, float, HelloPlan]):
    name = "hello"
    noun = "hello pages"
    spec = HelloSpec
    layout_keys = HelloLayout
    default_layout = "kort-63x88"  # a card layout: using it must be refused by name
    options = frozenset()

    def resolve_layout(self, keys: HelloLayout, page: Page, options: Options | None) -> Layout[float]:
        return Layout(resolve_page(keys, page), keys.border)

    def plan(self, job: Job[HelloSpec, float]) -> HelloPlan:
        page = job.page
        width = page.width - 2 * page.margin
        fitted = fit_or_fail(
            [Run(job.spec.greeting, job.fonts.bold, align="center", origin=("greeting",))],
            width,
            200,
            36,
            page.min_text_size,
            job.fonts.measure,
            "greeting",
        )
        return HelloPlan(page, job.layout.geometry, fitted)

    def document(self, plan: HelloPlan) -> Document:
        def paint(c: Any, _page: int) -> None:
            from smartprint.text import ink

            b = plan.border
            c.rect(b, b, plan.page.width - 2 * b, plan.page.height - 2 * b)
            ink.draw_lines(c, plan.greeting, plan.page.margin, plan.page.height / 2)

        return Document("hello", (Section(plan.page.width, plan.page.height, [0], paint),))


KIND = HelloKind()
