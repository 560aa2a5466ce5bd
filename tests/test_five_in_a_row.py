"""Fem på rad: balanced boards where no entry touches itself, different and reproducible,
with markers and question cards whose backs lie behind their fronts."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from conftest import run
from smartprint.kinds.fiveinarow.fill import TooFewEntries, make_boards

ENTRIES = ["Mot", "Omsorg", "Humor", "Ærlighet", "Samarbeid", "Respekt", "Glede", "Håp", "Ro", "Lek"]


def touching_pairs(grid: int) -> list[tuple[int, int]]:
    """Every pair of squares that touch, worked out here (not with fill.neighbours, which
    is what is under test): side by side, one above the other, and corner to corner in
    both diagonal directions. Squares are numbered row by row."""
    pairs = []
    for row in range(grid):
        for col in range(grid):
            for down, across in ((0, 1), (1, 0), (1, 1), (1, -1)):  # right, below, below-right, below-left
                r, c = row + down, col + across
                if 0 <= r < grid and 0 <= c < grid:
                    pairs.append((row * grid + col, r * grid + c))
    return pairs


def same_entry_touching(board, grid: int) -> list[tuple[int, int]]:
    """The touching pairs of squares that hold the same entry (the rule: none)."""
    return [(i, j) for i, j in touching_pairs(grid) if board[i] == board[j]]


def assert_keeps_the_rules(boards, entries: int, grid: int) -> None:
    """fill.py's promises, checked from the boards alone: no entry on two touching squares
    (diagonals included), every entry a balanced number of times, every board different."""
    for number, board in enumerate(boards, start=1):
        assert len(board) == grid * grid and all(0 <= e < entries for e in board)
        touching = same_entry_touching(board, grid)
        assert touching == [], f"board {number}: the same entry on touching squares {touching}"
        counts = Counter(board)
        if entries < grid * grid:
            assert len(counts) == entries, f"board {number}: not every entry is used"
            assert max(counts.values()) - min(counts.values()) <= 1, f"board {number}: unbalanced {counts}"
        else:
            assert max(counts.values()) == 1, f"board {number}: an entry twice though there are enough"
    repeats = [(a + 1, b + 1) for a, b in combinations(range(len(boards)), 2) if boards[a] == boards[b]]
    assert repeats == [], f"boards that are the same: {repeats[:10]}"


@pytest.mark.parametrize("grid", [1, 2, 3, 5, 7, 10])
def test_the_touching_pairs_of_the_test_itself(grid):
    """The oracle is right: a grid has g(g-1) pairs side by side, as many above each
    other, and (g-1)² corner to corner in each diagonal direction; a middle square
    touches 8 others, a corner square 3."""
    pairs = touching_pairs(grid)
    assert len(pairs) == len(set(pairs)) == 2 * grid * (grid - 1) + 2 * (grid - 1) ** 2
    if grid >= 3:
        around = Counter(i for pair in pairs for i in pair)
        assert around[grid + 1] == 8 and around[0] == 3 and around[grid * grid - 1] == 3
        assert (0, grid + 1) in pairs and (1, grid) in pairs  # both diagonals


def test_the_oracle_sees_a_repeat_on_a_diagonal():
    # 0 1 / 1 0: no repeat side by side or above each other, two corner to corner
    assert same_entry_touching((0, 1, 1, 0), 2) == [(0, 3), (1, 2)]
    assert same_entry_touching((0, 1, 2, 3), 2) == []


@settings(max_examples=60, deadline=None)
@given(grid=st.integers(5, 10), entries=st.integers(1, 70), seed=st.integers(0, 10_000))
def test_boards_are_balanced_and_no_entry_touches_itself(grid, entries, seed):
    try:
        boards = make_boards(entries, grid, 3, seed)
    except TooFewEntries as exc:
        assert exc.needed > entries and entries <= 6
        return
    assert len(boards) == 3
    assert_keeps_the_rules(boards, entries, grid)
    assert boards == make_boards(entries, grid, 3, seed)


@pytest.mark.parametrize(
    "entries, grid, count",
    [
        (4, 6, 30),  # four entries leave few boards: without the check about 1 in 3 repeats an earlier one
        (5, 5, 200),  # five on 5 × 5: a few repeats in 200 without the check
        (5, 6, 100),
        (8, 5, 60),  # the random search with repairs, where diagonal repeats appear first
        (12, 10, 30),
    ],
)
def test_many_boards_from_few_entries_keep_every_rule(entries, grid, count):
    """Where the rules bite: few entries, many boards. Built from these same arguments
    without the distinctness check, about a third of the boards repeat an earlier board."""
    boards = make_boards(entries, grid, count, seed=7)
    assert len(boards) == count
    assert_keeps_the_rules(boards, entries, grid)


def _deck(tmp_path, **extra):
    body = {
        "kind": "five-in-a-row",
        "title": "Fem på rad",
        "grid": 7,
        "boards": 3,
        "seed": 5,
        "entries": ENTRIES,
        "questions": ["Når var du modig?", "Hvem hjalp deg?"],
        "blank_cards": 1,
        **extra,
    }
    import yaml

    path = tmp_path / "f.yaml"
    path.write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    return path


def _cells(pdf, page_index, plan):
    """The text in each square of a board page, read from the PDF's character positions."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[page_index]
        text = page.get_textpage()
        g, side, grid = plan.face.grid, plan.face.side, plan.job.spec.grid
        cells: dict[int, str] = {}
        for i in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(i)
            x, y = (left + right) / 2, (bottom + top) / 2
            if g.x < x < g.right and g.y < y < g.top:
                cell = int((g.top - y) // side) * grid + int((x - g.x) // side)
                cells[cell] = cells.get(cell, "") + text.get_text_range(i, 1)
        # a word hyphenated over two lines reads back whole (PDFium marks the break as U+FFFE)
        return {k: "".join(v.split()).replace("\ufffe", "") for k, v in cells.items()}
    finally:
        doc.close()


def test_a_seven_by_seven_board_from_ten_entries_in_the_pdf(runner, tmp_path):
    from smartprint.pipeline import plan, prepare

    src = _deck(tmp_path)
    out = tmp_path / "f.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    built = plan(prepare(str(src)))
    for number in range(3):
        cells = _cells(out, number * 2, built.plan)  # each board is followed by its empty back
        assert sorted(cells) == list(range(49))
        counts = Counter(cells.values())
        assert set(counts) == {e.replace(" ", "") for e in ENTRIES}
        assert set(counts.values()) <= {4, 5}
        assert same_entry_touching(cells, 7) == [], f"board {number + 1}"
    texts = [_cells(out, k, built.plan) for k in (0, 2, 4)]
    assert texts[0] != texts[1] and texts[0] != texts[2] and texts[1] != texts[2]


def test_same_seed_same_bytes_and_only_reprints_a_board(runner, tmp_path):
    src = _deck(tmp_path)
    a, b, only = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "o.pdf"
    assert run(runner, "build", str(src), "-o", str(a)).exit_code == 0
    assert run(runner, "build", str(src), "-o", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    assert run(runner, "build", str(src), "-o", str(only), "--only", "2").exit_code == 0
    full, single = PdfReader(str(a)), PdfReader(str(only))
    assert single.pages[0].get_contents().get_data() == full.pages[2].get_contents().get_data()
    assert "Brett 2 av 3 · kode 5" in " ".join(single.pages[0].extract_text().split())


def test_question_card_backs_lie_behind_their_fronts(tmp_path):
    from smartprint.pipeline import plan, prepare

    deck = plan(prepare(str(_deck(tmp_path)))).plan.questions
    assert deck is not None and len(deck.expanded) == 3 * 3  # a deck of 3 cards for each of the 3 boards
    page = deck.page
    fronts = [p for p in deck.pages if p.side == "front"]
    backs = [p for p in deck.pages if p.side == "back"]
    assert len(fronts) == len(backs) == 2
    for front, back in zip(fronts, backs):
        for f, b in zip(front.placements, back.placements):
            assert f.card == b.card
            # landscape A4, flipped on the long edge: top and bottom swap, left and right stay
            assert b.rect.x == pytest.approx(f.rect.x)
            assert b.rect.y == pytest.approx(page.height - f.rect.y - f.rect.h)


def test_too_few_entries_says_how_many_are_needed(runner, tmp_path):
    src = _deck(tmp_path, entries=["Mot", "Omsorg", "Humor"])
    result = run(runner, "build", str(src), "-o", str(tmp_path / "f.pdf"))
    assert result.exit_code == 1
    assert re.search(r"f\.yaml:\d+:\d+: there are 3 entries; .* needs at least 4; add 1 more", result.output)


def test_markers_for_two_teams_enough_for_a_full_board_for_every_board(runner, tmp_path):
    out = tmp_path / "f.pdf"
    result = run(runner, "build", str(_deck(tmp_path)), "-o", str(out))
    assert result.exit_code == 0
    assert "markers (3 sets, one per board)" in result.output and "9 question cards (3 sets of 3" in result.output
    texts = [" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages]
    marker_pages = [t for t in texts if t.startswith("Brikker, ett sett til hvert brett")]
    assert marker_pages and "Lag 1 har runde brikker, lag 2 firkantede" in marker_pages[0]
    numbers = [n for t in marker_pages for n in t.split("firkantede.", 1)[1].split()]
    assert numbers.count("1") == numbers.count("2") == 3 * 25  # 7 × 7 squares: 25 a team, for 3 boards


def test_markers_stand_in_a_grid_that_straight_cuts_part():
    """Every marker's cell is bounded by cut lines that run right across the grid (no
    marker cut out on its own), sets are not split, and nothing is dropped."""
    from smartprint.kinds.fiveinarow.markers import plan_markers
    from smartprint.resolve.layout import Page
    from smartprint.resolve.units import MM

    page = Page("brett-a4", None, 297 * MM, 210 * MM, 10 * MM, 7.0, False, None)  # type: ignore[arg-type]
    for grid, sets in ((5, 1), (7, 4), (10, 6)):
        pages = plan_markers(
            page=page, grid=grid, square_side=25 * MM, regular="R", bold="B", heading="h", language="nb", sets=sets
        )
        per_team = -(-grid * grid // 2)
        markers = [m for p in pages for m in p.markers]
        assert [m.team for m in markers].count(0) == [m.team for m in markers].count(1) == per_team * sets
        for p in pages:
            xs = sorted({round(c[0], 3) for c in p.cuts if c[0] == c[2]})
            ys = sorted({round(c[1], 3) for c in p.cuts if c[1] == c[3]})
            grid_left, grid_right, grid_bottom, grid_top = xs[0], xs[-1], ys[0], ys[-1]
            for cut in p.cuts:  # a cut runs right across the grid
                x0, y0, x1, y1 = (round(v, 3) for v in cut)
                assert (x0, x1) == (grid_left, grid_right) or (y0, y1) == (grid_bottom, grid_top)
            for m in p.markers:
                half = m.size / 2
                assert round(m.cx - half, 3) in xs and round(m.cx + half, 3) in xs
                assert round(m.cy - half, 3) in ys and round(m.cy + half, 3) in ys
                assert page.margin - 0.01 <= m.cx - half and m.cx + half <= page.width - page.margin + 0.01
                assert page.margin - 0.01 <= m.cy - half


def test_the_built_in_editions_build(runner, tmp_path):
    for name in ("fem-paa-rad", "fem-paa-rad-hele-aaret"):
        result = run(runner, "build", name, "-o", str(tmp_path / f"{name}.pdf"))
        assert result.exit_code == 0, result.output


def _drawn_in_squares(pdf, face) -> dict[int, list[tuple[str, float]]]:
    """The strings painted inside each square of the PDF's first page, top line first,
    each with its font size: the lines as drawn (one text operator each), read from the
    page's content stream, not text extraction that joins a hyphenated word again."""
    g, side = face.grid, face.side
    grid = round(g.w / side)
    drawn: list[tuple[float, float, str, float]] = []

    def note(text, cm, tm, font, size):
        if text.strip():
            drawn.append((tm[5], tm[4], text.strip(), size * tm[0]))

    PdfReader(str(pdf)).pages[0].extract_text(visitor_text=note)
    cells: dict[int, list[tuple[str, float]]] = {}
    for y, x, text, size in sorted(drawn, key=lambda d: -d[0]):
        if g.x < x < g.right and g.y < y < g.top:
            cell = int((g.top - y) // side) * grid + int((x - g.x) // side)
            cells.setdefault(cell, []).append((text, size))
    return cells


def _greedy_lines(text: str, size: float, width: float, measure, font: str) -> list[str] | None:
    """The test's own oracle: `text` wrapped at its spaces to `width` at `size`, or None if
    a word alone is wider than that."""
    lines: list[str] = []
    for word in text.split():
        if measure(word, font, size) > width:
            return None
        if lines and measure(lines[-1] + " " + word, font, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _fits_whole_at(entry: str, size: float, box: float, measure, font: str) -> bool:
    """Whether `entry` fits a square's box of side `box` at `size` with no word broken: its
    lines as wrapped here, the first line's ascent, the leading between lines and the last
    line's descent (the box's model of a line, as every kind sets text)."""
    lines = _greedy_lines(entry, size, box, measure, font)
    return lines is not None and size * (0.95 + 1.25 * (len(lines) - 1) + 0.25) <= box


@pytest.mark.parametrize(
    "name, layout, language",
    [
        ("fem-paa-rad-hele-aaret", "brett-a4", "nb"),
        ("fem-paa-rad-hele-aaret", "brett-a3", "nb"),
        ("fem-paa-rad", "brett-a4", "nn"),
        ("fem-paa-rad-hele-aaret", "brett-a4", "en"),
    ],
)
def test_a_board_whose_entries_fit_whole_has_no_hyphen(name, layout, language, tmp_path):
    """The teacher's trial: "Samar-" over "beid" on a square with room to spare. When every
    entry fits a square with its words whole at some size down to the layout's smallest
    (the test's own wrap says so), no line painted on the board ends in a hyphen, every
    square holds its entry's words as written, all at one size, and the A–G letters
    beside the grid keep their size (10.2 pt on A4, as much larger on A3 as the paper)."""
    from smartprint.kinds.fiveinarow.board import STYLE
    from smartprint.pipeline import Options, build

    out = tmp_path / "b.pdf"
    _written, built = build(name, Options(layout=layout, language=language, only=(1,)), out)
    plan, page, fonts = built.plan, built.plan.job.page, built.plan.job.fonts
    box = plan.face.side * (1 - 2 * STYLE.square_inset)
    entries = plan.job.spec.entries
    assert any(len(e) >= 9 for e in entries)  # words long enough to have been broken before
    assert all(_fits_whole_at(e, page.min_text_size, box, fonts.measure, fonts.regular) for e in entries)
    cells = _drawn_in_squares(out, plan.face)
    assert sorted(cells) == list(range(49))
    for cell, lines in cells.items():
        texts = [text for text, _ in lines]
        assert not any(t.endswith(("-", "\u00ad")) for t in texts), (cell, texts)
        assert " ".join(texts) == entries[plan.boards[0][cell]]
    sizes = {round(size, 2) for lines in cells.values() for _, size in lines}
    assert len(sizes) == 1, sizes
    # as large as the words allow: one step larger, some entry would need a word broken
    step_up = sizes.pop() + 0.25
    assert not all(_fits_whole_at(e, step_up, box, fonts.measure, fonts.regular) for e in entries)
    k = max(page.width, page.height) / 842
    assert {round(run.size, 2) for run in plan.face.coordinates} == {round(10.2 * k, 2)}


def test_a_long_entry_sets_every_entry_smaller_and_is_named(runner, tmp_path):
    """One entry of many words takes every entry of the board down with it (they share one
    size, as MATERIALS.md says), is named in a warning at its place, and the letters
    and numbers beside the grid keep their size."""
    long = "Humor og glede når noen i klassen trenger å le litt"
    src = _deck(tmp_path, entries=[*ENTRIES, long], boards=1, questions=[], blank_cards=0, markers=False)
    out = tmp_path / "f.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    line = src.read_text(encoding="utf-8").splitlines().index(f"- {long}") + 1
    warned = re.search(
        rf"f\.yaml:{line}:3: warning: entry 11 «{long}» is long: it sets every entry on the board at "
        r"([\d.]+) pt, where the others would fit at ([\d.]+) pt; shorten it",
        result.output,
    )
    assert warned, result.output
    from smartprint.pipeline import plan, prepare

    face = plan(prepare(str(src))).plan.face
    cells = _drawn_in_squares(out, face)
    sizes = {round(size, 2) for lines in cells.values() for _, size in lines}
    assert sizes == {float(warned[1])} and float(warned[2]) > float(warned[1]) * 1.2
    assert not any(text.endswith("-") for lines in cells.values() for text, _ in lines)
    assert {round(run.size, 2) for run in face.coordinates} == {10.2}
    assert "warning" not in run(runner, "build", "fem-paa-rad-hele-aaret", "-o", str(tmp_path / "h.pdf")).output


def test_a_word_too_wide_for_a_square_at_the_smallest_size_is_the_only_one_broken(tmp_path):
    """Breaking is the last resort: a word wider than a square even at the layout's
    smallest size (7 pt on brett-a4) sets the board at that size and is broken at a
    syllable; every other entry stays whole."""
    from smartprint.pipeline import plan, prepare

    word = "Klassemiljøforbedringsprosjektgruppe"
    built = plan(prepare(str(_deck(tmp_path, entries=[*ENTRIES, word])))).plan
    sizes = {line.size for box in built.face.entries for line in box.fitted.lines}
    assert sizes == {built.job.page.min_text_size}
    for text, box in zip(built.job.spec.entries, built.face.entries):
        lines = [line.text for line in box.fitted.lines]
        if text == word:
            assert len(lines) >= 2 and all(t.endswith("-") for t in lines[:-1])
            assert "".join(t.removesuffix("-") for t in lines) == word
        else:
            assert " ".join(lines) == text


def test_one_word_too_long_for_a_square_is_named_when_it_takes_the_board_to_the_smallest_size(runner, tmp_path):
    """A single word can pull every entry down too: «Menneskerettighetserklæringen» takes
    the board to the smallest size, and is named (a strength word a step longer than the
    others, such as the built-ins have, is not: it cannot be shortened)."""
    word = "Menneskerettighetserklæringen"
    src = _deck(tmp_path, entries=[*ENTRIES[1:], word], boards=1, questions=[], blank_cards=0, markers=False)
    result = run(runner, "build", str(src), "-o", str(tmp_path / "f.pdf"))
    assert result.exit_code == 0, result.output
    assert re.search(rf"warning: entry 10 «{word}» is long: it sets every entry on the board at 7 pt", result.output)
    strict = run(runner, "build", str(src), "--strict", "-o", str(tmp_path / "g.pdf"))
    assert strict.exit_code == 1
    for language in ("nb", "nn", "en"):
        built = run(runner, "build", "fem-paa-rad", "--language", language, "--strict", "-o", str(tmp_path / "b.pdf"))
        assert built.exit_code == 0, built.output
