"""Shared helpers: build through the real command line and read the PDFs back."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from smartprint.cli import app

LOCATION = re.compile(r"^(?P<file>[^:\n]+\.ya?ml):(?P<line>\d+):(?P<col>\d+): .+", re.M)


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """pyproject.toml's addopts ask pytest-xdist for workers (`-n auto`). Without xdist
    (`-p no:xdist`, or pytest installed without it) pytest would refuse the option; here
    it is then accepted and ignored, and the suite runs in one process. (`_addoption`:
    pytest keeps one-letter lowercase options for itself and lets plugins in only this
    way, as xdist does.)"""
    if pluginmanager.has_plugin("xdist"):
        return
    group = parser.getgroup("xdist", "without pytest-xdist: accepted and ignored")
    group._addoption("-n", "--numprocesses", dest="numprocesses", default=None, help="ignored without pytest-xdist")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto`: one worker per CPU this process may use, counting a container's CPU
    quota (cgroup), which xdist's own count (the CPU affinity) does not see: a CI job
    limited to 2 CPUs on a 64-CPU host gets 2 workers, not 64 that each collect the
    suite. PYTEST_XDIST_AUTO_NUM_WORKERS=N still decides (xdist's hook reads it)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    quota = _cgroup_cpus()
    return max(1, min(cpus, quota) if quota else cpus)


def _cgroup_cpus(root: Path = Path("/sys/fs/cgroup")) -> int | None:
    """The CPUs a cgroup quota allows (v2 cpu.max, or v1 cfs quota / period), rounded up; None: no quota."""
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]
        return None if quota == "max" else -(-int(quota) // int(period))
    except (OSError, ValueError):
        pass
    try:
        quota_us = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
        period_us = int((root / "cpu" / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return -(-quota_us // period_us) if quota_us > 0 and period_us > 0 else None


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@contextmanager
def served_client(folder: Path, port: int, token: str) -> Iterator[Any]:
    """`smartprint serve` over `folder` in this process (Starlette's test client, with the
    token's cookie; builds in one real worker, no watcher, no start-up builds)."""
    from starlette.testclient import TestClient

    from smartprint.serve.app import Served, create_app
    from smartprint.serve.builds import Limits
    from smartprint.serve.security import cookie_name

    served = Served(folder=folder, token=token, port=port, watch=False, check_at_start=False, limits=Limits(workers=1))
    with TestClient(create_app(served), base_url=f"http://127.0.0.1:{port}") as test_client:
        test_client.cookies.set(cookie_name(port), token)
        yield test_client


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str):
    return runner.invoke(app, list(args))


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, in order, as PDFium (Chrome's PDF engine) reads it: much
    faster than pypdf, which roughly doubled the time of the PDF tests."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_bounded() for i in range(len(doc))]
    finally:
        doc.close()  # closes its pages and text pages too


def render(pdf: Path, page: int, dpi: int = 50):
    """A page as a PIL image (pypdfium2), for checks on what a printer would put on paper."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()
