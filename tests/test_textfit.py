"""Fitted text never leaves its box."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from smartprint.resolve.fonts import load_fonts
from smartprint.text.textfit import Run, fit, wrap

FONTS = load_fonts()
words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=1, max_size=30), min_size=1, max_size=80
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=words, width=st.floats(30, 400), height=st.floats(10, 600))
@example(text=" ".join(["abcdefghij"] * 80), width=30.0, height=10.0)  # far too much: None is right
@example(text="abcdefghijklmnopqrstuvwxyzæøå", width=30.0, height=600.0)  # fits, hyphenated at 6 pt
def test_fit_stays_inside_the_box(text, width, height):
    result = fit([Run(text, FONTS.regular, origin=("text",))], width, height, 24, 6, FONTS.measure)
    if result is None:
        # None must mean the text really overflows: wrapped at the minimum size (hyphenating
        # long words, as the fitter may there) its lines are taller than the box ...
        lines = wrap(text, FONTS.regular, 6, width, FONTS.measure)
        assert all(FONTS.measure(line, FONTS.regular, 6) <= width + 1e-6 for line in lines)
        needed = 6 * 0.95 + (len(lines) - 1) * 6 * 1.25 + 6 * 0.25  # first baseline, leading, descent
        assert needed > height, (needed, height, lines)
        # ... and a box that tall is filled at the minimum size instead of refused
        roomy = fit([Run(text, FONTS.regular, origin=("text",))], width, needed + 1e-3, 24, 6, FONTS.measure)
        assert roomy is not None and roomy.size == 6 and len(roomy.lines) == len(lines)
        return
    assert 6 <= result.size <= 24
    assert result.height <= height + 1e-6
    for line in result.lines:
        assert line.x + FONTS.measure(line.text, line.font, line.size) <= width + 1e-6


@settings(max_examples=100, deadline=None)
@given(text=words, width=st.floats(20, 300))
def test_wrap_keeps_every_letter(text, width):
    lines = wrap(text, FONTS.regular, 10, width, FONTS.measure)
    assert "".join(line.removesuffix("-") for line in lines).replace(" ", "") == text.replace(" ", "")


def test_shrinks_before_it_gives_up():
    long = "ord " * 60
    roomy = fit([Run(long, FONTS.regular, origin=("text",))], 150, 400, 20, 6, FONTS.measure)
    tight = fit([Run(long, FONTS.regular, origin=("text",))], 150, 120, 20, 6, FONTS.measure)
    assert roomy is not None and tight is not None and tight.size < roomy.size
    assert fit([Run(long * 10, FONTS.regular, origin=("text",))], 150, 120, 20, 6, FONTS.measure) is None
