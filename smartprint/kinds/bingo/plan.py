"""The bingo plan: which prompt stands in which square of which sheet. Pure data.

Guarantees, checked here before anything is drawn:

* every sheet differs from every other (as an arrangement of squares);
* in `called` mode no two sheets share a complete line (row, column or diagonal,
  taken as the set of its prompts), so one call never completes the same line on
  two sheets;
* asking for more sheets than can exist is refused with a proven upper bound, and
  asking for more than the search reaches is refused with the number it reached.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import comb, perm
from typing import Literal

Mode = Literal["people", "called"]
Sheet = tuple[int | None, ...]  # prompt index per square, row by row; None is the free centre

ATTEMPTS_PER_SHEET = 60
REPAIR_STEPS = 400


def centre(grid: int) -> int:
    return (grid * grid) // 2


def squares_to_fill(grid: int, free: bool) -> int:
    return grid * grid - (1 if free else 0)


def line_cells(grid: int) -> list[tuple[int, ...]]:
    """Rows, columns and both diagonals as tuples of square indices."""
    rows = [tuple(r * grid + c for c in range(grid)) for r in range(grid)]
    cols = [tuple(r * grid + c for r in range(grid)) for c in range(grid)]
    diagonals = [tuple(i * grid + i for i in range(grid)), tuple(i * grid + grid - 1 - i for i in range(grid))]
    return rows + cols + diagonals


def _line_sizes(grid: int, free: bool) -> dict[int, int]:
    """How many lines of each prompt count one sheet has (a line through the free centre has one fewer)."""
    sizes: dict[int, int] = {}
    for cells in line_cells(grid):
        k = len(cells) - (1 if free and centre(grid) in cells else 0)
        sizes[k] = sizes.get(k, 0) + 1
    return sizes


def max_sheets(n_prompts: int, grid: int, free: bool, mode: Mode) -> int:
    """A proven upper bound on how many sheets the guarantees allow.

    people: the number of different arrangements, n!/(n-k)!.
    called: each sheet needs its own lines; there are only C(n, k) different sets of k
    prompts, and a sheet uses `m` of them for each line size k, so sheets ≤ C(n, k) // m."""
    k = squares_to_fill(grid, free)
    if n_prompts < k:
        return 0
    if mode == "people":
        return perm(n_prompts, k)
    return min(comb(n_prompts, size) // count for size, count in _line_sizes(grid, free).items())


class TooFewPrompts(ValueError):
    def __init__(self, needed: int):
        self.needed = needed
        super().__init__(needed)


@dataclass
class TooManySheets(ValueError):
    asked: int
    reached: int  # what the search found
    bound: int  # what is provably possible at most

    @property
    def proven(self) -> bool:
        return self.asked > self.bound


def _as_sheet(cells: list[int], grid: int, free: bool) -> Sheet:
    if not free:
        return tuple(cells)
    mid = centre(grid)
    return tuple(cells[:mid]) + (None,) + tuple(cells[mid:])


def _line_keys(sheet: Sheet, lines: Sequence[tuple[int, ...]]) -> list[int]:
    """Each line as a bit set of its prompts: order inside a line does not matter."""
    keys = []
    for cells in lines:
        key = 0
        for cell in cells:
            p = sheet[cell]
            if p is not None:
                key |= 1 << p
        keys.append(key)
    return keys


def make_sheets(
    n_prompts: int,
    grid: int,
    free: bool,
    count: int,
    seed: int,
    mode: Mode,
    progress: Callable[[int], None] | None = None,
) -> list[Sheet]:
    """`count` sheets that keep the guarantees, the same for the same arguments."""
    k = squares_to_fill(grid, free)
    if n_prompts < k:
        raise TooFewPrompts(k)
    bound = max_sheets(n_prompts, grid, free, mode)
    if count > bound:
        raise TooManySheets(count, 0, bound)
    rng = random.Random(seed)
    sheets: list[Sheet] = []
    seen: set[Sheet] = set()
    lines = line_cells(grid)
    used_lines: set[int] = set()
    for number in range(count):
        sheet = _new_sheet(
            rng, n=n_prompts, k=k, grid=grid, free=free, mode=mode, seen=seen, used_lines=used_lines, lines=lines
        )
        if sheet is None:
            raise TooManySheets(count, number, bound)
        sheets.append(sheet)
        seen.add(sheet)
        if mode == "called":
            used_lines.update(_line_keys(sheet, lines))
        if progress is not None:
            progress(number + 1)
    return sheets


def _new_sheet(
    rng: random.Random,
    *,
    n: int,
    k: int,
    grid: int,
    free: bool,
    mode: Mode,
    seen: set[Sheet],
    used_lines: set[int],
    lines: list[tuple[int, ...]],
) -> Sheet | None:
    for _ in range(ATTEMPTS_PER_SHEET):
        cells = rng.sample(range(n), k)
        if mode == "people":
            sheet = _as_sheet(cells, grid, free)
            if sheet not in seen:
                return sheet
            continue
        repaired = _repair(rng, cells, n, grid, free, used_lines, lines)
        if repaired is not None:
            return repaired
    return None


def _repair(
    rng: random.Random,
    cells: list[int],
    n: int,
    grid: int,
    free: bool,
    used_lines: set[int],
    lines: list[tuple[int, ...]],
) -> Sheet | None:
    """Local search: while some line of the sheet is taken by an earlier sheet, swap one
    of its squares with another square (or bring in a prompt the sheet does not use)."""
    mid = centre(grid)
    unused = list(set(range(n)) - set(cells)) if n > len(cells) else []
    for _ in range(REPAIR_STEPS):
        sheet = _as_sheet(cells, grid, free)
        keys = _line_keys(sheet, lines)
        clashes = [i for i, key in enumerate(keys) if key in used_lines]
        if not clashes:
            return sheet
        line = lines[rng.choice(clashes)]
        square = rng.choice([c for c in line if not (free and c == mid)])
        index = square - (1 if free and square > mid else 0)  # index into `cells`
        if unused and rng.random() < 0.5:
            j = rng.randrange(len(unused))
            cells[index], unused[j] = unused[j], cells[index]
        else:
            other = rng.randrange(len(cells))
            cells[index], cells[other] = cells[other], cells[index]
    return None


def call_order(n_prompts: int, seed: int) -> list[int]:
    """The order a leader calls the prompts in, shuffled with the sheets' seed."""
    order = list(range(n_prompts))
    random.Random(f"calls-{seed}").shuffle(order)
    return order


def first_full_line(sheets: Sequence[Sheet], order: Sequence[int], grid: int) -> list[list[int]]:
    """For each call (0-based), the sheet numbers (1-based) whose first full line is
    completed by that call: from then on they can call bingo."""
    position = {prompt: i for i, prompt in enumerate(order)}
    out: list[list[int]] = [[] for _ in order]
    lines = line_cells(grid)
    for number, sheet in enumerate(sheets, start=1):
        best = min(max(position[p] for p in (sheet[c] for c in cells) if p is not None) for cells in lines)
        out[best].append(number)
    return out


def default_seed(prompts: Sequence[str], grid: int, free: bool, mode: Mode) -> int:
    """A stable four-digit code from what decides the sheets (the prompts, the grid, a
    free centre, the mode), so a file without `seed:` prints the same sheets every time
    and a reprint code stays valid when only the title or the instructions change."""
    import zlib

    key = "\n".join([*prompts, str(grid), str(free), mode]).encode("utf-8")
    return zlib.crc32(key) % 9000 + 1000
