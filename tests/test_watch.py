"""`build --watch` in a real process: a saved file is built again within 2 s, a mistake
is printed and the watch goes on, and Ctrl-C (SIGINT) ends it cleanly."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import page_texts, write

DECK = "kind: cards\ntitle: Se\ncards:\n  - text: {text}\n"
REBUILT_WITHIN = 2.0  # seconds from the save to the new PDF
START_WITHIN = 30.0  # a loaded machine may take long to start Python; not what is tested


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


def test_watch_rebuilds_survives_a_mistake_and_stops_on_sigint(tmp_path: Path) -> None:
    source = write(tmp_path / "kort.yaml", DECK.format(text="Modig"))
    command = [str(Path(sys.executable).parent / "smartprint"), "build", "kort.yaml", "--watch"]
    process = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8"
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
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

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert _wait_for(lines, seen, "stopped watching", 2), seen
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kort.pdf", "kort.yaml"]  # nothing left behind
    assert not any("Traceback" in line for line in seen), seen
