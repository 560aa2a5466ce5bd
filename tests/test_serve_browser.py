"""`smartprint serve` in a real browser (Debian's Chromium, driven by Playwright): the
real server on a free port, one browser session for the whole module. A teacher opens a
material, types, sees an error at its line and sees it go, sees the preview change,
downloads the PDF (the same bytes `smartprint build` writes), edits the file in another
program, and meets a conflict with both versions kept; no console errors; axe-core finds
no serious violation. Skipped, saying why, only when no browser can be had."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)

ADDRESS = re.compile(r"^http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)$")
AXE = Path(__file__).parent / "assets" / "axe.min.js"
WAIT_MS = 15_000
DECK = """# Våre styrker: fire kort til klassen
kind: cards
title: Styrkekort
language: nb

cards:
  - title: Mot
    text: Du tør å si ifra, også når det er vanskelig.
  - title: Humor
    text: Du får andre til å le.   # de fleste dagene
  - title: Vennlighet
    text: Du hjelper andre uten å bli spurt.
  - title: Nysgjerrighet
    text: Du spør og vil vite mer.
"""
LIGHT = "kind: bingo\ntitle: Lett\ngrid: 3\nsheets: 1\nprompts: [a, b, c, d, e, f, g, h, i]\n"


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (the build workers of the server)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("klasse")
    (folder / "kort.yaml").write_text(DECK, encoding="utf-8")
    (folder / "lett.yaml").write_text(LIGHT, encoding="utf-8")
    (folder / "4b").mkdir()
    (folder / "4b" / "uke.yaml").write_text(LIGHT.replace("title: Lett", "title: Uke"), encoding="utf-8")
    cache = tmp_path_factory.mktemp("cache")
    env = {**os.environ, "TMPDIR": str(cache)}
    process = subprocess.Popen(
        [sys.executable, "-m", "smartprint", "serve", str(folder), "--no-browser"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    match = ADDRESS.match(line)
    assert match, line
    yield {"url": line, "folder": folder, "process": process, "port": int(match[1]), "token": match[2]}
    workers = _children(process.pid)
    assert workers  # the build workers, which must end with the server
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0  # a clean stop
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert list(cache.iterdir()) == []  # the previews and PDFs it kept are gone


@pytest.fixture(scope="module")
def page(server: dict[str, Any]) -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run does it)")
    with playwright_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        except playwright_api.Error as exc:
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {str(exc).splitlines()[0]}")
        context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.problems = []  # console errors and uncaught exceptions
        page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        yield page
        browser.close()


def _src(page: Any) -> list[str]:
    return page.eval_on_selector_all("[data-testid=preview] img", "imgs => imgs.map(i => i.getAttribute('src'))")


def _saved(page: Any, source: Path, expected: str) -> None:
    """Wait until the file holds `expected` (typing ended and was saved), then for its build."""
    for _ in range(200):
        if expected in source.read_text(encoding="utf-8"):
            break
        page.wait_for_timeout(25)
    _built(page, source)
    assert expected in source.read_text(encoding="utf-8")


def _first_page_changes(page: Any, src: str) -> None:
    page.wait_for_function(f"() => document.querySelector('[data-testid=preview] img').getAttribute('src') !== {src!r}")


def _line_end(page: Any, number: int) -> None:
    """Put the cursor at the end of an editor line, as a teacher would with the mouse."""
    page.locator(".cm-line").nth(number - 1).click()
    page.keyboard.press("End")


def _built(page: Any, source: Path) -> None:
    """Wait until the page shows the build of the text now in the file, and the editor holds it."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:20]
    page.wait_for_function(
        f"() => document.querySelector('[data-testid=editor]').dataset.version === {digest!r}"
        f" && document.querySelector('[data-testid=preview]').dataset.version === {digest!r}"
    )


