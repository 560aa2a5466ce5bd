"""Planning a fill-in sheet: blocks on a grid of columns, page by page, as pure data.

Blocks fill rows left to right in the order written; a block that does not fit the
row's remaining columns starts the next row; `new_page` starts the next page. A row is
as tall as its tallest block. Space left on a page goes to the rows that hold a
drawing without a height or a `words` block (a drawing takes the rest of the page);
frames in a row are stretched to the row's height, boxes with more writing lines.
On a page short of room a table's rows close up (down to `table_row_min`); a page
whose blocks still need more room than it has is an error naming the first block
that does not fit — never an overlap, never text off the page. Page breaks in a row
make no empty page.

Nothing here draws: the result is a list of items per page (fitted text, rules,
frames, tick boxes, a QR matrix, a picture's place) that `paint.py` puts on a canvas.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from smartprint.load.source import Path_
from smartprint.parts.geometry import Rect
from smartprint.resolve.colors import INK, RGB
from smartprint.resolve.placeholders import NAME_WORDS, fill, has_name
from smartprint.resolve.units import MM, format_mm
from smartprint.text.metrics import Fonts
from smartprint.text.origin import Origin, mixed
from smartprint.text.textfit import Align, Box, FitFailure, Fitted, Line, Run, fit, fit_or_fail

# ---------------------------------------------------------------- placeholders


def is_name_label(label: str) -> bool:
    """A field for the pupil's name: "Navn", "Elevens navn", "Mitt namn", "Navn og klasse"
    (a whole word; "Etternavn" or "Fornavn" are parts of a name, not the name)."""
    words = re.findall(r"\w+", label.casefold())
    return any(w in NAME_WORDS for w in words)


# ---------------------------------------------------------------- what a page holds


@dataclass(frozen=True)
class TextItem:
    box: Box
    origin: Origin
    color: RGB = INK
    named: bool = False  # holds the pupil's name (the glyph check names the class list for it)


@dataclass(frozen=True)
class RuleItem:
    x0: float
    x1: float
    y: float
    grey: RGB = (0.55, 0.55, 0.55)
    width: float = 0.7


@dataclass(frozen=True)
class FrameItem:
    rect: Rect
    color: RGB = (0.45, 0.45, 0.45)
    width: float = 1.0
    radius: float = 3 * MM


@dataclass(frozen=True)
class TickItem:
    rect: Rect


@dataclass(frozen=True)
class QrItem:
    matrix: tuple[tuple[bool, ...], ...]
    rect: Rect


@dataclass(frozen=True)
class ImageItem:
    picture: Any  # an assets.Picture (read and checked while resolving)
    rect: Rect


@dataclass(frozen=True)
class VRule:
    x: float
    y0: float
    y1: float
    grey: RGB = (0.45, 0.45, 0.45)
    width: float = 0.8


Item = TextItem | RuleItem | VRule | FrameItem | TickItem | QrItem | ImageItem


@dataclass
class PagePlan:
    pupil: int | None  # index into the class list, or None
    items: list[Item] = field(default_factory=list)


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class SheetStyle:
    body: float
    title: float
    line: float  # between writing lines
    gap: float
    min_size: float
    words_max: float
    color: RGB
    ink: RGB = INK
    pad: float = 3 * MM  # inside a frame
    heading: float = 1.15  # a block title, of the body size
    leading: float = 1.35  # running text
    frame_grey: RGB = (0.45, 0.45, 0.45)
    rule_grey: RGB = (0.55, 0.55, 0.55)
    tick: float = 5 * MM  # the side of a tick box, at least
    drawing_min: float = 25 * MM
    band_min: float = 22 * MM  # a `words` line, at least
    table_row_min: float = 6 * MM  # a table's rows on a short page, at least


@dataclass(frozen=True)
class Entry:
    """A checklist entry: its text and where it came from (None: a blank to write on)."""

    text: str | None
    origin: Origin
    own: bool = False  # written in the sheet (placeholders filled), not a card deck's title


@dataclass(frozen=True)
class BlockIn:
    """A block ready to plan: its type, its (normalised) model, and what resolving found."""

    index: int
    type: str
    data: Any  # the block's own model (FieldBlock, BoxBlock, …), or None for new_page
    span: int
    entries: tuple[Entry, ...] = ()  # checklist
    picture: Any = None  # image
    qr: tuple[tuple[bool, ...], ...] | None = None  # qr

    @property
    def loc(self) -> Path_:
        return ("blocks", self.index, self.type)


class BlockError(Exception):
    """A block that cannot be placed or filled; `loc` is where it stands in the file."""

    def __init__(self, loc: Path_, message: str):
        super().__init__(message)
        self.loc, self.message = loc, message


# ---------------------------------------------------------------- one block


Place = Callable[[float, float, float, float], list[Item]]  # (x, top, width, height) -> items


@dataclass(frozen=True)
class Measured:
    height: float
    flex: bool
    place: Place
    least: float | None = None  # the height it may shrink to when the page is short (a table's rows)

    @property
    def smallest(self) -> float:
        return self.height if self.least is None else min(self.least, self.height)


class _Ctx:
    def __init__(self, style: SheetStyle, fonts: Fonts, name: str | None):
        self.s, self.fonts, self.name = style, fonts, name

    def text(self, raw: str) -> str:
        return fill(raw, self.name)

    def fit(
        self,
        text: str,
        font: str,
        w: float,
        h: float,
        size: float,
        loc: Path_,
        what: str,
        align: Align = "left",
        max_lines: int | None = None,
        leading: float = 1.25,
    ) -> Fitted:
        s = self.s
        size = max(size, s.min_size)
        fitted = fit(
            [Run(text, font, align=align, max_lines=max_lines, origin=loc)],
            w,
            h,
            size,
            s.min_size,
            self.fonts.measure,
            leading,
        )
        if fitted is None:
            try:
                fit_or_fail(
                    [Run(text, font, align=align, origin=loc)], w, h, size, s.min_size, self.fonts.measure, what
                )
                ratio = 1.1
            except FitFailure as f:
                ratio = f.ratio
            need = "it needs a little more room" if ratio < 1.05 else f"it needs about {ratio:.1f}× the room"
            raise BlockError(
                loc,
                f"{what} does not fit even at {s.min_size:g} pt ({need}); shorten it"
                f"{', or give the block more columns (span)' if w < 400 else ''}",
            )
        return fitted

    def heading(
        self, raw: str | None, w: float, loc: Path_, size: float | None = None, align: Align = "left", wrap: int = 4
    ) -> Fitted | None:
        """A title, wrapped before it is made much smaller: up to `wrap` lines at (nearly)
        its size, then as few more lines (up to six) as fit at any size down to
        the body size; only then smaller, down to the layout's smallest size (a long name
        in a narrow box). A page's large title wraps onto two lines before it shrinks."""
        if not raw:
            return None
        s = self.s
        size = max(size if size is not None else s.body * s.heading, s.min_size)
        text = self.text(raw)
        stages = [(n, 0.95) for n in range(2, wrap + 1)] + [(n, 0.0) for n in range(max(wrap, 3), 7)]
        for lowest in (s.body, s.min_size):
            for lines, share in stages:
                floor = min(size, max(size * share, lowest, s.min_size))
                fitted = fit(
                    [Run(text, self.fonts.bold, align=align, max_lines=lines, origin=loc)],
                    w,
                    _lines_height(size, lines),
                    size,
                    floor,
                    self.fonts.measure,
                )
                if fitted is not None:
                    return fitted
        return self.fit(
            text, self.fonts.bold, w, _lines_height(size, 6), size, loc, "the title", align=align, max_lines=6
        )

    def named(self, raw: str | None) -> bool:
        return self.name is not None and has_name(raw)


