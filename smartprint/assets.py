"""Images named in YAML files: found relative to the file, checked for size before use."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from smartprint.errors import UserError, display_path
from smartprint.source import Path_, Source

MAX_IMAGE_BYTES = 30 * 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}


def image_path(src: Source, loc: Path_, value: str) -> Path:
    """The image file `value`, relative to the YAML file; a clear error if it is unusable."""
    path = (src.path.parent / value).resolve()
    shown = display_path(path)
    if not path.is_file():
        raise UserError(src.problem(loc, f"image file '{value}' not found (looked for {shown})"))
    if path.suffix.lower() not in IMAGE_TYPES:
        raise UserError(src.problem(loc, f"'{value}' is not a picture smartprint can use; "
                                         "use a PNG or JPEG file"))
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise UserError(src.problem(loc, f"image '{value}' is {size // 2**20} MB; at most "
                                         f"{MAX_IMAGE_BYTES // 2**20} MB (save a smaller copy)"))
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            w, h = im.size
    except (UnidentifiedImageError, OSError):
        raise UserError(src.problem(loc, f"image '{value}' cannot be read as a picture")) from None
    if w * h > MAX_IMAGE_PIXELS:
        raise UserError(src.problem(loc, f"image '{value}' has {w}×{h} pixels; at most "
                                         f"{MAX_IMAGE_PIXELS // 1_000_000} million (save a smaller copy)"))
    return path


@cache
def image_reader(path: Path):
    """One reportlab reader per file, so a picture used on 100 cards is embedded once."""
    from reportlab.lib.utils import ImageReader

    return ImageReader(str(path))
