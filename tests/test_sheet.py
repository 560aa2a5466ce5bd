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
from smartprint.kinds.base import Options
from smartprint.kinds.sheet import page as sp
from smartprint.load import resources
from smartprint.parts.geometry import Rect
from smartprint.pipeline import check_only, prepare
from smartprint.resolve.placeholders import BLANK
from smartprint.resolve.units import MM

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
    assert len(_all_texts(out)) == pages
    class_txt(tmp_path)
    result = run(runner, "build", name, "--pupils", "klasse.txt", "-o", str(out))
    assert result.exit_code == 0, result.output
    texts = _all_texts(out)
    each = pages - once  # pages after `new_page: once` (the group's poster) come once, at the end
    assert len(texts) == 25 * each + once
    firsts = texts[: 25 * each : each]
    assert names_on(firsts) == [[n] for n in NAMES]  # in the list's order, each its own name
    assert all(not names_on([t])[0] for t in texts[25 * each :])


def _all_texts(out):
    """The pages of a build in print order: `out`, or its files per paper (the pupils'
    sheets, then a poster on its own paper)."""
    if out.exists():
        return page_texts(out)
    parts = sorted(out.parent.glob(f"{out.stem}-a*.pdf"), key=lambda p: p.stem[-1], reverse=True)  # a4 before a3
    return [t for part in parts for t in page_texts(part)]


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
        first = name.split()[0]  # a one-column list: {fornavn} is the name's first word
        assert f"Styrkene vi så hos {first} (kryss av)" in form
    assert run(runner, "build", "klassebamse", "-o", str(out)).exit_code == 0
    letter = page_texts(out)[0]
    assert f"Kjære familien til {BLANK}!" in letter  # a line to write the child's name on


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
        "\nback:", "\n  - title: Tålmodighet\n    text: Du kan vente på tur.\n\nback:", 1
    )
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
    for k, planned in enumerate(built.plan.pages):
        inside = _inside(built, k)
        _no_overlap_inside(planned, inside, built.job.fonts)
        for item in planned.items:
            if isinstance(item, (sp.FrameItem,)):
                assert inside.contains(item.rect)
            if isinstance(item, sp.RuleItem):
                assert inside.x - 0.5 <= item.x0 <= item.x1 <= inside.right + 0.5
                assert inside.y - 0.5 <= item.y <= inside.top + 0.5


def _inside(built, index: int = 0) -> Rect:
    """The room inside the margins of page `index` (a poster on its own paper is larger)."""
    page, sheet = built.job.page, built.plan
    width, height = page.width, page.height
    if sheet.poster_size is not None and index >= len(sheet.pages) - sheet.shared:
        width, height = sheet.poster_size
    return Rect(page.margin, page.margin, width - 2 * page.margin, height - 2 * page.margin)


def _no_overlap_inside(planned: sp.PagePlan, inside: Rect, fonts) -> None:
    """Every text and box of the page inside the margins, and no two on top of each other."""
    boxes = _boxes(planned, fonts)
    for what, rect in boxes:
        assert inside.contains(rect), (what, rect)
    for (a, ra), (b, rb) in combinations(boxes, 2):
        assert not _overlap(ra, rb), (a, b)


def _line_gaps(page: sp.PagePlan) -> list[float]:
    ys = sorted(
        {round(i.y, 2) for i in page.items if isinstance(i, sp.RuleItem) and i.x1 - i.x0 > 40 * MM}, reverse=True
    )
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
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Ark
        age: 6
        blocks:
          - box: {title: Skriv her, lines: 4, span: 2}
    """,
    )
    gaps = _line_gaps(_built(str(src)).plan.pages[0])
    assert gaps and min(gaps) >= 14 * MM - 0.01
    src.write_text(src.read_text(encoding="utf-8").replace("age: 6", "age: 14"), encoding="utf-8")
    gaps = _line_gaps(_built(str(src)).plan.pages[0])
    assert gaps and max(gaps) <= 9 * MM


def test_the_posters_three_words_are_readable_across_a_classroom(runner, tmp_path):
    src = write(
        tmp_path / "p.yaml",
        """
        kind: sheet
        title: Plakat
        header: false
        columns: 1
        blocks:
          - words: {title: Våre tre viktigste, items: [Lytte, Hjelpe hverandre, Være ærlig]}
    """,
    )
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
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Ark
        blocks:
          - field: Navn
          - box: {title: Favorittingene mine, lines: 14, span: 2}
          - box: {title: Drømmene mine, lines: 12, span: 2}
    """,
    )
    out = tmp_path / "a.pdf"
    out.write_bytes(OLD)
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 1
    assert re.search(
        r"a\.yaml:6:5: block 3 \(box «Drømmene mine»\) does not fit on page 1: the blocks up to it "
        r"need \d+ mm, the page has \d+ mm",
        result.output,
    ), result.output
    assert out.read_bytes() == OLD
    src.write_text(
        src.read_text(encoding="utf-8").replace(
            "  - box: {title: Drømmene", "  - new_page: true\n  - box: {title: Drømmene"
        )
    )
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(page_texts(out)) == 2


