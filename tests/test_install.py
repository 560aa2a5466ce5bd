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
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail("building the wheel failed:\n" + result.stdout + result.stderr)
    return next(out.glob("smartprint-*.whl"))


def test_wheel_contains_decks_and_layouts(wheel):
    """Every file of the checkout's decks/ and layouts/ (every built-in YAML file) is in the
    wheel, unchanged, and the wheel's data folders hold nothing the checkout does not have."""
    with zipfile.ZipFile(wheel) as whl:
        names = whl.namelist()
        for folder in ("decks", "layouts"):
            ours = sorted(p.relative_to(ROOT / folder).as_posix() for p in (ROOT / folder).rglob("*") if p.is_file())
            assert any(name.endswith((".yaml", ".yml")) for name in ours), folder
            prefix = f"smartprint/_data/{folder}/"
            packed = sorted(n.removeprefix(prefix) for n in names if n.startswith(prefix) and not n.endswith("/"))
            assert packed == ours, (folder, sorted(set(ours) - set(packed)), sorted(set(packed) - set(ours)))
            for name in ours:
                assert whl.read(prefix + name) == (ROOT / folder / name).read_bytes(), f"{folder}/{name} differs"


def test_installed_wheel_builds_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import smartprint; print(smartprint.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(target))  # the installed copy, not the checkout
    result = subprocess.run(
        [sys.executable, "-m", "smartprint", "build", "styrkekort", "-o", "s.pdf"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote s.pdf (6 pages: 25 cards on 3 sheets)" in result.stdout
    assert (work / "s.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_wheel_carries_the_font_chain_with_its_licences(wheel):
    """The built-in fonts of every script smartprint prints, and their licences, are in the wheel."""
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
        for font in ("DejaVuSans", "DejaVuSans-Bold", "NotoSansArabic-Regular", "NotoSansArabic-Bold"):
            assert f"smartprint/fontdata/{font}.ttf" in names, font
        licence = whl.read("smartprint/fontdata/LICENSE.txt").decode()
    assert "Bitstream Vera" in licence and "SIL OPEN FONT LICENSE Version 1.1" in licence
