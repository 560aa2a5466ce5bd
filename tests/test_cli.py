"""The command line as a teacher meets it: real processes, real exit codes."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import LOCATION, run, write


def sp(*args: str, cwd: Path):
    return subprocess.run([sys.executable, "-m", "smartprint", *args], cwd=cwd, capture_output=True, text=True)


def test_help_lists_the_commands(tmp_path):
    result = sp("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("build", "validate", "list"):
        assert command in result.stdout


def test_help_does_not_load_the_pdf_machinery(tmp_path):
    """`smartprint --help` and `smartprint build --help` print their help without loading
    reportlab or pydantic (smartprint's own modules never import them on the way)."""
    probe = """
import builtins, json, sys

HEAVY = ("reportlab", "pydantic")
importers = set()  # (heavy package, module whose import statement asked for it), already loaded or not
real_import = builtins.__import__

def spy(name, globals=None, locals=None, fromlist=(), level=0):
    top = name.split(".")[0] if level == 0 else ""
    if top in HEAVY:
        importers.add((top, (globals or {}).get("__name__", "?")))
    return real_import(name, globals, locals, fromlist, level)

builtins.__import__ = spy

def state():
    return {"heavy": sorted(m for m in HEAVY if m in sys.modules),
            "importers": sorted({who for top, who in importers if who.split(".")[0] not in HEAVY})}

from smartprint.cli import app

states = {"import": state()}
for args in (["--help"], ["build", "--help"]):
    try:
        app(args, prog_name="smartprint", standalone_mode=False)
    except SystemExit:
        pass
    print("=== end of help ===")
    states[" ".join(args)] = state()
print(json.dumps(states))
"""
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    main_help, build_help, report = out.stdout.split("=== end of help ===\n")
    assert "Usage: smartprint [OPTIONS] COMMAND" in main_help
    for command in ("build", "validate", "list"):
        assert command in main_help
    assert "Usage: smartprint build [OPTIONS]" in build_help and "Build PDFs" in build_help
    for option in ("--output", "--layout", "--backs", "--sheets", "--seed", "--only", "--quiet"):
        assert option in build_help
    states = json.loads(report)
    assert states["import"]["heavy"] == [] and states["--help"]["heavy"] == [], states
    assert "reportlab" not in states["build --help"]["heavy"], states
    # typer 0.29 itself imports pydantic (typer._adapters) to coerce the group's own options
    # whenever a subcommand is given; no other module may ask for pydantic or reportlab
    assert [who for who in states["build --help"]["importers"] if not who.startswith("typer.")] == [], states


def test_build_default_output_name_in_current_folder(tmp_path):
    result = sp("build", "styrkekort", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wrote styrkekort.pdf (6 pages: 25 cards on 3 sheets)"
    assert (tmp_path / "styrkekort.pdf").is_file()


def test_a_file_notepad_saved_as_txt_builds_a_pdf_of_its_own_name(runner, tmp_path, monkeypatch):
    """Notepad adds .txt to kort.yaml; the PDF is kort.pdf, not kort.yaml.pdf."""
    from conftest import run

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "kort.yaml.txt", "kind: cards\ntitle: X\ncards:\n  - title: A\n")
    result = run(runner, "build", "kort.yaml.txt")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "kort.pdf").is_file() and not (tmp_path / "kort.yaml.pdf").exists()


def test_user_error_through_a_real_process(tmp_path):
    write(tmp_path / "feil.yaml", "kind: cards\ntitle: X\ncards:\n  - title: A\n    colour: rød\n")
    result = sp("build", "feil.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert LOCATION.match(result.stderr.strip())
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "feil.pdf").exists()


def test_usage_error_is_status_2(tmp_path):
    assert sp("build", "--sheets", "many", "styrkekort", cwd=tmp_path).returncode == 2


def test_list_shows_builtins(runner):
    result = run(runner, "list")
    assert result.exit_code == 0
    assert "styrkekort" in result.output and "egenskaper" in result.output
    assert "kort-63x88" in result.output and "trykkeri-63x88" in result.output


def test_validate_takes_a_folder_as_build_does(runner, tmp_path, monkeypatch):
    """`build FOLDER` builds each material in it; `validate FOLDER` said "this is a folder"."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "4b" / "kort.yaml", "kind: cards\ntitle: X\ncards:\n  - title: A\n")
    write(tmp_path / "4b" / "feil.yaml", "kind: cards\ntitle: Y\ncards:\n  - title: A\n    farge: rød\n")
    write(tmp_path / "4b" / "notater.txt", "not a material")
    result = run(runner, "validate", "4b")
    assert result.exit_code == 1
    assert "4b/kort.yaml: ok" in result.stdout and "feil.yaml:5:5: unknown key 'farge'" in result.stderr
    assert sorted(p.name for p in (tmp_path / "4b").iterdir()) == ["feil.yaml", "kort.yaml", "notater.txt"]
    (tmp_path / "tom").mkdir()
    empty = run(runner, "validate", "tom")
    assert empty.exit_code == 1 and "no material in this folder" in empty.stderr


def test_validate_good_file_writes_nothing(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(runner, "validate", "styrkekort", "egenskaper")
    assert result.exit_code == 0
    assert "styrkekort: ok (6 pages: 25 cards on 3 sheets)" in result.output
    assert list(tmp_path.iterdir()) == []


def test_build_several_sources_continues_past_a_bad_one(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "bad.yaml", "kind: cards\ntitle: X\n")
    result = run(runner, "build", "bad.yaml", "styrkekort")
    assert result.exit_code == 1
    assert (tmp_path / "styrkekort.pdf").is_file()
    assert "bad.yaml:1:1: 'cards' is missing" in result.output


def _bingo_file(tmp_path: Path, sheets: int) -> Path:
    prompts = "\n".join(f"  - ting {i}" for i in range(30))
    return write(tmp_path / "b.yaml", f"kind: bingo\ntitle: B\nsheets: {sheets}\nfree: Fri\nprompts:\n{prompts}\n")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    _bingo_file(tmp_path, 300)
    result = sp("build", "b.yaml", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""


def test_progress_bar_on_a_terminal_and_not_with_quiet(tmp_path):
    import os
    import pty

    _bingo_file(tmp_path, 400)

    def run_on_tty(*extra: str) -> str:
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "smartprint", "build", "b.yaml", *extra],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=follower,
            env={**os.environ, "COLUMNS": "100"},
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait()
        os.close(leader)
        assert proc.returncode == 0
        return b"".join(chunks).decode("utf-8", "replace")

    assert "brett" in run_on_tty()
    assert run_on_tty("--quiet") == ""


def test_bingo_flags_on_a_card_deck_are_refused(runner, tmp_path):
    result = run(runner, "build", "styrkekort", "--sheets", "3", "-o", str(tmp_path / "s.pdf"))
    assert result.exit_code == 2
    assert "--sheets (how many numbered sheets or boards) is not for card decks" in result.output
    assert "card decks take --backs" in result.output
    assert not (tmp_path / "s.pdf").exists()