def test_a_name_too_long_for_a_field_is_named_with_its_pupil(runner, tmp_path):
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Ark
        columns: 4
        pupils: [Ada, Maximiliane Kristiansen-Haugland Fjellstad-Bergersen]
        blocks:
          - field: Navn
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 1
    assert "a.yaml:6:12: «Maximiliane" in result.output
    assert "(with the name «Maximiliane Kristiansen-Haugland Fjellstad-Bergersen», pupil 2)" in result.output


def test_unknown_placeholders_and_wrong_blocks_are_placed(runner, tmp_path):
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Til {nvan}
        blocks:
          - text: "Hei {navn}, {{ikke et felt}} og {dato}"
          - checklist: {from: dilemmakort}
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith(
        "a.yaml:2:8: unknown placeholder '{nvan}'; did you mean '{navn}'? ({navn} is the "
        "pupil's name and {fornavn} the first name; write {{ and }} for a brace)"
    )
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
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Ark
        blocks:
          - qr: {link: "https://skole.example/2b", caption: Les mer om SMART}
          - image: {file: sol.png, title: Sola, height: 40mm}
          - table: {title: Leselogg, headers: [Bok, Sider, Dato], widths: [4, 1, 2], rows: 5}
    """,
    )
    out = tmp_path / "a.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = page_texts(out)[0]
    assert all(w in text for w in ("Les mer om SMART", "Sola", "Leselogg", "Sider"))
    built = _built(str(src))
    kinds = {type(i).__name__ for i in built.plan.pages[0].items}
    assert {"QrItem", "ImageItem", "VRule"} <= kinds


# ------------------------------------------------------------------ every built-in on every layout, long names

LONG_NAMES = [
    "Maximilian-Alexander Kristoffersen-Bjørnstad Øvrebø Nordahl-Sæther",
    "Maximilian-Alexander Kristoffersen-Bjørnstad Øvrebø Nordahl-Sæther von Fjellheim",  # 80: the most
    "Emma Sofie Kristiansen",
    "Ada",
]
SHEETS = [
    n
    for n in resources.builtin_names("decks")
    if yaml.safe_load((resources.data_dir("decks") / f"{n}.yaml").read_text(encoding="utf-8"))["kind"] == "sheet"
]


def _sheet_layouts() -> list[str]:
    from smartprint.resolve.layout import layout_kind

    return [n for n in resources.builtin_names("layouts") if layout_kind(n) == "sheet"]


def test_the_sheet_built_ins_and_layouts_are_found():
    assert set(SHEETS) == {"megselvhelten", "klassebamse", "gruppeplakat"}
    assert set(_sheet_layouts()) == {"ark-a4", "ark-a4-stor", "ark-a3"}


@pytest.mark.parametrize("layout", _sheet_layouts())
@pytest.mark.parametrize("name", SHEETS)
def test_every_built_in_sheet_builds_on_every_sheet_layout(runner, tmp_path, monkeypatch, name, layout):
    """`smartprint build gruppeplakat --layout ark-a3` (the A3 poster the README promises)
    once failed on its table; a table's rows now close up to the room the page has."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "a.pdf"
    result = run(runner, "build", name, "--layout", layout, "-o", str(out))
    assert result.exit_code == 0, result.output
    class_txt(tmp_path, NAMES[:3] + LONG_NAMES)
    result = run(runner, "build", name, "--layout", layout, "--pupils", "klasse.txt", "-o", str(out))
    assert result.exit_code == 0, result.output


