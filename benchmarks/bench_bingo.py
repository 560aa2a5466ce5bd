"""Bingo sheets: smartprint against a plain reportlab script, same sheets, same run.

    python benchmarks/bench_bingo.py

Targets (issue 3): at least 0.8× the plain script's pages per second on 1,000 sheets,
a PDF no larger than 1.3× the plain script's, and peak memory for 10,000 sheets under
150 MB that does not grow with the number of sheets. Nothing here is asserted by tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from plain_bingo import draw_plain  # noqa: E402

from smartprint.kinds.bingo.plan import make_sheets  # noqa: E402
from smartprint.pipeline import Options, build_to, prepare  # noqa: E402
from smartprint.resources import builtin_path  # noqa: E402

REPEAT = 3
SEED = 2024

MEMORY_PROBE = """
import json, resource, sys
from pathlib import Path
from smartprint.pipeline import Options, build_to, prepare
job = prepare(sys.argv[1], Options(sheets=int(sys.argv[2]), seed=2024))
build_to(job, Path(sys.argv[3]))
print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""

BASELINE_PROBE = """
import json, resource
from smartprint.pipeline import Options, prepare
import reportlab.pdfgen.canvas, pydantic
print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


def peak_mb(folder: Path, sheets: int) -> float:
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, "paaskebingo", str(sheets), str(folder / "m.pdf")],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out) / 1024


def main() -> None:
    deck = yaml.safe_load(builtin_path("decks", "paaskebingo").read_text(encoding="utf-8"))
    prompts = deck["prompts"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        count = 1000
        sheets = make_sheets(len(prompts), 5, True, count, SEED, "people")
        ours_t, plain_t = [], []
        for _ in range(REPEAT):
            t0 = time.process_time()
            pages, _ = build_to(prepare("paaskebingo", Options(sheets=count, seed=SEED)), folder / "ours.pdf")
            ours_t.append(time.process_time() - t0)
            t0 = time.process_time()
            draw_plain(deck["title"], deck["instructions"], deck["footer"], prompts, deck["free"], sheets, 5,
                       str(folder / "plain.pdf"))
            plain_t.append(time.process_time() - t0)
        ours, plain = min(ours_t), min(plain_t)
        size_ours = (folder / "ours.pdf").stat().st_size
        size_plain = (folder / "plain.pdf").stat().st_size
        print(f"1,000 sheets (CPU seconds, best of {REPEAT}):")
        print(f"  smartprint {ours:.2f}s = {pages / ours:.0f} pages/s (incl. leader's page), "
              f"plain reportlab {plain:.2f}s = {count / plain:.0f} pages/s")
        print(f"  speed ratio (ours/plain pages per second): {(pages / ours) / (count / plain):.2f}×")
        print(f"  PDF: smartprint {size_ours / 1024:.0f} kB, plain {size_plain / 1024:.0f} kB, "
              f"ratio {size_ours / size_plain:.2f}×")

        base = json.loads(subprocess.run([sys.executable, "-c", BASELINE_PROBE], capture_output=True, text=True,
                                         check=True).stdout) / 1024
        print(f"peak memory (max RSS of a fresh process; {base:.0f} MB is Python with the libraries loaded):")
        for n in (1_000, 5_000, 10_000):
            print(f"  {n:>6} sheets: {peak_mb(folder, n):.0f} MB")


if __name__ == "__main__":
    main()
