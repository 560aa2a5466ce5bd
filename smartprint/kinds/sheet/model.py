"""What a fill-in sheet file (`kind: sheet`) may say, and its layout keys.

A sheet is a list of `blocks` on a grid of `columns`; each block is a mapping whose
one type key names it (`- box: {title: Drømmene mine, lines: 4}`). A block takes one
column (`span: 2` makes it wider); `text`, `checklist`, `words` and `table` take the
whole width unless they say otherwise. `- new_page: true` starts the next page;
`- new_page: once` starts the pages that are printed once for the whole class, not
for every pupil (the group's poster).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import ConfigDict, Field, create_model, model_validator

from smartprint.check.spec import Common
from smartprint.check.validation import Length, Model, Text
from smartprint.check.words import Words
from smartprint.kinds.sheet.blocks import MAX_COLUMNS, block_types
from smartprint.resolve.layout import PageKeys
from smartprint.resolve.pupils import Pupils
from smartprint.resolve.units import MM

MAX_BLOCKS = 60


class BlockBase(Model):
    """One block: exactly one key, a block type's (see `blocks/`) or `new_page`. The
    keys are added by `_block_model` from the registry."""

    # the schema editors read says so too (smartprint schema)
    model_config = ConfigDict(**Model.model_config, json_schema_extra={"minProperties": 1, "maxProperties": 1})

    @model_validator(mode="before")
    @classmethod
    def _one_type(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        registry = block_types()
        names = block_names()
        types = [k for k in data if k in names]
        others = [k for k in data if k not in names]
        if len(types) == 1 and others and data[types[0]] is None:
            own = registry.get(types[0])
            if own is not None and all(isinstance(k, str) and k in own.model.model_fields for k in others):
                quoted = [f"'{k}'" for k in others]
                keys = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
                raise ValueError(
                    f"{keys} belong{'s' if len(others) == 1 else ''} under '{types[0]}:'; indent "
                    f"{'it' if len(others) == 1 else 'them'} two more spaces than '{types[0]}'"
                )
        if len(types) == 1 and others and isinstance(data[types[0]], str) and data[types[0]].strip():
            own = registry.get(types[0])
            own_keys = own.model.model_fields if own is not None and own.main_key else {}
            if own_keys and all(isinstance(k, str) and k in own_keys for k in others):
                main = own.main_key  # type: ignore[union-attr]  # own_keys is empty without it
                keys = ", ".join(f"{k}: {data[k]!s:.20}" for k in others)
                raise ValueError(
                    f"'{others[0]}' belongs with the block's own keys: write "
                    f"- {types[0]}: {{{main}: {data[types[0]]!s:.40}, {keys}}}"
                )
        blank = len(types) == 1 and isinstance(data[types[0]], str) and not data[types[0]].strip()
        with_short = types and types[0] in registry and registry[types[0]].main_key is not None
        if len(types) == 1 and ((not others and data[types[0]] is None) or (blank and with_short)):
            what = registry[types[0]].empty if types[0] in registry else "true"  # new_page
            raise ValueError(f"'{types[0]}' is empty; write {what} after '{types[0]}:'")
        if len(types) > 1:
            named = [repr(t) for t in types]
            raise ValueError(
                f"a block is one thing, but this one has {', '.join(named[:-1])} and {named[-1]}; "
                "start each on its own line with '- '"
            )
        if not types and not others:
            raise ValueError(f"an empty block; write one of {', '.join(names)}")
        return data

    @model_validator(mode="after")
    def _one_given(self) -> BlockBase:
        given = [t for t in block_names() if getattr(self, t, None) is not None]
        if not given:
            raise ValueError(f"a block needs one of {', '.join(block_names())}")
        return self

    @property
    def type(self) -> str:
        """The block's type: the one key it has."""
        return next(t for t in block_names() if getattr(self, t, None) is not None)

    @property
    def value(self) -> Any:
        """What the file wrote under that key: the mapping's model, a short form's text, or `true`."""
        return getattr(self, self.type)


def block_names() -> tuple[str, ...]:
    """Every key a block may start with, as messages list them."""
    return (*block_types(), "new_page")


def _block_model() -> type[BlockBase]:
    """The block model with one optional key per registered block type, each taking the
    type's mapping or its short form."""
    fields: dict[str, Any] = {}
    for name, block in block_types().items():
        taken = block.model if block.short is None else block.short | block.model
        fields[name] = (Annotated[taken | None, block.model.key_words], None)
    fields["new_page"] = (Annotated[Literal[True, "once"] | None, Words("ny_side", "nyside")], None)
    return create_model("Block", __base__=BlockBase, **fields)


if TYPE_CHECKING:
    Block = BlockBase
else:
    Block = _block_model()


class SheetSpec(Common):
    kind: Literal["sheet"]
    blocks: Annotated[list[Block], Words("blokker", "blokk")] = Field(min_length=1, max_length=MAX_BLOCKS)
    columns: Annotated[int, Words("kolonner")] = Field(default=2, ge=1, le=MAX_COLUMNS)
    age: Annotated[
        int | None, Words("alder", hint="the writers' age in years sets the line spacing (6 or 7: 14 mm lines)")
    ] = Field(default=None, ge=4, le=99)
    color: Annotated[Text | None, Words("farge", "farga")] = None
    header: bool = True  # the title at the top of the first page
    # Print on both sides: by default when a pupil's sheet has more than one page (each
    # pupil's pages are then made even with an empty page, so no sheet shares paper).
    double_sided: bool | None = None
    pupils: Pupils = None
    # The paper of the pages after `new_page: once` (the group's poster), when not the
    # sheets' own: `poster_paper: A3` gives the pupils' sheets on A4 and the poster on A3,
    # each in a file of its own.
    poster_paper: Annotated[Literal["A5", "A4", "A3"] | None, Words("plakatpapir", "plakatark")] = None


class SheetLayout(PageKeys):
    """A sheet's page, and the sizes its blocks are set in."""

    body_size: Length = Field(default=11.0, ge=6.0, le=40.0)
    title_size: Length = Field(default=22.0, ge=8.0, le=96.0)
    line_spacing: Length = Field(default=10 * MM, ge=5 * MM, le=30 * MM)  # between writing lines
    gap: Annotated[Length, Words("avstand", "mellomrom")] = Field(default=5 * MM, ge=0, le=30 * MM)  # between blocks
    words_max: Length = Field(default=110.0, ge=20.0, le=400.0)  # the largest size of a `words` block