def test_a_table_closes_up_its_rows_on_a_short_page_but_keeps_them_all():
    built = _built("gruppeplakat", layout="ark-a3")
    page = built.plan.pages[0]
    rules = sorted({round(i.y, 2) for i in page.items if isinstance(i, sp.RuleItem) and i.width == 0.5}, reverse=True)
    assert len(rules) + 1 == 12  # the 12 rows asked for
    step = rules[0] - rules[1]
    assert 6 * MM <= step < 16 * MM  # closer than ark-a3's 16 mm lines, never under 6 mm
    assert all(abs((a - b) - step) < 0.05 for a, b in zip(rules, rules[1:]))


@pytest.mark.parametrize("layout", _sheet_layouts())
@pytest.mark.parametrize("name", SHEETS)
def test_long_names_wrap_or_shrink_and_nothing_overlaps_on_any_layout(name, layout, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path, LONG_NAMES)
    built = _built(name, pupils="klasse.txt", layout=layout)
    page = built.job.page
    for k, planned in enumerate(built.plan.pages):
        inside = _inside(built, k)
        _no_overlap_inside(planned, inside, built.job.fonts)
        for item in planned.items:
            if isinstance(item, sp.TextItem):
                assert min(line.size for line in item.box.fitted.lines) >= page.min_text_size - 0.01
            if isinstance(item, sp.FrameItem):
                assert inside.contains(item.rect)
                for other in planned.items:  # text in a frame stays in it, or wholly outside
                    if isinstance(other, sp.TextItem):
                        from smartprint.parts.inside import text_rect

                        r = text_rect(other.box, built.job.fonts)
                        assert item.rect.contains(r) or not _overlap(item.rect, r)
    texts = [
        " ".join(line.text for i in p.items if isinstance(i, sp.TextItem) for line in i.box.fitted.lines)
        for p in built.plan.pages
    ]
    for who in LONG_NAMES[:2]:  # the whole name is printed (wrapped, perhaps hyphenated), never cut short
        assert any(who.split()[-1] in t.replace("-", "").replace(" ", "") or who.split()[-1] in t for t in texts)


@pytest.mark.parametrize("name", [None, "Ada", "Maximilian-Alexander Kristoffersen"])
def test_the_title_wraps_before_it_shrinks(tmp_path, monkeypatch, name):
    """klassebamse's form: the two box titles side by side are set at (nearly) the heading
    size, on more lines (the right one was 9 pt beside 11.5 pt with the longer name)."""
    monkeypatch.chdir(tmp_path)
    if name:
        class_txt(tmp_path, [name])
    built = _built("klassebamse", pupils="klasse.txt" if name else None)
    boxes = [
        i
        for i in built.plan.pages[1].items
        if isinstance(i, sp.TextItem) and isinstance(i.origin, tuple) and i.origin[2:] == ("box", "title")
    ]
    assert len(boxes) == 2
    s = built.job.layout.geometry.body_size * 1.15
    assert all(abs(b.box.fitted.size - s) <= s * 0.05 + 0.25 for b in boxes), [b.box.fitted.size for b in boxes]


def test_every_pupil_whose_name_does_not_fit_is_named(runner, tmp_path):
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Ark
        columns: 4
        pupils: [Ada, Maximiliane Kristiansen-Haugland Fjellstad-Bergersen Wergeland, Emil,
                 Kristoffer-Alexander Bjørnstad-Sæther Nordahl-Øvrebø Kristiansen]
        blocks:
          - field: Navn
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 2, result.output
    assert "pupil 2)" in lines[0] and "pupil 4)" in lines[1]
    assert "smartprint new" not in result.output  # the teacher's own file: edit it


