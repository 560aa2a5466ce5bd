"""What a fill-in sheet file (`kind: sheet`) may say, and its layout keys.

A sheet is a list of `blocks` on a grid of `columns`; each block is a mapping whose
one type key names it (`- box: {title: Drømmene mine, lines: 4}`). A block takes one
column (`span: 2` makes it wider); `text`, `checklist`, `words` and `table` take the
whole width unless they say otherwise. `- new_page: true` starts the next page;
`- new_page: once` starts the pages that are printed once for the whole class, not
for every pupil (the group's poster).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, create_model, model_validator

from smartprint.check.spec import Common, PrintedText
from smartprint.check.validation import Length, Model, Text
from smartprint.resolve.layout import PageKeys
from smartprint.resolve.pupils import PupilsValue, pupils_field
from smartprint.resolve.units import MM

MAX_BLOCKS = 60
MAX_COLUMNS = 4
QR_MAX_SIZE = 150 * MM


class _Placed(Model):
    span: int | None = Field(default=None, ge=1, le=MAX_COLUMNS)

    required_text: ClassVar[tuple[str, ...]] = ()  # keys whose text must hold more than spaces

    @model_validator(mode="before")
    @classmethod
    def _spaces_are_empty(cls, data: Any) -> Any:
        """A required text of spaces only (`label: '  '`) is empty, said as for `label: ''`."""
        if isinstance(data, dict):
            for key in cls.required_text:
                value = data.get(key)
                if isinstance(value, str) and value and not value.strip():
                    data = {**data, key: ""}
        return data


class FieldBlock(_Placed):
    """A label and a line to write on (`- field: Navn`). With a class list, a field
    labelled Navn (Namn, Name) has the pupil's name printed on its line."""

    required_text: ClassVar[tuple[str, ...]] = ("label",)

    label: PrintedText = Field(min_length=1, max_length=80)
    value: PrintedText | None = Field(default=None, max_length=200)  # printed on the line; may use {navn}


class BoxBlock(_Placed):
    title: PrintedText | None = Field(default=None, max_length=200)
    lines: int = Field(default=4, ge=0, le=40)
    numbered: bool = False  # 1., 2., 3. before the lines ("my five properties")


class DrawingBlock(_Placed):
    title: PrintedText | None = Field(default=None, max_length=200)
    height: Length | None = Field(default=None, ge=20 * MM, le=400 * MM)  # default: the room left on the page


class _Checklist(_Placed):
    title: PrintedText | None = Field(default=None, max_length=200)
    items: list[PrintedText] = Field(default_factory=list, max_length=200)
    blank: int = Field(default=0, ge=0, le=20)  # tick boxes with a line to write one more on
    columns: int | None = Field(default=None, ge=1, le=6)


# `from:` (a card deck whose card titles are the items) is a Python keyword, so the key
# is added by name: read it with `deck_of(block)`.
if TYPE_CHECKING:
    ChecklistBlock = _Checklist
else:
    ChecklistBlock = create_model(
        "ChecklistBlock", __base__=_Checklist, **{"from": (Text | None, Field(default=None, min_length=1))}
    )


def deck_of(block: _Checklist) -> str | None:
    value = getattr(block, "from", None)
    return value if isinstance(value, str) else None


class TextBlock(_Placed):
    required_text: ClassVar[tuple[str, ...]] = ("body",)
    title: PrintedText | None = Field(default=None, max_length=200)
    body: PrintedText = Field(min_length=1)


class QrBlock(_Placed):
    required_text: ClassVar[tuple[str, ...]] = ("link",)
    link: Text = Field(min_length=1)
    caption: PrintedText | None = Field(default=None, max_length=200)
    size: Length = Field(default=30 * MM, ge=15 * MM, le=QR_MAX_SIZE)


class ImageBlock(_Placed):
    file: Text = Field(min_length=1)
    title: PrintedText | None = Field(default=None, max_length=200)
    height: Length = Field(default=60 * MM, ge=15 * MM, le=400 * MM)


class WordsBlock(_Placed):
    """A few words printed as large as they fit (a poster's three words), or as many
    large numbered lines to write them on with a marker."""

    title: PrintedText | None = Field(default=None, max_length=200)
    items: list[PrintedText] = Field(default_factory=list, max_length=10)
    count: int = Field(default=3, ge=1, le=10)  # lines to write on, when there are no items


class TableBlock(_Placed):
    title: PrintedText | None = Field(default=None, max_length=200)
    headers: list[PrintedText] = Field(min_length=1, max_length=8)
    rows: int = Field(default=8, ge=1, le=60)
    widths: list[int] | None = Field(default=None, min_length=1, max_length=8)  # relative: [3, 2, 1]


