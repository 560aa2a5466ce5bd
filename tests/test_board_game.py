"""Relasjonsspill (kind: board-game): a track whose consecutive squares touch and whose
categories are balanced, A4 parts that reassemble the A3 board, and the PDF: numbers
that follow the track, question decks with backs behind their fronts, and the
mistakes a teacher makes told with their place."""

from __future__ import annotations

import re
from collections import Counter

import pypdfium2 as pdfium
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import page_texts, run
from smartprint.kinds.boardgame.track import assign_categories, plan_track
from smartprint.parts.geometry import Rect
from smartprint.parts.tiling import plan_tiling
from smartprint.resolve.units import MM

A3_LANDSCAPE = (420 * MM, 297 * MM)
A4_PORTRAIT = (210 * MM, 297 * MM)
A4_LANDSCAPE = (297 * MM, 210 * MM)


def _board_area(width: float, height: float) -> Rect:
    """The room the board keeps for the track: inside 10 mm margins, below a title, above a legend."""
    return Rect(10 * MM, 40 * MM, width - 20 * MM, height - 70 * MM)


def _touch(a: Rect, b: Rect, tol: float = 0.01) -> bool:
    """Whether two equal squares share a whole edge."""
    dx, dy = abs(a.x - b.x), abs(a.y - b.y)
    return (abs(dx - a.w) < tol and dy < tol) or (abs(dy - a.h) < tol and dx < tol)


def _overlap(a: Rect, b: Rect, tol: float = 0.01) -> bool:
    return a.x < b.right - tol and b.x < a.right - tol and a.y < b.top - tol and b.y < a.top - tol


@pytest.mark.parametrize("shape", ["snake", "spiral"])
@pytest.mark.parametrize("paper", [A3_LANDSCAPE, A4_PORTRAIT, A4_LANDSCAPE], ids=["A3", "A4-portrait", "A4-landscape"])
def test_every_track_from_20_to_80_squares_is_connected_and_inside(paper, shape):
    area = _board_area(*paper)
    for squares in range(20, 81):
        track = plan_track(squares, area, shape)
        cells = [c.rect for c in track.cells]
        assert len(cells) == squares + 2  # start, 1 … n, finish
        for a, b in zip(cells, cells[1:]):
            assert _touch(a, b), (squares, a, b)
        for i, a in enumerate(cells):
            assert area.contains(a, tolerance=0.01)
            assert not any(_overlap(a, b) for b in cells[i + 1 :])
        # the squares are as large as the area allows for a snake of this length
        assert track.side >= 0.5 * (area.w * area.h / (squares + 2)) ** 0.5


@settings(max_examples=200, deadline=None)
@given(
    squares=st.integers(20, 80),
    categories=st.integers(1, 8),
    seed=st.integers(0, 10**6),
    specials=st.sets(st.integers(1, 20), max_size=8),
)
def test_categories_are_balanced_and_never_run(squares, categories, seed, specials):
    order = assign_categories(squares, specials, categories, seed)
    assert len(order) == squares
    assert [i + 1 for i, c in enumerate(order) if c is None] == sorted(specials)
    plain = [c for c in order if c is not None]
    counts = Counter(plain)
    assert max(counts.values()) - min(counts.get(k, 0) for k in range(categories)) <= 1
    if categories >= 2:
        # not even two in a row (specials skipped), so never a run of three
        assert all(a != b for a, b in zip(plain, plain[1:]))
    assert order == assign_categories(squares, specials, categories, seed)


