"""The built PDF itself: size, text by page, fonts, determinism, print hints, backs."""

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import page_texts, render, run, write
from smartprint.resolve.units import MM

STRENGTHS = [
    "Kreativitet",
    "Nysgjerrighet",
    "Dømmekraft",
    "Lærelyst",
    "Perspektiv",
    "Tapperhet",
    "Utholdenhet",
    "Ærlighet",
    "Livsglede",
    "Kjærlighet",
    "Vennlighet",
    "Sosial intelligens",
    "Samarbeid",
    "Rettferdighet",
    "Lederskap",
    "Tilgivelse",
    "Ydmykhet",
    "Forsiktighet",
    "Selvkontroll",
    "Sans for skjønnhet",
    "Takknemlighet",
    "Håp",
    "Humor",
    "Mening",
]


@pytest.fixture(scope="module")
def styrkekort(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    out = tmp_path_factory.mktemp("s") / "s.pdf"
    result = run(CliRunner(), "build", "styrkekort", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "6 pages" in result.output
    return out


def test_pages_are_a4_and_alternate_front_back(styrkekort):
    reader = PdfReader(str(styrkekort))
    assert len(reader.pages) == 6  # 25 cards: 3 sheets of 9, each front then back
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(210 * MM, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(297 * MM, abs=0.01)
    texts = page_texts(styrkekort)
    for i, text in enumerate(texts):
        side = "forside" if i % 2 == 0 else "bakside"
        assert f"ark {i // 2 + 1} av 3" in text and side in text


def test_every_strength_is_on_a_front_page(styrkekort):
    fronts = " ".join(t for i, t in enumerate(page_texts(styrkekort)) if i % 2 == 0)
    flat = " ".join(fronts.split())
    for name in STRENGTHS:
        assert name in flat, name
    backs = [t for i, t in enumerate(page_texts(styrkekort)) if i % 2 == 1]
    assert backs[0].count("SMART") == 9 and backs[-1].count("SMART") == 7
    assert all("Anerkjennelse" in t for t in backs)


def test_every_font_is_embedded(styrkekort):
    reader = PdfReader(str(styrkekort))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
    assert not any("Helvetica" in str(n) for n in fonts)
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(styrkekort)], capture_output=True, text=True, check=True).stdout
        rows = out.strip().splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), out  # the 'emb' column


def test_print_hints_in_the_catalog(styrkekort):
    prefs = PdfReader(str(styrkekort)).trailer["/Root"]["/ViewerPreferences"]
    assert prefs["/PrintScaling"] == "/None"
    assert prefs["/Duplex"] == "/DuplexFlipLongEdge"