def test_a_teacher_edits_sees_errors_and_prints(server: dict[str, Any], page: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from smartprint.cli import app

    folder: Path = server["folder"]
    source = folder / "kort.yaml"
    page.goto(server["url"])
    assert "token" not in page.url  # the token went into the cookie
    page.get_by_test_id("file-list").get_by_role("button", name=re.compile("kort.yaml")).click()
    page.wait_for_function("() => document.querySelectorAll('[data-testid=preview] img[src]').length === 1")
    first = _src(page)
    # the summary in the page's words (bokmål), and a sub-folder's material under its folder
    assert page.locator("#summary .what").inner_text() == "1 side: 4 kort på 1 ark"
    assert page.locator("#summary .how").inner_text() == "A4 · Skriv ut ensidig, skriv ut i 100 % størrelse"
    group = page.get_by_test_id("file-list").locator("li.folder", has_text="4b/")
    assert group.get_by_role("button", name=re.compile("uke.yaml")).count() == 1
    # files and folders that come and go in sub-folders are followed (each listed folder is watched)
    listed = page.get_by_test_id("file-list")
    (folder / "4b" / "ny.yaml").write_text(LIGHT, encoding="utf-8")
    listed.locator("li.folder", has_text="4b/").get_by_role("button", name=re.compile("ny.yaml")).wait_for()
    (folder / "5a").mkdir()
    (folder / "5a" / "quiz.yaml").write_text(LIGHT, encoding="utf-8")
    listed.locator("li.folder", has_text="5a/").get_by_role("button", name=re.compile("quiz.yaml")).wait_for()
    shutil.rmtree(folder / "5a")
    listed.locator("li.folder", has_text="5a/").wait_for(state="detached")
    (folder / "4b" / "ny.yaml").unlink()
    listed.get_by_role("button", name=re.compile("ny.yaml")).wait_for(state="detached")

    # type: saved as typed, the preview changes
    lines = source.read_text(encoding="utf-8").splitlines()
    title_line = next(number for number, line in enumerate(lines, 1) if line.startswith("title:"))
    _line_end(page, title_line)
    page.keyboard.type(" for 5B")
    _saved(page, source, "title: Styrkekort for 5B\n")
    assert _src(page)[0] != first[0]

    # an error appears at its line, as text, and the old preview stays, marked old
    page.keyboard.press("Enter")
    page.keyboard.type("<b>farge</b>: blå")
    _saved(page, source, "\n<b>farge</b>: blå\n")
    errors = page.get_by_test_id("errors")
    problem = errors.locator("li", has_text=f":{title_line + 1}:")
    assert "<b>farge</b>" in problem.inner_text() and errors.locator("b").count() == 0
    assert page.locator(".cm-lintRange-error").count() >= 1
    assert page.locator("#stale").is_visible() and len(_src(page)) == 1

    # undo until it goes (each undo saved and built before the next)
    for _ in range(6):
        before = source.read_bytes()
        page.keyboard.press("Control+z")
        for _ in range(60):  # saved after the pause in typing
            if source.read_bytes() != before:
                break
            page.wait_for_timeout(50)
        _built(page, source)
        if "<b>" not in source.read_text(encoding="utf-8"):
            break
    assert page.locator("[data-testid=errors] li.error").count() == 0
    assert page.locator("#stale").is_hidden()

    # the PDF download is what `smartprint build` writes from the same text
    with page.expect_download() as download:
        page.get_by_test_id("pdf").first.click()
    downloaded = tmp_path / "download.pdf"
    download.value.save_as(downloaded)
    cli = tmp_path / "cli.pdf"
    assert CliRunner().invoke(app, ["build", str(source), "-o", str(cli), "-q"]).exit_code == 0
    assert downloaded.read_bytes() == cli.read_bytes()

    # an edit in another program is followed
    before = _src(page)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("title: Styrkekort for 5B", "title: Styrkekort for 6C"), encoding="utf-8")
    page.wait_for_function("() => document.querySelector('.cm-content').innerText.includes('Styrkekort for 6C')")
    _first_page_changes(page, before[0])

    # a conflict: typed here while another program saved; both versions kept, the teacher chooses
    other = source.read_text(encoding="utf-8").replace("title: Styrkekort for 6C", "title: Fra et annet program")

    def other_program_saves_first(route: Any) -> None:  # the page's save leaves after the other program's
        if route.request.method == "PUT" and source.read_text(encoding="utf-8") != other:
            source.write_text(other, encoding="utf-8")
        route.continue_()

    page.route("**/api/file", other_program_saves_first)
    _line_end(page, title_line)
    page.keyboard.type("!")
    page.locator("#conflict").wait_for()
    page.unroute("**/api/file")
    assert "Fra et annet program" in page.locator("#conflict-disk").inner_text()
    assert "Styrkekort for 6C!" in page.locator("#conflict-page").inner_text()
    assert source.read_text(encoding="utf-8") == other  # nothing overwritten before the choice
    page.locator("#keep-page").click()
    page.wait_for_function("() => document.querySelector('#conflict').hidden")
    page.wait_for_timeout(100)
    for _ in range(50):
        if "title: Styrkekort for 6C!\n" in source.read_text(encoding="utf-8"):
            break
        page.wait_for_timeout(100)
    assert "title: Styrkekort for 6C!\n" in source.read_text(encoding="utf-8")

    # keys are completed from the schema (`smartprint schema`), with their description
    _line_end(page, title_line)
    page.keyboard.press("Enter")
    page.keyboard.type("langu")
    page.locator(".cm-tooltip-autocomplete .cm-completionLabel", has_text="language").wait_for()
    assert "nynorsk" in page.locator(".cm-completionInfo").inner_text()  # the key's description
    page.wait_for_timeout(200)  # CodeMirror takes no Enter in the first 75 ms a completion shows
    page.keyboard.press("Enter")  # take it: "language: "
    page.keyboard.type("nn")
    _saved(page, source, "title: Styrkekort for 6C!\nlanguage: nn\n")
    assert "title: Styrkekort for 6C!\nlanguage: nn\n" in source.read_text(encoding="utf-8")
    assert "duplicate" in page.get_by_test_id("errors").inner_text()  # the file already says language: nb

    # words in English, labelled controls, no serious axe violation, no console error
    page.locator("#language").select_option("en")
    page.get_by_role("heading", name="Print", exact=True).wait_for()
    page.wait_for_function("() => document.querySelector('#summary .how').textContent.includes('Print single-sided')")
    assert re.fullmatch(r"1 page: 4 cards on 1 sheet", page.locator("#summary .what").inner_text())
    page.evaluate(AXE.read_text(encoding="utf-8"))
    serious = page.evaluate(
        "axe.run(document).then(r => r.violations.filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
    )
    assert serious == []
    assert page.problems == []


