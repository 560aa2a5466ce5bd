"""The README's tour is run line by line, as a newcomer would, in a fresh folder."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tour_lines() -> list[str]:
    """The shell lines of the README's "A short tour" section (indented code)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## A short tour", 1)[1].split("\n## ", 1)[0]
    lines = [line.strip() for line in section.splitlines() if line.startswith("    smartprint ")]
    return [re.sub(r"\s+#.*$", "", line) for line in lines]


def test_the_tour_has_the_commands_a_newcomer_needs():
    lines = tour_lines()
    assert len(lines) >= 10
    assert lines[0] == "smartprint list"
    assert any(line.startswith("smartprint new ") for line in lines)


def test_every_line_of_the_tour_runs(tmp_path, monkeypatch):
    """The first line as the installed command in a process of its own (what a newcomer
    types first); the rest by the command line's own app in this process, which shows an
    escaping exception, a warning or a stray log record on stderr as a process would
    (tests/test_bad_inputs.py: run_in_process). A process per line cost a second each."""
    from test_bad_inputs import installed_command, run_in_process

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    first, *rest = tour_lines()
    done = subprocess.run(
        installed_command() + shlex.split(first)[1:], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{first}\n{done.stdout}{done.stderr}"
    assert "Traceback" not in done.stderr
    for line in rest:
        result = run_in_process(shlex.split(line)[1:], tmp_path, monkeypatch)
        assert result.status == 0, f"{line}\n{result.stdout}{result.stderr}"
        assert "Traceback" not in result.stderr, f"{line}\n{result.stderr}"
    made = {p.name for p in tmp_path.iterdir()}
    assert {
        "styrkekort.pdf",
        "mine-kort.pdf",
        "plakater.pdf",
        "styrkekort-trykkeri-63x88.pdf",
        "styrkekort-fold.pdf",
        "paaskebingo.pdf",
        "paaskebingo-7.pdf",
        "klassens-kort.pdf",
        "megselvhelten-2b.pdf",  # a class list's build is named by the list
        "bli-kjent-bingo-2b.pdf",
        "mine-kort.png",  # the preview's contact sheet
        "relasjonsspill-a3.pdf",  # the board on its own paper
        "relasjonsspill-a4.pdf",  # rules, cards, die and pawns
        "relasjonsspill-spillbrett-a4.pdf",
    } <= made
    assert (tmp_path / "examples" / "ordbingo" / "styrkebingo.pdf").is_file()  # a folder's PDFs beside their files
    assert sorted(p.name for p in (tmp_path / "mine-kort-sider").iterdir()) == ["side-001.png", "side-002.png"]


def test_the_set_up_section_has_exactly_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    commands = [line for line in setup.splitlines() if line.startswith("    python3 -m venv")]
    assert len(commands) == 2
    assert "pip install . && .venv/bin/smartprint build" in commands[0]
    assert "pip install '.[test]' && .venv/bin/python -m pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q '.[test]' && .venv/bin/python -m pytest" in ci


def test_the_pictures_of_each_kind_are_small_pngs_made_by_the_script():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\((docs/pictures/[\w-]+\.png)\)", text)
    assert len(pictures) == 5
    script = (ROOT / "docs" / "pictures" / "refresh.py").read_text(encoding="utf-8")
    for picture in pictures:
        data = (ROOT / picture).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 40_000, picture
        assert f'"{Path(picture).stem}":' in script  # refreshed by the script
