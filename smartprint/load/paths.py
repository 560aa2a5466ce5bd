"""Files named in a YAML file stay inside that file's folder.

A deck is something teachers share. If `image:` or `font:` could name any path,
a shared deck could pull `~/.ssh/id_rsa`-like files, or any photo on the
teacher's disk, into the PDF they then hand out. So a name is resolved relative
to the folder of the YAML file that names it, symlinks followed, and accepted
only when the real file lies inside that folder (or inside a folder the user
allowed on the command line with `--allow-path DIR`). Devices, FIFOs, folders
and kernel pseudo-files are refused even there: reading them hangs, never ends,
or leaks memory contents.

Every refusal is a `PathRefused` (a ValueError) whose message is a plain
sentence; callers put it behind `file:line:col:`.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Sequence
from pathlib import Path

#: Folders whose entries are not files but windows into the kernel or devices.
#: `/proc/self/mem` even claims to be a regular file, so the type alone is not enough.
PSEUDO_FOLDERS: tuple[Path, ...] = (Path("/proc"), Path("/sys"), Path("/dev"))

#: How many entries of one folder `find_case_insensitive` looks at before giving up.
MAX_SCAN = 10_000

_CHUNK = 1 << 20


class PathRefused(ValueError):
    """A name in a YAML file that cannot be used; the message says why and what to do."""


class OutsideFolder(PathRefused):
    """The name leads outside the YAML file's folder and no --allow-path covers it."""


class NotRegularFile(PathRefused):
    """The name is a folder, device, FIFO, socket or kernel pseudo-file."""


class FileMissing(PathRefused):
    """Nothing by that name; `suggestion` is a file whose name differs only in case."""

    def __init__(self, message: str, suggestion: Path | None = None):
        super().__init__(message)
        self.suggestion = suggestion


class TooLarge(PathRefused):
    """More bytes than the caller allows; `size` is the size when the file told it truthfully."""

    def __init__(self, message: str, limit: int, size: int | None):
        super().__init__(message)
        self.limit = limit
        self.size = size


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def _a(noun: str) -> str:
    """'a font file', 'an image', 'a file': the noun with its article."""
    noun = noun if noun.endswith("file") else f"{noun} file"
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def is_pseudo(path: Path) -> bool:
    """A file under /proc, /sys or /dev: never something a material should read."""
    try:
        return _pseudo(Path(os.path.realpath(path)))
    except OSError:
        return False


def _pseudo(path: Path) -> bool:
    return os.name == "posix" and any(_inside(path, p) for p in PSEUDO_FOLDERS)


