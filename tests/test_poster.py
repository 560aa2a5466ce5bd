"""The group poster: on its own paper in a file of its own, its heading read across a
classroom, and a summary that says which page is whose."""

from __future__ import annotations

from conftest import run
from smartprint.kinds.sheet.page import TextItem
from smartprint.load import resources
from smartprint.pipeline import plan, prepare
from smartprint.resolve.units import MM

CAP_HEIGHT = 0.729  # DejaVu Sans: a capital's height, of the font size


def _page_sizes(pdf):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return {tuple(round(v) for v in doc[i].get_size()) for i in range(len(doc))}, len(doc)
    finally:
        doc.close()


def test_worksheets_on_a4_and_the_poster_on_a3_in_files_of_their_own(runner, tmp_path):
    klasse = tmp_path / "klasse.txt"
    klasse.write_text("Ada\nBo\nCyrus\n", encoding="utf-8")
    result = run(runner, "build", "gruppeplakat", "--pupils", str(klasse), "-o", str(tmp_path / "g.pdf"))
    assert result.exit_code == 0, result.output
    assert _page_sizes(tmp_path / "g-a4.pdf") == ({(595, 842)}, 3)
    assert _page_sizes(tmp_path / "g-a3.pdf") == ({(842, 1191)}, 1)
    assert "3 sheets, one per pupil, on A4" in result.output
    assert "the poster on A3; print one per group" in result.output


def test_without_a_class_list_the_summary_says_which_page_is_whose(runner, tmp_path):
    copy = tmp_path / "plakat.yaml"
    text = (resources.data_dir("decks") / "gruppeplakat.yaml").read_text(encoding="utf-8")
    copy.write_text(text.replace("poster_paper: A3", "poster_paper: A4"), encoding="utf-8")
    result = run(runner, "build", str(copy), "-o", str(tmp_path / "p.pdf"))
    assert result.exit_code == 0, result.output
    assert "page 1 each pupil's sheet (print one per pupil), then 1 page printed once (print one per group)" in (
        result.output
    )


def test_the_poster_heading_has_capitals_at_least_10_mm_high_on_a4(tmp_path):
    copy = tmp_path / "plakat.yaml"
    text = (resources.data_dir("decks") / "gruppeplakat.yaml").read_text(encoding="utf-8")
    copy.write_text(text.replace("poster_paper: A3", "poster_paper: A4"), encoding="utf-8")
    sheet = plan(prepare(str(copy))).plan
    poster = sheet.pages[-1]
    heading = [i for i in poster.items if isinstance(i, TextItem)][0]
    smallest = min(line.size for line in heading.box.fitted.lines)
    assert smallest * CAP_HEIGHT >= 10 * MM, smallest
