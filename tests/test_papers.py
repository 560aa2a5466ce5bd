"""Printed right as one job: every file a build writes holds one paper size, and a file
marked double-sided pairs every back with its front when the whole file is printed in
one job with the printer's duplex default. Checked for every built-in on every built-in
layout of its kind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from smartprint import pipeline
from smartprint.load import resources
from smartprint.write.document import Document

ROOT = Path(__file__).resolve().parent.parent


def _kind_of(path: Path) -> str:
    """The kind a material or layout serves (a layout may inherit it through `extends`)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("kind:"):
            return line.split(":", 1)[1].strip()
        if line.startswith("extends:"):
            return _kind_of(ROOT / "layouts" / f"{line.split(':', 1)[1].strip()}.yaml")
    raise AssertionError(f"{path} names no kind")


def _cases() -> Iterator[Any]:
    layouts: dict[str, list[str]] = {}
    for name in resources.builtin_names("layouts"):
        layouts.setdefault(_kind_of(ROOT / "layouts" / f"{name}.yaml"), []).append(name)
    for name in resources.builtin_names("decks"):
        kind = _kind_of(ROOT / "decks" / f"{name}.yaml")
        for layout in layouts.get(kind, []):
            yield pytest.param(name, layout, id=f"{name}-{layout}")


CASES = list(_cases())


def _parts(name: str, layout: str) -> list[Document]:
    built = pipeline.plan(pipeline.prepare(name, pipeline.Options(layout=layout)))
    return built.kind.document(built.plan).by_paper()


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_one_paper_per_file_and_every_section_starts_a_sheet(name, layout):
    for part in _parts(name, layout):
        assert len({s.paper for s in part.sections}) == 1, [s.name for s in part.sections]
        if part.duplex == "none":
            continue
        # printed double-sided from page 1: a section that started on a back would put
        # its fronts behind the last section's pages
        page = 0
        for section in part.sections:
            assert page % 2 == 0, f"{section.name or 'a section'} starts on a back (page {page + 1})"
            page += len(section.pages)


def test_the_cases_cover_every_kind_and_layout():
    kinds = {_kind_of(ROOT / "decks" / f"{name}.yaml") for name, _ in (c.values for c in CASES)}
    assert kinds == {"cards", "bingo", "five-in-a-row", "sheet", "board-game"}
    assert len(CASES) >= 20


def test_a_material_on_two_papers_writes_one_file_per_paper(tmp_path):
    written, _ = pipeline.build("relasjonsspill", pipeline.Options(), tmp_path / "spill.pdf")
    import pypdfium2 as pdfium

    sizes = {}
    for w in written:
        doc = pdfium.PdfDocument(str(w.path))
        try:
            sizes[w.path.name] = {tuple(round(v) for v in doc[i].get_size()) for i in range(len(doc))}
        finally:
            doc.close()
    assert sizes == {"spill-a3.pdf": {(1191, 842)}, "spill-a4.pdf": {(595, 842)}}


@pytest.mark.parametrize(
    ("name", "layout", "notes"),
    [
        ("styrkekort", None, {"out.pdf": (0, "skriv ut tosidig, vend på langsiden, skriv ut i 100 % størrelse")}),
        ("paaskebingo", None, {"out.pdf": (1, "skriv ut ensidig, skriv ut i 100 % størrelse")}),  # after the leader's
        ("fem-paa-rad", None, {"out.pdf": (0, "Skriv ut tosidig, vend på langsiden, skriv ut i 100 % størrelse")}),
        (
            "relasjonsspill",
            None,
            {
                "out-a3.pdf": (0, "A3 · Skriv ut ensidig, skriv ut i 100 % størrelse"),
                "out-a4.pdf": (0, "A4 · Skriv ut tosidig, vend på langsiden, skriv ut i 100 % størrelse"),
            },
        ),
        ("relasjonsspill", "spillbrett-a4", {"out.pdf": (0, "A4 · Skriv ut tosidig, vend på langsiden")}),
        ("klassebamse", None, {"out.pdf": (0, "A4 · Skriv ut tosidig, vend på langsiden, skriv ut i 100 % størrelse")}),
        ("megselvhelten", None, {"out.pdf": (0, "A4 · Skriv ut ensidig, skriv ut i 100 % størrelse")}),
        (
            "gruppeplakat",
            None,
            {
                "out-a4.pdf": (0, "A4 · Skriv ut ensidig, skriv ut i 100 % størrelse"),
                "out-a3.pdf": (0, "A3 · Skriv ut ensidig, skriv ut i 100 % størrelse"),
            },
        ),
    ],
)
def test_how_to_print_stands_on_the_paper_in_the_materials_language(tmp_path, name, layout, notes):
    """On the first page of every file (a bingo's first sheet), in the file's language and
    with its paper: the terminal that said it is closed when the pages come out."""
    from conftest import page_texts

    written, _ = pipeline.build(name, pipeline.Options(layout=layout), tmp_path / "out.pdf")
    assert sorted(w.path.name for w in written) == sorted(notes)
    for w in written:
        page, note = notes[w.path.name]
        texts = [" ".join(t.split()) for t in page_texts(w.path)]
        assert note in texts[page], (w.path.name, texts[page][-200:])
        assert sum(note in t for t in texts) == 1  # once a file, not on every page


def test_a_material_on_two_papers_refuses_an_output_named_like_its_source(runner, tmp_path):
    """-o with the material's own file is refused as before, also when the build would
    write one file per paper beside it (found by fuzzing)."""
    from conftest import run

    src = tmp_path / "spill.yaml"
    src.write_text(
        "kind: board-game\ntitle: Spill\nprintables: false\ncategories:\n"
        "  - {name: A, questions: [Hva?]}\n  - {name: B, questions: [Hvem?]}\n",
        encoding="utf-8",
    )
    before = src.read_bytes()
    result = run(runner, "build", str(src), "-o", str(src))
    assert result.exit_code == 2, result.output
    assert src.read_bytes() == before and not list(tmp_path.glob("spill-*"))
