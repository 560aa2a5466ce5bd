"""Nothing is printed where a school printer cannot print (issue 17 B).

Many office and school printers leave the outer 5 mm of the paper blank: a footer
or a crop mark there is clipped. Every built-in material is built on every built-in
layout of its kind, but a print shop's (one card a page, with bleed, where the art
runs to the edge on purpose); every page is drawn and the nearest ink to each edge
of the paper is measured."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml

from smartprint.kinds.base import Options
from smartprint.load import resources
from smartprint.pipeline import build_to, prepare

CLEAR_MM = 5.0  # the outer margin a printer may leave blank
DPI = 200  # a pixel is an eighth of a millimetre
LAYOUTS = resources.data_dir("layouts")
DECKS = resources.data_dir("decks")


def _keys(name: str) -> dict[str, object]:
    """A built-in layout's keys with those of the layouts it extends (read from the files)."""
    data = yaml.safe_load((LAYOUTS / f"{name}.yaml").read_text(encoding="utf-8"))
    parent = data.get("extends")
    return {**(_keys(parent) if parent else {}), **data}


def _print_shop(keys: dict[str, object]) -> bool:
    """A print shop's layout: one card a page (`paper: card`), or art bleeding past the trim."""
    bleed = str(keys.get("bleed", "0mm")).strip()
    return str(keys.get("paper", "")).lower() == "card" or bleed not in ("0", "0mm", "0pt")


def _cases() -> list[tuple[str, str]]:
    layouts = {path.stem: _keys(path.stem) for path in LAYOUTS.glob("*.yaml")}
    cases = []
    for deck in sorted(DECKS.glob("*.yaml")):
        kind = yaml.safe_load(deck.read_text(encoding="utf-8"))["kind"]
        for name, keys in sorted(layouts.items()):
            if keys.get("kind", "cards") == kind and not _print_shop(keys):
                cases.append((deck.stem, name))
    return cases


CASES = _cases()


def _nearest_ink(pdf: Path) -> list[tuple[int, float]]:
    """Per page (1-based), the distance in mm from the paper's edge to the nearest
    pixel that is not white."""
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    try:
        for index in range(len(doc)):
            image = doc[index].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            box = image.point(lambda v: 255 if v < 250 else 0).getbbox()
            if box is None:
                continue  # an empty back
            width, height = image.size
            pixels = min(box[0], box[1], width - box[2], height - box[3])
            out.append((index + 1, pixels * 25.4 / DPI))
    finally:
        doc.close()
    return out


def test_the_cases_cover_every_kind_and_leave_out_only_the_print_shop():
    kinds = {yaml.safe_load(p.read_text(encoding="utf-8"))["kind"] for p in DECKS.glob("*.yaml")}
    covered = {yaml.safe_load((DECKS / f"{deck}.yaml").read_text(encoding="utf-8"))["kind"] for deck, _ in CASES}
    assert covered == kinds
    layouts = {name for _, name in CASES}
    assert "trykkeri-63x88" not in layouts
    assert {"kort-63x88", "kort-a6", "plakat-a4", "kort-63x88-brett", "spillbrett-a4", "brett-a4"} <= layouts


@pytest.mark.parametrize("deck,layout", CASES, ids=[f"{d}-{layout}" for d, layout in CASES])
def test_nothing_is_printed_within_5_mm_of_the_edge(tmp_path, deck, layout):
    out = tmp_path / "all.pdf"
    build_to(prepare(deck, Options(layout=layout)), out)
    pages = _nearest_ink(out)
    assert pages
    near = [(page, round(mm, 2)) for page, mm in pages if mm < CLEAR_MM]
    assert not near, f"{deck} on {layout}: ink nearer than {CLEAR_MM} mm to the edge on (page, mm) {near[:10]}"
