"""`smartprint serve` measured in a real browser (Debian's Chromium through Playwright):
the first preview after the page opens, and keystroke to refreshed preview for the
built-in styrkekort (median and slowest of 10 edits). With --shots DIR it also saves
screenshots at 1366×768 and 1024×700: the card deck, a bingo sheet with a class list,
and an error at its line.

    python benchmarks/serve_latency.py [--shots DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from smartprint.commands.newfile import write_new

ALL_PAGES_SHOWN = (
    "() => { const p = document.querySelector('[data-testid=preview]');"
    " const imgs = [...p.querySelectorAll('img')];"
    " return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0) && p.dataset.version !== %r; }"
)


def _version(page: Page) -> str:
    return str(page.evaluate("() => document.querySelector('[data-testid=preview]').dataset.version || ''"))


def _open(page: Page, name: str) -> float:
    """Click a material in the list; seconds until every page of its preview is shown."""
    start = time.perf_counter()
    page.get_by_test_id("file-list").get_by_role("button", name=name).click()
    page.wait_for_function(ALL_PAGES_SHOWN % "", polling="raf")
    return time.perf_counter() - start


def _title_line(page: Page) -> None:
    page.locator(".cm-line", has_text="title:").first.click()
    page.keyboard.press("End")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, help="save screenshots into this folder")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("needs Chromium (apt-get install chromium)")
    folder = Path(tempfile.mkdtemp(prefix="serve-bench-"))
    write_new("styrkekort", str(folder / "styrkekort.yaml"))
    write_new("bli-kjent-bingo", str(folder / "bingo.yaml"))
    shutil.copy(Path(__file__).parents[1] / "examples" / "klasseliste" / "2b.txt", folder / "2b.txt")
    server = subprocess.Popen(
        [sys.executable, "-m", "smartprint", "serve", str(folder), "--no-browser"], stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    address = server.stdout.readline().strip()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.on("console", lambda m: print("console:", m.text) if m.type == "error" else None)
            opened = time.perf_counter()
            page.goto(address)
            _open(page, "styrkekort.yaml")
            cold = time.perf_counter() - opened  # the page opened as the server started: workers start too
            page.goto(address.split("?")[0])
            page.locator("[data-testid=file-list] .meta", has_text="bygger").first.wait_for()
            first = _open(page, "styrkekort.yaml")  # a page opened on a running server
            times = []
            _title_line(page)
            for n in range(10):
                before = _version(page)
                start = time.perf_counter()
                page.keyboard.type("x" if n % 2 == 0 else "y")
                page.wait_for_function(ALL_PAGES_SHOWN % before, polling="raf")
                times.append(time.perf_counter() - start)
                page.wait_for_timeout(150)
            print(f"first preview, page opened with the server: {cold:.2f} s; on a running server: {first:.2f} s")
            print(
                f"keystroke to refreshed preview (styrkekort, 10 edits): median {statistics.median(times):.2f} s,"
                f" slowest {max(times):.2f} s, all: {' '.join(f'{t:.2f}' for t in times)}"
            )
            if args.shots:
                _screenshots(page, args.shots)
            browser.close()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _screenshots(page: Page, shots: Path) -> None:
    shots.mkdir(parents=True, exist_ok=True)
    for width, height in ((1366, 768), (1024, 700)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)
        page.screenshot(path=str(shots / f"cards-{width}x{height}.png"))
    page.set_viewport_size({"width": 1366, "height": 768})
    try:
        _open(page, "bingo.yaml")
    except Exception:
        page.screenshot(path=str(shots / "failed.png"))
        raise
    before = page.locator("#summary").inner_text()
    page.locator("#pupils").select_option("2b.txt")
    page.wait_for_function(f"() => document.querySelector('#summary').innerText !== {before!r}", polling="raf")
    page.wait_for_timeout(500)
    for width, height in ((1366, 768), (1024, 700)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)
        page.locator("#thumbs button").nth(1).click()  # a pupil's sheet, by its thumbnail
        page.screenshot(path=str(shots / f"bingo-class-list-{width}x{height}.png"))
    _title_line(page)
    page.keyboard.press("Enter")
    page.keyboard.type("farge: blå")
    page.locator("[data-testid=errors] li.error").first.wait_for()
    page.wait_for_timeout(300)
    for width, height in ((1366, 768), (1024, 700)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)
        page.screenshot(path=str(shots / f"error-{width}x{height}.png"))


if __name__ == "__main__":
    main()
