"""Category styles: the colour and symbol that tell groups of cards, squares of a
track or question decks apart — by symbol as well as colour, since many schools
print in black and white."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from smartprint.check.validation import did_you_mean
from smartprint.errors import Problem, UserError
from smartprint.load.source import Path_, Source
from smartprint.resolve.colors import PALETTE, RGB, parse_color
from smartprint.resolve.symbols import SYMBOLS, normalise_symbol

# The mark of a board's special squares ("do what the square says"): an exclamation mark,
# which is none of the SYMBOLS a category may take, so on a black-and-white print no
# category's squares can be taken for special ones (a category with the star could).
SPECIAL_MARK = "exclamation"
assert SPECIAL_MARK not in SYMBOLS


@dataclass(frozen=True)
class CategoryStyle:
    color: RGB
    symbol: str


@dataclass(frozen=True)
class Declared:
    """A category as a file declares it; `loc` is where (for messages)."""

    name: str
    color: str | None
    symbol: str | None
    loc: Path_


def default_style(index: int) -> CategoryStyle:
    """The n-th category's style when the file says nothing: palette and symbols in step."""
    return CategoryStyle(parse_color(PALETTE[index % len(PALETTE)]), SYMBOLS[index % len(SYMBOLS)])


def declared_styles(declared: Sequence[Declared], src: Source) -> dict[str, CategoryStyle]:
    """Each declared category's style; a bad colour or two categories that would look
    alike on a black-and-white print are errors. A category without a colour or symbol
    gets the next one of the palette that no category has chosen for itself."""
    styles: dict[str, CategoryStyle] = {}
    problems: list[Problem] = []
    symbol_owner: dict[str, str] = {}
    chosen_colors: dict[int, RGB] = {}
    chosen_symbols_at: dict[int, str] = {}
    for i, cat in enumerate(declared):
        if cat.color:
            try:
                chosen_colors[i] = parse_color(cat.color)
            except ValueError as exc:
                problems.append(src.problem(cat.loc + ("color",), str(exc)))
        if cat.symbol:
            try:
                chosen_symbols_at[i] = normalise_symbol(cat.symbol)
            except ValueError as exc:
                problems.append(src.problem(cat.loc + ("symbol",), f"'symbol': {exc}"))
    free_colors = iter(
        [c for c in (parse_color(p) for p in PALETTE) if c not in chosen_colors.values()]
        or [parse_color(p) for p in PALETTE]
    )
    chosen_symbols = set(chosen_symbols_at.values())
    free_symbols = iter([s for s in SYMBOLS if s not in chosen_symbols] or SYMBOLS)
    for i, cat in enumerate(declared):
        fallback = default_style(i)
        color = chosen_colors.get(i) or next(free_colors, fallback.color)
        if cat.symbol and i not in chosen_symbols_at:
            continue  # not a symbol: told above
        symbol = chosen_symbols_at.get(i) or next(free_symbols, fallback.symbol)
        if symbol in symbol_owner:
            problems.append(
                src.problem(
                    cat.loc + ("symbol",) if cat.symbol else cat.loc,
                    f"'{cat.name}' has the same symbol ({symbol}) as '{symbol_owner[symbol]}'; "
                    "on a black-and-white print they look alike, so give each its own symbol",
                )
            )
        symbol_owner[symbol] = cat.name
        styles[cat.name] = CategoryStyle(color, symbol)
    if problems:
        raise UserError(problems)
    return styles


def styles_of(
    used: Sequence[tuple[str | None, Path_]], declared: Sequence[Declared], src: Source
) -> list[CategoryStyle | None]:
    """The style of each item (a card, a square) by the category it names.

    With no categories declared, each new name gets the next default style; with
    categories declared, a name that is not one of them is an error with a hint."""
    problems: list[Problem] = []
    try:
        styles = declared_styles(declared, src)
    except UserError as exc:  # told together with the items that name no category
        problems.extend(exc.problems)
        styles = {}
    known = [cat.name for cat in declared]
    auto = not declared
    out: list[CategoryStyle | None] = []
    for name, loc in used:
        if name is None:
            out.append(None)
        elif name in styles:
            out.append(styles[name])
        elif auto:
            styles[name] = default_style(len(styles))
            out.append(styles[name])
        elif name in known:
            out.append(None)  # its category's own mistake is told above
        else:
            names = known
            hint = did_you_mean(name, names) or f"; the groups are: {', '.join(names)}"
            problems.append(src.problem(loc, f"no group named '{name}'{hint}"))
            out.append(None)
    if problems:
        raise UserError(problems)
    return out
