"""`smartprint serve` lists the materials of sub-folders too (a teacher's 4b/ and 5a/), grouped
by folder and sorted, down to a bounded depth and count, and every rule of
tests/test_serve_security.py holds inside them: no `..`, no link leading out, known
suffixes only, every path inside the served folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from conftest import served_client  # noqa: E402
from smartprint.serve import folder as files  # noqa: E402

PORT = 8766
TOKEN = "sub-folder-token"
OWN = f"http://127.0.0.1:{PORT}"
BINGO = "kind: bingo\ntitle: {title}\ngrid: 3\nsheets: 1\nprompts: [a, b, c, d, e, f, g, h, i]\n"
SECRET = "kind: cards\ntitle: not yours\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("subfolders")
    (root / "secret.yaml").write_text(SECRET, encoding="utf-8")
    outside = root / "elsewhere"
    outside.mkdir()
    (outside / "theirs.yaml").write_text(SECRET, encoding="utf-8")
    here = root / "skole"
    for sub in ("5a", "4b", "4b/uke-12", ".git", "4B-ekstra"):
        (here / sub).mkdir(parents=True)
    (here / "felles.yaml").write_text(BINGO.format(title="Felles"), encoding="utf-8")
    (here / "5a" / "bingo.yaml").write_text(BINGO.format(title="Bingo 5a"), encoding="utf-8")
    (here / "4b" / "Zebra.yaml").write_text(BINGO.format(title="Zebra"), encoding="utf-8")
    (here / "4b" / "alfa.yaml").write_text(BINGO.format(title="Alfa"), encoding="utf-8")
    (here / "4b" / "klasse.csv").write_text("navn\nOla\nKari\n", encoding="utf-8")
    (here / "4b" / "notes.py").write_text("print('no')\n", encoding="utf-8")
    (here / "4b" / "uke-12" / "plan.yaml").write_text(BINGO.format(title="Uke 12"), encoding="utf-8")
    (here / "4B-ekstra" / "mer.yaml").write_text(BINGO.format(title="Mer"), encoding="utf-8")
    (here / ".git" / "config.yaml").write_text(SECRET, encoding="utf-8")
    # links inside a sub-folder that lead out of the served folder: a file and a folder
    (here / "4b" / "ut.yaml").symlink_to(root / "secret.yaml")
    (here / "4b" / "ute").symlink_to(outside, target_is_directory=True)
    # a link to a folder inside is not entered either (it could make a loop); its files are listed where they are
    (here / "5a" / "til-4b").symlink_to(here / "4b", target_is_directory=True)
    return here.resolve()


@pytest.fixture(scope="module")
def client(folder: Path) -> Iterator[TestClient]:
    with served_client(folder, PORT, TOKEN) as test_client:
        yield test_client


def test_materials_in_sub_folders_are_listed_grouped_by_folder_and_sorted(client: TestClient) -> None:
    listed = client.get("/api/files").json()
    names = [(f["folder"], f["name"]) for f in listed["files"]]
    assert names == [
        ("", "felles.yaml"),
        ("4b", "4b/alfa.yaml"),
        ("4b", "4b/klasse.csv"),
        ("4b", "4b/Zebra.yaml"),
        ("4b/uke-12", "4b/uke-12/plan.yaml"),
        ("4B-ekstra", "4B-ekstra/mer.yaml"),
        ("5a", "5a/bingo.yaml"),
    ]
    assert listed["cut"] is False
    assert all(f["kind"] == "bingo" for f in listed["files"] if f["role"] == "material")


def test_a_link_in_a_sub_folder_that_leads_out_is_not_followed(client: TestClient, folder: Path) -> None:
    names = {f["name"] for f in client.get("/api/files").json()["files"]}
    assert not {n for n in names if "ut" in n.split("/")[-1] or "ute/" in n or "til-4b" in n or ".git" in n}
    for name in (
        "4b/ut.yaml",
        "4b/ute/theirs.yaml",
        "4b/../../secret.yaml",
        "4b/./alfa.yaml",
        "4b/notes.py",
        ".git/config.yaml",
    ):
        answer = client.get("/api/file", params={"name": name})
        assert answer.status_code in (400, 403, 404), name
        assert "not yours" not in answer.text and str(folder.parent) not in answer.text
        put = client.put("/api/file", json={"name": name, "text": "x", "base": "x"}, headers={"origin": OWN})
        assert put.status_code in (400, 403, 404), name
    assert (folder.parent / "secret.yaml").read_text(encoding="utf-8") == SECRET
    assert (folder.parent / "elsewhere" / "theirs.yaml").read_text(encoding="utf-8") == SECRET
    assert client.get("/api/build", params={"name": "4b/ute/theirs.yaml"}).status_code == 403
    upload = client.post("/api/upload?name=4b/ny.csv", content=b"navn\nPer\n", headers={"origin": OWN})
    assert upload.status_code == 403 and not (folder / "4b" / "ny.csv").exists()  # the page makes files only at the top


def test_a_material_in_a_sub_folder_builds_with_its_class_list_and_names_its_place(
    client: TestClient, folder: Path
) -> None:
    source = folder / "4b" / "alfa.yaml"
    text, version = files.read_text(source)
    saved = client.put(
        "/api/file",
        json={"name": "4b/alfa.yaml", "text": text, "base": version, "pupils": "4b/klasse.csv"},
        headers={"origin": OWN},
    )
    assert saved.status_code == 200
    state = client.get("/api/build", params={"name": "4b/alfa.yaml", "pupils": "4b/klasse.csv", "wait": "1"}).json()
    assert state["latest"]["ok"], state["latest"]["problems"]
    said = state["latest"]["files"][0]["said"]
    assert said["nb"][0] == "3 sider: 1 side til den som leder, 2 bingobrett med elevenes navn"
    assert said["en"][0] == "3 pages: 1 page for the leader, 2 bingo sheets with the pupils' names"
    broken = text.replace("grid: 3", "grid: 3\nfarge: blå")
    assert (
        client.put(
            "/api/file", json={"name": "4b/alfa.yaml", "text": broken, "base": version}, headers={"origin": OWN}
        ).status_code
        == 200
    )
    state = client.get("/api/build", params={"name": "4b/alfa.yaml", "wait": "1"}).json()
    (problem,) = state["latest"]["problems"]
    assert problem["file"] == "4b/alfa.yaml" and problem["text"].startswith("4b/alfa.yaml:4:")  # as the page matches it


def test_a_deep_or_large_tree_is_listed_only_to_its_bounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = tmp_path
    for level in range(8):
        deep = deep / f"n{level}"
        deep.mkdir()
        (deep / f"m{level}.yaml").write_text("kind: bingo\n", encoding="utf-8")
    listed = files.listing(tmp_path.resolve())
    assert [e.name.count("/") for e in listed.entries] == list(range(1, files.MAX_DEPTH + 1))
    assert listed.cut

    wide = tmp_path / "wide"
    wide.mkdir()
    for n in range(12):
        (wide / f"f{n:02}").mkdir()
        (wide / f"f{n:02}" / "x.yaml").write_text("kind: bingo\n", encoding="utf-8")
    monkeypatch.setattr(files, "MAX_FOLDERS", 5)
    few_folders = files.listing(wide.resolve())
    assert len(few_folders.folders) == 5 and few_folders.cut
    assert [e.name for e in few_folders.entries] == ["f00/x.yaml", "f01/x.yaml", "f02/x.yaml", "f03/x.yaml"]
    monkeypatch.setattr(files, "MAX_FOLDERS", 200)
    monkeypatch.setattr(files, "MAX_LISTED", 3)
    few_files = files.listing(wide.resolve())
    assert len(few_files.entries) == 3 and few_files.cut
    monkeypatch.setattr(files, "MAX_LISTED", 500)
    monkeypatch.setattr(files, "MAX_LOOKED_AT", 6)
    few_names = files.listing(wide.resolve())
    assert few_names.cut and len(few_names.entries) < 12
