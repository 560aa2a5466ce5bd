"""Fill-in sheets (`kind: sheet`): blocks on a grid, one sheet per pupil with the name,
the klassebamse checklist read from the styrkekort deck, and pages where a young
writer has room: nothing overlaps, nothing leaves the page, text large enough."""

from __future__ import annotations

import re
import shutil
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from test_pupils import NAMES, class_csv, class_txt, names_on

from conftest import page_texts, render, run, write
from smartprint import resources
from smartprint.kinds.base import Options
from smartprint.kinds.sheet import plan as sp
from smartprint.parts.geometry import Rect
from smartprint.pipeline import check_only, prepare
from smartprint.units import MM

OLD = b"old pdf: must be left exactly as it was\n"
DECK = resources.data_dir("decks") / "styrkekort.yaml"


def _titles(deck: Path) -> list[str]:
    data = yaml.safe_load(deck.read_text(encoding="utf-8"))
    return [c["title"] for c in data["cards"] if c.get("title")]


def _built(arg: str, **options: object):
    return check_only(prepare(arg, Options(**options)))[1]  # type: ignore[arg-type]


# ------------------------------------------------------------------ the built-ins


@pytest.mark.parametrize("name, pages, once", [("megselvhelten", 1, 0), ("klassebamse", 2, 0), ("gruppeplakat", 2, 1)])
def test_the_built_in_sheets_build_alone_and_for_a_class(runner, tmp_path, monkeypatch, name, pages, once):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "a.pdf"
    result = run(runner, "build", name, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(page_texts(out)) == pages
    class_txt(tmp_path)
    result = run(runner, "build", name, "--pupils", "klasse.txt", "-o", str(out))
    assert result.exit_code == 0, result.output
    texts = page_texts(out)
    each = pages - once  # pages after `new_page: once` (the group's poster) come once, at the end
    assert len(texts) == 25 * each + once
    firsts = texts[:25 * each:each]
    assert names_on(firsts) == [[n] for n in NAMES]  # in the list's order, each its own name
    assert all(not names_on([t])[0] for t in texts[25 * each:])


def test_the_letter_home_carries_the_childs_name_and_a_line_without_a_class_list(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    class_csv(tmp_path)
    out = tmp_path / "k.pdf"
    assert run(runner, "build", "klassebamse", "--pupils", "klasse.csv", "-o", str(out)).exit_code == 0
    texts = page_texts(out)
    for k, name in enumerate(NAMES):
        letter, form = texts[2 * k], texts[2 * k + 1]
        assert f"Kjære familien til {name}!" in letter
        assert f"Klassebamsen er på besøk hos {name}" in letter
        assert re.search(rf"Navn:\s*{re.escape(name)}\b", form)
        assert f"Styrkene vi så hos {name}" in form
    assert run(runner, "build", "klassebamse", "-o", str(out)).exit_code == 0
    letter = page_texts(out)[0]
    assert f"Kjære familien til {sp.BLANK}!" in letter  # a line to write the child's name on


def test_the_klassebamse_checklist_holds_every_strength_of_the_deck(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "k.pdf"
    assert run(runner, "build", "klassebamse", "-o", str(out)).exit_code == 0
    form = page_texts(out)[1]
    titles = _titles(DECK)
    assert len(titles) == 24
    for title in titles:
        assert title in form


def test_a_card_added_to_a_copy_of_the_deck_appears_on_the_checklist(runner, tmp_path, monkeypatch):
    """The list is read from the deck, never written twice: a teacher's own styrkekort.yaml
    beside the sheet is the one used, card for card."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(resources.data_dir("decks") / "klassebamse.yaml", tmp_path / "klassebamse.yaml")
    deck = DECK.read_text(encoding="utf-8").replace(
        "\nback:", "\n  - title: Tålmodighet\n    text: Du kan vente på tur.\n\nback:", 1)
    (tmp_path / "styrkekort.yaml").write_text(deck, encoding="utf-8")
    assert _titles(tmp_path / "styrkekort.yaml")[-1] == "Tålmodighet"
    out = tmp_path / "k.pdf"
    result = run(runner, "build", "klassebamse.yaml", "-o", str(out))
    assert result.exit_code == 0, result.output
    form = page_texts(out)[1]
    assert "Tålmodighet" in form
    for title in _titles(DECK):
        assert title in form
    built = _built(str(tmp_path / "klassebamse.yaml"))
    ticks = [i for page in built.plan.pages for i in page.items if isinstance(i, sp.TickItem)]
    assert len(ticks) == 25 + 2  # the 24 strengths, the new card, two blank lines


# ------------------------------------------------------------------ pages a young writer can use


def _boxes(page: sp.PagePlan, fonts) -> list[tuple[str, Rect]]:
    from smartprint.parts.inside import text_rect

    out: list[tuple[str, Rect]] = []
    for item in page.items:
        if isinstance(item, sp.TextItem):
            out.append((item.box.fitted.lines[0].text, text_rect(item.box, fonts)))
        elif isinstance(item, (sp.TickItem, sp.QrItem, sp.ImageItem)):
            out.append((type(item).__name__, item.rect))
    return out


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right - 0.5 and b.x < a.right - 0.5 and a.y < b.top - 0.5 and b.y < a.top - 0.5


@pytest.mark.parametrize("name", ["megselvhelten", "klassebamse", "gruppeplakat"])
def test_nothing_leaves_the_page_and_no_text_overlaps(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path, ["Mari Ann Kristiansen-Haugland", "Ada"])
    built = _built(name, pupils="klasse.txt")
    page = built.job.page
    inside = Rect(page.margin, page.margin, page.width - 2 * page.margin, page.height - 2 * page.margin)
    for planned in built.plan.pages:
        boxes = _boxes(planned, built.job.fonts)
        for what, rect in boxes:
            assert inside.contains(rect), (what, rect)
        for (a, ra), (b, rb) in combinations(boxes, 2):
            assert not _overlap(ra, rb), (a, b)
        for item in planned.items:
            if isinstance(item, (sp.FrameItem,)):
                assert inside.contains(item.rect)
            if isinstance(item, sp.RuleItem):
                assert inside.x - 0.5 <= item.x0 <= item.x1 <= inside.right + 0.5
                assert inside.y - 0.5 <= item.y <= inside.top + 0.5


def _line_gaps(page: sp.PagePlan) -> list[float]:
    ys = sorted({round(i.y, 2) for i in page.items if isinstance(i, sp.RuleItem) and i.x1 - i.x0 > 40 * MM},
                reverse=True)
    return [a - b for a, b in zip(ys, ys[1:])]


def test_a_second_grader_has_room_to_write_and_reads_large_text():
    built = _built("megselvhelten")
    page = built.plan.pages[0]
    boxes = [i for i in page.items if isinstance(i, sp.FrameItem)]
    assert len(boxes) == 4  # three boxes to write in and the hero's frame
    rules = [i for i in page.items if isinstance(i, sp.RuleItem)]
    by_box = {}
    for rule in rules:
        for k, frame in enumerate(boxes):
            if frame.rect.x <= rule.x0 and rule.x1 <= frame.rect.right and frame.rect.y <= rule.y <= frame.rect.top:
                by_box.setdefault(k, []).append(rule.y)
    assert len(by_box) == 3
    for ys in by_box.values():
        ys.sort()
        assert all(b - a >= 14 * MM - 0.01 for a, b in zip(ys, ys[1:]))  # 14 mm between writing lines
    sizes = [line.size for i in page.items if isinstance(i, sp.TextItem) for line in i.box.fitted.lines]
    assert min(sizes) >= 14.0  # nothing under 14 pt for young readers
    hero = max(boxes, key=lambda f: f.rect.h)
    assert hero.rect.h >= 90 * MM  # the hero's frame takes the rest of the page


def test_age_sets_the_line_spacing(tmp_path):
    src = write(tmp_path / "a.yaml", """
        kind: sheet
        title: Ark
        age: 6
        blocks:
          - box: {title: Skriv her, lines: 4, span: 2}
    """)
    gaps = _line_gaps(_built(str(src)).plan.pages[0])
    assert gaps and min(gaps) >= 14 * MM - 0.01
    src.write_text(src.read_text(encoding="utf-8").replace("age: 6", "age: 14"), encoding="utf-8")
    gaps = _line_gaps(_built(str(src)).plan.pages[0])
    assert gaps and max(gaps) <= 9 * MM


def test_the_posters_three_words_are_readable_across_a_classroom(runner, tmp_path):
    src = write(tmp_path / "p.yaml", """
        kind: sheet
        title: Plakat
        header: false
        columns: 1
        blocks:
          - words: {title: Våre tre viktigste, items: [Lytte, Hjelpe hverandre, Være ærlig]}
    """)
    built = _built(str(src))
    words = [i for i in built.plan.pages[0].items if isinstance(i, sp.TextItem) and i.origin[-2:-1] == ("items",)]
    assert len(words) == 3
    assert {i.box.fitted.size for i in words} == {words[0].box.fitted.size}  # one size for all three
    assert words[0].box.fitted.size >= 60  # about 15 mm capitals on A4: read from ten metres
    out = tmp_path / "p.pdf"
    assert run(runner, "build", str(src), "--layout", "ark-a3", "-o", str(out)).exit_code == 0
    assert all(w in page_texts(out)[0] for w in ("Lytte", "Hjelpe", "ærlig"))
    image = render(out, 0, 20)
    dark = sum(image.histogram()[:128]) / (image.width * image.height)
    assert dark > 0.08  # the words cover a good part of the poster


# ------------------------------------------------------------------ mistakes


def test_blocks_that_overflow_the_page_name_the_block_and_leave_the_old_pdf(runner, tmp_path):
    src = write(tmp_path / "a.yaml", """
        kind: sheet
        title: Ark
        blocks:
          - field: Navn
          - box: {title: Favorittingene mine, lines: 14, span: 2}
          - box: {title: Drømmene mine, lines: 12, span: 2}
    """)
    out = tmp_path / "a.pdf"
    out.write_bytes(OLD)
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 1
    assert re.search(r"a\.yaml:6:5: block 3 \(box «Drømmene mine»\) does not fit on page 1: the blocks up to it "
                     r"need \d+ mm, the page has \d+ mm", result.output), result.output
    assert out.read_bytes() == OLD
    src.write_text(src.read_text(encoding="utf-8").replace("  - box: {title: Drømmene",
                                                           "  - new_page: true\n  - box: {title: Drømmene"))
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(page_texts(out)) == 2


def test_a_name_too_long_for_a_field_is_named_with_its_pupil(runner, tmp_path):
    src = write(tmp_path / "a.yaml", """
        kind: sheet
        title: Ark
        columns: 4
        pupils: [Ada, Maximiliane Kristiansen-Haugland Fjellstad-Bergersen]
        blocks:
          - field: Navn
    """)
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 1
    assert "a.yaml:6:12: «Maximiliane" in result.output
    assert "(with the name «Maximiliane Kristiansen-Haugland Fjellstad-Bergersen», pupil 2)" in result.output


def test_unknown_placeholders_and_wrong_blocks_are_placed(runner, tmp_path):
    src = write(tmp_path / "a.yaml", """
        kind: sheet
        title: Til {nvan}
        blocks:
          - text: "Hei {navn}, {{ikke et felt}} og {dato}"
          - checklist: {from: dilemmakort}
    """)
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith("a.yaml:2:8: unknown placeholder '{nvan}'; did you mean '{navn}'? ({navn}, the "
                             "pupil's name, is the one placeholder; write {{ and }} for a brace)")
    assert "a.yaml:4:11: unknown placeholder '{dato}'" in lines[1]
    assert len(lines) == 2  # dilemmakort is a card deck: its titles are a fine checklist


def test_the_same_input_gives_the_same_bytes(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path, NAMES[:3])
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run(runner, "build", "klassebamse", "--pupils", "klasse.txt", "-o", str(a)).exit_code == 0
    assert run(runner, "build", "klassebamse", "--pupils", "klasse.txt", "-o", str(b)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_qr_image_and_table_blocks(runner, tmp_path):
    shutil.copy(Path(__file__).parent.parent / "examples" / "klassens-kort" / "sol.png", tmp_path / "sol.png")
    src = write(tmp_path / "a.yaml", """
        kind: sheet
        title: Ark
        blocks:
          - qr: {link: "https://skole.example/2b", caption: Les mer om SMART}
          - image: {file: sol.png, title: Sola, height: 40mm}
          - table: {title: Leselogg, headers: [Bok, Sider, Dato], widths: [4, 1, 2], rows: 5}
    """)
    out = tmp_path / "a.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = page_texts(out)[0]
    assert all(w in text for w in ("Les mer om SMART", "Sola", "Leselogg", "Sider"))
    built = _built(str(src))
    kinds = {type(i).__name__ for i in built.plan.pages[0].items}
    assert {"QrItem", "ImageItem", "VRule"} <= kinds
