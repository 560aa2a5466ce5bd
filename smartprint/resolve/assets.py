"""Pictures named in YAML files: checked whole before drawing, embedded no larger than print needs.

A teacher's picture is a phone photo, a screenshot or a drawing found online. The
ways it goes wrong are ordinary: it lies outside the deck's folder, its name
differs in capitals, it is a 50-megapixel panorama, it was cut short by a
download, it was taken with the phone held upright (EXIF orientation), or it is
a "PNG" that is really a web page. Each is one clear line before any drawing
starts, never a traceback at draw time and never a library warning.

`load_picture` reads the file once (bounded), checks its pixel count from the
header before decoding, decodes it fully to prove it is whole, and keeps only
the file's bytes and what it learned (size after orientation, mode, format).
Pixels are decoded again only per printed size, in `Picture.reader`, already
scaled to at most PRINT_DPI at that size (JPEGs decode straight at a reduced
scale), so a deck with 30 phone photos holds 30 files' bytes rather than 30
decoded 12-megapixel images. Readers are cached per (picture, pixel size): the
same reader on 100 cards is embedded once in the PDF.
"""

from __future__ import annotations

import math
import os
import re
import struct
import sys
import warnings
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from PIL import Image, UnidentifiedImageError

from smartprint.errors import UserError, display_path
from smartprint.load import paths
from smartprint.load.source import Path_, Source

if TYPE_CHECKING:
    from reportlab.lib.utils import ImageReader

#: A picture file may be at most this many bytes (read no further than that).
MAX_IMAGE_BYTES = 30 * 1024 * 1024
#: At most this many pixels, checked from the header before decoding: 40 million is
#: about 7700 × 5200, more than phones take, and decodes in at most 160 MB (RGBA).
MAX_IMAGE_PIXELS = 40_000_000
#: Pictures are embedded at no more than this resolution at their printed size.
PRINT_DPI = 300
#: The largest print a picture is embedded for: A3 (420 × 297 mm) at PRINT_DPI.
MAX_EMBED_PIXELS = (round(420 / 25.4 * PRINT_DPI), round(297 / 25.4 * PRINT_DPI))  # 4961 × 3508
#: Photos (JPEG sources) are embedded as JPEG at this quality; others losslessly.
JPEG_QUALITY = 90

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
TYPE_NAMES = "PNG, JPEG, GIF, WebP, BMP or TIFF"
# Pillow's plugins we let open files (the JPEG one also opens MPO, as many phone photos
# are); limiting Image.open to these keeps it away from EPS (Ghostscript) and friends.
_PIL_FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF")
_JPEG_FORMATS = {"JPEG", "MPO"}
_HINTS = {
    ".heic": " (iPhone photos: share or export them as JPEG)",
    ".heif": " (iPhone photos: share or export them as JPEG)",
    ".svg": " (export the drawing as PNG)",
    ".pdf": " (export the page as PNG)",
    ".eps": " (export the drawing as PNG)",
    ".avif": " (save it as JPEG or PNG)",
}
# EXIF orientation → the transpose that shows the picture upright (as Pillow's exif_transpose).
_ORIENT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# What Pillow raises on damaged input, beyond OSError; a crafted file can reach any of them.
_DAMAGED = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    struct.error,
    IndexError,
    KeyError,
    TypeError,
    ZeroDivisionError,
)
_BOMB = re.compile(r"\((\d+) pixels\)")


class _Refused(Exception):
    """A picture that cannot be used; the message is for the user, without a place."""


