"""Filling five-in-a-row boards: which entry stands on which square. Pure data.

Guarantees, checked here before anything is drawn:

* every entry stands a balanced number of times on a board (counts differ by at most one);
* the same entry never stands on two touching squares, diagonals included;
* the boards of one build differ from each other; the seed reproduces them exactly.

A board starts as a balanced random arrangement; swaps (which keep the counts) then
remove touching pairs. Four entries are the fewest that can work: the four squares
around any corner all touch each other.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

Board = tuple[int, ...]  # entry index per square, row by row

MIN_ENTRIES = 4
STEPS = 6_000
RESTARTS = 12


class TooFewEntries(ValueError):
    def __init__(self, needed: int):
        super().__init__(needed)
        self.needed = needed


class TooManyBoards(ValueError):
    def __init__(self, reached: int):
        super().__init__(reached)
        self.reached = reached


def neighbours(grid: int) -> list[tuple[int, ...]]:
    """For each square, the squares that touch it (sides and corners)."""
    out = []
    for r in range(grid):
        for c in range(grid):
            out.append(
                tuple(
                    (r + dr) * grid + c + dc
                    for dr in (-1, 0, 1)
                    for dc in (-1, 0, 1)
                    if (dr or dc) and 0 <= r + dr < grid and 0 <= c + dc < grid
                )
            )
    return out


def clashes(board: Sequence[int], near: list[tuple[int, ...]]) -> int:
    """How many touching pairs hold the same entry."""
    return sum(1 for i, js in enumerate(near) for j in js if j > i and board[i] == board[j])


def _balanced(rng: random.Random, entries: int, squares: int) -> list[int]:
    base, extra = divmod(squares, entries)
    chosen = set(rng.sample(range(entries), extra))  # which entries stand once more
    cells = [e for e in range(entries) for _ in range(base + (1 if e in chosen else 0))]
    rng.shuffle(cells)
    return cells


def _repair(rng: random.Random, cells: list[int], near: list[tuple[int, ...]]) -> bool:
    """Swap squares until no entry touches itself (swaps keep the counts)."""
    n = len(cells)

    def bad_at(i: int) -> int:
        return sum(1 for j in near[i] if cells[j] == cells[i])

    for _ in range(STEPS):
        bad = [i for i in range(n) if bad_at(i)]
        if not bad:
            return True
        i = rng.choice(bad)
        j = rng.randrange(n)
        if cells[i] == cells[j]:
            continue
        before = bad_at(i) + bad_at(j)
        cells[i], cells[j] = cells[j], cells[i]
        after = bad_at(i) + bad_at(j)
        if after > before or (after == before and rng.random() < 0.5):
            cells[i], cells[j] = cells[j], cells[i]
    return False


PATTERNS = [(1, 2), (2, 1), (1, -2), (2, -1), (1, 3), (3, 1), (1, -3), (3, -1), (2, 3), (3, 2)]


def _pattern(rng: random.Random, entries: int, grid: int, near: list[tuple[int, ...]]) -> list[int] | None:
    """A board from a diagonal pattern (a·row + b·column) mod entries: no touching
    square shares a value when a, b, a+b and a−b are all nonzero mod the number of
    entries. Used where few entries leave little room for a random search; shuffled
    by entry, pattern and a run of swaps that keep it valid, so boards differ."""
    options = [(a, b) for a, b in PATTERNS if all(v % entries for v in (a, b, a + b, a - b))]
    rng.shuffle(options)
    for a, b in options:
        values = [(a * r + b * c) % entries for r in range(grid) for c in range(grid)]
        counts = [values.count(v) for v in range(entries)]
        if max(counts) - min(counts) > 1:
            continue
        order = list(range(entries))
        rng.shuffle(order)
        cells = [order[v] for v in values]
        for _ in range(grid * grid * 4):  # swaps that keep every square apart from its like
            i, j = rng.randrange(len(cells)), rng.randrange(len(cells))
            cells[i], cells[j] = cells[j], cells[i]
            if any(cells[k] == cells[i] for k in near[i]) or any(cells[k] == cells[j] for k in near[j]):
                cells[i], cells[j] = cells[j], cells[i]
        return cells
    return None


def make_boards(entries: int, grid: int, count: int, seed: int) -> list[Board]:
    """`count` different boards keeping the guarantees, the same for the same arguments."""
    if entries < MIN_ENTRIES:
        raise TooFewEntries(MIN_ENTRIES)
    if entries == MIN_ENTRIES and grid % 2:
        # four entries can only fill a board in 2 × 2 blocks, which an odd grid cannot share out evenly
        raise TooFewEntries(MIN_ENTRIES + 1)
    squares = grid * grid
    rng = random.Random(seed)
    near = neighbours(grid)
    boards: list[Board] = []
    seen: set[Board] = set()
    for _ in range(count):
        for _attempt in range(RESTARTS):
            if entries >= squares:
                cells = rng.sample(range(entries), squares)
                ok = True
            elif entries <= 6 and (found := _pattern(rng, entries, grid, near)) is not None:
                cells, ok = found, True
            else:
                cells = _balanced(rng, entries, squares)
                ok = _repair(rng, cells, near)
            board = tuple(cells)
            if ok and board not in seen:
                break
        else:
            if entries <= 6:
                raise TooFewEntries(entries + 1)
            raise TooManyBoards(len(boards))
        boards.append(board)
        seen.add(board)
    return boards


def default_seed(entries: Sequence[str], grid: int) -> int:
    """A four-digit code from what decides the boards (not the title)."""
    import zlib

    return zlib.crc32("\n".join([*entries, str(grid)]).encode("utf-8")) % 9000 + 1000