# The key a block's short form (`- box: Drømmene mine`) fills.
_MAIN_KEY = {"field": "label", "box": "title", "drawing": "title", "text": "body", "qr": "link", "image": "file"}
BLOCK_TYPES = ("field", "box", "drawing", "checklist", "text", "qr", "image", "words", "table", "new_page")
# The keys each block type's own mapping has, for the hint when they were indented wrongly.
_OWN_KEYS: dict[str, type[Model]] = {
    "field": FieldBlock,
    "box": BoxBlock,
    "drawing": DrawingBlock,
    "checklist": ChecklistBlock,
    "text": TextBlock,
    "qr": QrBlock,
    "image": ImageBlock,
    "words": WordsBlock,
    "table": TableBlock,
}


class Block(Model):
    """One block: exactly one of the keys below."""

    field: PrintedText | FieldBlock | None = None
    box: PrintedText | BoxBlock | None = None
    drawing: Literal[True] | PrintedText | DrawingBlock | None = None  # true: a frame without a title
    checklist: ChecklistBlock | None = None
    text: PrintedText | TextBlock | None = None
    qr: Text | QrBlock | None = None
    image: Text | ImageBlock | None = None
    words: WordsBlock | None = None
    table: TableBlock | None = None
    new_page: Literal[True, "once"] | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_type(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        types = [k for k in data if k in BLOCK_TYPES]
        others = [k for k in data if k not in BLOCK_TYPES]
        if len(types) == 1 and others and data[types[0]] is None:
            own = _OWN_KEYS.get(types[0])
            if own is not None and all(isinstance(k, str) and k in own.model_fields for k in others):
                quoted = [f"'{k}'" for k in others]
                keys = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
                raise ValueError(
                    f"{keys} belong{'s' if len(others) == 1 else ''} under '{types[0]}:'; indent "
                    f"{'it' if len(others) == 1 else 'them'} two more spaces than '{types[0]}'"
                )
        if len(types) == 1 and others and isinstance(data[types[0]], str) and data[types[0]].strip():
            own = _OWN_KEYS.get(types[0])
            if own is not None and all(isinstance(k, str) and k in own.model_fields for k in others):
                main = _MAIN_KEY[types[0]]
                keys = ", ".join(f"{k}: {data[k]!s:.20}" for k in others)
                raise ValueError(
                    f"'{others[0]}' belongs with the block's own keys: write "
                    f"- {types[0]}: {{{main}: {data[types[0]]!s:.40}, {keys}}}"
                )
        blank = len(types) == 1 and isinstance(data[types[0]], str) and not data[types[0]].strip()
        if len(types) == 1 and ((not others and data[types[0]] is None) or (blank and types[0] in _MAIN_KEY)):
            what = {
                "field": "its label",
                "new_page": "true",
                "box": "its title",
                "drawing": "its title",
                "text": "the text",
                "qr": "the link",
                "image": "the picture's file name",
            }
            raise ValueError(f"'{types[0]}' is empty; write {what.get(types[0], 'its keys')} after '{types[0]}:'")
        if len(types) > 1:
            named = [repr(t) for t in types]
            raise ValueError(
                f"a block is one thing, but this one has {', '.join(named[:-1])} and {named[-1]}; "
                "start each on its own line with '- '"
            )
        if not types and not others:
            raise ValueError(f"an empty block; write one of {', '.join(BLOCK_TYPES)}")
        return data

    @model_validator(mode="after")
    def _one_given(self) -> Block:
        given = [t for t in BLOCK_TYPES if getattr(self, t) is not None]
        if not given:
            raise ValueError(f"a block needs one of {', '.join(BLOCK_TYPES)}")
        return self

    @property
    def type(self) -> str:
        return next(t for t in BLOCK_TYPES if getattr(self, t) is not None)


class SheetSpec(Common):
    kind: Literal["sheet"]
    blocks: list[Block] = Field(min_length=1, max_length=MAX_BLOCKS)
    columns: int = Field(default=2, ge=1, le=MAX_COLUMNS)
    age: int | None = Field(
        default=None,
        ge=4,
        le=99,
        json_schema_extra={"hint": "the writers' age in years sets the line spacing (6 or 7: 14 mm lines)"},
    )
    color: Text | None = None
    header: bool = True  # the title at the top of the first page
    # Print on both sides: by default when a pupil's sheet has more than one page (each
    # pupil's pages are then made even with an empty page, so no sheet shares paper).
    double_sided: bool | None = None
    pupils: PupilsValue | None = pupils_field()


class SheetLayout(PageKeys):
    """A sheet's page, and the sizes its blocks are set in."""

    body_size: Length = Field(default=11.0, ge=6.0, le=40.0)
    title_size: Length = Field(default=22.0, ge=8.0, le=96.0)
    line_spacing: Length = Field(default=10 * MM, ge=5 * MM, le=30 * MM)  # between writing lines
    gap: Length = Field(default=5 * MM, ge=0, le=30 * MM)  # between blocks
    words_max: Length = Field(default=110.0, ge=20.0, le=400.0)  # the largest size of a `words` block