@pytest.mark.parametrize(
    "content,paper",
    [
        ((400 * MM, 277 * MM), A4_PORTRAIT),  # the A3 board's content on A4
        ((277 * MM, 400 * MM), A4_PORTRAIT),  # an A3 portrait board
        ((574 * MM, 400 * MM), A4_PORTRAIT),  # A2
        ((190 * MM, 120 * MM), A4_PORTRAIT),  # smaller than the sheet: one part
    ],
)
def test_the_parts_reassemble_the_board(content, paper):
    w, h = content
    overlap, margin, room = 15 * MM, 10 * MM, 16 * MM
    tiling = plan_tiling(w, h, paper_w=paper[0], paper_h=paper[1], margin=margin, overlap=overlap, label_room=room)
    tiles = tiling.tiles
    assert len(tiles) == tiling.cols * tiling.rows
    for tile in tiles:  # each part is printed 1:1 inside the sheet's margins, above its label
        assert Rect(margin, margin + room, tiling.sheet_w - 2 * margin, tiling.sheet_h - 2 * margin - room).contains(
            tile.place, tolerance=0.01
        )
        assert (tile.place.w, tile.place.h) == pytest.approx((tile.window.w, tile.window.h))
    # every point of the board is on some part …
    steps = 60
    for i in range(steps + 1):
        for j in range(steps + 1):
            x, y = w * i / steps, h * j / steps
            assert any(
                t.window.x - 1e-6 <= x <= t.window.right + 1e-6 and t.window.y - 1e-6 <= y <= t.window.top + 1e-6
                for t in tiles
            )
    # … and each seam is where its marks say: the glue strip is on both parts, one part's
    # cut edge is the seam, and the marks sit on the seam inside both parts
    by_pos = {(t.col, t.row): t for t in tiles}
    seams = 0
    for tile in tiles:
        for seam in tile.glue:
            other = by_pos[(tile.col + 1, tile.row)] if seam.axis == "x" else by_pos[(tile.col, tile.row + 1)]
            assert seam in other.cut
            assert tile.window.contains(seam.glue, 0.01) and other.window.contains(seam.glue, 0.01)
            if seam.axis == "x":
                assert seam.at == pytest.approx(other.window.x)
                assert seam.glue.w == pytest.approx(overlap) and seam.glue.right == pytest.approx(tile.window.right)
                points = [(seam.at, m) for m in seam.marks]
            else:
                assert seam.at == pytest.approx(other.window.top)
                assert seam.glue.h == pytest.approx(overlap) and seam.glue.y == pytest.approx(tile.window.y)
                points = [(m, seam.at) for m in seam.marks]
            # the marks stand beyond both ends of the seam: on neither part's share of the board
            assert len(points) == 2
            for x, y in points:
                for t in (tile, other):
                    inside_x = t.window.x + 0.01 < x < t.window.right - 0.01
                    inside_y = t.window.y + 0.01 < y < t.window.top - 0.01
                    assert not (inside_x and inside_y), (x, y, t.window)
            seams += 1
    assert seams == (tiling.cols - 1) * tiling.rows + (tiling.rows - 1) * tiling.cols
    # as few parts as the content needs, each at least half full
    across = (tiling.sheet_w - 2 * margin - overlap, tiling.sheet_h - 2 * margin - room - overlap)
    assert tiling.cols == max(1, -(-(w - overlap) // across[0]))
    assert tiling.rows == max(1, -(-(h - overlap) // across[1]))
    if len(tiles) > 1:
        for tile in tiles:
            assert tile.window.w * tile.window.h >= 0.5 * (across[0] + overlap) * (across[1] + overlap)


def test_the_a3_board_on_a4_needs_four_sheets():
    tiling = plan_tiling(
        400 * MM,
        277 * MM,
        paper_w=A4_PORTRAIT[0],
        paper_h=A4_PORTRAIT[1],
        margin=10 * MM,
        overlap=15 * MM,
        label_room=16 * MM,
    )
    assert (tiling.cols, tiling.rows) == (2, 2) and tiling.sheet_w > tiling.sheet_h  # landscape A4


def _numbers_on_board(pdf, page_index=0):
    """The centre of every number drawn on the board page, read from the PDF's characters."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[page_index]
        size = page.get_size()
        text = page.get_textpage()
        runs: list[tuple[str, float, float]] = []
        current, xs, ys = "", [], []
        for i in range(text.count_chars()):
            ch = text.get_text_range(i, 1)
            if ch.isdigit():
                left, bottom, right, top = text.get_charbox(i)
                if current and abs((bottom + top) / 2 - ys[-1]) > 2:
                    runs.append((current, sum(xs) / len(xs), sum(ys) / len(ys)))
                    current, xs, ys = "", [], []
                current += ch
                xs.append((left + right) / 2)
                ys.append((bottom + top) / 2)
            elif current:
                runs.append((current, sum(xs) / len(xs), sum(ys) / len(ys)))
                current, xs, ys = "", [], []
        if current:
            runs.append((current, sum(xs) / len(xs), sum(ys) / len(ys)))
        return size, runs
    finally:
        doc.close()


def test_relasjonsspill_pdf_board_numbers_follow_the_track(runner, tmp_path):
    from smartprint.pipeline import plan, prepare

    result = run(runner, "build", "relasjonsspill", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code == 0, result.output
    board_file, rest = tmp_path / "r-a3.pdf", tmp_path / "r-a4.pdf"  # one file per paper
    assert not (tmp_path / "r.pdf").exists()
    assert "wrote r-a3.pdf (1 page: the board; print it on A3, one-sided" in result.output.replace(
        str(tmp_path) + "/", ""
    )
    built = plan(prepare("relasjonsspill")).plan
    n = built.job.spec.squares
    (w, h), runs = _numbers_on_board(board_file)
    assert (round(w), round(h)) == (1191, 842)  # an A3 page, landscape
    positions = {}
    for number, x, y in runs:
        if number.isdigit() and 1 <= int(number) <= n and int(number) not in positions:
            positions[int(number)] = (x, y)
    assert sorted(positions) == list(range(1, n + 1))
    side = built.board.track.side
    for k in range(1, n):  # the number of square k + 1 is one square from that of square k
        (x0, y0), (x1, y1) = positions[k], positions[k + 1]
        d = abs(x1 - x0) + abs(y1 - y0)
        assert d == pytest.approx(side, abs=side * 0.35), (k, positions[k], positions[k + 1])
    board = " ".join(page_texts(board_file)[0].split())
    assert len(page_texts(board_file)) == 1
    assert "START" in board and "MÅL" in board and "Egenskaper" in board and "Flytt to ruter fram." in board
    texts = page_texts(rest)
    assert "Slik har vi det rundt bordet" in " ".join(texts[0].split())
    # the A4 file printed as one double-sided job: a card back (page 2, 4, …) lands
    # behind the front before it, never on the next sheet
    assert "double-sided (long edge)" in result.output
    backs = [i + 1 for i, t in enumerate(texts) if "Trekk et kort og les det høyt" in " ".join(t.split())]
    assert len(backs) >= 4 and all(n % 2 == 0 for n in backs)
    assert all("Trekk et kort" not in texts[n - 2] and texts[n - 2].strip() for n in backs)


def test_each_category_is_its_own_deck_with_its_backs_behind_its_fronts():
    from smartprint.pipeline import plan, prepare

    built = plan(prepare("relasjonsspill")).plan
    spec = built.job.spec
    assert len(built.decks) == 4
    for deck, cat, style in zip(built.decks, spec.categories, built.styles):
        assert len(cat.questions) >= 12
        assert len(deck.expanded) == len(cat.questions) + spec.blank_cards
        assert deck.back_spec is not None and deck.back_spec.title == cat.name
        assert deck.back_spec.symbol == style.symbol and deck.back_color == pytest.approx(style.color, abs=0.003)
        assert all(s == style for s in deck.styles)  # every front carries the category's band
        page = deck.page
        fronts = [p for p in deck.pages if p.side == "front"]
        backs = [p for p in deck.pages if p.side == "back"]
        assert len(fronts) == len(backs) >= 1
        for front, back in zip(fronts, backs):
            for f, b in zip(front.placements, back.placements):
                assert f.card == b.card
                # portrait A4 flipped on the long edge: left and right swap
                assert b.rect.x == pytest.approx(page.width - f.rect.x - f.rect.w)
                assert b.rect.y == pytest.approx(f.rect.y)


def _game(tmp_path, **extra):
    body = {
        "kind": "board-game",
        "title": "Spill",
        "squares": 24,
        "printables": False,
        "categories": [
            {"name": "Egenskaper", "questions": [f"Spørsmål {i}" for i in range(8)]},
            {"name": "Inkludering", "questions": [f"Hvordan {i}?" for i in range(8)]},
            {"name": "Oppgaver", "questions": [f"Gjør {i}" for i in range(8)]},
        ],
        "specials": [{"at": 5, "text": "Gå to ruter fram."}],
        **extra,
    }
    path = tmp_path / "spill.yaml"
    path.write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _build(runner, tmp_path, path):
    out = tmp_path / "spill.pdf"
    out.write_bytes(b"old")
    result = run(runner, "build", str(path), "-o", str(out))
    return result, out


@pytest.mark.parametrize(
    "change,message",
    [
        (
            {"specials": [{"at": 25, "text": "Hei"}]},
            r"spill\.yaml:\d+:\d+: square 25 is not on the track; the track "
            r"has squares 1 to 24",
        ),
        (
            {"specials": [{"at": 5, "text": "A"}, {"at": 5, "text": "B"}]},
            r"spill\.yaml:\d+:\d+: square 5 already has a special \(special 1\)",
        ),
        ({"categories": [{"name": "Tom", "questions": []}]}, r"spill\.yaml:\d+:\d+: category 'Tom' has no questions"),
        ({"categories": [{"name": "Tom"}]}, r"spill\.yaml:\d+:\d+: category 'Tom' has no questions"),
        (
            {"categories": [{"name": "A", "questions": ["x"]}, {"name": "a", "questions": ["y"]}]},
            r"spill\.yaml:\d+:\d+: category 2 has the same name as category 1",
        ),
        ({"squares": 12}, r"spill\.yaml:\d+:\d+: .*squares"),
    ],
)
def test_mistakes_are_told_with_their_place_and_the_old_pdf_is_kept(runner, tmp_path, change, message):
    result, out = _build(runner, tmp_path, _game(tmp_path, **change))
    assert result.exit_code == 1, result.output
    assert re.search(message, result.output), result.output
    assert out.read_bytes() == b"old"


def test_a_special_outside_the_track_points_at_its_number(runner, tmp_path):
    path = _game(tmp_path, specials=[{"at": 5, "text": "Gå to ruter fram."}, {"at": 30, "text": "For langt"}])
    result, _ = _build(runner, tmp_path, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    m = re.search(r"spill\.yaml:(\d+):(\d+): square 30", result.output)
    assert m, result.output
    assert lines[int(m.group(1)) - 1][int(m.group(2)) - 1 :].startswith("30")


def test_fewer_questions_than_squares_is_a_warning_that_strict_refuses(runner, tmp_path):
    path = _game(
        tmp_path,
        categories=[
            {"name": "Få", "questions": ["Én", "To"]},
            {"name": "Mange", "questions": [f"Q{i}" for i in range(20)]},
        ],
    )
    result, out = _build(runner, tmp_path, path)
    assert result.exit_code == 0, result.output
    assert re.search(r"spill\.yaml:\d+:\d+: warning: category 'Få' has 2 questions for 1\d squares", result.output)
    assert "Mange" not in result.output
    out.write_bytes(b"old")
    strict = run(runner, "build", str(path), "-o", str(out), "--strict")
    assert strict.exit_code == 1 and out.read_bytes() == b"old"


def test_same_file_same_bytes_and_seed_changes_the_board(runner, tmp_path):
    path = _game(tmp_path)
    a, b, c = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    for out, extra in ((a, ()), (b, ()), (c, ("--seed", "99"))):
        assert run(runner, "build", str(path), "-o", str(out), *extra).exit_code == 0
    for paper in ("a3", "a4"):
        first, again, other = (p.with_name(f"{p.stem}-{paper}.pdf").read_bytes() for p in (a, b, c))
        assert first == again
        if paper == "a3":  # the seed shuffles the board
            assert first != other


def test_the_a4_layout_prints_the_board_in_glued_parts(runner, tmp_path):
    out = tmp_path / "r4.pdf"
    result = run(runner, "build", "relasjonsspill", "--layout", "spillbrett-a4", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "the board in 4 A4 parts" in result.output
    doc = pdfium.PdfDocument(str(out))
    try:
        sizes = {tuple(round(v) for v in doc[i].get_size()) for i in range(len(doc))}
    finally:
        doc.close()
    assert sizes == {(842, 595), (595, 842)}  # landscape A4 parts, portrait A4 for the rest
    texts = page_texts(out)
    for k, name in enumerate(("A1", "A2", "B1", "B2")):
        assert f"Del {name} ({k + 1} av 4)" in " ".join(texts[2 * k].split())
    assert "lim" in texts[0] and "klipp" in texts[2]
    backs = [i + 1 for i, t in enumerate(texts) if "Trekk et kort og les det høyt" in " ".join(t.split())]
    assert len(backs) >= 4 and all(n % 2 == 0 for n in backs)  # all A4, double-sided from page 1


@pytest.mark.parametrize("shape", ["snake", "spiral"])
@pytest.mark.parametrize("layout", ["spillbrett-a3", "spillbrett-a4"])
def test_whole_plans_from_20_to_80_squares_keep_the_board_on_its_page(tmp_path, layout, shape):
    """The full plan, texts fitted with the real font: every square, label and legend
    item inside the page's margins; on A4, parts that carry the whole board."""
    from smartprint.kinds.base import Options
    from smartprint.pipeline import plan, prepare

    for squares in range(20, 81):
        specials = [
            {"at": 2, "text": "Alle gir den som sitter til venstre for seg, et kompliment."},
            {"at": squares, "text": "Flytt to ruter fram."},
        ]
        path = _game(tmp_path, squares=squares, track=shape, specials=specials)
        built = plan(prepare(str(path), Options(layout=layout))).plan
        board = built.board
        page = Rect(0, 0, board.width, board.height)
        assert (round(board.width), round(board.height)) == (1191, 842)
        for square in board.squares:
            assert board.content.contains(square.rect, 0.01)
            if square.text is not None:
                from smartprint.parts.inside import text_rect

                assert square.rect.contains(text_rect(square.text, built.job.fonts), 0.5)
        for item in board.legend:
            assert board.content.contains(item.swatch, 0.01)
        assert not any(_overlap(a.rect, b.rect) for i, a in enumerate(board.squares) for b in board.squares[i + 1 :])
        assert page.contains(board.content)
        if layout == "spillbrett-a4":
            assert built.tiling is not None and len(built.tiling.tiles) == 4
        else:
            assert built.tiling is None


def _layout(tmp_path, text):
    path = tmp_path / "brett.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "layout,message",
    [
        (
            "kind: board-game\nextends: spillbrett-a4\nmargin: 65mm\noverlap: 40mm\n",
            r"brett\.yaml:4:10: parts of the board with an overlap of 40 mm do not fit",
        ),
        (
            "kind: board-game\nextends: spillbrett-a3\nboard_paper: A6\nmin_text_size: 9pt\n",
            r"brett\.yaml:\d+:\d+: .*(does not fit|do not fit)",
        ),
    ],
)
def test_a_layout_that_leaves_no_room_is_told_at_the_layout(runner, tmp_path, layout, message):
    path = _game(tmp_path)
    out = tmp_path / "spill.pdf"
    out.write_bytes(b"old")
    result = run(runner, "build", str(path), "--layout", str(_layout(tmp_path, layout)), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert re.search(message, result.output), result.output
    assert "Traceback" not in result.output and out.read_bytes() == b"old"


def test_a_long_category_name_is_one_message_at_the_name(runner, tmp_path):
    path = _game(
        tmp_path,
        categories=[
            {"name": "Egenskaper og verdier vi setter pris på", "questions": ["Hva?"]},
            {"name": "Kort", "questions": ["Hvem?"]},
        ],
    )
    result, _ = _build(runner, tmp_path, path)
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    at = path.read_text(encoding="utf-8").splitlines().index("- name: Egenskaper og verdier vi setter pris på") + 1
    assert len(lines) == 1 and re.search(rf"spill\.yaml:{at}:\d+: category 1's name does not fit the band", lines[0])


def test_a_letter_the_font_lacks_in_a_category_name_is_one_message(runner, tmp_path):
    path = _game(
        tmp_path,
        categories=[{"name": "Egenskaper 🙂", "questions": ["Hva?"]}, {"name": "Kort", "questions": ["Hvem?"]}],
    )
    result, _ = _build(runner, tmp_path, path)
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    at = path.read_text(encoding="utf-8").splitlines().index("- name: Egenskaper 🙂") + 1
    assert len(lines) == 1 and f"spill.yaml:{at}:" in lines[0] and "🙂" in lines[0], result.output


def test_every_text_that_does_not_fit_is_told_in_one_build(runner, tmp_path):
    long = " ".join(["Alle rundt bordet forteller noe de er stolte av fra denne uka"] * 3)  # 190 characters
    path = _game(
        tmp_path,
        squares=80,
        specials=[{"at": 3, "text": long}, {"at": 9, "text": long}],
        categories=[{"name": "A", "questions": [long * 8]}, {"name": "B", "questions": [long * 8]}],
    )
    result, _ = _build(runner, tmp_path, path)
    assert result.exit_code == 1
    assert len(re.findall(r"special \d \(square \d\) does not fit its square", result.output)) == 2
    assert len(re.findall(r"question 1 of «[AB]» does not fit", result.output)) == 2
    assert "kort-a6" not in result.output and "'text'" not in result.output


def test_categories_without_a_colour_or_symbol_take_ones_not_chosen():
    from smartprint.load.source import load_text
    from smartprint.parts.categories import Declared, declared_styles
    from smartprint.resolve.colors import parse_color

    src = load_text("x: 1\n", "x.yaml")
    styles = declared_styles(
        [Declared("A", None, None, ("categories", 0)), Declared("B", "blå", "circle", ("categories", 1))], src
    )
    assert styles["A"].color != parse_color("blå") and styles["A"].symbol != "circle"
    assert styles["B"].color == parse_color("blå") and styles["B"].symbol == "circle"


def test_validate_takes_the_options_build_takes(runner, tmp_path):
    path = _game(tmp_path)
    checked = run(runner, "validate", str(path), "--seed", "3")
    built = run(runner, "build", str(path), "--seed", "3", "-o", str(tmp_path / "s.pdf"))
    assert checked.exit_code == built.exit_code == 0, checked.output
    said = re.search(r": ok \((\d+) pages in two files", checked.output)
    written = [int(n) for n in re.findall(r"^wrote \S+ \((\d+) pages?:", built.output, re.M)]
    assert said and len(written) == 2 and sum(written) == int(said.group(1)), (checked.output, built.output)


@pytest.mark.parametrize(
    "change,message",
    [
        ({"categories": [{"name": "   ", "questions": ["Hva?"]}]}, "category 1 has a blank name"),
        ({"specials": [{"at": 3, "text": "  "}]}, "special 1 has a blank text"),
        ({"finish": " "}, "'finish' is blank"),
        ({"categories": [{"name": "A", "questions": ["", "Hva?"]}]}, "question 1 is blank"),
    ],
)
def test_blank_texts_are_mistakes_not_empty_squares(runner, tmp_path, change, message):
    result, out = _build(runner, tmp_path, _game(tmp_path, **change))
    assert result.exit_code == 1 and message in result.output, result.output
    assert out.read_bytes() == b"old"


def test_a_spiral_board_in_the_pdf_has_its_numbers_one_square_apart_and_ends_inside(runner, tmp_path):
    from smartprint.pipeline import plan, prepare

    path = _game(tmp_path, squares=40, track="spiral")
    out = tmp_path / "spiral.pdf"
    result = run(runner, "build", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    built = plan(prepare(str(path))).plan
    _, runs = _numbers_on_board(tmp_path / "spiral-a3.pdf")
    positions = {}
    for number, x, y in runs:
        if 1 <= int(number) <= 40 and int(number) not in positions:
            positions[int(number)] = (x, y)
    assert sorted(positions) == list(range(1, 41))
    side = built.board.track.side
    for k in range(1, 40):
        (x0, y0), (x1, y1) = positions[k], positions[k + 1]
        assert abs(x1 - x0) + abs(y1 - y0) == pytest.approx(side, abs=side * 0.35)
    # the finish lies inside the first ring: the track goes round and in
    area = built.board.track.area
    finish = built.board.track.cells[-1].rect
    assert area.x + side - 0.1 <= finish.x and finish.right <= area.right - side + 0.1
    assert area.y + side - 0.1 <= finish.y and finish.top <= area.top - side + 0.1


# ---------------------------------------------------------------- the special squares' mark


def test_no_category_symbol_is_the_special_squares_mark():
    """The special squares' mark is none of the symbols a category may choose, so no
    choice of categories can make their squares look like special ones (issue 17: the
    star marked both 'Praktiske oppgaver' and the special squares)."""
    from smartprint.parts.categories import SPECIAL_MARK
    from smartprint.resolve.symbols import ALIASES, SYMBOLS, normalise_symbol

    assert SPECIAL_MARK not in SYMBOLS and SPECIAL_MARK not in ALIASES.values()
    for word in (SPECIAL_MARK, "utropstegn", "!"):
        with pytest.raises(ValueError):
            normalise_symbol(word)


@pytest.mark.parametrize("symbols", [["sirkel", "trekant", "firkant", "stjerne"], None, "all"])
def test_the_board_marks_special_squares_unlike_any_category(tmp_path, monkeypatch, symbols):
    """Draw the board and note every symbol drawn: in a special square (and its legend
    swatch) the mark is never the symbol of a category."""
    from io import BytesIO

    from smartprint.kinds.base import Options
    from smartprint.kinds.boardgame import paint as board_paint
    from smartprint.pipeline import plan, prepare
    from smartprint.text.glyphs import GlyphLedger
    from smartprint.text.ink import attach_ledger
    from smartprint.write.output import new_canvas

    if symbols is None:  # relasjonsspill as built in: its fourth category has the star
        job = prepare("relasjonsspill")
    else:
        names = (
            list(symbols)
            if symbols != "all"
            else ["sirkel", "kvadrat", "trekant", "ruter", "stjerne", "sekskant", "hjerte", "pluss"]
        )
        categories = [{"name": f"Kategori {i + 1}", "symbol": s, "questions": ["Hva?"]} for i, s in enumerate(names)]
        path = _game(
            tmp_path, categories=categories, specials=[{"at": 3, "text": "Flytt fram."}, {"at": 7, "text": "Vent."}]
        )
        job = prepare(str(path), Options())
    built = plan(job).plan
    drawn: list[tuple[str, float, float]] = []
    monkeypatch.setattr(board_paint.draw, "symbol", lambda c, name, cx, cy, r, color: drawn.append((name, cx, cy)))
    face = built.board
    canvas = new_canvas(BytesIO(), face.width, face.height, built.job.fonts, "test")
    attach_ledger(canvas, GlyphLedger(lambda text, font: []))
    board_paint._board_art(built, canvas)
    category_symbols = {style.symbol for style in built.styles}
    specials = [
        s.rect
        for s in face.squares
        if s.category is None and s.text is not None and 0 < s.number <= built.job.spec.squares
    ]
    specials += [item.swatch for item in face.legend if item.category is None]
    assert len(specials) >= 3
    for rect in specials:
        inside = [name for name, x, y in drawn if rect.x <= x <= rect.right and rect.y <= y <= rect.top]
        assert inside, rect
        assert not set(inside) & category_symbols, (inside, category_symbols)
    if symbols is None:
        assert "star" in category_symbols  # the case of the issue


# ---------------------------------------------------------------- the board in A4 parts


@pytest.mark.parametrize("shape", ["snake", "spiral"])
def test_no_seam_runs_through_a_square_from_20_to_80_squares(tmp_path, shape):
    """Every seam of the A4 parts runs in a gap between squares, at least 1 mm from each
    (issue 17: the seam at x = 272 mm ran 2.2 mm inside squares 5, 12, 23, 30 and MÅL);
    there are no more parts than the board would need without that rule, and none of
    them is more than half empty."""
    from smartprint.kinds.base import Options
    from smartprint.pipeline import plan, prepare

    for squares in range(20, 81):
        specials = [{"at": 2, "text": "Alle gir den som sitter til venstre for seg, et kompliment."}]
        path = _game(tmp_path, squares=squares, track=shape, specials=specials)
        built = plan(prepare(str(path), Options(layout="spillbrett-a4"))).plan
        board, tiling = built.board, built.tiling
        content = board.content
        squares_on_content = [s.rect.shifted(-content.x, -content.y) for s in board.squares]
        seams = {(s.axis, round(s.at, 3)) for t in tiling.tiles for s in t.cut}
        assert len(seams) == (tiling.cols - 1) + (tiling.rows - 1)
        for axis, at in seams:  # a seam runs across the whole board
            for r in squares_on_content:
                lo, hi = (r.x, r.right) if axis == "x" else (r.y, r.top)
                assert at <= lo - 1 * MM + 1e-6 or at >= hi + 1 * MM - 1e-6, (squares, shape, axis, at / MM, r)
        plain = plan_tiling(
            content.w,
            content.h,
            paper_w=A4_PORTRAIT[0],
            paper_h=A4_PORTRAIT[1],
            margin=10 * MM,
            overlap=15 * MM,
            label_room=16 * MM,
        )
        assert len(tiling.tiles) == len(plain.tiles) == 4
        room = (tiling.sheet_w - 20 * MM) * (tiling.sheet_h - 20 * MM - 16 * MM)
        for tile in tiling.tiles:
            assert tile.window.w * tile.window.h >= 0.5 * room, (squares, shape, tiling.name(tile))


def test_no_alignment_mark_is_on_the_board(monkeypatch):
    """Draw each A4 part and note every triangle: none touches the part's share of the
    board (issue 17: the triangles stayed visible on the finished board), each stands
    clear of the edge a printer cannot print on, and each has its partner at the same
    board position on the neighbouring part."""
    from io import BytesIO

    from smartprint.kinds.base import Options
    from smartprint.kinds.boardgame import paint as board_paint
    from smartprint.parts.geometry import PRINTER_MARGIN
    from smartprint.pipeline import plan, prepare
    from smartprint.text.glyphs import GlyphLedger
    from smartprint.text.ink import attach_ledger
    from smartprint.write.output import new_canvas

    built = plan(prepare("relasjonsspill", Options(layout="spillbrett-a4"))).plan
    tiling = built.tiling
    drawn: list[list[tuple[float, float]]] = []
    monkeypatch.setattr(board_paint.draw, "polygon", lambda c, points, color: drawn.append(list(points)))
    on_board: dict[tuple[float, float], int] = Counter()
    for index, tile in enumerate(tiling.tiles):
        drawn.clear()
        canvas = new_canvas(BytesIO(), tiling.sheet_w, tiling.sheet_h, built.job.fonts, "test")
        attach_ledger(canvas, GlyphLedger(lambda text, font: []))
        board_paint._board_art(built, canvas)  # the form the part shows
        drawn.clear()
        board_paint._tile_page(built, canvas, index)
        assert len(drawn) == 2 * (len(tile.glue) + len(tile.cut)), tiling.name(tile)
        p = tile.place
        for points in drawn:
            xs, ys = [x for x, _ in points], [y for _, y in points]
            overlaps = (
                min(xs) < p.right - 0.01 and max(xs) > p.x + 0.01 and min(ys) < p.top - 0.01 and max(ys) > p.y + 0.01
            )
            assert not overlaps, (tiling.name(tile), points, p)
            clear = PRINTER_MARGIN - 1e-6
            assert min(xs) >= clear and max(xs) <= tiling.sheet_w - clear
            assert min(ys) >= clear and max(ys) <= tiling.sheet_h - clear
            tip = points[0]  # on the seam: the same board position on both parts
            on_board[(round(tip[0] - p.x + tile.window.x, 2), round(tip[1] - p.y + tile.window.y, 2))] += 1
    assert on_board and set(on_board.values()) == {2}
