"""`build --watch` in a real process: a saved file is built again within 2 s, a mistake
is printed and the watch goes on, and Ctrl-C (SIGINT) ends it cleanly. `build FOLDER
--watch` follows the folder: a material added is built, one removed or renamed away is
dropped without an error and its PDF kept, half a file is built again once complete."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import page_texts, write

DECK = "kind: cards\ntitle: Se\ncards:\n  - text: {text}\n"
REBUILT_WITHIN = 2.0  # seconds from the save to the new PDF
START_WITHIN = 30.0  # a loaded machine may take long to start Python; not what is tested
SEEN_WITHIN = 10.0  # generous: the polls end as soon as the PDF or the line is there


def _lines(stream, into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line.rstrip("\n"))


def _wait_for(lines: queue.Queue[str], seen: list[str], fragment: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            line = lines.get(timeout=max(0.01, end - time.monotonic()))
        except queue.Empty:
            break
        seen.append(line)
        if fragment in line:
            return True
    return False


def _pdf_says(pdf: Path, text: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if text in page_texts(pdf)[0]:
                return True
        except Exception:  # not written yet, or being replaced
            pass
        time.sleep(0.05)
    return False


@contextmanager
def _watching(folder: Path, source: str) -> Iterator[tuple[subprocess.Popen[str], queue.Queue[str]]]:
    """`smartprint build SOURCE --watch` started in `folder`, and its output line by line;
    killed at the end if a failed test left it running."""
    command = [str(Path(sys.executable).parent / "smartprint"), "build", source, "--watch"]
    process = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8"
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    try:
        yield process, lines
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _stop(process: subprocess.Popen[str], lines: queue.Queue[str], seen: list[str]) -> None:
    """Ctrl-C: the watch says it stopped and exits 0."""
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0
    assert _wait_for(lines, seen, "stopped watching", 2), seen


def test_watch_rebuilds_survives_a_mistake_and_stops_on_sigint(tmp_path: Path) -> None:
    source = write(tmp_path / "kort.yaml", DECK.format(text="Modig"))
    seen: list[str] = []
    with _watching(tmp_path, "kort.yaml") as (process, lines):
        assert _wait_for(lines, seen, "watching for changes", START_WITHIN), seen
        assert "Modig" in page_texts(tmp_path / "kort.pdf")[0]

        source.write_text(DECK.format(text="Snill"), encoding="utf-8")
        assert _pdf_says(tmp_path / "kort.pdf", "Snill", REBUILT_WITHIN), seen
        assert _wait_for(lines, seen, "watching for changes", 5), seen

        source.write_text("kind: cards\ntitle: Se\ncards:\n  - tekst: Rolig\n", encoding="utf-8")
        assert _wait_for(lines, seen, "kort.yaml:4:5: unknown key 'tekst'", 5), seen
        assert _wait_for(lines, seen, "watching for changes", 5), seen
        assert process.poll() is None  # still watching after the mistake
        assert "Snill" in page_texts(tmp_path / "kort.pdf")[0]  # the last good PDF stays

        source.write_text(DECK.format(text="Rolig"), encoding="utf-8")
        assert _pdf_says(tmp_path / "kort.pdf", "Rolig", REBUILT_WITHIN), seen
        assert _wait_for(lines, seen, "watching for changes", 5), seen

        _stop(process, lines, seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kort.pdf", "kort.yaml"]  # nothing left behind
    assert not any("Traceback" in line for line in seen), seen


def test_a_folder_watch_builds_added_files_and_drops_removed_ones(tmp_path: Path) -> None:
    write(tmp_path / "kort.yaml", DECK.format(text="Modig"))
    write(tmp_path / "layout.yaml", "paper: A4\nmargin: 10mm\n")  # not a material: never built
    seen: list[str] = []
    with _watching(tmp_path, ".") as (process, lines):
        assert _wait_for(lines, seen, "watching for changes", START_WITHIN), seen
        assert (tmp_path / "kort.pdf").is_file()

        start = len(seen)  # a teacher copies a deck to a new name: that one is built, and only that one
        write(tmp_path / "mine-kort.yaml", DECK.format(text="Snill"))
        assert _pdf_says(tmp_path / "mine-kort.pdf", "Snill", SEEN_WITHIN), seen
        assert _wait_for(lines, seen, "watching for changes (2 materials", SEEN_WITHIN), seen
        assert "new: mine-kort.yaml; building it" in seen[start:], seen
        assert not any("kort.pdf" in line and "mine-kort" not in line for line in seen[start:]), seen

        start = len(seen)  # renamed: the old name is dropped (its PDF stays), the new one built
        (tmp_path / "kort.yaml").rename(tmp_path / "rolig.yaml")
        assert _pdf_says(tmp_path / "rolig.pdf", "Modig", SEEN_WITHIN), seen
        assert _wait_for(lines, seen, "watching for changes (2 materials", SEEN_WITHIN), seen
        assert any(line.startswith("removed: kort.yaml") for line in seen[start:]), seen
        assert "new: rolig.yaml; building it" in seen[start:], seen
        assert "Modig" in page_texts(tmp_path / "kort.pdf")[0]

        start = len(seen)  # removed: no error, the watch goes on with the others
        (tmp_path / "mine-kort.yaml").unlink()
        assert _wait_for(lines, seen, "watching for changes (1 material", SEEN_WITHIN), seen
        assert [line.split(";")[0] for line in seen[start:-1]] == ["removed: mine-kort.yaml"], seen
        assert process.poll() is None
        assert (tmp_path / "mine-kort.pdf").is_file()

        halv = tmp_path / "halv.yaml"  # caught while half written: its mistake, then its PDF once complete
        halv.write_text("kind: cards\ntitle: Halv\ncards:\n  - te", encoding="utf-8")
        assert _wait_for(lines, seen, "halv.yaml:4:5:", SEEN_WITHIN), seen
        assert _wait_for(lines, seen, "watching for changes (2 materials", SEEN_WITHIN), seen
        halv.write_text(DECK.format(text="Glad"), encoding="utf-8")
        assert _pdf_says(tmp_path / "halv.pdf", "Glad", SEEN_WITHIN), seen
        assert _wait_for(lines, seen, "watching for changes", SEEN_WITHIN), seen

        _stop(process, lines, seen)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["halv.pdf", "halv.yaml", "kort.pdf", "layout.yaml", "mine-kort.pdf", "rolig.pdf", "rolig.yaml"]
    assert not any("Traceback" in line or "no such file" in line for line in seen), seen
    # the PDFs and temporary files the watch wrote never set off a build: one save was seen
    assert [line for line in seen if line.startswith("saved:")] == ["saved: halv.yaml; building again"], seen
