"""Page and card geometry from layout files (layouts/*.yaml), resolved to points.

A layout may `extends:` another (a built-in name or a path relative to the file)
and override a few keys; nested groups such as `card:` are merged key by key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from smartprint import resources
from smartprint.errors import UserError, display_path
from smartprint.source import Source, load_file
from smartprint.units import MM, PAPER_SIZES_MM, format_mm
from smartprint.validation import Length, Model, Text, did_you_mean, validate

Backs = Literal["duplex-long", "duplex-short", "fold", "none"]


class Size(Model):
    """A width and height; either may come from the layout this one extends."""

    width: Length | None = None
    height: Length | None = None


class Grid(Model):
    cols: int = Field(ge=1, le=20)
    rows: int = Field(ge=1, le=20)


class Offset(Model):
    x: Length = 0.0
    y: Length = 0.0


class FontFiles(Model):
    regular: Text
    bold: Text | None = None


class LayoutFile(Model):
    """What one layout file may say; every key optional so `extends` can fill gaps."""

    extends: Text | None = None
    description: Text | None = None
    paper: Text | Size | None = None
    orientation: Literal["portrait", "landscape"] | None = None
    margin: Length | None = None
    card: Size | None = None
    grid: Grid | Literal["auto"] | None = None
    gap: Length | None = None
    bleed: Length | None = None
    crop_marks: bool | None = None
    backs: Backs | None = None
    back_offset: Offset | None = None
    min_text_size: Length | None = None
    font: Text | FontFiles | None = None
    per_page: Literal[1, 2, 4] | None = None


@dataclass(frozen=True)
class Layout:
    """Resolved geometry in points. `page_is_card`: one card per page sized card+bleed
    (the print-shop form, with TrimBox and BleedBox)."""

    name: str
    source: Source
    page_w: float
    page_h: float
    margin: float
    card_w: float
    card_h: float
    cols: int
    rows: int
    gap: float
    bleed: float
    crop_marks: bool
    backs: str
    offset_x: float
    offset_y: float
    min_text_size: float
    font_regular: Path | None
    font_bold: Path | None
    per_page: int
    page_is_card: bool

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows


DEFAULTS: dict[str, Any] = {
    "paper": "A4",
    "orientation": "portrait",
    "margin": "10mm",
    "gap": "0mm",
    "bleed": "0mm",
    "crop_marks": True,
    "backs": "duplex-long",
    "min_text_size": "7pt",
    "grid": "auto",
}


def locate(name_or_path: str, relative_to: Path) -> Path:
    """A built-in layout name, or a path relative to `relative_to` (a folder)."""
    builtin = resources.builtin_path("layouts", name_or_path)
    if builtin is not None:
        return builtin
    path = (relative_to / name_or_path).resolve()
    if path.is_file():
        return path
    names = resources.builtin_names("layouts")
    hint = did_you_mean(name_or_path, names) or f"; built-in layouts: {', '.join(names)}"
    raise FileNotFoundError(f"no layout '{name_or_path}' (no such file, nor a built-in layout){hint}")


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _chain(path: Path) -> list[tuple[Source, dict[str, Any]]]:
    """The file and every file it extends, most basic first; a cycle is an error."""
    chain: list[tuple[Source, dict[str, Any]]] = []
    seen: list[Path] = []
    current = path.resolve()
    while True:
        if current in seen:
            names = " → ".join(display_path(p) for p in seen + [current])
            first = chain[-1][0]
            raise UserError(first.problem(("extends",), f"layouts extend each other in a circle: {names}"))
        seen.append(current)
        src = load_file(current)
        if not isinstance(src.data, dict):
            raise UserError(src.problem((), "a layout file must be a group of 'key: value' lines"))
        validate(LayoutFile, src.data, src)
        chain.append((src, src.data))
        parent = src.data.get("extends")
        if parent is None:
            break
        try:
            current = locate(parent, current.parent)
        except FileNotFoundError as exc:
            raise UserError(src.problem(("extends",), str(exc))) from None
    return list(reversed(chain))


def font_file(value: Any, src: Source, loc: tuple) -> Path:
    path = (src.path.parent / value).resolve()
    if not path.is_file():
        raise UserError(src.problem(loc, f"font file '{value}' not found (looked for {display_path(path)})"))
    return path


def load_layout(path: Path, backs_override: str | None = None) -> Layout:
    """Read a layout file with everything it extends and resolve it to points."""
    chain = _chain(path)
    merged: dict[str, Any] = dict(DEFAULTS)
    font_from: tuple[Source, Any] | None = None
    for src, data in chain:
        merged = _merge(merged, {k: v for k, v in data.items() if k != "extends"})
        if "font" in data:
            font_from = (src, data["font"])
    top = chain[-1][0]
    spec = validate(LayoutFile, merged, top)
    if isinstance(spec.paper, Size) and (spec.paper.width is None or spec.paper.height is None):
        raise UserError(top.problem(("paper",), "give the paper both a width and a height"))
    if spec.card is not None and (spec.card.width is None or spec.card.height is None):
        raise UserError(top.problem(("card",), "the layout gives no full card size; "
                                               "add 'card: {width: 63mm, height: 88mm}'"))
    if spec.card is not None and (min(spec.card.width, spec.card.height) < 20 * MM  # type: ignore[type-var]
                                  or max(spec.card.width, spec.card.height) > 1200 * MM):  # type: ignore[type-var]
        raise UserError(top.problem(("card",), "a card must be between 20 mm and 1.2 m on each side"))

    card_w, card_h = (spec.card.width, spec.card.height) if spec.card else (0.0, 0.0)
    backs = backs_override or spec.backs or "duplex-long"
    bleed = spec.bleed or 0.0
    page_is_card = isinstance(spec.paper, str) and spec.paper.lower() == "card"
    if page_is_card:
        if spec.card is None:
            raise UserError(top.problem(("paper",), "'paper: card' needs a card size"))
        page_w, page_h = card_w + 2 * bleed, card_h + 2 * bleed
        margin, cols, rows, gap = bleed, 1, 1, 0.0
    else:
        if isinstance(spec.paper, Size):
            page_w, page_h = spec.paper.width, spec.paper.height
        else:
            key = str(spec.paper).upper()
            if key not in PAPER_SIZES_MM:
                choices = [*PAPER_SIZES_MM, "card"]
                raise UserError(top.problem(("paper",), f"unknown paper '{spec.paper}'; use one of "
                                            f"{', '.join(choices)} or width/height"))
            w_mm, h_mm = PAPER_SIZES_MM[key]
            page_w, page_h = w_mm * MM, h_mm * MM
        if (spec.orientation == "landscape") != (page_w > page_h):
            page_w, page_h = page_h, page_w
        if not (50 * MM <= min(page_w, page_h) and max(page_w, page_h) <= 1200 * MM):
            raise UserError(top.problem(("paper",), "the paper must be between 50 mm and 1.2 m on each side"))
        margin, gap = spec.margin or 0.0, spec.gap or 0.0
        if spec.card is None:  # one unit filling the page inside its margins (posters, bingo)
            card_w, card_h = page_w - 2 * margin - 2 * bleed, page_h - 2 * margin - 2 * bleed
            if card_w < 20 * MM or card_h < 20 * MM:
                raise UserError(top.problem(("margin",), "the margins leave no room on the page"))
        unit_w = card_w * (2 if backs == "fold" else 1) + 2 * bleed
        unit_h = card_h + 2 * bleed
        room_w, room_h = page_w - 2 * margin, page_h - 2 * margin
        if isinstance(spec.grid, Grid):
            cols, rows = spec.grid.cols, spec.grid.rows
        else:
            cols = int((room_w + gap) // (unit_w + gap))
            rows = int((room_h + gap) // (unit_h + gap))
        need_w = cols * unit_w + (cols - 1) * gap
        need_h = rows * unit_h + (rows - 1) * gap
        if cols < 1 or rows < 1 or need_w > room_w + 0.01 or need_h > room_h + 0.01:
            what = "a folded card (front and back side by side)" if backs == "fold" else "the cards"
            raise UserError(top.problem(
                ("grid",) if isinstance(spec.grid, Grid) else ("card",),
                f"{what} do not fit: {max(cols, 1)} × {max(rows, 1)} of {format_mm(unit_w)} × {format_mm(unit_h)} "
                f"need {format_mm(need_w)} × {format_mm(need_h)}, but the page has {format_mm(room_w)} × "
                f"{format_mm(room_h)} inside its margins; use a smaller grid, smaller cards or larger paper"))

    font_regular = font_bold = None
    if font_from is not None:
        fsrc, fval = font_from
        if isinstance(fval, str):
            font_regular = font_file(fval, fsrc, ("font",))
        else:
            font_regular = font_file(fval["regular"], fsrc, ("font", "regular"))
            if fval.get("bold"):
                font_bold = font_file(fval["bold"], fsrc, ("font", "bold"))

    min_text = spec.min_text_size if spec.min_text_size is not None else 7.0
    if not 4.0 <= min_text <= 72.0:
        raise UserError(top.problem(("min_text_size",), "min_text_size must lie between 4pt and 72pt"))
    offset = spec.back_offset or Offset()
    return Layout(
        name=path.stem, source=top, page_w=page_w, page_h=page_h, margin=margin,
        card_w=card_w, card_h=card_h, cols=cols, rows=rows, gap=gap, bleed=bleed,
        crop_marks=bool(spec.crop_marks) and not page_is_card,
        backs=backs,
        offset_x=offset.x, offset_y=offset.y, min_text_size=min_text,
        font_regular=font_regular, font_bold=font_bold, per_page=spec.per_page or 1,
        page_is_card=page_is_card,
    )
