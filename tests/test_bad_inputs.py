"""The bad-input corpus: one mistake (or hostile input) per case in tests/bad_inputs/.

A case is a YAML file `tests/bad_inputs/<case>.yaml`, or a folder
`tests/bad_inputs/<case>/` whose material is `main.yaml` (companion layouts, pictures,
fonts beside it). The material starts with a header of YAML comments:

    # expect: 'title' must be text            a fragment of the message (repeatable: all must appear)
    # where: 2:8                              line:col in the material, file:line:col in another
    #                                         file of the case, or "-" when it names a flag or path
    # exit: 1                                 1 a mistake in a file, 2 a wrong command line, 0 builds
    # args: --sheets 5                        extra arguments; {out} the output path, {dir} the case's
    #                                         folder, {src} the material's file name
    # files: layout.yaml=extends: kort-63x88\nmargin: 10    a companion file (\n, \t, \\ escapes)
    # make: fifo lag.yaml                     a companion made at test time (see MAKERS)
    # sources: a/deck.yaml b/deck.yaml        the sources instead of the material (with {dir})
    # out: deck.pdf                           no -o: the default output, which must be left alone

Every case runs the command line's own `app` in this process (typer's CliRunner:
stdout and stderr apart, the exit status the command would end with), with the
copied case folder as the working folder and an existing output PDF with known bytes
in place, and checks the contracts of the design: the exit status, the message and
its place, no traceback or library type name, the old PDF byte-identical, no
temporary file left behind and nothing else in the folder changed. What a separate
process would print besides (an uncaught exception's traceback, Python warnings,
log records nobody handles) is put on stderr as the process would, so it is checked
too. A few cases (REAL_PROCESS) also run as the installed `smartprint` command in a
process of its own: the exit status a shell sees, and a FIFO that could block it.
(Starting a process per case cost a second each, most of the suite's time.)
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import shlex
import shutil
import signal
import stat
import struct
import subprocess
import sys
import threading
import traceback
import warnings
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "bad_inputs"
OLD_PDF = b"old pdf: must be left exactly as it was\n"
DEFAULT_OUT = "out.pdf"
HANG = 120  # seconds: a case still running this long is stuck (a FIFO read, a loop), not slow
ENV = {"PYTHONIOENCODING": "utf-8", "COLUMNS": "200", "NO_COLOR": "1"}
INTERNAL = (
    "Traceback",
    "ValidationError",
    "function-after",
    "Input should",
    "<unicode string>",
    "NoneType",
    "[Errno",
    "pydantic",
    "errors.pydantic.dev",
)
HEADER = re.compile(r"^\s*#\s*(?P<key>expect|where|exit|args|files|make|sources|out)\s*:\s?(?P<value>.*)$")
PLACE = re.compile(r"^(?:(?P<file>.+):)?(?P<line>\d+):(?P<col>\d+)$")


# --- companions made at test time (binary or special files are not committed) ---------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _png(width: int, height: int, rows: bytes | None = None) -> bytes:
    """A PNG (8-bit greyscale) whose header says width × height; `rows` the raw scanlines."""
    if rows is None:
        rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + _png_chunk(b"IDAT", zlib.compress(rows))
        + _png_chunk(b"IEND", b"")
    )


def _bomb(path: Path) -> None:
    """40000 × 40000 pixels (1.6 gigapixels) in a file of a few kilobytes: a decompression bomb."""
    width = height = 40_000
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * width
    body = b"".join(compressor.compress(row) for _ in range(64)) + compressor.flush()
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + _png_chunk(b"IDAT", body)
        + _png_chunk(b"IEND", b"")
    )


def _truncated_png(path: Path) -> None:
    whole = _png(64, 64, bytes(range(256)) * 16 + b"".join(b"\x00" + bytes(range(64)) for _ in range(64)))
    path.write_bytes(whole[:60])  # the header and a piece of the first data chunk


def _wide_png(path: Path) -> None:
    """A picture 1 × 60000 pixels: thin as a hair, and far past any sane size."""
    path.write_bytes(_png(60_000, 1))


def _jpeg_named_png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 60, 40)).save(path, format="JPEG")


def _good_png(path: Path) -> None:
    path.write_bytes(_png(32, 32))


def _garbage_font(path: Path) -> None:
    path.write_bytes(b"\x00\x01\x00\x00" + bytes(range(256)) * 8)  # a TrueType tag, then noise


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _text_png(path: Path) -> None:
    path.write_text("Dette er ikke et bilde, bare tekst med feil filendelse.\n", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _outside_png(path: Path) -> None:
    """A good picture one folder up: outside the case's folder (`path` names it from inside)."""
    path.parent.parent.joinpath(path.name).write_bytes(_png(32, 32))


