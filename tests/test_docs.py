"""The map stays true: the README and docs/ name only files inside the repository, and
docs/ARCHITECTURE.md names every folder of the package and only paths that exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"


def test_links_stay_inside_the_repository():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "../" not in text, f"{doc.name} points outside the repository"
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            if "://" in target:
                continue
            assert (doc.parent / target).exists(), f"{doc.name} links to {target}, which is not there"


def test_every_path_the_map_names_exists():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:smartprint|tests|kinds|parts|load|check|resolve|text|write)/[\w./]+)`", text))
    assert named, "the map names no path"
    for path in named:
        candidates = [ROOT / path, ROOT / "smartprint" / path]
        assert any(c.exists() for c in candidates), f"docs/ARCHITECTURE.md names {path}, which is not there"


def test_the_map_names_every_folder_of_the_package():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    for folder in sorted(p for p in (ROOT / "smartprint").iterdir() if p.is_dir() and p.name != "__pycache__"):
        assert f"{folder.name}/" in text, f"docs/ARCHITECTURE.md does not say what smartprint/{folder.name}/ is for"
