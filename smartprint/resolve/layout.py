"""Layout files (layouts/*.yaml): a shared page part, and the geometry keys of the
kind the layout serves.

The page part (paper, orientation, margin, minimum text size, font, crop marks) is
read and checked here for every kind. A kind declares a model of its own keys (a
subclass of `PageKeys`) and resolves them itself: cards know card sizes and backs,
bingo knows sheets per page. A layout says which kind it serves with `kind:`; one for
another kind is refused by name. A layout may `extends:` another (a built-in name or
a path relative to the file) and override a few keys; nested groups such as `card:`
are merged key by key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Generic, Literal, TypeVar

from pydantic import Field

from smartprint.check.validation import Length, Model, Text, validate
from smartprint.check.words import Words
from smartprint.errors import Problem, UserError, display_path
from smartprint.load import reads, resources
from smartprint.load.paths import FileMissing, PathRefused, resolve_inside
from smartprint.load.source import Source, load_file
from smartprint.options import Options
from smartprint.resolve.fontfiles import FontChoice, FontFiles, resolve_font_files
from smartprint.resolve.units import MM, PAPER_SIZES_MM, format_mm

if TYPE_CHECKING:
    from smartprint.kinds.base import AnyKind


class Size(Model):
    """A width and height; either may come from the layout this one extends."""

    width: Annotated[Length | None, Words("bredde")] = None
    height: Annotated[Length | None, Words("høyde", "hogde")] = None


class PageKeys(Model):
    """The keys every layout may have, whatever its kind. Every key may be left out, so
    `extends` can fill gaps; the defaults are those of an A4 portrait page."""

    kind: Annotated[Text | None, Words("type", "slag", "sort")] = None
    extends: Text | None = None
    description: Annotated[Text | None, Words("beskrivelse", "skildring")] = None
    paper: Annotated[Text | Size, Words("papir")] = "A4"
    orientation: Annotated[Literal["portrait", "landscape"], Words("retning")] = "portrait"
    margin: Annotated[Length, Words("marg")] = Field(default=10 * MM, ge=0, le=100 * MM)
    min_text_size: Length = Field(default=7.0, ge=4.0, le=72.0)
    font: Annotated[Text | FontFiles | None, Words("skrift")] = None
    crop_marks: Annotated[bool, Words("skjæremerker")] = True


@dataclass(frozen=True)
class Page:
    """The resolved page part, in points."""

    name: str
    source: Source  # the most specific layout file, blamed for page problems
    width: float
    height: float
    margin: float
    min_text_size: float
    crop_marks: bool
    font: FontChoice | None

    @property
    def landscape(self) -> bool:
        return self.width > self.height


GeoT = TypeVar("GeoT")


@dataclass(frozen=True)
class Layout(Generic[GeoT]):
    """A layout resolved for one kind: the page part and that kind's geometry."""

    page: Page
    geometry: GeoT

    @property
    def name(self) -> str:
        return self.page.name


class LayoutMismatch(Exception):
    """A layout written for another kind; the caller says whether --layout or `layout:` named it."""


def locate(
    name_or_path: str,
    relative_to: Path,
    allowed: Sequence[Path] | None = None,
    named_in: str | None = None,
    for_kind: str | None = None,
) -> Path:
    """A built-in layout name, or a path relative to `relative_to` (a folder).

    A layout named inside a file (`allowed` given) must lie in that file's folder or
    an allowed one; one named on the command line may lie anywhere. An unknown name is
    told the layouts of `for_kind` (the material's kind) first."""
    if allowed is None or resources.builtin_path("layouts", name_or_path) is not None:
        return resources.locate("layouts", name_or_path, relative_to, "layout", for_kind)
    candidates = [name_or_path] + ([f"{name_or_path}.yaml"] if not Path(name_or_path).suffix else [])
    for candidate in candidates:
        try:
            return resolve_inside(relative_to, candidate, allowed, named_in=named_in, what="layout")
        except FileMissing:
            continue
        except PathRefused as exc:
            raise FileNotFoundError(str(exc)) from None
    return resources.locate("layouts", name_or_path, relative_to, "layout", for_kind)  # raises, with did-you-mean


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _chain(path: Path, allowed: Sequence[Path] = ()) -> list[Source]:
    """The file and every file it extends, most basic first; a cycle is an error."""
    chain: list[Source] = []
    seen: list[Path] = []
    current = path.resolve()
    while True:
        if current in seen:
            names = " → ".join(display_path(p) for p in seen + [current])
            raise UserError(chain[-1].problem(("extends",), f"layouts extend each other in a circle: {names}"))
        seen.append(current)
        reads.note(current)
        src = load_file(current)
        if not isinstance(src.data, dict):
            raise UserError(src.problem((), "a layout file must be a group of 'key: value' lines"))
        chain.append(src)
        parent = src.data.get("extends")
        if parent is None:
            break
        if not isinstance(parent, str):
            raise UserError(src.problem(("extends",), "'extends' must be the name of a layout"))
        try:
            current = locate(parent, current.parent, allowed, current.name)
        except FileNotFoundError as exc:
            raise UserError(src.problem(("extends",), str(exc))) from None
    return list(reversed(chain))


