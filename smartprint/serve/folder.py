"""The one folder the page may touch: which names are allowed, what the files in it are,
and how a teacher's text is written (atomically, exactly as typed).

Every name the browser sends passes `inside` before any file is opened: a plain relative
name, no `..`, no hidden parts, a suffix of a material, layout, class list or picture, and
a real path (symbolic links followed) that stays inside the folder."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

MATERIAL_SUFFIXES = (".yaml", ".yml")  # materials and layouts
CLASS_LIST_SUFFIXES = (".csv", ".txt")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg")
ALLOWED_SUFFIXES = MATERIAL_SUFFIXES + CLASS_LIST_SUFFIXES + PICTURE_SUFFIXES
UPLOAD_SUFFIXES = CLASS_LIST_SUFFIXES + PICTURE_SUFFIXES
MAX_TEXT_BYTES = 1_000_000  # a material or layout: far above any real one
MAX_UPLOAD_BYTES = 10_000_000  # a class list or a picture
MAX_NAME = 200

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Refused(Exception):
    """A name or a file the page may not use; the message names nothing outside the folder."""

    def __init__(self, message: str, status: int = 403):
        super().__init__(message)
        self.status = status


def inside(folder: Path, name: str, suffixes: tuple[str, ...] = ALLOWED_SUFFIXES) -> Path:
    """The file `name` in `folder` (which is resolved), or Refused. The file need not exist."""
    if not name or len(name) > MAX_NAME or "\x00" in name or "\\" in name or ":" in name:
        raise Refused("not a file name the page may use", 400)
    parts = name.split("/")
    if name.startswith("/") or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        raise Refused("only files inside the folder may be used")
    if Path(name).suffix.lower() not in suffixes:
        raise Refused("only materials, layouts, class lists and pictures may be used")
    path = folder / name
    real = path.resolve()  # follows every symbolic link on the way
    if not real.is_relative_to(folder) or (path.is_symlink() and not real.exists()):
        raise Refused("only files inside the folder may be used")
    return path


def version(data: bytes) -> str:
    """What a text is, in short: two texts with the same version are the same text."""
    return hashlib.sha256(data).hexdigest()[:20]


def read_text(path: Path) -> tuple[str, str]:
    """A material's text and its version; bytes that are not UTF-8 are Refused."""
    data = path.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise Refused("the file is too large to edit here", 413)
    try:
        return data.decode("utf-8"), version(data)
    except UnicodeDecodeError:
        raise Refused("the file is not UTF-8 text", 415) from None


def write_atomically(path: Path, data: bytes) -> str:
    """Replace `path` by `data` all at once (a temporary file beside it, then a rename), so
    another editor or a crash never sees half a file; returns the new version."""
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)  # no fsync: saved at every pause in typing, as editors do; the rename is atomic
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return version(data)


@dataclass(frozen=True)
class Entry:
    """One file of the folder as the file list shows it."""

    name: str
    role: str  # "material", "layout", "class-list", "picture"
    kind: str | None  # a material's `kind:`


def role_of(path: Path) -> tuple[str, str | None]:
    """A YAML file is a material (with its kind) or a layout; read as plain YAML, cheaply."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return "material", None  # the build says what is wrong
    if isinstance(data, dict) and "title" not in data and ("paper" in data or "extends" in data):
        return "layout", None
    kind = data.get("kind") if isinstance(data, dict) else None
    return "material", kind if isinstance(kind, str) else None


def entries(folder: Path) -> list[Entry]:
    """The files of the folder the page may use (not in sub-folders), by name."""
    out: list[Entry] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        name = path.name
        suffix = path.suffix.lower()
        if name.startswith(".") or suffix not in ALLOWED_SUFFIXES or not path.is_file():
            continue
        try:
            inside(folder, name)
        except Refused:
            continue  # a link that leads out
        if suffix in MATERIAL_SUFFIXES:
            out.append(Entry(name, *role_of(path)))
        elif suffix in CLASS_LIST_SUFFIXES:
            out.append(Entry(name, "class-list", None))
        else:
            out.append(Entry(name, "picture", None))
    return out
