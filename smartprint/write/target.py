"""The write boundary: where a PDF may go, and writing it so nothing is ever lost.

Checked before anything is drawn: the output is not a file the build reads, not
the output of another source of the same command, not a folder, device or other
non-regular file, and its folder exists. Written to a temporary file beside the
target (created when drawing starts, named with our process id) and moved into
place with `os.replace`; on any failure, Ctrl-C or SIGTERM the temporary file is
removed and an existing PDF is left exactly as it was. Temporary files and part
folders of earlier runs that were killed outright are cleaned up by the next run.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from smartprint.errors import UsageError, UserError, display_path

TMP_PREFIX = "smartprint-"  # part folders in the system's temporary folder: smartprint-<pid>-xxxx
_TMP_OUT = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
_TMP_DIR = re.compile(r"^smartprint-(?P<pid>\d+)-")


def _describe(what: str, path: Path) -> str:
    return f"-o {path}: {what}"  # as typed: a link is named, not what it leads to


def check_target(target: Path, reads: Iterable[Path], suffix: str = ".pdf") -> None:
    """Refuse an output that would destroy something or cannot be written (UsageError).
    `suffix` is what is written: a PDF (or a preview's .png) under another name is refused."""
    if str(target) in ("", "."):
        raise UsageError("-o needs a file name, e.g. -o kort.pdf")
    path = Path(os.path.abspath(target))
    if len(path.name.encode()) > 255:
        raise UsageError(_describe("the file name is too long (at most 255 bytes)", target))
    for read in reads:
        if path == read or (path.exists() and read.exists() and os.path.samefile(path, read)):
            raise UsageError(
                _describe(
                    f"that is a file this build reads ({read.name}); choose another name, e.g. -o {read.stem}.pdf",
                    target,
                )
            )
    parent = path.parent
    if not parent.exists():
        raise UsageError(
            _describe(f"the folder {display_path(parent)} does not exist; create it first or choose another -o", target)
        )
    if not parent.is_dir():
        raise UsageError(_describe(f"{display_path(parent)} is a file, not a folder", target))
    if path.exists() or path.is_symlink():
        try:
            mode = os.lstat(path).st_mode
        except OSError as exc:
            raise UserError(_describe(os_reason(exc), target)) from None
        if stat.S_ISDIR(mode):
            raise UsageError(
                _describe(f"that is a folder; give a file name, e.g. -o {display_path(path / 'kort.pdf')}", target)
            )
        if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
            raise UsageError(
                _describe("that is not a plain file (a link, a device or the like); choose another name", target)
            )
        if path.suffix.lower() != suffix and not _holds(path, MAGIC[suffix]):
            raise UsageError(
                _describe(
                    "that file exists and is not a PDF (a material, a picture, a "
                    "document?); a build replaces only an earlier PDF, so choose another "
                    f"name, e.g. -o {path.stem}.pdf",
                    target,
                )
            )
    if path.suffix.lower() != suffix:
        given = path.suffix or "a file without a suffix"
        if suffix == ".png":
            what = f"a preview is a PNG picture: -o {path.stem}.png (the PDF itself: smartprint build), not {given}"
        else:
            what = f"smartprint writes a PDF (-o {path.stem}.pdf) or a preview (-o {path.stem}.png), not {given}"
        raise UsageError(_describe(what, target))


MAGIC = {".pdf": b"%PDF", ".png": b"\x89PNG"}


def _holds(path: Path, magic: bytes) -> bool:
    """Whether an existing file is what a build writes (or empty). A build replaces a file
    named .pdf (.png), or one that holds one; never a teacher's material, picture or
    document given to -o by mistake."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return True  # unreadable: the write itself will say why
    return not head or magic in head


def check_distinct(targets: list[tuple[str, Path]]) -> None:
    """Two sources of one command may not write the same file."""
    seen: dict[Path, str] = {}
    for source, target in targets:
        key = Path(os.path.abspath(target))
        if key in seen:
            raise UsageError(
                f"{seen[key]} and {source} would both be written to {display_path(target)}; "
                "build them one at a time with -o, or rename one"
            )
        seen[key] = source


def os_reason(exc: OSError) -> str:
    """What a file-system error means for a teacher, and what to do."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied; if the PDF is open in a PDF viewer, close it there, or choose another folder with -o"
    if code == errno.ENOSPC:
        return "the disk is full; free some space or choose another folder with -o"
    if code == errno.EROFS:
        return "that folder cannot be written to (read-only); choose another folder with -o"
    if code == errno.ENAMETOOLONG:
        return "the name is too long; choose a shorter one"
    if code == errno.ENOENT:
        return "no such file or folder"
    if code == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if code == errno.EISDIR:
        return "that is a folder, not a file"
    return exc.strerror or str(exc)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(folder: Path) -> None:
    """Remove temporary outputs in `folder` and part folders in the temporary folder
    left by smartprint runs that no longer run (killed with kill -9, a power cut)."""
    for directory, pattern, remove in (
        (folder, _TMP_OUT, os.unlink),
        (Path(tempfile.gettempdir()), _TMP_DIR, shutil.rmtree),
    ):
        try:
            names = os.listdir(directory)
        except OSError:
            continue
        for name in names:
            m = pattern.match(name)
            if m is None or _alive(int(m.group("pid"))):
                continue
            try:
                remove(directory / name)
            except OSError:
                pass


def parts_folder() -> tempfile.TemporaryDirectory[str]:
    """A private folder for the parts of a long document, named so a later run can
    tell whether its owner still runs."""
    return tempfile.TemporaryDirectory(prefix=f"{TMP_PREFIX}{os.getpid()}-")


@contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; it replaces `target` only if the block succeeds."""
    target = Path(target)
    clean_stale(target.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a PDF is for sharing
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