def test_two_builds_are_byte_identical(styrkekort, runner, tmp_path):
    again = tmp_path / "again.pdf"
    assert run(runner, "build", "styrkekort", "-o", str(again)).exit_code == 0
    assert again.read_bytes() == styrkekort.read_bytes()


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_poppler_renders_without_complaint(styrkekort, tmp_path):
    """Content streams are parsed by a real renderer: a bad operator would show here."""
    result = subprocess.run(
        ["pdftoppm", "-r", "20", "-png", str(styrkekort), str(tmp_path / "p")], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert len(list(tmp_path.glob("p-*.png"))) == 6


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf is not installed")
def test_qpdf_finds_nothing_wrong(styrkekort):
    result = subprocess.run(["qpdf", "--check", str(styrkekort)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def _ink(image, box) -> float:
    """Share of pixels in `box` darker than paper white."""
    histogram = image.crop(box).histogram()
    return sum(histogram[:235]) / sum(histogram)


def test_seven_card_deck_back_of_lone_card_is_in_right_column(runner, tmp_path):
    cards = "\n".join(f"  - title: Kort {i}\n    text: Tekst {i}" for i in range(1, 8))
    write(tmp_path / "sju.yaml", f"kind: cards\ntitle: Sju\nback:\n  title: Bak\ncards:\n{cards}\n")
    out = tmp_path / "sju.pdf"
    assert run(runner, "build", str(tmp_path / "sju.yaml"), "-o", str(out)).exit_code == 0
    texts = page_texts(out)
    assert len(texts) == 2 and "Kort 7" in texts[0] and texts[1].count("Bak") == 7

    dpi = 50
    front, back = render(out, 0, dpi), render(out, 1, dpi)
    px = dpi / 72
    left = (210 - 3 * 63) / 2 * MM
    top = (297 + 3 * 88) / 2 * MM
    row3_y = (297 * MM - top + 2 * 88 * MM) * px  # top of the third row, in image pixels

    def column_box(col: int):
        x0 = (left + col * 63 * MM) * px
        return (int(x0 + 8), int(row3_y + 8), int(x0 + 63 * MM * px - 8), int(row3_y + 88 * MM * px - 8))

    assert _ink(front, column_box(0)) > 0.01 and _ink(front, column_box(2)) == 0
    assert _ink(back, column_box(2)) > 0.01 and _ink(back, column_box(0)) == 0


def test_print_shop_pages_have_trim_and_bleed_boxes(runner, tmp_path):
    out = tmp_path / "trykk.pdf"
    result = run(runner, "build", "styrkekort", "--layout", "trykkeri-63x88", "-o", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out))
    assert len(reader.pages) == 50
    page = reader.pages[0]
    assert float(page.mediabox.width) == pytest.approx(69 * MM, abs=0.01)
    trim = [float(v) for v in page.trimbox]
    assert trim == pytest.approx([3 * MM, 3 * MM, 66 * MM, 91 * MM], abs=0.01)
    assert [float(v) for v in page.bleedbox] == pytest.approx([0, 0, 69 * MM, 94 * MM], abs=0.01)
    # the group's colour band runs out into the bleed: the very top row of pixels is coloured
    image = render(out, 0, 72)
    assert image.getpixel((image.width // 2, 1)) < 200


def test_fold_layout_is_one_sided_with_pairs(runner, tmp_path):
    out = tmp_path / "brett.pdf"
    assert run(runner, "build", "styrkekort", "--layout", "kort-63x88-brett", "-o", str(out)).exit_code == 0
    reader = PdfReader(str(out))
    assert len(reader.pages) == 7  # 25 cards, 4 pairs a page
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/Duplex"] == "/Simplex"
    first = page_texts(out)[0]
    assert first.count("SMART") == 4 and "Kreativitet" in first


def test_decomposed_letters_are_composed(runner, tmp_path):
    """Letters pasted in decomposed form (a + U+030A COMBINING RING ABOVE) print as the one
    composed letter (U+00E5 å), never as a base letter with a loose combining mark, also
    with a font that has glyphs for the combining marks (where the glyph check cannot help)."""
    import unicodedata

    import reportlab
    from fontTools.ttLib import TTFont

    marked = TTFont(str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"))
    for table in marked["cmap"].tables:
        if table.isUnicode():  # give the combining marks the spacing accents' glyphs
            table.cmap.update({0x030A: "ring", 0x0308: "dieresis", 0x0301: "acute"})
    for record in marked["name"].names:
        if record.nameID == 6:  # a PostScript name of its own, not Vera's
            record.string = "Merker-Roman"
    marked.save(str(tmp_path / "Merker.ttf"))
    # å, ä and é each typed as a base letter plus a combining mark (Ø has no decomposition)
    title = "Ha\u030ap, gla\u0308de og Ide\u0301 for Ø"
    assert all(mark in title for mark in "\u030a\u0308\u0301")  # the file really holds decomposed letters
    for font in ("font: Merker.ttf\n", ""):
        write(tmp_path / "d.yaml", f'kind: cards\ntitle: X\n{font}cards:\n  - title: "{title}"\n')
        out = tmp_path / "d.pdf"
        result = run(runner, "build", str(tmp_path / "d.yaml"), "-o", str(out))
        assert result.exit_code == 0, result.output
        texts = page_texts(out)
        assert "H\u00e5p, gl\u00e4de og Id\u00e9 for \u00d8" in " ".join(texts[0].split()), (font, ascii(texts[0]))
        marks = sorted({f"U+{ord(ch):04X}" for ch in "".join(texts) if unicodedata.combining(ch)})
        assert marks == [], (font, marks)


def test_egenskaper_posters(runner, tmp_path):
    out = tmp_path / "e.pdf"
    assert run(runner, "build", "egenskaper", "-o", str(out)).exit_code == 0
    texts = page_texts(out)
    assert len(texts) == 21
    for word in [
        "Omsorg",
        "Hjelpsomhet",
        "Humor",
        "Ærlighet",
        "Samarbeid",
        "Mot",
        "Læringsglede",
        "Nysgjerrighet",
        "Målrettethet",
        "Respekt",
        "Takknemlighet",
        "Selvtillit",
        "Tålmodighet",
    ]:
        assert any(word in t for t in texts), word
    assert PdfReader(str(out)).trailer["/Root"]["/ViewerPreferences"]["/Duplex"] == "/Simplex"


def test_example_deck_builds_with_image_and_qr(runner, tmp_path):
    example = Path(__file__).parent.parent / "examples" / "klassens-kort" / "klassens-kort.yaml"
    out = tmp_path / "k.pdf"
    result = run(runner, "build", str(example), "-o", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2
    xobjects = [x.get_object() for x in reader.pages[0]["/Resources"]["/XObject"].values()]
    assert sum(1 for x in xobjects if x["/Subtype"] == "/Image") == 1  # the sun picture, once


def _text_forms(pdf: Path, page: int = 0) -> list[str]:
    """The names of the card-text forms a page can place (the pages share one list)."""
    xobjects = PdfReader(str(pdf)).pages[page]["/Resources"].get("/XObject", {})
    return [name for name in xobjects if "-text" in name]


def test_a_long_text_on_many_cards_is_in_the_file_once_and_printed_on_each(tmp_path, runner):
    """A card printed four times (`count: 4`): its long text is drawn once as a form
    and placed on each copy, so the page reads the same and the file holds the words
    once. Short texts (its title, a line two cards share) cost less written out than a
    form does, and are drawn where they stand."""
    long_text = (
        "Denne teksten står på fire kort som er helt like. Den er lang nok til at det lønner "
        "seg å skrive den i fila bare én gang og vise til den fra hvert kort. Tenk på en gang "
        "du brukte denne styrken, og fortell hva som skjedde."
    )
    deck = write(
        tmp_path / "deck.yaml",
        f"""\
        kind: cards
        title: Delt tekst
        cards:
          - title: Samme kort
            text: {long_text}
            count: 4
          - title: Første
            text: Et spørsmål som går igjen.
          - title: Andre
            text: Et spørsmål som går igjen.
        back:
          title: Baksiden
        """,
    )
    out = tmp_path / "deck.pdf"
    result = run(runner, "build", str(deck), "-o", str(out))
    assert result.exit_code == 0, result.output
    front = " ".join(page_texts(out)[0].split())
    assert front.count("lønner seg") == 4
    assert front.count("Samme kort") == 4
    assert front.count("Et spørsmål som går igjen") == 2
    assert len(_text_forms(out)) == 1
    page = PdfReader(str(out)).pages[0].get_contents().get_data()
    assert page.count(b"-text0 Do") == 4


def test_shared_text_prints_as_the_same_text_drawn_directly(tmp_path, runner):
    """The forms are a way of writing the file, not a change on paper: cards that all
    differ (nothing shared) and the same cards each five times (their long texts shared)
    give the same pixels where the first card stands."""
    words = "med nok ord til å fylle flere linjer på kortet, slik at den lønner seg å dele " * 3
    cards = "\n".join(f"  - title: Kort {k}\n    text: Tekst nummer {k} {words}\n    count: COUNT" for k in range(1, 4))
    once = write(tmp_path / "once.yaml", f"kind: cards\ntitle: T\ncards:\n{cards.replace('COUNT', '1')}\n")
    often = write(tmp_path / "often.yaml", f"kind: cards\ntitle: T\ncards:\n{cards.replace('COUNT', '5')}\n")
    for deck in (once, often):
        result = run(runner, "build", str(deck), "-o", str(deck.with_suffix(".pdf")))
        assert result.exit_code == 0, result.output
    assert _text_forms(once.with_suffix(".pdf")) == []
    assert len(_text_forms(often.with_suffix(".pdf"))) == 3  # each card's text, once
    a = render(once.with_suffix(".pdf"), 0, dpi=100)
    b = render(often.with_suffix(".pdf"), 0, dpi=100)
    box = (0, 0, a.width // 3, a.height // 3)  # the first card, top left, is the same card in both
    assert a.crop(box).tobytes() == b.crop(box).tobytes()


def test_the_pages_share_one_list_of_forms(styrkekort):
    """Every page that places forms names them through one dictionary written once (a
    sheet of cards places a dozen; their names on every page were a tenth of the file),
    and every form a page's content places is in it."""
    import re

    reader = PdfReader(str(styrkekort))
    shared = {page["/Resources"].raw_get("/XObject").idnum for page in reader.pages}
    assert len(shared) == 1
    names = set(reader.pages[0]["/Resources"]["/XObject"])
    for page in reader.pages:
        placed = {m.decode() for m in re.findall(rb"(/FormXob\.[^\s/]+) Do", page.get_contents().get_data())}
        assert placed and placed <= names
