"""Font files named by a material or a layout: one place resolves them, and blames
the file that named them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from smartprint.check.validation import Model, Text
from smartprint.errors import Problem, UserError
from smartprint.load import reads
from smartprint.load.paths import PathRefused, resolve_inside
from smartprint.load.source import Path_, Source


class FontFiles(Model):
    regular: Text
    bold: Text | None = None


@dataclass(frozen=True)
class FontChoice:
    """Resolved font files and the place in a file that chose them (for messages)."""

    regular: Path
    bold: Path | None
    source: Source
    loc: Path_


MAX_FONT_BYTES = 30 * 1024 * 1024


def _one(value: str, src: Source, loc: Path_, allowed: Sequence[Path]) -> Path:
    try:
        path = resolve_inside(src.path.parent, value, allowed, named_in=src.path.name, what="font file")
    except PathRefused as exc:
        raise UserError(src.problem(loc, str(exc))) from None
    if path.stat().st_size > MAX_FONT_BYTES:
        raise UserError(
            src.problem(
                loc, f"the font file '{value}' is larger than {MAX_FONT_BYTES // 2**20} MB; is it really a font?"
            )
        )
    reads.note(path)
    return path


def resolve_font_files(
    value: str | FontFiles | dict[str, str], src: Source, loc: Path_, allowed: Sequence[Path] = ()
) -> FontChoice:
    """`font: file.ttf` or `font: {regular: …, bold: …}`, inside the naming file's folder
    (or a folder the command line allows)."""
    if isinstance(value, str):
        return FontChoice(_one(value, src, loc, allowed), None, src, loc)
    if isinstance(value, dict):
        value = FontFiles.model_validate(value)
    bold = _one(value.bold, src, loc + ("bold",), allowed) if value.bold else None
    return FontChoice(_one(value.regular, src, loc + ("regular",), allowed), bold, src, loc)


def unusable_fonts(choices: Sequence[FontChoice | None]) -> list[Problem]:
    """Each font file that cannot be used, blamed where it was named."""
    from smartprint.resolve.fonts import check_font_files

    problems = []
    for choice in choices:
        if choice is None:
            continue
        try:
            check_font_files(choice.regular, choice.bold)
        except ValueError as exc:
            problems.append(choice.source.problem(choice.loc, str(exc)))
    return problems