def _rss_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status)[1])  # type: ignore[index]


def test_twenty_pages_and_a_burst_of_two_hundred_edits(server: dict[str, Any]) -> None:
    """The load test, on loopback: 20 pages open at once (each with its event stream), 200
    edits in a burst from one of them. The server answers the others throughout, its memory
    stays bounded, few builds are made (the newest edit wins), and the file ends as the last
    edit left it, built."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    port, folder = server["port"], server["folder"]
    base_url = f"http://127.0.0.1:{port}"
    cookies = {f"smartprint-{port}": server["token"]}
    source = folder / "lett.yaml"
    pid = server["process"].pid

    async def burst() -> dict[str, Any]:
        async with httpx.AsyncClient(base_url=base_url, cookies=cookies, timeout=30) as client:

            async def open_page() -> Any:
                assert (await client.get("/")).status_code == 200
                assert (await client.get("/api/files")).status_code == 200
                stream = client.stream("GET", "/api/events")
                return stream, await stream.__aenter__()

            pages = await asyncio.gather(*(open_page() for _ in range(20)))
            assert all(response.status_code == 200 for _, response in pages)
            before = (await client.get("/api/build", params={"name": "lett.yaml", "wait": "1"})).json()["serial"]
            start_kb = _rss_kb(pid)
            version = (await client.get("/api/file", params={"name": "lett.yaml"})).json()["version"]
            answered: list[int] = []
            waited: list[float] = []  # reported, not asserted (no test asserts a wall-clock time)

            async def others() -> None:
                for _ in range(20):
                    asked = time.perf_counter()
                    answered.append((await client.get("/api/files")).status_code)
                    waited.append(time.perf_counter() - asked)
                    await asyncio.sleep(0.02)

            async def edits() -> str:
                base, text = version, ""
                for n in range(200):
                    text = LIGHT.replace("title: Lett", f"title: Lett {n}")
                    edit = {"name": "lett.yaml", "text": text, "base": base}
                    saved = await client.put("/api/file", json=edit, headers={"origin": base_url})
                    assert saved.status_code == 200
                    base = saved.json()["version"]
                return text

            began = time.perf_counter()
            last, _ = await asyncio.gather(edits(), others())
            burst_s = time.perf_counter() - began
            state = (await client.get("/api/build", params={"name": "lett.yaml", "wait": "1"})).json()
            end_kb = _rss_kb(pid)
            for stream, _ in pages:
                await stream.__aexit__(None, None, None)
            builds = state["serial"] - before  # builds of any file made meanwhile count too: an upper bound
            return {
                "last": last,
                "state": state,
                "answered": answered,
                "grown_kb": end_kb - start_kb,
                "builds": builds,
                "burst_s": burst_s,
                "slowest_other_s": max(waited),
            }

    with ThreadPoolExecutor(1) as thread:  # its own event loop (Playwright's runs in this thread)
        figures = thread.submit(asyncio.run, burst()).result()
    assert source.read_text(encoding="utf-8") == figures["last"]
    state = figures["state"]
    assert state["latest"]["ok"] and state["latest"]["version"] == hashlib.sha256(source.read_bytes()).hexdigest()[:20]
    assert figures["builds"] < 100  # 200 edits, far fewer builds: a build ends by building the newest text
    assert figures["answered"] == [200] * 20
    assert figures["grown_kb"] < 50_000
    print(
        f"load: 200 edits in {figures['burst_s']:.2f} s made {figures['builds']} builds; slowest answer to another"
        f" page {figures['slowest_other_s'] * 1000:.0f} ms; the server's memory grew {figures['grown_kb']} kB"
    )
