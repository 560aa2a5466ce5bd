"""The kind interface: what a material kind declares and does.

A kind may also ship `starter.yaml` in its folder: the commented file that
`smartprint new <kind>` writes (found by convention, so `new` loads no kind code).

A kind is the unit of growth. It declares its file model, its layout keys and
default layout, the command-line options it takes, and how it plans a document;
the pipeline, the CLI and the refusals are built from these declarations.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from smartprint.check.spec import Common
from smartprint.errors import Problem
from smartprint.load.source import Path_, Source
from smartprint.options import Options as Options  # what the command line may override
from smartprint.resolve.fontfiles import FontChoice
from smartprint.resolve.fonts import FontSet
from smartprint.resolve.layout import Layout, Page, PageKeys
from smartprint.resolve.units import paper_name
from smartprint.text.account import Account, Count, Phrase
from smartprint.write.document import Document

SpecT = TypeVar("SpecT", bound=Common)
GeoT = TypeVar("GeoT")  # the kind's own layout geometry (card grid, sheets a page …)
PlanT = TypeVar("PlanT")


@dataclass
class Job(Generic[SpecT, GeoT]):
    """One material to build: its file, validated spec, resolved layout and fonts."""

    src: Source
    spec: SpecT
    layout: Layout[GeoT]
    fonts: FontSet
    options: Options
    font_choice: FontChoice | None = None  # the font files and who named them; None: the built-in DejaVu Sans
    warnings: list[Problem] = field(default_factory=list)  # allowed but probably not meant; --strict: errors
    pending: list[Problem] = field(default_factory=list)  # found while resolving; reported with the plan's

    def warn(self, loc: Path_, message: str) -> None:
        """Note something allowed but probably not meant, at `loc` in the material file."""
        self.warnings.append(self.src.problem(loc, f"warning: {message}"))

    @property
    def name(self) -> str:
        return self.src.path.stem

    @property
    def page(self) -> Page:
        return self.layout.page


class Kind(ABC, Generic[SpecT, GeoT, PlanT]):
    """A material kind. Subclasses set the class attributes and implement the methods."""

    name: ClassVar[str]  # the `kind:` value
    noun: ClassVar[str]  # how messages name its material, plural ("card decks")
    spec: ClassVar[type[Common]]
    layout_keys: ClassVar[type[PageKeys]]
    default_layout: ClassVar[str]
    options: ClassVar[frozenset[str]] = frozenset()  # the kind options it takes (smartprint/options.py)

    @abstractmethod
    def resolve_layout(self, keys: Any, page: Page, options: Options | None) -> Layout[GeoT]:
        """Turn validated layout keys (of `layout_keys`) into a Layout; `page` carries the
        layout's name, source and font choice. Use `layout.resolve_page` for the page part."""

    def check_options(self, options: Options, layout: Layout[GeoT]) -> None:
        """Refuse a combination of options that cannot work (raise UsageError)."""

    @abstractmethod
    def plan(self, job: Job[SpecT, GeoT]) -> PlanT:
        """Every check and every decision, before any drawing; raise UserError."""

    @abstractmethod
    def document(self, plan: PlanT) -> Document:
        """The sections and pages to draw."""

    def describe(self, plan: PlanT, pages: int) -> str:
        """What the pages are, for the summary line ("27 pages: 1 leader page, 26 sheets")."""
        return f"{pages} page{'s' if pages != 1 else ''}"

    def describe_file(self, plan: PlanT, part: Document, pages: int, alone: bool) -> Account:
        """What one file of the build is and how to print it, as data (its `line` is the
        command line's summary); `alone` when the build wrote only this file. A kind whose
        material needs two papers (a board on A3, its cards on A4) says what each file is."""
        return file_account(self.describe(plan, pages), part, pages)


def file_account(
    line: str,
    part: Document,
    pages: int,
    parts: Sequence[Phrase | Count] = (),
    notes: Sequence[Phrase] = (),
    shop: Sequence[Phrase] = (),
) -> Account:
    """The account of one file: its paper and sides are those of `part`, the pages it holds."""
    first = part.sections[0]
    return Account(
        line, pages, paper_name(first.width, first.height), part.duplex, tuple(parts), tuple(notes), tuple(shop)
    )


AnyKind = Kind[Any, Any, Any]
