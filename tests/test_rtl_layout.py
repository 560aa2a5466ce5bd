"""A material written right to left is laid out as its reader reads: checked in the
planned coordinates (pure data, no PDF), against the same blocks in bokmål.

Sheet blocks: a checklist's tick box stands right of its item and its columns fill from
the right; a table's first column is the rightmost; a box's numbers and a `words`
block's numbers stand at the right end of their lines; the line to sign on stands at
the right; the pupil's name at a page's foot stays on the page."""

from __future__ import annotations

import pytest

from smartprint.kinds.sheet.blocks import block_types
from smartprint.kinds.sheet.blocks.box import BoxBlock
from smartprint.kinds.sheet.blocks.checklist import ChecklistBlock
from smartprint.kinds.sheet.blocks.sign import SignBlock
from smartprint.kinds.sheet.blocks.table import TableBlock
from smartprint.kinds.sheet.blocks.text import TextBlock
from smartprint.kinds.sheet.blocks.words import WordsBlock
from smartprint.kinds.sheet.page import BlockIn, Ctx, Entry, Item, RuleItem, SheetStyle, TextItem, TickItem, VRule
from smartprint.kinds.sheet.plan import Area, plan_sheet
from smartprint.resolve.fonts import load_fonts

STYLE = SheetStyle(11.0, 22.0, 28.0, 14.0, 7.0, 110.0, (0.2, 0.3, 0.6))
X, WIDTH = 40.0, 500.0


def _placed(block: BlockIn, language: str) -> list[Item]:
    """A block planned at (X, 800), WIDTH wide, in a sheet written in `language`."""
    ctx = Ctx(STYLE, load_fonts(), None, None, language)
    measured = block_types()[block.type].plan(ctx, block, WIDTH)
    return measured.place(X, 800.0, WIDTH, measured.height)


def _text_x(item: TextItem) -> float:
    """Where the ink of a text item's first line starts."""
    return item.box.left + item.box.fitted.lines[0].x


def _texts(items: list[Item]) -> list[TextItem]:
    return [item for item in items if isinstance(item, TextItem)]


@pytest.mark.parametrize(
    "language, items",
    [("ar", ["الإبداع", "الحكمة", "الشجاعة", "الصدق"]), ("nb", ["Mot", "Humor", "Glede", "Ærlighet"])],
)
def test_a_checklist_in_arabic_has_its_tick_boxes_right_of_the_items_and_fills_from_the_right(language, items):
    data = ChecklistBlock(items=items, columns=2)
    entries = tuple(Entry(text, ("blocks", 0, "checklist", "items", k), own=True) for k, text in enumerate(items))
    placed = _placed(BlockIn(0, "checklist", data, 1, entries), language)
    ticks = [item.rect for item in placed if isinstance(item, TickItem)]
    labels = _texts(placed)
    first_tick, first_label = ticks[0], labels[0]
    if language == "ar":
        assert first_tick.x > _text_x(first_label)  # the box after the item, read from the right
        assert first_tick.x == max(t.x for t in ticks)  # the first column is the rightmost
        assert first_tick.x + first_tick.w == pytest.approx(X + WIDTH)
    else:
        assert first_tick.x < _text_x(first_label) and first_tick.x == pytest.approx(X)


def test_a_table_in_arabic_has_its_first_column_on_the_right():
    data = TableBlock(headers=["الاسم", "التاريخ", "ملاحظة"], rows=2)
    placed = _placed(BlockIn(0, "table", data, 1), "ar")
    heads = _texts(placed)
    assert _text_x(heads[0]) > _text_x(heads[1]) > _text_x(heads[2])
    # the first column (twice as wide) fills the right half: no rule between columns in it
    assert max(item.x for item in placed if isinstance(item, VRule)) == pytest.approx(X + WIDTH / 2)


def test_numbers_and_the_line_to_sign_on_stand_at_the_right_in_arabic():
    box = _placed(BlockIn(0, "box", BoxBlock(title="كلمات", lines=2, numbered=True), 1), "ar")
    number = _texts(box)[1]  # after the title
    rule = next(item for item in box if isinstance(item, RuleItem))
    assert _text_x(number) > rule.x1 and rule.x0 == pytest.approx(X + STYLE.pad)
    words = _placed(BlockIn(0, "words", WordsBlock(title="كلماتنا", count=2), 1), "ar")
    number = _texts(words)[1]
    rule = next(item for item in words if isinstance(item, RuleItem))
    assert _text_x(number) > rule.x1 and rule.x0 == pytest.approx(X)
    sign = _placed(BlockIn(0, "sign", SignBlock(role="معلّم الصف"), 1), "ar")
    rule = next(item for item in sign if isinstance(item, RuleItem))
    assert rule.x1 == pytest.approx(X + WIDTH) and rule.x0 > X


def test_the_pupils_name_at_the_foot_of_an_arabic_page_stays_on_the_page():
    """A page without a name field carries the pupil's name at its foot, at the right."""
    blocks = [BlockIn(0, "text", TextBlock(body="نص قصير"), 1)]
    (page,) = plan_sheet(
        blocks, columns=1, area=Area(X, 50, WIDTH, 750), style=STYLE, fonts=load_fonts(), title=None,
        name="Ida Hansen", pupil=0, footer="Ida Hansen", language="ar",
    )  # fmt: skip
    fonts = load_fonts()
    (foot,) = [item for item in _texts(page.items) if item.box.fitted.lines[0].text == "Ida Hansen"]
    line = foot.box.fitted.lines[0]
    right = foot.box.left + line.x + fonts.measure(line.text, line.font, line.size)
    assert right == pytest.approx(X + WIDTH)
