"""Sizes that read: content larger than its labels, and one text size across a deck."""

from __future__ import annotations

import pytest

from smartprint.pipeline import Options, plan, prepare


@pytest.mark.parametrize("name", ["dilemmakort", "styrkekort", "egenskaper"])
@pytest.mark.parametrize("layout", [None, "kort-a6"])
def test_every_card_of_a_deck_sets_its_text_at_one_size(name, layout):
    """Cards side by side on a sheet: one size for every card's text (the size the
    longest text needs), not 10.2 pt beside 11.8 pt."""
    deck = plan(prepare(name, Options(layout=layout))).plan
    sizes = {round(line.size, 3) for face in deck.fronts if face.body for line in face.body.fitted.lines}
    assert len(sizes) == 1, sizes


def test_the_longest_card_is_still_the_one_the_warning_names(tmp_path):
    """The shrinking is told at the card that causes it, not at every card it shrinks."""
    long = "Dette er en lang tekst om vennskap og mot. " * 14
    src = tmp_path / "kort.yaml"
    src.write_text(
        "kind: cards\ntitle: Kort\ncards:\n  - {title: Kort, text: Hei}\n"
        f"  - {{title: Lang, text: '{long}'}}\n  - {{title: Kort to, text: Hallo}}\n",
        encoding="utf-8",
    )
    job = prepare(str(src))
    deck = plan(job).plan
    assert len({round(f.body.fitted.size, 3) for f in deck.fronts if f.body}) == 1
    told = [w.message for w in job.warnings]
    assert told and all("card 2 «Lang» is long: it sets every card's text" in m for m in told), told


def test_a_card_heading_is_never_larger_than_the_question_it_introduces():
    questions = plan(prepare("fem-paa-rad")).plan.questions
    assert questions is not None
    for face in questions.fronts:
        if face.title is not None and face.body is not None:
            assert max(line.size for line in face.title.fitted.lines) <= face.body.fitted.size
