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


# ---------------------------------------------------------------- a board game in Arabic


def test_a_rules_page_in_arabic_is_set_from_the_right_with_its_bullets_and_marks_on_the_right():
    from smartprint.parts.geometry import Rect
    from smartprint.parts.textpages.plan import PageFonts, Para, rules_pages

    fonts = load_fonts()
    area = Rect(40, 40, 500, 760)
    paragraphs = [
        Para("طريقة اللعب", ("rules",), "subheading"),
        Para("ارمِ النرد وحرّك قطعتك.", ("rules",)),
        Para("نقاط القوة", ("categories", 0, "name"), "hanging", mark=0),
        Para("استمع إلى من يتكلم.", ("house",), "bullet"),
    ]
    (page,) = rules_pages(
        Para("لعبة الصف", ("title",)), paragraphs, area, PageFonts(fonts.regular, fonts.bold, fonts.measure), "ar"
    )
    assert all(run.anchor == "end" and run.rtl for run in page.lines)  # each line ends at its right edge
    heading, subheading, text, category, bullet, house = page.lines
    assert heading.x == subheading.x == text.x == bullet.x == pytest.approx(area.right)
    assert bullet.text == "•" and house.x < bullet.x - fonts.measure("•", fonts.regular, bullet.size)
    (mark,) = page.marks
    assert mark.x + mark.side == pytest.approx(area.right) and category.x < mark.x  # the symbol right of its name


def test_the_board_of_an_arabic_game_starts_at_the_top_right_and_its_legend_reads_from_the_right():
    from smartprint.kinds.boardgame.board import plan_board

    def board(language: str, names: list[str]):
        return plan_board(
            width=1190.0, height=842.0, margin=30.0, title="لعبة", squares=20, categories=[0, 1] * 10,
            names=names, specials={}, special_origins={}, start="البداية", finish="النهاية",
            ends_origins=(("start",), ("finish",)), special_label="", fonts=load_fonts(), min_size=7.0,
            language=language,
        )  # fmt: skip

    arabic = board("ar", ["نقاط القوة", "التعاون"])
    start, first, *_ = arabic.squares
    assert start.rect.x > first.rect.x  # the way goes right to left first
    assert first.number_at is not None and first.number_at[0] > first.rect.x + first.rect.w / 2  # top right corner
    one, two = arabic.legend
    assert one.swatch.x > one.label.left and one.swatch.x > two.swatch.x  # a swatch right of its name, first right
    latin = board("nb", ["Egenskaper", "Samarbeid"])
    assert latin.squares[0].rect.x < latin.squares[1].rect.x and latin.legend[0].swatch.x < latin.legend[0].label.left


def test_a_question_card_in_arabic_has_its_symbol_right_of_the_category_name():
    from smartprint.parts.deck.faces import plan_front
    from smartprint.parts.deck.model import Card

    fonts = load_fonts()

    def front(language: str, group: str):
        return plan_front(
            Card(text="ما الذي تجيده؟", group=group), w=180.0, h=250.0, fonts=fonts, min_size=7.0,
            has_group=True, image_ratio=None, draw_label="", loc=("cards", 0), language=language,
        )  # fmt: skip

    arabic = front("ar", "نقاط القوة")
    assert arabic.symbol_at is not None and arabic.band_label is not None
    name_right = arabic.band_label.left + max(
        line.x + fonts.measure(line.text, line.font, line.size) for line in arabic.band_label.fitted.lines
    )
    assert arabic.symbol_at[0] - arabic.symbol_at[2] > name_right  # the symbol, then (leftwards) the name
    latin = front("nb", "Egenskaper")
    assert latin.symbol_at is not None and latin.band_label is not None
    assert latin.symbol_at[0] < latin.band_label.left


def test_an_arabic_board_game_builds_and_its_rules_page_is_inked_from_the_right(runner, tmp_path):
    """On paper: every line of the rules page (short ones, here) starts at the right margin."""
    from conftest import render, run, write

    src = write(
        tmp_path / "spill.yaml",
        """
        kind: board-game
        title: لعبة الصف
        language: ar
        squares: 20
        players: 2
        rules: ارمِ النرد وحرّك قطعتك.
        categories:
          - {name: نقاط القوة, questions: [ما الذي تجيده؟, متى كنت شجاعًا؟]}
          - {name: التعاون, questions: [كيف تساعد صديقًا؟, كيف يشارك الجميع؟]}
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "spill.pdf"))
    assert result.exit_code == 0, result.output
    page = render(tmp_path / "spill-a4.pdf", 0, dpi=30)
    pixels = page.load()
    top = page.height * 2 // 5  # the heading, the rules, the categories and the house rules
    inked = [x for x in range(page.width) for y in range(top) if pixels[x, y] < 140]
    assert min(inked) > page.width * 0.2 and max(inked) > page.width * 0.85, (min(inked), max(inked), page.width)


@pytest.mark.parametrize("language", ["ar", "nb"])
def test_a_special_squares_mark_and_its_number_share_no_corner(language: str) -> None:
    """Right to left the numbers stand in the top right corner, where the "!" of a special
    square stood: on an Arabic board the two were drawn on top of each other."""
    from smartprint.kinds.boardgame.board import plan_board

    face = plan_board(
        width=1190.0, height=842.0, margin=30.0, title="لعبة", squares=20, categories=[0, 1] * 10,
        names=["أ", "ب"], specials={6: "Flytt to ruter fram."}, special_origins={6: ("specials", 0)},
        start="البداية", finish="النهاية", ends_origins=(("start",), ("finish",)), special_label="!",
        fonts=load_fonts(), min_size=7.0, language=language,
    )  # fmt: skip
    special = next(s for s in face.squares if s.number == 6)
    assert special.mark_at is not None and special.number_at is not None
    cx, _, r = special.mark_at
    x, _, size = special.number_at
    number_right = x + size * 0.7  # a one-digit number in bold
    assert cx + r < x or cx - r > number_right, (special.mark_at, special.number_at)
    assert all(s.mark_at is None for s in face.squares if s.number != 6)
