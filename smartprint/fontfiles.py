"""Font files named by a material or a layout: one place resolves them, and blames
the file that named them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smartprint import reads
from smartprint.errors import UserError, display_path
from smartprint.source import Path_, Source
from smartprint.validation import Model, Text


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


def _one(value: str, src: Source, loc: Path_) -> Path:
    path = (src.path.parent / value).resolve()
    if not path.is_file():
        raise UserError(src.problem(loc, f"font file '{value}' not found (looked for {display_path(path)})"))
    reads.note(path)
    return path


def resolve_font_files(value: str | FontFiles | dict[str, str], src: Source, loc: Path_) -> FontChoice:
    """`font: file.ttf` or `font: {regular: …, bold: …}`, relative to the naming file."""
    if isinstance(value, str):
        return FontChoice(_one(value, src, loc), None, src, loc)
    if isinstance(value, dict):
        value = FontFiles.model_validate(value)
    bold = _one(value.bold, src, loc + ("bold",)) if value.bold else None
    return FontChoice(_one(value.regular, src, loc + ("regular",)), bold, src, loc)