def test_a_built_in_that_cannot_take_a_name_says_how_to_get_a_copy(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    class_txt(tmp_path, ["Ada", "W" * 80])
    result = run(
        runner,
        "build",
        "klassebamse",
        "--layout",
        "ark-a4-stor",
        "--pupils",
        "klasse.txt",
        "-o",
        str(tmp_path / "a.pdf"),
    )
    assert result.exit_code == 1
    assert "klasse.txt:2:1" in result.output
    assert "first run 'smartprint new klassebamse'" in result.output
    assert str(resources.data_dir("decks")) not in result.output.split(": ", 1)[1]  # no advice to edit it there


# ------------------------------------------------------------------ {navn} everywhere, double-sided, page breaks


def test_the_name_and_braces_are_filled_in_everywhere_text_is_printed(runner, tmp_path):
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: "Ark for {navn} {{1}}"
        pupils: [Ada]
        blocks:
          - checklist: {title: "Liste {{2}}", items: ["Hjelpe {navn}", "Sett {{3}}"]}
          - table: {headers: ["{navn} sin", "Kol {{4}}"], rows: 2}
          - qr: {link: "https://skole.example/{navn}", caption: "Til {navn} {{5}}"}
          - new_page: true
          - words: {title: "Ord {{6}}", items: ["Hei {navn}", "B {{7}}"]}
    """,
    )
    out = tmp_path / "a.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = "\n".join(page_texts(out))
    for shown in (
        "Ark for Ada {1}",
        "Liste {2}",
        "Hjelpe Ada",
        "Sett {3}",
        "Ada sin",
        "Kol {4}",
        "Til Ada {5}",
        "Ord {6}",
        "Hei Ada",
        "B {7}",
    ):
        assert shown in text, shown
    assert "{navn}" not in text and "{{" not in text


def _sheet(tmp_path: Path, pages: int, extra: str = "", pupils: str = "[Ada, Emil]") -> Path:
    blocks = "\n".join(
        ["  - box: {title: Side, lines: 2}"] + ["  - new_page: true\n  - box: {title: Side, lines: 2}"] * (pages - 1)
    )
    return write(tmp_path / "a.yaml", f"kind: sheet\ntitle: Ark\npupils: {pupils}\n{extra}blocks:\n{blocks}\n")


def _duplex(pdf: Path) -> str:
    from pypdf import PdfReader

    return str(PdfReader(pdf).trailer["/Root"]["/ViewerPreferences"]["/Duplex"])


def test_a_sheet_of_several_pages_prints_double_sided_each_pupil_on_own_paper(runner, tmp_path):
    src = _sheet(tmp_path, 3)
    out = tmp_path / "a.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "print double-sided" in result.output
    texts = page_texts(out)
    assert len(texts) == 2 * 4  # 3 pages per pupil, and an empty 4th: Emil starts on a fresh sheet
    assert [bool(t.strip()) for t in texts] == [True, True, True, False] * 2
    assert "Emil" not in "".join(texts[:4])
    assert render(out, 3).getextrema()[0] == 255  # nothing printed on the back page
    assert _duplex(out) == "/DuplexFlipLongEdge"
    built = _built(str(src))
    assert built.plan.per_sheet == 3 and len(built.plan.pages) == 8


def test_a_one_page_sheet_stays_one_sided_and_the_choice_can_be_set(runner, tmp_path):
    out = tmp_path / "a.pdf"
    src = _sheet(tmp_path, 1)
    assert run(runner, "build", str(src), "-o", str(out)).exit_code == 0
    assert len(page_texts(out)) == 2 and _duplex(out) == "/Simplex"
    src = _sheet(tmp_path, 3, "double_sided: false\n")
    assert run(runner, "build", str(src), "-o", str(out)).exit_code == 0
    assert len(page_texts(out)) == 6 and _duplex(out) == "/Simplex"
    src = _sheet(tmp_path, 1, "double_sided: true\n")
    assert run(runner, "build", str(src), "-o", str(out)).exit_code == 0
    assert len(page_texts(out)) == 4 and _duplex(out) == "/DuplexFlipLongEdge"


def test_the_klassebamse_letter_and_form_are_one_double_sided_sheet(runner, tmp_path):
    out = tmp_path / "k.pdf"
    assert run(runner, "build", "klassebamse", "-o", str(out)).exit_code == 0
    assert _duplex(out) == "/DuplexFlipLongEdge"


def test_pages_printed_once_start_on_a_fresh_sheet(runner, tmp_path):
    src = write(
        tmp_path / "a.yaml",
        """
        kind: sheet
        title: Ark
        pupils: [Ada, Emil]
        blocks:
          - box: {title: En, lines: 2}
          - new_page: true
          - box: {title: To, lines: 2}
          - new_page: true
          - box: {title: Tre, lines: 2}
          - new_page: once
          - new_page: true
          - words: {title: Plakat, count: 3}
    """,
    )
    out = tmp_path / "a.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    texts = page_texts(out)
    assert len(texts) == 2 * 4 + 1  # the poster on its own paper, no blank page for 'once' then 'true'
    assert "Plakat" in texts[8] and not texts[7].strip()


@pytest.mark.parametrize(
    "blocks",
    [
        "  - new_page: true\n  - box: En\n",
        "  - box: En\n  - new_page: true\n  - new_page: true\n  - box: To\n",
        "  - box: En\n  - new_page: once\n  - new_page: true\n  - box: To\n",
    ],
)
def test_page_breaks_in_a_row_make_no_empty_page(runner, tmp_path, blocks):
    src = write(tmp_path / "a.yaml", f"kind: sheet\ntitle: Ark\ndouble_sided: false\nblocks:\n{blocks}")
    out = tmp_path / "a.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    texts = page_texts(out)
    assert all(t.strip() for t in texts), texts
    assert len(texts) == blocks.count("box:")


# ------------------------------------------------------------------ QR codes, empty blocks, `list`


def test_a_qr_code_too_dense_to_scan_is_refused_with_the_size_it_needs(runner, tmp_path):
    link = "https://skole.example/?q=" + "a" * 975
    src = write(
        tmp_path / "a.yaml",
        f"""
        kind: sheet
        title: Ark
        blocks:
          - qr: {{link: "{link}", size: 15mm}}
          - qr: {{link: "https://skole.example/2b", size: 15mm}}
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 1
    assert re.search(
        r"a\.yaml:4:16: the QR code is too dense to scan: the link is 1000 characters, so at 15 mm "
        r"its dots are 0\.1\d mm, and a phone needs about 0\.4 mm; make it 'size: \d+mm' or more, or "
        r"use a shorter link",
        result.output,
    ), result.output
    need = int(re.search(r"size: (\d+)mm", result.output).group(1))
    assert 40 <= need <= 60
    src.write_text(src.read_text(encoding="utf-8").replace("size: 15mm}", f"size: {need}mm}}", 1), encoding="utf-8")
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 0, result.output


def test_a_qr_link_too_long_for_any_code_says_sheet_not_card(runner, tmp_path):
    src = write(
        tmp_path / "a.yaml",
        f"""
        kind: sheet
        title: Ark
        blocks:
          - qr: "https://skole.example/{"a" * 1000}"
    """,
    )
    result = run(runner, "build", str(src), "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 1
    assert "too long for a QR code a phone can read from a sheet; use a shorter link" in result.output
    assert "card" not in result.output


@pytest.mark.parametrize("block", ["field: ''", "text: ''", "qr: ''", "image: ''", "field: '  '", "text: ' '"])
@pytest.mark.parametrize("command", ["build", "validate"])
def test_an_empty_short_form_block_is_named_like_one_with_nothing_after_it(runner, tmp_path, block, command):
    src = write(tmp_path / "a.yaml", f"kind: sheet\ntitle: Ark\nblocks:\n  - {block}\n")
    args = [command, str(src)] + (["-o", str(tmp_path / "a.pdf")] if command == "build" else [])
    result = run(runner, *args)
    assert result.exit_code == 1, result.output
    t = block.split(":")[0]
    assert f"a.yaml:4:5: block 1: '{t}' is empty; write " in result.output, result.output
    assert "Traceback" not in result.output and "ValidationError" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_list_shows_a_sheets_title_without_its_placeholder(runner):
    result = run(runner, "list")
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if x.strip().startswith("klassebamse"))
    assert "{navn}" not in line and line.rstrip().endswith("Klassebamsen er på besøk hos …")


@pytest.mark.parametrize(
    "label, on_line", [("Elevens navn", True), ("Mitt namn", True), ("Fornavn", False), ("Klasse", False)]
)
def test_every_pupils_sheet_carries_the_name(runner, tmp_path, label, on_line):
    """A field whose label has the word navn gets the name on its line; a sheet with no such
    place prints the name at the foot, so no pupil gets an anonymous sheet."""
    src = write(
        tmp_path / "om.yaml",
        f"""
        kind: sheet
        title: Om meg
        pupils: [Ada, Emil]
        blocks:
          - field: {label}
          - box: {{title: Dette liker jeg, lines: 2}}
        """,
    )
    out = tmp_path / "om.pdf"
    assert run(runner, "build", str(src), "-o", str(out)).exit_code == 0
    texts = [" ".join(t.split()) for t in page_texts(out)]
    assert len(texts) == 2 and "Ada" in texts[0] and "Emil" in texts[1]
    assert (f"{label}: Ada" in texts[0]) == on_line


def test_a_drawing_written_as_on_a_card_is_a_frame_without_a_title(runner, tmp_path):
    src = write(
        tmp_path / "t.yaml",
        """
        kind: sheet
        title: Tegn
        blocks:
          - field: Navn
          - drawing: true
        """,
    )
    built = _built(str(src))
    frames = [i for i in built.plan.pages[0].items if isinstance(i, sp.FrameItem)]
    assert len(frames) == 1 and frames[0].rect.h > 150 * MM  # the frame takes the rest of the page
