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


MAX_DEPTH = 3  # sub-folders listed below the served one: 4b/, 4b/uke-12/, 4b/uke-12/gruppe/
MAX_FOLDERS = 200  # folders looked into at most (the served one too)
MAX_LISTED = 500  # files listed at most
MAX_LOOKED_AT = 20_000  # names looked at in all the folders together, listed or not


@dataclass(frozen=True)
class Entry:
    """One file of the folder as the file list shows it."""

    name: str  # relative to the served folder, with "/" between folders: "4b/styrkekort.yaml"
    role: str  # "material", "layout", "class-list", "picture"
    kind: str | None  # a material's `kind:`
    folder: str = ""  # the sub-folder it is in ("4b", "4b/uke-12"), "" for the served folder itself


@dataclass(frozen=True)
class Listing:
    """The files the page may use, grouped by folder (the served folder's own first, then each
    sub-folder by name), and whether a bound cut the list short."""

    entries: list[Entry]
    folders: list[str]  # every folder looked into, "" first: the ones to watch for changes
    cut: bool


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


def _entry(folder: Path, name: str, path: Path, where: str) -> Entry | None:
    """The entry of one file, or None for a file the page may not use (a link leading out)."""
    suffix = path.suffix.lower()
    if path.name.startswith(".") or suffix not in ALLOWED_SUFFIXES:
        return None
    try:
        inside(folder, name)
        if not path.is_file():
            return None
    except (Refused, OSError):
        return None
    if suffix in MATERIAL_SUFFIXES:
        return Entry(name, *role_of(path), folder=where)
    return Entry(name, "class-list" if suffix in CLASS_LIST_SUFFIXES else "picture", None, folder=where)


def listing(folder: Path) -> Listing:
    """The files of `folder` (resolved) and of its sub-folders down to MAX_DEPTH that the page
    may use. A hidden folder or a link to a folder is never entered (a link may lead out of
    the folder or round in a loop; a linked file is listed only when it stays inside), and
    the walk stops at MAX_FOLDERS folders, MAX_LISTED files or MAX_LOOKED_AT names."""
    out: list[Entry] = []
    folders: list[str] = []
    queue: list[tuple[str, int]] = [("", 0)]  # breadth first: the nearest folders are listed first
    looked_at = 0
    cut = stop = False  # cut: something was left out; stop: a bound was reached, no more is read
    while queue and not stop:
        where, depth = queue.pop(0)
        if len(folders) >= MAX_FOLDERS:
            cut = True
            break
        try:
            with os.scandir(folder / where) as scan:
                found = []
                for item in scan:
                    looked_at += 1
                    if looked_at > MAX_LOOKED_AT:
                        cut = stop = True
                        break
                    found.append(item)
        except OSError:
            continue  # a folder the teacher may not read: left out, and not watched
        folders.append(where)
        subs: list[str] = []
        for item in sorted(found, key=lambda i: i.name.lower()):
            name = f"{where}/{item.name}" if where else item.name
            try:
                is_dir = item.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                if not item.name.startswith("."):
                    subs.append(name)
                continue
            entry = _entry(folder, name, Path(item.path), where)
            if entry is None:
                continue
            if len(out) >= MAX_LISTED:
                cut = stop = True
                break
            out.append(entry)
        if subs and depth == MAX_DEPTH:
            cut = True  # deeper folders are not looked into
        else:
            queue.extend((sub, depth + 1) for sub in subs)
    out.sort(key=lambda e: _folder_order(e.folder))  # stable: by name within a folder
    return Listing(out, sorted(folders, key=_folder_order), cut)


def _folder_order(where: str) -> tuple[str, ...]:
    """Folders in the order of a file manager's tree: the served one, then 4b, 4b/uke-12, 5a."""
    return tuple(part.lower() for part in where.split("/")) if where else ()


def entries(folder: Path) -> list[Entry]:
    """The files the page may use, in the folder and its sub-folders (see `listing`)."""
    return listing(folder).entries
