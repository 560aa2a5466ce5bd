"""Units and layout files: lengths with units, extends, cycles and fit checks."""

from pathlib import Path

import pytest

from conftest import write
from smartprint.errors import UserError
from smartprint.kinds import get_kind
from smartprint.resolve.layout import load_layout as _load
from smartprint.resolve.layout import locate
from smartprint.resolve.units import MM, parse_length


@pytest.mark.parametrize(
    "text, points", [("63mm", 63 * MM), ("2.5in", 180.0), ("12pt", 12.0), ("1,5cm", 15 * MM), (0, 0.0)]
)
def test_lengths(text, points):
    assert parse_length(text) == pytest.approx(points)


def load_layout(path):
    """A card layout, flattened for these tests: page and geometry in one namespace."""
    from types import SimpleNamespace

    lay = _load(path, get_kind("cards"))
    page, geo = lay.page, lay.geometry
    return SimpleNamespace(**vars(geo), page_w=page.width, page_h=page.height, crop_marks=page.crop_marks)


@pytest.mark.parametrize("bad", [10, "10", "ten mm", "10 px", True])
def test_lengths_need_a_unit(bad):
    with pytest.raises(ValueError):
        parse_length(bad)


def test_builtin_default_layout_is_poker_3x3_on_a4():
    lay = load_layout(locate("kort-63x88", Path.cwd()))
    assert (round(lay.page_w / MM), round(lay.page_h / MM)) == (210, 297)
    assert (lay.cols, lay.rows) == (3, 3)
    assert lay.card_w == pytest.approx(63 * MM) and lay.card_h == pytest.approx(88 * MM)
    assert lay.crop_marks and lay.backs == "duplex-long"


def test_extends_merges_nested_keys(tmp_path):
    write(
        tmp_path / "mine.yaml",
        """
        extends: kort-63x88
        card: {height: 80mm}
        back_offset: {x: -1mm}
    """,
    )
    lay = load_layout(tmp_path / "mine.yaml")
    assert lay.card_w == pytest.approx(63 * MM)  # kept from the base
    assert lay.card_h == pytest.approx(80 * MM)
    assert lay.offset_x == pytest.approx(-MM)


def test_extends_cycle_names_the_files(tmp_path):
    write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\ncard: {width: 63mm, height: 88mm}\n")
    with pytest.raises(UserError) as err:
        load_layout(tmp_path / "a.yaml")
    message = str(err.value)
    assert "circle" in message and "a.yaml" in message and "b.yaml" in message
    assert message.split(":")[1].isdigit()


def test_grid_that_does_not_fit_is_an_error_at_the_grid(tmp_path):
    write(
        tmp_path / "big.yaml",
        """
        extends: kort-63x88
        grid: {cols: 4, rows: 3}
    """,
    )
    with pytest.raises(UserError) as err:
        load_layout(tmp_path / "big.yaml")
    assert str(err.value).startswith(
        f"{tmp_path / 'big.yaml'}:2:7: the cards do not fit"
    ) or ":2:7: the cards do not fit" in str(err.value)


def test_print_shop_layout_is_card_plus_bleed():
    lay = load_layout(locate("trykkeri-63x88", Path.cwd()))
    assert lay.page_is_card and not lay.crop_marks
    assert lay.page_w == pytest.approx((63 + 6) * MM)
    assert lay.page_h == pytest.approx((88 + 6) * MM)


def test_unknown_layout_suggests_a_builtin(tmp_path):
    with pytest.raises(FileNotFoundError) as err:
        locate("kort-63x89", tmp_path)
    assert "did you mean 'kort-63x88'" in str(err.value)