def _file(path: Path) -> None:
    path.write_text("just a file\n", encoding="utf-8")


def _symlink_out(path: Path) -> None:
    os.symlink(path.parent / "elsewhere.pdf", path)  # a link where the PDF would go


def _link_passwd(path: Path) -> None:
    os.symlink("/etc/passwd", path)  # inside the folder by name, outside it in fact


def _link_main(path: Path) -> None:
    os.symlink("main.yaml", path)  # a link to the material itself


def _vera(path: Path) -> None:
    """A real TrueType font (reportlab's bundled Bitstream Vera)."""
    import reportlab

    shutil.copyfile(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf", path)


MAKERS = {
    "bomb-png": _bomb,
    "truncated-png": _truncated_png,
    "wide-png": _wide_png,
    "jpeg": _jpeg_named_png,
    "png": _good_png,
    "garbage-font": _garbage_font,
    "fifo": _fifo,
    "folder": _folder,
    "text-png": _text_png,
    "empty": _empty,
    "outside-png": _outside_png,
    "file": _file,
    "symlink": _symlink_out,
    "link-passwd": _link_passwd,
    "link-main": _link_main,
    "vera": _vera,
}


# --- reading the cases ------------------------------------------------------------------


@dataclass
class Case:
    name: str
    root: Path  # the case file or folder in the corpus
    material: str  # the material's file name inside the copied folder
    expect: list[str] = field(default_factory=list)
    where: str | None = None
    exit: int | None = None
    args: list[str] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    make: list[tuple[str, str]] = field(default_factory=list)
    sources: list[str] | None = None
    out: str | None = None


def _decode(raw: bytes) -> str:
    """The header is read whatever the file's encoding (the corpus has UTF-16 and Latin-1 files)."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t", "\\": "\\"}.get(m.group(1), m.group(0)), text)


def read_case(root: Path) -> Case:
    material = root / "main.yaml" if root.is_dir() else root
    case = Case(root.name.removesuffix(".yaml"), root, material.name if root.is_dir() else root.name)
    for line in _decode(material.read_bytes()).lstrip("\ufeff").splitlines():
        if not line.lstrip().startswith("#"):
            break
        m = HEADER.match(line)
        if m is None:
            continue
        key, value = m.group("key"), m.group("value").rstrip()
        if key == "expect":
            case.expect.append(value)
        elif key == "where":
            case.where = value.split()[0]
        elif key == "exit":
            case.exit = int(value.split()[0])
        elif key == "args":
            case.args += shlex.split(value)
        elif key == "files":
            name, _, text = value.partition("=")
            case.files.append((name.strip(), _unescape(text)))
        elif key == "make":
            maker, name = value.split(None, 1)
            case.make.append((maker, name.strip()))
        elif key == "sources":
            case.sources = shlex.split(value)
        elif key == "out":
            case.out = value.strip()
    return case


def discover() -> list[Case]:
    roots = [
        p
        for p in sorted(CORPUS.iterdir())
        if (p.is_dir() and (p / "main.yaml").is_file()) or (p.is_file() and p.suffix == ".yaml")
    ]
    return [read_case(p) for p in roots]


CASES = discover()


# --- running one -------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[str, str]]:
    """Every entry below `folder`: its kind and, for a plain file, its bytes' hash and mode
    (never opened unless a plain file: a FIFO would block a reader)."""
    seen: dict[str, tuple[str, str]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = os.lstat(path)
            rel = str(path.relative_to(folder))
            if stat.S_ISREG(st.st_mode):
                seen[rel] = ("file", f"{hashlib.sha256(path.read_bytes()).hexdigest()} {st.st_mode:o}")
            elif stat.S_ISLNK(st.st_mode):
                seen[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                seen[rel] = ("dir", f"{st.st_mode:o}")
            else:
                seen[rel] = ("other", f"{st.st_mode:o}")
    return seen


def prepare(case: Case, tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    if case.root.is_dir():
        shutil.copytree(case.root, folder, symlinks=True)
    else:
        folder.mkdir()
        shutil.copyfile(case.root, folder / case.material)
    for name, text in case.files:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for maker, name in case.make:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        MAKERS[maker](target)
    return folder


def command(case: Case, folder: Path) -> tuple[list[str], Path | None]:
    """The command line after `smartprint`, and the existing output it must leave alone
    (None: the case names its own)."""

    def fill(arg: str) -> str:
        return arg.replace("{out}", DEFAULT_OUT).replace("{dir}", str(folder)).replace("{src}", case.material)

    args = [fill(a) for a in case.args]
    sources = [fill(s) for s in case.sources] if case.sources is not None else [case.material]
    cmd = ["build", *sources]
    if case.out is not None:
        return cmd + args, folder / case.out
    names_output = any(a in ("-o", "--output") or a.startswith(("-o", "--output=")) for a in case.args)
    if names_output:
        return cmd + args, (folder / DEFAULT_OUT if "{out}" in " ".join(case.args) else None)
    return cmd + ["-o", DEFAULT_OUT, *args], folder / DEFAULT_OUT


def test_corpus_is_big_enough_and_every_case_is_complete():
    assert len(CASES) >= 110, len(CASES)
    for case in CASES:
        assert case.exit is not None, f"{case.name}: no '# exit:' in its header"
        assert case.exit == 0 or case.expect, f"{case.name}: no '# expect:' in its header"
        assert case.exit == 0 or case.where is not None, f"{case.name}: no '# where:' in its header"
        for maker, _ in case.make:
            assert maker in MAKERS, f"{case.name}: unknown maker {maker!r}"


@dataclass
class Ran:
    status: int
    stdout: str
    stderr: str


class Stuck(BaseException):
    """Raised by the hang guard; a BaseException so no `except Exception` swallows it."""


@contextmanager
def hang_guard(name: str) -> Iterator[None]:
    """Stop a case that is stuck (SIGALRM interrupts even a blocked open() of a FIFO).
    Not a speed limit: a case takes a fraction of a second, the guard minutes."""
    if threading.current_thread() is not threading.main_thread():  # pragma: no cover - signals need the main thread
        yield
        return

    def stuck(signum: int, frame: object) -> None:
        raise Stuck(f"{name}: still running after {HANG} s")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(HANG)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class _LastResort(logging.Handler):
    """What Python does with a log record of WARNING or more that no handler takes: print
    its message on stderr. (pytest's own capture handlers do not count as takers.)"""

    def emit(self, record: logging.LogRecord) -> None:
        logger: logging.Logger | None = logging.getLogger(record.name)
        while logger is not None:
            if any(h is not self and not type(h).__module__.startswith("_pytest") for h in logger.handlers):
                return
            logger = logger.parent if logger.propagate else None
        if record.levelno >= logging.WARNING:
            sys.stderr.write(record.getMessage() + "\n")


def run_in_process(args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> Ran:
    """`smartprint <args>` in `folder`, run by the command line's own app in this process."""
    from typer.testing import CliRunner

    from smartprint.cli import app

    monkeypatch.chdir(folder)
    handler = _LastResort()
    logging.getLogger().addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught, hang_guard(" ".join(["smartprint", *args])):
            warnings.resetwarnings()  # Python's defaults for a command, not pytest's
            warnings.simplefilter("default")
            for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
                warnings.simplefilter("ignore", category)
            result = CliRunner().invoke(app, args, env=ENV, prog_name="smartprint")
    except Stuck as exc:
        pytest.fail(str(exc))
    finally:
        logging.getLogger().removeHandler(handler)
    stderr = result.stderr
    stderr += "".join(warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line) for w in caught)
    status = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # what the interpreter prints for an exception nobody caught, and its exit status
        exc = result.exception
        stderr += "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        status = 1
    return Ran(status, result.stdout, stderr)


def installed_command() -> list[str]:
    """The `smartprint` console script beside this Python (as pip installs it), else `python -m smartprint`."""
    script = Path(sys.executable).with_name("smartprint")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "smartprint"]


def run_in_subprocess(args: list[str], folder: Path) -> Ran:
    env = {**os.environ, **ENV}
    try:
        done = subprocess.run(
            installed_command() + args, cwd=folder, capture_output=True, timeout=HANG, env=env, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"still running after {HANG} s; stderr so far:\n{(exc.stderr or b'').decode('utf-8', 'replace')[-2000:]}"
        )
    return Ran(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def check_case(case: Case, tmp_path: Path, run: Callable[[list[str], Path], Ran]) -> None:
    folder = prepare(case, tmp_path)
    args, out = command(case, folder)
    if out is not None and not out.is_symlink():
        out.write_bytes(OLD_PDF)
    before = snapshot(folder)

    done = run(args, folder)
    stdout, stderr = done.stdout, done.stderr
    shown = f"exit {done.status}\n--- stderr ---\n{stderr[-3000:]}\n--- stdout ---\n{stdout[-1000:]}"

    problems: list[str] = []  # every broken promise of this case, reported together
    for word in INTERNAL:
        if word in stdout + stderr:
            problems.append(f"{word!r} in the output")
    if done.status != case.exit:
        problems.append(f"exit status {done.status}, not {case.exit}")

    lines = stderr.splitlines()
    for fragment in case.expect:
        if not any(fragment in line for line in lines):
            problems.append(f"{fragment!r} not in stderr")
    if case.expect and case.where not in (None, "-"):
        m = PLACE.match(case.where)
        assert m, f"{case.name}: bad 'where' {case.where!r}"
        prefix = f"{m.group('file') or case.material}:{m.group('line')}:{m.group('col')}: "
        line = next((line for line in lines if case.expect[0] in line), None)
        if line is not None and not line.startswith(prefix):
            problems.append(f"the message should start with {prefix!r}")

    after = snapshot(folder)
    leftovers = [name for name in after if name.endswith(".tmp") and name not in before]
    if leftovers:
        problems.append(f"left behind {leftovers}")
    if case.exit == 0 and done.status == 0:
        if out is None or not out.read_bytes().startswith(b"%PDF"):
            problems.append("no PDF written")
    if case.exit == 0 and out is not None:
        before.pop(str(out.relative_to(folder)), None)
        after.pop(str(out.relative_to(folder)), None)
    elif out is not None and not out.is_symlink() and (not out.is_file() or out.read_bytes() != OLD_PDF):
        problems.append("the existing PDF was changed")
    changed = sorted(set(before) ^ set(after) | {k for k in before if k in after and before[k] != after[k]})
    if changed:
        problems.append(f"the build changed the folder: {changed}")
    assert not problems, f"{case.name}: " + "; ".join(problems) + f"\n{shown}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_case(case, tmp_path, lambda args, folder: run_in_process(args, folder, monkeypatch))


# One case of each exit status, and FIFOs where a reader would block: as a shell runs them.
REAL_PROCESS = ["merge-valid-in-list", "msg-duplicate-key", "cli-only-abc", "fs-source-fifo", "fs-picture-fifo"]


def test_the_real_process_cases_exist_and_cover_every_exit_status():
    chosen = [c for c in CASES if c.name in REAL_PROCESS]
    assert len(chosen) == len(REAL_PROCESS)
    assert {c.exit for c in chosen} == {0, 1, 2}


@pytest.mark.parametrize("case", [c for c in CASES if c.name in REAL_PROCESS], ids=lambda c: c.name)
def test_bad_input_as_a_real_process(case: Case, tmp_path: Path) -> None:
    check_case(case, tmp_path, run_in_subprocess)


def test_the_in_process_run_shows_what_a_process_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness itself can fail a case: an exception that escapes the command, a
    warning and an unhandled log record reach stderr as they would from a process."""
    import smartprint.pipeline

    case = next(c for c in CASES if c.name == "merge-valid-in-list")
    folder = prepare(case, tmp_path)
    args, _ = command(case, folder)

    def broken(*a: object, **k: object) -> None:
        warnings.warn("a library's warning", UserWarning, stacklevel=1)
        logging.getLogger("somelib.inner").warning("a library's log record")
        raise KeyError("internal")

    monkeypatch.setattr(smartprint.pipeline, "build", broken)
    ran = run_in_process(args, folder, monkeypatch)
    assert ran.status == 1
    assert "Traceback" in ran.stderr and "KeyError: 'internal'" in ran.stderr
    assert "UserWarning: a library's warning" in ran.stderr
    assert "a library's log record" in ran.stderr
    again = tmp_path / "again"
    again.mkdir()
    with pytest.raises(AssertionError, match="'Traceback' in the output; exit status 1, not 0"):
        check_case(case, again, lambda a, f: run_in_process(a, f, monkeypatch))
