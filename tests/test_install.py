"""The wheel carries the built-in decks and layouts: `smartprint build styrkekort`
works from any folder after a plain (non-editable) install."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail("building the wheel failed:\n" + result.stdout + result.stderr)
    return next(out.glob("smartprint-*.whl"))


def test_wheel_contains_decks_and_layouts(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ["smartprint/_data/decks/styrkekort.yaml", "smartprint/_data/decks/egenskaper.yaml",
                   "smartprint/_data/layouts/kort-63x88.yaml", "smartprint/_data/layouts/trykkeri-63x88.yaml"]:
        assert needed in names


def test_installed_wheel_builds_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run([sys.executable, "-c", "import smartprint; print(smartprint.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target))  # the installed copy, not the checkout
    result = subprocess.run([sys.executable, "-m", "smartprint", "build", "styrkekort", "-o", "s.pdf"],
                            cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "wrote s.pdf (6 pages: 25 cards on 3 sheets)" in result.stdout
    assert (work / "s.pdf").read_bytes()[:5] == b"%PDF-"
