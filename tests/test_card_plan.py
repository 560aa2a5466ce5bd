"""The card plan: every card once on a front and once behind it on the back."""

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartprint.kinds import get_kind
from smartprint.parts.deck.impose import impose as impose_on
from smartprint.resolve.layout import load_layout, locate

CARDS = get_kind("cards")
BASE_LAYOUT = load_layout(locate("kort-63x88", Path.cwd()), CARDS)
BASE, PAGE = BASE_LAYOUT.geometry, BASE_LAYOUT.page


def impose(count, geometry, page=PAGE):
    return impose_on(count, geometry, page)


def test_seven_cards_lone_card_back_sits_in_right_column():
    pages = impose(7, BASE)
    assert [p.side for p in pages] == ["front", "back"]
    front, back = pages
    lone_front = next(p for p in front.placements if p.card == 6)
    lone_back = next(p for p in back.placements if p.card == 6)
    columns = sorted({round(p.rect.x, 3) for p in front.placements})
    assert round(lone_front.rect.x, 3) == columns[0]  # left column on the front
    assert round(lone_back.rect.x, 3) == columns[-1]  # right column on the back
    assert lone_back.rect.y == pytest.approx(lone_front.rect.y)  # same row


@settings(max_examples=150, deadline=None)
@given(
    count=st.integers(1, 60),
    cols=st.integers(1, 3),
    rows=st.integers(1, 3),
    flip=st.sampled_from(["duplex-long", "duplex-short"]),
    landscape=st.booleans(),
)
def test_every_back_is_exactly_behind_its_front(count, cols, rows, flip, landscape):
    layout = replace(BASE, cols=cols, rows=rows, backs=flip)
    page = replace(PAGE, width=PAGE.height, height=PAGE.width) if landscape else PAGE
    pages = impose(count, layout, page)
    fronts = [p for p in pages if p.side == "front"]
    backs = [p for p in pages if p.side == "back"]
    assert [p.side for p in pages] == ["front", "back"] * len(fronts)
    assert sorted(pl.card for p in fronts for pl in p.placements) == list(range(count))
    long_is_vertical = page.height >= page.width
    mirror_x = (flip == "duplex-long") == long_is_vertical
    for f, b in zip(fronts, backs):
        assert f.sheet == b.sheet
        for pf, pb in zip(f.placements, b.placements):
            assert pf.card == pb.card
            if mirror_x:
                assert pb.rect.x == pytest.approx(page.width - pf.rect.x - pf.rect.w)
                assert pb.rect.y == pytest.approx(pf.rect.y)
            else:
                assert pb.rect.y == pytest.approx(page.height - pf.rect.y - pf.rect.h)
                assert pb.rect.x == pytest.approx(pf.rect.x)


def test_back_offset_shifts_backs_only():
    shifted = replace(BASE, offset_x=2.0, offset_y=-1.0)
    plain, moved = impose(3, BASE), impose(3, shifted)
    assert plain[0] == moved[0]
    for a, b in zip(plain[1].placements, moved[1].placements):
        assert (b.rect.x - a.rect.x, b.rect.y - a.rect.y) == pytest.approx((2.0, -1.0))


def test_fold_puts_back_beside_front_on_one_page():
    layout = load_layout(locate("kort-63x88-brett", Path.cwd()), CARDS)
    pages = impose(5, layout.geometry, layout.page)
    assert [p.side for p in pages] == ["fold", "fold"]
    for page in pages:
        for p in page.placements:
            assert p.back_rect.x == pytest.approx(p.rect.right)


def test_no_backs_gives_fronts_only():
    pages = impose(10, replace(BASE, backs="none"))
    assert [p.side for p in pages] == ["front", "front"]