@contextmanager
def _quiet() -> Iterator[None]:
    """Pillow and reportlab warnings (decompression bomb, palette transparency) never reach
    the terminal: everything they warn about is checked here and reported our way."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


_TIFF_MAGIC = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")


@contextmanager
def _quiet_c(data: bytes) -> Iterator[None]:
    """libtiff prints its complaints about a damaged TIFF straight to file descriptor 2;
    we report the damage our way, so for a TIFF that descriptor points at /dev/null
    while Pillow decodes. (Process-wide for those milliseconds; other formats are untouched.)"""
    saved = -1
    if data[:4] in _TIFF_MAGIC:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, 2)
            finally:
                os.close(devnull)
        except (OSError, ValueError, AttributeError):  # no stderr to speak of: nothing to hide
            if saved >= 0:
                os.close(saved)
            saved = -1
    try:
        yield
    finally:
        if saved >= 0:
            os.dup2(saved, 2)
            os.close(saved)


@dataclass(frozen=True, eq=False)
class Picture:
    """A picture file that was read and decoded whole, and what is known about it.

    `width`/`height` are pixels after EXIF orientation; `mode` is how it is embedded
    ("L", "LA", "RGB" or "RGBA"); `data` is the verified file content, so drawing
    never touches the file again.
    """

    name: str
    path: Path
    width: int
    height: int
    mode: str
    format: str
    orientation: int
    data: bytes = field(repr=False)
    _readers: dict[tuple[int, int], ImageReader] = field(default_factory=dict, init=False, repr=False)

    @property
    def ratio(self) -> float:
        """Width over height as printed (after orientation), for planning."""
        return self.width / self.height

    @property
    def has_alpha(self) -> bool:
        return self.mode in ("LA", "RGBA")

    def pixels_for(self, width_pt: float, height_pt: float) -> tuple[int, int]:
        """The pixel size to embed when the picture is fitted into a box of this size
        (points, aspect kept): at most PRINT_DPI, never enlarged, never over A3."""
        if not (width_pt > 0 and height_pt > 0):  # also refuses NaN
            raise ValueError(f"a picture box must have a positive size, not {width_pt}×{height_pt} pt")
        printed_w = self.width * min(width_pt / self.width, height_pt / self.height)
        long_, short = max(self.width, self.height), min(self.width, self.height)
        factor = min(
            1.0, printed_w / 72 * PRINT_DPI / self.width, MAX_EMBED_PIXELS[0] / long_, MAX_EMBED_PIXELS[1] / short
        )
        if factor >= 1.0:
            return self.width, self.height
        # round up (with slack for float noise) so the print never falls below PRINT_DPI
        return (max(1, math.ceil(self.width * factor - 1e-6)), max(1, math.ceil(self.height * factor - 1e-6)))

    def reader(self, width_pt: float, height_pt: float) -> ImageReader:
        """A reportlab reader for this picture printed in a box of this size (points).

        Cached per pixel size: every card asking for the same size gets the same
        reader, whose content reportlab embeds once.
        """
        return self._reader(self.pixels_for(width_pt, height_pt))

    def largest_reader(self) -> ImageReader:
        """A reader at the largest embedded size (the A3 cap): for callers that do not know the box."""
        return self._reader(self.pixels_for(math.inf, math.inf))

    def render(self, size: tuple[int, int]) -> Image.Image:
        """The upright picture at `size` pixels (as printed): decoded from `data`, in `mode`.

        JPEGs are decoded at the smallest DCT scale that still covers `size`, then
        resized with Lanczos; the same bytes and size always give the same pixels.
        """
        turned = self.orientation in (5, 6, 7, 8)
        stored = (size[1], size[0]) if turned else size
        with _quiet(), _quiet_c(self.data):
            im = _open(self.data)
            if im.format in _JPEG_FORMATS and stored != im.size:
                im.draft(im.mode, stored)
            im.load()
            im = _convert(im)
            if im.size != stored:
                im = im.resize(stored, Image.Resampling.LANCZOS, reducing_gap=3.0)
            if self.orientation in _ORIENT:
                im = im.transpose(_ORIENT[self.orientation])
        im.info = {}  # nothing (a stray 'transparency') for reportlab to misread
        return im

    def _reader(self, size: tuple[int, int]) -> ImageReader:
        cached = self._readers.get(size)
        if cached is not None:
            return cached
        from reportlab.lib.utils import ImageReader

        try:
            im = self.render(size)
            with _quiet():
                if self.format in _JPEG_FORMATS and self.mode in ("L", "RGB"):
                    # a photo stays a photo: DCT in the PDF is a tenth of the size of Flate
                    buf = BytesIO()
                    im.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=False, progressive=False)
                    reader = ImageReader(BytesIO(buf.getvalue()))
                else:
                    reader = ImageReader(im)
                reader.getRGBData()  # decode now, inside the guard, not in the middle of drawing
        except MemoryError:
            raise UserError(
                f"{display_path(self.path)}: the picture is too large to draw on this computer; save a smaller copy"
            ) from None
        except _DAMAGED:  # the bytes decoded at load; only a changed Pillow could land here
            raise UserError(
                f"{display_path(self.path)}: the picture is damaged or incomplete; open it and save it again"
            ) from None
        self._readers[size] = reader
        return reader


# Pictures by file identity, alive while some caller holds them: the same file named on
# 100 cards is read and checked once, and its readers (hence its PDF image) are shared.
_LOADED: weakref.WeakValueDictionary[tuple[Any, ...], Picture] = weakref.WeakValueDictionary()


def load_picture(src: Source, loc: Path_, value: str, allowed: Sequence[Path] = ()) -> Picture:
    """The picture `value` names, relative to the YAML file `src`; a UserError at `loc` if unusable.

    `allowed` are the folders the user allowed with --allow-path, besides the YAML file's own.
    """
    try:
        return _load(src.path.parent, value, allowed, src.path.name)
    except _Refused as exc:
        raise UserError(src.problem(loc, str(exc))) from None


def _load(base_dir: Path, value: str, allowed: Sequence[Path], named_in: str) -> Picture:
    try:
        path = paths.resolve_inside(base_dir, value, allowed, named_in=named_in, what="image")
    except paths.PathRefused as exc:
        raise _Refused(str(exc)) from None
    suffix = Path(value).suffix.lower()
    if suffix not in IMAGE_TYPES:
        raise _Refused(
            f"'{value}' is not a picture smartprint can use; use a {TYPE_NAMES} file{_HINTS.get(suffix, '')}"
        )
    try:
        st = path.stat()
        key = (path, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        known = _LOADED.get(key)
        if known is not None:
            return known
        data = paths.read_bounded(path, MAX_IMAGE_BYTES)
    except paths.TooLarge as exc:
        size = f"{exc.size / 2**20:.0f} MB" if exc.size else f"more than {MAX_IMAGE_BYTES // 2**20} MB"
        raise _Refused(
            f"image '{value}' is {size}; at most {MAX_IMAGE_BYTES // 2**20} MB (save a smaller copy)"
        ) from None
    except paths.PathRefused as exc:  # swapped for a non-file after the check
        raise _Refused(f"image '{value}': {exc}") from None
    except OSError as exc:
        raise _Refused(f"cannot read image '{value}' ({exc.strerror or exc})") from None
    picture = _inspect(value, path, data)
    _LOADED[key] = picture
    return picture


def _inspect(value: str, path: Path, data: bytes) -> Picture:
    """Check and decode the bytes once, learning size, orientation and embedding mode."""

    def refuse(message: str) -> NoReturn:
        raise _Refused(message)

    damaged = f"image '{value}' is damaged or incomplete; open it and save it again"
    too_many = "image '{value}' has {what}; at most {limit} million pixels (save a smaller copy, e.g. 6000 × 4000)"
    limit = MAX_IMAGE_PIXELS // 1_000_000
    with _quiet(), _quiet_c(data):
        try:
            im = _open(data)
        except UnidentifiedImageError:
            refuse(
                f"image '{value}' is not a picture (its contents are not {TYPE_NAMES}); "
                "open it in an image program and save it as PNG or JPEG"
            )
        except Image.DecompressionBombError as exc:
            found = _BOMB.search(str(exc))
            what = f"{int(found.group(1)) / 1e6:.0f} million pixels" if found else "too many pixels"
            refuse(too_many.format(value=value, what=what, limit=limit))
        except MemoryError:
            refuse(f"image '{value}' is too large to open on this computer; save a smaller copy")
        except _DAMAGED:
            refuse(damaged)
        try:
            w, h = im.size
            if w < 1 or h < 1:
                refuse(damaged)
            if w * h > MAX_IMAGE_PIXELS:
                what = f"{w} × {h} pixels ({w * h / 1e6:.0f} million)"
                refuse(too_many.format(value=value, what=what, limit=limit))
            fmt = str(im.format)
            if fmt == "PNG":  # CRCs of every chunk; verify() leaves the image unusable, so reopen
                im.verify()
                im = _open(data)
            if fmt in _JPEG_FORMATS:  # the whole stream is still decoded, at 1/8 scale
                im.draft(im.mode, (max(1, w // 8), max(1, h // 8)))
            im.load()
            orientation = _orientation(im)
            mode = _convert(im).mode
        except MemoryError:
            refuse(f"image '{value}' is too large to open on this computer; save a smaller copy")
        except _DAMAGED:
            refuse(damaged)
        finally:
            im.close()
    if orientation in (5, 6, 7, 8):
        w, h = h, w
    return Picture(value, path=path, width=w, height=h, mode=mode, format=fmt, orientation=orientation, data=data)


def _open(data: bytes) -> Image.Image:
    return Image.open(BytesIO(data), formats=_PIL_FORMATS)


def _orientation(im: Image.Image) -> int:
    """The EXIF orientation (1–8), or 1 when there is none or the EXIF block is broken."""
    try:
        value = im.getexif().get(0x0112, 1)
    except _DAMAGED:
        return 1
    return value if isinstance(value, int) and value in range(1, 9) else 1


def _convert(im: Image.Image) -> Image.Image:
    """The picture in a mode reportlab embeds well: L, LA, RGB or RGBA (alpha only if used)."""
    mode = im.mode
    has_key = "transparency" in im.info
    if mode in ("L", "RGB") and not has_key:
        return im
    if mode in ("LA", "RGBA"):
        out = im  # no copy: for a 40-megapixel RGBA picture a copy is 160 MB
    elif mode == "1" and not has_key:
        out = im.convert("L")
    elif mode.startswith("I;16"):
        out = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif mode in ("I", "F"):  # stretch whatever range there is onto 0–255
        lo, hi = (float(x) for x in im.getextrema())  # type: ignore[arg-type]
        k = 255 / (hi - lo) if hi > lo else 1.0
        out = im.convert("F").point(lambda v: v * k - lo * k).convert("L")
    elif mode in ("1", "L", "La"):
        out = im.convert("LA")
    elif mode in ("P", "PA", "RGBa") or has_key:
        out = im.convert("RGBA")
    else:  # RGBX, CMYK, YCbCr, LAB, HSV
        out = im.convert("RGB")
    if out.mode in ("LA", "RGBA"):
        lo_a, _hi = out.getchannel("A").getextrema()
        if lo_a == 255:  # every pixel opaque: a mask would only cost size
            out = out.convert(out.mode[:-1])
    return out