def declared_kind(chain: list[Source]) -> tuple[str, Source] | None:
    """The kind the most specific file of the chain says it serves."""
    for src in reversed(chain):
        kind = src.data.get("kind")
        if kind is not None:
            return str(kind), src
    return None


def load_layout(path: Path, kind: AnyKind, options: Options | None = None) -> Layout[Any]:
    """Read a layout file with everything it extends, check it against `kind`'s keys
    and resolve it to points."""
    from smartprint.kinds import KINDS, get_kind

    allowed = options.allow if options is not None else ()
    chain = _chain(path, allowed)
    declared = declared_kind(chain)
    if declared is not None:
        name, src = declared
        if name not in KINDS:
            raise UserError(src.problem(("kind",), f"unknown kind '{name}'; known kinds: {', '.join(KINDS)}"))
        if name != kind.name:
            other = get_kind(name)
            raise LayoutMismatch(
                f"'{path.stem}' is a layout for {other.noun} (kind: {name}), not for "
                f"{kind.noun}; {kind.noun} use {_layouts_for(kind)}"
            )
    for parent, child in zip(chain, chain[1:]):  # a layout of one kind extending one of another
        theirs = declared_kind(chain[: chain.index(parent) + 1])
        if theirs is not None and theirs[0] != kind.name and theirs[0] in KINDS:
            names = _builtin_layouts(kind)
            raise UserError(
                child.problem(
                    ("extends",),
                    f"'{parent.path.stem}' is a layout for "
                    f"{get_kind(theirs[0]).noun} (kind: {theirs[0]}), not for {kind.noun}; "
                    + (f"extend {', '.join(names)}" if names else "remove 'extends'"),
                )
            )
    problems: list[Problem] = []
    for src in chain:
        try:
            validate(kind.layout_keys, src.data, src)
        except UserError as exc:
            problems.extend(exc.problems)
    if problems:
        raise UserError(problems)
    merged: dict[str, Any] = {}
    font: FontChoice | None = None
    for src in chain:
        merged = _merge(merged, {k: v for k, v in src.data.items() if k != "extends"})
        if src.data.get("font") is not None:
            font = resolve_font_files(src.data["font"], src, ("font",), allowed)
    top = chain[-1]
    keys = validate(kind.layout_keys, merged, top)
    return kind.resolve_layout(
        keys,
        Page(path.stem, source=top, width=0, height=0, margin=0, min_text_size=0, crop_marks=False, font=font),
        options,
    )


def _builtin_layouts(kind: AnyKind) -> list[str]:
    return [n for n in resources.builtin_names("layouts") if layout_kind(n) == kind.name]


def _layouts_for(kind: AnyKind) -> str:
    names = _builtin_layouts(kind)
    if not names:
        return f"a layout with 'kind: {kind.name}'"
    return ("the layout " if len(names) == 1 else "the layouts ") + ", ".join(names)


def layout_kind(name: str) -> str | None:
    """The kind a built-in layout serves, following `extends` (for `smartprint list`)."""
    path = resources.builtin_path("layouts", name)
    if path is None:
        return None
    declared = declared_kind(_chain(path))
    return declared[0] if declared else None


def resolve_page(keys: PageKeys, page: Page, size: tuple[float, float] | None = None) -> Page:
    """The page part in points. `size` replaces the paper (a print-shop page the size of
    one card plus bleed); otherwise the named paper or width/height, turned to the
    orientation asked for, with the margins checked against it."""
    top = page.source
    if size is not None:
        width, height = size
    elif isinstance(keys.paper, Size):
        if keys.paper.width is None or keys.paper.height is None:
            raise UserError(top.problem(("paper",), "give the paper both a width and a height"))
        width, height = keys.paper.width, keys.paper.height
    else:
        name = keys.paper.upper()
        if name not in PAPER_SIZES_MM:
            raise UserError(
                top.problem(
                    ("paper",),
                    f"unknown paper '{keys.paper}'; use one of {', '.join(PAPER_SIZES_MM)} or {{width: …, height: …}}",
                )
            )
        w_mm, h_mm = PAPER_SIZES_MM[name]
        width, height = w_mm * MM, h_mm * MM
    if size is None:
        if (keys.orientation == "landscape") != (width > height):
            width, height = height, width
        if not (50 * MM <= min(width, height) and max(width, height) <= 1200 * MM):
            raise UserError(top.problem(("paper",), "the paper must be between 50 mm and 1.2 m on each side"))
        if min(width, height) - 2 * keys.margin < 20 * MM:
            raise UserError(
                top.problem(
                    ("margin",),
                    f"a margin of {format_mm(keys.margin)} leaves no room on "
                    f"a {format_mm(width)} × {format_mm(height)} page",
                )
            )
    return Page(
        page.name,
        source=top,
        width=width,
        height=height,
        margin=keys.margin if size is None else 0.0,
        min_text_size=keys.min_text_size,
        crop_marks=keys.crop_marks and size is None,
        font=page.font,
    )
