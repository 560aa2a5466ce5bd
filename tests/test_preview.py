"""`smartprint preview` and `build -o x.png`: pictures of the real PDF's pages and one
contact sheet, with fronts beside their backs and a long file cut short in the middle."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from conftest import run, write
from smartprint.preview.contact import (
    FIRST_SHOWN,
    LAST_SHOWN,
    PAIR_GAP_PX,
    FileOnSheet,
    PageSize,
    plan_contact_sheet,
)
from smartprint.preview.render import render_pages

A4 = (595.28, 841.89)
DECK = """
kind: cards
title: Prøvekort
cards:
{cards}
back:
  title: Baksiden
"""


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A deck of 4 cards with backs printed duplex, previewed once and built once."""
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("preview")
    cards = "\n".join(f"  - text: Kort nummer {n}" for n in range(1, 5))
    write(folder / "kort.yaml", DECK.format(cards=cards))
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        shown = run(runner, "preview", "kort.yaml", "--dpi", "30")
        assert shown.exit_code == 0, shown.output
        built = run(runner, "build", "kort.yaml")
        assert built.exit_code == 0, built.output
    return folder


def test_the_pages_are_the_real_pdf_rendered(made: Path) -> None:
    pictures = sorted((made / "kort-sider").glob("side-*.png"))
    real = render_pages(made / "kort.pdf", dpi=30)
    assert len(pictures) == len(real) >= 2
    for path, page in zip(pictures, real):
        assert path.read_bytes() == page.png  # the very pixels of the PDF a build writes
        assert page.paper == "A4"


def test_the_contact_sheet_shows_every_page_with_its_label(made: Path) -> None:
    sheet = Image.open(made / "kort.png").convert("L")
    assert sheet.width >= 640 and sheet.height > 200
    dark = sum(sheet.point(lambda value: 255 if value < 128 else 0).histogram()[255:])
    assert dark > 1000  # headings, thumbnails and labels, not an empty picture
    assert not (made / "kort.pdf.png").exists()


def test_the_summary_says_what_was_written(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "k.yaml", DECK.format(cards="  - text: Mot"))
    result = run(runner, "build", "k.yaml", "-o", "vis.png", "--backs", "none")
    assert result.exit_code == 0, result.output
    assert "wrote vis.png" in result.stdout and "vis-sider/" in result.stdout
    assert Image.open(tmp_path / "vis.png").format == "PNG"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.yaml", "vis-sider", "vis.png"]  # no PDF at all


@pytest.mark.parametrize("name", ["kort.docx", "kort.jpg", "kort"])
def test_a_pdf_is_never_written_under_another_suffix(tmp_path: Path, runner, monkeypatch, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "k.yaml", DECK.format(cards="  - text: Mot"))
    result = run(runner, "build", "k.yaml", "-o", name)
    assert result.exit_code == 2
    assert "-o kort.pdf" in result.stderr and "-o kort.png" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.yaml"]


def test_pages_and_resolution_can_be_chosen(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "k.yaml", DECK.format(cards="  - text: Mot"))
    result = run(runner, "preview", "k.yaml", "--pages", "2", "--dpi", "20", "-o", "bak.png")
    assert result.exit_code == 0, result.output
    assert "1 of 2 pages" in result.stdout
    (only,) = (tmp_path / "bak-sider").iterdir()
    assert only.name == "side-002.png"
    width, height = Image.open(only).size
    assert abs(width - 210 / 25.4 * 20) <= 1 and abs(height - 297 / 25.4 * 20) <= 1
    wrong = run(runner, "preview", "k.yaml", "--pages", "9")
    assert wrong.exit_code == 2 and "none of those pages" in wrong.stderr  # a wrong command line, as --only 99 is


