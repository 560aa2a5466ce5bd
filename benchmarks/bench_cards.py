"""Card decks: smartprint against a plain reportlab script, same cards, same run.

    python benchmarks/bench_cards.py            # prints times and ratios

Targets (issue 2): smartprint at most 1.5× the plain script's time on 500 cards;
`smartprint --help` under 0.3 s. Nothing here is asserted by the test suite.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from plain_cards import draw_plain  # noqa: E402

from smartprint.pipeline import Options, build_to, prepare  # noqa: E402
from smartprint.resources import builtin_path  # noqa: E402

REPEAT = 15


def timings(ours, plain, repeat: int = REPEAT) -> tuple[list[float], list[float]]:
    """CPU seconds of each over `repeat` runs taken in turns, so that a busy
    neighbour on the machine slows both alike."""
    a, b = [], []
    for _ in range(repeat):
        for fn, into in ((ours, a), (plain, b)):
            t0 = time.process_time()
            fn()
            into.append(time.process_time() - t0)
    return a, b


def deck_500(folder: Path) -> tuple[Path, list[dict]]:
    base = yaml.safe_load(builtin_path("decks", "styrkekort").read_text(encoding="utf-8"))
    strengths = [c for c in base["cards"] if c.get("title")]
    cards = []
    for i in range(500):
        s = strengths[i % len(strengths)]
        cards.append({"title": f"{s['title']} {i + 1}", "group": s["group"], "text": s["text"],
                      "questions": s.get("questions", [])})
    deck = {"kind": "cards", "title": "500 kort", "groups": base["groups"], "cards": cards, "back": base["back"]}
    path = folder / "deck500.yaml"
    path.write_text(yaml.safe_dump(deck, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, cards


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = yaml.safe_load(builtin_path("decks", "styrkekort").read_text(encoding="utf-8"))
        small = [{"title": c.get("title", ""), "group": c.get("group", ""), "text": c.get("text", ""),
                  "questions": c.get("questions", [])} for c in base["cards"]]
        big_path, big = deck_500(folder)
        rows = []
        for label, source, cards in [("styrkekort (25 cards)", "styrkekort", small),
                                     ("500 cards", str(big_path), big)]:
            ours, plain = timings(lambda source=source: build_to(prepare(source, Options()), folder / "ours.pdf"),
                                  lambda cards=cards: draw_plain(cards, str(folder / "plain.pdf")))
            size_ours = (folder / "ours.pdf").stat().st_size
            size_plain = (folder / "plain.pdf").stat().st_size
            rows.append((label, ours, plain, size_ours, size_plain))
        print(f"CPU seconds over {REPEAT} interleaved runs: best (median)")
        print(f"{'deck':<24}{'smartprint':>18}{'plain':>18}{'ratio':>16}{'PDF ours':>10}{'PDF plain':>11}")
        for label, ours, plain, so, sp in rows:
            bo, bp = min(ours), min(plain)
            mo, mp = statistics.median(ours), statistics.median(plain)
            print(f"{label:<24}{bo:>8.3f}s ({mo:.3f}s){bp:>8.3f}s ({mp:.3f}s){bo / bp:>7.2f}× ({mo / mp:.2f}×)"
                  f"{so / 1024:>8.0f}kB{sp / 1024:>9.0f}kB")

    helps = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "smartprint", "--help"], check=True, capture_output=True)
        helps.append(time.perf_counter() - t0)
    bare = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t0)
    print(f"smartprint --help: median {statistics.median(helps):.3f}s "
          f"(a bare 'python -c pass' takes {statistics.median(bare):.3f}s here)")


if __name__ == "__main__":
    main()
