"""Bingo plans: every sheet differs; in called mode no two sheets share a complete line."""

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartprint.kinds.bingo.plan import (
    TooFewPrompts,
    TooManySheets,
    call_order,
    centre,
    first_full_line,
    line_cells,
    make_sheets,
    max_sheets,
    squares_to_fill,
)


def line_sets(sheet, grid):
    return [frozenset(sheet[c] for c in cells if sheet[c] is not None) for cells in line_cells(grid)]


def shared_lines(sheets, grid) -> int:
    seen, clashes = set(), 0
    for sheet in sheets:
        for line in line_sets(sheet, grid):
            if line in seen:
                clashes += 1
            seen.add(line)
    return clashes


def test_thousand_people_sheets_from_24_prompts_are_pairwise_different():
    sheets = make_sheets(24, 5, True, 1000, seed=2024, mode="people")
    assert len(sheets) == 1000 and len(set(sheets)) == 1000
    for sheet in sheets:
        assert sheet[centre(5)] is None
        prompts = [p for p in sheet if p is not None]
        assert sorted(prompts) == list(range(24))  # each prompt once


def repeated_sheets(sheets) -> list[tuple[int, int]]:
    """Pairs of sheet numbers (1-based) whose grids are the same square by square: the
    sheets a teacher would find identical (prompts are distinct texts, so an index per
    square is the text in it)."""
    first: dict[tuple, int] = {}
    pairs = []
    for number, sheet in enumerate(sheets, start=1):
        grid = tuple(sheet)
        if grid in first:
            pairs.append((first[grid], number))
        else:
            first[grid] = number
    return pairs


@pytest.mark.parametrize(
    "n, grid, free, count, seed",
    [
        (8, 3, True, 1000, 1),  # 8! = 40,320 grids: 1,000 random sheets repeat about 12 times
        (9, 3, False, 3000, 2),  # 9! = 362,880 grids: 3,000 random sheets repeat about 12 times
        (8, 3, True, 20_000, 3),  # the most a file may ask for: half of all the grids there are
    ],
)
def test_people_sheets_from_few_prompts_are_pairwise_different(n, grid, free, count, seed):
    """Few prompts, many sheets: here random sheets DO repeat (see the numbers), so only
    the plan's check keeps every sheet different from every other."""
    sheets = make_sheets(n, grid, free, count, seed=seed, mode="people")
    assert len(sheets) == count
    assert repeated_sheets(sheets) == []
    for sheet in sheets:
        assert len(sheet) == grid * grid
        assert (sheet[centre(grid)] is None) == free
        used = [p for p in sheet if p is not None]
        assert len(used) == squares_to_fill(grid, free) == len(set(used)) and all(0 <= p < n for p in used)


def test_random_sheets_from_few_prompts_do_repeat():
    """The numbers above are real: as many sheets drawn at random, without the check, repeat."""
    import random

    rng = random.Random(1)
    drawn = [tuple(rng.sample(range(8), 8)) for _ in range(1000)]
    assert len(repeated_sheets(drawn)) > 0


def test_same_seed_same_sheets_other_seed_other_sheets():
    a = make_sheets(30, 5, True, 50, seed=7, mode="people")
    assert a == make_sheets(30, 5, True, 50, seed=7, mode="people")
    assert a != make_sheets(30, 5, True, 50, seed=8, mode="people")


def test_random_sheets_do_clash_so_the_guarantee_is_real():
    """Sheets drawn at random from a small pool share lines; called mode must not."""
    random_sheets = make_sheets(24, 5, True, 100, seed=1, mode="people")
    assert shared_lines(random_sheets, 5) > 0
    called = make_sheets(24, 5, True, 100, seed=1, mode="called")
    assert shared_lines(called, 5) == 0


def test_thousand_called_sheets_from_24_prompts_share_no_line():
    sheets = make_sheets(24, 5, True, 1000, seed=2024, mode="called")
    assert len(set(sheets)) == 1000
    assert shared_lines(sheets, 5) == 0


@settings(max_examples=40, deadline=None)
@given(
    grid=st.integers(3, 5),
    free=st.booleans(),
    extra=st.integers(0, 8),
    seed=st.integers(0, 10**9),
    share=st.integers(2, 6),
)
def test_called_sheets_never_share_a_line(grid, free, extra, seed, share):
    free = free and grid % 2 == 1
    n = squares_to_fill(grid, free) + extra
    bound = max_sheets(n, grid, free, "called")
    count = max(1, min(120, bound // share))
    try:
        sheets = make_sheets(n, grid, free, count, seed, "called")
    except TooManySheets as exc:  # allowed only for tight pools, and never below a few sheets
        assert not exc.proven and exc.reached >= 1
        return
    assert len(sheets) == count
    assert shared_lines(sheets, grid) == 0
    for sheet in sheets:
        used = [p for p in sheet if p is not None]
        assert len(used) == len(set(used)) and all(0 <= p < n for p in used)


def test_three_by_three_from_nine_cannot_give_twenty():
    assert max_sheets(9, 3, False, "called") == 10  # C(9,3) = 84 triples, 8 lines a sheet
    with pytest.raises(TooManySheets) as err:
        make_sheets(9, 3, False, 20, seed=1, mode="called")
    assert err.value.proven and err.value.bound == 10


def test_search_reports_what_it_reached_below_the_bound():
    with pytest.raises(TooManySheets) as err:
        make_sheets(9, 3, False, 10, seed=1, mode="called")
    assert not err.value.proven and 1 <= err.value.reached < 10


def test_too_few_prompts():
    with pytest.raises(TooFewPrompts) as err:
        make_sheets(20, 5, True, 1, seed=1, mode="people")
    assert err.value.needed == 24


def test_people_bound_is_the_number_of_arrangements():
    assert max_sheets(9, 3, False, "people") == 362880
    assert max_sheets(8, 3, True, "people") == 40320


def test_first_full_line_matches_a_slow_simulation():
    sheets = make_sheets(16, 4, False, 40, seed=3, mode="called")
    order = call_order(16, seed=3)
    winners = first_full_line(sheets, order, 4)
    assert sorted(n for group in winners for n in group) == list(range(1, 41))
    for call, numbers in enumerate(winners):
        called = set(order[: call + 1])
        before = set(order[:call])
        for number in numbers:
            lines = line_sets(sheets[number - 1], 4)
            assert any(line <= called for line in lines)
            assert not any(line <= before for line in lines)


def test_pairwise_check_is_not_fooled_by_hashing():
    sheets = make_sheets(25, 5, False, 200, seed=11, mode="people")
    assert all(a != b for a, b in combinations(sheets, 2))