def _lines_height(size: float, lines: int, leading: float = 1.25) -> float:
    """The height `lines` lines of text at `size` take (as `fit` sets them)."""
    return size * 0.95 + (lines - 1) * size * leading + size * 0.25 + 0.01


def _heading_items(ctx: _Ctx, fitted: Fitted | None, x: float, top: float, loc: Path_, raw: str | None) -> list[Item]:
    if fitted is None:
        return []
    return [TextItem(Box(x, top, fitted), loc, ctx.s.color, ctx.named(raw))]


def _field(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    """A label and a line; the value (the pupil's name on a Navn field) stands on the line,
    made smaller down to the layout's smallest size, then wrapped, if it is long."""
    s, f = ctx.s, ctx.fonts
    data = b.data
    label = ctx.text(data.label)
    if not label.rstrip().endswith((":", "?", ".", "!")):
        label = label.rstrip() + ":"
    fitted = _one_line_first(ctx, label, f.regular, w * 0.6, s.body, b.loc + ("label",), "the label")
    label_w = max(f.measure(line.text, line.font, line.size) for line in fitted.lines)
    value_raw = data.value
    if value_raw is None and ctx.name is not None and is_name_label(data.label):
        value_raw = "{navn}"
    start = label_w + s.body * 0.5
    value: Fitted | None = None
    if value_raw is not None and (ctx.name is not None or not has_name(value_raw)):
        text = ctx.text(value_raw)
        value = _one_line_first(
            ctx, text, f.bold, w - start - 2, s.body * 1.15, b.loc + ("value",), f"«{text[:40]}» on the line «{label}»"
        )
    # the last lines of the label and the value stand on the rule; more lines go above it
    above = max([fitted.lines[-1].baseline + 2] + ([value.lines[-1].baseline + 2.5] if value else []))
    height = max(s.line, s.body * 2.0, above + 3 + 1)

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        base = top - height + 3
        items: list[Item] = [
            TextItem(
                Box(x, base + fitted.lines[-1].baseline + 2, fitted), b.loc + ("label",), s.ink, ctx.named(data.label)
            ),
            RuleItem(x + start, x + width, base, s.rule_grey),
        ]
        if value is not None:
            items.append(
                TextItem(
                    Box(x + start + 2, base + value.lines[-1].baseline + 2.5, value),
                    b.loc + ("value",) if data.value is not None else b.loc + ("label",),
                    s.ink,
                    ctx.named(value_raw),
                )
            )
        return items

    return Measured(height, False, place)


def _one_line_first(ctx: _Ctx, text: str, font: str, w: float, size: float, loc: Path_, what: str) -> Fitted:
    """`text` on one line, made smaller down to the smallest size if need be; if it is still
    too long, on up to four lines."""
    s = ctx.s
    size = max(size, s.min_size)
    one = fit([Run(text, font, max_lines=1, origin=loc)], w, size * 1.6, size, s.min_size, ctx.fonts.measure)
    if one is not None:
        return one
    return ctx.fit(text, font, w, _lines_height(size, 4), size, loc, what, max_lines=4)


def _box(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    inner = w - 2 * s.pad
    title = ctx.heading(data.title, inner, b.loc + ("title",))
    title_h = title.height + s.pad * 0.5 if title else 0.0
    number_w = f.measure(f"{max(data.lines, 1)}.", f.regular, s.body) + s.body * 0.5 if data.numbered else 0.0
    below = max(s.pad, s.line * 0.45)  # under the last line: room for the letters' tails
    height = s.pad + title_h + data.lines * s.line + below

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = [FrameItem(Rect(x, top - h, width, h), s.frame_grey)]
        items += _heading_items(ctx, title, x + s.pad, top - s.pad, b.loc + ("title",), data.title)
        first = top - s.pad - title_h
        count = max(data.lines, int((first - (top - h + below)) / s.line + 1e-6)) if data.lines else 0
        for k in range(1, count + 1):
            y = first - k * s.line
            items.append(RuleItem(x + s.pad + number_w, x + width - s.pad, y, s.rule_grey))
            if data.numbered and k <= data.lines:
                label = f"{k}."
                fitted = Fitted(s.body, (_line(label, f.regular, s.body, b.loc + ("numbered",)),), s.body * 1.2)
                items.append(TextItem(Box(x + s.pad, y + s.body * 0.95 + 2, fitted), b.loc + ("numbered",)))
        return items

    return Measured(height, False, place)


def _line(text: str, font: str, size: float, origin: Origin) -> Line:
    return Line(text, font, size, 0.0, size * 0.95, origin=origin)


def _drawing(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    s = ctx.s
    data = b.data
    title = ctx.heading(data.title, w - 2 * s.pad, b.loc + ("title",))
    title_h = title.height + s.pad * 0.5 if title else 0.0
    flex = data.height is None
    height = (data.height if data.height is not None else s.drawing_min) + title_h

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = [FrameItem(Rect(x, top - h, width, h), s.frame_grey)]
        items += _heading_items(ctx, title, x + s.pad, top - s.pad, b.loc + ("title",), data.title)
        return items

    return Measured(height, flex, place)


def _checklist(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",))
    title_h = title.height + s.body * 0.6 if title else 0.0
    cols = data.columns or max(1, min(4, int(w // (52 * MM))))
    col_gap = s.body * 1.2
    cw = (w - (cols - 1) * col_gap) / cols
    tick = max(s.tick, s.body * 1.0)
    text_w = cw - tick - s.body * 0.6
    if text_w < s.body * 3:
        raise BlockError(
            b.loc + ("columns",) if data.columns else b.loc,
            f"{cols} columns leave no room for the items; use fewer columns or a wider block",
        )
    entries = list(b.entries)
    texts = [None if e.text is None else ctx.text(e.text) if e.own else e.text for e in entries]
    box_h = s.body * 3.0  # two lines at the body size
    fitted: list[Fitted | None] = []
    for e, text in zip(entries, texts):
        if text is None:
            fitted.append(None)
            continue
        fitted.append(
            ctx.fit(text, f.regular, text_w, box_h, s.body, _entry_loc(b, e), f"the item «{text[:40]}»", max_lines=2)
        )
    sizes = [x.size for x in fitted if x is not None]
    common = min(sizes) if sizes else s.body
    fitted = [
        fit([Run(text, f.regular, max_lines=2, origin=_entry_loc(b, e))], text_w, box_h, common, common, f.measure)
        if text is not None
        else None
        for text, e in zip(texts, entries)
    ]
    row_h = max([tick] + [x.height for x in fitted if x is not None])
    row_step = row_h + s.body * 0.55
    rows = -(-len(entries) // cols)
    height = title_h + rows * row_step

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = _heading_items(ctx, title, x, top, b.loc + ("title",), data.title)
        y0 = top - title_h
        for k, (e, fit_k) in enumerate(zip(entries, fitted)):
            col, row = divmod(k, rows)  # down the columns, as a list is read
            cx = x + col * (cw + col_gap)
            cy = y0 - row * row_step
            items.append(TickItem(Rect(cx, cy - tick, tick, tick)))
            tx = cx + tick + s.body * 0.6
            if fit_k is None:
                items.append(RuleItem(tx, cx + cw, cy - row_h + 1, s.rule_grey))
            else:
                shift = max(0.0, (tick - fit_k.lines[0].size * 1.2) / 2) if len(fit_k.lines) == 1 else 0.0
                items.append(TextItem(Box(tx, cy - shift, fit_k), e.origin, s.ink, e.own and ctx.named(e.text)))
        return items

    return Measured(height, False, place)


def _entry_loc(b: BlockIn, e: Entry) -> Path_:
    """Where a message about an entry points: the item, or the block's `from` for a deck's card."""
    return e.origin if isinstance(e.origin, tuple) else b.loc + ("from",)


def _text(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",))
    title_h = title.height + s.body * 0.5 if title else 0.0
    body = fit(
        [Run(ctx.text(data.body), f.regular, origin=b.loc + ("body",))],
        w,
        1e6,
        max(s.body, s.min_size),
        max(s.body, s.min_size),
        f.measure,
        s.leading,
    )
    if body is None:
        raise BlockError(b.loc + ("body",), "the text has a number too wide for the block; give it more columns")
    height = title_h + body.height

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = _heading_items(ctx, title, x, top, b.loc + ("title",), data.title)
        items.append(TextItem(Box(x, top - title_h, body), b.loc + ("body",), s.ink, ctx.named(data.body)))
        return items

    return Measured(height, False, place)


def _qr(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    size = data.size
    if size > w:
        raise BlockError(
            b.loc + ("size",),
            f"the QR code ({format_mm(size)}) is wider than its block "
            f"({format_mm(w)}); make it smaller or give the block more columns",
        )
    caption = None
    if data.caption:
        caption = ctx.fit(
            ctx.text(data.caption),
            f.regular,
            w,
            s.body * 5,
            s.body,
            b.loc + ("caption",),
            "the caption",
            align="center",
            max_lines=3,
        )
    height = size + (caption.height + s.body * 0.4 if caption else 0.0)
    assert b.qr is not None

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = [QrItem(b.qr or (), Rect(x + (width - size) / 2, top - size, size, size))]
        if caption is not None:
            items.append(
                TextItem(
                    Box(x + (width - w) / 2, top - size - s.body * 0.4, caption),
                    b.loc + ("caption",),
                    s.ink,
                    ctx.named(data.caption),
                )
            )
        return items

    return Measured(height, False, place)


def _image(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    s = ctx.s
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",))
    title_h = title.height + s.body * 0.5 if title else 0.0
    height = title_h + data.height

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = _heading_items(ctx, title, x, top, b.loc + ("title",), data.title)
        pic = b.picture
        box = Rect(x, top - title_h - data.height, width, data.height)
        scale = min(box.w / pic.width, box.h / pic.height)
        pw, ph = pic.width * scale, pic.height * scale
        items.append(ImageItem(pic, Rect(box.x + (box.w - pw) / 2, box.y + (box.h - ph) / 2, pw, ph)))
        return items

    return Measured(height, False, place)


def _words(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",), max(s.title, s.body * s.heading), "center", 2)  # large
    title_h = title.height + s.body if title else 0.0
    items_raw = [ctx.text(t) for t in data.items]
    n = len(items_raw) or data.count
    height = title_h + n * s.band_min

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        out: list[Item] = []
        if title is not None:
            out.append(TextItem(Box(x, top, title), b.loc + ("title",), s.color, ctx.named(data.title)))
        band = (h - title_h) / n
        y0 = top - title_h
        if not items_raw:
            number_size = max(s.min_size, min(band * 0.35, 40.0))
            for k in range(n):
                base = y0 - (k + 1) * band + band * 0.2
                label = f"{k + 1}."
                fitted = Fitted(
                    number_size, (_line(label, f.bold, number_size, b.loc + ("count",)),), number_size * 1.2
                )
                out.append(TextItem(Box(x, base + number_size * 0.95, fitted), b.loc + ("count",), s.color))
                start = x + f.measure("10.", f.bold, number_size) + number_size * 0.4
                out.append(RuleItem(start, x + width, base, s.rule_grey, 1.2))
            return out
        biggest = max(s.min_size, min(s.words_max, band * 0.62))
        fitted_all: list[Fitted] = []
        for k, text in enumerate(items_raw):
            fitted_all.append(
                ctx.fit(
                    text,
                    f.bold,
                    width,
                    band * 0.92,
                    biggest,
                    b.loc + ("items", k),
                    f"«{text[:40]}»",
                    align="center",
                    max_lines=2,
                    leading=1.05,
                )
            )
        common = min(x_.size for x_ in fitted_all)
        for k, text in enumerate(items_raw):
            fitted_k = fit(
                [Run(text, f.bold, align="center", max_lines=2, origin=b.loc + ("items", k))],
                width,
                band * 0.92,
                common,
                common,
                f.measure,
                1.05,
            )
            assert fitted_k is not None
            band_top = y0 - k * band
            out.append(
                TextItem(
                    Box(x, band_top - (band - fitted_k.height) / 2, fitted_k),
                    b.loc + ("items", k),
                    s.ink,
                    ctx.named(data.items[k]),
                )
            )
        return out

    return Measured(height, True, place)


def _table(ctx: _Ctx, b: BlockIn, w: float) -> Measured:
    s, f = ctx.s, ctx.fonts
    data = b.data
    title = ctx.heading(data.title, w, b.loc + ("title",))
    title_h = title.height + s.body * 0.5 if title else 0.0
    n = len(data.headers)
    shares = [float(x) for x in data.widths] if data.widths else [2.0] + [1.0] * (n - 1)
    if len(shares) != n or min(shares) <= 0:
        raise BlockError(
            b.loc + ("widths",),
            f"'widths' needs one whole number above 0 for each of the "
            f"{n} headers, e.g. [{', '.join(['2'] + ['1'] * (n - 1))}]",
        )
    widths = [w * share / sum(shares) for share in shares]
    head_room = s.body * 2.5  # two lines at the body size, at most
    heads: list[Fitted] = []
    for k, (text, cw) in enumerate(zip(data.headers, widths)):
        heads.append(
            ctx.fit(
                ctx.text(text),
                f.bold,
                cw - 2 * s.body * 0.4,
                head_room,
                s.body,
                b.loc + ("headers", k),
                f"the heading «{text[:30]}»",
                max_lines=2,
            )
        )
    head_h = max(x.height for x in heads) + s.body * 0.8  # as tall as its tallest heading needs
    row_h = s.line
    height = title_h + head_h + data.rows * row_h
    least = title_h + head_h + data.rows * min(row_h, s.table_row_min)

    def place(x: float, top: float, width: float, h: float) -> list[Item]:
        items: list[Item] = _heading_items(ctx, title, x, top, b.loc + ("title",), data.title)
        t = top - title_h
        room = h - title_h - head_h
        if room < data.rows * s.line - 1e-6:  # a short page: the rows closer together
            rows, row_h = data.rows, room / data.rows
        else:  # a tall row: more rows at the line spacing
            rows, row_h = max(data.rows, int(room / s.line + 1e-6)), s.line
        bottom = t - head_h - rows * row_h
        items.append(FrameItem(Rect(x, bottom, width, t - bottom), s.frame_grey, 1.0, 0.0))
        cx = x
        for k, (fitted, cw) in enumerate(zip(heads, widths)):
            items.append(
                TextItem(
                    Box(cx + s.body * 0.4, t - (head_h - fitted.height) / 2, fitted),
                    b.loc + ("headers", k),
                    s.ink,
                    ctx.named(data.headers[k]),
                )
            )
            if k:
                items.append(VRule(cx, bottom, t, s.frame_grey, 0.8))
            cx += cw
        items.append(RuleItem(x, x + width, t - head_h, s.frame_grey, 1.0))
        for r in range(1, rows):
            items.append(RuleItem(x, x + width, t - head_h - r * row_h, s.rule_grey, 0.5))
        return items

    return Measured(height, False, place, least)


PLANNERS: dict[str, Callable[[_Ctx, BlockIn, float], Measured]] = {
    "field": _field,
    "box": _box,
    "drawing": _drawing,
    "checklist": _checklist,
    "text": _text,
    "qr": _qr,
    "image": _image,
    "words": _words,
    "table": _table,
}


# ---------------------------------------------------------------- pages


@dataclass(frozen=True)
class Area:
    x: float
    y: float
    w: float
    h: float


def describe_block(b: BlockIn) -> str:
    """How a message names a block: block 3 (box «Drømmene mine»)."""
    data = b.data
    title = getattr(data, "title", None) or getattr(data, "label", None)
    named = f" «{title[:40]}»" if isinstance(title, str) and title else ""
    return f"block {b.index + 1} ({b.type}{named})"


def shows_name(b: BlockIn) -> bool:
    """Whether a block prints the pupil's name (a Navn field, a text with {navn}): a page
    with one needs no name at its foot to stay with the pupil's other pages."""
    data = b.data
    if b.type == "field" and data.value is None:
        return is_name_label(str(data.label)) or has_name(data.label)
    texts = [getattr(data, key, None) for key in ("label", "value", "title", "body", "caption")]
    texts += [*(getattr(data, "items", None) or []), *(getattr(data, "headers", None) or [])]
    return any(isinstance(t, str) and has_name(t) for t in texts)


def plan_sheet(
    blocks: Sequence[BlockIn],
    *,
    columns: int,
    area: Area,
    style: SheetStyle,
    fonts: Fonts,
    title: str | None,
    name: str | None,
    pupil: int | None,
    footer: str | None = None,
    name_origin: Origin | None = None,
) -> list[PagePlan]:
    """The pages of one sheet (for one pupil, or the one sheet without a class list);
    `name_origin` is where the pupil's name is written (a class list's line)."""
    ctx = _Ctx(style, fonts, name)
    pages: list[list[BlockIn]] = [[]]
    for b in blocks:
        if b.type != "new_page":
            pages[-1].append(b)
        elif pages[-1]:  # a page break after a page break (or at the start) makes no empty page
            pages.append([])
    if len(pages) > 1 and not pages[-1]:
        pages.pop()
    gap = style.gap
    col_w = (area.w - (columns - 1) * gap) / columns
    out: list[PagePlan] = []
    for number, page_blocks in enumerate(pages, 1):
        page = PagePlan(pupil)
        top = area.y + area.h
        bottom = area.y
        if number == 1 and title:
            fitted = ctx.heading(title, area.w, ("title",), style.title, wrap=2)
            assert fitted is not None
            page.items.append(TextItem(Box(area.x, top, fitted), ("title",), style.color, ctx.named(title)))
            top -= fitted.height + gap * 1.2
        shown = any(shows_name(b) for b in page_blocks) or (number == 1 and bool(title) and has_name(title))
        if footer is not None and not shown:  # every page of a pupil's sheet carries the name somewhere
            size = max(style.min_size, 8.0)
            fitted = fit(
                [Run(footer, fonts.regular, max_lines=1, origin=("pupils",))],
                area.w * 0.6,
                size * 1.5,
                size,
                size,
                fonts.measure,
            ) or ctx.fit(
                footer, fonts.regular, area.w, _lines_height(size, 2), size, ("pupils",), "the name", max_lines=2
            )
            width = max(fonts.measure(line.text, line.font, line.size) for line in fitted.lines)
            page.items.append(
                TextItem(
                    Box(area.x + area.w - width, bottom + fitted.height, fitted), ("pupils",), (0.35, 0.35, 0.35), True
                )
            )
            bottom += fitted.height + gap * 0.6
        rows: list[list[tuple[BlockIn, int]]] = []
        used = columns
        for b in page_blocks:
            if b.span > columns:
                raise BlockError(
                    ("blocks", b.index, b.type, "span"),
                    f"{describe_block(b)} spans {b.span} columns, but the sheet has {columns}; "
                    f"use span: {columns} or less, or set 'columns: {b.span}'",
                )
            if used + b.span > columns:
                rows.append([])
                used = 0
            rows[-1].append((b, used))
            used += b.span
        measured: list[list[tuple[BlockIn, int, Measured, float]]] = []
        for placed in rows:
            row_m = []
            for b, col in placed:
                w = b.span * col_w + (b.span - 1) * gap
                row_m.append((b, col, PLANNERS[b.type](ctx, b, w), w))
            measured.append(row_m)
        heights = [max(m.height for _, _, m, _ in row) for row in measured]
        least = [max(m.smallest for _, _, m, _ in row) for row in measured]
        room = top - bottom
        over = sum(heights) + gap * (len(heights) - 1) - room
        slack = sum(heights) - sum(least)
        if over > 0 and slack > 0:  # a short page: rows that may shrink (a table's) give up room
            share = min(1.0, over / slack)
            heights = [h - (h - lo) * share for h, lo in zip(heights, least)]
        used_h = 0.0
        for k, row in enumerate(measured):
            used_h += heights[k] + (gap if k else 0.0)
            if used_h > room + 0.01:
                tallest = max(row, key=lambda r: r[2].smallest)[0]
                alone = heights[k] > room + 0.01
                where = "is taller than the page" if alone else f"does not fit on page {number}"
                raise BlockError(
                    ("blocks", tallest.index),
                    f"{describe_block(tallest)} {where}: the blocks up to it need "
                    f"{format_mm(used_h)}, the page has {format_mm(room)}; make blocks smaller "
                    "(fewer lines, a lower height)"
                    + ("" if alone else ", or start a new page before it with '- new_page: true'"),
                )
        flex_rows = [k for k, row in enumerate(measured) if any(m.flex for _, _, m, _ in row)]
        extra = room - used_h
        if flex_rows and extra > 0:
            for k in flex_rows:
                heights[k] += extra / len(flex_rows)
        y = top
        for k, row in enumerate(measured):
            for b, col, m, w in row:
                x = area.x + col * (col_w + gap)
                stretch = b.type in ("box", "drawing", "table") or m.flex
                page.items.extend(m.place(x, y, w, heights[k] if stretch else m.height))
            y -= heights[k] + gap
        page.items[:] = [_settled(item, name, name_origin) for item in page.items]
        out.append(page)
    return out


def _settled(item: Item, name: str | None, name_origin: Origin | None) -> Item:
    """A text item whose lines carry where they come from: the block's field, and for
    a text that holds the pupil's name, the class list for the name's letters."""
    if not isinstance(item, TextItem):
        return item
    origin: Origin = item.origin
    if item.named and name is not None and name_origin is not None:
        origin = mixed((name, name_origin), ("", item.origin))
    lines = tuple(replace(line, origin=origin) for line in item.box.fitted.lines)
    fitted = Fitted(item.box.fitted.size, lines, item.box.fitted.height)
    return replace(item, box=Box(item.box.left, item.box.top, fitted))