def test_fronts_stand_beside_their_backs() -> None:
    pages = [PageSize(n, *A4) for n in range(1, 7)]
    plan = plan_contact_sheet([FileOnSheet("kort.pdf", pages, double_sided=True)], "Kort")
    tiles = {t.number: t for t in plan.tiles}
    for front in (1, 3, 5):
        back = tiles[front + 1]
        assert back.back and not tiles[front].back
        assert back.y == tiles[front].y and back.x == tiles[front].x + tiles[front].width + PAIR_GAP_PX
    single = plan_contact_sheet([FileOnSheet("plakat.pdf", pages, double_sided=False)], "Plakat")
    assert not any(t.back for t in single.tiles)


def test_a_long_file_shows_its_first_and_last_pages_and_counts_the_rest() -> None:
    pages = [PageSize(n, *A4) for n in range(1, 1001)]
    plan = plan_contact_sheet([FileOnSheet("bingo.pdf", pages, double_sided=False)], "Bingo")
    numbers = [t.number for t in plan.tiles]
    assert numbers == [*range(1, FIRST_SHOWN + 1), 0, *range(1001 - LAST_SHOWN, 1001)]
    (between,) = [t for t in plan.tiles if t.number == 0]
    assert between.skipped == 1000 - FIRST_SHOWN - LAST_SHOWN


def test_pages_keep_their_size_against_each_other() -> None:
    """An A3 board is drawn larger than an A4 page, a card smaller: one scale for all."""
    a3 = [PageSize(1, 841.89, 1190.55)]
    a4 = [PageSize(1, *A4), PageSize(2, 178.6, 249.4)]
    plan = plan_contact_sheet([FileOnSheet("a3", a3, False), FileOnSheet("a4", a4, False)], "Spill")
    board, page, card = plan.tiles
    assert board.height > page.height > card.height
    assert abs(board.height / page.height - 1190.55 / 841.89) < 0.02


def test_a_preview_is_a_png_and_a_mistake_writes_nothing(tmp_path: Path, runner, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "k.yaml", DECK.format(cards="  - text: Mot"))
    wrong = run(runner, "preview", "k.yaml", "-o", "k.pdf")
    assert wrong.exit_code == 2 and "a preview is a PNG picture: -o k.png" in wrong.stderr
    write(tmp_path / "feil.yaml", "kind: cards\ntitle: F\ncards:\n  - tekst: Mot\n")
    mistake = run(runner, "preview", "feil.yaml")
    assert mistake.exit_code == 1 and mistake.stderr.startswith("feil.yaml:4:5: unknown key 'tekst'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feil.yaml", "k.yaml"]


def test_the_contact_sheet_names_the_pdf_build_would_write_and_a_title_it_can_draw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With --language and a class list the heading names `klassebamse-ar-4b.pdf`, not
    `klassebamse.pdf` (a teacher would print the other file); an Arabic title, which the
    picture's plain text drawing cannot join, is named by that PDF; {navn} shows as "…"."""
    from smartprint.commands import preview as made
    from smartprint.options import read

    monkeypatch.chdir(tmp_path)
    (tmp_path / "4b.txt").write_text("Ada Berg\nBo Li\n", encoding="utf-8")
    headings: list[str] = []
    files: list[str] = []
    real_plan, real_paper_files = made.plan_contact_sheet, made.paper_files
    monkeypatch.setattr(made, "plan_contact_sheet", lambda on, title: headings.append(title) or real_plan(on, title))
    monkeypatch.setattr(
        made, "paper_files", lambda built, target: files.append(target.name) or real_paper_files(built, target)
    )
    options = read({"language": "ar", "pupils": "4b.txt"})
    made.make_preview("klassebamse", options, tmp_path / "x.png", pages=(1,))
    options = read({"language": "nb", "pupils": "4b.txt"})
    made.make_preview("klassebamse", options, tmp_path / "y.png", pages=(1,))
    assert files == ["klassebamse-ar-4b.pdf", "klassebamse-4b.pdf"]
    assert headings == ["klassebamse-ar-4b.pdf", "Klassebamsen er på besøk hos …"]
