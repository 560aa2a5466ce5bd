"""`smartprint serve`: every rule a local server must keep, proved over plain HTTP in
this process (Starlette's test client; builds in the real worker processes)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from conftest import served_client  # noqa: E402
from smartprint.commands.newfile import write_new  # noqa: E402
from smartprint.serve import folder as files  # noqa: E402
from smartprint.serve.builds import Limits  # noqa: E402
from smartprint.serve.command import bind  # noqa: E402
from smartprint.serve.security import cookie_name  # noqa: E402
from smartprint.serve.worker import _in_folder_words  # noqa: E402

PORT = 8765  # the port the app believes it listens on (no socket in these tests)
TOKEN = "the-start-up-token"
OWN = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve")
    here = root / "klasse"
    here.mkdir()
    (root / "secret.yaml").write_text("kind: cards\ntitle: not yours\n", encoding="utf-8")
    (here / "ut.yaml").symlink_to(root / "secret.yaml")
    (here / "notes.py").write_text("print('no')\n", encoding="utf-8")
    write_new("styrkekort", str(here / "kort.yaml"))
    (here / "bingo.yaml").write_text(
        "kind: bingo\ntitle: Prøvebingo\ngrid: 3\nprompts: [a, b, c, d, e, f, g, h, i]\n", encoding="utf-8"
    )
    return here.resolve()


@pytest.fixture(scope="module")
def client(folder: Path) -> Iterator[TestClient]:
    with served_client(folder, PORT, TOKEN) as test_client:
        yield test_client


def fresh(client: TestClient) -> TestClient:
    """The same app, without the cookie: a browser that never had the token."""
    other = TestClient(client.app, base_url=OWN)
    return other


def save(client: TestClient, name: str, text: str, base: str, **extra: object) -> object:
    return client.put("/api/file", json={"name": name, "text": text, "base": base, **extra}, headers={"origin": OWN})


# ------------------------------------------------------------------ loopback, token, Host, Origin


def test_it_binds_the_loopback_address_only() -> None:
    sock = bind(0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()


def test_every_request_needs_the_token(client: TestClient) -> None:
    stranger = fresh(client)
    for path in ("/", "/api/files", "/api/file?name=kort.yaml", "/static/app.js", "/api/events"):
        answer = stranger.get(path)
        assert answer.status_code == 403, path
        assert "token" in answer.text
    stranger.cookies.set(cookie_name(PORT), "guess")
    assert stranger.get("/api/files").status_code == 403
    assert stranger.get("/?token=guess", follow_redirects=False).status_code == 403


def test_the_token_in_the_address_becomes_an_httponly_strict_cookie_and_leaves_the_address(client: TestClient) -> None:
    stranger = fresh(client)
    answer = stranger.get(f"/?token={TOKEN}", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{cookie_name(PORT)}={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert stranger.get("/api/files").status_code == 200  # the cookie is enough from now on


def test_a_host_that_is_not_the_loopback_name_and_port_is_refused(client: TestClient) -> None:
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1", f"127.0.0.1:{PORT + 1}", f"10.0.0.1:{PORT}"):
        assert client.get("/api/files", headers={"host": host}).status_code == 421, host
    assert client.get("/api/files", headers={"host": f"localhost:{PORT}"}).status_code == 200


def test_a_change_needs_the_pages_own_origin(client: TestClient, folder: Path) -> None:
    text, version = files.read_text(folder / "kort.yaml")
    body = {"name": "kort.yaml", "text": text + "# x\n", "base": version}
    for origin in (None, "http://evil.example", f"http://127.0.0.1:{PORT + 1}", "null"):
        headers = {"origin": origin} if origin else {}
        assert client.put("/api/file", json=body, headers=headers).status_code == 403, origin
        assert client.post("/api/upload?name=a.txt", content=b"Ola\n", headers=headers).status_code == 403
    assert files.read_text(folder / "kort.yaml")[0] == text
    assert not (folder / "a.txt").exists()


def test_every_answer_carries_a_policy_without_inline_script(client: TestClient) -> None:
    for path in ("/", "/static/app.js", "/api/files", "/api/file?name=../secret.yaml", "/nowhere"):
        policy = client.get(path).headers["content-security-policy"]
        script = re.search(r"script-src ([^;]+)", policy)
        assert script is not None and script.group(1).strip() == "'self'", policy
        assert "frame-ancestors 'none'" in policy
    refused = fresh(client).get("/")
    assert "script-src 'self';" in refused.headers["content-security-policy"]
    page = client.get("/").text
    assert "<script" in page
    for tag in re.findall(r"<script[^>]*>", page):
        assert 'src="' in tag  # no inline script
    assert not re.search(r"\son[a-z]+=", page)  # no inline handlers


def test_the_pages_script_never_puts_text_in_as_html() -> None:
    static = Path(__file__).parents[1] / "smartprint" / "serve" / "static"
    for script in ("app.js", "complete.js"):
        code = (static / script).read_text(encoding="utf-8")
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", code), script


# ------------------------------------------------------------------ files only inside the folder


@pytest.mark.parametrize(
    "name",
    ["../secret.yaml", "/etc/passwd", "..%2Fsecret.yaml", "ut.yaml", "notes.py", ".hidden.yaml", "a\\..\\b.yaml", ""],
)
def test_only_files_inside_the_folder_with_allowed_suffixes(client: TestClient, folder: Path, name: str) -> None:
    answer = client.get("/api/file", params={"name": name})
    assert answer.status_code in (400, 403, 404)
    assert "not yours" not in answer.text and str(folder.parent) not in answer.text
    put = client.put("/api/file", json={"name": name, "text": "x", "base": "x"}, headers={"origin": OWN})
    assert put.status_code in (400, 403, 404)
    assert (folder.parent / "secret.yaml").read_text(encoding="utf-8") == "kind: cards\ntitle: not yours\n"


def test_the_file_list_shows_no_link_that_leads_out_and_no_other_file(client: TestClient) -> None:
    names = {f["name"] for f in client.get("/api/files").json()["files"]}
    assert names == {"kort.yaml", "bingo.yaml"}


def test_uploads_are_bounded_and_never_replace_a_file(
    client: TestClient, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_UPLOAD_BYTES", 1000)
    too_big = client.post("/api/upload?name=stor.csv", content=b"x" * 1001, headers={"origin": OWN})
    assert too_big.status_code == 413
    streamed = client.post("/api/upload?name=stor.csv", content=iter([b"x" * 600] * 2), headers={"origin": OWN})
    assert streamed.status_code == 413  # no Content-Length: cut while reading
    assert not (folder / "stor.csv").exists() and not list(folder.glob(".stor*"))
    ok = client.post("/api/upload?name=4b.csv", content=b"navn\nOla\nKari\n", headers={"origin": OWN})
    assert ok.status_code == 200 and (folder / "4b.csv").read_text(encoding="utf-8") == "navn\nOla\nKari\n"
    again = client.post("/api/upload?name=4b.csv", content=b"navn\nPer\n", headers={"origin": OWN})
    assert again.status_code == 409 and "Ola" in (folder / "4b.csv").read_text(encoding="utf-8")
    assert client.post("/api/upload?name=x.yaml", content=b"kind: x", headers={"origin": OWN}).status_code == 403


def test_messages_name_no_path_outside_the_folder() -> None:
    folder = "/home/lærer/klasse"
    said = _in_folder_words(
        "/home/lærer/klasse/kort.yaml:3:1: layout '/usr/lib/python3/site-packages/smartprint/_data/layouts/x.yaml'",
        folder,
    )
    assert said == "kort.yaml:3:1: layout 'x.yaml'"


def test_a_build_error_about_a_file_outside_names_no_outside_path(client: TestClient, folder: Path) -> None:
    text, version = files.read_text(folder / "bingo.yaml")
    outside = f"layout: {folder.parent}/secret.yaml\n"
    assert save(client, "bingo.yaml", text + outside, version).status_code == 200
    state = client.get("/api/build", params={"name": "bingo.yaml", "wait": "1"}).json()
    assert not state["latest"]["ok"]
    said = " ".join(p["text"] for p in state["latest"]["problems"])
    assert "bingo.yaml:5" in said and str(folder.parent) not in said
    save(client, "bingo.yaml", text, files.read_text(folder / "bingo.yaml")[1])


# ------------------------------------------------------------------ saving, conflicts, builds


def test_a_save_keeps_the_text_exactly_and_a_stale_base_is_a_conflict(client: TestClient, folder: Path) -> None:
    text, version = files.read_text(folder / "kort.yaml")
    mine = text.replace("title: Styrkekort", "title: Våre styrker   # min kommentar", 1) + "\n\n"
    saved = save(client, "kort.yaml", mine, version)
    assert saved.status_code == 200
    assert (folder / "kort.yaml").read_bytes() == mine.encode("utf-8")  # comments and blank lines kept
    late = save(client, "kort.yaml", text, version)  # from a page that did not see the save
    assert late.status_code == 200 and late.json()["conflict"]
    assert late.json()["text"] == mine  # the page gets the file's text to show beside its own
    assert (folder / "kort.yaml").read_bytes() == mine.encode("utf-8")
    assert save(client, "kort.yaml", text, late.json()["version"]).status_code == 200  # the teacher chose


def test_the_built_pdf_is_what_smartprint_build_writes(client: TestClient, folder: Path, runner: object) -> None:
    from typer.testing import CliRunner

    from smartprint.cli import app

    state = client.get("/api/build", params={"name": "kort.yaml", "wait": "1"}).json()
    good = state["latest"]
    assert good["ok"] and good["files"][0]["name"] == "kort.pdf"
    assert [p["number"] for p in good["pages"]] == list(range(1, good["files"][0]["pages"] + 1))
    served_pdf = client.get(f"/api/pdf/{good['serial']}/kort.pdf")
    assert served_pdf.headers["content-type"] == "application/pdf"
    assert "attachment" in served_pdf.headers["content-disposition"]
    out = folder.parent / "cli.pdf"
    assert CliRunner().invoke(app, ["build", str(folder / "kort.yaml"), "-o", str(out), "-q"]).exit_code == 0
    assert served_pdf.content == out.read_bytes()
    picture = client.get(f"/api/png/{good['pages'][0]['png']}.png")
    assert picture.content.startswith(b"\x89PNG")
    assert client.get("/api/png/../../etc.png").status_code == 404


def test_a_class_list_is_used_as_pupils_is(client: TestClient, folder: Path) -> None:
    (folder / "6a.txt").write_text("Ola Nordmann\nKari Nordmann\nPer Hansen\n", encoding="utf-8")
    write_new("klassebamse", str(folder / "bamse.yaml"))
    state = client.get("/api/build", params={"name": "bamse.yaml", "pupils": "6a.txt", "wait": "1"}).json()
    assert state["latest"]["ok"], state["latest"]["problems"]
    pdf = client.get(f"/api/pdf/{state['serial']}/{state['latest']['files'][0]['name']}").content
    import io

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Ola" in text and "Per" in text
    assert client.get("/api/build", params={"name": "bamse.yaml", "pupils": "../x.txt"}).status_code == 403


def test_a_failed_build_keeps_the_last_good_pages(client: TestClient, folder: Path) -> None:
    text, version = files.read_text(folder / "bingo.yaml")
    assert client.get("/api/build", params={"name": "bingo.yaml", "wait": "1"}).json()["latest"]["ok"]
    broken = text.replace("grid: 3", "grid: 3\nfarge: blå")
    assert save(client, "bingo.yaml", broken, version).status_code == 200
    state = client.get("/api/build", params={"name": "bingo.yaml", "wait": "1"}).json()
    assert not state["latest"]["ok"] and state["good"]["ok"]
    (problem,) = state["latest"]["problems"]
    assert problem["line"] == 4 and problem["text"].startswith("bingo.yaml:4:")
    save(client, "bingo.yaml", text, files.read_text(folder / "bingo.yaml")[1])


def test_a_crashing_or_runaway_build_never_takes_the_server_down(client: TestClient, folder: Path) -> None:
    builds = client.app.app.state.served.builds  # type: ignore[attr-defined]
    (worker,) = builds.workers
    for name in ("bingo.yaml", "kort.yaml"):  # nothing else building: the next build is kort.yaml's
        client.get("/api/build", params={"name": name, "wait": "1"})
    pid = worker.pid()
    assert pid is not None
    limits = Path(f"/proc/{pid}/limits").read_text()
    assert re.search(rf"Max address space\s+{Limits().memory_bytes}\s", limits)  # the memory bound
    text, version = files.read_text(folder / "kort.yaml")
    os.kill(pid, signal.SIGSTOP)  # frozen: the build asked for next cannot end
    save(client, "kort.yaml", text + "# 1\n", version)
    time.sleep(0.2)  # the request is in the worker's pipe
    os.kill(pid, signal.SIGKILL)  # the worker dies in the middle of a build
    state = client.get("/api/build", params={"name": "kort.yaml", "wait": "1"}).json()
    assert state["latest"].get("failure") == "crash" and state["good"]["ok"]
    builds.limits = worker.limits = Limits(seconds=0.001, workers=1)  # every build is now a runaway
    try:
        save(client, "kort.yaml", text + "# 2\n", files.read_text(folder / "kort.yaml")[1])
        state = client.get("/api/build", params={"name": "kort.yaml", "wait": "1"}).json()
    finally:
        builds.limits = worker.limits = Limits(workers=1)
    assert state["latest"].get("failure") == "time" and state["good"]["ok"]
    assert worker.pid() is None  # the runaway was ended; the next build starts a new worker
    assert client.get("/api/files").status_code == 200


def test_other_commands_do_not_load_the_server() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom smartprint.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\nCliRunner().invoke(app, ['list'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'watchfiles')"
        " or m.startswith('smartprint.serve')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_start_from_a_built_in_copies_it_into_the_folder_never_over_a_file(client: TestClient, folder: Path) -> None:
    made = client.post("/api/new", json={"source": "paaskebingo", "name": "påske"}, headers={"origin": OWN})
    assert made.status_code == 200 and made.json() == {"name": "påske.yaml"}
    assert "kind: bingo" in (folder / "påske.yaml").read_text(encoding="utf-8")
    again = client.post("/api/new", json={"source": "styrkekort", "name": "påske.yaml"}, headers={"origin": OWN})
    assert again.status_code == 409 and str(folder) not in again.text
    assert "kind: bingo" in (folder / "påske.yaml").read_text(encoding="utf-8")
    for name in ("../ut.yaml", "sub/x.yaml", "x.py"):
        refused = client.post("/api/new", json={"source": "styrkekort", "name": name}, headers={"origin": OWN})
        assert refused.status_code in (400, 403), name
    assert not (folder.parent / "ut.yaml").exists()


def test_a_shrunk_text_warning_is_placed_on_the_page_it_concerns(client: TestClient, folder: Path) -> None:
    long = "Dette er en lang tekst som " + "fortsetter og " * 50
    (folder / "lang.yaml").write_text(
        "kind: cards\ntitle: Lang\ncards:\n"
        + "".join(f"  - title: Kort {n}\n    text: Kort tekst.\n" for n in range(1, 10))
        + f"  - title: Prat\n    text: {long}\n",
        encoding="utf-8",
    )
    state = client.get("/api/build", params={"name": "lang.yaml", "wait": "1"}).json()["latest"]
    (warning,) = state["problems"]
    assert warning["severity"] == "warning" and "«Prat»" in warning["text"] and warning["line"] == 23
    assert state["pages"][warning["page"]]["number"] == 2  # nine cards fill the first sheet: «Prat» is on the second


def test_page_pictures_no_build_shows_are_swept(client: TestClient, folder: Path) -> None:
    builds = client.app.app.state.served.builds  # type: ignore[attr-defined]
    text, version = files.read_text(folder / "bingo.yaml")
    old = client.get("/api/build", params={"name": "bingo.yaml", "wait": "1"}).json()["good"]["pages"]
    save(client, "bingo.yaml", text.replace("Prøvebingo", "Ny bingo"), version)
    new = client.get("/api/build", params={"name": "bingo.yaml", "wait": "1"}).json()["good"]["pages"]
    gone = {p["png"] for p in old} - {p["png"] for p in new}
    assert gone and all((builds.store / f"{digest}.png").exists() for digest in gone)
    builds.sweep_after = 0
    try:
        builds.sweep()
    finally:
        builds.sweep_after = 60.0
    assert not any((builds.store / f"{digest}.png").exists() for digest in gone)
    assert all((builds.store / f"{p['png']}.png").exists() for p in new)
    save(client, "bingo.yaml", text, files.read_text(folder / "bingo.yaml")[1])
    client.get("/api/build", params={"name": "bingo.yaml", "wait": "1"})
