"""The benchmark table docs/BENCHMARKS.md quotes: smartprint against plain reportlab scripts.

    python benchmarks/run.py            # about two minutes on two cores

Every case runs as whole processes (start-up included), smartprint and the plain
script taking turns, several times; the table gives the median wall time with the
range, the ratio of the medians, each child's own peak memory (from `wait4`, the
rusage of that child alone) and the PDF sizes. The plain scripts
(`plain_bingo.py`, `plain_cards.py`) do the same job as well as a competent
programmer would write it: each text wrapped once, shared art drawn once as a
form, the same fonts and the same compression. Nothing here is asserted by tests.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
SEED = "2024"
STACK_IMPORTS = (  # what any command that reads, checks and measures a material must import
    "import typer, yaml; from reportlab.pdfbase.ttfonts import TTFont; from pydantic import BaseModel"
)


@dataclass
class Runs:
    walls: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)  # MiB
    size: int = 0


def run(cmd: list[str], cwd: Path, out: Path | None) -> tuple[float, float]:
    """Wall seconds and the child's own peak RSS in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024


def measure(cases: list[tuple[str, list[str], list[str] | None, int]], cwd: Path) -> list[tuple[str, Runs, Runs]]:
    results = []
    for label, ours, plain, repeat in cases:
        a, b = Runs(), Runs()
        for k in range(repeat):
            pair = ((ours, a), (plain, b))
            for cmd, into in pair if k % 2 == 0 else pair[::-1]:  # alternating: neither always goes first
                if cmd is None:
                    continue
                wall, peak = run(cmd, cwd, None)
                into.walls.append(wall)
                into.peaks.append(peak)
        for cmd, into in ((ours, a), (plain, b)):
            if cmd is not None and "-o" in cmd:
                into.size = (cwd / cmd[cmd.index("-o") + 1]).stat().st_size
            elif cmd is not None and cmd[-1].endswith(".pdf"):
                into.size = (cwd / cmd[-1]).stat().st_size
        results.append((label, a, b))
        print(f"  measured: {label}", file=sys.stderr)
    return results


PHASES = ("interpreter", "imports", "load", "plan", "draw", "save", "other", "exit")


