"""Nothing lost: where a PDF may be written, and what is left after failures and signals."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run, write

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "klassens-kort"


@pytest.fixture
def deck(tmp_path):
    folder = tmp_path / "kort"
    shutil.copytree(EXAMPLE, folder)
    return folder / "klassens-kort.yaml"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", ["klassens-kort.yaml", "sol.png", "min-utskrift.yaml"])
def test_output_that_is_a_file_the_build_reads_is_refused(runner, deck, name):
    before = _snapshot(deck.parent)
    result = run(runner, "build", str(deck), "-o", str(deck.parent / name))
    assert result.exit_code == 2, result.output
    assert f"that is a file this build reads ({name})" in result.output
    assert _snapshot(deck.parent) == before


def test_output_through_another_name_of_the_source_is_refused(runner, deck):
    os.link(deck, deck.parent / "same.pdf")
    result = run(runner, "build", str(deck), "-o", str(deck.parent / "same.pdf"))
    assert result.exit_code == 2 and "a file this build reads" in result.output


def test_two_sources_with_one_name_are_refused_before_anything_is_written(runner, tmp_path, monkeypatch):
    for folder in ("a", "b"):
        write(tmp_path / folder / "samme.yaml", "kind: cards\ntitle: S\ncards:\n  - title: A\n")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "build", "a/samme.yaml", "b/samme.yaml")
    assert result.exit_code == 2
    assert "a/samme.yaml and b/samme.yaml would both be written to samme.pdf" in result.output
    assert not (tmp_path / "samme.pdf").exists()


@pytest.mark.parametrize(
    "target, says",
    [
        ("", "-o needs a file name"),
        ("/dev/null", "not a plain file"),
        ("/dev/full", "not a plain file"),
        ("{folder}", "that is a folder"),
        ("{folder}/missing/x.pdf", "does not exist; create it first"),
        ("{folder}/sol.png/x.pdf", "is a file, not a folder"),
        ("{folder}/" + "a" * 300 + ".pdf", "the file name is too long"),
    ],
)
def test_outputs_that_cannot_work_are_refused(runner, deck, target, says):
    before = _snapshot(deck.parent)
    result = run(runner, "build", str(deck), "-o", target.format(folder=deck.parent))
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert "Traceback" not in result.output
    assert _snapshot(deck.parent) == before


def test_a_fifo_as_output_is_refused(runner, deck):
    fifo = deck.parent / "pipe.pdf"
    os.mkfifo(fifo)
    result = run(runner, "build", str(deck), "-o", str(fifo))
    assert result.exit_code == 2 and "not a plain file" in result.output


@pytest.mark.parametrize(
    "code, says",
    [
        (errno.EACCES, "close it there, or choose another folder"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "read-only"),
    ],
)
def test_file_system_trouble_while_writing_is_one_line(runner, deck, monkeypatch, code, says):
    """A PDF open in a viewer on Windows, a full disk, a read-only folder: the old PDF
    stays, no temporary file is left, and the message names the path."""
    out = deck.parent / "kort.pdf"
    out.write_bytes(b"old pdf")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", fail)
    result = run(runner, "build", str(deck), "-o", str(out))
    assert result.exit_code == 1, result.output
    assert says in result.output and "kort.pdf" in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"old pdf"
    assert [p.name for p in deck.parent.iterdir() if p.name.endswith(".tmp")] == []


def _smartprint(*args: str, cwd: Path, tmpdir: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, TMPDIR=str(tmpdir))
    return subprocess.Popen(
        [sys.executable, "-m", "smartprint", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_parts(tmpdir: Path, proc: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(p.name.startswith("smartprint-") and any(p.iterdir()) for p in tmpdir.iterdir()):
            return
        if proc.poll() is not None:
            pytest.fail("the build ended before it could be stopped")
        time.sleep(0.02)
    pytest.fail("no part folder appeared")


def test_sigterm_leaves_nothing_behind(tmp_path):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    out = tmp_path / "bingo.pdf"
    out.write_bytes(b"old pdf")
    proc = _smartprint("build", "paaskebingo", "--sheets", "10000", "-o", str(out), cwd=tmp_path, tmpdir=tmpdir)
    _wait_for_parts(tmpdir, proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert err.strip().endswith("stopped; bingo.pdf was not written"), err
    assert "Traceback" not in err
    assert out.read_bytes() == b"old pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bingo.pdf", "tmp"]
    assert list(tmpdir.iterdir()) == []


def test_leftovers_of_a_killed_build_are_cleaned_by_the_next(tmp_path):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    out = tmp_path / "bingo.pdf"
    proc = _smartprint("build", "paaskebingo", "--sheets", "10000", "-o", str(out), cwd=tmp_path, tmpdir=tmpdir)
    _wait_for_parts(tmpdir, proc)
    proc.kill()
    proc.communicate(timeout=60)
    assert list(tmpdir.iterdir()) and [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    again = _smartprint("build", "paaskebingo", "--sheets", "3", "-o", str(out), cwd=tmp_path, tmpdir=tmpdir)
    _, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bingo.pdf", "tmp"]
    assert list(tmpdir.iterdir()) == []


def test_a_title_with_pdf_words_survives_a_joined_run(runner, tmp_path, monkeypatch):
    """The title goes into the document information of every part; a title holding
    'endobj' once cut that object short when parts were joined (qpdf warned)."""
    from pypdf import PdfReader

    from smartprint.write import writer

    monkeypatch.setattr(writer, "PAGES_PER_PART", 10)
    title = "Bingo endobj 5 0 R stream (x) endstream"
    prompts = "\n".join(f"  - ting {i}" for i in range(12))
    src = write(tmp_path / "b.yaml", f'kind: bingo\ntitle: "{title}"\ngrid: 3\nsheets: 25\nprompts:\n{prompts}\n')
    out = tmp_path / "b.pdf"
    result = run(runner, "build", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out))
    assert reader.metadata.title == title and len(reader.pages) == 26
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
        assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout


def test_a_joined_run_carries_each_font_and_form_once_per_distinct_content(runner, tmp_path, monkeypatch):
    """Every part defines the same fonts and frame; the joined file shares identical
    copies (the first part, with the leader's page, and the last, shorter one may keep
    their own): 7 parts carry at most 6 font objects, not 14."""
    from pypdf import PdfReader

    from smartprint.write import writer

    monkeypatch.setattr(writer, "PAGES_PER_PART", 10)
    out = tmp_path / "b.pdf"
    assert run(runner, "build", "paaskebingo", "--sheets", "60", "-o", str(out)).exit_code == 0
    reader = PdfReader(str(out))
    assert len(reader.pages) == 61  # seven parts
    fonts, forms = set(), set()
    for page in reader.pages:
        resources = page["/Resources"]
        for ref in resources.get("/Font", {}).values():
            fonts.add(ref.idnum)
        for ref in resources.get("/XObject", {}).values():
            forms.add(ref.idnum)
    assert len(fonts) <= 6, fonts
    assert len(forms) <= 3, forms