def _shown(path: Path, base: Path) -> str:
    """How a user would write `path` in a YAML file in `base`."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return str(path)


def resolve_inside(
    base_dir: Path,
    value: str,
    allowed: Sequence[Path] = (),
    *,
    named_in: str | None = None,
    what: str = "file",
) -> Path:
    """The real path of the regular file `value` names, relative to `base_dir`.

    Accepted only inside `base_dir` (subfolders fine) or one of `allowed`;
    `named_in` (e.g. "deck.yaml") and `what` (e.g. "image") only shape messages.
    Raises a `PathRefused` subclass for every refusal, including file-system
    trouble on the way (permission denied, a link loop).

    The folder check comes before the existence check, so the messages never
    tell whether some file outside the folder exists.
    """
    label = f"{what} '{value}'" if what else f"'{value}'"
    folder = f"the folder of {named_in}" if named_in else f"the folder {base_dir}"
    if not value or not value.strip():
        raise PathRefused(f"the {what or 'file'} name is empty; write the file's name")
    if "\x00" in value:
        raise PathRefused(f"{label} contains a NUL character; write the file's name")
    base = base_dir.resolve()
    lexical = Path(os.path.normpath(base / value))
    try:
        real = lexical.resolve()
    except (OSError, RuntimeError):  # a symlink loop, on Pythons that raise for it
        raise PathRefused(f"{label} is a link that cannot be followed (does it point to itself?)") from None
    roots = [base, *(Path(a).resolve() for a in allowed)]
    if not any(_inside(real, root) for root in roots):
        if _inside(lexical, base):  # the name looks inside, but a link leads out
            todo = " (it is a link to a file elsewhere); copy the file itself into that folder"
        else:
            todo = "; copy the file into that folder"
        raise OutsideFolder(f"{label} is outside {folder}{todo}, or allow its folder with --allow-path DIR")
    try:
        st = real.stat()
    except FileNotFoundError:
        raise _missing(label, folder, lexical, base, roots, value) from None
    except NotADirectoryError:
        raise FileMissing(f"{label} not found in {folder}: a part of it is a file, not a folder") from None
    except OSError as exc:  # permission denied on the way, a link loop, a name too long
        raise PathRefused(f"{label} cannot be used ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(f"{label} is {_kind(st.st_mode)}, not a regular file; name {_a(what or 'file')}")
    if _pseudo(real):
        raise NotRegularFile(f"{label} is a system pseudo-file, not a regular file; name {_a(what or 'file')}")
    return real


def _missing(label: str, folder: str, lexical: Path, base: Path, roots: list[Path], value: str) -> FileMissing:
    """The not-found error, with a hint when only capitals or accents differ."""
    hint = ""
    try:
        other = find_case_insensitive(lexical)
    except OSError:
        other = None
    if other is not None and other != lexical:
        try:
            inside = any(_inside(other.resolve(), root) for root in roots)
        except (OSError, RuntimeError):
            inside = False
        if inside:  # never hint at the name of a file the user may not read
            if str(other).casefold() == str(lexical).casefold():
                why = "the capital letters differ"
            else:
                why = "the letters are written differently (capitals or accents)"
            return FileMissing(
                f"{label} not found; there is '{_shown(other, base)}' — {why}; "
                "write the name exactly as the file is named",
                other,
            )
    if "\\" in value:
        hint = "; write '/' between folder names, not '\\'"
    return FileMissing(f"{label} not found in {folder}{hint}")


def find_case_insensitive(path: Path) -> Path | None:
    """An existing path that differs from `path` only in capitals (or Unicode form).

    Files made on Windows or macOS often end in `.JPG` while the YAML says
    `.jpg`; this finds the file so the message can say so. Every missing part
    of the path is matched in its folder; `path` itself when it exists; None
    when nothing matches. Folders with more than MAX_SCAN entries are not searched.
    """
    if os.path.lexists(path):
        return path
    missing: list[str] = []
    anchor = path
    while not os.path.lexists(anchor):
        if anchor.parent == anchor:
            return None
        missing.append(anchor.name)
        anchor = anchor.parent
    current = anchor
    for name in reversed(missing):
        if name in ("", ".", ".."):
            current = current / name
            continue
        match = _match_in(current, name)
        if match is None:
            return None
        current = current / match
    return current


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _match_in(folder: Path, name: str) -> str | None:
    if not folder.is_dir():
        return None
    want = _fold(name)
    found: list[str] = []
    with os.scandir(folder) as entries:
        for i, entry in enumerate(entries):
            if i >= MAX_SCAN:
                break
            if _fold(entry.name) == want:
                found.append(entry.name)
    return min(found) if found else None  # min: the same answer on every run


def read_bounded(path: Path, limit_bytes: int) -> bytes:
    """The bytes of the regular file `path`, refusing more than `limit_bytes`.

    Reads at most limit+1 bytes, so a huge file costs no more than the limit,
    and a file whose size lies (files under /proc say 0) is still caught. The
    file is opened non-blocking and checked with fstat on the open handle, so a
    FIFO cannot hang us and a file swapped after a check is still seen as what
    it is. OSError (permission, I/O) passes through for the caller's boundary.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(f"'{path.name}' is {_kind(st.st_mode)}, not a regular file")
        if st.st_size > limit_bytes:
            raise TooLarge(
                f"'{path.name}' is {st.st_size} bytes; at most {limit_bytes} are allowed", limit_bytes, st.st_size
            )
        f = os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise
    with f:
        chunks: list[bytes] = []
        got = 0
        while got <= limit_bytes:
            chunk = f.read(min(_CHUNK, limit_bytes + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit_bytes:
            raise TooLarge(
                f"'{path.name}' is more than {limit_bytes} bytes; at most {limit_bytes} are allowed", limit_bytes, None
            )
    return b"".join(chunks)