def phase_run(args: list[str], cwd: Path) -> dict[str, float]:
    """One whole process of `phases.py` (the command as `python -m smartprint` runs it):
    its phases in seconds, with the interpreter's start and the exit seen from here."""
    report = cwd / "phases.json"
    spawned = time.time()
    proc = subprocess.Popen(
        [PY, str(HERE / "phases.py"), str(report), *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, _ = os.wait4(proc.pid, 0)
    done = time.time()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: phases.py {' '.join(args)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    got = json.loads(report.read_text(encoding="utf-8"))
    inside = ("imports", "load", "plan", "draw", "save")
    phases = {name: got[name] for name in inside}
    phases["interpreter"] = got["started"] - spawned
    phases["other"] = got["ended"] - got["started"] - sum(phases[name] for name in inside)
    phases["exit"] = done - got["ended"]
    phases["total"] = done - spawned
    return phases


def phase_table(cases: list[tuple[str, list[str]]], cwd: Path, repeat: int) -> list[str]:
    """Markdown rows: the median of each phase over `repeat` runs, in milliseconds (the
    cases take turns, so a busy moment of the machine falls on each of them alike)."""
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, _ in cases}
    for _ in range(repeat):
        for label, args in cases:
            runs[label].append(phase_run(args, cwd))
    rows = ["| build | " + " | ".join(PHASES) + " | total (wall) |", "|---" * (len(PHASES) + 2) + "|"]
    for label, got in runs.items():
        cells = [f"{statistics.median(r[name] for r in got) * 1000:.0f}" for name in (*PHASES, "total")]
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return rows


def deck_500(folder: Path) -> Path:
    base = yaml.safe_load((ROOT / "decks" / "styrkekort.yaml").read_text(encoding="utf-8"))
    strengths = [c for c in base["cards"] if c.get("title")]
    cards = []
    for i in range(500):
        s = strengths[i % len(strengths)]
        cards.append(
            {
                "title": f"{s['title']} {i + 1}",
                "group": s["group"],
                "text": s["text"],
                "questions": s.get("questions", []),
            }
        )
    deck = {"kind": "cards", "title": "500 kort", "groups": base["groups"], "cards": cards, "back": base["back"]}
    path = folder / "deck500.yaml"
    path.write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def fmt(runs: Runs) -> str:
    if not runs.walls:
        return "—"
    med = statistics.median(runs.walls)
    return f"{med:.3f} s ({min(runs.walls):.3f}–{max(runs.walls):.3f})"


def main() -> None:
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(ROOT / "smartprint")], check=True, stdout=subprocess.DEVNULL
    )  # as after `pip install .`: imports from .pyc
    sp = [PY, "-m", "smartprint"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        deck500 = deck_500(folder)
        bingo = ROOT / "decks" / "paaskebingo.yaml"
        styrke = ROOT / "decks" / "styrkekort.yaml"
        file1000 = folder / "bingo1000.yaml"
        file1000.write_text(
            bingo.read_text(encoding="utf-8").replace("sheets: 40", "sheets: 1000\nseed: 2024"), encoding="utf-8"
        )
        cases = [
            (
                "bingo, 1,000 sheets",
                [*sp, "build", str(bingo), "--sheets", "1000", "--seed", SEED, "-q", "-o", "a.pdf"],
                [PY, str(HERE / "plain_bingo.py"), str(bingo), "1000", SEED, "b.pdf"],
                7,
            ),
            (
                "bingo, 10,000 sheets",
                [*sp, "build", str(bingo), "--sheets", "10000", "--seed", SEED, "-q", "-o", "c.pdf"],
                [PY, str(HERE / "plain_bingo.py"), str(bingo), "10000", SEED, "d.pdf"],
                3,
            ),
            (
                "500 cards, duplex",
                [*sp, "build", str(deck500), "-q", "-o", "e.pdf"],
                [PY, str(HERE / "plain_cards.py"), str(deck500), "f.pdf"],
                7,
            ),
            (
                "the floor: the plain card script with typer and pydantic, 500 cards",
                [PY, str(HERE / "stack_cards.py"), str(deck500), "s.pdf"],
                [PY, str(HERE / "plain_cards.py"), str(deck500), "t.pdf"],
                7,
            ),
            (
                "styrkekort (built-in, 25 cards)",
                [*sp, "build", "styrkekort", "-q", "-o", "g.pdf"],
                [PY, str(HERE / "plain_cards.py"), str(styrke), "h.pdf"],
                7,
            ),
            ("validate, 1,000-sheet file", [*sp, "validate", str(file1000)], None, 7),
            ("--help", [*sp, "--help"], None, 7),
            ("list", [*sp, "list"], None, 7),
            ("the floor of --help: python -c 'import typer'", [PY, "-c", "import typer"], None, 7),
            (
                "the floor of --help: a bare typer app with the nine commands",
                [PY, str(HERE / "help_floor.py"), "--help"],
                None,
                7,
            ),
            (
                "the floor of validate: importing typer, PyYAML, reportlab's TrueType fonts, pydantic",
                [PY, "-c", STACK_IMPORTS],
                None,
                7,
            ),
        ]
        only = sys.argv[1:]  # e.g. "bingo": just the cases whose name holds that word; "phases": the phase table
        results = measure([c for c in cases if not only or any(w in c[0] for w in only)], folder)
        phases: list[str] = []
        if not only or "phases" in only:
            phases = phase_table(
                [
                    ("500 cards", ["build", str(deck500), "-q", "-o", "p.pdf"]),
                    (
                        "bingo, 1,000 sheets",
                        ["build", str(bingo), "--sheets", "1000", "--seed", SEED, "-q", "-o", "q.pdf"],
                    ),
                ],
                folder,
                9,
            )
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; wall time, median (min–max); "
        "peak = each child's own max RSS"
    )
    print()
    print("| case | smartprint | plain reportlab | ratio | peak MiB (ours / plain) | PDF kB (ours / plain) |")
    print("|---|---|---|---|---|---|")
    for label, a, b in results:
        ratio = f"{statistics.median(a.walls) / statistics.median(b.walls):.2f}×" if b.walls else "—"
        peaks = f"{max(a.peaks):.0f} / {max(b.peaks):.0f}" if b.peaks else f"{max(a.peaks):.0f}"
        sizes = (
            f"{a.size / 1024:.0f} / {b.size / 1024:.0f} ({a.size / b.size:.2f}×)"
            if b.size
            else (f"{a.size / 1024:.0f}" if a.size else "—")
        )
        print(f"| {label} | {fmt(a)} | {fmt(b)} | {ratio} | {peaks} | {sizes} |")
    walls = {label: statistics.median(a.walls) for label, a, _ in results if a.walls}
    ours, floor = (
        walls.get("500 cards, duplex"),
        walls.get("the floor: the plain card script with typer and pydantic, 500 cards"),
    )
    if ours and floor:
        print()
        print(f"500 cards, smartprint ÷ the plain script with typer and pydantic: {ours / floor:.2f}×")
    if phases:
        print()
        print("Phases of one build, milliseconds, median of 9 runs each (benchmarks/phases.py):")
        print()
        print("\n".join(phases))


if __name__ == "__main__":
    main()
