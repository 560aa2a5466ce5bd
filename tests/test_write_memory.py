"""A build runs with the garbage collector off (smartprint/startup.py), so whatever a
part of a long document leaves behind must be freed by reference counting alone: a
reference cycle through a canvas would keep every drawn page of every part in memory
(a 10,000-sheet bingo run went from 66 to 131 MiB when one slipped in)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from smartprint import pipeline
from smartprint.options import Options
from smartprint.write import output, writer


@pytest.mark.parametrize("material", ["paaskebingo", "styrkekort"])
def test_each_parts_canvas_is_freed_without_the_collector(tmp_path: Path, material: str) -> None:
    made: list[weakref.ref[object]] = []
    real = output.new_canvas

    def watched(*args: object, **kwargs: object) -> object:
        canvas = real(*args, **kwargs)  # type: ignore[arg-type]
        made.append(weakref.ref(canvas))
        return canvas

    was_on = gc.isenabled()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(writer, "new_canvas", watched)
        mp.setattr(writer, "PAGES_PER_PART", 4)  # several parts, joined
        gc.collect()
        gc.disable()
        try:
            written, _ = pipeline.build(
                material, Options(sheets=12 if material == "paaskebingo" else None), tmp_path / "x.pdf"
            )
            alive = [ref for ref in made if ref() is not None]
        finally:
            if was_on:
                gc.enable()
    assert written and len(made) >= 2
    assert alive == [], f"{len(alive)} of {len(made)} canvases still alive after the build"
